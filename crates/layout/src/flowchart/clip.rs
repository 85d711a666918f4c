//! Where a straight, axis-parallel approach meets a shape's true outline.

use liutu_model::Shape;
use liutu_scene::{Point, Rect};

/// Walks from `outside` towards `toward` (same row or column) and returns the first point
/// on the outline of `shape` drawn in `rect`.
pub fn onto_outline(shape: Shape, rect: &Rect, outside: Point, toward: Point) -> Point {
    let c = rect.center();
    let (hw, hh) = (rect.width / 2.0, rect.height / 2.0);
    let vertical = (outside.x - toward.x).abs() < (outside.y - toward.y).abs();
    if vertical {
        let x = outside.x.clamp(rect.x, rect.right());
        let dx = (x - c.x).abs();
        let reach = half_extent(shape, dx, hw, hh);
        let y = if outside.y < c.y {
            c.y - reach
        } else {
            c.y + reach
        };
        Point::new(x, y)
    } else {
        let y = outside.y.clamp(rect.y, rect.bottom());
        let dy = (y - c.y).abs();
        let reach = match shape {
            // Hexagon points left and right; its top and bottom are flat.
            Shape::Hexagon => hw - (hh / 2.0) * (dy / hh.max(1e-9)),
            _ => half_extent(shape, dy, hh, hw),
        };
        let x = if outside.x < c.x {
            c.x - reach
        } else {
            c.x + reach
        };
        Point::new(x, y)
    }
}

/// How far the outline reaches from the centre along one axis, at distance `off` from the
/// centre along the other; `half_off` and `half_reach` are the half sizes on those axes.
fn half_extent(shape: Shape, off: f64, half_off: f64, half_reach: f64) -> f64 {
    match shape {
        Shape::Diamond => half_reach * (1.0 - (off / half_off.max(1e-9)).min(1.0)),
        Shape::Circle
        | Shape::DoubleCircle
        | Shape::SmallCircle
        | Shape::FramedCircle
        | Shape::FilledCircle
        | Shape::CrossedCircle => {
            let r = half_off.min(half_reach);
            (r * r - off.min(r) * off.min(r)).sqrt()
        }
        _ => half_reach,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diamond_is_met_on_its_slanted_side() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let p = onto_outline(
            Shape::Diamond,
            &r,
            Point::new(25.0, -10.0),
            Point::new(25.0, 5.0),
        );
        assert!((p.y - 25.0).abs() < 1e-9, "{p:?}");
        let q = onto_outline(
            Shape::Rect,
            &r,
            Point::new(25.0, -10.0),
            Point::new(25.0, 5.0),
        );
        assert_eq!(q, Point::new(25.0, 0.0));
    }
}
