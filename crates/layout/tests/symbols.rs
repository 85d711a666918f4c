//! Symbols (start and stop circles, junction, fork bar, bolt, hourglass) are drawn bare
//! at Mermaid's sizes, and a fork bar lies across its flow.

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::FontMeasure;
use liutu_model::Diagram;
use liutu_scene::{Rect, Scene};

fn graphics(source: &str) -> Scene {
    let read = liutu_syntax::read(source);
    assert!(!read.has_errors(), "the chart reads");
    let diagram: Diagram = read.diagram.expect("a diagram");
    layout(&diagram, &FontMeasure::default(), &LayoutOptions::default())
}

fn rect(scene: &Scene, id: &str) -> Rect {
    scene.nodes.iter().find(|n| n.id == id).expect("node").rect
}

#[test]
fn symbols_are_bare_and_a_fork_lies_across_its_flow() {
    let chart = |dir: &str| {
        format!(
            "flowchart {dir}\nstart@{{ shape: sm-circ }} --> work[Work] --> fork@{{ shape: fork, label: \"a long label\" }}\nfork --> stop@{{ shape: fr-circ }}"
        )
    };
    for dir in ["TD", "LR"] {
        let scene = graphics(&chart(dir));
        for id in ["start", "stop"] {
            let r = rect(&scene, id);
            assert_eq!((r.width, r.height), (14.0, 14.0), "{dir} {id}");
        }
        for node in scene.nodes.iter().filter(|n| n.id != "work") {
            assert!(
                node.label.text.is_empty(),
                "{dir}: {} shows a label",
                node.id
            );
        }
        let fork = rect(&scene, "fork");
        let across = if dir == "TD" { fork.width } else { fork.height };
        assert_eq!(
            (across, fork.width * fork.height),
            (70.0, 700.0),
            "{dir}: {fork:?}"
        );
    }
}
