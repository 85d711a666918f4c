//! The main flow of a chart runs straight in graphics: edges looping back do not pull the
//! nodes they leave or reach off the line of the flow, and a subgraph's title leaves
//! room for the edge coming into the subgraph from above, which then comes in from
//! above rather than round the title to a side.
//!
//! The chart is the five phases of a server integration (the repository's
//! `examples/integration-phases.en.mmd`, written out here so the test stands alone):
//! every phase is a subgraph holding a chain, with a loop back inside two of them and
//! one from the last phase to the first.

mod common;

use common::{diagram, graphics, rect, text_art};
use liutu_layout::{LayoutOptions, layout};
use liutu_measure::FontMeasure;
use liutu_scene::Scene;

const PHASES: &str = "flowchart TD
    subgraph P1[1. Requirements]
        R1[Clear goals] --> R2[Gather requirements] --> R3{Feasible?}
    end
    subgraph P2[2. Design]
        D1[Architecture] --> D2[Security strategy] --> D3[Error handling]
    end
    subgraph P3[3. Implementation]
        T1[Interface development] --> T2[Data mapping] --> T3{Tests pass?}
    end
    subgraph P4[4. Deployment]
        L1[Environment] --> L2[Data migration] --> L3[Go-live monitoring]
    end
    subgraph P5[5. Maintenance]
        M1[Performance monitoring] --> M2[Incident handling] --> M3[Feature iteration]
    end
    R3 -->|yes| D1
    R3 -.->|no| R1
    D3 --> T1
    T3 -->|pass| L1
    T3 -.->|fail| T1
    L3 --> M1
    M3 ==>|new requirements| R1
";

fn centre_x(scene: &Scene, id: &str) -> f64 {
    rect(scene, id).center().x
}

/// Every node in `ids` has its centre across on the first one's.
fn assert_on_one_line(scene: &Scene, ids: &[&str]) {
    let x = centre_x(scene, ids[0]);
    for id in &ids[1..] {
        let at = centre_x(scene, id);
        assert!((at - x).abs() < 0.01, "{id} at {at} but {} at {x}", ids[0]);
    }
}

#[test]
fn a_loop_back_leaves_the_chain_on_one_line() {
    let scene = graphics(
        "flowchart TD\n  A[Start] --> B[Gather requirements] --> C{Feasible?}\n  C -->|no| A\n",
    );
    assert_on_one_line(&scene, &["A", "B", "C"]);
}

#[test]
fn the_phases_chain_runs_straight_through_every_frame() {
    let scene = graphics(PHASES);
    let chain = [
        "R1", "R2", "R3", "D1", "D2", "D3", "T1", "T2", "T3", "L1", "L2", "L3", "M1", "M2", "M3",
    ];
    assert_on_one_line(&scene, &chain);
}

#[test]
fn edges_into_a_phase_come_in_from_above_past_its_title() {
    let scene = graphics(PHASES);
    for (from, to) in [("R3", "D1"), ("D3", "T1"), ("T3", "L1"), ("L3", "M1")] {
        let edge = scene
            .edges
            .iter()
            .find(|e| e.from == from && e.to == to)
            .expect("edge");
        let target = scene.nodes.iter().find(|n| n.id == to).expect("node").rect;
        let n = edge.points.len();
        let (last, before) = (edge.points[n - 1], edge.points[n - 2]);
        assert!(
            (last.y - target.y).abs() < 0.5 && (last.x - before.x).abs() < 0.01,
            "{from}→{to} ends at {last:?} after {before:?}; {to}'s top is at y = {}",
            target.y
        );
    }
}

/// A node with many children stays over the middle of them, in graphics and text art: it
/// lines up with a middle child at most, never with an outer one (it used to end over the
/// last child straightened, with its fan of edges all running one way).
#[test]
fn a_parent_stays_over_the_middle_of_its_fan() {
    let source = "flowchart TB\nT[Link events] --> A[open in the same tab] & B[open in a new tab] & C[anchor] & D[mailto] & E[other protocol] & F[script]";
    let diagram = diagram(source);
    for measure in [
        &FontMeasure::default() as &dyn liutu_measure::TextMeasure,
        &liutu_measure::CellMeasure::default(),
    ] {
        let scene = layout(&diagram, measure, &LayoutOptions::default());
        let (t, c, d) = (
            centre_x(&scene, "T"),
            centre_x(&scene, "C"),
            centre_x(&scene, "D"),
        );
        assert!(
            c - 1.0 <= t && t <= d + 1.0,
            "T at {t}, its middle children at {c} and {d}"
        );
    }
}

/// In graphics a fork of two and the join after it are drawn symmetric, as Mermaid and
/// Graphviz draw them: the parent centred over its two children and the join under them
/// (the parent sat over one child, one edge straight and the other slanting far).
#[test]
fn a_fork_of_two_is_drawn_symmetric() {
    for direction in ["TB", "LR"] {
        let source = format!("flowchart {direction}\na --> b\na --> c\nb --> d\nc --> d");
        let scene = graphics(&source);
        let across = |id: &str| {
            let c = rect(&scene, id).center();
            if direction == "TB" { c.x } else { c.y }
        };
        let middle = (across("b") + across("c")) / 2.0;
        for id in ["a", "d"] {
            let at = across(id);
            assert!(
                (at - middle).abs() < 0.5,
                "{direction}: {id} at {at}, midway between b and c is {middle}"
            );
        }
    }
}

/// In text art a labelled edge steps sideways once: its label lines up with one of its
/// ends instead of sitting between their rows (it stepped before the label and after),
/// and the edge runs through the label's middle where the port beyond it is.
#[test]
fn a_labelled_edge_jogs_once_in_text_art() {
    for source in [
        "flowchart LR\nA[Start] -->|ok| B[Build]\nA --> C[Other]",
        "flowchart LR\nA[Start] -->|ok| B[Build]\nA -->|fail| C[Report]",
        // A label of even width: its middle is rounded as the port below it is.
        "flowchart TD\nA[开始] -->|成功| B[下一步]\nA -->|ab| C[Other]",
    ] {
        let scene = text_art(source);
        for edge in scene.edges.iter().filter(|e| e.label.is_some()) {
            // Both ends, and two corners at most.
            assert!(
                edge.points.len() <= 4,
                "{source}: {} turns {} times: {:?}",
                edge.id,
                edge.points.len() - 2,
                edge.points
            );
        }
    }
}
