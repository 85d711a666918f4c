//! Global sifting: long edges move as whole blocks.
//!
//! In: ranks in an order and each node's neighbours. Out: the ranks reordered, when that
//! crosses less.
//!
//! Sweeps and sifting move the dummies of a long edge one rank at a time, so a long edge
//! that belongs on the other side of a group of nodes must be dragged across rank by
//! rank, and every step alone adds crossings. Here the dummies of each long edge form
//! one block (every other node is a block of its own), the blocks keep one order across
//! all ranks, and each block in turn tries every place in that order and stays where it
//! crosses least (the global sifting of Bachmaier, Brandenburg, Brunner and Hübner).
//! Swapping two neighbouring blocks changes only the crossings just above and just below
//! the ranks they share, so a block tries every place in time linear in the nodes of its
//! ranks.

use super::{Neighbours, pair_crossings};
use crate::layered::{LayerNode, NodeKind, Work};

/// The blocks: each one's first rank and its nodes, one per rank from there down.
struct Blocks {
    top: Vec<usize>,
    nodes: Vec<Vec<usize>>,
    /// The block of each node.
    of: Vec<usize>,
}

impl Blocks {
    /// Chains of inner nodes (dummies with one neighbour above and one below) form one
    /// block each, cut where they cross another chain, one of each crossing pair (blocks
    /// never cross between their ends, so that one order of blocks fits every rank);
    /// every other node is a block alone.
    fn new(layers: &[Vec<usize>], nb: &Neighbours, nodes: &[LayerNode], pos: &[usize]) -> Self {
        // Dummies and labels of long edges; a label is sifted with its edge.
        let inner = |v: usize| {
            !matches!(nodes[v].kind, NodeKind::Item(_))
                && nb.up(v).len() == 1
                && nb.down(v).len() == 1
        };
        let mut blocks = Blocks {
            top: Vec::new(),
            nodes: Vec::new(),
            of: vec![usize::MAX; nb.len()],
        };
        // Whether each node joins the block of the node above it.
        let mut joins = vec![false; nb.len()];
        let mut inside: Vec<(usize, usize, usize)> = Vec::new();
        let (mut tails, mut previous) = (Vec::new(), Vec::new());
        for layer in layers.iter().skip(1) {
            // The segments inside chains that end on this rank, in the order of their
            // upper ends. Two cross when their lower ends are in the other order, so the
            // most that can stay joined without crossing are a longest run of them with
            // lower ends increasing (patience sorting: `tails[k]` ends the best run of
            // length k + 1 found so far, `previous` links each to the one before it).
            inside.clear();
            inside.extend(layer.iter().filter_map(|&v| {
                let u = *nb.up(v).first()?;
                (inner(v) && inner(u)).then_some((pos[u], pos[v], v))
            }));
            inside.sort_unstable();
            tails.clear();
            previous.clear();
            for (i, &(_, lower, _)) in inside.iter().enumerate() {
                let k = tails.partition_point(|&t: &usize| inside[t].1 < lower);
                previous.push(if k > 0 { tails[k - 1] } else { usize::MAX });
                if k == tails.len() {
                    tails.push(i);
                } else {
                    tails[k] = i;
                }
            }
            let mut i = tails.last().copied().unwrap_or(usize::MAX);
            while i != usize::MAX {
                joins[inside[i].2] = true;
                i = previous[i];
            }
        }
        for (r, layer) in layers.iter().enumerate() {
            for &v in layer {
                let b = if joins[v] {
                    blocks.of[nb.up(v)[0]]
                } else {
                    blocks.top.push(r);
                    blocks.nodes.push(Vec::new());
                    blocks.nodes.len() - 1
                };
                blocks.nodes[b].push(v);
                blocks.of[v] = b;
            }
        }
        blocks
    }

    fn len(&self) -> usize {
        self.top.len()
    }

    fn bottom(&self, b: usize) -> usize {
        self.top[b] + self.nodes[b].len() - 1
    }

    fn node(&self, b: usize, rank: usize) -> usize {
        self.nodes[b][rank - self.top[b]]
    }
}

/// Moves each long edge's block, in turn, to the place where it crosses least, in
/// `layers` and `pos` (each node's place in its rank). Returns the crossings saved.
///
/// One pass: a second saved one crossing on the 1,000-node bench chart. Nodes alone are
/// left to the sifting that follows, which moves them the same way for less.
pub(super) fn sift_blocks(
    layers: &mut [Vec<usize>],
    nb: &Neighbours,
    nodes: &[LayerNode],
    pos: &mut [usize],
    work: &mut Work,
) -> usize {
    let blocks = Blocks::new(layers, nb, nodes, pos);
    let mut sifter = Sifter {
        blocks: &blocks,
        nb,
        next_count: vec![0; blocks.len()],
        stamp: vec![0; blocks.len()],
        now: 0,
        before: Vec::new(),
        after: Vec::new(),
        was: Vec::new(),
        best_slots: Vec::new(),
    };
    let mut saved = 0;
    for b in 0..blocks.len() {
        if blocks.nodes[b].len() == 1 {
            continue;
        }
        // Every node of its ranks is passed once, with a crossing count at each end.
        let cost: usize = layers[blocks.top[b]..=blocks.bottom(b)]
            .iter()
            .map(Vec::len)
            .sum();
        if !work.spend(cost as u64 * 4) {
            break;
        }
        saved += sifter.sift(b, layers, pos);
    }
    saved
}

/// Sifts one block at a time, reusing its bookkeeping.
struct Sifter<'a> {
    blocks: &'a Blocks,
    nb: &'a Neighbours,
    /// On how many of the ranks it shares with the block being sifted each block is
    /// next after it; valid where `stamp` is `now`.
    next_count: Vec<usize>,
    stamp: Vec<u32>,
    now: u32,
    /// Blocks ready to be passed that were before the block being sifted, and after it.
    before: Vec<usize>,
    after: Vec<usize>,
    /// The sifted block's place on each of its ranks before, and at its best.
    was: Vec<usize>,
    best_slots: Vec<usize>,
}

impl Sifter<'_> {
    /// Moves block `a` to the place where it crosses least (its own on a tie) and
    /// returns the crossings that saved.
    ///
    /// `a` goes first to the front of each of its ranks, then past the other blocks
    /// one at a time, in an order that agrees with every rank (a block is passed once
    /// it is next after `a` on every rank they share), counting the change of each
    /// swap. The blocks that were before `a` are passed first, so its own place is one
    /// of those tried.
    fn sift(&mut self, a: usize, layers: &mut [Vec<usize>], pos: &mut [usize]) -> usize {
        let blocks = self.blocks;
        let (top, bottom) = (blocks.top[a], blocks.bottom(a));
        let own = &blocks.nodes[a];
        self.was.clear();
        self.was.extend(own.iter().map(|&v| pos[v]));
        for (k, &v) in own.iter().enumerate() {
            let p = pos[v];
            layers[top + k][..=p].rotate_right(1);
            record_range(&layers[top + k], 0, p + 1, pos);
        }
        self.now += 1;
        for r in top..=bottom {
            self.note_next(a, r, layers, pos);
        }
        let (mut current, mut best, mut at_own): (isize, isize, isize) = (0, 0, 0);
        self.best_slots.clear();
        self.best_slots.resize(own.len(), 0);
        let mut own_seen = self.before.is_empty();
        loop {
            let b = match self.before.pop() {
                Some(b) => b,
                None => {
                    if !own_seen {
                        // Every block that was before `a` is behind it again: this is
                        // where it started.
                        own_seen = true;
                        at_own = current;
                        if current <= best {
                            best = current;
                            self.best_slots.copy_from_slice(&self.was);
                        }
                    }
                    match self.after.pop() {
                        Some(b) => b,
                        None => break,
                    }
                }
            };
            // Only the crossings just above and just below the shared ranks change:
            // between them both blocks run side by side, before and after.
            let (from, to) = (top.max(blocks.top[b]), bottom.min(blocks.bottom(b)));
            let (ua, ub) = (blocks.node(a, from), blocks.node(b, from));
            let (la, lb) = (blocks.node(a, to), blocks.node(b, to));
            let (above_now, above_swapped) = pair_crossings(self.nb.up(ua), self.nb.up(ub), pos);
            let (below_now, below_swapped) =
                pair_crossings(self.nb.down(la), self.nb.down(lb), pos);
            current += (above_swapped + below_swapped) as isize - (above_now + below_now) as isize;
            for (r, layer) in layers.iter_mut().enumerate().take(to + 1).skip(from) {
                let (va, vb) = (blocks.node(a, r), blocks.node(b, r));
                let (pa, pb) = (pos[va], pos[vb]);
                debug_assert_eq!(pa + 1, pb, "blocks out of step with the ranks");
                layer.swap(pa, pb);
                pos[va] = pb;
                pos[vb] = pa;
            }
            for r in from..=to {
                self.note_next(a, r, layers, pos);
            }
            if current < best {
                best = current;
                for (slot, &v) in self.best_slots.iter_mut().zip(own) {
                    *slot = pos[v];
                }
            }
        }
        // To the best place, from the end of each rank.
        for (k, &v) in own.iter().enumerate() {
            let layer = &mut layers[top + k];
            debug_assert_eq!(pos[v] + 1, layer.len(), "a block not passed");
            let (p, q) = (pos[v], self.best_slots[k]);
            layer[q..=p].rotate_right(1);
            record_range(layer, q, p + 1, pos);
        }
        (at_own - best) as usize
    }

    /// Counts the node next after block `a` on rank `r` towards its block being next on
    /// every rank it shares with `a`; once it is, the block is ready to pass.
    fn note_next(&mut self, a: usize, r: usize, layers: &[Vec<usize>], pos: &[usize]) {
        let blocks = self.blocks;
        let Some(&w) = layers[r].get(pos[blocks.node(a, r)] + 1) else {
            return;
        };
        let b = blocks.of[w];
        if self.stamp[b] != self.now {
            self.stamp[b] = self.now;
            self.next_count[b] = 0;
        }
        self.next_count[b] += 1;
        let shared = blocks.bottom(a).min(blocks.bottom(b)) + 1 - blocks.top[a].max(blocks.top[b]);
        if self.next_count[b] == shared {
            // Until `a` passes it, a node after `a` keeps the place it had once `a` went
            // to the front: one further on than before, if it was before `a`.
            if pos[w] <= self.was[r - blocks.top[a]] {
                self.before.push(b);
            } else {
                self.after.push(b);
            }
        }
    }
}

/// Records the positions `from..to` of one rank.
fn record_range(layer: &[usize], from: usize, to: usize, pos: &mut [usize]) {
    for (i, &v) in layer.iter().enumerate().take(to).skip(from) {
        pos[v] = i;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{count_crossings, positions, sift};
    use super::*;
    use crate::layered::{LayerGraph, LayerNode, NodeKind};

    /// A layered graph from ranks of (node, is a dummy) and segments; the nodes are
    /// numbered in rank order.
    fn graph(ranks: &[Vec<bool>], segments: &[(usize, usize)]) -> LayerGraph {
        let mut nodes = Vec::new();
        let mut layers = Vec::new();
        for (r, rank) in ranks.iter().enumerate() {
            let mut layer = Vec::new();
            for &dummy in rank {
                layer.push(nodes.len());
                let kind = if dummy {
                    NodeKind::Dummy(nodes.len())
                } else {
                    NodeKind::Item(nodes.len())
                };
                nodes.push(LayerNode {
                    rank: r,
                    across: 1.0,
                    along: 1.0,
                    kind,
                    aside: false,
                });
            }
            layers.push(layer);
        }
        LayerGraph {
            nodes,
            segments: segments.iter().map(|&(a, b)| (a, b, 1.0)).collect(),
            offsets: vec![(0.0, 0.0); segments.len()],
            chains: Vec::new(),
            layers,
        }
    }

    /// Runs [`sift_blocks`] on `g` and returns the crossings it says it saved.
    fn sift_blocks_of(g: &mut LayerGraph, work: &mut Work) -> usize {
        let nb = Neighbours::of(g);
        let mut pos = positions(&g.layers, g.nodes.len());
        let saved = sift_blocks(&mut g.layers, &nb, &g.nodes, &mut pos, work);
        assert_eq!(
            pos,
            positions(&g.layers, g.nodes.len()),
            "positions out of date"
        );
        saved
    }

    #[test]
    fn a_long_edge_crosses_over_as_a_whole() {
        // Ranks 0 to 4: a long edge from `a` (0, right) to `z` (9, right) runs left of a
        // path of nodes from `b` (1, left) to `c` (8, left) and crosses it twice, at
        // both ends. Moving any one of its dummies across alone adds as many crossings
        // as it removes; moving all three removes both.
        let dummy = true;
        let ranks = [
            vec![!dummy, !dummy],
            vec![dummy, !dummy],
            vec![dummy, !dummy],
            vec![dummy, !dummy],
            vec![!dummy, !dummy],
        ];
        let long_edge = [(1, 2), (2, 4), (4, 6), (6, 9)];
        let path = [(0, 3), (3, 5), (5, 7), (7, 8)];
        let g = graph(&ranks, &[long_edge, path].concat());
        assert_eq!(count_crossings(&g), 2);

        let mut alone = g.clone();
        let nb = Neighbours::of(&g);
        let mut pos = positions(&alone.layers, g.nodes.len());
        sift(&mut alone.layers, &nb, &mut pos, &mut Work::new(1_000));
        assert_eq!(
            count_crossings(&alone),
            2,
            "sifting nodes alone should not help"
        );

        let mut whole = g.clone();
        assert_eq!(sift_blocks_of(&mut whole, &mut Work::new(1_000)), 2);
        assert_eq!(count_crossings(&whole), 0);
        assert_eq!(
            whole.layers[2],
            vec![5, 4],
            "the dummies moved right of the path"
        );
    }

    #[test]
    fn saves_exactly_what_it_says_and_keeps_every_node_on_its_rank() {
        let mut total_saved = 0;
        for seed in 0..30u64 {
            let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
            let mut next = |m: usize| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % m as u64) as usize
            };
            // Eight ranks of five items, and edges from each item to one or two items
            // one to four ranks further down, through dummies.
            let (rank_count, width) = (8, 5);
            let mut ranks: Vec<Vec<bool>> = vec![vec![false; width]; rank_count];
            let mut edges = Vec::new();
            for r in 0..rank_count - 1 {
                for i in 0..width {
                    for _ in 0..1 + next(2) {
                        let to = (r + 1 + next(4)).min(rank_count - 1);
                        edges.push(((r, i), (to, next(width))));
                    }
                }
            }
            // Number the items, then the dummies rank by rank as the edges need them.
            let mut dummies_on: Vec<usize> = vec![0; rank_count];
            let mut chains = Vec::new();
            for &((r, _), (to, _)) in &edges {
                let chain: Vec<(usize, usize)> = (r + 1..to)
                    .map(|d| {
                        dummies_on[d] += 1;
                        (d, width + dummies_on[d] - 1)
                    })
                    .collect();
                chains.push(chain);
            }
            for (r, count) in dummies_on.iter().enumerate() {
                ranks[r].extend(std::iter::repeat_n(true, *count));
            }
            let start: Vec<usize> = ranks
                .iter()
                .scan(0, |n, rank| {
                    let s = *n;
                    *n += rank.len();
                    Some(s)
                })
                .collect();
            let id = |(r, i): (usize, usize)| start[r] + i;
            let mut segments = Vec::new();
            for (&(from, to), chain) in edges.iter().zip(&chains) {
                let path: Vec<usize> = std::iter::once(id(from))
                    .chain(chain.iter().map(|&c| id(c)))
                    .chain(std::iter::once(id(to)))
                    .collect();
                segments.extend(path.windows(2).map(|w| (w[0], w[1])));
            }
            let mut g = graph(&ranks, &segments);
            // A scrambled order, so there is something to save.
            for layer in &mut g.layers {
                for i in (1..layer.len()).rev() {
                    layer.swap(i, next(i + 1));
                }
            }
            let before = count_crossings(&g);
            let mut sorted_before = g.layers.clone();
            let saved = sift_blocks_of(&mut g, &mut Work::new(u64::MAX));
            let after = count_crossings(&g);
            assert_eq!(before - after, saved, "seed {seed}");
            let mut sorted_after = g.layers.clone();
            for layers in [&mut sorted_before, &mut sorted_after] {
                layers.iter_mut().for_each(|l| l.sort_unstable());
            }
            assert_eq!(sorted_before, sorted_after, "seed {seed}");
            total_saved += saved;
        }
        assert!(total_saved > 0, "nothing to save in any graph");
    }
}
