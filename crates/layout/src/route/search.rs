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
    /// Per cell of a subgraph's frame crossed. The frames an edge must cross to reach its
    /// ends cost the same on every path, so this only weighs passing through a subgraph
    /// that holds neither end: twice, against a detour of up to 40 steps round it.
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
            frame: 40,
            overlap: None,
        }
    }
}

/// Reusable search memory, covering only the search window (so a local search on a
/// big chart needs little of it): generation stamps avoid clearing it between searches.
#[derive(Debug, Default)]
pub struct Scratch {
    generation: u16,
    /// The window's cells, copied from the grid with a border of blocked cells around
    /// it and every cell outside the corridor blocked: a step is then one index
    /// addition and one lookup, never a bounds or corridor test. Target cells carry
    /// [`GOAL`].
    cells: Vec<u8>,
    /// Per state (cell × direction of arrival).
    records: Vec<Record>,
    /// The target cells, each with the directions it may be entered in (a bit set of
    /// `Dir::index`).
    goals: Vec<(usize, u8)>,
    queue: BucketQueue,
}

/// What the search knows of a state; only meaningful when `stamp` is the current
/// generation. Eight bytes, so that one cache line answers everything about a state.
#[derive(Debug, Clone, Copy, Default)]
struct Record {
    /// The cheapest cost found to reach it.
    best: u32,
    stamp: u16,
    /// The direction the previous cell was entered in (its state is one step back
    /// along this state's own direction), or [`START`].
    parent: u8,
}

/// `Record::parent` of a state a path starts in.
const START: u8 = u8::MAX;

/// Marks a target cell in the window copy (a bit the grid does not use).
const GOAL: u8 = 1 << 7;

const BLOCKED: u8 = CellUse::BLOCKED;
const HALO: u8 = CellUse::HALO;
const FRAME_HORIZONTAL: u8 = CellUse::FRAME_HORIZONTAL;
const FRAME_VERTICAL: u8 = CellUse::FRAME_VERTICAL;
const EDGE_HORIZONTAL: u8 = CellUse::EDGE_HORIZONTAL;
const EDGE_VERTICAL: u8 = CellUse::EDGE_VERTICAL;
const EDGE_FIXED: u8 = CellUse::EDGE_FIXED;

/// The searched cells: a window of the grid, one blocked cell wider on every side.
struct Window {
    /// Grid coordinates of the padded window's first cell.
    x0: i32,
    y0: i32,
    /// Cells per row of the padded window.
    width: usize,
}

impl Window {
    fn index(&self, x: i32, y: i32) -> usize {
        (y - self.y0) as usize * self.width + (x - self.x0) as usize
    }

    fn cell(&self, index: usize) -> (i32, i32) {
        (
            self.x0 + (index % self.width) as i32,
            self.y0 + (index / self.width) as i32,
        )
    }

    /// How far the index moves for one step in `d`.
    fn step(&self, d: Dir) -> isize {
        match d {
            Dir::North => -(self.width as isize),
            Dir::East => 1,
            Dir::South => self.width as isize,
            Dir::West => -1,
        }
    }
}

/// Copies the grid cells of the window `(x0, y0, x1, y1)` (inside the grid) into
/// `cells`, blocking the border and whatever the corridor leaves out.
fn load(
    cells: &mut Vec<u8>,
    grid: &Grid,
    corridor: Option<&Corridor>,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
) -> Window {
    let window = Window {
        x0: x0 - 1,
        y0: y0 - 1,
        width: (x1 - x0 + 3) as usize,
    };
    cells.clear();
    cells.resize(window.width * (y1 - y0 + 3) as usize, BLOCKED);
    let mut copy = |y: i32, from: i32, to: i32| {
        let (from, to) = (from.max(x0), to.min(x1));
        if from <= to {
            let at = window.index(from, y);
            cells[at..=at + (to - from) as usize].copy_from_slice(grid.row(y, from, to));
        }
    };
    match corridor {
        None => (y0..=y1).for_each(|y| copy(y, x0, x1)),
        Some(c) if c.is_vertical() => {
            for (y, lo, hi) in c.spans().filter(|&(y, _, _)| y >= y0 && y <= y1) {
                copy(y, lo, hi);
            }
        }
        Some(c) => {
            for (x, lo, hi) in c.spans().filter(|&(x, _, _)| x >= x0 && x <= x1) {
                for y in lo.max(y0)..=hi.min(y1) {
                    copy(y, x, x);
                }
            }
        }
    }
    window
}

/// The cheapest path from one of `from` to one of `to`: the cells from the start port's
/// cell to the end port's cell inclusive, and what it costs. `work` counts expanded
/// states; the search gives up (None) when it runs out. With a `corridor`, only its cells
/// (within `costs.window`, if that is set too) are searched.
pub fn find_path(
    grid: &Grid,
    from: &[Port],
    to: &[Port],
    costs: &Costs,
    corridor: Option<&Corridor>,
    scratch: &mut Scratch,
    work: &mut u64,
) -> Option<(Vec<(i32, i32)>, u32)> {
    // The searched window, within the grid and the corridor's bounds.
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
    let window = load(&mut scratch.cells, grid, corridor, (wx0, wy0, wx1, wy1));
    let states = scratch.cells.len() * 4;
    if scratch.records.len() < states {
        // Grown in place: the records kept carry older generations, so they read as
        // unvisited, and only the new pages are touched.
        scratch.records.resize(states, Record::default());
    }
    scratch.generation = scratch.generation.wrapping_add(1);
    if scratch.generation == 0 {
        scratch.records.fill(Record::default());
        scratch.generation = 1;
    }
    let generation = scratch.generation;
    // A port is usable when it is in the window and the corridor, free and unused.
    let usable = |cells: &[u8], p: &Port| {
        let (x, y) = p.cell;
        x >= wx0
            && x <= wx1
            && y >= wy0
            && y <= wy1
            && cells[window.index(x, y)] & (BLOCKED | EDGE_HORIZONTAL | EDGE_VERTICAL | EDGE_FIXED)
                == 0
    };
    let targets: Vec<Port> = to
        .iter()
        .filter(|p| usable(&scratch.cells, p))
        .copied()
        .collect();
    if targets.is_empty() {
        return None;
    }
    let cells = &mut scratch.cells;
    scratch.goals.clear();
    for t in &targets {
        let i = window.index(t.cell.0, t.cell.1);
        cells[i] |= GOAL;
        let arrive = 1 << t.dir.opposite().index();
        match scratch.goals.iter_mut().find(|(cell, _)| *cell == i) {
            Some((_, dirs)) => *dirs |= arrive,
            None => scratch.goals.push((i, arrive)),
        }
    }
    let cells = &scratch.cells;
    let records = &mut scratch.records;
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
    // When every target is entered heading the same way, a path heading elsewhere still
    // has to turn once, or twice when heading the opposite way.
    let arrival = targets[0].dir.opposite();
    let arrival = targets
        .iter()
        .all(|t| t.dir.opposite() == arrival)
        .then_some(arrival);
    // A lower bound on the cost still to pay: the steps to the targets' box, and the
    // bends no path from here avoids. Counting bends keeps the search from widening
    // into every staircase between the ends, which all have the same length.
    let heuristic = |x: i32, y: i32, heading: Dir| -> u32 {
        let dx = (tx0 - x).max(0) + (x - tx1).max(0);
        let dy = (ty0 - y).max(0) + (y - ty1).max(0);
        // Whether part of the box lies ahead, and whether it is straight ahead.
        let (ahead, in_line) = match heading {
            Dir::East => (tx1 >= x, ty0 <= y && y <= ty1),
            Dir::West => (tx0 <= x, ty0 <= y && y <= ty1),
            Dir::South => (ty1 >= y, tx0 <= x && x <= tx1),
            Dir::North => (ty0 <= y, tx0 <= x && x <= tx1),
        };
        let to_box = match (ahead, in_line) {
            (true, true) => 0,
            (true, false) => 1,
            (false, _) => 2,
        };
        let to_arrive = match arrival {
            Some(a) if a == heading => 0,
            Some(a) if a == heading.opposite() => 2,
            Some(_) => 1,
            None => 0,
        };
        (dx + dy) as u32 * costs.step + to_box.max(to_arrive) * costs.bend
    };
    // The queue must hold every priority between the lowest waiting one and the highest
    // a step can add: the dearest step (a bend that crosses or overlaps into a halo on a
    // frame), plus the most the heuristic can grow in one step (a cell and two bends).
    let starts = from
        .iter()
        .map(|p| p.cost + heuristic(p.cell.0, p.cell.1, p.dir));
    let lowest = starts.clone().min().unwrap_or(0);
    let highest = starts.max().unwrap_or(0);
    let dearest_step = 2 * costs.step
        + 3 * costs.bend
        + costs.halo
        + costs.frame
        + costs.cross.max(costs.overlap.unwrap_or(0));
    scratch
        .queue
        .reset(lowest, dearest_step.max(highest - lowest));
    for p in from.iter().filter(|p| usable(cells, p)) {
        let s = (window.index(p.cell.0, p.cell.1) * 4 + p.dir.index()) as u32;
        let g = p.cost;
        let r = &mut records[s as usize];
        if r.stamp != generation || g < r.best {
            *r = Record {
                best: g,
                stamp: generation,
                parent: START,
            };
            scratch
                .queue
                .push(g + heuristic(p.cell.0, p.cell.1, p.dir), g, s);
        }
    }
    // A path never comes back to where it started: it would cross itself there (the
    // cell holds its tee stem). The start states are queued; their cells are closed.
    let seeded: Vec<usize> = from
        .iter()
        .filter(|p| usable(cells, p))
        .map(|p| window.index(p.cell.0, p.cell.1))
        .collect();
    for i in seeded {
        scratch.cells[i] |= BLOCKED;
    }
    let cells = &scratch.cells;
    let decode = |s: u32| -> (i32, i32, Dir) {
        let (x, y) = window.cell(s as usize / 4);
        (x, y, Dir::ALL[(s % 4) as usize])
    };
    while let Some((g, s)) = scratch.queue.pop() {
        let si = s as usize;
        if records[si].best < g {
            continue;
        }
        if *work == 0 {
            return None;
        }
        *work -= 1;
        let (x, y, arrived) = decode(s);
        // Goal: standing on a target port cell, having arrived heading into the object.
        let cell = si / 4;
        let here = cells[cell];
        if here & GOAL != 0
            && scratch
                .goals
                .iter()
                .any(|&(goal, dirs)| goal == cell && dirs & (1 << arrived.index()) != 0)
        {
            return Some((walk_back(cell, arrived, records, &window), g));
        }
        let crossing_here = (here & EDGE_HORIZONTAL != 0 && arrived.is_vertical())
            || (here & EDGE_VERTICAL != 0 && !arrived.is_vertical())
            || here & (FRAME_HORIZONTAL | FRAME_VERTICAL) != 0;
        // Never turn where something else already is, nor in the first cell: it holds a
        // tee stem or an arrowhead.
        let may_turn = !crossing_here
            && here & (EDGE_HORIZONTAL | EDGE_VERTICAL | EDGE_FIXED) == 0
            && records[si].parent != START;
        for d in Dir::ALL {
            if d == arrived.opposite() {
                continue;
            }
            let bend = d != arrived;
            if bend && !may_turn {
                continue;
            }
            // Running along this direction, across it, and the frame line that may only
            // be crossed at a right angle, never followed.
            let (along, across, frame_along) = if d.is_vertical() {
                (EDGE_VERTICAL, EDGE_HORIZONTAL, FRAME_VERTICAL)
            } else {
                (EDGE_HORIZONTAL, EDGE_VERTICAL, FRAME_HORIZONTAL)
            };
            // The border is blocked, so a step from inside the window stays inside it.
            let next_cell = cell.wrapping_add_signed(window.step(d));
            let next = cells[next_cell];
            if next & (BLOCKED | EDGE_FIXED | frame_along) != 0 {
                continue;
            }
            let is_target = next & GOAL != 0;
            // Nor does it pass through a target cell other than into its object: the
            // arrowhead is drawn there.
            if is_target
                && !scratch
                    .goals
                    .iter()
                    .any(|&(goal, dirs)| goal == next_cell && dirs & (1 << d.index()) != 0)
            {
                continue;
            }
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
            let ns = (next_cell * 4 + d.index()) as u32;
            let ng = g + step;
            let r = &mut records[ns as usize];
            if r.stamp != generation || ng < r.best {
                *r = Record {
                    best: ng,
                    stamp: generation,
                    parent: arrived.index() as u8,
                };
                let (dx, dy) = d.delta();
                scratch
                    .queue
                    .push(ng + heuristic(x + dx, y + dy, d), ng, ns);
            }
        }
    }
    None
}

/// The cells from the start to `cell`, reached heading `arrived`.
fn walk_back(
    mut cell: usize,
    mut arrived: Dir,
    records: &[Record],
    window: &Window,
) -> Vec<(i32, i32)> {
    let mut cells = Vec::new();
    loop {
        cells.push(window.cell(cell));
        let parent = records[cell * 4 + arrived.index()].parent;
        if parent == START {
            break;
        }
        cell = cell.wrapping_add_signed(-window.step(arrived));
        arrived = Dir::ALL[parent as usize];
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
        .map(|(cells, _)| cells)
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

    /// With one row to jog in and no turn in the first cell, the only ways to a target one
    /// column over loop back through the start cell or pass sideways through the target:
    /// both would cross the path itself, so there is no path.
    #[test]
    fn never_crosses_itself() {
        let mut grid = Grid::new(7, 5);
        let row = |y0, y1| CellRect {
            x0: 0,
            y0,
            x1: 6,
            y1,
        };
        grid.block(row(0, 0), false);
        grid.block(row(3, 4), false);
        assert_eq!(
            search(&grid, ((2, 1), Dir::South), ((3, 2), Dir::North), None),
            None
        );
        // Straight below, the target is reached.
        assert_eq!(
            search(&grid, ((3, 1), Dir::South), ((3, 2), Dir::North), None),
            Some(vec![(3, 1), (3, 2)])
        );
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

    #[test]
    fn the_window_copy_holds_exactly_the_corridor() {
        let grid = Grid::new(30, 20);
        let boxes = [
            CellRect {
                x0: 2,
                y0: 1,
                x1: 5,
                y1: 3,
            },
            CellRect {
                x0: 12,
                y0: 8,
                x1: 12,
                y1: 9,
            },
            CellRect {
                x0: 20,
                y0: 14,
                x1: 24,
                y1: 17,
            },
        ];
        for vertical in [true, false] {
            let corridor = Corridor::through(&boxes, vertical, 1);
            let bounds = (1, 0, 28, 19);
            let mut cells = Vec::new();
            let window = load(&mut cells, &grid, Some(&corridor), bounds);
            for y in bounds.1 - 1..=bounds.3 + 1 {
                for x in bounds.0 - 1..=bounds.2 + 1 {
                    let inside = x >= bounds.0 && x <= bounds.2 && y >= bounds.1 && y <= bounds.3;
                    let open = cells[window.index(x, y)] & BLOCKED == 0;
                    assert_eq!(
                        open,
                        inside && corridor.allows(x, y),
                        "({x}, {y}) {vertical}"
                    );
                }
            }
        }
    }
}
