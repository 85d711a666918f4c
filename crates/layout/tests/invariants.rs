//! Layout invariants on every diagram we can find: the repository's examples always, and
//! the Mermaid corpus in `../shared/corpus` when it is there (skipped with a note when
//! it is not, as in a user's clone).
//!
//! Checked in cells (text art) and pixels (graphics): no two nodes overlap; every
//! frame holds its members and no other node, and frames nest or stay apart; every edge starts and ends on its nodes'
//! outlines (in pixels on the shape as drawn, within half a pixel) and passes through no
//! other node nor another edge's label, nor through a frame that holds neither of its
//! ends; no edge label overlaps a node or another label;
//! in cells every edge is orthogonal, never crosses itself, and no two edges run along
//! the same cell (identical parallel edges share one route); in pixels no edge runs
//! through a frame's title.

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::{CellMeasure, FontMeasure, TextMeasure};
use liutu_model::{Diagram, Flowchart, Shape};
use liutu_scene::outline::distance_to_outline;
use liutu_scene::{Point, Rect, Units};
use std::collections::HashMap;

fn check(name: &str, chart: &Flowchart, measure: &dyn TextMeasure) -> Vec<String> {
    let scene = layout(
        &Diagram::Flowchart(chart.clone()),
        measure,
        &LayoutOptions::default(),
    );
    let mut problems = Vec::new();
    let cells = scene.units == Units::Cells;
    let eps = if cells { 0.0 } else { 0.5 };
    // Nodes never overlap.
    for (i, a) in scene.nodes.iter().enumerate() {
        for b in &scene.nodes[i + 1..] {
            if a.rect.overlaps(&b.rect) {
                problems.push(format!("{name}: nodes {} and {} overlap", a.id, b.id));
            }
        }
    }
    // Frames hold exactly their members.
    for (s, sub) in chart.subgraphs.iter().enumerate() {
        let frame = scene
            .clusters
            .iter()
            .find(|c| c.id == sub.id)
            .map(|c| c.rect);
        let Some(frame) = frame else {
            problems.push(format!("{name}: subgraph {} has no frame", sub.id));
            continue;
        };
        for (n, node) in chart.nodes.iter().enumerate() {
            let mut up = node.parent;
            let mut member = false;
            while let Some(p) = up {
                member |= p == s;
                up = chart.subgraphs[p].parent;
            }
            let r = scene.nodes[n].rect;
            if member && !frame.contains_rect(&r) {
                problems.push(format!(
                    "{name}: {} sticks out of frame {}",
                    node.id, sub.id
                ));
            }
            if !member && frame.overlaps(&r) {
                problems.push(format!(
                    "{name}: {} intrudes into frame {}",
                    node.id, sub.id
                ));
            }
        }
    }
    // Frames never cross: a subgraph's frame holds its descendants' and stays clear of
    // every other.
    let within = |inner: usize, outer: usize| {
        let mut up = chart.subgraphs[inner].parent;
        for _ in 0..=chart.subgraphs.len() {
            match up {
                Some(p) if p == outer => return true,
                Some(p) => up = chart.subgraphs[p].parent,
                None => return false,
            }
        }
        false
    };
    let frame_of = |s: usize| {
        let id = &chart.subgraphs[s].id;
        scene.clusters.iter().find(|c| &c.id == id).map(|c| c.rect)
    };
    for a in 0..chart.subgraphs.len() {
        for b in a + 1..chart.subgraphs.len() {
            let (Some(ra), Some(rb)) = (frame_of(a), frame_of(b)) else {
                continue;
            };
            let (ida, idb) = (&chart.subgraphs[a].id, &chart.subgraphs[b].id);
            let fine = if within(a, b) {
                rb.contains_rect(&ra)
            } else if within(b, a) {
                ra.contains_rect(&rb)
            } else {
                !ra.overlaps(&rb)
            };
            if !fine {
                problems.push(format!("{name}: frames {ida} and {idb} cross"));
            }
        }
    }
    // What is drawn at each end: a node's shape (its label shapes a flag's notch), or a
    // frame's box.
    type Drawn = (Shape, Rect, Option<Rect>);
    let drawn_of: HashMap<&str, Drawn> = scene
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), (n.shape, n.rect, Some(n.label.rect))))
        .collect();
    let mut used: HashMap<(i64, i64, bool), usize> = HashMap::new();
    for (ei, (edge, model)) in scene.edges.iter().zip(&chart.edges).enumerate() {
        let pts = &edge.points;
        if pts.len() < 2 {
            problems.push(format!("{name}: edge {} has {} points", edge.id, pts.len()));
            continue;
        }
        let from = model
            .from_subgraph
            .and_then(|s| {
                scene
                    .clusters
                    .iter()
                    .find(|c| c.id == chart.subgraphs[s].id)
            })
            .map_or(drawn_of[edge.from.as_str()], |c| {
                (Shape::Rect, c.rect, None)
            });
        let to = model
            .to_subgraph
            .and_then(|s| {
                scene
                    .clusters
                    .iter()
                    .find(|c| c.id == chart.subgraphs[s].id)
            })
            .map_or(drawn_of[edge.to.as_str()], |c| (Shape::Rect, c.rect, None));
        // In cells, on the box's border cells (text art draws every shape as a box); in
        // pixels, on the outline as drawn: not in the empty corner of a parallelogram's
        // box, nor above a cylinder's curved lid.
        let on_outline = |&(shape, r, label): &Drawn, p: Point| {
            if cells {
                p.x >= r.x && p.x <= r.right() - 1.0 && p.y >= r.y && p.y <= r.bottom() - 1.0
            } else {
                distance_to_outline(shape, &r, label.as_ref(), p) <= eps
            }
        };
        if !on_outline(&from, pts[0]) {
            problems.push(format!(
                "{name}: edge {} starts off its source ({:?} vs {:?})",
                edge.id, pts[0], from
            ));
        }
        if !on_outline(&to, pts[pts.len() - 1]) {
            problems.push(format!(
                "{name}: edge {} ends off its target ({:?} vs {:?})",
                edge.id,
                pts[pts.len() - 1],
                to
            ));
        }
        // In cells, no edge comes back to a cell it has passed: it would cross itself
        // there (a knot around its own arrowhead, say).
        if cells {
            let mut passed = std::collections::HashSet::new();
            let mut knotted = false;
            for (k, seg) in pts.windows(2).enumerate() {
                let (a, b) = (seg[0], seg[1]);
                // (`f64::signum` is 1 for 0.)
                let sign = |d: f64| f64::from(i8::from(d > 0.0) - i8::from(d < 0.0));
                let (dx, dy) = (sign(b.x - a.x), sign(b.y - a.y));
                let steps = (b.x - a.x).abs().max((b.y - a.y).abs()) as i64;
                // Each segment after the first starts on the corner the last one ended on.
                for i in i64::from(k > 0)..=steps {
                    let cell = (
                        (a.x + dx * i as f64).floor() as i64,
                        (a.y + dy * i as f64).floor() as i64,
                    );
                    knotted |= !passed.insert(cell);
                }
            }
            if knotted {
                problems.push(format!("{name}: edge {} crosses itself", edge.id));
            }
        }
        for seg in pts.windows(2) {
            let (a, b) = (seg[0], seg[1]);
            if cells && a.x != b.x && a.y != b.y {
                problems.push(format!("{name}: edge {} has a diagonal step", edge.id));
            }
            for node in &scene.nodes {
                let endpoint = node.id == edge.from || node.id == edge.to;
                if endpoint {
                    continue;
                }
                if segment_hits(a, b, &interior(&node.rect, cells)) {
                    problems.push(format!(
                        "{name}: edge {} passes through {}",
                        edge.id, node.id
                    ));
                }
            }
            if cells && model.stroke != liutu_model::Stroke::Invisible {
                let horizontal = a.y == b.y;
                let (x0, x1) = (a.x.min(b.x) as i64, a.x.max(b.x) as i64);
                let (y0, y1) = (a.y.min(b.y) as i64, a.y.max(b.y) as i64);
                for x in x0..=x1 {
                    for y in y0..=y1 {
                        let inner_cell = (horizontal && x != x0 && x != x1)
                            || (!horizontal && y != y0 && y != y1);
                        if inner_cell
                            && let Some(other) = used.insert((x, y, horizontal), ei)
                            && other != ei
                            // Identical parallel edges are drawn along one route.
                            && scene.edges[other].points != edge.points
                        {
                            problems.push(format!(
                                "{name}: edges {} and {} run along the same cell",
                                scene.edges[other].id, edge.id
                            ));
                        }
                    }
                }
            }
        }
    }
    // No edge label overlaps a node or another label.
    let labels: Vec<(&str, Rect)> = scene
        .edges
        .iter()
        .filter_map(|e| e.label.as_ref().map(|l| (e.id.as_str(), l.rect)))
        .collect();
    for (i, (id, r)) in labels.iter().enumerate() {
        let inner = Rect::new(
            r.x + 0.5,
            r.y + 0.5,
            (r.width - 1.0).max(0.0),
            (r.height - 1.0).max(0.0),
        );
        for node in &scene.nodes {
            if inner.overlaps(&node.rect) {
                problems.push(format!("{name}: the label of {id} overlaps {}", node.id));
            }
        }
        for (other, o) in &labels[i + 1..] {
            if inner.overlaps(o) {
                problems.push(format!("{name}: the labels of {id} and {other} overlap"));
            }
        }
    }
    // No edge runs through another edge's label (its own runs through the middle).
    for (li, labelled) in scene.edges.iter().enumerate() {
        let Some(label) = &labelled.label else {
            continue;
        };
        let inner = interior(&label.rect, cells);
        for (ei, edge) in scene.edges.iter().enumerate() {
            let own = ei == li || edge.points == labelled.points;
            if !own
                && edge.stroke != liutu_model::Stroke::Invisible
                && edge
                    .points
                    .windows(2)
                    .any(|w| segment_hits(w[0], w[1], &inner))
            {
                problems.push(format!(
                    "{name}: edge {} runs through the label of {}",
                    edge.id, labelled.id
                ));
            }
        }
    }
    // No edge runs through a frame unless one of its ends is in it (or is the frame): an
    // edge across a subgraph it has nothing to do with reads as if it belonged there.
    let box_of = |id: &str| {
        let node = scene.nodes.iter().find(|n| n.id == id).map(|n| n.rect);
        node.or_else(|| scene.clusters.iter().find(|c| c.id == id).map(|c| c.rect))
    };
    for c in &scene.clusters {
        for edge in scene
            .edges
            .iter()
            .filter(|e| e.stroke != liutu_model::Stroke::Invisible)
        {
            let inside =
                |id: &str| id == c.id || box_of(id).is_some_and(|r| c.rect.contains_rect(&r));
            if inside(&edge.from) || inside(&edge.to) {
                continue;
            }
            let frame = interior(&c.rect, cells);
            if edge
                .points
                .windows(2)
                .any(|w| segment_hits(w[0], w[1], &frame))
            {
                problems.push(format!(
                    "{name}: edge {} runs through subgraph {}, which holds neither end",
                    edge.id, c.id
                ));
            }
        }
    }
    // In graphics, no edge runs through a frame's title.
    if !cells {
        for c in scene.clusters.iter().filter(|c| c.title.rect.width > 0.0) {
            let t = c.title.rect;
            for edge in &scene.edges {
                if edge.points.windows(2).any(|w| segment_hits(w[0], w[1], &t)) {
                    problems.push(format!(
                        "{name}: edge {} runs through the title of {}",
                        edge.id, c.id
                    ));
                }
            }
        }
    }
    problems
}

/// What a line may not enter of a box: in cells, where a point is a cell's middle, the
/// box shifted half a cell so its edge cells' middles lie on its border; in pixels the
/// box less the pixel along its outline, where edges end.
fn interior(r: &Rect, cells: bool) -> Rect {
    if cells {
        Rect::new(r.x - 0.5, r.y - 0.5, r.width, r.height)
    } else {
        Rect::new(r.x + 1.0, r.y + 1.0, r.width - 2.0, r.height - 2.0)
    }
}

/// True when the segment a–b enters the rectangle's interior (Liang–Barsky clipping;
/// graphics edges run slanted between ranks).
fn segment_hits(a: Point, b: Point, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.right() - a.x),
        (-dy, a.y - r.y),
        (dy, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 < t1
}

fn flowchart(source: &str) -> Option<Flowchart> {
    let read = liutu_syntax::read(source);
    if read.has_errors() {
        return None;
    }
    match read.diagram {
        Some(Diagram::Flowchart(f)) => Some(f),
        _ => None,
    }
}

fn check_all(files: &[(String, String)]) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut problems = Vec::new();
    for (name, source) in files {
        let Some(chart) = flowchart(source) else {
            continue;
        };
        checked += 1;
        problems.extend(check(name, &chart, &CellMeasure::default()));
        problems.extend(check(name, &chart, &FontMeasure::default()));
    }
    (checked, problems)
}

#[test]
fn examples_keep_every_invariant() {
    let (checked, problems) = check_all(&liutu_testkit::examples());
    assert!(checked >= 5, "only {checked} examples read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The construct files the CLI's goldens draw, subgraph detours among them.
#[test]
fn construct_files_keep_every_invariant() {
    let dir = liutu_testkit::workspace().join("crates/cli/tests/flowchart");
    let (checked, problems) = check_all(&liutu_testkit::mmd_files(&dir));
    assert!(checked >= 10, "only {checked} construct files read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn corpus_and_bench_keep_every_invariant() {
    let Some(files) = liutu_testkit::corpus_and_bench_flowcharts("the corpus invariants") else {
        return;
    };
    let (checked, problems) = check_all(&files);
    println!("checked the layout invariants on {checked} corpus and bench flowcharts");
    liutu_testkit::assert_no_problems(&problems);
}

#[test]
fn graphics_wrap_long_labels_at_the_wrapping_width() {
    let chart = flowchart(
        "flowchart LR\n  A[This is a very long label that Mermaid would wrap at two hundred pixels] --> B[这是一个非常长的中文标签用来测试自动换行功能是否正常工作]\n  C[short]\n",
    )
    .expect("reads");
    let measure = FontMeasure::default();
    let scene = layout(
        &Diagram::Flowchart(chart.clone()),
        &measure,
        &LayoutOptions::default(),
    );
    for node in &scene.nodes[..2] {
        assert!(node.label.text.lines.len() >= 2, "{} wrapped", node.id);
        for line in &node.label.text.lines {
            assert!(measure.line_width(line) <= 200.0, "{}: {line:?}", node.id);
        }
    }
    assert_eq!(scene.nodes[2].label.text.lines.len(), 1);
    // Text art keeps labels whole (it wraps only to fit --width).
    let cells = layout(
        &Diagram::Flowchart(chart),
        &CellMeasure::default(),
        &LayoutOptions::default(),
    );
    assert_eq!(cells.nodes[0].label.text.lines.len(), 1);
}
