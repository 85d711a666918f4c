//! How big each node's outline is for its label, per shape, in cells or pixels.

use liutu_measure::TextMeasure;
use liutu_model::{RichText, Shape};

/// The outline size `(width, height)` of a node with this label, and the label box size.
pub fn node_size(shape: Shape, label: &RichText, measure: &dyn TextMeasure) -> (f64, f64) {
    let (w, h) = measure.text_size(label);
    if measure.is_cells() {
        cell_size(shape, w, h)
    } else {
        pixel_size(shape, w, h)
    }
}

/// Text art: a border and one space of padding around the label; diamonds and the other
/// slanted or rounded-side shapes get one more column each side for their corners.
fn cell_size(shape: Shape, w: f64, h: f64) -> (f64, f64) {
    let extra = match shape {
        Shape::Diamond
        | Shape::Hexagon
        | Shape::LeanRight
        | Shape::LeanLeft
        | Shape::Trapezoid
        | Shape::InvTrapezoid
        | Shape::Stadium
        | Shape::Circle
        | Shape::DoubleCircle => 2.0,
        Shape::Subroutine => 2.0,
        _ => 0.0,
    };
    let width = w.max(1.0) + 4.0 + extra;
    let height = h.max(1.0) + 2.0 + if has_lid(shape) { 1.0 } else { 0.0 };
    (width, height)
}

/// Whether text art draws the shape with a lid: a line across its second row
/// (`├────┤`), a row of its own that no label or edge may use.
pub fn has_lid(shape: Shape) -> bool {
    matches!(shape, Shape::Cylinder | Shape::LinedCylinder)
}

/// Mermaid's padding around a label in graphics.
const PAD: f64 = 15.0;

/// Graphics: Mermaid's padding and shape rules.
fn pixel_size(shape: Shape, w: f64, h: f64) -> (f64, f64) {
    let pad = PAD;
    match shape {
        Shape::Diamond => {
            let s = w + h + pad * 2.0;
            (s, s)
        }
        Shape::Circle | Shape::DoubleCircle => {
            let d = w.max(h)
                + pad * 2.0
                + if shape == Shape::DoubleCircle {
                    10.0
                } else {
                    0.0
                };
            (d, d)
        }
        // Symbols without a label, at Mermaid's sizes (a fork bar lies across the flow:
        // the caller turns it for LR and RL).
        Shape::SmallCircle | Shape::FramedCircle | Shape::FilledCircle => (14.0, 14.0),
        Shape::ForkJoin => (70.0, 10.0),
        Shape::Bolt => (50.0, 50.0),
        Shape::Hourglass => (30.0, 30.0),
        // As tall as wide, and wide enough where the label sits, near the wide side.
        Shape::Triangle | Shape::FlippedTriangle => {
            let s = w + h + pad;
            (s, s)
        }
        Shape::CrossedCircle => {
            let d = w.max(h) + pad * 2.0;
            (d, d)
        }
        Shape::Hexagon => (w + h / 2.0 + pad * 2.0 + 10.0, h + pad * 2.0),
        Shape::LeanRight | Shape::LeanLeft | Shape::Trapezoid | Shape::InvTrapezoid => {
            (w + h + pad * 2.0, h + pad * 2.0)
        }
        Shape::Stadium => (w + h / 2.0 + pad * 2.0, h + pad * 2.0),
        Shape::Cylinder | Shape::LinedCylinder => (w + pad * 2.0, h + pad * 2.0 + 20.0),
        Shape::Text => (w + 4.0, h + 4.0),
        // Mermaid pads a data store's label twice as wide as a rectangle's.
        Shape::DataStore => (w + pad * 4.0, h + pad * 2.0),
        // Half a padding around the label, then room for the bumps outside that.
        Shape::Cloud => {
            let bulge = liutu_scene::shapes::CLOUD_BULGE;
            (w + pad + 2.0 * bulge, h + pad + 2.0 * bulge)
        }
        // Room for the sides to curve in between the spikes, as Mermaid sizes it.
        Shape::Bang => (w + pad * 5.0, h + pad * 4.0),
        _ => (w + pad * 2.0, h + pad * 2.0),
    }
}

/// Where a label's top sits in graphics, from its node's top: in the middle, but near the
/// wide side of a triangle, where there is room for it.
pub fn label_top(shape: Shape, height: f64, label_height: f64) -> f64 {
    match shape {
        Shape::Triangle => height - label_height - PAD / 2.0,
        Shape::FlippedTriangle => PAD / 2.0,
        _ => (height - label_height) / 2.0,
    }
}
