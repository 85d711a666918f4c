//! Orthogonal edge routing on a grid.
//!
//! In: a [`Grid`] with the obstacles marked (node boxes, labels, cluster frames and
//! titles) and, for each edge, the [`Port`]s it may leave and enter by. Out: for each
//! edge, the cells it runs through. Edges are routed one at a time with A*; each routed
//! edge then occupies its cells, so the next one may cross it only at a right angle and
//! never runs along it. Text art uses one grid cell per character cell; graphics use a
//! coarser pitch in pixels.

mod corridor;
mod grid;
mod queue;
mod search;

pub use corridor::Corridor;
pub use grid::{CellRect, CellUse, Dir, Grid};
pub use search::{Costs, Port, Scratch, find_path};
