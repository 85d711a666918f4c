//! Text art from hand-built models (no parser involved): the article's chart.

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::CellMeasure;
use liutu_model::{
    ArrowHead, Diagram, Direction, Edge, Flowchart, Node, RichText, Shape, Span, Stroke, Style,
};
use liutu_render_text::{Charset, TextOptions, render};

fn node(id: &str, label: &str) -> Node {
    Node {
        id: id.into(),
        label: RichText::plain(label),
        shape: Shape::Rect,
        classes: vec![],
        style: Style::default(),
        click: None,
        icon: None,
        image: None,
        parent: None,
        span: Span::default(),
    }
}

fn edge(from: usize, to: usize, both: bool) -> Edge {
    Edge {
        id: None,
        from,
        to,
        from_subgraph: None,
        to_subgraph: None,
        label: None,
        stroke: Stroke::Solid,
        head_start: if both {
            ArrowHead::Arrow
        } else {
            ArrowHead::None
        },
        head_end: ArrowHead::Arrow,
        min_len: 1,
        style: Style::default(),
        classes: vec![],
        animate: false,
        curve: None,
        span: Span::default(),
    }
}

pub fn seed(direction: Direction) -> Diagram {
    let labels = [
        "需求分析",
        "设计规划",
        "技术实现",
        "部署上线",
        "功能迭代",
        "问题处理",
        "性能监控",
        "维护优化",
    ];
    let nodes = labels
        .iter()
        .enumerate()
        .map(|(i, l)| node(&((b'A' + i as u8) as char).to_string(), l))
        .collect();
    let mut edges: Vec<Edge> = (0..7).map(|i| edge(i, i + 1, false)).collect();
    edges.push(edge(7, 0, false));
    edges.push(edge(1, 6, false));
    edges.push(edge(2, 5, true));
    Diagram::Flowchart(Flowchart {
        direction,
        nodes,
        edges,
        ..Flowchart::default()
    })
}

#[test]
fn print_seed() {
    for dir in [Direction::LR, Direction::TB] {
        let scene = layout(
            &seed(dir),
            &CellMeasure::default(),
            &LayoutOptions::default(),
        );
        let out = render(&scene, &TextOptions::default()).unwrap();
        println!("{out}");
        let out = render(
            &scene,
            &TextOptions {
                charset: Charset::Ascii,
                ..Default::default()
            },
        )
        .unwrap();
        println!("{out}");
    }
}
