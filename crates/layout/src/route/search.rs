//! A* over (cell, direction of arrival) states.
//!
//! Costs: each step, each bend, crossing another edge (only at a right angle, only
//! through a straight piece of it), running next to a node, crossing a cluster frame.
//! Running along another edge is forbidden in strict mode and merely expensive
//! otherwise, so a path is always found when one exists at all.

use super::corridor::Corridor;
use super::grid::{CellUse, Dir, Grid};
use super::queue::BucketQueue;

/// Where a path may start or end: the cell just outside an object, and the direction
/// pointing away from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Port {
    pub cell: (i32, i32),
    pub dir: Dir,
    /// Extra cost of using this port (off-centre, on a side against the flow).
    pub cost: u32,
}

/// Weights of the search, and where it may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    /// Only cells inside this box (x0, y0, x1, y1 inclusive) are searched; `None` is the
    /// whole grid. Most edges are local, and a failing search costs what it explores.
    pub window: Option<(i32, i32, i32, i32)>,
    pub step: u32,
    pub bend: u32,
    pub cross: u32,
    pub halo: u32,
    pub frame: u32,
    /// When false, running along another edge is allowed at this cost per cell.
    pub overlap: Option<u32>,
}

impl Default for Costs {
    fn default() -> Self {
        Costs {
            window: None,
            step: 2,
            bend: 9,
            cross: 24,
            halo: 2,
            frame: 4,
            overlap: None,
        }
    }
}

/// Reusable search memory, covering only the search window (so a local search on a
/// big chart needs little of it): generation stamps avoid clearing it between searches.
#[derive(Debug, Default)]
pub struct Scratch {
    generation: u32,
    stamp: Vec<u32>,
    best: Vec<u32>,
    parent: Vec<u32>,
    /// Per cell: the generation in which it is a goal, and the direction it must be
    /// entered in (as a bit set of `Dir::index`).
    goal_stamp: Vec<u32>,
    goal_dirs: Vec<u8>,
    queue: BucketQueue,
}

const NO_PARENT: u32 = u32::MAX;

const BLOCKED: u8 = CellUse::BLOCKED;
const HALO: u8 = CellUse::HALO;
const FRAME_HORIZONTAL: u8 = CellUse::FRAME_HORIZONTAL;
const FRAME_VERTICAL: u8 = CellUse::FRAME_VERTICAL;
const EDGE_HORIZONTAL: u8 = CellUse::EDGE_HORIZONTAL;
const EDGE_VERTICAL: u8 = CellUse::EDGE_VERTICAL;
const EDGE_FIXED: u8 = CellUse::EDGE_FIXED;

/// The cheapest path from one of `from` to one of `to`: the cells from the start port's
/// cell to the end port's cell inclusive. `work` counts expanded states; the search
/// gives up (None) when it runs out. With a `corridor`, only its cells (within
/// `costs.window`, if that is set too) are searched.
pub fn find_path(
    grid: &Grid,
    from: &[Port],
    to: &[Port],
    costs: &Costs,
    corridor: Option<&Corridor>,
    scratch: &mut Scratch,
    work: &mut u64,
) -> Option<Vec<(i32, i32)>> {
    // The searched window, within the grid and the corridor's bounds; states are
    // numbered inside it.
    let (mut wx0, mut wy0, mut wx1, mut wy1) = (0, 0, grid.width - 1, grid.height - 1);
    for (x0, y0, x1, y1) in costs
        .window
        .into_iter()
        .chain(corridor.map(Corridor::bounds))
    {
        (wx0, wy0, wx1, wy1) = (wx0.max(x0), wy0.max(y0), wx1.min(x1), wy1.min(y1));
    }
    if wx0 > wx1 || wy0 > wy1 {
        return None;
    }
    let window_width = wx1 - wx0 + 1;
    let states = (window_width as usize * (wy1 - wy0 + 1) as usize) * 4;
    if scratch.stamp.len() < states {
        scratch.stamp = vec![0; states];
        scratch.best = vec![0; states];
        scratch.parent = vec![NO_PARENT; states];
        scratch.goal_stamp = vec![0; states / 4];
        scratch.goal_dirs = vec![0; states / 4];
        scratch.generation = 0;
    }
    let inside = |x: i32, y: i32| {
        x >= wx0 && x <= wx1 && y >= wy0 && y <= wy1 && corridor.is_none_or(|c| c.allows(x, y))
    };
    let local = |x: i32, y: i32| ((y - wy0) * window_width + (x - wx0)) as usize;
    scratch.generation = scratch.generation.wrapping_add(1);
    if scratch.generation == 0 {
        scratch.stamp.iter_mut().for_each(|s| *s = 0);
        scratch.goal_stamp.iter_mut().for_each(|s| *s = 0);
        scratch.generation = 1;
    }
    let generation = scratch.generation;
    let usable = |p: &&Port| {
        let c = grid.get(p.cell.0, p.cell.1);
        inside(p.cell.0, p.cell.1) && !c.blocked && !c.has_edge()
    };
    let targets: Vec<Port> = to.iter().filter(usable).copied().collect();
    if targets.is_empty() {
        return None;
    }
    for t in &targets {
        let i = local(t.cell.0, t.cell.1);
        if scratch.goal_stamp[i] != generation {
            scratch.goal_stamp[i] = generation;
            scratch.goal_dirs[i] = 0;
        }
        scratch.goal_dirs[i] |= 1 << t.dir.opposite().index();
    }
    let (tx0, tx1, ty0, ty1) = targets.iter().fold(
        (i32::MAX, i32::MIN, i32::MAX, i32::MIN),
        |(a, b, c, d), p| {
            (
                a.min(p.cell.0),
                b.max(p.cell.0),
                c.min(p.cell.1),
                d.max(p.cell.1),
            )
        },
    );
    let heuristic = |x: i32, y: i32| -> u32 {
        let dx = (tx0 - x).max(0) + (x - tx1).max(0);
        let dy = (ty0 - y).max(0) + (y - ty1).max(0);
        (dx + dy) as u32 * costs.step
    };
    let state_of = |x: i32, y: i32, d: Dir| (local(x, y) * 4 + d.index()) as u32;
    let lowest = from
        .iter()
        .map(|p| p.cost + heuristic(p.cell.0, p.cell.1))
        .min()
        .unwrap_or(0);
    scratch.queue.reset(lowest);
    for p in from.iter().filter(usable) {
        let s = state_of(p.cell.0, p.cell.1, p.dir);
        let g = p.cost;
        let si = s as usize;
        if scratch.stamp[si] != generation || g < scratch.best[si] {
            scratch.stamp[si] = generation;
            scratch.best[si] = g;
            scratch.parent[si] = NO_PARENT;
            scratch.queue.push(g + heuristic(p.cell.0, p.cell.1), g, s);
        }
    }
    let decode = |s: u32| -> (i32, i32, Dir) {
        let cell = (s / 4) as i32;
        (
            wx0 + cell % window_width,
            wy0 + cell / window_width,
            Dir::ALL[(s % 4) as usize],
        )
    };
    while let Some((g, s)) = scratch.queue.pop() {
        let si = s as usize;
        if scratch.best[si] < g {
            continue;
        }
        if *work == 0 {
            return None;
        }
        *work -= 1;
        let (x, y, arrived) = decode(s);
        // Goal: standing on a target port cell, having arrived heading into the object.
        let cell = local(x, y);
        if scratch.goal_stamp[cell] == generation
            && scratch.goal_dirs[cell] & (1 << arrived.index()) != 0
        {
            return Some(walk_back(s, &scratch.parent, &decode));
        }
        let here = grid.bits(x, y);
        let crossing_here = (here & EDGE_HORIZONTAL != 0 && arrived.is_vertical())
            || (here & EDGE_VERTICAL != 0 && !arrived.is_vertical())
            || here & (FRAME_HORIZONTAL | FRAME_VERTICAL) != 0;
        // Never turn where something else already is, nor in the first cell: it holds a
        // tee stem or an arrowhead.
        let may_turn = !crossing_here
            && here & (EDGE_HORIZONTAL | EDGE_VERTICAL | EDGE_FIXED) == 0
            && scratch.parent[si] != NO_PARENT;
        for d in Dir::ALL {
            if d == arrived.opposite() {
                continue;
            }
            let bend = d != arrived;
            if bend && !may_turn {
                continue;
            }
            let (dx, dy) = d.delta();
            let (nx, ny) = (x + dx, y + dy);
            if !inside(nx, ny) {
                continue;
            }
            // Running along this direction, across it, and the frame line that may only
            // be crossed at a right angle, never followed.
            let (along, across, frame_along) = if d.is_vertical() {
                (EDGE_VERTICAL, EDGE_HORIZONTAL, FRAME_VERTICAL)
            } else {
                (EDGE_HORIZONTAL, EDGE_VERTICAL, FRAME_HORIZONTAL)
            };
            let next = grid.bits(nx, ny);
            if next & (BLOCKED | EDGE_FIXED | frame_along) != 0 {
                continue;
            }
            let is_target = scratch.goal_stamp[local(nx, ny)] == generation;
            let mut step = costs.step;
            if bend {
                step += costs.bend;
            }
            if next & HALO != 0 && !is_target {
                step += costs.halo;
            }
            if next & along != 0 {
                match costs.overlap {
                    Some(c) => step += c,
                    None => continue,
                }
            } else if next & across != 0 {
                step += costs.cross;
            }
            if next & (FRAME_HORIZONTAL | FRAME_VERTICAL) != 0 {
                step += costs.frame;
            }
            let ns = state_of(nx, ny, d);
            let ng = g + step;
            let nsi = ns as usize;
            if scratch.stamp[nsi] != generation || ng < scratch.best[nsi] {
                scratch.stamp[nsi] = generation;
                scratch.best[nsi] = ng;
                scratch.parent[nsi] = s;
                scratch.queue.push(ng + heuristic(nx, ny), ng, ns);
            }
        }
    }
    None
}

fn walk_back(
    mut s: u32,
    parent: &[u32],
    decode: &impl Fn(u32) -> (i32, i32, Dir),
) -> Vec<(i32, i32)> {
    let mut cells = Vec::new();
    loop {
        let (x, y, _) = decode(s);
        cells.push((x, y));
        let p = parent[s as usize];
        if p == NO_PARENT {
            break;
        }
        s = p;
    }
    cells.reverse();
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::grid::CellRect;

    /// A path from a port at `from` to a port at `to`, each with its direction.
    fn search(
        grid: &Grid,
        from: ((i32, i32), Dir),
        to: ((i32, i32), Dir),
        corridor: Option<&Corridor>,
    ) -> Option<Vec<(i32, i32)>> {
        let port = |(cell, dir)| Port { cell, dir, cost: 0 };
        find_path(
            grid,
            &[port(from)],
            &[port(to)],
            &Costs::default(),
            corridor,
            &mut Scratch::default(),
            &mut 100_000,
        )
    }

    fn obstacle(grid: &mut Grid) {
        let r = CellRect {
            x0: 3,
            y0: 3,
            x1: 5,
            y1: 5,
        };
        grid.block(r, false);
    }

    #[test]
    fn goes_around_an_obstacle() {
        let mut grid = Grid::new(9, 9);
        obstacle(&mut grid);
        let path =
            search(&grid, ((4, 1), Dir::South), ((4, 7), Dir::North), None).expect("a path exists");
        assert_eq!(path.first(), Some(&(4, 1)));
        assert_eq!(path.last(), Some(&(4, 7)));
        assert!(path.iter().all(|&(x, y)| !grid.get(x, y).blocked));
        // The last step heads into the target (straight arrival).
        let n = path.len();
        assert_eq!(path[n - 2], (4, 6));
    }

    #[test]
    fn never_runs_along_another_edge() {
        let mut grid = Grid::new(7, 5);
        grid.occupy(&[(0, 2), (1, 2), (2, 2), (3, 2), (4, 2), (5, 2), (6, 2)]);
        let path =
            search(&grid, ((0, 1), Dir::East), ((6, 1), Dir::West), None).expect("a path exists");
        assert!(path.iter().all(|&(_, y)| y != 2));
    }

    #[test]
    fn stays_inside_its_corridor() {
        let mut grid = Grid::new(9, 9);
        obstacle(&mut grid);
        let (from, to) = (((4, 1), Dir::South), ((4, 7), Dir::North));
        // A corridor straight down the middle, too narrow to go around the obstacle.
        let column = |x0, x1| CellRect {
            x0,
            y0: 0,
            x1,
            y1: 8,
        };
        let narrow = Corridor::through(&[column(4, 4), column(4, 4)], true, 0);
        assert_eq!(search(&grid, from, to, Some(&narrow)), None);
        // Wide enough on one side: the path stays in it.
        let right = Corridor::through(&[column(4, 6), column(4, 6)], true, 0);
        let path = search(&grid, from, to, Some(&right)).expect("a path in the corridor");
        assert!(path.iter().all(|&(x, _)| (4..=6).contains(&x)));
    }
}
