//! Where an edge meets a node's outline, as [`crate::shapes`] draws it.
//!
//! In: a [`Shape`], its box (and label box), and a line coming straight at it along a row
//! or a column. Out: the point where the line first touches what is drawn ([`meet`]): an
//! edge ends on the slanted side of a parallelogram or the curved lid of a cylinder, not
//! in the empty corner of its box. Curves are flattened (16 chords a quarter turn);
//! circles are met exactly.

use crate::shapes::{Path, Prim, Role, Step, parts, parts_around, rect, sane};
use crate::{Point, Rect};
use liutu_model::Shape;

/// Where an edge coming straight from `outside` towards `toward` (along one row or one
/// column) first touches `shape` drawn in `bounds`, with its label in `label` (which
/// shallows a flag's notch, as [`parts_around`] draws it). Shapes that fill nothing (text,
/// braces) are met on their box. When the line passes beside the shape (a port beside a
/// narrow part), the edge ends on the drawn point nearest to the line.
pub fn meet(
    shape: Shape,
    bounds: &Rect,
    label: Option<&Rect>,
    outside: Point,
    toward: Point,
) -> Point {
    if fills_its_box(shape) {
        return meet_outline(&[box_prim(bounds)], bounds, outside, toward);
    }
    meet_outline(&filled_prims(shape, bounds, label), bounds, outside, toward)
}

/// True when the outline of `shape` is its box (or it fills nothing, and edges end on
/// its box). Most nodes are plain rectangles: for them [`meet`] skips the geometry.
pub fn fills_its_box(shape: Shape) -> bool {
    matches!(
        shape,
        Shape::Rect
            | Shape::Subroutine
            | Shape::LinedRect
            | Shape::DividedRect
            | Shape::WindowPane
            | Shape::TaggedRect
            | Shape::ForkJoin
            | Shape::Text
            | Shape::DataStore
            | Shape::Comment
            | Shape::BraceRight
            | Shape::Braces
    )
}

fn box_prim(bounds: &Rect) -> Prim {
    let (x, y, w, h) = sane(bounds);
    rect(x, y, w, h, 0.0)
}

/// [`meet`] on the filled primitives of a shape.
fn meet_outline(filled: &[Prim], bounds: &Rect, outside: Point, toward: Point) -> Point {
    // Work in (along, across): along is the direction of travel's axis.
    let vertical = (outside.x - toward.x).abs() < (outside.y - toward.y).abs();
    let flip = |p: (f64, f64)| if vertical { (p.1, p.0) } else { p };
    let (start, across) = flip((outside.x, outside.y));
    let (lo, hi) = if vertical {
        (bounds.x, bounds.right())
    } else {
        (bounds.y, bounds.bottom())
    };
    let across = if lo <= hi {
        across.clamp(lo, hi)
    } else {
        across
    };
    let forward = flip((toward.x, toward.y)).0 >= start;
    // The first crossing of the line with an edge of the outline, from `start`.
    let mut hit: Option<f64> = None;
    let mut nearest: Option<((f64, f64), f64)> = None;
    for prim in filled {
        // A circle is met exactly: edges end on round nodes at the sizes Mermaid gives.
        if let Prim::Circle { cx, cy, r } = *prim {
            let (centre_along, centre_across) = flip((cx, cy));
            let off = (across - centre_across).abs();
            if off <= r {
                let half = (r * r - off * off).sqrt();
                let along = if forward {
                    centre_along - half
                } else {
                    centre_along + half
                };
                if hit.is_none_or(|h| if forward { along < h } else { along > h }) {
                    hit = Some(along);
                }
            } else if nearest.is_none_or(|(_, d)| off - r < d) {
                nearest = Some((
                    (
                        centre_along,
                        centre_across + r.copysign(across - centre_across),
                    ),
                    off - r,
                ));
            }
        }
    }
    for polygon in filled
        .iter()
        .filter(|p| !matches!(p, Prim::Circle { .. }))
        .flat_map(outline_polygons)
    {
        for (i, &a) in polygon.iter().enumerate() {
            let b = polygon[(i + 1) % polygon.len()];
            let (a, b) = (flip(a), flip(b));
            let off = (a.1 - across).abs();
            if nearest.is_none_or(|(_, d)| off < d) {
                nearest = Some((a, off));
            }
            let (amin, amax) = (a.1.min(b.1), a.1.max(b.1));
            if across < amin || across > amax {
                continue;
            }
            let along = if (b.1 - a.1).abs() < 1e-12 {
                // Running along the line: its nearer end.
                if (a.0 < b.0) == forward { a.0 } else { b.0 }
            } else {
                a.0 + (across - a.1) / (b.1 - a.1) * (b.0 - a.0)
            };
            let better = hit.is_none_or(|h| if forward { along < h } else { along > h });
            if better {
                hit = Some(along);
            }
        }
    }
    let (along, across) = match (hit, nearest) {
        (Some(along), _) => (along, across),
        (None, Some((point, _))) => point,
        (None, None) => (start, across),
    };
    let (x, y) = flip((along, across));
    Point::new(x, y)
}

/// How far `p` is from the outline of `shape` drawn in `bounds` (its box, for shapes that
/// fill nothing): zero on it, to within a tenth of a pixel on curves. For checking that
/// edges end where [`meet`] puts them.
pub fn distance_to_outline(shape: Shape, bounds: &Rect, label: Option<&Rect>, p: Point) -> f64 {
    let mut best = f64::INFINITY;
    for prim in filled_prims(shape, bounds, label) {
        if let Prim::Circle { cx, cy, r } = prim {
            best = best.min(((p.x - cx).hypot(p.y - cy) - r).abs());
            continue;
        }
        for polygon in outline_polygons(&prim) {
            for (i, &a) in polygon.iter().enumerate() {
                let b = polygon[(i + 1) % polygon.len()];
                best = best.min(segment_distance(p, a, b));
            }
        }
    }
    best
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: Point, a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.0) * dx + (p.y - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (p.x - a.0 - t * dx).hypot(p.y - a.1 - t * dy)
}

/// The parts of a shape that are filled (its outline), or its box when none is.
fn filled_prims(shape: Shape, bounds: &Rect, label: Option<&Rect>) -> Vec<Prim> {
    let parts = match label {
        Some(label) => parts_around(shape, bounds, label),
        None => parts(shape, bounds),
    };
    let mut filled: Vec<Prim> = parts
        .into_iter()
        .filter(|p| p.role != Role::Line)
        .map(|p| p.prim)
        .collect();
    if filled.is_empty() {
        filled.push(box_prim(bounds));
    }
    filled
}

/// Segments per quarter turn of a flattened arc, and per quadratic curve: a quarter
/// circle of radius 50 in 16 chords strays 0.12 px from them.
const FLATTEN: usize = 16;

/// A filled primitive as closed polygons (curves flattened).
fn outline_polygons(prim: &Prim) -> Vec<Vec<(f64, f64)>> {
    match *prim {
        Prim::Rect { x, y, w, h, rx } => {
            let rx = rx.min(w / 2.0).min(h / 2.0).max(0.0);
            if rx <= 0.0 {
                return vec![vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)]];
            }
            let mut points = Vec::new();
            // Corner centres clockwise from top-left, each with its quarter's start angle.
            let corners = [
                (x + rx, y + rx, 180.0_f64),
                (x + w - rx, y + rx, 270.0),
                (x + w - rx, y + h - rx, 0.0),
                (x + rx, y + h - rx, 90.0),
            ];
            for (cx, cy, from) in corners {
                for k in 0..=FLATTEN {
                    let t = (from + 90.0 * k as f64 / FLATTEN as f64).to_radians();
                    points.push((cx + rx * t.cos(), cy + rx * t.sin()));
                }
            }
            vec![points]
        }
        Prim::Circle { cx, cy, r } => {
            let n = 4 * FLATTEN;
            vec![
                (0..n)
                    .map(|k| {
                        let t = std::f64::consts::TAU * k as f64 / n as f64;
                        (cx + r * t.cos(), cy + r * t.sin())
                    })
                    .collect(),
            ]
        }
        Prim::Path(ref path) => flatten(path),
    }
}

/// The subpaths of `path` as polygons (each closed back to its start).
fn flatten(path: &Path) -> Vec<Vec<(f64, f64)>> {
    let mut polygons: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let mut at = (0.0, 0.0);
    for step in &path.steps {
        match *step {
            Step::Move(x, y) => {
                if current.len() > 1 {
                    polygons.push(std::mem::take(&mut current));
                }
                current.clear();
                at = (x, y);
                current.push(at);
            }
            Step::Line(x, y) => {
                at = (x, y);
                current.push(at);
            }
            Step::Quad(cx, cy, x, y) => {
                for k in 1..=FLATTEN {
                    let t = k as f64 / FLATTEN as f64;
                    let u = 1.0 - t;
                    current.push((
                        u * u * at.0 + 2.0 * u * t * cx + t * t * x,
                        u * u * at.1 + 2.0 * u * t * cy + t * t * y,
                    ));
                }
                at = (x, y);
            }
            Step::Arc {
                rx,
                ry,
                sweep,
                x,
                y,
            } => {
                current.extend(arc_points(at, (x, y), rx, ry, sweep));
                at = (x, y);
            }
            Step::Close => {
                if current.len() > 1 {
                    polygons.push(std::mem::take(&mut current));
                }
                if let Some(&first) = polygons.last().and_then(|p| p.first()) {
                    at = first;
                }
            }
        }
    }
    if current.len() > 1 {
        polygons.push(current);
    }
    polygons
}

/// Points along SVG's small elliptical arc (no rotation) from `from` to `to`, `to`
/// included, with radii scaled up when they cannot span the chord (as SVG does).
fn arc_points(from: (f64, f64), to: (f64, f64), rx: f64, ry: f64, sweep: bool) -> Vec<(f64, f64)> {
    let (rx, ry) = (rx.abs(), ry.abs());
    if rx < 1e-9 || ry < 1e-9 || from == to {
        return vec![to];
    }
    // In the frame where the ellipse is a unit circle.
    let (x1, y1) = ((from.0 - to.0) / 2.0 / rx, (from.1 - to.1) / 2.0 / ry);
    let d2 = x1 * x1 + y1 * y1;
    let scale = d2.max(1.0).sqrt();
    let (rx, ry) = (rx * scale, ry * scale);
    let (x1, y1) = (x1 / scale, y1 / scale);
    // The centre (SVG's implementation notes, F.6.5, for the small arc): on the side
    // that makes the arc turn the way `sweep` says.
    let k = ((1.0 - (x1 * x1 + y1 * y1)).max(0.0) / (x1 * x1 + y1 * y1).max(1e-12)).sqrt();
    let k = if sweep { k } else { -k };
    let (cx1, cy1) = (k * y1, -k * x1);
    let (cx, cy) = (
        cx1 * rx + (from.0 + to.0) / 2.0,
        cy1 * ry + (from.1 + to.1) / 2.0,
    );
    let angle = |x: f64, y: f64| ((y - cy) / ry).atan2((x - cx) / rx);
    let (a0, a1) = (angle(from.0, from.1), angle(to.0, to.1));
    let mut delta = a1 - a0;
    if sweep && delta < 0.0 {
        delta += std::f64::consts::TAU;
    } else if !sweep && delta > 0.0 {
        delta -= std::f64::consts::TAU;
    }
    let steps =
        ((delta.abs() / std::f64::consts::FRAC_PI_2 * FLATTEN as f64).ceil() as usize).max(1);
    (1..=steps)
        .map(|i| {
            if i == steps {
                return to;
            }
            let t = a0 + delta * i as f64 / steps as f64;
            (cx + rx * t.cos(), cy + ry * t.sin())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 0.6 && (a.y - b.y).abs() < 0.6
    }

    #[test]
    fn degenerate_boxes_do_not_panic() {
        for rect in [
            Rect::new(0.0, 0.0, 0.0, 0.0),
            Rect::new(f64::NAN, 1.0, -5.0, f64::INFINITY),
        ] {
            for shape in Shape::ALL {
                let _ = parts(shape, &rect);
                let _ = meet(
                    shape,
                    &rect,
                    None,
                    Point::new(0.0, -10.0),
                    Point::new(0.0, 0.0),
                );
            }
        }
    }

    #[test]
    fn the_shapes_met_on_their_box_are_those_whose_outline_is_their_box() {
        let r = Rect::new(0.0, 0.0, 120.0, 60.0);
        let label = Rect::new(30.0, 20.0, 60.0, 20.0);
        // Lines into every side, near the corners and in the middle.
        let mut probes = Vec::new();
        for t in [0.05, 0.2, 0.5, 0.8, 0.95] {
            let (x, y) = (120.0 * t, 60.0 * t);
            probes.push((Point::new(x, -8.0), Point::new(x, 4.0)));
            probes.push((Point::new(x, 68.0), Point::new(x, 56.0)));
            probes.push((Point::new(-8.0, y), Point::new(4.0, y)));
            probes.push((Point::new(128.0, y), Point::new(116.0, y)));
        }
        for shape in Shape::ALL {
            let outline = filled_prims(shape, &r, Some(&label));
            let on_box = probes.iter().all(|&(from, to)| {
                let general = meet_outline(&outline, &r, from, to);
                let boxed = meet_outline(&[box_prim(&r)], &r, from, to);
                (general.x - boxed.x).abs() < 1e-9 && (general.y - boxed.y).abs() < 1e-9
            });
            assert_eq!(fills_its_box(shape), on_box, "{shape:?}");
        }
    }

    #[test]
    fn a_diamond_is_met_on_its_slanted_side() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        let from_above = |shape| {
            meet(
                shape,
                &r,
                None,
                Point::new(25.0, -10.0),
                Point::new(25.0, 5.0),
            )
        };
        assert!(close(from_above(Shape::Diamond), Point::new(25.0, 25.0)));
        assert!(close(from_above(Shape::Rect), Point::new(25.0, 0.0)));
        // From the right, at a quarter of the height: on the lower-right side.
        let p = meet(
            Shape::Diamond,
            &r,
            None,
            Point::new(110.0, 75.0),
            Point::new(95.0, 75.0),
        );
        assert!(close(p, Point::new(75.0, 75.0)), "{p:?}");
    }

    #[test]
    fn a_parallelogram_is_met_on_its_slanted_side_not_in_the_empty_corner() {
        // Slant min(h / 2, w / 3) = 27: the top edge starts at x = 27.
        let r = Rect::new(0.0, 0.0, 120.0, 54.0);
        let p = meet(
            Shape::LeanRight,
            &r,
            None,
            Point::new(10.0, -8.0),
            Point::new(10.0, 4.0),
        );
        // The left side runs from (27, 0) to (0, 54): at x = 10, y = 34.
        assert!(close(p, Point::new(10.0, 34.0)), "{p:?}");
        // On its flat top the box is the outline.
        let q = meet(
            Shape::LeanRight,
            &r,
            None,
            Point::new(60.0, -8.0),
            Point::new(60.0, 4.0),
        );
        assert!(close(q, Point::new(60.0, 0.0)), "{q:?}");
    }

    #[test]
    fn curved_outlines_are_met_on_the_curve() {
        let r = Rect::new(0.0, 0.0, 100.0, 100.0);
        // A circle of radius 50: at x = 20 its top is 50 - sqrt(50² - 30²) = 10.
        let p = meet(
            Shape::Circle,
            &r,
            None,
            Point::new(20.0, -8.0),
            Point::new(20.0, 4.0),
        );
        assert!(close(p, Point::new(20.0, 10.0)), "{p:?}");
        // A cylinder's lid: rx = 50, ry = min(50 / 4.5, 25); off-centre it dips below
        // the box top, and at the centre it touches it.
        let ry = (50.0_f64 / 4.5).min(25.0);
        let top = meet(
            Shape::Cylinder,
            &r,
            None,
            Point::new(50.0, -8.0),
            Point::new(50.0, 4.0),
        );
        assert!(close(top, Point::new(50.0, 0.0)), "{top:?}");
        let side = meet(
            Shape::Cylinder,
            &r,
            None,
            Point::new(10.0, -8.0),
            Point::new(10.0, 4.0),
        );
        let dip = ry - ry * (1.0 - (40.0_f64 / 50.0).powi(2)).sqrt();
        assert!(close(side, Point::new(10.0, dip)), "{side:?} vs {dip}");
        // From below, the cylinder's bottom rim bulges down to the box bottom.
        let bottom = meet(
            Shape::Cylinder,
            &r,
            None,
            Point::new(50.0, 108.0),
            Point::new(50.0, 96.0),
        );
        assert!(close(bottom, Point::new(50.0, 100.0)), "{bottom:?}");
    }

    #[test]
    fn a_line_beside_a_narrow_shape_ends_on_its_nearest_point() {
        // A circle in a wide box: a port beyond its reach meets the circle's side.
        let r = Rect::new(0.0, 0.0, 200.0, 100.0);
        let p = meet(
            Shape::Circle,
            &r,
            None,
            Point::new(5.0, -8.0),
            Point::new(5.0, 4.0),
        );
        assert!(close(p, Point::new(50.0, 50.0)), "{p:?}");
    }

    #[test]
    fn every_shape_is_met_on_its_outline_from_every_side() {
        // A small deterministic generator: boxes of many proportions, lines into every
        // side at every offset.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for shape in Shape::ALL {
            for _ in 0..200 {
                let r = Rect::new(
                    next() * 50.0,
                    next() * 50.0,
                    10.0 + next() * 190.0,
                    10.0 + next() * 190.0,
                );
                let (x, y) = (r.x + next() * r.width, r.y + next() * r.height);
                let (outside, toward) = match (next() * 4.0) as u32 {
                    0 => (Point::new(x, r.y - 8.0), Point::new(x, r.y + 4.0)),
                    1 => (
                        Point::new(x, r.bottom() + 8.0),
                        Point::new(x, r.bottom() - 4.0),
                    ),
                    2 => (Point::new(r.x - 8.0, y), Point::new(r.x + 4.0, y)),
                    _ => (
                        Point::new(r.right() + 8.0, y),
                        Point::new(r.right() - 4.0, y),
                    ),
                };
                let p = meet(shape, &r, None, outside, toward);
                assert!(p.x.is_finite() && p.y.is_finite(), "{shape:?} {r:?}");
                let off = distance_to_outline(shape, &r, None, p);
                assert!(
                    off < 0.01,
                    "{shape:?} {r:?} from {outside:?}: {p:?} is {off} off"
                );
                assert!(
                    p.x >= r.x - 1e-9
                        && p.x <= r.right() + 1e-9
                        && p.y >= r.y - 1e-9
                        && p.y <= r.bottom() + 1e-9,
                    "{shape:?} {r:?}: {p:?} outside the box"
                );
            }
        }
    }

    #[test]
    fn shapes_that_fill_nothing_are_met_on_their_box() {
        let r = Rect::new(0.0, 0.0, 100.0, 40.0);
        let p = meet(
            Shape::Braces,
            &r,
            None,
            Point::new(30.0, 48.0),
            Point::new(30.0, 36.0),
        );
        assert!(close(p, Point::new(30.0, 40.0)), "{p:?}");
    }

    #[test]
    fn a_flag_is_met_at_the_notch_it_is_drawn_with() {
        let r = Rect::new(0.0, 0.0, 100.0, 54.0);
        let label = Rect::new(15.0, 15.0, 70.0, 24.0);
        // The notch is shallowed to 13 px to keep out of the label.
        let p = meet(
            Shape::Asymmetric,
            &r,
            Some(&label),
            Point::new(-8.0, 27.0),
            Point::new(4.0, 27.0),
        );
        assert!(close(p, Point::new(13.0, 27.0)), "{p:?}");
    }
}
