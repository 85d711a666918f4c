//! PNG and PDF output.
//!
//! In: an SVG document from `liutu-render-svg`. Out: PNG bytes (resvg/tiny-skia) or PDF
//! bytes (krilla + krilla-svg, text embedded and selectable), plus warnings — today, the
//! characters no bundled font could draw, which would otherwise silently come out as
//! empty boxes. Only the bundled fonts are used ([`fonts`]), so a chart with Chinese
//! labels renders the same on a machine with no fonts installed.

mod fonts;

use std::fmt;

pub use fonts::{database, missing_glyphs};
pub use liutu_model::{Rgba, parse_color};

use resvg::{tiny_skia, usvg};

/// Largest PNG we agree to allocate, in pixels (about 400 MB of RGBA).
pub const MAX_PIXELS: u64 = 100_000_000;

/// Something the caller should tell the user, though output was produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// These characters have no glyph in any bundled font; they are drawn as the font's
    /// empty box.
    MissingGlyphs(Vec<char>),
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingGlyphs(chars) => {
                write!(f, "no bundled font has a glyph for")?;
                for (i, c) in chars.iter().enumerate() {
                    let sep = if i == 0 { " " } else { ", " };
                    write!(f, "{sep}'{c}' (U+{:04X})", u32::from(*c))?;
                }
                write!(f, "; they are drawn as empty boxes")
            }
        }
    }
}

/// Bytes of a rendered file and the warnings produced on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Warning>,
}

/// Why nothing could be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RasterError {
    /// The SVG could not be parsed.
    Svg(String),
    /// The scale is not a positive finite number.
    BadScale(String),
    /// The image would be empty or larger than [`MAX_PIXELS`].
    Size { width: u64, height: u64 },
    /// PNG encoding failed.
    Png(String),
    /// PDF writing failed.
    Pdf(String),
}

impl fmt::Display for RasterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RasterError::Svg(e) => write!(f, "cannot read the SVG: {e}"),
            RasterError::BadScale(s) => write!(f, "scale must be a positive number, not {s}"),
            RasterError::Size { width, height } => write!(
                f,
                "a {width}×{height} px image is too large (limit: {MAX_PIXELS} pixels); use a smaller scale"
            ),
            RasterError::Png(e) => write!(f, "cannot encode the PNG: {e}"),
            RasterError::Pdf(e) => write!(f, "cannot write the PDF: {e}"),
        }
    }
}

impl std::error::Error for RasterError {}

/// Parses the SVG with the bundled fonts only, and without touching the file system
/// (`<image href="file">` is not resolved).
fn parse(svg: &str) -> Result<usvg::Tree, RasterError> {
    let mut options = usvg::Options {
        fontdb: database(),
        font_family: liutu_measure::fonts::LATIN_FAMILY.to_string(),
        font_size: 16.0,
        ..usvg::Options::default()
    };
    options.image_href_resolver.resolve_string = Box::new(|_, _| None);
    usvg::Tree::from_str(svg, &options).map_err(|e| RasterError::Svg(e.to_string()))
}

fn warnings(svg: &str) -> Vec<Warning> {
    let missing = missing_glyphs(svg);
    if missing.is_empty() {
        Vec::new()
    } else {
        vec![Warning::MissingGlyphs(missing)]
    }
}

/// Renders `svg` to a PNG, `scale` device pixels per CSS pixel, on `background` (or
/// transparent).
pub fn png(svg: &str, scale: f32, background: Option<Rgba>) -> Result<Output, RasterError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RasterError::BadScale(scale.to_string()));
    }
    let tree = parse(svg)?;
    let size = tree.size();
    let width = (f64::from(size.width()) * f64::from(scale)).ceil();
    let height = (f64::from(size.height()) * f64::from(scale)).ceil();
    let too_large = !(width >= 1.0 && height >= 1.0) || width * height > MAX_PIXELS as f64;
    if too_large {
        return Err(RasterError::Size {
            width: width.max(0.0) as u64,
            height: height.max(0.0) as u64,
        });
    }
    let (w, h) = (width as u32, height as u32);
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(RasterError::Size {
        width: u64::from(w),
        height: u64::from(h),
    })?;
    if let Some(bg) = background {
        pixmap.fill(tiny_skia::Color::from_rgba8(bg.r, bg.g, bg.b, bg.a));
    }
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| RasterError::Png(e.to_string()))?;
    Ok(Output {
        bytes,
        warnings: warnings(svg),
    })
}

/// Renders `svg` to a one-page PDF the size of the drawing, text embedded as real
/// (selectable, searchable) text in subsets of the bundled fonts.
pub fn pdf(svg: &str) -> Result<Output, RasterError> {
    use krilla::Document;
    use krilla::page::PageSettings;
    use krilla_svg::{SurfaceExt, SvgSettings};

    let tree = parse(svg)?;
    let size = tree.size();
    let settings = PageSettings::from_wh(size.width(), size.height()).ok_or(RasterError::Size {
        width: size.width() as u64,
        height: size.height() as u64,
    })?;
    let mut document = Document::new();
    {
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let drawn = krilla::geom::Size::from_wh(size.width(), size.height())
            .and_then(|s| surface.draw_svg(&tree, s, SvgSettings::default()));
        surface.finish();
        page.finish();
        if drawn.is_none() {
            return Err(RasterError::Pdf("the drawing has no size".into()));
        }
    }
    let bytes = document
        .finish()
        .map_err(|e| RasterError::Pdf(format!("{e:?}")))?;
    Ok(Output {
        bytes,
        warnings: warnings(svg),
    })
}
