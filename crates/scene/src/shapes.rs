//! The drawing of every node shape in graphics, and where an edge meets it.
//!
//! In: a [`Shape`] and the box layout gave it. Out: the [`Part`]s that draw it — the
//! filled outline plus any inner lines (a subroutine's bars, a cylinder's rim) — each
//! fitted inside the box, in pixels; and [`meet`], the point where an edge coming
//! straight at the shape touches what is drawn. The SVG renderer paints the parts and
//! layout ends edges with `meet`, so the two cannot disagree: an edge ends on the
//! slanted side of a parallelogram or the curved top of a cylinder, not in the empty
//! corner of its box.
//!
//! Classic Mermaid shapes follow Mermaid's geometry (`rect`, rounded `rx=5`, stadium,
//! cylinder with `ry = rx / (2.5 + w / 50)`, diamond, hexagon with `h / 4` points,
//! parallelograms and trapezoids slanted by `h / 2`); the v11 named shapes are drawn as
//! recognisable approximations of Mermaid's.

use crate::{Point, Rect};
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

fn rect(x: f64, y: f64, w: f64, h: f64, rx: f64) -> Prim {
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
fn sane(r: &Rect) -> (f64, f64, f64, f64) {
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
            vec![part(Outline, Prim::Circle { cx, cy, r: radius })]
        }
        Shape::DoubleCircle => vec![
            part(Outline, Prim::Circle { cx, cy, r: radius }),
            part(
                Outline,
                Prim::Circle {
                    cx,
                    cy,
                    r: (radius - 5.0).max(radius * 0.5),
                },
            ),
        ],
        Shape::FramedCircle => vec![
            part(Outline, Prim::Circle { cx, cy, r: radius }),
            part(
                Solid,
                Prim::Circle {
                    cx,
                    cy,
                    r: radius * 0.65,
                },
            ),
        ],
        Shape::FilledCircle => vec![part(Solid, Prim::Circle { cx, cy, r: radius })],
        Shape::CrossedCircle => {
            let d = radius * std::f64::consts::FRAC_1_SQRT_2;
            let mut cross = Path::new();
            cross
                .move_to(cx - d, cy - d)
                .line_to(cx + d, cy + d)
                .move_to(cx + d, cy - d)
                .line_to(cx - d, cy + d);
            vec![
                part(Outline, Prim::Circle { cx, cy, r: radius }),
                path(Line, &cross),
            ]
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
    fn every_shape_has_parts_except_text() {
        let r = Rect::new(10.0, 20.0, 120.0, 48.0);
        for shape in Shape::ALL {
            let p = parts(shape, &r);
            assert_eq!(p.is_empty(), shape == Shape::Text, "{shape:?}");
        }
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
