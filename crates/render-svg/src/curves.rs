//! Edge interpolation: a routed polyline to SVG path data.
//!
//! In: the edge's points (pixels) and Mermaid's curve name. Out: a `d` string drawn the
//! way d3 draws it for Mermaid: `basis` (the default, d3 `curveBasis`: a B-spline that
//! starts and ends on the end points and is tangent to the first and last segments, so
//! markers point the right way), `linear`, `step`/`stepBefore`/`stepAfter`, `cardinal` and
//! `catmullRom`, `bumpX`/`bumpY`, and `rounded` (straight runs with 5 px rounded corners).
//! `monotoneX`, `monotoneY` and `natural` pass through every point like `cardinal`, and
//! are drawn with it. Unknown names fall back to `basis`, as Mermaid does. Flowchart
//! edges pass [`hug_corners`] points to `basis` and `cardinal`, so the curve stays by its
//! route.

use crate::path::PathData;

type P = (f64, f64);

/// The interpolations this module knows, by Mermaid's name (case-insensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    Basis,
    Linear,
    Step,
    StepBefore,
    StepAfter,
    Cardinal,
    BumpX,
    BumpY,
    Rounded,
}

impl Curve {
    pub fn from_name(name: &str) -> Curve {
        match name.trim().to_ascii_lowercase().as_str() {
            "linear" => Curve::Linear,
            "step" => Curve::Step,
            "stepbefore" => Curve::StepBefore,
            "stepafter" => Curve::StepAfter,
            "cardinal" | "catmullrom" | "monotonex" | "monotoney" | "natural" => Curve::Cardinal,
            "bumpx" => Curve::BumpX,
            "bumpy" => Curve::BumpY,
            "rounded" => Curve::Rounded,
            _ => Curve::Basis,
        }
    }
}

/// Path data for `points` drawn with `curve`; empty when fewer than two points.
pub fn path_data(points: &[P], curve: Curve) -> String {
    if points.len() < 2 {
        return String::new();
    }
    let mut p = PathData::new();
    let (x0, y0) = points[0];
    p.move_to(x0, y0);
    match curve {
        Curve::Linear => {
            for &(x, y) in &points[1..] {
                p.line_to(x, y);
            }
        }
        Curve::Basis => basis(&mut p, points),
        Curve::Step | Curve::StepBefore | Curve::StepAfter => {
            let t = match curve {
                Curve::StepBefore => 0.0,
                Curve::StepAfter => 1.0,
                _ => 0.5,
            };
            for pair in points.windows(2) {
                let ((xa, ya), (xb, yb)) = (pair[0], pair[1]);
                if t <= 0.0 {
                    p.line_to(xa, yb).line_to(xb, yb);
                } else {
                    let xm = xa * (1.0 - t) + xb * t;
                    p.line_to(xm, ya).line_to(xm, yb).line_to(xb, yb);
                }
            }
        }
        Curve::Cardinal => {
            // Catmull–Rom / cardinal with tension 0: the tangent at each point is a sixth
            // of the chord between its neighbours (end points repeated). A short piece
            // between long ones (a routed corner) would take a tangent longer than itself
            // and loop past its end, into whatever the route went round: each tangent is
            // kept to a third of its piece, as a Bézier's handles are on a straight line.
            let n = points.len();
            for i in 0..n - 1 {
                let p0 = points[i.saturating_sub(1)];
                let (p1, p2) = (points[i], points[i + 1]);
                let p3 = points[(i + 2).min(n - 1)];
                let reach = dist(p1, p2) / 3.0;
                let handle = |from: P, to: P| {
                    let (dx, dy) = ((to.0 - from.0) / 6.0, (to.1 - from.1) / 6.0);
                    // A zero handle divides to infinity or NaN, and `min` takes 1 then.
                    let k = (reach / dx.hypot(dy)).min(1.0);
                    (dx * k, dy * k)
                };
                let (a, b) = (handle(p0, p2), handle(p1, p3));
                p.cubic_to((p1.0 + a.0, p1.1 + a.1), (p2.0 - b.0, p2.1 - b.1), p2);
            }
        }
        Curve::BumpX | Curve::BumpY => {
            for pair in points.windows(2) {
                let ((xa, ya), (xb, yb)) = (pair[0], pair[1]);
                if curve == Curve::BumpX {
                    let xm = (xa + xb) / 2.0;
                    p.cubic_to((xm, ya), (xm, yb), (xb, yb));
                } else {
                    let ym = (ya + yb) / 2.0;
                    p.cubic_to((xa, ym), (xb, ym), (xb, yb));
                }
            }
        }
        Curve::Rounded => rounded(&mut p, points, 5.0),
    }
    p.finish()
}

/// How far (px) from a corner a `basis` curve through [`hug_corners`] points starts to
/// bend. A routed polyline keeps half a routing cell (4 px) from every node; a B-spline
/// whose control points lie within this reach of each corner cuts it by a sixth of the
/// reach at most, so the curve keeps clear of the nodes the polyline passed. Through the
/// corners alone, as d3 draws it, a long run into a corner bends over its whole length
/// and cuts through whatever stands inside the bend.
pub const CORNER_REACH: f64 = 16.0;

/// `points` with, on each side of every inner corner, an extra point `reach` away from it
/// (where the segment is long enough), so that a B-spline bends near the corners only.
pub fn hug_corners(points: &[P], reach: f64) -> Vec<P> {
    let n = points.len();
    let mut out = Vec::with_capacity(3 * n);
    let toward = |from: P, to: P, d: f64| {
        let len = dist(from, to);
        (
            from.0 + (to.0 - from.0) * d / len,
            from.1 + (to.1 - from.1) * d / len,
        )
    };
    for (i, &c) in points.iter().enumerate() {
        if i > 0 && i + 1 < n && dist(points[i - 1], c) > 2.0 * reach {
            out.push(toward(c, points[i - 1], reach));
        }
        out.push(c);
        if i > 0 && i + 1 < n && dist(c, points[i + 1]) > 2.0 * reach {
            out.push(toward(c, points[i + 1], reach));
        }
    }
    out
}

/// d3's `curveBasis`, command for command.
fn basis(p: &mut PathData, pts: &[P]) {
    let bezier = |p: &mut PathData, a: P, b: P, c: P| {
        p.cubic_to(
            ((2.0 * a.0 + b.0) / 3.0, (2.0 * a.1 + b.1) / 3.0),
            ((a.0 + 2.0 * b.0) / 3.0, (a.1 + 2.0 * b.1) / 3.0),
            ((a.0 + 4.0 * b.0 + c.0) / 6.0, (a.1 + 4.0 * b.1 + c.1) / 6.0),
        );
    };
    if pts.len() == 2 {
        p.line_to(pts[1].0, pts[1].1);
        return;
    }
    let (a, b) = (pts[0], pts[1]);
    p.line_to((5.0 * a.0 + b.0) / 6.0, (5.0 * a.1 + b.1) / 6.0);
    for w in pts.windows(3) {
        bezier(p, w[0], w[1], w[2]);
    }
    let n = pts.len();
    let (a, b) = (pts[n - 2], pts[n - 1]);
    bezier(p, a, b, b);
    p.line_to(b.0, b.1);
}

/// Straight segments whose corners are rounded with radius `r` (less on short runs).
fn rounded(p: &mut PathData, pts: &[P], r: f64) {
    let n = pts.len();
    for i in 1..n - 1 {
        let (a, c, b) = (pts[i - 1], pts[i], pts[i + 1]);
        let (da, db) = (dist(a, c), dist(c, b));
        let k = r.min(da / 2.0).min(db / 2.0);
        if k <= 0.0 {
            p.line_to(c.0, c.1);
            continue;
        }
        let before = (c.0 + (a.0 - c.0) * k / da, c.1 + (a.1 - c.1) * k / da);
        let after = (c.0 + (b.0 - c.0) * k / db, c.1 + (b.1 - c.1) * k / db);
        p.line_to(before.0, before.1)
            .quad_to(c.0, c.1, after.0, after.1);
    }
    let last = pts[n - 1];
    p.line_to(last.0, last.1);
}

pub fn dist(a: P, b: P) -> f64 {
    ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_matches_d3() {
        // d3.line().curve(d3.curveBasis)([[0,0],[60,0],[60,60]])
        let d = path_data(&[(0.0, 0.0), (60.0, 0.0), (60.0, 60.0)], Curve::Basis);
        assert_eq!(d, "M0,0 L10,0 C20,0 40,0 50,10 C60,20 60,40 60,50 L60,60");
    }

    #[test]
    fn basis_bends_near_the_corner_only() {
        // d3 would pass (166.67,33.33) here, a long way inside the bend.
        let corner = [(0.0, 0.0), (200.0, 0.0), (200.0, 200.0)];
        let d = path_data(&hug_corners(&corner, CORNER_REACH), Curve::Basis);
        assert!(d.contains("197.33,2.67"), "{d}");
        assert!(!d.contains("166.67,33.33"), "{d}");
    }

    #[test]
    fn two_points_are_a_line_in_every_curve() {
        for name in [
            "basis", "linear", "step", "cardinal", "bumpX", "rounded", "??",
        ] {
            let d = path_data(&[(0.0, 0.0), (0.0, 10.0)], Curve::from_name(name));
            assert!(d.starts_with("M0,0"), "{name}: {d}");
            assert!(d.ends_with("0,10"), "{name}: {d}");
        }
        assert_eq!(path_data(&[(1.0, 1.0)], Curve::Basis), "");
    }
}
