//! Where an edge ends: on the outline of what is drawn at its end.
//!
//! In: a node's box, shape and label box, or a frame's box. Out: the point where an edge
//! arriving straight along a row or a column touches the outline, as the renderer draws
//! it ([`liutu_scene::outline::meet`]): a diamond's side, a cylinder's curved lid, a
//! parallelogram's slanted side.

use liutu_model::Shape;
use liutu_scene::outline::meet;
use liutu_scene::{Point, Rect};

/// What is drawn at one end of an edge.
#[derive(Debug, Clone, Copy)]
pub struct Outline {
    pub rect: Rect,
    pub shape: Shape,
    /// The label inside, when it shapes the outline (a flag's notch keeps out of it).
    pub label: Option<Rect>,
}

impl Outline {
    /// A frame, or any plain box.
    pub fn frame(rect: Rect) -> Outline {
        Outline {
            rect,
            shape: Shape::Rect,
            label: None,
        }
    }

    /// The point where a line from `outside` towards `toward` (same row or column) meets
    /// the outline.
    pub fn meet(&self, outside: Point, toward: Point) -> Point {
        meet(self.shape, &self.rect, self.label.as_ref(), outside, toward)
    }
}
