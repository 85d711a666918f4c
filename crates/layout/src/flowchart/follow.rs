//! Graphics edges that follow the layered layout instead of searching the grid.
//!
//! In: an edge's two ends (outline, shape and the port chosen for it) and its [`Way`] —
//! the bands of its end ranks and the boxes the layered layout kept for it on each rank
//! between. Out: the polyline Graphviz and dagre would draw: out of the source along the
//! flow to the edge of its rank, straight across each gap between ranks, along the flow
//! through each station, into the target along the flow; or `None` when that line would
//! touch a node, a label, a title or a frame, and the edge must be searched for on the
//! grid instead.
//!
//! Why: between two adjacent ranks, two such lines cross exactly when the ordering put
//! their ends in opposite orders, so the drawing has the crossings the ordering counted
//! and no more; and it costs a walk along the line, where a grid search costs the area
//! it explores. Text art cannot draw slanted lines and keeps the grid search.

use super::blocks::Way;
use super::clip::Outline;
use crate::route::{CellRect, Dir, Grid, Port};
use liutu_scene::{Point, Rect};

/// One end of an edge.
pub struct End {
    pub outline: Outline,
    /// The port the edge leaves or enters by (the cell just outside the outline).
    pub port: Port,
}

/// The polyline from `from` along `way` to `to`, if nothing is in its way. `own` lists
/// the obstacles the edge may pass: its own ends and its own label.
pub fn follow(
    obstacles: &Obstacles,
    pitch: f64,
    from: &End,
    to: &End,
    way: &Way,
    own: &[usize],
) -> Option<Vec<Point>> {
    // Out of the source and into the target along the flow, in opposite directions.
    let ahead = from.port.dir;
    if to.port.dir != ahead.opposite() {
        return None;
    }
    let vertical = ahead.is_vertical();
    let sign = match ahead {
        Dir::South | Dir::East => 1.0,
        Dir::North | Dir::West => -1.0,
    };
    // (along, across) → point, and the along coordinate of a point.
    let point = |along: f64, across: f64| {
        if vertical {
            Point::new(across, along)
        } else {
            Point::new(along, across)
        }
    };
    let along_of = |p: Point| if vertical { p.y } else { p.x };
    let centre =
        |(x, y): (i32, i32)| Point::new((f64::from(x) + 0.5) * pitch, (f64::from(y) + 0.5) * pitch);
    let (start, end) = (centre(from.port.cell), centre(to.port.cell));
    let behind = |port: &Port| {
        let (dx, dy) = port.dir.delta();
        centre((port.cell.0 - dx, port.cell.1 - dy))
    };

    // Where a band starts and ends in the direction of travel, and its middle across.
    let span = |s: &Rect| {
        let (lo, hi, across) = if vertical {
            (s.y, s.bottom(), s.center().x)
        } else {
            (s.x, s.right(), s.center().y)
        };
        if sign > 0.0 {
            (lo, hi, across)
        } else {
            (hi, lo, across)
        }
    };
    let across_of = |p: Point| if vertical { p.x } else { p.y };
    let beyond = |a: f64, b: f64| (a - b) * sign > 0.0;

    let mut points = vec![from.outline.meet(start, behind(&from.port)), start];
    // To the end of the source's rank first: taller neighbours reach further than it.
    let (_, source_exit, _) = span(&way.ends[0]);
    if beyond(source_exit, along_of(start)) {
        points.push(point(source_exit, across_of(start)));
    }
    for s in &way.stations {
        let (enter, leave, across) = span(s);
        // Each station must lie further along than the last point, or the line would
        // double back.
        if !beyond(enter, along_of(*points.last()?)) {
            return None;
        }
        // Less than half a cell off the line so far (ports sit on grid cells, dummies
        // and labels on the exact centres the layout gave): stay on the line.
        let last_across = across_of(*points.last()?);
        let across = if (across - last_across).abs() < pitch / 2.0 {
            last_across
        } else {
            across
        };
        points.push(point(enter, across));
        points.push(point(leave, across));
    }
    let (target_entry, _, _) = span(&way.ends[1]);
    if beyond(along_of(end), target_entry) {
        if !beyond(target_entry, along_of(*points.last()?)) {
            return None;
        }
        points.push(point(target_entry, across_of(end)));
    }
    if !beyond(along_of(end), along_of(*points.last()?)) {
        return None;
    }
    points.push(end);
    points.push(to.outline.meet(end, behind(&to.port)));
    drop_collinear(&mut points);

    let clear = points
        .windows(2)
        .all(|w| obstacles.clear_of(w[0], w[1], own));
    clear.then_some(points)
}

/// What a followed line must keep out of, found by where it is: boxes (nodes, labels,
/// titles), which it must not enter, and frames, whose outline it must not cross.
pub struct Obstacles {
    boxes: Vec<(Rect, bool)>,
    /// Buckets of `BUCKET` pixels, row by row, each listing the obstacles it touches.
    buckets: Vec<Vec<u32>>,
    columns: i32,
    rows: i32,
}

/// Side of an obstacle bucket, in pixels.
const BUCKET: f64 = 64.0;

impl Obstacles {
    /// `boxes` are not entered; `frames` are not crossed.
    pub fn new(boxes: &[Rect], frames: &[Rect], width: f64, height: f64) -> Obstacles {
        let columns = (width / BUCKET).ceil().max(1.0) as i32;
        let rows = (height / BUCKET).ceil().max(1.0) as i32;
        let mut o = Obstacles {
            boxes: Vec::with_capacity(boxes.len() + frames.len()),
            buckets: vec![Vec::new(); (columns * rows) as usize],
            columns,
            rows,
        };
        for (r, frame) in boxes
            .iter()
            .map(|r| (*r, false))
            .chain(frames.iter().map(|r| (*r, true)))
        {
            let id = o.boxes.len() as u32;
            o.boxes.push((r, frame));
            let (x0, y0) = o.bucket(r.x, r.y);
            let (x1, y1) = o.bucket(r.right(), r.bottom());
            for y in y0..=y1 {
                for x in x0..=x1 {
                    o.buckets[(y * columns + x) as usize].push(id);
                }
            }
        }
        o
    }

    fn bucket(&self, x: f64, y: f64) -> (i32, i32) {
        let clamp = |v: f64, n: i32| ((v / BUCKET).floor() as i32).clamp(0, n - 1);
        (clamp(x, self.columns), clamp(y, self.rows))
    }

    /// True when the segment a–b enters no box and crosses no frame, except the
    /// obstacles listed in `own` (indices as given to [`Obstacles::new`], boxes first).
    pub fn clear_of(&self, a: Point, b: Point, own: &[usize]) -> bool {
        // The buckets the segment passes, clamped to the chart so every one exists.
        let limit = |p: Point| {
            Point::new(
                p.x.clamp(0.0, f64::from(self.columns) * BUCKET - 1e-6),
                p.y.clamp(0.0, f64::from(self.rows) * BUCKET - 1e-6),
            )
        };
        walk_cells(limit(a), limit(b), BUCKET, |x, y| {
            self.buckets[(y * self.columns + x) as usize]
                .iter()
                .all(|&id| {
                    let (r, frame) = &self.boxes[id as usize];
                    own.contains(&(id as usize))
                        || if *frame {
                            !crosses_outline(a, b, r)
                        } else {
                            !enters(a, b, &shrink(r, 0.5))
                        }
                })
        })
    }
}

fn shrink(r: &Rect, by: f64) -> Rect {
    Rect::new(
        r.x + by,
        r.y + by,
        (r.width - 2.0 * by).max(0.0),
        (r.height - 2.0 * by).max(0.0),
    )
}

/// True when the segment a–b passes through the interior of `r` (Liang–Barsky clipping).
fn enters(a: Point, b: Point, r: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.x),
        (dx, r.right() - a.x),
        (-dy, a.y - r.y),
        (dy, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// True when the segment a–b crosses the outline of `r`: it has points on both sides.
fn crosses_outline(a: Point, b: Point, r: &Rect) -> bool {
    let inside = |p: Point| p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
    let (ia, ib) = (inside(a), inside(b));
    if ia != ib {
        return true;
    }
    // Both outside and passing through it crosses the outline twice.
    !ia && enters(a, b, r)
}

/// Marks the cells a followed line runs through, so that edges searched later cross it
/// rather than run along it.
pub fn occupy(grid: &mut Grid, points: &[Point], pitch: f64, own: &[CellRect]) {
    for w in points.windows(2) {
        let steep = (w[1].y - w[0].y).abs() >= (w[1].x - w[0].x).abs();
        walk_cells(w[0], w[1], pitch, |x, y| {
            if !own
                .iter()
                .any(|r| x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1)
            {
                grid.update(x, y, |c| {
                    if steep {
                        c.edge_vertical = true;
                    } else {
                        c.edge_horizontal = true;
                    }
                });
            }
            true
        });
    }
}

/// Removes points that lie on the straight line between their neighbours.
fn drop_collinear(points: &mut Vec<Point>) {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for &p in points.iter() {
        if let [.., a, b] = out[..] {
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
            if cross.abs() < 1e-6 {
                out.pop();
            }
        }
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    *points = out;
}

/// Visits every grid cell the segment a–b passes through, in order (Amanatides and Woo's
/// traversal); stops and returns false as soon as `visit` does.
fn walk_cells(a: Point, b: Point, pitch: f64, mut visit: impl FnMut(i32, i32) -> bool) -> bool {
    let (ax, ay, bx, by) = (a.x / pitch, a.y / pitch, b.x / pitch, b.y / pitch);
    let (mut x, mut y) = (ax.floor() as i32, ay.floor() as i32);
    let (ex, ey) = (bx.floor() as i32, by.floor() as i32);
    let (dx, dy) = (bx - ax, by - ay);
    let step = |d: f64| if d > 0.0 { 1 } else { -1 };
    let (sx, sy) = (step(dx), step(dy));
    // How far along the segment (0..1) the next vertical and horizontal cell borders are.
    let first = |from: f64, cell: i32, d: f64| {
        if d > 0.0 {
            (f64::from(cell + 1) - from) / d
        } else if d < 0.0 {
            (f64::from(cell) - from) / d
        } else {
            f64::INFINITY
        }
    };
    let (mut tx, mut ty) = (first(ax, x, dx), first(ay, y, dy));
    let (tdx, tdy) = (1.0 / dx.abs(), 1.0 / dy.abs());
    let steps = (ex - x).abs() + (ey - y).abs();
    for _ in 0..steps {
        if !visit(x, y) {
            return false;
        }
        if tx < ty {
            x += sx;
            tx += tdx;
        } else {
            y += sy;
            ty += tdy;
        }
    }
    visit(ex, ey)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(a: (f64, f64), b: (f64, f64)) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        walk_cells(Point::new(a.0, a.1), Point::new(b.0, b.1), 8.0, |x, y| {
            out.push((x, y));
            true
        });
        out
    }

    #[test]
    fn walks_every_cell_a_segment_touches() {
        assert_eq!(
            cells((4.0, 4.0), (4.0, 28.0)),
            [(0, 0), (0, 1), (0, 2), (0, 3)]
        );
        // A diagonal steps through one neighbour at each border it crosses.
        assert_eq!(cells((4.0, 4.0), (20.0, 12.0)).len(), 4);
        assert_eq!(cells((20.0, 12.0), (4.0, 4.0)).first(), Some(&(2, 1)));
    }

    fn end(rect: Rect, cell: (i32, i32), dir: Dir) -> End {
        End {
            outline: Outline::frame(rect),
            port: Port { cell, dir, cost: 0 },
        }
    }

    #[test]
    fn runs_through_its_stations_and_stops_at_obstacles() {
        let (a, b) = (
            Rect::new(8.0, 8.0, 32.0, 16.0),
            Rect::new(80.0, 120.0, 32.0, 16.0),
        );
        let clear = Obstacles::new(&[a, b], &[], 160.0, 160.0);
        let from = end(a, (2, 3), Dir::South);
        let to = end(b, (12, 14), Dir::North);
        let way = |stations: Vec<Rect>| Way {
            ends: [
                Rect::new(8.0, 8.0, 32.0, 16.0),
                Rect::new(80.0, 112.0, 32.0, 32.0),
            ],
            stations,
        };
        let station = way(vec![Rect::new(50.0, 56.0, 10.0, 24.0)]);
        let line = follow(&clear, 8.0, &from, &to, &station, &[0, 1]).expect("a clear line");
        assert_eq!(line.first(), Some(&Point::new(20.0, 24.0)));
        assert_eq!(line.last(), Some(&Point::new(100.0, 120.0)));
        assert!(line.contains(&Point::new(55.0, 56.0)));
        assert!(line.contains(&Point::new(55.0, 80.0)));
        // Into the target's rank before turning towards its port.
        assert!(line.contains(&Point::new(100.0, 112.0)));
        // Its label is in its way, and an obstacle unless it is listed as its own.
        let label = Rect::new(45.0, 60.0, 20.0, 10.0);
        let labelled = Obstacles::new(&[a, b, label], &[], 160.0, 160.0);
        assert_eq!(follow(&labelled, 8.0, &from, &to, &station, &[0, 1]), None);
        assert!(follow(&labelled, 8.0, &from, &to, &station, &[0, 1, 2]).is_some());
        // A node on the station's way.
        let blocked = Obstacles::new(&[a, b, Rect::new(48.0, 64.0, 16.0, 8.0)], &[], 160.0, 160.0);
        assert_eq!(follow(&blocked, 8.0, &from, &to, &station, &[0, 1]), None);
        // A frame it would cross; one around the whole edge is fine.
        let frame = Obstacles::new(&[a, b], &[Rect::new(40.0, 60.0, 40.0, 10.0)], 160.0, 160.0);
        assert_eq!(follow(&frame, 8.0, &from, &to, &station, &[0, 1]), None);
        let around = Obstacles::new(&[a, b], &[Rect::new(0.0, 0.0, 150.0, 150.0)], 160.0, 160.0);
        assert!(follow(&around, 8.0, &from, &to, &station, &[0, 1]).is_some());
        // A station behind the source is not followed.
        let back = way(vec![Rect::new(50.0, 0.0, 10.0, 4.0)]);
        assert_eq!(follow(&clear, 8.0, &from, &to, &back, &[0, 1]), None);
    }

    #[test]
    fn tells_entering_from_passing_by() {
        let r = Rect::new(10.0, 10.0, 10.0, 10.0);
        assert!(enters(Point::new(0.0, 0.0), Point::new(30.0, 30.0), &r));
        assert!(!enters(
            Point::new(0.0, 25.0),
            Point::new(25.0, 0.0),
            &Rect::new(15.0, 15.0, 5.0, 5.0)
        ));
        assert!(!enters(Point::new(0.0, 10.0), Point::new(30.0, 10.0), &r));
        assert!(crosses_outline(
            Point::new(15.0, 15.0),
            Point::new(30.0, 15.0),
            &r
        ));
        assert!(!crosses_outline(
            Point::new(12.0, 12.0),
            Point::new(18.0, 18.0),
            &r
        ));
    }
}
