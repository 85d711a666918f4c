//! Node outlines as SVG path data.
//!
//! In: a path of the parts [`liutu_scene::shapes`] draws a shape with (the same ones
//! layout ends edges on). Out: its SVG `d` data. Rectangles and circles are written as
//! `<rect>` and `<circle>` by the caller.

use liutu_scene::shapes::{Path, Step};

pub use liutu_scene::shapes::{Part, Prim, Role, parts, parts_around};

use crate::path::PathData;

/// The `d` data of a shape's path.
pub fn path_data(path: &Path) -> String {
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
    use liutu_model::Shape;
    use liutu_scene::Rect;

    /// The `d` data of a shape's first part, which must be a path.
    fn first_path(shape: Shape, parts: &[Part]) -> String {
        match &parts[0].prim {
            Prim::Path(path) => path_data(path),
            other => panic!("{shape:?} is not a path: {other:?}"),
        }
    }

    #[test]
    fn a_flag_notch_stays_out_of_its_label() {
        let r = Rect::new(0.0, 0.0, 100.0, 54.0);
        let label = Rect::new(15.0, 15.0, 70.0, 24.0);
        let p = parts_around(Shape::Asymmetric, &r, &label);
        assert_eq!(
            first_path(Shape::Asymmetric, &p),
            "M0,0 L100,0 L100,54 L0,54 L13,27 Z"
        );
    }

    #[test]
    fn curves_and_arcs_are_written_as_svg_commands() {
        let r = Rect::new(0.0, 0.0, 100.0, 60.0);
        let d = first_path(Shape::Cylinder, &parts(Shape::Cylinder, &r));
        assert!(d.starts_with("M0,") && d.contains(" A50,"), "{d}");
        let d = first_path(Shape::Document, &parts(Shape::Document, &r));
        assert!(d.contains(" Q") && d.ends_with(" Z"), "{d}");
    }
}
