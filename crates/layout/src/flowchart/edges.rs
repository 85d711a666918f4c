//! Routing a flowchart's edges around its nodes, labels and frames.
//!
//! In: every node, frame and label box in absolute coordinates. Out: one polyline per
//! edge, from the source outline to the target outline, passing through its label. The
//! work is done on a grid (see [`crate::route`]): one cell per character in text art, a
//! coarser pitch in graphics, where the ends are then moved onto the true outlines.

use super::blocks::{Anchor, Way};
use super::clip::Outline;
use super::follow;
use super::metrics::Metrics;
use crate::route::{Corridor, Costs, Dir, Grid, Port, find_path};
use liutu_model::{Direction, Flowchart};
use liutu_scene::outline::fills_its_box;
use liutu_scene::{Point, Rect};

type Cell = (i32, i32);

/// A rectangle of grid cells, corners inclusive.
#[derive(Debug, Clone, Copy)]
struct Cells {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl Cells {
    fn of(r: &Rect, pitch: f64) -> Cells {
        let x0 = (r.x / pitch).floor() as i32;
        let y0 = (r.y / pitch).floor() as i32;
        let x1 = ((r.right() / pitch).ceil() as i32 - 1).max(x0);
        let y1 = ((r.bottom() / pitch).ceil() as i32 - 1).max(y0);
        Cells { x0, y0, x1, y1 }
    }

    fn center(&self) -> (f64, f64) {
        (
            f64::from(self.x0 + self.x1) / 2.0,
            f64::from(self.y0 + self.y1) / 2.0,
        )
    }

    fn grid_rect(&self) -> crate::route::CellRect {
        crate::route::CellRect {
            x0: self.x0,
            y0: self.y0,
            x1: self.x1,
            y1: self.y1,
        }
    }

    /// Border cells of one side (corners excluded when the side is long enough), each
    /// with the port cell just outside it.
    fn side(&self, d: Dir) -> Vec<(Cell, Cell)> {
        let span = |a: i32, b: i32| -> Vec<i32> {
            if b - a >= 2 {
                (a + 1..b).collect()
            } else {
                (a..=b).collect()
            }
        };
        match d {
            Dir::North => span(self.x0, self.x1)
                .into_iter()
                .map(|x| ((x, self.y0), (x, self.y0 - 1)))
                .collect(),
            Dir::South => span(self.x0, self.x1)
                .into_iter()
                .map(|x| ((x, self.y1), (x, self.y1 + 1)))
                .collect(),
            Dir::West => span(self.y0, self.y1)
                .into_iter()
                .map(|y| ((self.x0, y), (self.x0 - 1, y)))
                .collect(),
            Dir::East => span(self.y0, self.y1)
                .into_iter()
                .map(|y| ((self.x1, y), (self.x1 + 1, y)))
                .collect(),
        }
    }
}

/// What routing needs to know about the laid-out chart.
pub struct Layout<'a> {
    pub chart: &'a Flowchart,
    pub metrics: &'a Metrics,
    pub node_rects: &'a [Rect],
    /// The box of each node's label (a flag's notch keeps out of it).
    pub node_labels: &'a [Rect],
    pub cluster_rects: &'a [Rect],
    /// Title box of each cluster, blocked for edges.
    pub title_rects: &'a [Rect],
    pub label_rects: &'a [Option<Rect>],
    /// Per edge that runs across ranks, the way the layered layout kept for it.
    pub ways: &'a [Option<Way>],
    /// Direction each edge flows in (that of the scope it was laid out in).
    pub edge_flow: &'a [Direction],
    /// Per edge: it joins two nodes of the scope it was laid out in, so the layered
    /// layout's ranks and order describe its whole way.
    pub direct: &'a [bool],
    pub width: f64,
    pub height: f64,
}

/// Routes every edge; the result is indexed like `chart.edges`.
pub fn route_all(l: &Layout, budget: &mut u64) -> Vec<Vec<Point>> {
    let pitch = l.metrics.pitch;
    let mut grid = Grid::new(
        (l.width / pitch).ceil() as i32 + 1,
        (l.height / pitch).ceil() as i32 + 1,
    );
    let node_cells: Vec<Cells> = l.node_rects.iter().map(|r| Cells::of(r, pitch)).collect();
    let cluster_cells: Vec<Cells> = l
        .cluster_rects
        .iter()
        .map(|r| Cells::of(r, pitch))
        .collect();
    for c in &node_cells {
        grid.block(c.grid_rect(), true);
    }
    for c in &cluster_cells {
        // In text art a frame's neighbour cells are often all the room there is.
        grid.frame(c.grid_rect(), !l.metrics.cells);
    }
    for r in l.title_rects.iter().filter(|r| r.width > 0.0) {
        grid.block(Cells::of(r, pitch).grid_rect(), false);
    }
    let label_cells: Vec<Option<LabelCells>> = l
        .label_rects
        .iter()
        .map(|r| r.map(|r| LabelCells::of(&r, pitch)))
        .collect();
    for c in label_cells.iter().flatten() {
        grid.block(c.cells.grid_rect(), false);
    }
    // The cells where an edge enters and leaves its label are kept for it: an edge
    // routed earlier running across one would make it come in from the side.
    let label_ends = |e: usize| label_cells[e].map(|c| c.ends(!l.edge_flow[e].is_horizontal()));
    for e in 0..l.chart.edges.len() {
        for (x, y) in label_ends(e).into_iter().flatten() {
            grid.update(x, y, |u| u.edge_fixed = true);
        }
    }

    let anchor_cells = |a: Anchor| match a {
        Anchor::Node(n) => node_cells[n],
        Anchor::Cluster(s) => cluster_cells[s],
    };
    let anchor_rect = |a: Anchor| match a {
        Anchor::Node(n) => l.node_rects[n],
        Anchor::Cluster(s) => l.cluster_rects[s],
    };
    let ends = |e: usize| Anchor::ends(&l.chart.edges[e]);
    // Edges sharing a side get ports spread along it, in the order of where they go, so
    // they leave and arrive without crossing each other.
    // (anchor, side) → (where the edge goes across that side, edge, is it the source end)
    type SideGroups = std::collections::BTreeMap<(Anchor, u8), Vec<(f64, usize, bool)>>;
    let mut groups: SideGroups = Default::default();
    let mut degree: std::collections::HashMap<Anchor, usize> = Default::default();
    let mut seen = std::collections::HashSet::new();
    for e in 0..l.chart.edges.len() {
        let (from, to) = ends(e);
        if from == to || !super::routing_key(&l.chart.edges[e]).is_none_or(|k| seen.insert(k)) {
            continue;
        }
        *degree.entry(from).or_default() += 1;
        *degree.entry(to).or_default() += 1;
        // Where the edge heads first from each end: the nearest place the layered
        // layout kept for it on the way (a dummy or its label), else the other end.
        let station = |r: Option<&Rect>| r.map(|r| centre_cell(r, pitch));
        let stations = l.ways[e].as_ref().map_or(&[][..], |w| &w.stations[..]);
        let first_station = station(stations.first());
        let last_station = station(stations.last());
        for (me, other, is_source) in [(from, to, true), (to, from, false)] {
            let mine = anchor_cells(me).center();
            let next = if is_source {
                first_station
            } else {
                last_station
            };
            let toward = next.unwrap_or_else(|| centre_cell(&anchor_rect(other), pitch));
            // A frame and what stands beside it (a guest: see `guests`) are joined
            // across the flow, side to side, not from the frame's far end round to the
            // other's near one.
            let horizontal = l.edge_flow[e].is_horizontal();
            let span = |c: &Cells| {
                if horizontal {
                    (f64::from(c.x0), f64::from(c.x1))
                } else {
                    (f64::from(c.y0), f64::from(c.y1))
                }
            };
            let (mine_cells, other_cells) = (anchor_cells(me), anchor_cells(other));
            let (lo, hi) = span(&mine_cells);
            let beside = match (me, other, next) {
                (Anchor::Node(_), Anchor::Node(_), _) => false,
                (Anchor::Cluster(_), _, Some(station)) => {
                    let along = if horizontal { station.0 } else { station.1 };
                    lo < along && along < hi
                }
                (_, _, Some(_)) => false,
                (_, _, None) => {
                    let (other_lo, other_hi) = span(&other_cells);
                    // Apart across (a member is not beside its own frame), side by side
                    // along.
                    let (a, b) = (mine_cells, other_cells);
                    let apart = if horizontal {
                        a.y1 < b.y0 || b.y1 < a.y0
                    } else {
                        a.x1 < b.x0 || b.x1 < a.x0
                    };
                    apart && lo < other_hi && other_lo < hi
                }
            };
            let flow = match (beside, horizontal) {
                (false, _) => l.edge_flow[e],
                (true, true) => Direction::TB,
                (true, false) => Direction::LR,
            };
            let side = facing_side(mine, toward, flow);
            let key = if side.is_vertical() {
                toward.0
            } else {
                toward.1
            };
            groups
                .entry((me, side.index() as u8))
                .or_default()
                .push((key, e, is_source));
        }
    }
    let mut assigned: std::collections::HashMap<(usize, bool), Port> = Default::default();
    // Ports more than one edge leaves by: only for edges that follow their way.
    let mut shared: std::collections::HashSet<(usize, bool)> = Default::default();
    for ((anchor, side), mut members) in groups {
        members.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let d = Dir::ALL[side as usize];
        let whole = anchor_cells(anchor).side(d);
        let flat = if l.metrics.cells {
            // A cylinder's lid is a line across its second row (`├────┤`): an edge
            // beside it would run into that line, not into the box.
            let lid = match anchor {
                Anchor::Node(n) if super::size::has_lid(l.chart.nodes[n].shape) => {
                    Some(anchor_cells(anchor).y0 + 1)
                }
                _ => None,
            };
            whole
                .iter()
                .copied()
                .filter(|&(border, _)| d.is_vertical() || Some(border.1) != lid)
                .collect()
        } else {
            flat_part(&whole, &anchor_outline(l, anchor), d, pitch)
        };
        let cells = if members.len() <= flat.len() {
            &flat
        } else {
            &whole
        };
        let (n, k) = (cells.len(), members.len());
        if k > n {
            // In graphics, edges may leave from one point and fan out, as Graphviz and
            // dagre draw them all: share the flat part's cells out evenly, in order, so
            // that edges that follow their way do not cross there. (Searched for on the
            // grid, where an edge may not enter another's cells, they were pushed round
            // to the node's other sides, and a fan of twelve crossed itself 24 times.)
            // Not where an edge ends in a head: heads on one point hide each other.
            let headless = members.iter().all(|&(_, e, is_source)| {
                let edge = &l.chart.edges[e];
                let head = if is_source {
                    edge.head_start
                } else {
                    edge.head_end
                };
                head == liutu_model::ArrowHead::None
            });
            if l.metrics.cells || flat.is_empty() || !headless {
                continue; // Not enough room: let the search choose among all ports.
            }
            for (i, &(_, e, is_source)) in members.iter().enumerate() {
                let port = Port {
                    cell: flat[i * flat.len() / k].1,
                    dir: d,
                    cost: 0,
                };
                assigned.insert((e, is_source), port);
                shared.insert((e, is_source));
            }
            continue;
        }
        // Each port as close as it can be to where its edge goes (so aligned nodes join
        // straight), in order, one free cell between neighbours when there is room. In
        // text art lines leaving a left or right side may lie on neighbouring rows.
        let rows_in_text = l.metrics.cells && !d.is_vertical();
        let gap = if 2 * k - 1 <= n && !rows_in_text {
            2
        } else {
            1
        };
        let coord = |c: Cell| if d.is_vertical() { c.0 } else { c.1 };
        let first = coord(cells[0].1);
        let mut slots: Vec<usize> = Vec::with_capacity(k);
        for &(key, _, _) in &members {
            let wanted = (key.round() as i64 - i64::from(first)).clamp(0, n as i64 - 1) as usize;
            let lowest = slots.last().map_or(0, |&p| p + gap);
            slots.push(wanted.max(lowest));
        }
        // Pull back from the far end if the last ones ran past it.
        let mut limit = n - 1;
        for slot in slots.iter_mut().rev() {
            *slot = (*slot).min(limit);
            limit = slot.saturating_sub(gap);
        }
        for (&(_, e, is_source), &slot) in members.iter().zip(&slots) {
            assigned.insert(
                (e, is_source),
                Port {
                    cell: cells[slot.min(n - 1)].1,
                    dir: d,
                    cost: 0,
                },
            );
        }
    }
    // Straight edges first, so chains stay straight; then the shortest along the flow,
    // so neighbours join directly and long edges go around them; among equally long
    // ones the widest first: it takes the outer ports and the tracks nearest its hub,
    // and the nearer ones nest inside it.
    let mut order: Vec<usize> = (0..l.chart.edges.len()).collect();
    order.sort_by_key(|&e| {
        let edge = &l.chart.edges[e];
        let (a, b) = (node_cells[edge.from].center(), node_cells[edge.to].center());
        let across = if l.edge_flow[e].is_horizontal() {
            (a.1 - b.1).abs()
        } else {
            (a.0 - b.0).abs()
        };
        let along = if l.edge_flow[e].is_horizontal() {
            (a.0 - b.0).abs()
        } else {
            (a.1 - b.1).abs()
        };
        (
            edge.from == edge.to,
            across >= 0.5,
            along as i64,
            std::cmp::Reverse(across as i64),
            e,
        )
    });
    // Identical parallel edges are routed once, by the first of them in routing order.
    let mut drawn_by: Vec<usize> = (0..l.chart.edges.len()).collect();
    let mut first_of: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for &e in &order {
        if let Some(key) = super::routing_key(&l.chart.edges[e]) {
            drawn_by[e] = *first_of.entry(key).or_insert(e);
        }
    }
    let mut paths: Vec<Vec<Point>> = vec![Vec::new(); l.chart.edges.len()];
    // In graphics, edges between two nodes of one scope follow the layered layout's way
    // through the ranks when nothing is in it; the others, and text art, search the grid.
    if !l.metrics.cells {
        // Boxes: the nodes (indexed like them), then the labels, then the titles.
        let mut boxes: Vec<Rect> = l.node_rects.to_vec();
        let mut label_box: Vec<Option<usize>> = vec![None; l.chart.edges.len()];
        for (e, r) in l.label_rects.iter().enumerate() {
            if let Some(r) = r {
                label_box[e] = Some(boxes.len());
                boxes.push(*r);
            }
        }
        boxes.extend(l.title_rects.iter().filter(|r| r.width > 0.0));
        let obstacles = follow::Obstacles::new(&boxes, l.cluster_rects, l.width, l.height);
        for &e in order.iter().filter(|&&e| drawn_by[e] == e && l.direct[e]) {
            let edge = &l.chart.edges[e];
            let (Some(&from_port), Some(&to_port), Some(way)) = (
                assigned.get(&(e, true)),
                assigned.get(&(e, false)),
                &l.ways[e],
            ) else {
                continue;
            };
            let (from, to) = (Anchor::Node(edge.from), Anchor::Node(edge.to));
            let end = |a: Anchor, port: Port| follow::End {
                outline: anchor_outline(l, a),
                port,
            };
            let own_boxes: Vec<usize> = [Some(edge.from), Some(edge.to), label_box[e]]
                .into_iter()
                .flatten()
                .collect();
            if let Some(points) = follow::follow(
                &obstacles,
                pitch,
                &end(from, from_port),
                &end(to, to_port),
                way,
                &own_boxes,
            ) {
                let own: Vec<crate::route::CellRect> =
                    [Some(anchor_cells(from)), Some(anchor_cells(to))]
                        .into_iter()
                        .chain([l.label_rects[e].map(|r| Cells::of(&r, pitch))])
                        .flatten()
                        .map(|c| c.grid_rect())
                        .collect();
                follow::occupy(&mut grid, &points, pitch, &own);
                for port in [from_port, to_port] {
                    grid.update(port.cell.0, port.cell.1, |u| u.edge_fixed = true);
                }
                paths[e] = points;
            }
        }
    }
    let own_port = |e: usize, is_source: bool| {
        let end = (e, is_source);
        assigned
            .get(&end)
            .filter(|_| !shared.contains(&end))
            .copied()
    };
    let mut scratch = crate::route::Scratch::default();
    for &e in &order {
        let edge = &l.chart.edges[e];
        if drawn_by[e] != e || !paths[e].is_empty() {
            continue;
        }
        let (from, to) = Anchor::ends(edge);
        let (fc, tc) = (anchor_cells(from), anchor_cells(to));
        let label = label_cells[e];
        for (x, y) in label_ends(e).into_iter().flatten() {
            grid.update(x, y, |u| u.edge_fixed = false);
        }
        // Search first near the way the layout kept for the edge through the ranks.
        let stations = l.ways[e].as_ref().map_or(&[][..], |w| &w.stations[..]);
        let corridor = (!stations.is_empty() && from != to).then(|| {
            let stations: Vec<crate::route::CellRect> = std::iter::once(fc.grid_rect())
                .chain(stations.iter().map(|r| Cells::of(r, pitch).grid_rect()))
                .chain(std::iter::once(tc.grid_rect()))
                .collect();
            Corridor::through(&stations, !l.edge_flow[e].is_horizontal(), CORRIDOR_MARGIN)
        });
        let request = Request {
            corridor: corridor.as_ref(),
            from: fc,
            to: tc,
            self_loop: from == to,
            label,
            flow: l.edge_flow[e],
            from_port: own_port(e, true),
            to_port: own_port(e, false),
            // Among equally good paths A* finds the one that bends last, so search
            // towards the busier end: bends then come near it, which is what lets
            // fanned-out edges nest instead of cross.
            from_hub: degree.get(&from).copied().unwrap_or(0)
                >= degree.get(&to).copied().unwrap_or(0),
        };
        let cells = route_one(&mut grid, &mut scratch, &request, budget);
        grid.occupy(&cells);
        // The cells next to each end hold a tee or an arrowhead: keep them to this edge.
        for &c in [cells.get(1), cells.get(cells.len().saturating_sub(2))]
            .iter()
            .flatten()
        {
            grid.update(c.0, c.1, |u| u.edge_fixed = true);
        }
        paths[e] = to_points(
            &cells,
            pitch,
            l.metrics.cells,
            &anchor_outline(l, from),
            &anchor_outline(l, to),
        );
    }
    for e in 0..paths.len() {
        if drawn_by[e] != e {
            paths[e] = paths[drawn_by[e]].clone();
        }
    }
    paths
}

fn anchor_outline(l: &Layout, a: Anchor) -> Outline {
    match a {
        Anchor::Node(n) => Outline {
            rect: l.node_rects[n],
            shape: l.chart.nodes[n].shape,
            label: Some(l.node_labels[n]),
        },
        Anchor::Cluster(s) => Outline::frame(l.cluster_rects[s]),
    }
}

/// The cells of a side (as [`Cells::side`] gives them) where the outline lies on the box,
/// within half a cell: a parallelogram's flat top, a cylinder's lid near its middle. An
/// edge arriving elsewhere would pass the box's empty corner before it met the shape.
/// Pointed and round outlines (a diamond's tip, a circle) touch their box along less
/// than half a side: there every cell is kept, and edges spread along the slopes.
fn flat_part(side: &[(Cell, Cell)], outline: &Outline, d: Dir, pitch: f64) -> Vec<(Cell, Cell)> {
    if fills_its_box(outline.shape) {
        return side.to_vec();
    }
    let centre =
        |(x, y): Cell| Point::new((f64::from(x) + 0.5) * pitch, (f64::from(y) + 0.5) * pitch);
    let r = outline.rect;
    let depth = |&(border, port): &(Cell, Cell)| {
        let m = outline.meet(centre(port), centre(border));
        match d {
            Dir::North => m.y - r.y,
            Dir::South => r.bottom() - m.y,
            Dir::West => m.x - r.x,
            Dir::East => r.right() - m.x,
        }
    };
    let flat: Vec<(Cell, Cell)> = side
        .iter()
        .filter(|c| depth(c) <= pitch / 2.0)
        .copied()
        .collect();
    if 2 * flat.len() >= side.len() {
        flat
    } else {
        side.to_vec()
    }
}

/// The side of a box at `me` that faces a point at `other`, along the flow first.
fn facing_side(me: (f64, f64), other: (f64, f64), flow: Direction) -> Dir {
    let vertical = !flow.is_horizontal();
    let (along, across) = if vertical {
        (other.1 - me.1, other.0 - me.0)
    } else {
        (other.0 - me.0, other.1 - me.1)
    };
    let (ahead, behind, left, right) = if vertical {
        (Dir::South, Dir::North, Dir::West, Dir::East)
    } else {
        (Dir::East, Dir::West, Dir::North, Dir::South)
    };
    if along.abs() >= 1.0 {
        if along > 0.0 { ahead } else { behind }
    } else if across < 0.0 {
        left
    } else {
        right
    }
}

/// What it costs to leave or enter by side `d`: nothing on the side facing the other
/// end, more on the others.
fn side_cost(d: Dir, me: (f64, f64), other: (f64, f64), flow: Direction) -> u32 {
    let facing = facing_side(me, other, flow);
    // Dearer than the two bends a side exit saves, so edges leave through the side that
    // faces the flow and the lateral sides stay free for what cannot.
    if d == facing {
        0
    } else if d == facing.opposite() {
        48
    } else {
        24
    }
}

fn ports(c: &Cells, other: (f64, f64), flow: Direction, sides: &[Dir]) -> Vec<Port> {
    let (cx, cy) = c.center();
    let mut out = Vec::new();
    for &d in sides {
        let base = side_cost(d, (cx, cy), other, flow);
        for (_, cell) in c.side(d) {
            let off = if d.is_vertical() {
                (f64::from(cell.0) - cx).abs()
            } else {
                (f64::from(cell.1) - cy).abs()
            };
            out.push(Port {
                cell,
                dir: d,
                cost: base + off.ceil() as u32,
            });
        }
    }
    out
}

/// The cells of an edge label, and the one its edge runs through.
#[derive(Debug, Clone, Copy)]
struct LabelCells {
    cells: Cells,
    /// The label's middle, rounded as ports round where their edge goes (half up), so
    /// that a port lined up with the label meets its edge without a step.
    middle: Cell,
}

impl LabelCells {
    fn of(r: &Rect, pitch: f64) -> LabelCells {
        let cells = Cells::of(r, pitch);
        let (cx, cy) = centre_cell(r, pitch);
        let middle = (
            (cx.round() as i32).clamp(cells.x0, cells.x1),
            (cy.round() as i32).clamp(cells.y0, cells.y1),
        );
        LabelCells { cells, middle }
    }

    /// Where its edge enters and leaves it: the cells just outside its middle, before
    /// and after it along the flow.
    fn ends(&self, vertical: bool) -> [Cell; 2] {
        let (c, (x, y)) = (&self.cells, self.middle);
        if vertical {
            [(x, c.y0 - 1), (x, c.y1 + 1)]
        } else {
            [(c.x0 - 1, y), (c.x1 + 1, y)]
        }
    }
}

/// Where a box's centre falls on the grid, in cells (fractional): boxes of different
/// widths centred on one line get the same value, so their ports line up. (The middle
/// of the cells a box touches would not: a box's edges fall at different places in their
/// cells.)
fn centre_cell(r: &Rect, pitch: f64) -> (f64, f64) {
    let c = r.center();
    (c.x / pitch - 0.5, c.y / pitch - 0.5)
}

/// The border cell behind a port cell.
fn border_of(port: Cell, dir: Dir) -> Cell {
    let (dx, dy) = dir.delta();
    (port.0 - dx, port.1 - dy)
}

/// The most room (in grid cells) the first window search gives an edge around its ends,
/// whose margin grows with the distance between them. Edges across a chart of many
/// subgraphs run thousands of cells and cross dozens of others; a margin of a quarter of
/// that on every side cost seconds (300 subgraphs: 13.3 s, 9.1–9.4 s with this bound),
/// and the bound moved no edge of the corpus or the bench charts.
const MOST_MARGIN: i32 = 128;

/// How far (in grid cells) a search may stray from the way the layout kept for an edge
/// before wider searches are tried.
const CORRIDOR_MARGIN: i32 = 12;

/// One edge to route.
struct Request<'a> {
    corridor: Option<&'a Corridor>,
    from: Cells,
    to: Cells,
    self_loop: bool,
    label: Option<LabelCells>,
    flow: Direction,
    /// Ports chosen ahead so that edges sharing a side keep their order.
    from_port: Option<Port>,
    to_port: Option<Port>,
    /// The source is the busier end.
    from_hub: bool,
}

/// One stretch of an edge to search: from one set of ports to another, each preferred
/// port tried alone first.
struct Leg<'a> {
    /// Where to search first.
    corridor: Option<&'a Corridor>,
    from: Vec<Port>,
    from_preferred: Option<Port>,
    to: Vec<Port>,
    to_preferred: Option<Port>,
    /// Search from `to` back to `from` (then reverse the result).
    backwards: bool,
}

fn route_one(
    grid: &mut Grid,
    scratch: &mut crate::route::Scratch,
    r: &Request,
    budget: &mut u64,
) -> Vec<Cell> {
    let vertical = !r.flow.is_horizontal();
    let (from_sides, to_sides): (&[Dir], &[Dir]) = if r.self_loop {
        if vertical {
            (&[Dir::East], &[Dir::North])
        } else {
            (&[Dir::South], &[Dir::West])
        }
    } else {
        (&Dir::ALL, &Dir::ALL)
    };
    let target_center = r.label.map_or(r.to.center(), |l| l.cells.center());
    let source_center = r.label.map_or(r.from.center(), |l| l.cells.center());
    let start = ports(&r.from, target_center, r.flow, from_sides);
    let end = ports(&r.to, source_center, r.flow, to_sides);
    let (from_port, to_port) = if r.self_loop {
        (None, None)
    } else {
        (r.from_port, r.to_port)
    };

    let Some(label) = r.label else {
        let leg = Leg {
            corridor: r.corridor,
            from: start,
            from_preferred: from_port,
            to: end,
            to_preferred: to_port,
            backwards: r.from_hub,
        };
        let path = search_leg(grid, scratch, &leg, budget).unwrap_or_else(|| last_resort(&leg));
        return with_borders(&path, &leg);
    };
    // Enter the label on the side facing the source, leave on the other; the line runs
    // through its middle, hidden by the text. When that is impossible (a label right
    // above a frame's title), the sides across the flow are tried too.
    let lab = label.cells;
    let (lcx, lcy) = lab.center();
    let centre = label.middle;
    let (fcx, fcy) = r.from.center();
    let before_first = if vertical { fcy <= lcy } else { fcx <= lcx };
    let port = |cell: Cell, dir: Dir| Port { cell, dir, cost: 0 };
    let (x, y) = centre;
    let [before, after] = label.ends(vertical);
    let (near_end, far_end, sides) = if vertical {
        (
            port(before, Dir::North),
            port(after, Dir::South),
            [
                port((lab.x0 - 1, y), Dir::West),
                port((lab.x1 + 1, y), Dir::East),
            ],
        )
    } else {
        (
            port(before, Dir::West),
            port(after, Dir::East),
            [
                port((x, lab.y0 - 1), Dir::North),
                port((x, lab.y1 + 1), Dir::South),
            ],
        )
    };
    let (enter, leave) = if before_first {
        (near_end, far_end)
    } else {
        (far_end, near_end)
    };
    // Each leg is searched towards its node, so it bends near the node.
    let mut into = Leg {
        corridor: r.corridor,
        from: start,
        from_preferred: from_port,
        to: vec![enter],
        to_preferred: None,
        backwards: true,
    };
    let mut out_of = Leg {
        corridor: r.corridor,
        from: vec![leave],
        from_preferred: None,
        to: end,
        to_preferred: to_port,
        backwards: false,
    };
    // `label_at_end`: the label is the leg's target (else its source).
    let mut search = |leg: &mut Leg, label_at_end: bool| {
        search_leg(grid, scratch, leg, budget).or_else(|| {
            if label_at_end {
                leg.to.extend(sides);
            } else {
                leg.from.extend(sides);
            }
            search_leg(grid, scratch, leg, budget)
        })
    };
    let first = search(&mut into, true).unwrap_or_else(|| last_resort(&into));
    let second = search(&mut out_of, false).unwrap_or_else(|| last_resort(&out_of));
    // Through the label: from where the line came in to its middle, and on to where it
    // leaves.
    let straight = |a: Cell, b: Cell| -> Vec<Cell> {
        let (dx, dy) = ((b.0 - a.0).signum(), (b.1 - a.1).signum());
        let steps = (b.0 - a.0).abs().max((b.1 - a.1).abs());
        (0..=steps).map(|i| (a.0 + dx * i, a.1 + dy * i)).collect()
    };
    let inside = |port: Option<&Cell>, fallback: &Port| -> Cell {
        let p = port.copied().unwrap_or(fallback.cell);
        // The label cell next to the port cell, clamped into the label.
        (p.0.clamp(lab.x0, lab.x1), p.1.clamp(lab.y0, lab.y1))
    };
    let mut interior = straight(inside(first.last(), &enter), centre);
    interior.extend(
        straight(centre, inside(second.first(), &leave))
            .into_iter()
            .skip(1),
    );
    let mut cells = with_borders(&first, &into);
    cells.pop(); // `with_borders` closed it on the label's border; the interior follows.
    cells.extend(interior);
    cells.extend(with_borders(&second, &out_of).into_iter().skip(1));
    cells.dedup();
    cells
}

/// A leg's cells with the border cell behind its first port in front and the one behind
/// its last port at the end.
fn with_borders(path: &[Cell], leg: &Leg) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(path.len() + 2);
    let border = |cell: Cell, ports: &[Port], default: Dir| {
        let dir = ports
            .iter()
            .find(|p| p.cell == cell)
            .map_or(default, |p| p.dir);
        border_of(cell, dir)
    };
    if let Some(&first) = path.first() {
        cells.push(border(first, &leg.from, Dir::South));
    }
    cells.extend(path.iter().copied());
    if let Some(&last) = path.last() {
        cells.push(border(last, &leg.to, Dir::North));
    }
    cells.dedup();
    cells
}

/// A* with the preferred ports, then with any port, then allowing overlaps; `None`
/// when none of them finds a way.
fn search_leg(
    grid: &Grid,
    scratch: &mut crate::route::Scratch,
    leg: &Leg,
    budget: &mut u64,
) -> Option<Vec<Cell>> {
    let cap = (grid.width as u64 * grid.height as u64 * 8).max(10_000);
    let strict = Costs::default();
    let loose = Costs {
        overlap: Some(60),
        ..Costs::default()
    };
    // The chosen port if it is among the candidates, else all of them.
    let preferred = |fixed: Option<Port>, all: &[Port]| -> Vec<Port> {
        match fixed {
            Some(p) if all.iter().any(|q| q.cell == p.cell) => vec![p],
            _ => all.to_vec(),
        }
    };
    let (pf, pt) = (
        preferred(leg.from_preferred, &leg.from),
        preferred(leg.to_preferred, &leg.to),
    );
    // A window around both ends first: nearly every edge finds its way there, and a
    // search that fails only costs the window.
    let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for p in leg.from.iter().chain(&leg.to) {
        x0 = x0.min(p.cell.0);
        y0 = y0.min(p.cell.1);
        x1 = x1.max(p.cell.0);
        y1 = y1.max(p.cell.1);
    }
    let margin = 8 + (((x1 - x0) + (y1 - y0)) / 4).min(MOST_MARGIN);
    let around = |margin: i32, costs: Costs| Costs {
        window: Some((x0 - margin, y0 - margin, x1 + margin, y1 + margin)),
        ..costs
    };
    let near = around(margin, strict);
    // Then a wider window: a detour further out than that would draw worse than an
    // edge that crosses another, and searching the whole chart costs time and memory in
    // proportion to its area.
    let wide = around(4 * margin, strict);
    let wide_loose = around(4 * margin, loose);
    let corridor_attempts = leg.corridor.map(|c| {
        [
            (pf.as_slice(), pt.as_slice(), &strict, Some(c)),
            (leg.from.as_slice(), leg.to.as_slice(), &strict, Some(c)),
        ]
    });
    let attempts = [
        (pf.as_slice(), pt.as_slice(), &near, None),
        (leg.from.as_slice(), leg.to.as_slice(), &near, None),
        (leg.from.as_slice(), leg.to.as_slice(), &wide, None),
        (leg.from.as_slice(), leg.to.as_slice(), &wide_loose, None),
    ];
    let mut search =
        |(from, to, costs, corridor): (&[Port], &[Port], &Costs, Option<&Corridor>)| {
            let mut work = cap.min(*budget);
            let before = work;
            let found = if leg.backwards {
                find_path(grid, to, from, costs, corridor, scratch, &mut work).map(
                    |(mut p, cost)| {
                        p.reverse();
                        (p, cost)
                    },
                )
            } else {
                find_path(grid, from, to, costs, corridor, scratch, &mut work)
            };
            *budget -= before - work;
            found
        };
    let mut tried = corridor_attempts
        .into_iter()
        .flatten()
        .chain(attempts)
        .peekable();
    while let Some(attempt) = tried.next() {
        let Some((path, cost)) = search(attempt) else {
            continue;
        };
        // Through the chosen ports, a path that winds (more bends than a jog and a
        // detour) may be forced by a port placed for a neighbour that went elsewhere:
        // the next attempt, with every port, is taken instead when it is cheaper.
        let preferred = std::ptr::eq(attempt.0, pf.as_slice())
            && std::ptr::eq(attempt.1, pt.as_slice())
            && (leg.from_preferred.is_some() || leg.to_preferred.is_some());
        if preferred
            && winds(&path)
            && let Some(next) = tried.peek().copied()
            && let Some((other, other_cost)) = search(next)
            && other_cost < cost
        {
            return Some(other);
        }
        return Some(path);
    }
    None
}

/// How many times a cell path turns.
fn bends(path: &[Cell]) -> usize {
    path.windows(3)
        .filter(|w| (w[0].0 == w[1].0) != (w[1].0 == w[2].0))
        .count()
}

/// True when a path turns more than a jog and a detour need and is over twice as long as
/// the way between its ends: it winds around something.
fn winds(path: &[Cell]) -> bool {
    let (Some(a), Some(b)) = (path.first(), path.last()) else {
        return false;
    };
    let direct = ((a.0 - b.0).abs() + (a.1 - b.1).abs()) as usize;
    bends(path) > 4 && path.len() > 2 * (direct + 2)
}

/// Straight out, across, straight in, ignoring obstacles: an edge is never dropped,
/// even when the grid is too crowded to route it cleanly.
fn last_resort(leg: &Leg) -> Vec<Cell> {
    let (Some(a), Some(b)) = (leg.from.first(), leg.to.first()) else {
        return Vec::new();
    };
    let mut path = vec![a.cell];
    let (mut x, mut y) = a.cell;
    while y != b.cell.1 {
        y += (b.cell.1 - y).signum();
        path.push((x, y));
    }
    while x != b.cell.0 {
        x += (b.cell.0 - x).signum();
        path.push((x, y));
    }
    path
}

/// Keeps the corners of a cell path and turns it into scene points.
fn to_points(
    cells: &[Cell],
    pitch: f64,
    in_cells: bool,
    from: &Outline,
    to: &Outline,
) -> Vec<Point> {
    let mut corners: Vec<Cell> = Vec::new();
    for (i, &c) in cells.iter().enumerate() {
        let keep = i == 0 || i + 1 == cells.len() || {
            let (p, n) = (cells[i - 1], cells[i + 1]);
            !((p.0 == c.0 && c.0 == n.0) || (p.1 == c.1 && c.1 == n.1))
        };
        if keep {
            corners.push(c);
        }
    }
    if in_cells {
        return corners
            .iter()
            .map(|&(x, y)| Point::new(f64::from(x), f64::from(y)))
            .collect();
    }
    let center =
        |(x, y): Cell| Point::new((f64::from(x) + 0.5) * pitch, (f64::from(y) + 0.5) * pitch);
    let mut points: Vec<Point> = corners.iter().map(|&c| center(c)).collect();
    let n = points.len();
    if n >= 2 {
        points[0] = from.meet(points[1], points[0]);
        points[n - 1] = to.meet(points[n - 2], points[n - 1]);
    }
    points
}
