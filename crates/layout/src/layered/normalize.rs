//! Normalisation: every edge becomes a chain of unit-length segments.
//!
//! A link spanning several ranks gets a dummy node on each rank in between, so that
//! ordering and positioning see it; a labelled link puts its label on the middle rank as
//! a node the size of the label, so that the label gets room of its own.

use super::{LayeredGraph, Spacing};

/// What a node of the layered graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// One of the input items.
    Item(usize),
    /// A bend point of link `usize`.
    Dummy(usize),
    /// The label of link `usize`.
    Label(usize),
}

/// A node of the layered graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerNode {
    pub rank: usize,
    pub across: f64,
    pub along: f64,
    pub kind: NodeKind,
    /// Ordered after every node that is not, in every rank ([`super::Item::aside`]); a
    /// link's dummies and label stand aside when either of its items does.
    pub aside: bool,
}

/// The path a link takes through the ranks.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    /// Layered-graph nodes in flow order (first rank first), both end items included.
    pub nodes: Vec<usize>,
    /// True when the link was reversed to break a cycle: then `nodes` runs from its
    /// target to its source.
    pub reversed: bool,
    /// The label node, if the link has a label.
    pub label: Option<usize>,
    /// Where the link meets its first and last node, across, relative to their centres.
    pub offsets: (f64, f64),
}

/// The proper layered graph: every segment joins adjacent ranks.
#[derive(Debug, Clone, Default)]
pub struct LayerGraph {
    pub nodes: Vec<LayerNode>,
    /// Segments `(upper, lower, weight)`.
    pub segments: Vec<(usize, usize, f64)>,
    /// Per segment: where it meets its upper and lower node, across, relative to their
    /// centres (non-zero only where a link meets an item at an offset).
    pub offsets: Vec<(f64, f64)>,
    /// Per input link; `None` for self-loops.
    pub chains: Vec<Option<Chain>>,
    /// Nodes of each rank, in order across.
    pub layers: Vec<Vec<usize>>,
}

/// How much a back edge weighs against a forward one in graphics. Slightly less, so that
/// where a node is pulled equally by the flow and by an edge looping back, the flow wins
/// and runs straight: without it the node settles halfway, and both links jog. Text art
/// keeps them equal: a jog there is one cell, and the straighter flow cost it crossings
/// (14 more `┼` over the bench charts, examples and construct files).
const BACK: f64 = 0.9;

/// Builds the layered graph from ranked items.
pub fn normalize(
    graph: &LayeredGraph,
    reversed: &[bool],
    ranks: &[usize],
    spacing: &Spacing,
) -> LayerGraph {
    let mut g = LayerGraph {
        nodes: graph
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| LayerNode {
                rank: ranks[i],
                across: item.across,
                along: item.along,
                kind: NodeKind::Item(i),
                aside: item.aside,
            })
            .collect(),
        ..LayerGraph::default()
    };
    for (li, link) in graph.links.iter().enumerate() {
        if link.from == link.to {
            g.chains.push(None);
            continue;
        }
        let (top, bottom, top_offset, bottom_offset) = if reversed[li] {
            (link.to, link.from, link.to_offset, link.from_offset)
        } else {
            (link.from, link.to, link.from_offset, link.to_offset)
        };
        let (r0, r1) = (ranks[top], ranks[bottom]);
        let label_rank = link.label.map(|_| r0 + (r1 - r0) / 2);
        let aside = graph.items[top].aside || graph.items[bottom].aside;
        let mut nodes = vec![top];
        let mut label = None;
        for r in r0 + 1..r1 {
            let (kind, across, along) = match (label_rank, link.label) {
                (Some(lr), Some((w, h))) if lr == r => (NodeKind::Label(li), w, h),
                _ => (NodeKind::Dummy(li), spacing.dummy_across, 0.0),
            };
            let id = g.nodes.len();
            g.nodes.push(LayerNode {
                rank: r,
                across,
                along,
                kind,
                aside,
            });
            if matches!(kind, NodeKind::Label(_)) {
                label = Some(id);
            }
            nodes.push(id);
        }
        nodes.push(bottom);
        let last = nodes.len() - 2;
        let back_weight = if reversed[li] && !spacing.integral {
            BACK
        } else {
            1.0
        };
        for (i, pair) in nodes.windows(2).enumerate() {
            // Dummy-to-dummy segments weigh most so long edges run straight (as in dot), and
            // node-to-node ones more than where a long edge leaves a node, so that chains of
            // nodes stay straight while long edges step aside.
            let inner = pair.iter().filter(|&&n| n >= graph.items.len()).count();
            let weight = link.weight * [4.0, 1.0, 16.0][inner] * back_weight;
            g.segments.push((pair[0], pair[1], weight));
            g.offsets.push((
                if i == 0 { top_offset } else { 0.0 },
                if i == last { bottom_offset } else { 0.0 },
            ));
        }
        g.chains.push(Some(Chain {
            nodes,
            reversed: reversed[li],
            label,
            offsets: (top_offset, bottom_offset),
        }));
    }
    let rank_count = g.nodes.iter().map(|n| n.rank + 1).max().unwrap_or(0);
    g.layers = vec![Vec::new(); rank_count];
    for (i, n) in g.nodes.iter().enumerate() {
        g.layers[n.rank].push(i);
    }
    g
}
