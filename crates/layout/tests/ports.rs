//! Where edges leave and reach their nodes. Text art gives a node with many edges on one
//! side the room for a port each; graphics let a fan leave a small node from one place.

mod common;

use common::{graphics, rect, text_art};
use liutu_scene::Point;

/// Five labelled edges into one node all arrive on its top: it is widened for them.
/// Labelled edges are never drawn as one, so each needs its own port (they were taken
/// for duplicates of each other, and the fifth went round to the node's bottom).
#[test]
fn labelled_edges_each_get_a_port() {
    let source = "flowchart TD\n\
                  A -->|one| L\nB -->|two| L\nC -->|three| L\nD -->|four| L\nE -->|five| L";
    let scene = text_art(source);
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

/// Which side of `r` the cell `p` (where an edge ends, on the border) is on: left,
/// right, top or bottom.
fn side_of(r: &liutu_scene::Rect, p: &liutu_scene::Point) -> char {
    if p.x == r.x {
        'l'
    } else if p.x == r.x + r.width - 1.0 {
        'r'
    } else if p.y == r.y {
        't'
    } else {
        'b'
    }
}

/// In a left-right flow both ways out of a decision leave by its right side, as in
/// Mermaid's drawing: the box is a row taller per edge (it was three rows, with one port
/// a side, and the second way left by the top).
#[test]
fn a_left_right_fork_leaves_by_the_side_it_flows_to() {
    let scene = text_art("flowchart LR\nA --> D{Decide}\nD -->|yes| Y\nD -->|no| N");
    let d = rect(&scene, "D");
    for edge in scene.edges.iter().filter(|e| e.from == "D") {
        let start = edge.points.first().expect("points");
        assert_eq!(
            side_of(&d, start),
            'r',
            "{} leaves D at {start:?} of {d:?}",
            edge.id
        );
    }
    let a_to_d = scene.edges.iter().find(|e| e.from == "A").expect("A --> D");
    assert_eq!(a_to_d.points.len(), 2, "A --> D bends: {:?}", a_to_d.points);
}

/// A loop back from the last node to the first leaves the last by the side its flow comes
/// in and reaches the first by the side its flow goes on, while the flow itself stays one
/// straight row (the loop went round to the tops and bottoms of the boxes).
#[test]
fn a_loop_back_keeps_to_the_sides_of_a_left_right_flow() {
    let scene = text_art("flowchart LR\nA --> B --> C\nC --> A");
    let (a, c) = (rect(&scene, "A"), rect(&scene, "C"));
    for edge in &scene.edges {
        let (start, end) = (edge.points[0], *edge.points.last().expect("points"));
        if edge.from == "C" {
            assert_eq!(side_of(&c, &start), 'l', "the loop leaves C at {start:?}");
            assert_eq!(side_of(&a, &end), 'r', "the loop reaches A at {end:?}");
        } else {
            assert_eq!(edge.points.len(), 2, "{} bends: {:?}", edge.id, edge.points);
        }
    }
}

/// In graphics a node too small for a port per edge lets its fan leave from its bottom
/// and spread, as Graphviz and dagre draw it. The twelve edges were searched for on the
/// grid, where no two may share a cell: pushed round to the node's sides and top, they
/// crossed each other 24 times (a chart from Mermaid's parser tests).
#[test]
fn a_fan_too_wide_for_its_node_leaves_from_its_bottom_without_crossing_itself() {
    let targets: String = (1..=12).map(|i| format!("A --> B{i}\n")).collect();
    let scene = graphics(&format!("graph TD\n{targets}"));
    let a = rect(&scene, "A");
    let fan: Vec<&Vec<Point>> = scene.edges.iter().map(|e| &e.points).collect();
    for points in &fan {
        assert!(
            (points[0].y - a.bottom()).abs() < 1.0,
            "leaves A at {:?}, A {a:?}",
            points[0]
        );
    }
    let crossings = common::crossing_edges(&scene);
    assert!(crossings.is_empty(), "{crossings:?}");
}

/// A cylinder's lid is a line across its second row in text art: edges meet its sides
/// below that, and its label sits in the middle of the rows under it. An edge arrived on
/// the lid (`──▸├────┤`) and another left through it (`├────┼─┘`).
#[test]
fn edges_keep_off_a_cylinders_lid_in_text_art() {
    let scene = text_art("flowchart LR\nA --> DB[(DB)]\nB --> DB\nDB --> C\nDB --> D");
    let db = rect(&scene, "DB");
    let lid = db.y + 1.0;
    for edge in &scene.edges {
        let end = if edge.to == "DB" {
            *edge.points.last().expect("points")
        } else {
            edge.points[0]
        };
        assert_ne!(end.y, lid, "{} meets DB on its lid, DB {db:?}", edge.id);
    }
    let label = scene
        .nodes
        .iter()
        .find(|n| n.id == "DB")
        .expect("DB")
        .label
        .rect;
    let body = (db.y + 2.0, db.bottom() - 1.0);
    assert_eq!(
        label.y - body.0,
        body.1 - label.bottom(),
        "label {label:?} not in the middle of the body {body:?}"
    );
}

/// Links from a subgraph leave it at the members they were written from. Its pods' links
/// to the database left the frame in either order, as its parent ordered them as links
/// from one box: the second pod's link to the database ran out past its link to the cache,
/// and down through the worker's. Ordered by their members, nothing crosses.
#[test]
fn links_from_a_subgraph_leave_it_in_the_order_of_their_members() {
    let source = "flowchart TB\n\
        client[Browser] --> lb[Load balancer]\n\
        subgraph cluster[Kubernetes]\n\
        lb --> api1[API pod 1]\nlb --> api2[API pod 2]\n\
        api1 --> cache[(Redis)]\napi2 --> cache\nend\n\
        api1 --> db[(Postgres)]\napi2 --> db\n\
        api1 -.-> mq[[Kafka]]\nmq -.-> worker[Worker]\nworker --> db";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let crossings = common::crossing_edges(&scene);
        assert!(crossings.is_empty(), "{units}: {crossings:?}");
    }
}

/// Members linked to one node outside their subgraph stand side by side in it. The
/// subgraph was ordered by its own edges alone: the service linked to the search index
/// stood between the two linked to the database, and its link crossed theirs.
#[test]
fn members_linked_to_one_node_outside_their_subgraph_stand_side_by_side() {
    let source = "flowchart TB\n\
        subgraph App\napi[API] --> svcA[Orders] & svcB[Search] & svcC[Billing]\nend\n\
        svcA --> db[(Postgres)]\nsvcB --> cache[(Elastic)]\nsvcC --> db";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let crossings = common::crossing_edges(&scene);
        assert!(crossings.is_empty(), "{units}: {crossings:?}");
    }
}

/// A subgraph linked from the members of one laid out before it meets them where they
/// stand: the workers that the first pod calls come before the one the second pod calls.
/// Ordered as if both pods were one node, the second pod's worker came first, and its
/// link crossed the first pod's two.
#[test]
fn links_between_two_subgraphs_keep_the_order_of_the_members_they_join() {
    let source = "flowchart TB\n\
        client[Browser] --> lb[Load balancer]\n\
        subgraph cluster[Kubernetes]\nlb --> api1[API pod 1] & api2[API pod 2]\n\
        api1 --> cache[(Redis)]\napi2 --> cache\nend\n\
        subgraph jobs[Workers]\norders[Orders]\nsearch[Search]\nbilling[Billing]\nend\n\
        api1 --> orders & search\napi2 --> billing\n\
        orders --> db[(Postgres)]\nsearch --> es[(Elastic)]\nbilling --> db";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let crossings = common::crossing_edges(&scene);
        assert!(crossings.is_empty(), "{units}: {crossings:?}");
    }
}
