//! Text art gives a node with many edges on one side the room for a port each.

mod common;

use common::{diagram, rect};
use liutu_layout::{LayoutOptions, layout};
use liutu_measure::CellMeasure;

/// Five labelled edges into one node all arrive on its top: it is widened for them.
/// Labelled edges are never drawn as one, so each needs its own port (they were taken
/// for duplicates of each other, and the fifth went round to the node's bottom).
#[test]
fn labelled_edges_each_get_a_port() {
    let source = "flowchart TD\n\
                  A -->|one| L\nB -->|two| L\nC -->|three| L\nD -->|four| L\nE -->|five| L";
    let scene = layout(
        &diagram(source),
        &CellMeasure::default(),
        &LayoutOptions::default(),
    );
    let l = rect(&scene, "L");
    assert!(l.width >= 11.0, "L is {} columns wide", l.width);
    for edge in scene.edges.iter().filter(|e| e.to == "L") {
        let end = edge.points.last().expect("points");
        assert!(
            end.y <= l.y + 0.5,
            "{} ends at {end:?}, not on top of L {l:?}",
            edge.id
        );
    }
}
