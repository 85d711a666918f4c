//! Sequence diagrams, construct by construct: what each statement reads as, and the
//! errors (with spans and hints) for the mistakes people make.

use liutu_model::{
    BlockKind, Diagram, Event, MessageHead, NotePlacement, ParticipantKind, Sequence,
};
use liutu_syntax::{Severity, read};

fn seq(src: &str) -> Sequence {
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
        Some(Diagram::Sequence(s)) => s,
        other => panic!("not a sequence diagram: {other:?}"),
    }
}

/// The first error: message, the source it points at, and whether it has a hint.
fn error(src: &str) -> (String, String, bool) {
    let r = read(src);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap_or_else(|| panic!("no error for {src:?}"));
    (
        d.message.clone(),
        src[d.span.start..d.span.end].to_string(),
        d.hint.is_some(),
    )
}

fn messages(s: &Sequence) -> Vec<&liutu_model::Message> {
    s.events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m),
            _ => None,
        })
        .collect()
}

#[test]
fn participants_aliases_and_types() {
    let s = seq(
        "sequenceDiagram\n participant C as 客户端\n actor U\n participant DB@{ \"type\": \"database\" } as 库\n C->>X: implicit",
    );
    let ids: Vec<&str> = s.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["C", "U", "DB", "X"]);
    assert_eq!(s.participants[0].label.to_plain(), "客户端");
    assert_eq!(s.participants[1].kind, ParticipantKind::Actor);
    assert_eq!(s.participants[2].kind, ParticipantKind::Database);
    assert_eq!(s.participants[2].label.to_plain(), "库");
}

#[test]
fn every_arrow() {
    let s = seq(
        "sequenceDiagram\nA->B:1\nA-->B:2\nA->>B:3\nA-->>B:4\nA-xB:5\nA--xB:6\nA-)B:7\nA--)B:8\nA<<->>B:9\nA<<-->>B:10",
    );
    let got: Vec<&str> = messages(&s).iter().map(|m| m.arrow.token()).collect();
    assert_eq!(
        got,
        [
            "->", "-->", "->>", "-->>", "-x", "--x", "-)", "--)", "<<->>", "<<-->>"
        ]
    );
    assert_eq!(messages(&s)[6].arrow.head, MessageHead::Async);
}

#[test]
fn activations_notes_blocks_and_numbers() {
    let s = seq(
        "sequenceDiagram\nautonumber 10 5\nA->>+B: a\nNote over A,B: n\nloop L\nalt x\nB-->>-A: b\nelse y\nA->>A: c\nend\nend",
    );
    let kinds: Vec<&str> = s
        .events
        .iter()
        .map(|e| match e {
            Event::Message(_) => "msg",
            Event::Note(_) => "note",
            Event::Activate { .. } => "+",
            Event::Deactivate { .. } => "-",
            Event::Start(_) => "start",
            Event::Section(_) => "section",
            Event::End { .. } => "end",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "msg", "+", "note", "start", "start", "msg", "-", "section", "msg", "end", "end"
        ]
    );
    let numbers: Vec<_> = messages(&s)
        .iter()
        .map(|m| m.number.clone().unwrap_or_default())
        .collect();
    assert_eq!(numbers, ["10", "15", "20"]);
    assert!(
        matches!(&s.events[2], Event::Note(n) if n.placement == NotePlacement::Over && n.participants == [0, 1])
    );
    assert!(matches!(&s.events[3], Event::Start(b) if b.kind == BlockKind::Loop));
}

#[test]
fn create_destroy_boxes_config_and_text() {
    let s = seq(
        "---\nconfig:\n  sequence:\n    mirrorActors: false\n---\nsequenceDiagram\n%%{wrap}%%\ntitle: T\nbox Purple 组\nparticipant A\nend\nA->>B: I #9829; you<br/>twice\ncreate participant C\nA->>C: hi\ndestroy C\nC-xA: bye",
    );
    assert!(!s.flag("mirrorActors", true));
    assert!(s.flag("wrap", false));
    assert_eq!(s.title.as_deref(), Some("T"));
    assert_eq!(s.boxes[0].color.as_deref(), Some("Purple"));
    assert_eq!(s.boxes[0].participants, [0]);
    assert_eq!(messages(&s)[0].text.to_plain(), "I ♥ you\ntwice");
    let c = &s.participants[2];
    assert!(c.created_by.is_some() && c.destroyed_by.is_some());
}

#[test]
fn errors_point_at_the_mistake_with_a_hint() {
    let (m, at, hint) = error("sequenceDiagram\nA->>B: x\ndeactivate B");
    assert!(m.contains("not active") && at == "B" && hint, "{m}");
    let (m, at, hint) = error("sequenceDiagram\nloop forever\nA->>B: x");
    assert!(
        m.contains("never closed") && at == "loop forever" && hint,
        "{m}"
    );
    let (m, at, hint) = error("sequenceDiagram\nA->>B: x\nend");
    assert!(m.contains("no open block") && at == "end" && hint, "{m}");
    let (m, at, hint) = error("sequenceDiagram\nA=>B: x");
    assert!(m.contains("unknown arrow") && at == "=>" && hint, "{m}");
    let (m, at, hint) = error("sequenceDiagram\nA->>>B: x");
    assert!(m.contains("unknown arrow") && at == "->>>" && hint, "{m}");
    let (m, at, hint) = error("sequenceDiagram\nA->>B: x\ndestroy B\nA-xB: bye\nA->>B: again");
    assert!(m.contains("destroyed") && at == "B" && hint, "{m}");
    let (m, _, _) = error("sequenceDiagram\nelse x");
    assert!(m.contains("`else`"), "{m}");
    let (m, _, _) = error("sequenceDiagram\nA->>B");
    assert!(m.contains("expected `:`"), "{m}");
}

#[test]
fn hostile_input_never_panics() {
    for src in [
        "sequenceDiagram\n",
        "sequenceDiagram\n->>: \n",
        "sequenceDiagram\nparticipant @{\n",
        "sequenceDiagram\nNote over : x\n",
        "sequenceDiagram\nautonumber 1e400\n",
        "sequenceDiagram\nA->>B: #99999999999; &#x;\n",
        "sequenceDiagram\naccDescr {\n",
        "sequenceDiagram\nbox\nbox\nend\n",
        "\u{feff}sequenceDiagram;A->>B:é;B-->>A:ü",
    ] {
        let _ = read(src);
    }
    let deep = format!(
        "sequenceDiagram\n{}A->>B: x\n{}",
        "loop x\n".repeat(200),
        "end\n".repeat(200)
    );
    assert!(read(&deep).has_errors());
}
