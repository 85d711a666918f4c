//! Text art: long straight runs taken out along the flow.
//!
//! In: a flowchart scene in cells, and the gap an unlabelled chart leaves between ranks.
//! Out: the same scene, shorter along its flow (rows in a top-down flow, columns in a
//! left-right one).
//!
//! Rank gaps are sized before edges are routed, for the jogs and labels they may need;
//! once routed, many of their rows hold only lines passing straight through. In a chart
//! with edge labels every edge spans a label rank of its own, so an unlabelled edge runs
//! through an empty one, and a loop back beside it jogged there: a decision hung six rows
//! under the box above it. A run of rows that holds no node, label, frame border or bend
//! of an edge is cut down: to the unlabelled gap between a node's bottom and the next
//! node's top, to two columns beside a label's text across a left-right flow (so that
//! an arrowhead does not touch the text), and elsewhere (out of a port to a bend, from a
//! bend into a port) to one row. Every line through it just gets shorter, and nothing
//! changes side, meets or parts.

use liutu_scene::{Point, Rect, Scene};

/// Cuts every run of rows (columns when `horizontal`) that only straight lines cross:
/// down to `gap` between two nodes, to one or two elsewhere.
pub fn compact(scene: &mut Scene, horizontal: bool, gap: usize) {
    if horizontal {
        transpose(scene);
    }
    compact_rows(scene, gap, horizontal);
    if horizontal {
        transpose(scene);
    }
}

/// `turned`: whether the scene is turned (its rows were columns), where text runs down
/// the rows.
fn compact_rows(scene: &mut Scene, gap: usize, turned: bool) {
    let Some(rows) = Rows::of(scene, turned) else {
        return;
    };
    // Where each row goes: rows of a run past the ones it keeps go nowhere (nothing
    // starts or ends in them) and the rows after move up.
    let count = rows.fixed.len();
    let mut to = Vec::with_capacity(count);
    let mut next = 0usize;
    let mut start = 0;
    while start < count {
        let end = (start..count).find(|&y| rows.fixed[y]).unwrap_or(count);
        if end == start {
            to.push(next as f64);
            next += 1;
            start += 1;
            continue;
        }
        // A run between two nodes keeps the gap; one beside an edge label on a line of
        // text two columns, so that no arrowhead touches the text; any other, one row.
        let before = start.checked_sub(1);
        let after = (end < count).then_some(end);
        let between_nodes =
            before.is_some_and(|y| rows.node_bottom[y]) && after.is_some_and(|y| rows.node_top[y]);
        let beside_text = turned
            && (before.is_some_and(|y| rows.label_end[y])
                || after.is_some_and(|y| rows.label_start[y]));
        let keep = if between_nodes {
            gap
        } else if beside_text {
            2
        } else {
            1
        };
        for y in start..end {
            to.push(next as f64);
            if y - start < keep {
                next += 1;
            }
        }
        start = end;
    }
    if next == count {
        return;
    }
    let row = |y: f64| to[y as usize];
    // A box keeps its height unless it spans a cut run (a frame), and then loses what was
    // cut: its top and bottom rows move.
    let rect = |r: &mut Rect| {
        if r.height <= 0.0 {
            return;
        }
        let bottom = row(r.y + r.height - 1.0);
        r.y = row(r.y);
        r.height = bottom - r.y + 1.0;
    };
    scene.for_each_box_and_point(rect, |p| p.y = row(p.y));
}

/// What each row from 0 to the last one drawn holds.
struct Rows {
    /// Whether it must stay: it holds part of a node or a label, a frame's top or bottom
    /// border, or a bend or end of an edge.
    fixed: Vec<bool>,
    /// Whether a node's top row, or bottom row, is in it.
    node_top: Vec<bool>,
    node_bottom: Vec<bool>,
    /// Whether an edge label's first row, or last row, is in it.
    label_start: Vec<bool>,
    label_end: Vec<bool>,
}

impl Rows {
    /// `None` when the scene reaches above row 0 (it never does before it is fitted).
    fn of(scene: &Scene, turned: bool) -> Option<Rows> {
        let count = scene.content_bounds(1.0).bottom().max(0.0) as usize + 1;
        let mut rows = Rows {
            fixed: vec![false; count],
            node_top: vec![false; count],
            node_bottom: vec![false; count],
            label_start: vec![false; count],
            label_end: vec![false; count],
        };
        let row = |y: f64| (y >= 0.0).then_some((y as usize).min(count - 1));
        // Rows `from` to `to`, which must both be in the scene.
        let mut fix = |from: f64, to: f64| -> Option<()> {
            rows.fixed[row(from)?..=row(to)?].fill(true);
            Some(())
        };
        let boxes = scene
            .nodes
            .iter()
            .flat_map(|n| [n.rect, n.label.rect])
            .chain(
                scene
                    .edges
                    .iter()
                    .filter_map(|e| e.label.as_ref().map(|l| l.rect)),
            );
        for r in boxes.filter(|r| r.height > 0.0) {
            fix(r.y, r.y + r.height - 1.0)?;
        }
        for c in scene.clusters.iter() {
            let (frame, t) = (c.rect, c.title.rect);
            if frame.height > 0.0 {
                fix(frame.y, frame.y)?;
                fix(frame.y + frame.height - 1.0, frame.y + frame.height - 1.0)?;
            }
            // A title keeps the stroke of border before and after it (`┌─ Title ─`).
            let stroke = if turned { 1.0 } else { 0.0 };
            if t.height > 0.0 {
                fix((t.y - stroke).max(0.0), t.y + t.height - 1.0 + stroke)?;
            }
        }
        // Edge points in cells are the ends and the corners.
        for p in scene.edges.iter().flat_map(|e| &e.points) {
            fix(p.y, p.y)?;
        }
        let ends = |r: &Rect| Some((row(r.y)?, row(r.y + r.height - 1.0)?));
        for n in scene.nodes.iter().filter(|n| n.rect.height > 0.0) {
            let (top, bottom) = ends(&n.rect)?;
            rows.node_top[top] = true;
            rows.node_bottom[bottom] = true;
        }
        for l in scene.edges.iter().filter_map(|e| e.label.as_ref()) {
            if l.rect.height > 0.0 {
                let (first, last) = ends(&l.rect)?;
                rows.label_start[first] = true;
                rows.label_end[last] = true;
            }
        }
        Some(rows)
    }
}

/// Swaps rows and columns.
fn transpose(scene: &mut Scene) {
    scene.for_each_box_and_point(
        |r| *r = Rect::new(r.y, r.x, r.height, r.width),
        |p| *p = Point::new(p.y, p.x),
    );
    std::mem::swap(&mut scene.width, &mut scene.height);
}
