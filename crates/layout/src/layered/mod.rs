//! The layered (Sugiyama) engine, one phase per file.
//!
//! In: a [`LayeredGraph`] — boxes with sizes across and along the flow, and directed
//! edges with minimum lengths. Out: a [`Placement`] — every box's rank, its order within
//! the rank and its coordinates, plus the dummy chains that long edges follow.
//!
//! The graph is direction-free: "along" is the flow axis (down in TB), "across" the
//! other one. The caller rotates the result.

mod acyclic;
mod normalize;
mod order;
mod outside;
mod position;
mod rank;
mod simplex;

pub use acyclic::{reversed_edges, reversed_links};
pub use normalize::{Chain, LayerGraph, LayerNode, NodeKind, normalize};
pub use order::{count_crossings, order};
pub use position::{Spacing, assign_across, assign_along};
pub use rank::{longest_path, rank};

/// A box to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Size across the flow (width in TB).
    pub across: f64,
    /// Size along the flow (height in TB).
    pub along: f64,
    /// Ordered after every item that is not aside, in every rank, with the dummies and
    /// labels of its links: a subgraph's guests, which will be moved past its frame.
    pub aside: bool,
}

/// An edge to respect when ranking and ordering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    /// Minimum rank distance (0 allows the same rank, for flat edges).
    pub min_len: u32,
    /// How strongly the edge wants to be short and straight.
    pub weight: f64,
    /// Size of the label box (across, along), which gets a rank of its own.
    pub label: Option<(f64, f64)>,
    /// Where the link really starts and ends across the flow, relative to the centres of
    /// its items: a link into a subgraph ends at a node inside it, not at its middle.
    pub from_offset: f64,
    pub to_offset: f64,
}

/// A link from an item to a node outside the graph: a subgraph member's to a node beyond
/// its frame. Ordering alone sees it (see [`outside`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outside {
    pub item: usize,
    /// Which outside node: links to one are ordered as links to one node.
    pub target: usize,
    /// Whether the outside node is downstream (past the last rank), else upstream.
    pub downstream: bool,
    /// Where the link meets the item across, relative to its centre.
    pub offset: f64,
    /// Where it meets the outside node across, relative to its centre (a subgraph laid
    /// out already, at the member it is written to), or 0.
    pub target_offset: f64,
}

/// The input of the layered engine.
#[derive(Debug, Clone, Default)]
pub struct LayeredGraph {
    pub items: Vec<Item>,
    pub links: Vec<Link>,
    pub outside: Vec<Outside>,
}

/// Where everything went.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Centre of each item and each dummy, across the flow (indexed like [`LayerGraph::nodes`]).
    pub across: Vec<f64>,
    /// Start (top in TB) of each rank along the flow.
    pub rank_start: Vec<f64>,
    /// Thickness of each rank along the flow.
    pub rank_size: Vec<f64>,
    pub layers: LayerGraph,
    /// Total size (across, along).
    pub size: (f64, f64),
}

impl Placement {
    /// The box of node `n` as (across start, along start, across size, along size),
    /// centred in its rank.
    pub fn rect(&self, n: usize) -> (f64, f64, f64, f64) {
        let node = &self.layers.nodes[n];
        let r = node.rank;
        let along = self.rank_start[r] + (self.rank_size[r] - node.along) / 2.0;
        (
            self.across[n] - node.across / 2.0,
            along,
            node.across,
            node.along,
        )
    }
}

/// Runs every phase.
pub fn place(graph: &LayeredGraph, spacing: &Spacing, work: &mut Work) -> Placement {
    let reversed = reversed_edges(graph);
    let ranks = rank(graph, &reversed, work);
    let mut layers = normalize(graph, &reversed, &ranks, spacing);
    outside::order_with_outside(&mut layers, &graph.outside, work);
    let across = assign_across(&layers, spacing, work);
    let (rank_start, rank_size, along_total) = assign_along(&layers, &across, spacing);
    let across_total = layers
        .nodes
        .iter()
        .zip(&across)
        .map(|(n, c)| c + n.across / 2.0)
        .fold(0.0, f64::max);
    Placement {
        across,
        rank_start,
        rank_size,
        layers,
        size: (across_total, along_total),
    }
}

/// A budget of abstract work units, so that iteration caps are the same on every machine.
#[derive(Debug, Clone)]
pub struct Work {
    pub remaining: u64,
}

impl Work {
    pub fn new(budget: u64) -> Self {
        Work { remaining: budget }
    }

    /// Spends `units`; false when the budget is gone (callers then stop improving).
    pub fn spend(&mut self, units: u64) -> bool {
        if self.remaining < units {
            self.remaining = 0;
            false
        } else {
            self.remaining -= units;
            true
        }
    }
}
