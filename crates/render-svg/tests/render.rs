//! The SVG renderer against hand-built scenes: golden output, well-formed XML, safe
//! escaping, determinism, themes, and every shape through resvg.

mod common;

use std::path::PathBuf;

use common::*;
use liutu_model::{RichText, Shape};
use liutu_render_svg::{SvgOptions, render};
use liutu_scene::{Link, Rect};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden {}: run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the rendered SVG; run with UPDATE_GOLDEN=1 to refresh",
        path.display()
    );
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"))
}

#[test]
fn sample_matches_golden() {
    let svg = render(&sample_scene(), &SvgOptions::default());
    golden("sample.svg", &svg);
}

#[test]
fn dark_theme_matches_golden() {
    let mut scene = sample_scene();
    scene.config.push(("theme".into(), "dark".into()));
    let svg = render(
        &scene,
        &SvgOptions {
            background: Some("theme".into()),
            ..SvgOptions::default()
        },
    );
    golden("sample-dark.svg", &svg);
}

#[test]
fn output_is_well_formed_and_structured_like_mermaid() {
    let svg = render(&sample_scene(), &SvgOptions::default());
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("id"), Some("liutu-svg"));
    let has_class = |class: &str| {
        doc.descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == class))
            })
            .count()
    };
    assert_eq!(has_class("node"), 4);
    assert_eq!(has_class("cluster"), 1);
    // The invisible edge is not drawn.
    assert_eq!(has_class("flowchart-link"), 4);
    assert_eq!(has_class("edgeLabel"), 1);
    assert!(
        doc.descendants()
            .any(|n| n.attribute("id") == Some("liutu-svg-flowchart-需求-0"))
    );
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("title") && n.text() == Some("Integration flow"))
    );
    assert!(doc.descendants().any(|n| n.has_tag_name("desc")));
    // Bold and italic spans.
    assert!(doc.descendants().any(|n| n.has_tag_name("tspan")
        && n.attribute("font-weight") == Some("bold")
        && n.text() == Some("bold")));
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("tspan") && n.attribute("font-style") == Some("italic"))
    );
    // Styles applied inline.
    assert!(svg.contains("fill=\"#f9f\""));
    assert!(svg.contains("stroke=\"#ff3300\""));
    // The link.
    let a = doc
        .descendants()
        .find(|n| n.has_tag_name("a"))
        .expect("link");
    assert_eq!(a.attribute("href"), Some("https://example.com/spec"));
    assert_eq!(a.attribute("target"), Some("_blank"));
}

#[test]
fn never_uses_foreign_object_css_or_scripts() {
    let svg = render(&sample_scene(), &SvgOptions::default());
    for bad in [
        "foreignObject",
        "<script",
        "<style",
        "var(--",
        "javascript:",
    ] {
        assert!(!svg.contains(bad), "found {bad}");
    }
}

#[test]
fn labels_and_attributes_are_escaped() {
    let mut scene = empty_scene(300.0, 200.0);
    let evil = "<script>alert(1)</script>";
    let quote = "\" onload=\"x";
    let mut n = node(
        "x\" onload=\"y",
        Shape::Rect,
        Rect::new(10.0, 10.0, 260.0, 80.0),
        RichText::plain(&format!("{evil}\n{quote}")),
    );
    n.classes = vec!["c\" onclick=\"z".into()];
    n.style = style(&[("fill", "red\" onmouseover=\"q")]);
    n.link = Some(Link {
        url: "javascript:alert(1)".into(),
        target: None,
        tooltip: None,
    });
    scene.nodes.push(n);
    let mut e = edge("L\"<x>", "a", "b", &[(0.0, 0.0), (10.0, 100.0)]);
    e.label = Some(label_at("a & b <c>", 50.0, 50.0, 60.0));
    scene.edges.push(e);
    scene.title = Some("</svg><script>".into());
    let svg = render(&scene, &SvgOptions::default());
    let doc = parse(&svg);
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    assert!(!doc.descendants().any(|n| n.has_tag_name("a")));
    for n in doc.descendants() {
        for a in n.attributes() {
            assert!(!a.name().starts_with("on"), "attribute {}", a.name());
        }
    }
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    assert!(texts.iter().any(|t| t == evil), "{texts:?}");
    assert!(texts.iter().any(|t| t == quote), "{texts:?}");
    assert!(texts.iter().any(|t| t == "a & b <c>"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "</svg><script>"), "{texts:?}");
}

#[test]
fn rendering_is_deterministic_and_prefixed() {
    let scene = sample_scene();
    let a = render(&scene, &SvgOptions::default());
    let b = render(&scene, &SvgOptions::default());
    assert_eq!(a, b);
    let c = render(
        &scene,
        &SvgOptions {
            id_prefix: "doc 2".into(),
            ..SvgOptions::default()
        },
    );
    assert!(c.contains("id=\"doc_2\""));
    assert!(c.contains("url(#doc_2_flowchart-v2-pointEnd)"));
    assert!(!c.contains("liutu-svg"));
    // Two decimals at most in every coordinate.
    let doc = parse(&a);
    for n in doc.descendants() {
        for attr in ["x", "y", "width", "height", "cx", "cy", "r"] {
            if let Some(v) = n.attribute(attr) {
                let decimals = v.split('.').nth(1).map_or(0, str::len);
                assert!(decimals <= 2, "{attr}={v}");
            }
        }
    }
}

#[test]
fn themes_are_selectable_and_the_diagram_wins() {
    let scene = sample_scene();
    let default = render(&scene, &SvgOptions::default());
    assert!(default.contains("#ECECFF") && default.contains("#9370DB"));
    assert!(default.contains("#ffffde") && default.contains("#aaaa33"));
    for (name, fill) in [
        ("neutral", "#eeeeee"),
        ("dark", "#1f2020"),
        ("forest", "#cde498"),
        ("base", "#fff4dd"),
    ] {
        let svg = render(
            &scene,
            &SvgOptions {
                theme: Some(name.into()),
                ..SvgOptions::default()
            },
        );
        parse(&svg);
        assert!(svg.contains(fill), "{name}");
    }
    let mut forced = scene.clone();
    forced.config.push(("theme".into(), "forest".into()));
    forced
        .config
        .push(("themeVariables.lineColor".into(), "#123456".into()));
    let svg = render(
        &forced,
        &SvgOptions {
            theme: Some("dark".into()),
            ..SvgOptions::default()
        },
    );
    assert!(svg.contains("#cde498") && !svg.contains("#1f2020"));
    assert!(svg.contains("stroke=\"#123456\""));
}

#[test]
fn hostile_numbers_and_empty_scenes_render() {
    let mut scene = empty_scene(f64::NAN, -3.0);
    scene.nodes.push(node(
        "n",
        Shape::Hexagon,
        Rect::new(f64::INFINITY, 0.0, -10.0, f64::NAN),
        RichText::default(),
    ));
    scene
        .edges
        .push(edge("e", "n", "n", &[(f64::NAN, 0.0), (1.0, 1.0)]));
    let svg = render(&scene, &SvgOptions::default());
    parse(&svg);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    parse(&render(&empty_scene(0.0, 0.0), &SvgOptions::default()));
}

/// A scene with one node of every shape, in a grid.
fn all_shapes_scene() -> liutu_scene::Scene {
    let mut scene = empty_scene(6.0 * 170.0, 8.0 * 100.0);
    for (i, shape) in Shape::ALL.iter().enumerate() {
        let (col, row) = ((i % 6) as f64, (i / 6) as f64);
        scene.nodes.push(node(
            &format!("{shape:?}"),
            *shape,
            Rect::new(col * 170.0 + 10.0, row * 100.0 + 10.0, 150.0, 80.0),
            RichText::plain(&format!("{shape:?}")),
        ));
    }
    scene
}

#[test]
fn every_shape_renders_through_resvg() {
    let scene = all_shapes_scene();
    let svg = render(&scene, &SvgOptions::default());
    parse(&svg);
    let mut opt = resvg::usvg::Options::default();
    {
        let db = opt.fontdb_mut();
        for font in liutu_measure::fonts::all() {
            db.load_font_data(font.to_vec());
        }
        db.set_sans_serif_family(liutu_measure::fonts::LATIN_FAMILY);
    }
    let tree = resvg::usvg::Tree::from_str(&svg, &opt).expect("usvg parses our SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let pad = 8.0;
    for node in &scene.nodes {
        // Some ink (outline or label) must land inside each node's box.
        let r = node.rect;
        let mut inked = 0;
        for y in (r.y + pad) as u32..(r.bottom() + pad) as u32 {
            for x in (r.x + pad) as u32..(r.right() + pad) as u32 {
                if pixmap.pixel(x, y).is_some_and(|p| p.alpha() > 0) {
                    inked += 1;
                }
            }
        }
        assert!(inked > 100, "{} drew {inked} pixels", node.id);
    }
    if std::env::var_os("SAVE_PNG").is_some() {
        pixmap.save_png("/tmp/liutu-all-shapes.png").ok();
    }
}

/// A title wider than the drawing widens the page on both sides and stays centred over
/// the drawing, instead of being cut off at the page's edges.
#[test]
fn a_long_title_widens_the_page_around_it() {
    let mut scene = empty_scene(100.0, 60.0);
    scene.title = Some("A title far wider than the hundred pixels of its drawing".into());
    let svg = render(&scene, &SvgOptions::default());
    let doc = parse(&svg);
    let root = doc.root_element();
    let view: Vec<f64> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split_whitespace()
        .map(|v| v.parse().expect("a number"))
        .collect();
    let title = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("flowchartTitleText"))
        .expect("the title");
    let centre: f64 = title.attribute("x").expect("x").parse().expect("a number");
    // About 420 px of 18 px Liberation Sans.
    assert!(view[2] > 400.0, "{view:?}");
    assert!(
        (view[0] + view[2] / 2.0 - centre).abs() < 0.01,
        "the title at {centre} is not centred on the page {view:?}"
    );
    // A short title leaves the page as the drawing has it.
    scene.title = Some("Short".into());
    let svg = render(&scene, &SvgOptions::default());
    assert!(svg.contains("viewBox=\"-8 "), "{}", &svg[..200]);
}

/// A flowchart's own `flowchart.diagramPadding` sets the space around the drawing, and
/// its `fontFamily` the font, as in Mermaid; neither is taken from a sequence diagram's
/// flowchart section.
#[test]
fn the_diagram_sets_its_padding_and_font() {
    let mut scene = empty_scene(100.0, 60.0);
    scene.config = vec![
        ("flowchart.diagramPadding".into(), "30".into()),
        ("fontFamily".into(), "Georgia".into()),
    ];
    let svg = render(&scene, &SvgOptions::default());
    assert!(
        svg.contains("viewBox=\"-30 -30 160 120\""),
        "{}",
        &svg[..300]
    );
    assert!(svg.contains("font-family=\"Georgia, "), "{svg}");
    // The caller's padding stands when the diagram sets none, or sets nonsense.
    scene.config = vec![("flowchart.diagramPadding".into(), "wide".into())];
    let options = SvgOptions {
        padding: 12.0,
        ..SvgOptions::default()
    };
    assert!(render(&scene, &options).contains("viewBox=\"-12 -12 124 84\""));
}
