//! Colour from styles: `classDef`, `class`, `style` and `linkStyle` become ANSI colours.
//!
//! In: the scene's resolved styles. Out: painted cells on the canvas — `stroke` colours a
//! node's or frame's outline and an edge's line, `fill` the inside of a node, `color` its
//! label. Only what a diagram styles is painted; everything else keeps the terminal's
//! colours.

use crate::canvas::Canvas;
use liutu_model::{Style, parse_color};
use liutu_scene::{Cluster, Edge, Label, Node, Rect};

fn colour(style: &Style, key: &str) -> Option<liutu_model::Rgba> {
    style
        .get(key)
        .and_then(|v| {
            parse_color(
                v.trim_end_matches(';')
                    .trim_end_matches("!important")
                    .trim(),
            )
        })
        .filter(|c| c.a > 0)
}

fn outline(canvas: &mut Canvas, r: &Rect, style: &Style) {
    let Some(stroke) = colour(style, "stroke") else {
        return;
    };
    let (x0, y0) = (r.x as i64, r.y as i64);
    let (x1, y1) = (x0 + r.width as i64 - 1, y0 + r.height as i64 - 1);
    for x in x0..=x1 {
        canvas.paint_fg(x, y0, stroke);
        canvas.paint_fg(x, y1, stroke);
    }
    for y in y0..=y1 {
        canvas.paint_fg(x0, y, stroke);
        canvas.paint_fg(x1, y, stroke);
    }
}

fn label(canvas: &mut Canvas, label: &Label, style: &Style) {
    if let Some(c) = colour(style, "color") {
        let r = &label.rect;
        for y in r.y as i64..(r.y + r.height) as i64 {
            for x in r.x as i64..(r.x + r.width) as i64 {
                canvas.paint_fg(x, y, c);
            }
        }
    }
}

pub fn paint_node(canvas: &mut Canvas, node: &Node) {
    let r = &node.rect;
    if let Some(fill) = colour(&node.style, "fill") {
        for y in r.y as i64 + 1..(r.y + r.height) as i64 - 1 {
            for x in r.x as i64 + 1..(r.x + r.width) as i64 - 1 {
                canvas.paint_bg(x, y, fill);
            }
        }
    }
    outline(canvas, r, &node.style);
    label(canvas, &node.label, &node.style);
}

pub fn paint_cluster(canvas: &mut Canvas, cluster: &Cluster) {
    outline(canvas, &cluster.rect, &cluster.style);
    label(canvas, &cluster.title, &cluster.style);
}

pub fn paint_edge(canvas: &mut Canvas, edge: &Edge) {
    if let Some(stroke) = colour(&edge.style, "stroke") {
        let cells = crate::edges::cells(edge);
        // The two ends lie on the nodes' outlines, which keep their own colour.
        for &(x, y) in cells.iter().skip(1).take(cells.len().saturating_sub(2)) {
            canvas.paint_fg(x, y, stroke);
        }
    }
    if let Some(l) = &edge.label {
        label(canvas, l, &edge.style);
    }
}
