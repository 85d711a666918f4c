//! Helpers the layout tests share: a chart read from Mermaid source, laid out in pixels
//! or in cells, and a node's box found by id.

// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::{CellMeasure, FontMeasure};
use liutu_model::Diagram;
use liutu_scene::{Rect, Scene};

/// The diagram `source` describes; it must read without errors.
pub fn diagram(source: &str) -> Diagram {
    let read = liutu_syntax::read(source);
    assert!(!read.has_errors(), "the chart reads");
    read.diagram.expect("a diagram")
}

/// `source` laid out for graphics, with the default options.
pub fn graphics(source: &str) -> Scene {
    layout(
        &diagram(source),
        &FontMeasure::default(),
        &LayoutOptions::default(),
    )
}

/// `source` laid out for text art, with the default options.
pub fn text_art(source: &str) -> Scene {
    layout(
        &diagram(source),
        &CellMeasure::default(),
        &LayoutOptions::default(),
    )
}

/// The box of the node `id`.
pub fn rect(scene: &Scene, id: &str) -> Rect {
    scene.nodes.iter().find(|n| n.id == id).expect("node").rect
}
