//! `liutu [render]`: source → model → layout → renderer → output.

use crate::args::RenderArgs;
use crate::format::{self, Format};
use crate::{Failure, input, report};
use liutu_layout::LayoutOptions;
use liutu_measure::FontMeasure;
use liutu_render_svg::SvgOptions;
use liutu_render_text::{Charset, TextOptions};
use liutu_syntax::Severity;
use std::io::{IsTerminal, Write};

/// Diagnostics printed before the rest are only counted.
const MAX_SHOWN: usize = 50;

pub fn run(args: &RenderArgs) -> Result<(), Failure> {
    let output = args.output.as_deref();
    let format = format::choose(args.format.as_deref(), args.ascii, output)?;
    if output.is_none() && format.is_binary() && std::io::stdout().is_terminal() {
        return Err(format!(
            "{format:?} is binary: write it to a file with -o, or pipe it somewhere"
        )
        .to_lowercase()
        .into());
    }
    let limits = args.limits;
    let source = input::read_limited(args.input.as_deref().or(args.file.as_deref()), &limits)?;
    let read = liutu_syntax::read(&source.text);
    let shown: Vec<_> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error || !args.quiet)
        .collect();
    // Hostile input can hold thousands of errors: show the first ones, count the rest.
    for d in shown.iter().take(MAX_SHOWN) {
        eprint!("{}", report::format(&source.name, &source.text, d));
    }
    if shown.len() > MAX_SHOWN {
        eprintln!(
            "note: {} more diagnostics not shown (`liutu check` lists them all)",
            shown.len() - MAX_SHOWN
        );
    }
    if read.has_errors() {
        return Err(Failure::Reported);
    }
    let Some(mut diagram) = read.diagram else {
        return Err(format!("{}: no diagram found", source.name).into());
    };
    if let Some(path) = &args.config {
        let settings = crate::config_file::read(path)?;
        if !args.quiet {
            for warning in liutu_syntax::shared_config_warnings(&settings) {
                eprintln!("warning: config file {}: {warning}", path.display());
            }
        }
        crate::config_file::apply(&mut diagram, settings);
    }
    // Counts first, then the layout's own estimate: both before any layout work.
    limits
        .check_diagram(&diagram)
        .and_then(|()| liutu_layout::limits::check(&diagram, &limits).map(|_| ()))
        .map_err(|e| format!("{}: {e}", source.name))?;
    let options = LayoutOptions::default();
    let mut too_wide: Option<String> = None;
    let bytes: Vec<u8> = match format {
        Format::Text | Format::Ascii => {
            let text_options = TextOptions {
                charset: if format == Format::Ascii {
                    Charset::Ascii
                } else {
                    Charset::Unicode
                },
                // ASCII has no ambiguous characters: the flag changes nothing there.
                ambiguous_wide: args.ambiguous_wide && format != Format::Ascii,
                color: match args.color.as_str() {
                    "always" => true,
                    "never" => false,
                    "auto" => {
                        output.is_none()
                            && std::io::stdout().is_terminal()
                            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    }
                    other => {
                        return Err(format!(
                            "unknown --color value `{other}` (expected auto, always or never)"
                        )
                        .into());
                    }
                },
            };
            // The terminal's width when printing to one, else only what --width says.
            let budget = args.width.or_else(|| {
                (output.is_none() && std::io::stdout().is_terminal())
                    .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                    .flatten()
            });
            let drawn = crate::text_art::draw(&diagram, &text_options, budget)?;
            if let (Some(budget), Some(needed)) = (budget, drawn.overflow) {
                let message =
                    format!("the drawing needs {needed} columns; only {budget} are available");
                if args.strict_width {
                    // Printed all the same; the exit code says it did not fit.
                    too_wide = Some(message);
                } else if !args.quiet {
                    eprintln!("warning: {message}");
                }
            }
            drawn.text.into_bytes()
        }
        Format::Json => {
            let scene = liutu_layout::layout(&diagram, &FontMeasure::default(), &options);
            let mut json = serde_json::to_string_pretty(&scene)
                .map_err(|e| format!("cannot write the scene as JSON: {e}"))?;
            json.push('\n');
            json.into_bytes()
        }
        Format::Svg | Format::Png | Format::Pdf => {
            let scene = liutu_layout::layout(&diagram, &FontMeasure::default(), &options);
            let bytes = graphic(&scene, format, args)?;
            exit_soon(scene);
            bytes
        }
    };
    write_output(output, &bytes)?;
    exit_soon((bytes, diagram, source));
    match too_wide {
        Some(message) => Err(Failure::TooWide(message)),
        None => Ok(()),
    }
}

/// Lets go of `value` without freeing it: the process ends right after `run`, and the
/// system takes back its memory at once, where freeing every node, edge and string one
/// by one was 5 % of a small chart's instructions.
fn exit_soon<T>(value: T) {
    std::mem::forget(value);
}

/// SVG, then PNG or PDF from it, with the bundled fonts.
fn graphic(
    scene: &liutu_scene::Scene,
    format: Format,
    args: &RenderArgs,
) -> Result<Vec<u8>, Failure> {
    let css = match &args.css {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read CSS file {}: {}",
                path.display(),
                input::io_reason(&e)
            )
        })?),
        None => None,
    };
    let options = SvgOptions {
        theme: args.theme.clone(),
        background: args.background.clone().filter(|b| b != "transparent"),
        css,
        id_prefix: args
            .id_prefix
            .clone()
            .unwrap_or_else(|| SvgOptions::default().id_prefix),
        ..SvgOptions::default()
    };
    let svg = liutu_render_svg::render(scene, &options);
    let warn = |message: String| {
        if !args.quiet {
            eprintln!("warning: {message}");
        }
    };
    let output = match format {
        Format::Svg => {
            let missing =
                liutu_measure::fonts::missing_glyphs(&liutu_render_svg::scene_text(scene));
            if !missing.is_empty() {
                warn(liutu_render_raster::Warning::MissingGlyphs(missing).to_string());
            }
            return Ok(svg.into_bytes());
        }
        Format::Png => {
            // PNG gets a white page unless asked otherwise, as mermaid-cli does.
            let background = match args.background.as_deref() {
                Some("transparent") => None,
                Some(colour) => Some(
                    liutu_render_raster::parse_color(colour)
                        .ok_or_else(|| format!("unknown background colour `{colour}`"))?,
                ),
                None => liutu_render_raster::parse_color("white"),
            };
            liutu_render_raster::png(&svg, png_scale(&svg, args), background)
        }
        _ => liutu_render_raster::pdf(&svg),
    }
    .map_err(|e| Failure::Message(e.to_string()))?;
    for w in &output.warnings {
        warn(w.to_string());
    }
    Ok(output.bytes)
}

/// The PNG scale: from -w / -H when given (the image fits inside both), else -s.
fn png_scale(svg: &str, args: &RenderArgs) -> f32 {
    // The root element's own size: `<svg ... width="W" height="H"`.
    let root = svg.split('>').next().unwrap_or("");
    let attr = |name: &str| -> Option<f32> {
        let start = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[start..].split('"').next()?.parse().ok()
    };
    // A hair under the target, so rounding the size up lands on it exactly.
    let fit = |want: u32, have: f32| (want as f32 - 0.001) / have;
    let fits = [
        args.width
            .and_then(|w| u32::try_from(w).ok())
            .zip(attr("width"))
            .map(|(w, h)| fit(w, h)),
        args.height.zip(attr("height")).map(|(w, h)| fit(w, h)),
    ];
    fits.into_iter()
        .flatten()
        .filter(|s| s.is_finite() && *s > 0.0)
        .reduce(f32::min)
        .unwrap_or(args.scale)
}

/// Writes `bytes` over the file at `path`, creating it if needed.
///
/// Unlike `fs::write`, this does not truncate the file to nothing first: on ext4 a file
/// truncated to zero and written again is flushed to disk on close (`auto_da_alloc`), and
/// its blocks are freed and discarded — together a tenth of a small chart's run, paid
/// every time a docs build redraws a chart in place. Writing over the old bytes, and
/// cutting the file only when the old one was longer, leaves the same file without
/// either.
fn overwrite(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    let old = file.metadata()?;
    file.write_all(bytes)?;
    // A pipe or a device (`-o /dev/stdout`) has no length to set.
    if old.is_file() && old.len() > bytes.len() as u64 {
        file.set_len(bytes.len() as u64)?;
    }
    Ok(())
}

fn write_output(output: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => overwrite(path, bytes).map_err(|e| {
            Failure::Message(format!(
                "cannot write {}: {}",
                path.display(),
                input::io_reason(&e)
            ))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`liutu x | head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::Message(format!("cannot write output: {e}"))),
            }
        }
    }
}
