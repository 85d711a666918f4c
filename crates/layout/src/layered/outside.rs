//! Links beyond the graph: a subgraph is laid out as a graph of its own, before the chart
//! around it, but its members' links to nodes outside its frame decide where they are
//! best placed. Two members linked to one database belong side by side, so that their
//! links leave the frame together instead of crossing a third member's.
//!
//! In: the layered graph and its [`Outside`] links. Out: the order of every rank, as
//! [`order`] gives it for the graph with each outside node added on a rank of its own —
//! past the last rank when downstream, before the first when upstream — and each link
//! drawn to it through the ranks between. Nothing of them is left afterwards: ranks and
//! coordinates are the graph's own.
//!
//! Where the outside nodes will stand is decided later, by the scope around, so they are
//! free to take any order. A subgraph laid out before this one is one outside node, and
//! links to its members meet it where they stand in it: members linked from the first of
//! two pods come before those linked from the second. (Kept in the order the chart names
//! them, outside nodes on different ranks of the scope around were held in an order that
//! scope never had.)

use super::normalize::{LayerNode, NodeKind};
use super::order::order;
use super::{LayerGraph, Outside, Work};

/// Orders `g.layers` in place, seeing the `outside` links.
pub fn order_with_outside(g: &mut LayerGraph, outside: &[Outside], work: &mut Work) {
    if outside.is_empty() {
        order(g, work);
        return;
    }
    let mut seen = g.clone();
    let real = g.nodes.len();
    let upstream = outside.iter().any(|o| !o.downstream);
    if upstream {
        // A rank before the first for the upstream nodes.
        for node in &mut seen.nodes {
            node.rank += 1;
        }
        seen.layers.insert(0, Vec::new());
    }
    let last = seen.layers.len();
    if outside.iter().any(|o| o.downstream) {
        seen.layers.push(Vec::new());
    }
    // One node per outside node and side, wide enough that every link meets it.
    let mut keys: Vec<(bool, usize)> = outside.iter().map(|o| (o.downstream, o.target)).collect();
    keys.sort_unstable();
    keys.dedup();
    let first = seen.nodes.len();
    for &(downstream, _) in &keys {
        add_node(&mut seen, if downstream { last } else { 0 });
    }
    for o in outside {
        let target = first + keys.partition_point(|&k| k < (o.downstream, o.target));
        let across = &mut seen.nodes[target].across;
        *across = across.max(2.0 * o.target_offset.abs() + 1.0);
        let item = seen.nodes[o.item];
        // Through every rank between, a dummy, standing aside with its item.
        let mut chain = vec![o.item];
        let ranks: Vec<usize> = if o.downstream {
            (item.rank + 1..last).collect()
        } else {
            (1..item.rank).rev().collect()
        };
        for r in ranks {
            let v = add_node(&mut seen, r);
            seen.nodes[v].aside = item.aside;
            chain.push(v);
        }
        chain.push(target);
        let last_pair = chain.len() - 2;
        for (i, pair) in chain.windows(2).enumerate() {
            let at_item = if i == 0 { o.offset } else { 0.0 };
            let at_target = if i == last_pair { o.target_offset } else { 0.0 };
            let (upper, lower, offsets) = if o.downstream {
                (pair[0], pair[1], (at_item, at_target))
            } else {
                (pair[1], pair[0], (at_target, at_item))
            };
            seen.segments.push((upper, lower, 1.0));
            seen.offsets.push(offsets);
        }
    }
    order(&mut seen, work);
    let mut layers = seen.layers;
    if outside.iter().any(|o| o.downstream) {
        layers.pop();
    }
    if upstream {
        layers.remove(0);
    }
    for layer in &mut layers {
        layer.retain(|&v| v < real);
    }
    g.layers = layers;
}

/// Adds a node on rank `r` of `g` and returns it; it stands for nothing in the graph.
fn add_node(g: &mut LayerGraph, r: usize) -> usize {
    let v = g.nodes.len();
    g.nodes.push(LayerNode {
        rank: r,
        across: 0.0,
        along: 0.0,
        kind: NodeKind::Dummy(usize::MAX),
        aside: false,
    });
    g.layers[r].push(v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layered::{Item, LayeredGraph, Link, Spacing, place};

    /// A hub over three items, the first and the third linked to one node beyond the
    /// graph and the second to another: the two go side by side, and the order keeps
    /// the graph's own nodes and ranks only.
    #[test]
    fn items_linked_to_one_outside_node_stand_side_by_side() {
        for downstream in [true, false] {
            let item = Item {
                across: 10.0,
                along: 10.0,
                aside: false,
            };
            let link = |from, to| Link {
                from,
                to,
                min_len: 1,
                weight: 1.0,
                label: None,
                from_offset: 0.0,
                to_offset: 0.0,
            };
            let outside = |item, target| Outside {
                item,
                target,
                downstream,
                offset: 0.0,
                target_offset: 0.0,
            };
            let graph = LayeredGraph {
                items: vec![item; 4],
                links: vec![link(0, 1), link(0, 2), link(0, 3)],
                outside: vec![outside(1, 7), outside(2, 8), outside(3, 7)],
            };
            let spacing = Spacing {
                node_sep: 5.0,
                dummy_sep: 2.0,
                dummy_across: 1.0,
                rank_sep: 5.0,
                track_sep: 0.0,
                max_tracks: 0,
                integral: false,
            };
            let placed = place(&graph, &spacing, &mut Work::new(1_000_000));
            let layers = &placed.layers.layers;
            assert_eq!(layers.len(), 2, "{layers:?}");
            assert_eq!(layers[0], vec![0]);
            let at = |v: usize| layers[1].iter().position(|&w| w == v).expect("placed");
            assert_eq!(at(1).abs_diff(at(3)), 1, "{downstream}: {layers:?}");
        }
    }
}
