//! A chart's own `flowchart.nodeSpacing` and `flowchart.rankSpacing` set the gaps between
//! nodes of a rank and between ranks, as in Mermaid; values too small to route edges in
//! are raised to the least that works.

mod common;

use common::{graphics, rect};

/// The gap between B and C (one rank) and between A and B (one rank apart).
fn gaps(config: &str) -> (f64, f64) {
    let scene = graphics(&format!(
        "---\nconfig:\n  flowchart:\n{config}---\nflowchart TD\nA --> B & C\n"
    ));
    let (a, b, c) = (rect(&scene, "A"), rect(&scene, "B"), rect(&scene, "C"));
    (c.x - b.right(), b.y - a.bottom())
}

#[test]
fn the_charts_spacing_sets_the_gaps() {
    let (node_gap, rank_gap) = gaps("    curve: basis\n");
    assert_eq!((node_gap, rank_gap), (50.0, 50.0));
    let (node_gap, rank_gap) = gaps("    nodeSpacing: 120\n    rankSpacing: 90\n");
    assert_eq!((node_gap, rank_gap), (120.0, 90.0));
    // Mermaid's demo sets both to 1: edges still need room for their ports.
    let (node_gap, rank_gap) = gaps("    nodeSpacing: 1\n    rankSpacing: 1\n");
    assert_eq!((node_gap, rank_gap), (10.0, 20.0));
}
