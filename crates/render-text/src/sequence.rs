//! Sequence diagrams as text art.
//!
//! In: a scene in cells with [`SequenceParts`]. Out: the drawing, through the same
//! [`Canvas`] as flowcharts. Participants and notes are boxes; lifelines are dotted
//! (`┆`, `:` in ASCII) and activation bars heavy (`┃`, `|`); messages are horizontal
//! lines (`─`, dotted `┄`) with the label above and a head per arrow kind (`▸`/`◂`,
//! `x` for a cross, `)`/`(` for async); frames are boxes with `keyword [condition]` in
//! their top border and dashed section dividers. A message line or frame border passes
//! over the lifelines it crosses rather than making a junction with each, so the line
//! reads as one stroke; where a message starts on a lifeline it makes a tee.

use crate::TextOptions;
use crate::canvas::Canvas;
use crate::glyphs::{Charset, E, N, S, W, Weight};
use crate::shapes;
use liutu_model::{ArrowHead, Stroke};
use liutu_scene::{Edge, Rect, Scene, SequenceParts};
use std::collections::HashSet;

type Cell = (i64, i64);

fn towards(a: Cell, b: Cell) -> u8 {
    match (b.0 - a.0, b.1 - a.1) {
        (0, d) if d < 0 => N,
        (0, _) => S,
        (d, _) if d > 0 => E,
        _ => W,
    }
}

/// Every cell of an orthogonal polyline, in order.
fn path(edge: &Edge) -> Vec<Cell> {
    let mut out: Vec<Cell> = Vec::new();
    for pair in edge.points.windows(2) {
        let a = (pair[0].x as i64, pair[0].y as i64);
        let b = (pair[1].x as i64, pair[1].y as i64);
        let mut c = a;
        if out.last() != Some(&c) {
            out.push(c);
        }
        while c != b {
            if c.0 != b.0 {
                c.0 += (b.0 - c.0).signum();
            } else {
                c.1 += (b.1 - c.1).signum();
            }
            out.push(c);
        }
    }
    out
}

fn inside(r: &Rect, c: Cell) -> bool {
    let (x, y) = (c.0 as f64, c.1 as f64);
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

pub fn render(scene: &Scene, parts: &SequenceParts, options: &TextOptions) -> String {
    let mut canvas = Canvas::new(
        scene.width as usize,
        scene.height as usize,
        options.ambiguous_wide,
    );
    let ascii = options.charset == Charset::Ascii;
    // Cells where a horizontal stroke passes over lifelines.
    let mut over: HashSet<Cell> = HashSet::new();
    let messages: Vec<(usize, Vec<Cell>)> = parts
        .messages
        .iter()
        .filter_map(|m| scene.edges.get(m.edge).map(|e| (m.edge, path(e))))
        .collect();
    for (_, cells) in &messages {
        if cells.len() > 2 {
            over.extend(cells[1..cells.len() - 1].iter().copied());
        }
    }

    // `box` groups and frames.
    for &b in &parts.boxes {
        if let Some(c) = scene.clusters.get(b) {
            shapes::draw_frame(&mut canvas, c);
        }
    }
    for f in &parts.frames {
        let Some(c) = scene.clusters.get(f.cluster) else {
            continue;
        };
        let r = &c.rect;
        let (x0, y0) = (r.x as i64, r.y as i64);
        let (x1, y1) = (x0 + r.width as i64 - 1, y0 + r.height as i64 - 1);
        let weight = if f.keyword == "rect" {
            Weight::Dotted
        } else {
            Weight::Light
        };
        rectangle(&mut canvas, (x0, y0, x1, y1), weight);
        for x in x0..=x1 {
            over.insert((x, y0));
            over.insert((x, y1));
        }
        for s in &f.sections {
            let y = s.y as i64;
            for x in x0 + 1..x1 {
                canvas.stroke(x, y, Weight::Dotted, E | W);
                over.insert((x, y));
            }
            canvas.stroke(x0, y, Weight::Light, E);
            canvas.stroke(x1, y, Weight::Light, W);
        }
    }

    // Lifelines under everything else that is drawn with strokes.
    // A lifeline's end joins the box or note it touches; a free end (no mirrored
    // participants below) runs on as a full stroke instead of a stub.
    let on_outline = |c: Cell| {
        scene.nodes.iter().any(|n| {
            let r = &n.rect;
            let (x0, y0) = (r.x as i64, r.y as i64);
            let (x1, y1) = (x0 + r.width as i64 - 1, y0 + r.height as i64 - 1);
            (c.1 == y0 || c.1 == y1) && c.0 >= x0 && c.0 <= x1
        })
    };
    for &l in &parts.lifelines {
        let Some(e) = scene.edges.get(l) else {
            continue;
        };
        let cells = path(e);
        let n = cells.len();
        for (i, &c) in cells.iter().enumerate() {
            if over.contains(&c) {
                continue;
            }
            let mut mask = 0;
            if i > 0 {
                mask |= towards(c, cells[i - 1]);
            }
            if i + 1 < n {
                mask |= towards(c, cells[i + 1]);
            }
            if (i == 0 || i + 1 == n) && !on_outline(c) {
                mask |= N | S;
            }
            canvas.stroke(c.0, c.1, Weight::Dotted, mask);
        }
    }
    for a in &parts.activations {
        let (x, y0) = (a.rect.x as i64, a.rect.y as i64);
        let y1 = y0 + (a.rect.height as i64 - 1).max(0);
        for y in y0..=y1 {
            canvas.stroke(x, y, Weight::Heavy, N | S);
        }
    }
    for part in &parts.actors {
        if let Some(node) = scene.nodes.get(part.node) {
            shapes::draw_node(&mut canvas, node);
        }
    }
    for &n in &parts.notes {
        if let Some(node) = scene.nodes.get(n) {
            shapes::draw_node(&mut canvas, node);
        }
    }

    let on_bar = |c: Cell| parts.activations.iter().any(|a| inside(&a.rect, c));
    for (part, (edge_index, cells)) in parts.messages.iter().zip(&messages) {
        let Some(edge) = scene.edges.get(*edge_index) else {
            continue;
        };
        let weight = match edge.stroke {
            Stroke::Dotted => Weight::Dotted,
            Stroke::Thick => Weight::Heavy,
            Stroke::Invisible => continue,
            Stroke::Solid => Weight::Light,
        };
        let n = cells.len();
        if n < 2 {
            continue;
        }
        for i in 1..n - 1 {
            let c = cells[i];
            canvas.stroke(
                c.0,
                c.1,
                weight,
                towards(c, cells[i - 1]) | towards(c, cells[i + 1]),
            );
        }
        let ends = [
            (cells[0], cells[1], edge.head_start, part.central_start),
            (cells[n - 1], cells[n - 2], edge.head_end, part.central_end),
        ];
        for (border, inner, head, central) in ends {
            if head == ArrowHead::None && !on_bar(border) {
                canvas.stroke(border.0, border.1, weight, towards(border, inner));
            }
            let into = towards(inner, border);
            match head {
                ArrowHead::None => {}
                ArrowHead::Arrow if part.open_heads => {
                    canvas.marker(inner.0, inner.1, if into == W { '(' } else { ')' });
                }
                ArrowHead::Arrow => canvas.arrowhead(inner.0, inner.1, into),
                ArrowHead::Cross => canvas.marker(inner.0, inner.1, 'x'),
                ArrowHead::Circle => canvas.marker(inner.0, inner.1, 'o'),
            }
            if central {
                canvas.marker(border.0, border.1, 'o');
            }
        }
    }
    for p in &parts.destroys {
        canvas.marker(p.x as i64, p.y as i64, if ascii { 'X' } else { '╳' });
    }

    // Text last: nothing covers a label.
    for f in &parts.frames {
        let Some(c) = scene.clusters.get(f.cluster) else {
            continue;
        };
        if f.keyword == "rect" {
            continue;
        }
        let cond = c.title.text.to_plain().replace('\n', " ");
        let text = if cond.trim().is_empty() {
            format!(" {} ", f.keyword)
        } else {
            format!(" {} {} ", f.keyword, cond)
        };
        canvas.text(f.tab.x as i64 - 1, f.tab.y as i64, &text);
        for s in &f.sections {
            let t = s.label.text.to_plain().replace('\n', " ");
            if !t.trim().is_empty() {
                canvas.text(s.label.rect.x as i64 - 1, s.y as i64, &format!(" {t} "));
            }
        }
    }
    for &b in &parts.boxes {
        if let Some(c) = scene.clusters.get(b) {
            shapes::draw_title(&mut canvas, c);
        }
    }
    for node in &scene.nodes {
        canvas.text_block(&node.label);
    }
    for (part, (edge_index, _)) in parts.messages.iter().zip(&messages) {
        if let Some(label) = scene.edges.get(*edge_index).and_then(|e| e.label.as_ref()) {
            canvas.text_block(label);
        }
        if let Some(number) = &part.number {
            canvas.text_block(number);
        }
    }
    if let Some(t) = &parts.title {
        canvas.text_block(t);
    }
    canvas.finish(options.charset)
}

/// A closed rectangle outline, corners inclusive.
fn rectangle(canvas: &mut Canvas, (x0, y0, x1, y1): (i64, i64, i64, i64), weight: Weight) {
    for x in x0..=x1 {
        let h = (if x > x0 { W } else { 0 }) | (if x < x1 { E } else { 0 });
        let v = if x == x0 || x == x1 { 1 } else { 0 };
        canvas.stroke(x, y0, weight, h | if v == 1 { S } else { 0 });
        canvas.stroke(x, y1, weight, h | if v == 1 { N } else { 0 });
    }
    for y in y0 + 1..y1 {
        canvas.stroke(x0, y, weight, N | S);
        canvas.stroke(x1, y, weight, N | S);
    }
}
