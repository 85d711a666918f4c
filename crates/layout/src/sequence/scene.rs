//! Geometry to [`Scene`].
//!
//! In: the sequence, label sizes and the placed [`Geometry`]. Out: the scene, with
//! Mermaid's class names on every part (`actor`, `actor-line`, `messageLine0/1`,
//! `messageText`, `note`, `loopLine`, `activation0`, ...) and the [`SequenceParts`] that
//! say which node, edge and cluster is what. Finally everything is moved so the drawing
//! starts at the margin, and the scene's size is set.

use super::rows::Geometry;
use super::{Metrics, Sizes};
use liutu_model::{
    ArrowHead, BlockKind, Event, MessageHead, ParticipantKind, RichText, Sequence, Shape, Stroke,
    Style,
};
use liutu_scene::{
    Activation, ActorPart, Cluster, Edge, FramePart, FrameSection, Label, Link, MessagePart, Node,
    Point, Rect, Scene, SequenceParts, Units,
};

fn shape_of(kind: ParticipantKind) -> Shape {
    match kind {
        ParticipantKind::Participant | ParticipantKind::Boundary | ParticipantKind::Control => {
            Shape::Rect
        }
        ParticipantKind::Actor | ParticipantKind::Entity => Shape::Rounded,
        ParticipantKind::Database => Shape::Cylinder,
        ParticipantKind::Collections => Shape::StackedRect,
        ParticipantKind::Queue => Shape::Stadium,
    }
}

fn style_of(color: Option<&str>) -> Style {
    let mut style = Style::default();
    if let Some(c) = color {
        style.properties.push(("fill".into(), c.trim().to_string()));
    }
    style
}

pub(super) fn build(seq: &Sequence, s: &Sizes, g: &Geometry, m: &Metrics) -> Scene {
    let cells = m.cells;
    let mut nodes: Vec<Node> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut parts = SequenceParts::default();

    // Participants: the top row, then the mirrored bottom row.
    for (bottom, rects) in [
        (false, g.top.iter().map(Some).collect::<Vec<_>>()),
        (true, g.bottom.iter().map(Option::as_ref).collect()),
    ] {
        for (p, rect) in rects.into_iter().enumerate() {
            let Some(rect) = rect else { continue };
            let participant = &seq.participants[p];
            let a = &s.actors[p];
            let figure = participant.kind != ParticipantKind::Participant && !cells;
            let (lx, ly) = if figure {
                // The symbol takes the top; the name sits at the bottom.
                (
                    rect.x + (rect.width - a.w) / 2.0,
                    rect.bottom() - a.h - m.box_pad_y / 2.0,
                )
            } else {
                let x = rect.x + (rect.width - a.w) / 2.0;
                let mut y = rect.y + (rect.height - a.h) / 2.0;
                if cells && participant.kind == ParticipantKind::Database {
                    // Below the cylinder's lid.
                    y = y.max(rect.y + 2.0);
                }
                if cells {
                    (x.floor(), y.floor())
                } else {
                    (x, y)
                }
            };
            parts.actors.push(ActorPart {
                node: nodes.len(),
                participant: p,
                kind: participant.kind,
                bottom,
            });
            let mut classes = vec![
                "actor".to_string(),
                if bottom { "actor-bottom" } else { "actor-top" }.to_string(),
            ];
            if let Some((_, class)) = participant.properties.iter().find(|(k, _)| k == "class") {
                classes.push(class.clone());
            }
            nodes.push(Node {
                id: participant.id.clone(),
                shape: shape_of(participant.kind),
                rect: *rect,
                label: Label {
                    text: a.text.clone(),
                    rect: Rect::new(lx, ly, a.w, a.h),
                },
                classes,
                style: Style::default(),
                link: participant.links.first().map(|(label, url)| Link {
                    url: url.clone(),
                    target: None,
                    tooltip: Some(label.clone()),
                }),
            });
        }
    }
    for note in &g.notes {
        parts.notes.push(nodes.len());
        nodes.push(Node {
            id: format!("note{}", parts.notes.len() - 1),
            shape: Shape::Rect,
            rect: note.rect,
            label: Label {
                text: s.labels[note.event].text.clone(),
                rect: note.label,
            },
            classes: vec!["note".into()],
            style: Style::default(),
            link: None,
        });
    }

    for (k, &(p, y0, y1)) in g.lifelines.iter().enumerate() {
        let x = g.top[p].x
            + if cells {
                (g.top[p].width / 2.0).floor()
            } else {
                g.top[p].width / 2.0
            };
        let id = &seq.participants[p].id;
        parts.lifelines.push(edges.len());
        edges.push(Edge {
            id: format!("lifeline-{k}"),
            from: id.clone(),
            to: id.clone(),
            points: vec![Point::new(x, y0), Point::new(x, y1)],
            stroke: Stroke::Dotted,
            head_start: ArrowHead::None,
            head_end: ArrowHead::None,
            label: None,
            classes: vec!["actor-line".into()],
            style: Style::default(),
            curve: "linear".into(),
        });
    }
    let right_angles = seq.flag("rightAngles", false);
    for (i, mg) in g.messages.iter().enumerate() {
        let Some(Event::Message(msg)) = seq.events.get(mg.event) else {
            continue;
        };
        let head = match msg.arrow.head {
            MessageHead::None => ArrowHead::None,
            MessageHead::Filled | MessageHead::Async => ArrowHead::Arrow,
            MessageHead::Cross => ArrowHead::Cross,
        };
        let text = &s.labels[mg.event].text;
        parts.messages.push(MessagePart {
            edge: edges.len(),
            open_heads: msg.arrow.head == MessageHead::Async,
            central_start: msg.arrow.central_from,
            central_end: msg.arrow.central_to,
            self_loop: mg.self_loop,
            number: mg
                .number
                .zip(s.numbers[mg.event].as_ref())
                .map(|(rect, n)| Label {
                    text: n.text.clone(),
                    rect,
                }),
        });
        edges.push(Edge {
            id: format!("msg{i}"),
            from: seq.participants[msg.from].id.clone(),
            to: seq.participants[msg.to].id.clone(),
            points: mg.points.clone(),
            stroke: if msg.arrow.dotted {
                Stroke::Dotted
            } else {
                Stroke::Solid
            },
            head_start: if msg.arrow.both_ends {
                head
            } else {
                ArrowHead::None
            },
            head_end: head,
            label: (!text.is_empty()).then(|| Label {
                text: text.clone(),
                rect: mg.label,
            }),
            classes: vec![
                if msg.arrow.dotted {
                    "messageLine1"
                } else {
                    "messageLine0"
                }
                .into(),
            ],
            style: Style::default(),
            curve: if mg.self_loop && !right_angles && !cells {
                "basis".into()
            } else {
                "linear".into()
            },
        });
    }

    for (i, (rect, title)) in g.groups.iter().enumerate() {
        let group = &seq.boxes[i];
        parts.boxes.push(clusters.len());
        clusters.push(Cluster {
            id: format!("box{i}"),
            rect: *rect,
            title: Label {
                text: group.title.clone().unwrap_or_default(),
                rect: *title,
            },
            classes: vec!["actorBox".into()],
            style: style_of(group.color.as_deref()),
            depth: 0,
        });
    }
    for f in &g.frames {
        let Some(Event::Start(block)) = seq.events.get(f.event) else {
            continue;
        };
        let rect_kind = f.kind == BlockKind::Rect;
        let sections = f
            .sections
            .iter()
            .map(|&(e, y, r)| FrameSection {
                y,
                label: Label {
                    text: s.labels[e].text.clone(),
                    rect: r,
                },
            })
            .collect();
        parts.frames.push(FramePart {
            cluster: clusters.len(),
            keyword: block.kind.keyword().to_string(),
            tab: f.tab,
            sections,
        });
        clusters.push(Cluster {
            id: format!("frame{}", f.event),
            rect: f.rect,
            title: Label {
                text: if rect_kind {
                    RichText::default()
                } else {
                    s.labels[f.event].text.clone()
                },
                rect: f.title,
            },
            classes: vec![if rect_kind { "rect" } else { "loopLine" }.into()],
            style: style_of(block.color.as_deref()),
            depth: f.depth + 1,
        });
    }
    for b in &g.bars {
        parts.activations.push(Activation {
            rect: b.rect,
            participant: b.participant,
            depth: b.depth,
        });
    }
    parts.destroys = g.destroys.clone();
    parts.title = g.title.map(|rect| Label {
        text: RichText::plain(seq.title.as_deref().unwrap_or("")),
        rect,
    });

    let mut scene = Scene {
        units: if cells { Units::Cells } else { Units::Pixels },
        width: 0.0,
        height: 0.0,
        title: seq.title.clone(),
        acc_title: seq.acc_title.clone(),
        acc_descr: seq.acc_descr.clone(),
        clusters,
        nodes,
        edges,
        config: seq.config.clone(),
        sequence: Some(parts),
    };
    scene.fit(m.margin, if m.cells { 1.0 } else { 0.0 });
    scene
}
