//! A way out of a subgraph and back into it is laid out beside the frame: the nodes on it
//! are ranked with the subgraph's members, so every edge of the way runs with the flow.

mod common;

use common::{graphics, rect, text_art};
use liutu_scene::{Rect, Scene};

/// `Backend` with a way out of it through a queue and a worker, back in at its database.
const DETOUR: &str = "flowchart TB\n\
    subgraph Backend\nGateway --> Service --> DB\nend\n\
    Service --> Queue --> Worker --> DB";

fn frame(scene: &Scene, id: &str) -> Rect {
    scene
        .clusters
        .iter()
        .find(|c| c.id == id)
        .expect("frame")
        .rect
}

/// The queue and the worker stand beside the frame, between the service and the
/// database, so that `Worker --> DB` comes down. They were ranked under the whole frame,
/// with the database right under the service, and `Worker --> DB` went back up into it.
#[test]
fn a_way_out_and_back_in_runs_down_beside_the_frame() {
    for (units, scene) in [("pixels", graphics(DETOUR)), ("cells", text_art(DETOUR))] {
        let backend = frame(&scene, "Backend");
        let [service, queue, worker, db] =
            ["Service", "Queue", "Worker", "DB"].map(|id| rect(&scene, id));
        for (id, r) in [("Queue", queue), ("Worker", worker)] {
            assert!(
                !r.overlaps(&backend),
                "{units}: {id} {r:?} in Backend {backend:?}"
            );
        }
        assert!(
            service.bottom() <= queue.y && queue.bottom() <= worker.y && worker.bottom() <= db.y,
            "{units}: not in flow order: Service {service:?}, Queue {queue:?}, Worker {worker:?}, DB {db:?}"
        );
    }
}

/// A loop back into a subgraph is not brought beside it: it goes back up however it is
/// laid out, and reads better downstream of the frame.
#[test]
fn a_loop_back_into_a_subgraph_stays_downstream_of_its_frame() {
    let source = "flowchart TB\n\
        subgraph Deploy\nstage --> smoke --> prod\nend\n\
        smoke -->|fail| rollback\nrollback --> stage";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let (deploy, rollback) = (frame(&scene, "Deploy"), rect(&scene, "rollback"));
        assert!(
            rollback.y >= deploy.bottom(),
            "{units}: rollback {rollback:?} beside Deploy {deploy:?}"
        );
    }
}

/// Whole subgraphs can be on the way: `c1 --> a2` leaves `three` for `one`, `one --> two`
/// and `two --> c2` come back (Mermaid's flowchart docs). `one` and `two` stand beside
/// `three`, so both ways run down, no two frames cross, and the frames' own edge runs
/// across between them. `three` was ranked under the other two, and `c1 --> a2` went up
/// the whole chart.
#[test]
fn subgraphs_on_a_way_out_and_back_in_stand_beside_the_frame() {
    let source = "flowchart TB\nc1-->a2\n\
        subgraph one\na1-->a2\nend\nsubgraph two\nb1-->b2\nend\nsubgraph three\nc1-->c2\nend\n\
        one --> two\nthree --> two\ntwo --> c2";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let [c1, a2, c2] = ["c1", "a2", "c2"].map(|id| rect(&scene, id));
        let [one, two, three] = ["one", "two", "three"].map(|id| frame(&scene, id));
        assert!(
            c1.bottom() <= a2.y,
            "{units}: c1 {c1:?} not above a2 {a2:?}"
        );
        assert!(
            two.bottom() <= c2.y,
            "{units}: two {two:?} not above c2 {c2:?}"
        );
        for (id, r) in [("one", one), ("two", two)] {
            assert!(
                !r.overlaps(&three),
                "{units}: {id} {r:?} crosses three {three:?}"
            );
        }
        // `three --> two` (drawn between the members written first: c1, b1) joins the
        // frames side to side. It left three's bottom, went round below it and came up
        // into two's top.
        let edge = scene
            .edges
            .iter()
            .find(|e| e.from == "c1" && e.to == "b1")
            .expect("three --> two");
        let (start, end) = (edge.points[0], *edge.points.last().expect("points"));
        // In cells a point is a cell, the frame's last column `right() - 1`.
        let on = |x: f64, side: f64| (x - side).abs() <= 1.0;
        assert!(
            on(start.x, three.right()),
            "{units}: leaves three at {start:?}, three {three:?}"
        );
        assert!(
            on(end.x, two.x),
            "{units}: reaches two at {end:?}, two {two:?}"
        );
    }
}

/// What only the way leads to goes on beside the frame with it: after the payment's way
/// back in (a release of the stock that was reserved), the confirmation and the notice
/// that follow a payment stand beside the frame, as Mermaid draws them. They were ranked
/// under the whole frame, and the edge to them crossed the way back in.
#[test]
fn what_only_the_way_leads_to_stands_beside_the_frame_too() {
    let source = "flowchart TD\n\
        subgraph Orders\nReceive --> Stock{In stock?}\nStock -->|yes| Reserve\n\
        Stock -->|no| SoldOut\nend\n\
        Reserve --> Pay --> Paid{Paid?}\nPaid -->|no| Release --> SoldOut\n\
        Paid -->|yes| Confirm --> Notify";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let orders = frame(&scene, "Orders");
        for id in ["Confirm", "Notify"] {
            let r = rect(&scene, id);
            assert!(
                !r.overlaps(&orders),
                "{units}: {id} {r:?} in Orders {orders:?}"
            );
            assert!(
                r.y < orders.bottom(),
                "{units}: {id} {r:?} under Orders {orders:?}"
            );
        }
    }
}

/// Across a left-right flow the way runs right under the frame.
#[test]
fn a_way_out_and_back_in_runs_right_under_a_left_right_frame() {
    let source = DETOUR.replace("flowchart TB", "flowchart LR");
    for (units, scene) in [("pixels", graphics(&source)), ("cells", text_art(&source))] {
        let backend = frame(&scene, "Backend");
        let [service, queue, worker, db] =
            ["Service", "Queue", "Worker", "DB"].map(|id| rect(&scene, id));
        for (id, r) in [("Queue", queue), ("Worker", worker)] {
            assert!(
                r.y >= backend.bottom(),
                "{units}: {id} {r:?} not under Backend {backend:?}"
            );
        }
        assert!(
            service.right() <= queue.x && queue.right() <= worker.x && worker.right() <= db.x,
            "{units}: not in flow order: Service {service:?}, Queue {queue:?}, Worker {worker:?}, DB {db:?}"
        );
    }
}

/// The nodes beside a frame are ordered knowing they will stand beside it: an order flow
/// whose payment leaves the order service and comes back to it on failure is drawn
/// without crossings, as Mermaid draws it. Ordered as if the frame were not there, the
/// edge into the payment crossed the service's own `否` branch, and the release of stock
/// crossed the confirmation.
#[test]
fn the_way_beside_a_frame_is_ordered_without_crossings() {
    let source = "flowchart TD\n\
        subgraph 订单服务\nA[接收订单] --> B{库存充足?}\nB -->|是| C[锁定库存]\nB -->|否| D[返回缺货]\nend\n\
        C --> E[调用支付]\nE --> F{支付成功?}\nF -->|是| G[确认订单]\nF -->|否| H[释放库存]\n\
        H --> D\nG --> I[通知仓库]";
    for (units, scene) in [("pixels", graphics(source)), ("cells", text_art(source))] {
        let crossings = common::crossing_edges(&scene);
        assert!(crossings.is_empty(), "{units}: {crossings:?}");
    }
}
