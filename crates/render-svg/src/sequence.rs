//! Sequence diagrams as SVG, in Mermaid's look and with its class names.
//!
//! In: a scene in pixels with [`SequenceParts`], the theme and the id prefix. Out: the
//! body of the root group: `rect.rect` backgrounds and `box` groups, `line.actor-line`
//! lifelines, participants (`rect.actor` or a symbol: stick figure, boundary, control,
//! entity, database, collections, queue), `rect.activation0..2` bars, `line.messageLine0`
//! / `messageLine1` messages with `text.messageText`, `rect.note` + `text.noteText`,
//! frames (`line.loopLine`, `polygon.labelBox`, `text.labelText`, `text.loopText`),
//! `circle.sequenceNumber`s and destroy crosses. Also the `<defs>` with the arrowhead,
//! cross and async-head markers the messages use.

use liutu_model::{ArrowHead, ParticipantKind, Stroke};
use liutu_scene::{Label, Node, Point, Rect, Scene, SequenceParts};

use crate::curves::{Curve, path_data};
use crate::escape::id_token;
use crate::style::{Paint, TextPaint, value};
use crate::text::write_label;
use crate::theme::Theme;
use crate::writer::{Writer, num};

/// Colours Mermaid's sequence CSS derives from the theme.
struct Colors {
    actor_fill: String,
    actor_stroke: String,
    actor_text: String,
    lifeline: String,
    line: String,
    note_fill: String,
    note_stroke: String,
    note_text: String,
    bar_fill: String,
    bar_stroke: String,
    label_box_fill: String,
    label_box_stroke: String,
    frame_text: String,
}

fn colors(theme: &Theme) -> Colors {
    let dark = theme.name == "dark";
    Colors {
        actor_fill: theme.node_fill.clone(),
        actor_stroke: theme.node_stroke.clone(),
        actor_text: if dark {
            theme.node_text.clone()
        } else {
            "#000000".into()
        },
        lifeline: if dark {
            "#cccccc".into()
        } else {
            "#999999".into()
        },
        line: theme.line.clone(),
        note_fill: if dark {
            "#2b2b2b".into()
        } else {
            "#fff5ad".into()
        },
        note_stroke: if dark {
            "#cccccc".into()
        } else {
            theme.cluster_stroke.clone()
        },
        note_text: if dark {
            "#cccccc".into()
        } else {
            "#000000".into()
        },
        bar_fill: if dark {
            "#585858".into()
        } else {
            "#f4f4f4".into()
        },
        bar_stroke: if dark {
            "#cccccc".into()
        } else {
            "#666666".into()
        },
        label_box_fill: theme.node_fill.clone(),
        label_box_stroke: theme.node_stroke.clone(),
        frame_text: theme.node_text.clone(),
    }
}

/// The `<defs>` every sequence diagram uses.
pub fn write_defs(w: &mut Writer, prefix: &str, theme: &Theme) {
    let line = &theme.line;
    w.start("defs").open();
    w.start("marker")
        .attr("id", &format!("{prefix}-arrowhead"))
        .attr("refX", "7.9")
        .attr("refY", "5")
        .attr("markerUnits", "userSpaceOnUse")
        .attr("markerWidth", "12")
        .attr("markerHeight", "12")
        .attr("orient", "auto-start-reverse")
        .open();
    w.start("path")
        .attr("d", "M -1 0 L 10 5 L 0 10 z")
        .attr("fill", line)
        .attr("stroke", "none")
        .empty();
    w.close("marker");
    w.start("marker")
        .attr("id", &format!("{prefix}-asynchead"))
        .attr("refX", "9")
        .attr("refY", "5")
        .attr("markerUnits", "userSpaceOnUse")
        .attr("markerWidth", "12")
        .attr("markerHeight", "12")
        .attr("orient", "auto-start-reverse")
        .open();
    w.start("path")
        .attr("d", "M 0 0 L 10 5 L 0 10")
        .attr("fill", "none")
        .attr("stroke", line)
        .attr("stroke-width", "1.5")
        .empty();
    w.close("marker");
    w.start("marker")
        .attr("id", &format!("{prefix}-crosshead"))
        .attr("refX", "4")
        .attr("refY", "4.5")
        .attr("markerUnits", "userSpaceOnUse")
        .attr("markerWidth", "15")
        .attr("markerHeight", "8")
        .attr("orient", "auto")
        .open();
    w.start("path")
        .attr("d", "M 1,2 L 6,7 M 6,2 L 1,7")
        .attr("fill", "none")
        .attr("stroke", line)
        .attr("stroke-width", "1")
        .empty();
    w.close("marker");
    w.close("defs");
}

fn rect_el<'w>(w: &'w mut Writer, r: &Rect) -> &'w mut Writer {
    w.start("rect")
        .num("x", r.x)
        .num("y", r.y)
        .num("width", r.width.max(0.0))
        .num("height", r.height.max(0.0))
}

fn line_el(w: &mut Writer, a: Point, b: Point) -> &mut Writer {
    w.start("line")
        .num("x1", a.x)
        .num("y1", a.y)
        .num("x2", b.x)
        .num("y2", b.y)
}

fn label(w: &mut Writer, l: &Label, class: &str, color: &str) {
    if l.text.is_empty() {
        return;
    }
    w.start("g").attr("class", class).open();
    write_label(w, l, &TextPaint::new(&Default::default(), color));
    w.close("g");
}

/// Writes the whole diagram (inside the root group).
pub fn write(w: &mut Writer, scene: &Scene, parts: &SequenceParts, prefix: &str, theme: &Theme) {
    let c = colors(theme);

    // Backgrounds: `box` groups, then `rect` blocks (outermost first).
    for &b in &parts.boxes {
        let Some(cl) = scene.clusters.get(b) else {
            continue;
        };
        let fill = value(&cl.style, "fill").unwrap_or("none");
        rect_el(w, &cl.rect)
            .attr("class", "actorBox")
            .attr("fill", fill)
            .attr("fill-opacity", if fill == "none" { "1" } else { "0.5" })
            .attr("stroke", "#999999")
            .attr("stroke-width", "1")
            .empty();
        label(w, &cl.title, "actorBoxText", &c.frame_text);
    }
    for f in parts.frames.iter().filter(|f| f.keyword == "rect") {
        let Some(cl) = scene.clusters.get(f.cluster) else {
            continue;
        };
        rect_el(w, &cl.rect)
            .attr("class", "rect")
            .attr("fill", value(&cl.style, "fill").unwrap_or("none"))
            .attr("stroke", "none")
            .empty();
    }

    w.start("g").attr("class", "lifelines").open();
    for &l in &parts.lifelines {
        let Some(e) = scene.edges.get(l) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (e.points.first(), e.points.last()) else {
            continue;
        };
        line_el(w, a, b)
            .attr("class", "actor-line 200")
            .attr("stroke", &c.lifeline)
            .attr("stroke-width", "0.5px")
            .attr("data-id", &e.from)
            .empty();
    }
    w.close("g");

    for part in parts.actors.iter().filter(|a| !a.bottom) {
        if let Some(node) = scene.nodes.get(part.node) {
            actor(w, node, part.kind, false, part.participant, prefix, &c);
        }
    }

    for a in &parts.activations {
        rect_el(w, &a.rect)
            .attr("class", &format!("activation{}", a.depth.min(2)))
            .attr("fill", &c.bar_fill)
            .attr("stroke", &c.bar_stroke)
            .attr("stroke-width", "1")
            .empty();
    }

    for (i, m) in parts.messages.iter().enumerate() {
        let Some(e) = scene.edges.get(m.edge) else {
            continue;
        };
        let pts: Vec<(f64, f64)> = e.points.iter().map(|p| (p.x, p.y)).collect();
        if pts.len() < 2 {
            continue;
        }
        let class = e.classes.first().map_or("messageLine0", String::as_str);
        let marker = |h: ArrowHead| match h {
            ArrowHead::Arrow if m.open_heads => Some(format!("url(#{prefix}-asynchead)")),
            ArrowHead::Arrow => Some(format!("url(#{prefix}-arrowhead)")),
            ArrowHead::Cross => Some(format!("url(#{prefix}-crosshead)")),
            _ => None,
        };
        w.start("path")
            .attr("id", &format!("{prefix}-msg{i}"))
            .attr("class", class)
            .attr("d", &path_data(&pts, Curve::from_name(&e.curve)))
            .attr("fill", "none")
            .attr("stroke", &c.line)
            .attr("stroke-width", "1.5");
        if e.stroke == Stroke::Dotted {
            w.attr("stroke-dasharray", "3, 3");
        }
        if let Some(mk) = marker(e.head_start) {
            w.attr("marker-start", &mk);
        }
        if let Some(mk) = marker(e.head_end) {
            w.attr("marker-end", &mk);
        }
        w.empty();
        for (on, p) in [
            (m.central_start, pts[0]),
            (m.central_end, pts[pts.len() - 1]),
        ] {
            if on {
                w.start("circle")
                    .attr("class", "centralConnection")
                    .num("cx", p.0)
                    .num("cy", p.1)
                    .attr("r", "4")
                    .attr("fill", &c.line)
                    .empty();
            }
        }
        if let Some(l) = &e.label {
            label(w, l, "messageText", &c.line);
        }
        if let Some(n) = &m.number {
            let r = &n.rect;
            let (cx, cy) = (r.x + r.width / 2.0, r.y + r.height / 2.0);
            w.start("ellipse")
                .attr("class", "sequenceNumber")
                .num("cx", cx)
                .num("cy", cy)
                .num("rx", r.width / 2.0)
                .num("ry", r.height / 2.0)
                .attr("fill", &c.line)
                .empty();
            w.start("text")
                .attr("class", "sequenceNumber")
                .num("x", cx)
                .num("y", cy + 4.0)
                .attr("text-anchor", "middle")
                .attr("font-size", "12")
                .attr("fill", "#ffffff")
                .text_content("text", &n.text.to_plain());
        }
    }

    for &n in &parts.notes {
        let Some(node) = scene.nodes.get(n) else {
            continue;
        };
        let paint = Paint::new(&node.style, &c.note_fill, &c.note_stroke, 1.0);
        rect_el(w, &node.rect).attr("class", "note");
        paint.apply(w);
        w.empty();
        label(w, &node.label, "noteText", &c.note_text);
    }

    for f in parts.frames.iter().filter(|f| f.keyword != "rect") {
        let Some(cl) = scene.clusters.get(f.cluster) else {
            continue;
        };
        let r = &cl.rect;
        w.start("g").attr("class", "frame").open();
        let corners = [
            (Point::new(r.x, r.y), Point::new(r.right(), r.y)),
            (
                Point::new(r.right(), r.y),
                Point::new(r.right(), r.bottom()),
            ),
            (
                Point::new(r.x, r.bottom()),
                Point::new(r.right(), r.bottom()),
            ),
            (Point::new(r.x, r.y), Point::new(r.x, r.bottom())),
        ];
        for (a, b) in corners {
            line_el(w, a, b)
                .attr("class", "loopLine")
                .attr("stroke", &c.label_box_stroke)
                .attr("stroke-width", "2")
                .attr("stroke-dasharray", "2, 2")
                .empty();
        }
        for s in &f.sections {
            line_el(w, Point::new(r.x, s.y), Point::new(r.right(), s.y))
                .attr("class", "loopLine")
                .attr("stroke", &c.label_box_stroke)
                .attr("stroke-width", "2")
                .attr("stroke-dasharray", "3, 3")
                .empty();
            label(w, &s.label, "loopText", &c.frame_text);
        }
        let t = &f.tab;
        let notch = 8.0_f64.min(t.height / 2.0);
        let points = format!(
            "{},{} {},{} {},{} {},{} {},{}",
            num(t.x),
            num(t.y),
            num(t.right()),
            num(t.y),
            num(t.right()),
            num(t.bottom() - notch),
            num(t.right() - notch),
            num(t.bottom()),
            num(t.x),
            num(t.bottom())
        );
        w.start("polygon")
            .attr("class", "labelBox")
            .attr("points", &points)
            .attr("fill", &c.label_box_fill)
            .attr("stroke", &c.label_box_stroke)
            .empty();
        w.start("text")
            .attr("class", "labelText")
            .num("x", t.x + t.width / 2.0)
            .num("y", t.y + t.height / 2.0 + 5.0)
            .attr("text-anchor", "middle")
            .attr("fill", &c.frame_text)
            .text_content("text", &f.keyword);
        label(w, &cl.title, "loopText", &c.frame_text);
        w.close("g");
    }

    for p in &parts.destroys {
        let d = 9.0;
        w.start("path")
            .attr("class", "destroyCross")
            .attr(
                "d",
                &format!(
                    "M {} {} L {} {} M {} {} L {} {}",
                    num(p.x - d),
                    num(p.y - d),
                    num(p.x + d),
                    num(p.y + d),
                    num(p.x + d),
                    num(p.y - d),
                    num(p.x - d),
                    num(p.y + d)
                ),
            )
            .attr("stroke", &c.line)
            .attr("stroke-width", "2")
            .empty();
    }

    for part in parts.actors.iter().filter(|a| a.bottom) {
        if let Some(node) = scene.nodes.get(part.node) {
            actor(w, node, part.kind, true, part.participant, prefix, &c);
        }
    }
}

/// One participant: a box, or a symbol above its name.
fn actor(
    w: &mut Writer,
    node: &Node,
    kind: ParticipantKind,
    bottom: bool,
    index: usize,
    prefix: &str,
    c: &Colors,
) {
    let r = &node.rect;
    let class = if bottom {
        "actor actor-bottom"
    } else {
        "actor actor-top"
    };
    w.start("g")
        .attr("class", "actor-group")
        .attr(
            "id",
            &format!(
                "{prefix}-{}-{}-{index}",
                if bottom { "actor-bottom" } else { "actor" },
                id_token(&node.id)
            ),
        )
        .attr("data-id", &node.id)
        .open();
    let stroke = |w: &mut Writer| {
        w.attr("fill", &c.actor_fill)
            .attr("stroke", &c.actor_stroke)
            .attr("stroke-width", "1");
    };
    let cx = r.x + r.width / 2.0;
    // Symbols take the space above the name.
    let top = r.y + 4.0;
    let sym_h = (node.label.rect.y - top - 4.0).max(16.0);
    let rad = (sym_h / 2.0).min(14.0);
    let cy = top + sym_h / 2.0;
    match kind {
        ParticipantKind::Participant => {
            rect_el(w, r)
                .attr("rx", "3")
                .attr("ry", "3")
                .attr("class", class);
            stroke(w);
            w.empty();
        }
        ParticipantKind::Actor => {
            let head = (rad * 0.45).max(5.0);
            w.start("circle")
                .attr("class", class)
                .num("cx", cx)
                .num("cy", top + head)
                .num("r", head);
            stroke(w);
            w.empty();
            let neck = top + 2.0 * head;
            let foot = top + sym_h;
            let hip = neck + (foot - neck) * 0.55;
            let d = format!(
                "M {cx} {neck} L {cx} {hip} M {l} {arm} L {rr} {arm} M {l} {foot} L {cx} {hip} L {rr} {foot}",
                cx = num(cx),
                neck = num(neck),
                hip = num(hip),
                l = num(cx - rad),
                rr = num(cx + rad),
                arm = num(neck + (hip - neck) * 0.3),
                foot = num(foot),
            );
            w.start("path")
                .attr("class", class)
                .attr("d", &d)
                .attr("fill", "none")
                .attr("stroke", &c.actor_stroke)
                .attr("stroke-width", "2")
                .empty();
        }
        ParticipantKind::Boundary | ParticipantKind::Control | ParticipantKind::Entity => {
            w.start("circle")
                .attr("class", class)
                .num("cx", cx)
                .num("cy", cy)
                .num("r", rad);
            stroke(w);
            w.empty();
            let d = match kind {
                ParticipantKind::Boundary => format!(
                    "M {} {} L {} {} M {} {} L {} {}",
                    num(cx - rad * 2.0),
                    num(cy - rad),
                    num(cx - rad * 2.0),
                    num(cy + rad),
                    num(cx - rad * 2.0),
                    num(cy),
                    num(cx - rad),
                    num(cy)
                ),
                ParticipantKind::Control => format!(
                    "M {} {} L {} {} L {} {}",
                    num(cx + 4.0),
                    num(cy - rad - 5.0),
                    num(cx - 2.0),
                    num(cy - rad),
                    num(cx + 4.0),
                    num(cy - rad + 5.0)
                ),
                _ => format!(
                    "M {} {} L {} {}",
                    num(cx - rad),
                    num(cy + rad + 2.0),
                    num(cx + rad),
                    num(cy + rad + 2.0)
                ),
            };
            w.start("path")
                .attr("d", &d)
                .attr("fill", "none")
                .attr("stroke", &c.actor_stroke)
                .attr("stroke-width", "1.5")
                .empty();
        }
        ParticipantKind::Database => {
            let (rx, ry) = (rad * 1.2, 5.0);
            let (y0, y1) = (top + ry, top + sym_h - ry);
            let d = format!(
                "M {l} {y0} A {rx} {ry} 0 0 1 {r} {y0} L {r} {y1} A {rx} {ry} 0 0 1 {l} {y1} Z M {l} {y0} A {rx} {ry} 0 0 0 {r} {y0}",
                l = num(cx - rx),
                r = num(cx + rx),
                y0 = num(y0),
                y1 = num(y1),
                rx = num(rx),
                ry = num(ry),
            );
            w.start("path").attr("class", class).attr("d", &d);
            stroke(w);
            w.empty();
        }
        ParticipantKind::Collections => {
            for k in [4.0, 0.0] {
                rect_el(
                    w,
                    &Rect::new(cx - rad * 1.3 + k, top + 4.0 - k, rad * 2.6, sym_h - 4.0),
                )
                .attr("class", class);
                stroke(w);
                w.empty();
            }
        }
        ParticipantKind::Queue => {
            let (ry, rx) = (sym_h / 2.0, 5.0);
            let (x0, x1) = (cx - rad * 1.4, cx + rad * 1.4);
            let d = format!(
                "M {x0} {t} L {x1} {t} A {rx} {ry} 0 0 1 {x1} {b} L {x0} {b} A {rx} {ry} 0 0 1 {x0} {t} Z M {x1} {t} A {rx} {ry} 0 0 0 {x1} {b}",
                x0 = num(x0),
                x1 = num(x1),
                t = num(top),
                b = num(top + sym_h),
                rx = num(rx),
                ry = num(ry),
            );
            w.start("path").attr("class", class).attr("d", &d);
            stroke(w);
            w.empty();
        }
    }
    w.start("g").attr("class", "actor-label").open();
    write_label(w, &node.label, &TextPaint::new(&node.style, &c.actor_text));
    w.close("g");
    w.close("g");
}
