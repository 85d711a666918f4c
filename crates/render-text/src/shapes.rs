//! Node outlines and subgraph frames as strokes and shape glyphs.
//!
//! Every outline is a closed rectangle of cells, so boxes always line up; the shape shows
//! in its corners and sides: rounded corners for round shapes, `( )` sides for stadiums
//! and circles, slanted corners for diamonds and hexagons, slanted sides for
//! parallelograms and trapezoids, inner bars for subroutines, a lid for cylinders.

use crate::canvas::Canvas;
use crate::glyphs::{E, N, S, W, Weight};
use liutu_model::Shape;
use liutu_scene::{Cluster, Node, Rect};

/// Cell bounds of a rectangle, corners inclusive.
fn bounds(r: &Rect) -> (i64, i64, i64, i64) {
    let x0 = r.x as i64;
    let y0 = r.y as i64;
    (x0, y0, x0 + r.width as i64 - 1, y0 + r.height as i64 - 1)
}

/// Strokes a closed rectangle outline.
fn outline(canvas: &mut Canvas, r: &Rect, weight: Weight) {
    let (x0, y0, x1, y1) = bounds(r);
    for x in x0..=x1 {
        let horizontal = (if x > x0 { W } else { 0 }) | (if x < x1 { E } else { 0 });
        canvas.stroke(
            x,
            y0,
            weight,
            horizontal | if x == x0 || x == x1 { S } else { 0 },
        );
        canvas.stroke(
            x,
            y1,
            weight,
            horizontal | if x == x0 || x == x1 { N } else { 0 },
        );
    }
    for y in y0 + 1..y1 {
        canvas.stroke(x0, y, weight, N | S);
        canvas.stroke(x1, y, weight, N | S);
    }
}

pub fn draw_node(canvas: &mut Canvas, node: &Node) {
    let r = &node.rect;
    let (x0, y0, x1, y1) = bounds(r);
    let weight = match node.shape {
        Shape::DoubleCircle => Weight::Double,
        _ => Weight::Light,
    };
    outline(canvas, r, weight);
    let round = matches!(
        node.shape,
        Shape::Rounded
            | Shape::Stadium
            | Shape::Circle
            | Shape::Cylinder
            | Shape::LinedCylinder
            | Shape::HorizontalCylinder
            | Shape::SmallCircle
            | Shape::FramedCircle
            | Shape::FilledCircle
            | Shape::CrossedCircle
            | Shape::Delay
            | Shape::Cloud
    );
    if round {
        for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
            canvas.round_corner(x, y);
        }
    }
    let middle = (y0 + y1) / 2;
    let sides =
        |canvas: &mut Canvas, left: char, right: char, rows: std::ops::RangeInclusive<i64>| {
            for y in rows {
                canvas.shape_glyph(x0, y, left);
                canvas.shape_glyph(x1, y, right);
            }
        };
    match node.shape {
        Shape::Stadium | Shape::Circle | Shape::SmallCircle | Shape::FramedCircle => {
            sides(canvas, '(', ')', y0 + 1..=y1 - 1);
        }
        Shape::Diamond => {
            corners(canvas, (x0, y0, x1, y1));
        }
        Shape::Hexagon => {
            corners(canvas, (x0, y0, x1, y1));
            canvas.shape_glyph(x0, middle, '<');
            canvas.shape_glyph(x1, middle, '>');
        }
        Shape::LeanRight => sides(canvas, '╱', '╱', y0..=y1),
        Shape::LeanLeft => sides(canvas, '╲', '╲', y0..=y1),
        Shape::Trapezoid => sides(canvas, '╱', '╲', y0..=y1),
        Shape::InvTrapezoid => sides(canvas, '╲', '╱', y0..=y1),
        Shape::Asymmetric => {
            canvas.shape_glyph(x0, y0, '╲');
            canvas.shape_glyph(x0, y1, '╱');
            for y in y0 + 1..y1 {
                canvas.shape_glyph(x0, y, '>');
            }
        }
        Shape::Subroutine | Shape::DividedRect | Shape::WindowPane => {
            for y in y0 + 1..y1 {
                canvas.stroke(x0 + 1, y, Weight::Light, N | S);
                canvas.stroke(x1 - 1, y, Weight::Light, N | S);
            }
            canvas.stroke(x0 + 1, y0, Weight::Light, S);
            canvas.stroke(x1 - 1, y0, Weight::Light, S);
            canvas.stroke(x0 + 1, y1, Weight::Light, N);
            canvas.stroke(x1 - 1, y1, Weight::Light, N);
        }
        // A lid: the row under the top border closes the top ellipse.
        Shape::Cylinder | Shape::LinedCylinder if y1 - y0 >= 3 => {
            for x in x0..=x1 {
                let mask = (if x > x0 { W } else { 0 }) | (if x < x1 { E } else { 0 });
                canvas.stroke(x, y0 + 1, Weight::Light, mask);
            }
            canvas.stroke(x0, y0 + 1, Weight::Light, N | S);
            canvas.stroke(x1, y0 + 1, Weight::Light, N | S);
        }
        _ => {}
    }
}

/// Slanted corners, as a diamond's.
fn corners(canvas: &mut Canvas, (x0, y0, x1, y1): (i64, i64, i64, i64)) {
    canvas.shape_glyph(x0, y0, '╱');
    canvas.shape_glyph(x1, y0, '╲');
    canvas.shape_glyph(x0, y1, '╲');
    canvas.shape_glyph(x1, y1, '╱');
}

pub fn draw_frame(canvas: &mut Canvas, cluster: &Cluster) {
    outline(canvas, &cluster.rect, Weight::Light);
}

/// The title sits in the frame's top border, with a space each side.
pub fn draw_title(canvas: &mut Canvas, cluster: &Cluster) {
    let t = &cluster.title;
    if t.text.is_empty() {
        return;
    }
    let text: String = t
        .text
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    canvas.text(t.rect.x as i64 - 1, t.rect.y as i64, &format!(" {text} "));
}
