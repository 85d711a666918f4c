//! Text art keeps the gaps between ranks as short as an unlabelled chart's: rows (in a
//! left-right flow, columns) that only straight lines cross are cut down to that once the
//! edges are routed.

mod common;

use common::{rect, text_art};
use liutu_scene::Scene;

/// The rows between two nodes one above the other, or the columns between two side by
/// side.
fn gap(scene: &Scene, first: &str, second: &str, horizontal: bool) -> f64 {
    let (a, b) = (rect(scene, first), rect(scene, second));
    if horizontal {
        b.x - a.right()
    } else {
        b.y - a.bottom()
    }
}

/// A decision in a loop: the order goes back to the start when payment fails.
fn decision(direction: &str) -> Scene {
    text_art(&format!(
        "flowchart {direction}\nA[User submits order] --> B{{Payment valid?}}\n\
         B -->|Yes| C[Reserve stock]\nB -->|No| D[Show error]\nD --> A"
    ))
}

/// Edge labels give every edge a rank of its own for its label; an unlabelled edge runs
/// through an empty one, and the loop back beside it needed rows for its jogs there: the
/// decision was six rows under the box above it, and its `Yes` and `No` three rows under
/// it.
#[test]
fn a_labelled_chart_is_no_taller_between_ranks_than_an_unlabelled_one() {
    let plain = gap(
        &text_art("flowchart TD\nA[Order] --> B[Pay]"),
        "A",
        "B",
        false,
    );
    let scene = decision("TD");
    let a_to_b = gap(&scene, "A", "B", false);
    assert!(a_to_b <= plain, "A to B: {a_to_b} rows, unlabelled {plain}");
    let b = rect(&scene, "B");
    for edge in scene.edges.iter().filter(|e| e.from == "B") {
        let label = edge.label.as_ref().expect("labelled").rect;
        let under = label.y - b.bottom();
        assert!(
            under <= plain,
            "{}'s label is {under} rows under B",
            edge.id
        );
    }
}

/// Across a left-right flow the same decision has one column out of a port, one along
/// and one into the next where an edge jogs (it had seven), and two more beside a
/// label's text, so that the line shows between text and box.
#[test]
fn a_labelled_left_right_chart_keeps_only_the_columns_its_jogs_need() {
    let scene = decision("LR");
    let a_to_b = gap(&scene, "A", "B", true);
    assert!(a_to_b <= 3.0, "A to B: {a_to_b} columns");
    let b = rect(&scene, "B");
    for edge in scene.edges.iter().filter(|e| e.from == "B") {
        let label = edge.label.as_ref().expect("labelled").rect;
        let after = label.x - b.right();
        assert!(
            after <= 4.0,
            "{}'s label is {after} columns after B",
            edge.id
        );
    }
}
