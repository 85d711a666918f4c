//! Node outlines as SVG primitives.
//!
//! In: a [`Shape`], the box layout gave it and its label's box. Out: the [`Part`]s to
//! write — the parts [`liutu_scene::shapes`] draws the shape with (the same ones layout
//! ends edges on), their paths as SVG `d` data.

use liutu_model::Shape;
use liutu_scene::Rect;
use liutu_scene::shapes::{self as geometry, Step};

pub use liutu_scene::shapes::Role;

use crate::path::PathData;

/// A primitive of an outline.
#[derive(Debug, Clone, PartialEq)]
pub enum Prim {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        rx: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
    },
    Path(String),
}

/// One drawn piece of a shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub role: Role,
    pub prim: Prim,
}

/// The parts that draw `shape` inside `bounds`, keeping clear of the label box (see
/// [`geometry::parts_around`]).
pub fn parts_around(shape: Shape, bounds: &Rect, label: &Rect) -> Vec<Part> {
    svg_parts(geometry::parts_around(shape, bounds, label))
}

/// The parts that draw `shape` inside `bounds`, back to front.
pub fn parts(shape: Shape, bounds: &Rect) -> Vec<Part> {
    svg_parts(geometry::parts(shape, bounds))
}

fn svg_parts(parts: Vec<geometry::Part>) -> Vec<Part> {
    parts
        .into_iter()
        .map(|p| Part {
            role: p.role,
            prim: match p.prim {
                geometry::Prim::Rect { x, y, w, h, rx } => Prim::Rect { x, y, w, h, rx },
                geometry::Prim::Circle { cx, cy, r } => Prim::Circle { cx, cy, r },
                geometry::Prim::Path(path) => Prim::Path(path_data(&path)),
            },
        })
        .collect()
}

fn path_data(path: &geometry::Path) -> String {
    let mut d = PathData::new();
    for step in &path.steps {
        match *step {
            Step::Move(x, y) => d.move_to(x, y),
            Step::Line(x, y) => d.line_to(x, y),
            Step::Quad(cx, cy, x, y) => d.quad_to(cx, cy, x, y),
            Step::Arc {
                rx,
                ry,
                sweep,
                x,
                y,
            } => d.arc_to(rx, ry, sweep, x, y),
            Step::Close => d.close(),
        };
    }
    d.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flag_notch_stays_out_of_its_label() {
        let r = Rect::new(0.0, 0.0, 100.0, 54.0);
        let label = Rect::new(15.0, 15.0, 70.0, 24.0);
        let p = parts_around(Shape::Asymmetric, &r, &label);
        assert_eq!(
            p[0].prim,
            Prim::Path("M0,0 L100,0 L100,54 L0,54 L13,27 Z".into())
        );
    }

    #[test]
    fn curves_and_arcs_are_written_as_svg_commands() {
        let p = parts(Shape::Cylinder, &Rect::new(0.0, 0.0, 100.0, 60.0));
        let Prim::Path(d) = &p[0].prim else {
            panic!("a cylinder is a path: {p:?}")
        };
        assert!(d.starts_with("M0,") && d.contains(" A50,"), "{d}");
        let q = parts(Shape::Document, &Rect::new(0.0, 0.0, 100.0, 60.0));
        let Prim::Path(d) = &q[0].prim else {
            panic!("a document is a path: {q:?}")
        };
        assert!(d.contains(" Q") && d.ends_with(" Z"), "{d}");
    }
}
