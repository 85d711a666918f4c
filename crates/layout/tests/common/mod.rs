//! Helpers the layout tests share: a chart read from Mermaid source, laid out in pixels
//! or in cells, and a node's box found by id.

// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::{CellMeasure, FontMeasure};
use liutu_model::Diagram;
use liutu_scene::{Rect, Scene};

/// The diagram `source` describes; it must read without errors.
pub fn diagram(source: &str) -> Diagram {
    let read = liutu_syntax::read(source);
    assert!(!read.has_errors(), "the chart reads");
    read.diagram.expect("a diagram")
}

/// `source` laid out for graphics, with the default options.
pub fn graphics(source: &str) -> Scene {
    layout(
        &diagram(source),
        &FontMeasure::default(),
        &LayoutOptions::default(),
    )
}

/// `source` laid out for text art, with the default options.
pub fn text_art(source: &str) -> Scene {
    layout(
        &diagram(source),
        &CellMeasure::default(),
        &LayoutOptions::default(),
    )
}

/// The box of the node `id`.
pub fn rect(scene: &Scene, id: &str) -> Rect {
    scene.nodes.iter().find(|n| n.id == id).expect("node").rect
}

/// The pairs of edges (by id) whose drawn lines cross each other: a proper crossing of
/// two of their segments, not a touch or a shared end.
pub fn crossing_edges(scene: &Scene) -> Vec<(String, String)> {
    use liutu_scene::Point;
    // Which side of the line through `a` and `b` the point `c` is on.
    let side = |a: Point, b: Point, c: Point| {
        let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        if cross.abs() < 1e-9 {
            0
        } else {
            cross.signum() as i32
        }
    };
    let cross = |(a, b): (Point, Point), (c, d): (Point, Point)| {
        side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0
    };
    let segments = |points: &[Point]| -> Vec<(Point, Point)> {
        points.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let mut pairs = Vec::new();
    for (i, e) in scene.edges.iter().enumerate() {
        for f in &scene.edges[i + 1..] {
            let crossed = segments(&e.points)
                .iter()
                .any(|&s| segments(&f.points).iter().any(|&t| cross(s, t)));
            if crossed {
                pairs.push((e.id.clone(), f.id.clone()));
            }
        }
    }
    pairs
}
