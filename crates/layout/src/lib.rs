//! Layout: from what a diagram means to where everything goes.
//!
//! In: a [`liutu_model::Diagram`], a [`TextMeasure`] that sizes labels, and
//! [`LayoutOptions`]. Out: a [`liutu_scene::Scene`] — node boxes, routed edges, placed
//! labels and cluster frames in absolute coordinates.
//!
//! With a cell measure (text art) everything is laid out on the integer grid of a
//! terminal and edges are routed orthogonally cell by cell; with a font measure
//! (SVG, PNG) the same engine works in pixels.

mod flowchart;
pub mod layered;
pub mod limits;
pub mod route;
mod sequence;

use liutu_measure::TextMeasure;
use liutu_model::Diagram;
use liutu_scene::Scene;

/// Tuning knobs; the defaults follow Mermaid's (`nodeSpacing` 50, `rankSpacing` 50).
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Gap between nodes of one rank, in pixels (scaled down for cells).
    pub node_spacing: f64,
    /// Gap between ranks, in pixels (scaled down for cells).
    pub rank_spacing: f64,
    /// Abstract work units layout may spend improving the drawing; the same on every
    /// machine, so output never depends on speed.
    pub work_budget: u64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_spacing: 50.0,
            rank_spacing: 50.0,
            work_budget: 500_000_000,
        }
    }
}

/// Lays out `diagram`.
pub fn layout(diagram: &Diagram, measure: &dyn TextMeasure, options: &LayoutOptions) -> Scene {
    match diagram {
        Diagram::Flowchart(chart) => flowchart::layout(chart, measure, options),
        Diagram::Sequence(seq) => sequence::layout(seq, measure, options),
    }
}
