//! Shapes sized and labelled as Mermaid does: symbols (start and stop circles, junction,
//! fork bar, bolt, hourglass) bare at fixed sizes, a fork bar across its flow, and a
//! triangle's label inside it near its wide side.

mod common;

use common::{graphics, rect};

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

#[test]
fn a_triangles_label_sits_inside_it_near_the_wide_side() {
    let scene = graphics(
        "flowchart TD\nt@{ shape: tri, label: \"Extract the data\" } --> f@{ shape: flip-tri, label: \"Manual file\" }",
    );
    for node in &scene.nodes {
        let (r, l) = (node.rect, node.label.rect);
        // The triangle's half width at height y, from its apex (top for `tri`).
        let half_width = |y: f64| {
            let from_apex = if node.id == "t" {
                y - r.y
            } else {
                r.bottom() - y
            };
            r.width / 2.0 * from_apex / r.height
        };
        // The label's corner nearest the apex is the tightest.
        let y = if node.id == "t" { l.y } else { l.bottom() };
        assert!(
            l.width / 2.0 <= half_width(y),
            "{}: label {l:?} sticks out of {r:?}",
            node.id
        );
    }
}
