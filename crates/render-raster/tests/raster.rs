//! PNG and PDF from liutu's SVG, with only the bundled fonts.

use liutu_model::{ArrowHead, RichText, Shape, Stroke, Style};
use liutu_render_raster::{RasterError, Rgba, Warning, pdf, png};
use liutu_render_svg::{SvgOptions, render};
use liutu_scene::{Edge, Label, Node, Point, Rect, Scene, Units};
use resvg::tiny_skia::Pixmap;

const PAD: f64 = 8.0;

fn node(id: &str, x: f64, y: f64, text: &str) -> Node {
    let rect = Rect::new(x, y, 160.0, 54.0);
    let c = rect.center();
    let lw = liutu_measure::TextMeasure::text_size(
        &liutu_measure::FontMeasure::default(),
        &RichText::plain(text),
    )
    .0;
    Node {
        id: id.into(),
        shape: Shape::Rounded,
        rect,
        label: Label {
            text: RichText::plain(text),
            rect: Rect::new(c.x - lw / 2.0, c.y - 12.0, lw, 24.0),
        },
        classes: vec![],
        style: Style::default(),
        link: None,
    }
}

fn chinese_scene() -> Scene {
    let nodes = vec![
        node("A", 20.0, 20.0, "需求分析"),
        node("B", 20.0, 130.0, "接口联调 API"),
        node("C", 20.0, 240.0, "上线验收"),
    ];
    let edges = vec![Edge {
        id: "L_A_B_0".into(),
        from: "A".into(),
        to: "B".into(),
        points: vec![Point::new(100.0, 74.0), Point::new(100.0, 130.0)],
        stroke: Stroke::Solid,
        head_start: ArrowHead::None,
        head_end: ArrowHead::Arrow,
        label: Some(Label {
            text: RichText::plain("通过"),
            rect: Rect::new(84.0, 90.0, 32.0, 24.0),
        }),
        classes: vec![],
        style: Style::default(),
        curve: "basis".into(),
    }];
    Scene {
        units: Units::Pixels,
        width: 200.0,
        height: 314.0,
        title: None,
        acc_title: None,
        acc_descr: None,
        clusters: vec![],
        nodes,
        edges,
        config: vec![],
        sequence: None,
    }
}

/// Dark pixels (text is #333 on light fills) inside `r`, in scene coordinates.
fn dark_pixels(pixmap: &Pixmap, r: &Rect, scale: f64) -> usize {
    let mut n = 0;
    let (x0, y0) = (((r.x + PAD) * scale) as u32, ((r.y + PAD) * scale) as u32);
    let (x1, y1) = (
        ((r.right() + PAD) * scale) as u32,
        ((r.bottom() + PAD) * scale) as u32,
    );
    for y in y0..y1 {
        for x in x0..x1 {
            if let Some(p) = pixmap.pixel(x, y) {
                let c = p.demultiply();
                let luma = (u32::from(c.red()) + u32::from(c.green()) + u32::from(c.blue())) / 3;
                if c.alpha() > 128 && luma < 128 {
                    n += 1;
                }
            }
        }
    }
    n
}

#[test]
fn chinese_labels_render_with_bundled_fonts_only() {
    let scene = chinese_scene();
    let svg = render(&scene, &SvgOptions::default());
    let out = png(&svg, 2.0, Some(Rgba::WHITE)).expect("png");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(&out.bytes[1..4], b"PNG");
    if std::env::var_os("SAVE_PNG").is_some() {
        std::fs::write("/tmp/liutu-chinese.png", &out.bytes).ok();
    }
    let pixmap = Pixmap::decode_png(&out.bytes).expect("decode");
    assert_eq!(pixmap.width(), ((200.0 + 2.0 * PAD) * 2.0) as u32);
    let labels = scene
        .nodes
        .iter()
        .map(|n| &n.label)
        .chain(scene.edges.iter().filter_map(|e| e.label.as_ref()));
    for label in labels {
        let ink = dark_pixels(&pixmap, &label.rect, 2.0);
        // Each ideograph at 32 device px puts well over 40 dark pixels down.
        let chars = label.text.to_plain().chars().count();
        assert!(
            ink > 40 * chars,
            "{:?}: only {ink} dark pixels",
            label.text.to_plain()
        );
    }
}

#[test]
fn missing_glyphs_are_reported_not_silent() {
    let mut scene = chinese_scene();
    scene.nodes[0].label.text = RichText::plain("私\u{E000}\u{E001}");
    let svg = render(&scene, &SvgOptions::default());
    let out = png(&svg, 1.0, None).expect("png");
    assert_eq!(
        out.warnings,
        vec![Warning::MissingGlyphs(vec!['\u{E000}', '\u{E001}'])]
    );
    assert!(out.warnings[0].to_string().contains("U+E000"));
    let out = pdf(&svg).expect("pdf");
    assert_eq!(out.warnings.len(), 1);
}

#[test]
fn pdf_embeds_selectable_text() {
    let svg = render(&chinese_scene(), &SvgOptions::default());
    let out = pdf(&svg).expect("pdf");
    assert!(out.bytes.starts_with(b"%PDF-"));
    assert!(out.warnings.is_empty());
    let text = String::from_utf8_lossy(&out.bytes);
    // Embedded text carries a ToUnicode map (copy/paste and search work) and font
    // subsets of the bundled fonts.
    assert!(text.contains("ToUnicode"), "no ToUnicode map");
    assert!(
        text.contains("FontFile2") || text.contains("FontFile3"),
        "no embedded font"
    );
    if std::env::var_os("SAVE_PNG").is_some() {
        std::fs::write("/tmp/liutu-chinese.pdf", &out.bytes).ok();
    }
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(matches!(png("<svg", 1.0, None), Err(RasterError::Svg(_))));
    assert!(matches!(pdf("not svg"), Err(RasterError::Svg(_))));
    let svg = render(&chinese_scene(), &SvgOptions::default());
    for scale in [0.0, -1.0, f32::NAN, f32::INFINITY] {
        assert!(matches!(
            png(&svg, scale, None),
            Err(RasterError::BadScale(_))
        ));
    }
    assert!(matches!(
        png(&svg, 1000.0, None),
        Err(RasterError::Size { .. })
    ));
}

#[test]
fn rendering_is_deterministic() {
    let svg = render(&chinese_scene(), &SvgOptions::default());
    assert_eq!(png(&svg, 1.0, None), png(&svg, 1.0, None));
}

#[test]
fn svg_goldens_rasterise() {
    // The SVG renderer's golden files must all be readable by resvg and krilla.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../render-svg/tests/golden");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "svg"))
    {
        let svg = std::fs::read_to_string(path).expect("read golden");
        let out = png(&svg, 2.0, Some(Rgba::WHITE)).expect("png");
        assert!(
            out.warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            out.warnings
        );
        pdf(&svg).expect("pdf");
        if std::env::var_os("SAVE_PNG").is_some() {
            let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("x");
            std::fs::write(format!("/tmp/liutu-golden-{name}.png"), &out.bytes).ok();
        }
    }
}
