//! Edges: strokes along the routed cells, a tee where an edge leaves a box without a
//! head, an arrowhead (or `o` / `x`) in the cell before a box where it has one.

use crate::canvas::Canvas;
use crate::glyphs::{E, N, S, W, Weight};
use liutu_model::{ArrowHead, Stroke};
use liutu_scene::Edge;

/// The mask bit pointing from `a` to the adjacent cell `b`.
fn towards(a: (i64, i64), b: (i64, i64)) -> u8 {
    match (b.0 - a.0, b.1 - a.1) {
        (0, d) if d < 0 => N,
        (0, _) => S,
        (d, _) if d > 0 => E,
        _ => W,
    }
}

/// Every cell of an orthogonal polyline, in order.
pub fn cells(edge: &Edge) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    for pair in edge.points.windows(2) {
        let (a, b) = (
            (pair[0].x as i64, pair[0].y as i64),
            (pair[1].x as i64, pair[1].y as i64),
        );
        let (dx, dy) = ((b.0 - a.0).signum(), (b.1 - a.1).signum());
        let mut c = a;
        if out.last() != Some(&c) {
            out.push(c);
        }
        while c != b {
            // Orthogonal by construction; a diagonal pair is walked x first.
            if c.0 != b.0 {
                c.0 += dx;
            } else {
                c.1 += dy;
            }
            out.push(c);
        }
    }
    if out.is_empty()
        && let Some(p) = edge.points.first()
    {
        out.push((p.x as i64, p.y as i64));
    }
    out
}

pub fn draw_edge(canvas: &mut Canvas, edge: &Edge) {
    let weight = match edge.stroke {
        Stroke::Invisible => return,
        Stroke::Solid => Weight::Light,
        Stroke::Dotted => Weight::Dotted,
        Stroke::Thick => Weight::Heavy,
    };
    let path = cells(edge);
    let n = path.len();
    if n < 2 {
        return;
    }
    // The inner cells: a stroke towards each neighbour.
    for i in 1..n - 1 {
        let c = path[i];
        let mask = towards(c, path[i - 1]) | towards(c, path[i + 1]);
        canvas.stroke(c.0, c.1, weight, mask);
    }
    end(canvas, &path[0], &path[1], edge.head_start, weight);
    end(canvas, &path[n - 1], &path[n - 2], edge.head_end, weight);
}

/// One end: `border` is the cell on the node's outline, `inner` the first cell outside.
fn end(
    canvas: &mut Canvas,
    border: &(i64, i64),
    inner: &(i64, i64),
    head: ArrowHead,
    weight: Weight,
) {
    let into_border = towards(*inner, *border);
    match head {
        ArrowHead::None => canvas.stroke(border.0, border.1, weight, towards(*border, *inner)),
        ArrowHead::Arrow => canvas.arrowhead(inner.0, inner.1, into_border),
        ArrowHead::Circle => canvas.marker(inner.0, inner.1, 'o'),
        ArrowHead::Cross => canvas.marker(inner.0, inner.1, 'x'),
    }
}
