//! Hand-built scenes for the SVG tests (layout is tested elsewhere; these pin the
//! renderer's input).
#![allow(dead_code)]

use liutu_model::{ArrowHead, RichText, Shape, Stroke, Style, TextLine, TextSpan};
use liutu_scene::{Cluster, Edge, Label, Link, Node, Point, Rect, Scene, Units};

pub fn style(pairs: &[(&str, &str)]) -> Style {
    Style {
        properties: pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

/// A node whose label box is the text size centred in `rect`.
pub fn node(id: &str, shape: Shape, rect: Rect, text: RichText) -> Node {
    let lines = text.lines.len().max(1) as f64;
    let (lw, lh) = (rect.width - 30.0, 24.0 * lines);
    let c = rect.center();
    Node {
        id: id.into(),
        shape,
        rect,
        label: Label {
            text,
            rect: Rect::new(c.x - lw / 2.0, c.y - lh / 2.0, lw, lh),
        },
        classes: vec![],
        style: Style::default(),
        link: None,
    }
}

pub fn edge(id: &str, from: &str, to: &str, points: &[(f64, f64)]) -> Edge {
    Edge {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        points: points.iter().map(|&(x, y)| Point::new(x, y)).collect(),
        stroke: Stroke::Solid,
        head_start: ArrowHead::None,
        head_end: ArrowHead::Arrow,
        label: None,
        classes: vec![],
        style: Style::default(),
        curve: "basis".into(),
    }
}

pub fn label_at(text: &str, cx: f64, cy: f64, width: f64) -> Label {
    Label {
        text: RichText::plain(text),
        rect: Rect::new(cx - width / 2.0, cy - 12.0, width, 24.0),
    }
}

pub fn empty_scene(width: f64, height: f64) -> Scene {
    Scene {
        units: Units::Pixels,
        width,
        height,
        title: None,
        acc_title: None,
        acc_descr: None,
        clusters: vec![],
        nodes: vec![],
        edges: vec![],
        config: vec![],
        sequence: None,
    }
}

/// The server-integration flow in miniature: CJK labels, a subgraph, a decision, a
/// labelled edge, dotted/thick strokes, every arrowhead, styles, a link and emphasis.
pub fn sample_scene() -> Scene {
    let mut s = empty_scene(420.0, 400.0);
    s.title = Some("服务器集成 Integration".into());
    s.acc_title = Some("Integration flow".into());
    s.acc_descr = Some("From requirements to launch".into());

    let mut a = node(
        "需求",
        Shape::Rounded,
        Rect::new(40.0, 40.0, 140.0, 54.0),
        RichText::plain("需求分析"),
    );
    a.link = Some(Link {
        url: "https://example.com/spec".into(),
        target: Some("_blank".into()),
        tooltip: Some("规格说明".into()),
    });
    let mut b = node(
        "B",
        Shape::Diamond,
        Rect::new(40.0, 150.0, 140.0, 100.0),
        RichText::plain("接口\nready?"),
    );
    b.classes = vec!["decision".into()];
    let mut c = node(
        "C",
        Shape::Rect,
        Rect::new(40.0, 310.0, 140.0, 54.0),
        RichText {
            lines: vec![TextLine {
                spans: vec![
                    TextSpan {
                        text: "联调 ".into(),
                        ..TextSpan::default()
                    },
                    TextSpan {
                        text: "bold".into(),
                        bold: true,
                        italic: false,
                    },
                    TextSpan {
                        text: " it".into(),
                        bold: false,
                        italic: true,
                    },
                ],
            }],
        },
    );
    c.style = style(&[
        ("fill", "#f9f"),
        ("stroke", "#333"),
        ("stroke-width", "4px"),
    ]);
    let d = node(
        "D",
        Shape::Cylinder,
        Rect::new(260.0, 150.0, 120.0, 100.0),
        RichText::plain("数据库"),
    );
    s.nodes = vec![a, b, c, d];

    s.clusters = vec![Cluster {
        id: "backend".into(),
        rect: Rect::new(240.0, 110.0, 160.0, 160.0),
        title: label_at("后端 Backend", 320.0, 126.0, 100.0),
        classes: vec![],
        style: Style::default(),
        depth: 0,
    }];

    let e0 = edge(
        "L_需求_B_0",
        "需求",
        "B",
        &[(110.0, 94.0), (110.0, 122.0), (110.0, 150.0)],
    );
    let mut e1 = edge(
        "L_B_C_0",
        "B",
        "C",
        &[(110.0, 250.0), (110.0, 280.0), (110.0, 310.0)],
    );
    e1.label = Some(label_at("是 yes", 110.0, 280.0, 50.0));
    e1.stroke = Stroke::Thick;
    let mut e2 = edge(
        "L_B_D_0",
        "B",
        "D",
        &[(180.0, 200.0), (220.0, 200.0), (260.0, 200.0)],
    );
    e2.stroke = Stroke::Dotted;
    e2.head_start = ArrowHead::Circle;
    e2.head_end = ArrowHead::Cross;
    e2.curve = "linear".into();
    let mut e3 = edge(
        "L_D_C_0",
        "D",
        "C",
        &[(320.0, 250.0), (320.0, 337.0), (180.0, 337.0)],
    );
    e3.style = style(&[("stroke", "#ff3300"), ("stroke-width", "2px")]);
    e3.head_start = ArrowHead::Arrow;
    let mut e4 = edge(
        "L_A_D_0",
        "需求",
        "D",
        &[(180.0, 67.0), (320.0, 67.0), (320.0, 150.0)],
    );
    e4.stroke = Stroke::Invisible;
    s.edges = vec![e0, e1, e2, e3, e4];
    s
}
