//! The drawing of every node shape in graphics.
//!
//! In: a [`Shape`] and the box layout gave it. Out: the [`Part`]s that draw it — the
//! filled outline plus any inner lines (a subroutine's bars, a cylinder's rim) — each
//! fitted inside the box, in pixels. The SVG renderer paints them, and layout ends edges
//! on them ([`crate::outline`]), so the two cannot disagree.
//!
//! Classic Mermaid shapes follow Mermaid's geometry (`rect`, rounded `rx=5`, stadium,
//! cylinder with `ry = rx / (2.5 + w / 50)`, diamond, hexagon with `h / 4` points,
//! parallelograms and trapezoids slanted by `h / 2`); the v11 named shapes are drawn as
//! recognisable approximations of Mermaid's.

use crate::Rect;
use liutu_model::Shape;

/// How a part is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Filled with the node fill, stroked with the node stroke.
    Outline,
    /// Stroked only: lines inside or beside the outline.
    Line,
    /// Filled with the stroke colour (fork bars, junction dots).
    Solid,
    /// Filled with the node fill, not stroked (a data store, whose lines are apart).
    Fill,
}

/// One command of a [`Path`], in absolute pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Move(f64, f64),
    Line(f64, f64),
    /// A quadratic Bézier curve: control point, then end point.
    Quad(f64, f64, f64, f64),
    /// An elliptical arc (no rotation, the smaller of the two) to `(x, y)`; `sweep` is
    /// clockwise on screen.
    Arc {
        rx: f64,
        ry: f64,
        sweep: bool,
        x: f64,
        y: f64,
    },
    Close,
}

/// A path of lines, curves and arcs, as SVG's `d` describes one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path {
    pub steps: Vec<Step>,
}

impl Path {
    pub fn new() -> Self {
        Path::default()
    }

    pub fn move_to(&mut self, x: f64, y: f64) -> &mut Self {
        self.steps.push(Step::Move(x, y));
        self
    }

    pub fn line_to(&mut self, x: f64, y: f64) -> &mut Self {
        self.steps.push(Step::Line(x, y));
        self
    }

    pub fn quad_to(&mut self, cx: f64, cy: f64, x: f64, y: f64) -> &mut Self {
        self.steps.push(Step::Quad(cx, cy, x, y));
        self
    }

    pub fn arc_to(&mut self, rx: f64, ry: f64, sweep: bool, x: f64, y: f64) -> &mut Self {
        self.steps.push(Step::Arc {
            rx,
            ry,
            sweep,
            x,
            y,
        });
        self
    }

    pub fn close(&mut self) -> &mut Self {
        if !self.steps.is_empty() {
            self.steps.push(Step::Close);
        }
        self
    }

    /// A closed polygon through `points`.
    pub fn polygon(points: &[(f64, f64)]) -> Path {
        let mut p = Path::new();
        for (i, &(x, y)) in points.iter().enumerate() {
            if i == 0 {
                p.move_to(x, y);
            } else {
                p.line_to(x, y);
            }
        }
        p.close();
        p
    }
}

/// A primitive of a shape.
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
    Path(Path),
}

/// One drawn piece of a shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub role: Role,
    pub prim: Prim,
}

fn part(role: Role, prim: Prim) -> Part {
    Part { role, prim }
}

fn path(role: Role, p: &Path) -> Part {
    part(role, Prim::Path(p.clone()))
}

pub(crate) fn rect(x: f64, y: f64, w: f64, h: f64, rx: f64) -> Prim {
    Prim::Rect {
        x,
        y,
        w: w.max(0.0),
        h: h.max(0.0),
        rx,
    }
}

/// A finite, non-negative box: NaN and negative sizes become zero so no shape
/// computation produces garbage.
pub(crate) fn sane(r: &Rect) -> (f64, f64, f64, f64) {
    let f = |v: f64| if v.is_finite() { v } else { 0.0 };
    (f(r.x), f(r.y), f(r.width).max(0.0), f(r.height).max(0.0))
}

/// A document's wavy bottom edge from `(r, b - a)` back to `(x, b - a)`, staying within
/// `[b - 2a, b]`.
fn wavy_bottom(p: &mut Path, x: f64, w: f64, b: f64, a: f64) {
    p.quad_to(x + 0.75 * w, b - 3.0 * a, x + 0.5 * w, b - a);
    p.quad_to(x + 0.25 * w, b + a, x, b - a);
}

fn document(x: f64, y: f64, w: f64, h: f64) -> Path {
    let a = (h * 0.08).min(8.0);
    let mut p = Path::new();
    p.move_to(x, y).line_to(x + w, y).line_to(x + w, y + h - a);
    wavy_bottom(&mut p, x, w, y + h, a);
    p.close();
    p
}

/// How far a cloud's bumps reach out from the box around its label, at most.
pub const CLOUD_BULGE: f64 = 12.0;

/// How far the bumps of a cloud `w` by `h` reach in from its box.
fn cloud_bulge(w: f64, h: f64) -> f64 {
    (w.min(h) / 6.0).min(CLOUD_BULGE)
}

/// A closed path through `corners` (clockwise on screen), each side cut into as many
/// pieces as `pieces` says (top, right, bottom, left) and each piece a curve whose middle
/// lies `depth` out from the straight line (in, when `depth` is negative).
fn scalloped(corners: [(f64, f64); 4], pieces: [usize; 4], depth: f64) -> Path {
    let mut p = Path::new();
    p.move_to(corners[0].0, corners[0].1);
    for side in 0..4 {
        let (a, b) = (corners[side], corners[(side + 1) % 4]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = dx.hypot(dy).max(f64::EPSILON);
        // Clockwise on screen (y down), the outside is to the left of the way.
        let (nx, ny) = (dy / length, -dx / length);
        let n = pieces[side].max(1);
        for k in 0..n {
            let t0 = k as f64 / n as f64;
            let t1 = (k + 1) as f64 / n as f64;
            let (mx, my) = (a.0 + dx * (t0 + t1) / 2.0, a.1 + dy * (t0 + t1) / 2.0);
            // A quadratic curve's middle is halfway between its chord and its control.
            let (cx, cy) = (mx + nx * 2.0 * depth, my + ny * 2.0 * depth);
            p.quad_to(cx, cy, a.0 + dx * t1, a.1 + dy * t1);
        }
    }
    p.close();
    p
}

/// A curly brace down the side of the box; `left` opens to the right like `{`.
fn brace(x: f64, y: f64, h: f64, bw: f64, left: bool) -> Path {
    // `tip` is where the brace points, `back` where its ends are.
    let (tip, mid, back) = if left {
        (x, x + bw / 2.0, x + bw)
    } else {
        (x + bw, x + bw / 2.0, x)
    };
    let (b, cy, q) = (y + h, y + h / 2.0, (bw / 2.0).min(h / 4.0));
    let mut p = Path::new();
    p.move_to(back, y)
        .quad_to(mid, y, mid, y + q)
        .line_to(mid, cy - q)
        .quad_to(mid, cy, tip, cy)
        .quad_to(mid, cy, mid, cy + q)
        .line_to(mid, b - q)
        .quad_to(mid, b, back, b);
    p
}

/// The parts that draw `shape` inside `bounds`, keeping clear of the label box: where a
/// shape's detail would cut into the text (the notch of `>flag]` when layout reserved no
/// room for it), the detail is made shallower.
pub fn parts_around(shape: Shape, bounds: &Rect, label: &Rect) -> Vec<Part> {
    if shape == Shape::Asymmetric {
        let (x, y, w, h) = sane(bounds);
        let gap = label.x - x - 2.0;
        if gap.is_finite() && gap < (h / 2.0).min(w / 3.0) {
            let notch = gap.max(h / 8.0).min(w / 3.0);
            let (r, b, cy) = (x + w, y + h, y + h / 2.0);
            return vec![path(
                Role::Outline,
                &Path::polygon(&[(x, y), (r, y), (r, b), (x, b), (x + notch, cy)]),
            )];
        }
    }
    parts(shape, bounds)
}

/// The parts that draw `shape` inside `bounds`, back to front.
pub fn parts(shape: Shape, bounds: &Rect) -> Vec<Part> {
    use Role::*;
    let (x, y, w, h) = sane(bounds);
    let (r, b) = (x + w, y + h);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let radius = w.min(h) / 2.0;
    // Slant of parallelograms and trapezoids: Mermaid's h / 2, kept inside narrow boxes.
    let slant = (h / 2.0).min(w / 3.0);
    let poly = |pts: &[(f64, f64)]| path(Outline, &Path::polygon(pts));
    let circle = |r: f64| Prim::Circle { cx, cy, r };
    match shape {
        Shape::Rect => vec![part(Outline, rect(x, y, w, h, 0.0))],
        Shape::Rounded => vec![part(Outline, rect(x, y, w, h, 5.0_f64.min(radius)))],
        Shape::Stadium => vec![part(Outline, rect(x, y, w, h, radius))],
        Shape::Subroutine => {
            let inset = 8.0_f64.min(w / 4.0);
            let mut lines = Path::new();
            lines
                .move_to(x + inset, y)
                .line_to(x + inset, b)
                .move_to(r - inset, y)
                .line_to(r - inset, b);
            vec![part(Outline, rect(x, y, w, h, 0.0)), path(Line, &lines)]
        }
        Shape::Cylinder | Shape::LinedCylinder => {
            let rx = w / 2.0;
            let ry = (rx / (2.5 + w / 50.0)).min(h / 4.0);
            let mut p = Path::new();
            p.move_to(x, y + ry)
                .arc_to(rx, ry, false, r, y + ry)
                .arc_to(rx, ry, false, x, y + ry)
                .line_to(x, b - ry)
                .arc_to(rx, ry, false, r, b - ry)
                .line_to(r, y + ry);
            let mut out = vec![path(Outline, &p)];
            if shape == Shape::LinedCylinder {
                let mut rim = Path::new();
                let gap = (ry * 1.5).min(h / 4.0);
                rim.move_to(x, y + ry + gap)
                    .arc_to(rx, ry, false, r, y + ry + gap);
                out.push(path(Line, &rim));
            }
            out
        }
        Shape::HorizontalCylinder => {
            let ry = h / 2.0;
            let rx = (ry / (2.5 + h / 50.0)).min(w / 4.0);
            let mut p = Path::new();
            p.move_to(x + rx, y)
                .line_to(r - rx, y)
                .arc_to(rx, ry, true, r - rx, b)
                .line_to(x + rx, b)
                .arc_to(rx, ry, true, x + rx, y)
                .close();
            let mut rim = Path::new();
            rim.move_to(r - rx, y).arc_to(rx, ry, false, r - rx, b);
            vec![path(Outline, &p), path(Line, &rim)]
        }
        Shape::Circle | Shape::SmallCircle => {
            vec![part(Outline, circle(radius))]
        }
        Shape::DoubleCircle => vec![
            part(Outline, circle(radius)),
            part(Outline, circle((radius - 5.0).max(radius * 0.5))),
        ],
        Shape::FramedCircle => vec![
            part(Outline, circle(radius)),
            part(Solid, circle(radius * 0.65)),
        ],
        Shape::FilledCircle => vec![part(Solid, circle(radius))],
        Shape::CrossedCircle => {
            let d = radius * std::f64::consts::FRAC_1_SQRT_2;
            let mut cross = Path::new();
            cross
                .move_to(cx - d, cy - d)
                .line_to(cx + d, cy + d)
                .move_to(cx + d, cy - d)
                .line_to(cx - d, cy + d);
            vec![part(Outline, circle(radius)), path(Line, &cross)]
        }
        Shape::Asymmetric => {
            let notch = (h / 2.0).min(w / 3.0);
            vec![poly(&[(x, y), (r, y), (r, b), (x, b), (x + notch, cy)])]
        }
        Shape::Diamond => vec![poly(&[(cx, y), (r, cy), (cx, b), (x, cy)])],
        Shape::Hexagon => {
            let m = (h / 4.0).min(w / 4.0);
            vec![poly(&[
                (x + m, y),
                (r - m, y),
                (r, cy),
                (r - m, b),
                (x + m, b),
                (x, cy),
            ])]
        }
        Shape::LeanRight => vec![poly(&[(x + slant, y), (r, y), (r - slant, b), (x, b)])],
        Shape::LeanLeft => vec![poly(&[(x, y), (r - slant, y), (r, b), (x + slant, b)])],
        Shape::Trapezoid => vec![poly(&[(x + slant, y), (r - slant, y), (r, b), (x, b)])],
        Shape::InvTrapezoid => vec![poly(&[(x, y), (r, y), (r - slant, b), (x + slant, b)])],
        Shape::NotchedRect => {
            let c = 12.0_f64.min(w / 3.0).min(h / 3.0);
            vec![poly(&[(x + c, y), (r, y), (r, b), (x, b), (x, y + c)])]
        }
        Shape::LinedRect => {
            let inset = 8.0_f64.min(w / 4.0);
            let mut line = Path::new();
            line.move_to(x + inset, y).line_to(x + inset, b);
            vec![part(Outline, rect(x, y, w, h, 0.0)), path(Line, &line)]
        }
        Shape::DividedRect => {
            let band = (h * 0.2).min(12.0);
            let mut line = Path::new();
            line.move_to(x, y + band).line_to(r, y + band);
            vec![part(Outline, rect(x, y, w, h, 0.0)), path(Line, &line)]
        }
        Shape::WindowPane => {
            let inset = 10.0_f64.min(w / 4.0).min(h / 4.0);
            let mut lines = Path::new();
            lines
                .move_to(x + inset, y)
                .line_to(x + inset, b)
                .move_to(x, y + inset)
                .line_to(r, y + inset);
            vec![part(Outline, rect(x, y, w, h, 0.0)), path(Line, &lines)]
        }
        Shape::TaggedRect => {
            let t = 12.0_f64.min(w / 4.0).min(h / 3.0);
            vec![
                part(Outline, rect(x, y, w, h, 0.0)),
                path(Outline, &Path::polygon(&[(r - t, b), (r, b), (r, b - t)])),
            ]
        }
        Shape::ForkJoin => vec![part(Solid, rect(x, y, w, h, 0.0))],
        Shape::Hourglass => {
            let mut p = Path::new();
            p.move_to(x, y)
                .line_to(r, y)
                .line_to(x, b)
                .line_to(r, b)
                .close();
            vec![path(Outline, &p)]
        }
        Shape::Comment | Shape::BraceRight | Shape::Braces => {
            let bw = 10.0_f64.min(w / 4.0);
            let mut out = Vec::new();
            if shape != Shape::BraceRight {
                out.push(path(Line, &brace(x, y, h, bw, true)));
            }
            if shape != Shape::Comment {
                out.push(path(Line, &brace(r - bw, y, h, bw, false)));
            }
            out
        }
        Shape::Bolt => vec![poly(&[
            (x + 0.6 * w, y),
            (x + 0.1 * w, y + 0.58 * h),
            (x + 0.45 * w, y + 0.58 * h),
            (x + 0.3 * w, b),
            (x + 0.9 * w, y + 0.4 * h),
            (x + 0.55 * w, y + 0.4 * h),
            (x + 0.8 * w, y),
        ])],
        Shape::Document => vec![path(Outline, &document(x, y, w, h))],
        Shape::DataStore => {
            let mut lines = Path::new();
            lines
                .move_to(x, y)
                .line_to(r, y)
                .move_to(x, b)
                .line_to(r, b);
            vec![part(Fill, rect(x, y, w, h, 0.0)), path(Line, &lines)]
        }
        Shape::Cloud => {
            // Bumps out from a box inset by their depth: three along the top and the
            // bottom, two down each side.
            let d = cloud_bulge(w, h);
            let (x0, y0, x1, y1) = (x + d, y + d, r - d, b - d);
            let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
            vec![path(Outline, &scalloped(corners, [3, 2, 3, 2], d))]
        }
        Shape::Bang => {
            // Spikes at the box's corners and along its sides, the sides curving in
            // between them: four pieces along the top and the bottom, three down each side.
            let depth = (w.min(h) / 8.0).min(12.0);
            let corners = [(x, y), (r, y), (r, b), (x, b)];
            vec![path(Outline, &scalloped(corners, [4, 3, 4, 3], -depth))]
        }
        Shape::LinedDocument => {
            let inset = 8.0_f64.min(w / 4.0);
            let mut line = Path::new();
            line.move_to(x + inset, y)
                .line_to(x + inset, b - (h * 0.08).min(8.0));
            vec![path(Outline, &document(x, y, w, h)), path(Line, &line)]
        }
        Shape::TaggedDocument => {
            let t = 12.0_f64.min(w / 4.0).min(h / 3.0);
            let a = (h * 0.08).min(8.0);
            vec![
                path(Outline, &document(x, y, w, h)),
                path(
                    Outline,
                    &Path::polygon(&[(r - t, b - a), (r, b - a), (r, b - a - t)]),
                ),
            ]
        }
        Shape::StackedDocument | Shape::StackedRect => {
            let o = 5.0_f64.min(w / 8.0).min(h / 8.0);
            let (sw, sh) = (w - 2.0 * o, h - 2.0 * o);
            (0..3)
                .rev()
                .map(|i| {
                    let k = i as f64 * o;
                    let (px, py) = (x + k, y + 2.0 * o - k);
                    if shape == Shape::StackedRect {
                        part(Outline, rect(px, py, sw, sh, 0.0))
                    } else {
                        path(Outline, &document(px, py, sw, sh))
                    }
                })
                .collect()
        }
        Shape::Delay => {
            let rr = (h / 2.0).min(w / 2.0);
            let mut p = Path::new();
            p.move_to(x, y)
                .line_to(r - rr, y)
                .arc_to(rr, h / 2.0, true, r - rr, b)
                .line_to(x, b)
                .close();
            vec![path(Outline, &p)]
        }
        Shape::CurvedTrapezoid => {
            let rr = (h / 2.0).min(w / 3.0);
            let k = (h / 2.0).min(w / 5.0);
            let mut p = Path::new();
            p.move_to(x + k, y)
                .line_to(r - rr, y)
                .arc_to(rr, h / 2.0, true, r - rr, b)
                .line_to(x + k, b)
                .line_to(x, cy)
                .close();
            vec![path(Outline, &p)]
        }
        Shape::Triangle => vec![poly(&[(cx, y), (r, b), (x, b)])],
        Shape::FlippedTriangle => vec![poly(&[(x, y), (r, y), (cx, b)])],
        Shape::NotchedPentagon => {
            let k = (h / 3.0).min(w / 4.0);
            vec![poly(&[
                (x + k, y),
                (r - k, y),
                (r, y + k),
                (r, b),
                (x, b),
                (x, y + k),
            ])]
        }
        Shape::SlopedRect => {
            let k = (h * 0.3).min(w / 3.0);
            vec![poly(&[(x, y + k), (r, y), (r, b), (x, b)])]
        }
        Shape::PaperTape => {
            let a = (h * 0.08).min(8.0);
            let mut p = Path::new();
            p.move_to(x, y + a)
                .quad_to(x + 0.25 * w, y - a, cx, y + a)
                .quad_to(x + 0.75 * w, y + 3.0 * a, r, y + a)
                .line_to(r, b - a);
            wavy_bottom(&mut p, x, w, b, a);
            p.close();
            vec![path(Outline, &p)]
        }
        Shape::BowTieRect => {
            let e = (h / 2.0 / (2.5 + h / 50.0)).min(w / 4.0);
            let mut p = Path::new();
            p.move_to(x + e, y)
                .line_to(r, y)
                .arc_to(e, h / 2.0, false, r, b)
                .line_to(x + e, b)
                .arc_to(e, h / 2.0, true, x + e, y)
                .close();
            vec![path(Outline, &p)]
        }
        Shape::Text => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_parts_except_text() {
        let r = Rect::new(10.0, 20.0, 120.0, 48.0);
        for shape in Shape::ALL {
            let p = parts(shape, &r);
            assert_eq!(p.is_empty(), shape == Shape::Text, "{shape:?}");
        }
    }
}
