//! The routing grid: what each cell holds.

/// A direction of travel on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dir {
    North,
    East,
    South,
    West,
}

impl Dir {
    pub const ALL: [Dir; 4] = [Dir::North, Dir::East, Dir::South, Dir::West];

    pub fn delta(self) -> (i32, i32) {
        match self {
            Dir::North => (0, -1),
            Dir::East => (1, 0),
            Dir::South => (0, 1),
            Dir::West => (-1, 0),
        }
    }

    pub fn opposite(self) -> Dir {
        match self {
            Dir::North => Dir::South,
            Dir::East => Dir::West,
            Dir::South => Dir::North,
            Dir::West => Dir::East,
        }
    }

    pub fn is_vertical(self) -> bool {
        matches!(self, Dir::North | Dir::South)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What occupies a cell, as far as routing is concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CellUse {
    /// A node, a label or a title: never enter.
    pub blocked: bool,
    /// Next to a node: allowed, but discouraged so edges don't hug boxes.
    pub halo: bool,
    /// A cluster frame line running horizontally (true) or vertically: cross only at a
    /// right angle.
    pub frame_horizontal: bool,
    pub frame_vertical: bool,
    /// An edge runs through horizontally / vertically.
    pub edge_horizontal: bool,
    pub edge_vertical: bool,
    /// An edge turns or ends here: nothing else may use the cell.
    pub edge_fixed: bool,
}

impl CellUse {
    /// The bits of a packed cell ([`Grid::row`]), one per field, for the search.
    pub const BLOCKED: u8 = 1;
    pub const HALO: u8 = 1 << 1;
    pub const FRAME_HORIZONTAL: u8 = 1 << 2;
    pub const FRAME_VERTICAL: u8 = 1 << 3;
    pub const EDGE_HORIZONTAL: u8 = 1 << 4;
    pub const EDGE_VERTICAL: u8 = 1 << 5;
    pub const EDGE_FIXED: u8 = 1 << 6;

    /// The cell packed into one byte, as the grid stores it: a big chart's grid has
    /// millions of cells.
    fn to_bits(self) -> u8 {
        [
            (self.blocked, Self::BLOCKED),
            (self.halo, Self::HALO),
            (self.frame_horizontal, Self::FRAME_HORIZONTAL),
            (self.frame_vertical, Self::FRAME_VERTICAL),
            (self.edge_horizontal, Self::EDGE_HORIZONTAL),
            (self.edge_vertical, Self::EDGE_VERTICAL),
            (self.edge_fixed, Self::EDGE_FIXED),
        ]
        .iter()
        .fold(0, |bits, &(on, bit)| if on { bits | bit } else { bits })
    }

    fn from_bits(bits: u8) -> CellUse {
        let on = |bit: u8| bits & bit != 0;
        CellUse {
            blocked: on(Self::BLOCKED),
            halo: on(Self::HALO),
            frame_horizontal: on(Self::FRAME_HORIZONTAL),
            frame_vertical: on(Self::FRAME_VERTICAL),
            edge_horizontal: on(Self::EDGE_HORIZONTAL),
            edge_vertical: on(Self::EDGE_VERTICAL),
            edge_fixed: on(Self::EDGE_FIXED),
        }
    }
}

/// A rectangle of cells, inclusive of both corners.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

/// The grid: `width × height` cells.
#[derive(Debug, Clone)]
pub struct Grid {
    pub width: i32,
    pub height: i32,
    cells: Vec<u8>,
}

impl Grid {
    pub fn new(width: i32, height: i32) -> Self {
        let (width, height) = (width.max(1), height.max(1));
        Grid {
            width,
            height,
            cells: vec![0; (width * height) as usize],
        }
    }

    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= 0 && y >= 0 && x < self.width && y < self.height
    }

    pub fn index(&self, x: i32, y: i32) -> usize {
        (y * self.width + x) as usize
    }

    /// The packed cells of row `y` from `x0` to `x1` inclusive, all inside the grid.
    pub fn row(&self, y: i32, x0: i32, x1: i32) -> &[u8] {
        &self.cells[self.index(x0, y)..=self.index(x1, y)]
    }

    pub fn get(&self, x: i32, y: i32) -> CellUse {
        if self.contains(x, y) {
            CellUse::from_bits(self.cells[self.index(x, y)])
        } else {
            CellUse {
                blocked: true,
                ..CellUse::default()
            }
        }
    }

    /// Changes a cell (nothing outside the grid).
    pub fn update(&mut self, x: i32, y: i32, change: impl FnOnce(&mut CellUse)) {
        if self.contains(x, y) {
            let i = self.index(x, y);
            let mut cell = CellUse::from_bits(self.cells[i]);
            change(&mut cell);
            self.cells[i] = cell.to_bits();
        }
    }

    /// Blocks a rectangle and marks the ring around it as halo.
    pub fn block(&mut self, r: CellRect, halo: bool) {
        for y in r.y0 - 1..=r.y1 + 1 {
            for x in r.x0 - 1..=r.x1 + 1 {
                let inside = x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
                self.update(x, y, |c| {
                    if inside {
                        c.blocked = true;
                    } else if halo {
                        c.halo = true;
                    }
                });
            }
        }
    }

    /// Marks a cluster frame's outline as crossable only at right angles; with `halo`,
    /// the rings of cells just outside and inside it are discouraged too, so that edges
    /// keep a little away from the frame instead of running along it.
    pub fn frame(&mut self, r: CellRect, halo: bool) {
        if halo {
            for ring in [-1, 1] {
                let (x0, y0, x1, y1) = (r.x0 - ring, r.y0 - ring, r.x1 + ring, r.y1 + ring);
                for x in x0..=x1 {
                    self.update(x, y0, |c| c.halo = true);
                    self.update(x, y1, |c| c.halo = true);
                }
                for y in y0..=y1 {
                    self.update(x0, y, |c| c.halo = true);
                    self.update(x1, y, |c| c.halo = true);
                }
            }
        }
        for x in r.x0..=r.x1 {
            for y in [r.y0, r.y1] {
                self.update(x, y, |c| c.frame_horizontal = true);
            }
        }
        for y in r.y0..=r.y1 {
            for x in [r.x0, r.x1] {
                self.update(x, y, |c| c.frame_vertical = true);
            }
        }
    }

    /// Records a routed path (consecutive cells one step apart) so later edges avoid it.
    pub fn occupy(&mut self, path: &[(i32, i32)]) {
        for (i, &(x, y)) in path.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| path[j]);
            let next = path.get(i + 1).copied();
            let horizontal = |a: Option<(i32, i32)>| a.is_some_and(|(ax, _)| ax != x);
            let vertical = |a: Option<(i32, i32)>| a.is_some_and(|(_, ay)| ay != y);
            let straight_h = horizontal(prev) && horizontal(next);
            let straight_v = vertical(prev) && vertical(next);
            self.update(x, y, |c| {
                if straight_h {
                    c.edge_horizontal = true;
                } else if straight_v {
                    c.edge_vertical = true;
                } else {
                    c.edge_fixed = true;
                }
            });
        }
    }
}
