//! Hand-written cases for each construct the reader accepts or rejects.
//!
//! In: small inline Mermaid sources. Out: assertions on the model and on diagnostics
//! (severity, message, span).

use liutu_model::{ArrowHead, Diagram, Direction, Flowchart, Shape, Stroke};
use liutu_syntax::{Severity, read};

/// Reads a source that must have no errors.
fn ok(src: &str) -> Flowchart {
    let r = read(src);
    let errors: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(
        errors.is_empty(),
        "unexpected errors for {src:?}: {errors:#?}"
    );
    match r.diagram {
        Some(Diagram::Flowchart(f)) => f,
        None => panic!("no diagram for {src:?}"),
        Some(_) => panic!("not a flowchart: {src:?}"),
    }
}

/// Reads a source that must fail; returns the error messages (with hints).
fn errors(src: &str) -> Vec<String> {
    let r = read(src);
    let errs: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            assert!(
                d.span.start <= d.span.end && d.span.end <= src.len(),
                "bad span {d:?}"
            );
            format!("{} | {}", d.message, d.hint.clone().unwrap_or_default())
        })
        .collect();
    assert!(!errs.is_empty(), "expected an error for {src:?}");
    errs
}

fn node<'a>(f: &'a Flowchart, id: &str) -> &'a liutu_model::Node {
    f.nodes.iter().find(|n| n.id == id).expect("node exists")
}

#[test]
fn headers_and_directions() {
    for (h, d) in [
        ("flowchart TD", Direction::TB),
        ("flowchart TB", Direction::TB),
        ("graph LR", Direction::LR),
        ("graph BT", Direction::BT),
        ("flowchart RL", Direction::RL),
        ("graph >", Direction::LR),
        ("graph <", Direction::RL),
        ("graph ^", Direction::BT),
        ("graph v", Direction::TB),
        ("graph", Direction::TB),
        ("flowchart-elk LR", Direction::LR),
    ] {
        assert_eq!(ok(&format!("{h}\nA-->B")).direction, d, "{h}");
    }
    assert_eq!(ok("graph TD;A-->B;").edges.len(), 1);
    assert_eq!(ok("\u{feff}graph TD\r\n\tA --> B\r\n").edges.len(), 1);
    assert!(errors("graph td\nA-->B")[0].contains("upper case"));
    assert!(errors("graph XY\nA-->B")[0].contains("expected a direction"));
}

#[test]
fn other_diagram_kinds() {
    let r = read("classDiagram\nA <|-- B");
    assert!(r.diagram.is_none());
    assert!(r.has_errors());
    let r = read("fooChart\nA");
    assert!(r.diagram.is_none());
    assert!(r.diagnostics[0].message.contains("`fooChart`"));
    assert!(read("").diagram.is_none());
}

#[test]
fn classic_shapes() {
    let cases = [
        ("A[x]", Shape::Rect),
        ("A(x)", Shape::Rounded),
        ("A([x])", Shape::Stadium),
        ("A[[x]]", Shape::Subroutine),
        ("A[(x)]", Shape::Cylinder),
        ("A((x))", Shape::Circle),
        ("A(((x)))", Shape::DoubleCircle),
        ("A>x]", Shape::Asymmetric),
        ("A{x}", Shape::Diamond),
        ("A{{x}}", Shape::Hexagon),
        ("A[/x/]", Shape::LeanRight),
        ("A[\\x\\]", Shape::LeanLeft),
        ("A[/x\\]", Shape::Trapezoid),
        ("A[\\x/]", Shape::InvTrapezoid),
    ];
    for (src, shape) in cases {
        let f = ok(&format!("flowchart TD\n{src} --> B"));
        assert_eq!(f.nodes[0].shape, shape, "{src}");
        assert_eq!(f.nodes[0].label.to_plain(), "x", "{src}");
    }
}

#[test]
fn named_shapes_and_data() {
    let f = ok(
        "flowchart TD\nA@{ shape: doc, label: \"Report\" }\nB@{ shape: cyl }\nC@{ icon: \"fa:user\", img: \"x.png\" }",
    );
    assert_eq!(node(&f, "A").shape, Shape::Document);
    assert_eq!(node(&f, "A").label.to_plain(), "Report");
    assert_eq!(node(&f, "B").shape, Shape::Cylinder);
    assert_eq!(node(&f, "C").icon.as_deref(), Some("fa:user"));
    assert_eq!(node(&f, "C").image.as_deref(), Some("x.png"));
    for name in Shape::names() {
        ok(&format!("flowchart TD\nA@{{ shape: {name} }}"));
    }
    let e = errors("flowchart TD\nA@{ shape: dimond }");
    assert!(
        e[0].contains("unknown shape `dimond`") && e[0].contains("diamond"),
        "{e:?}"
    );
    let f = ok("flowchart TD\nA@{\n  shape: rect\n  label: \"two\n  lines\"\n}");
    assert_eq!(node(&f, "A").label.lines.len(), 2);
}

#[test]
fn symbols_are_drawn_without_a_label_and_a_written_one_is_named() {
    let src = "flowchart LR\nS@{ shape: sm-circ } --> J@{ shape: fork, label: \"merge\" }\nJ --> E((end)) --> B@{ shape: bolt }";
    let r = read(src);
    let Some(Diagram::Flowchart(f)) = r.diagram else {
        panic!("no flowchart")
    };
    for id in ["S", "J", "B"] {
        assert!(node(&f, id).label.is_empty(), "{id} keeps its label");
    }
    // A circle is no symbol: its label stays.
    assert_eq!(node(&f, "E").label.to_plain(), "end");
    // Only the label somebody wrote is worth a warning, not the id standing in for one.
    let warnings: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].message.contains("`J`") && warnings[0].message.contains("not drawn"),
        "{warnings:#?}"
    );
    assert_eq!(&src[warnings[0].span.start..warnings[0].span.end], "J");
}

#[test]
fn labels() {
    let f = ok(
        "flowchart TD\nA[\"quoted (with) [brackets]\"]\nB[a<br>b<br/>c]\nC[#quot;hi#quot; #9829;]\nD[\"`**bold** _it_`\"]\n需求 --> 设计",
    );
    assert_eq!(node(&f, "A").label.to_plain(), "quoted (with) [brackets]");
    assert_eq!(node(&f, "B").label.lines.len(), 3);
    assert_eq!(node(&f, "C").label.to_plain(), "\"hi\" ♥");
    let d = &node(&f, "D").label.lines[0].spans;
    assert!(d[0].bold && d[0].text == "bold");
    assert!(d.iter().any(|s| s.italic && s.text == "it"));
    assert_eq!(f.edges.len(), 1);
    assert_eq!(f.nodes[f.edges[0].from].id, "需求");
}

#[test]
fn edges() {
    let cases: [(&str, Stroke, ArrowHead, ArrowHead, u32); 16] = [
        ("-->", Stroke::Solid, ArrowHead::None, ArrowHead::Arrow, 1),
        ("---", Stroke::Solid, ArrowHead::None, ArrowHead::None, 1),
        ("-.->", Stroke::Dotted, ArrowHead::None, ArrowHead::Arrow, 1),
        ("-.-", Stroke::Dotted, ArrowHead::None, ArrowHead::None, 1),
        ("==>", Stroke::Thick, ArrowHead::None, ArrowHead::Arrow, 1),
        ("===", Stroke::Thick, ArrowHead::None, ArrowHead::None, 1),
        (
            "~~~",
            Stroke::Invisible,
            ArrowHead::None,
            ArrowHead::None,
            1,
        ),
        ("--o", Stroke::Solid, ArrowHead::None, ArrowHead::Circle, 1),
        ("--x", Stroke::Solid, ArrowHead::None, ArrowHead::Cross, 1),
        (
            "o--o",
            Stroke::Solid,
            ArrowHead::Circle,
            ArrowHead::Circle,
            1,
        ),
        ("x--x", Stroke::Solid, ArrowHead::Cross, ArrowHead::Cross, 1),
        ("<-->", Stroke::Solid, ArrowHead::Arrow, ArrowHead::Arrow, 1),
        (
            "<-.->",
            Stroke::Dotted,
            ArrowHead::Arrow,
            ArrowHead::Arrow,
            1,
        ),
        ("<==>", Stroke::Thick, ArrowHead::Arrow, ArrowHead::Arrow, 1),
        ("---->", Stroke::Solid, ArrowHead::None, ArrowHead::Arrow, 3),
        (
            "-...->",
            Stroke::Dotted,
            ArrowHead::None,
            ArrowHead::Arrow,
            3,
        ),
    ];
    for (op, stroke, hs, he, len) in cases {
        let f = ok(&format!("flowchart LR\nA {op} B"));
        let e = &f.edges[0];
        assert_eq!(
            (e.stroke, e.head_start, e.head_end, e.min_len),
            (stroke, hs, he, len),
            "{op}"
        );
    }
    assert_eq!(ok("flowchart LR\nA ====> B").edges[0].min_len, 3);
    for src in [
        "A -->|label| B",
        "A-- label -->B",
        "A -. label .-> B",
        "A == label ==> B",
        "A --> |label| B",
    ] {
        let f = ok(&format!("flowchart LR\n{src}"));
        assert_eq!(
            f.edges[0].label.as_ref().map(|l| l.to_plain()).as_deref(),
            Some("label"),
            "{src}"
        );
    }
    let f = ok("flowchart LR\nA --> B --> C\nA & B --> C & D");
    assert_eq!(f.edges.len(), 6);
    let f = ok("flowchart LR\nA e1@--> B\ne1@{ animate: true, curve: linear }");
    assert_eq!(f.edges[0].id.as_deref(), Some("e1"));
    assert!(f.edges[0].animate);
    assert_eq!(f.edges[0].curve.as_deref(), Some("linear"));
    assert_eq!(f.nodes.len(), 2);
}

#[test]
fn subgraphs() {
    let src = "flowchart TB\nsubgraph one [First]\n  direction LR\n  a1 --> a2\n  subgraph inner\n    b1\n  end\nend\nsubgraph \"Two words\"\n  c1\nend\nsubgraph three\nend\nx --> one\none --> three";
    let f = ok(src);
    assert_eq!(f.subgraphs.len(), 4);
    assert_eq!(f.subgraphs[0].id, "one");
    assert_eq!(f.subgraphs[0].title.to_plain(), "First");
    assert_eq!(f.subgraphs[0].direction, Some(Direction::LR));
    assert_eq!(f.subgraphs[1].parent, Some(0));
    assert_eq!(f.subgraphs[0].children, vec![1]);
    assert_eq!(node(&f, "b1").parent, Some(1));
    assert_eq!(node(&f, "a1").parent, Some(0));
    assert_eq!(f.subgraphs[2].title.to_plain(), "Two words");
    let e = &f.edges[1];
    assert_eq!(e.to_subgraph, Some(0));
    assert_eq!(f.nodes[e.to].id, "a1");
    assert!(f.nodes.iter().all(|n| n.id != "one"));
    let e = errors("flowchart TB\nsubgraph a\nA-->B");
    assert!(e[0].contains("expected `end`"), "{e:?}");
}

#[test]
fn styling_and_interaction() {
    let src = "flowchart LR\nA --> B\nB --> C\nclassDef hot fill:#f00,stroke:#333\nclassDef default fill:#fff\nclass A,B hot\nC:::hot\nstyle A fill:#bbf,stroke-dasharray: 5 5\nlinkStyle 0,1 stroke:red\nlinkStyle default interpolate basis stroke:blue\nclick A callback \"tip\"\nclick B call fn(1, 2)\nclick C href \"https://example.com\" \"Docs\" _blank\naccTitle: The title\naccDescr {\n  multi\n  line\n}";
    let f = ok(src);
    assert_eq!(f.class_defs.len(), 2);
    assert_eq!(node(&f, "A").classes, vec!["hot"]);
    assert_eq!(node(&f, "C").classes, vec!["hot"]);
    assert_eq!(node(&f, "A").style.get("fill"), Some("#bbf"));
    assert_eq!(f.edges[1].style.get("stroke"), Some("red"));
    assert_eq!(f.default_edge_style.get("stroke"), Some("blue"));
    assert_eq!(f.edges[0].curve.as_deref(), Some("basis"));
    assert!(
        matches!(&node(&f, "B").click, Some(liutu_model::Click::Callback { args: Some(a), .. }) if a == "1, 2")
    );
    assert!(
        matches!(&node(&f, "C").click, Some(liutu_model::Click::Href { target: Some(t), .. }) if t == "_blank")
    );
    assert_eq!(f.acc_title.as_deref(), Some("The title"));
    assert_eq!(f.acc_descr.as_deref(), Some("multi\nline"));
    let e = errors("graph TD\nA-->B\nlinkStyle 1 stroke:red");
    assert!(e[0].contains("past the last edge"), "{e:?}");
    let r = read("graph TD\nA-->B\nstyle Aa fill:red");
    assert!(!r.has_errors());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.hint.as_deref() == Some("did you mean `A`?"))
    );
}

#[test]
fn config() {
    let src = "---\ntitle: My chart\nconfig:\n  theme: forest\n  look: handDrawn\n  themeVariables:\n    primaryColor: \"#ff0000\"\n  flowchart:\n    curve: linear\n    nodeSpacing: 40\n---\n%%{init: {'theme': 'dark', \"flowchart\": {'htmlLabels': false,}}}%%\nflowchart LR\nA-->B";
    let f = ok(src);
    assert_eq!(f.title.as_deref(), Some("My chart"));
    assert_eq!(f.config_value("theme"), Some("dark"));
    assert_eq!(
        f.config_value("themeVariables.primaryColor"),
        Some("#ff0000")
    );
    assert_eq!(f.config_value("flowchart.curve"), Some("linear"));
    assert_eq!(f.config_value("flowchart.htmlLabels"), Some("false"));
    // A documented choice liutu does not make is named; the ones it makes are not.
    let warnings: Vec<String> = read(src)
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        warnings.iter().any(|m| m.contains("`look: handDrawn`")),
        "{warnings:?}"
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let r = read("---\nconfig:\n  layout: elk\n  look: classic\n---\nflowchart TD\nA");
    let warnings: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        warnings,
        ["`layout: elk` is not drawn by liutu; it lays out with its own layered engine"]
    );
    let r = read("flowchart-elk LR\nA --> B");
    assert!(!r.has_errors());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message.contains("`flowchart-elk`") && d.span.start == 0),
        "{:?}",
        r.diagnostics
    );
    let r = read("%%{init: {'flowchart': {'curvee': 'x'}}}%%\ngraph TD\nA");
    assert!(!r.has_errors());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.message.contains("flowchart.curvee"))
    );
}

/// Every documented config key is one of three things, and only the middle one is
/// silent: read by liutu, without effect on what liutu writes, or named in a warning.
#[test]
fn config_keys_liutu_does_not_read_are_named() {
    let warnings = |src: &str| -> Vec<String> {
        let r = read(src);
        assert!(!r.has_errors(), "{:?}", r.diagnostics);
        r.diagnostics.iter().map(|d| d.message.clone()).collect()
    };
    let src = "---\nconfig:\n  fontSize: 30\n  fontFamily: Georgia\n  logLevel: 1\n  \
               securityLevel: loose\n  flowchart:\n    padding: 40\n    diagramPadding: 20\n    \
               titleTopMargin: 5\n    useMaxWidth: false\n  sequence:\n    mirrorActors: false\n  \
               gantt:\n    barHeight: 20\n---\nflowchart TD\nA-->B";
    let w = warnings(src);
    let not_read = |key: &str| {
        format!("liutu does not read `{key}`; the diagram is drawn as if it were not set")
    };
    assert_eq!(
        w,
        [
            not_read("fontSize"),
            not_read("flowchart.padding"),
            not_read("flowchart.titleTopMargin")
        ],
    );
    // Mermaid's defaults that liutu does not draw are choices, named with what it draws.
    let w = warnings(
        "%%{init: {'flowchart': {'useMaxWidth': true, 'inheritDir': true}}}%%\ngraph TD\nA",
    );
    assert_eq!(
        w,
        [
            "`flowchart.useMaxWidth: true` is not drawn by liutu; its SVG has a fixed width and height"
        ]
    );
    // A misspelt key in a section gets the section's nearest key as a hint.
    let r = read("%%{init: {'flowchart': {'nodeSpaceing': 5}}}%%\ngraph TD\nA");
    assert!(
        r.diagnostics.iter().any(|d| d
            .message
            .contains("unknown config key `flowchart.nodeSpaceing`")
            && d.hint.as_deref() == Some("did you mean `flowchart.nodeSpacing`?")),
        "{:?}",
        r.diagnostics
    );
    // In a sequence diagram, its own section is checked and the flowchart's is not.
    let src = "---\nconfig:\n  wrap: true\n  flowchart:\n    padding: 3\n  sequence:\n    \
               actorMargin: 20\n    actorFontSize: 20\n    bogus: 1\n---\nsequenceDiagram\nA->>B: hi";
    let w = warnings(src);
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(w[0], not_read("sequence.actorFontSize"));
    assert!(
        w[1].contains("unknown config key `sequence.bogus`"),
        "{w:?}"
    );
}

/// Mermaid draws `fa:fa-car` as a Font Awesome icon (nothing of the code shows); liutu
/// has no icon font, so the code is left out of the label and each icon named once.
#[test]
fn font_awesome_icons_are_left_out_and_named() {
    let src = "flowchart LR\nA[fa:fa-car Car] -->|fa:fa-check ok| B(fab:fa-twitter for peace)\n\
               subgraph S [fa:fa-car Garage]\nC@{ label: \"fa:fa-bell Alarm\" }\nend\nB --> C";
    let f = ok(src);
    let text = |t: &liutu_model::RichText| t.lines[0].spans[0].text.clone();
    assert_eq!(text(&f.nodes[0].label), "Car");
    assert_eq!(text(&f.nodes[1].label), "for peace");
    assert_eq!(text(f.edges[0].label.as_ref().expect("a label")), "ok");
    assert_eq!(text(&f.subgraphs[0].title), "Garage");
    assert_eq!(text(&f.nodes[2].label), "Alarm");
    let named: Vec<String> = read(src)
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("Font Awesome"))
        .map(|d| d.message.split('`').nth(1).unwrap_or("").to_string())
        .collect();
    assert_eq!(
        named,
        ["fa:fa-car", "fa:fa-check", "fab:fa-twitter", "fa:fa-bell"]
    );
}

#[test]
fn comments_and_separators() {
    let f = ok("%% leading\nflowchart TD\n%% a comment\nA-->B; B-->C\n\n   \n%% end\n");
    assert_eq!(f.edges.len(), 2);
}

#[test]
fn error_messages() {
    let e = errors("flowchart TD\nA --> end");
    assert!(
        e[0].contains("keyword `end`") && e[0].contains("done[end]"),
        "{e:?}"
    );
    let e = errors("flowchart TD\nA[unclosed --> B");
    assert!(
        e[0].contains("unclosed") || e[0].contains("inside the label"),
        "{e:?}"
    );
    let e = errors("flowchart TD\nA[\"unclosed] --> B");
    assert!(e[0].contains("unclosed string"), "{e:?}");
    let e = errors("flowchart TD\nA[a (b) c]");
    assert!(
        e[0].contains("found `(` inside the label") && e[0].contains("quote"),
        "{e:?}"
    );
    let e = errors("flowchart TD\nA --> x--> B");
    assert!(e[0].contains("arrowhead"), "{e:?}");
    let e = errors("flowchart TD\n--> B");
    assert!(e[0].contains("expected a node id"), "{e:?}");
    let e = errors("flowchart TD\nA -->");
    assert!(
        e[0].contains("expected a node id") && e[0].contains("both ends"),
        "{e:?}"
    );
    // Recovery: every bad line is reported.
    let r = read("flowchart TD\nA --> end\nB[oops\nC --> --> D\nE --> F");
    assert!(
        r.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
            >= 3
    );
    assert!(
        matches!(r.diagram, Some(Diagram::Flowchart(ref f)) if f.nodes.iter().any(|n| n.id == "F"))
    );
}
