//! A long edge runs straight past the nodes beside it and steps aside only where they
//! leave it no room, in pixels and in cells. Placed rank by rank, its bends settled
//! wherever the pulls of their neighbours balanced: a small step at every rank, which
//! draws as a wiggle.

mod common;

use common::diagram;
use liutu_layout::{LayoutOptions, layout};
use liutu_measure::{CellMeasure, FontMeasure, TextMeasure};
use liutu_scene::Scene;

/// Two long edges into `F`: `A --> F` past a chain of boxes of very different widths, and
/// `H --> F` past the end of it.
const BESIDE_WIDE_AND_NARROW: &str = "flowchart TD
    A[Start] --> B[Check] --> C[Validate the incoming request body] --> D[Store]
    D --> E[Notify every subscriber of the change] --> F[Done]
    A --> F
    A --> G[Audit log entry] --> H[Archive]
    H --> F
";

fn laid_out(measure: &dyn TextMeasure) -> Scene {
    layout(
        &diagram(BESIDE_WIDE_AND_NARROW),
        measure,
        &LayoutOptions::default(),
    )
}

/// How often the edge from `from` to `to` moves sideways: its points are corners of a
/// path that runs down and across.
fn sideways_steps(scene: &Scene, from: &str, to: &str) -> usize {
    let edge = scene
        .edges
        .iter()
        .find(|e| e.from == from && e.to == to)
        .expect("edge");
    edge.points
        .windows(2)
        .filter(|w| (w[0].x - w[1].x).abs() > 0.01)
        .count()
}

#[test]
fn long_edges_step_aside_only_where_they_must() {
    for (name, scene) in [
        ("pixels", laid_out(&FontMeasure::default())),
        ("cells", laid_out(&CellMeasure::default())),
    ] {
        // Past the wide boxes `A --> F` must leave `A`'s line once and reach `F` with a
        // second step; `H --> F` passes nothing and needs one step to reach `F`.
        let (a, h) = (
            sideways_steps(&scene, "A", "F"),
            sideways_steps(&scene, "H", "F"),
        );
        assert!(
            a <= 2 && h <= 1,
            "{name}: A --> F steps {a} times, H --> F {h}"
        );
    }
}
