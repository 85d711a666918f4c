//! Ordering: the order of nodes within each rank, chosen to keep crossings few.
//!
//! Start from a breadth-first order in declaration order (from the top, and again from
//! the bottom), then sweep down and up sorting each rank by the barycentre of its
//! neighbours in the rank before (kept only when it crosses that rank less), each sweep
//! followed by *transpose* (swap neighbours while that removes crossings, and on
//! alternate pairs of sweeps while it adds none). The best order seen, by crossing count,
//! is then *sifted*: each long edge as a whole ([`blocks`]), then each node, moves to its
//! best slot. Crossings between two ranks are counted with a Fenwick (accumulator) tree
//! in O(E log V). On big graphs the two starts sweep on two threads; the result does not
//! depend on it.

mod blocks;

use super::{LayerGraph, Work};

/// Sweeps from one start at most, and how many may pass without a better order before it
/// stops (Graphviz's MaxIter and MinQuit).
const MAX_SWEEPS: usize = 24;
const STALE_SWEEPS: usize = 8;
/// Rounds of transposition after each sweep, at most.
const TRANSPOSE_ROUNDS: usize = 32;

/// The graph as ordering reads it: each node's neighbours in the rank above and below,
/// in segment order.
struct Neighbours {
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
}

/// Which neighbours of a node.
#[derive(Debug, Clone, Copy)]
enum Side {
    Up,
    Down,
}

impl Neighbours {
    fn new(n: usize, segments: &[(usize, usize, f64)]) -> Self {
        let (mut up, mut down) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for &(a, b, _) in segments {
            down[a].push(b);
            up[b].push(a);
        }
        Neighbours { up, down }
    }

    fn len(&self) -> usize {
        self.up.len()
    }

    fn up(&self, v: usize) -> &[usize] {
        &self.up[v]
    }

    fn down(&self, v: usize) -> &[usize] {
        &self.down[v]
    }

    fn on(&self, side: Side, v: usize) -> &[usize] {
        match side {
            Side::Up => self.up(v),
            Side::Down => self.down(v),
        }
    }

    fn degree(&self, v: usize) -> usize {
        self.up[v].len() + self.down[v].len()
    }
}

/// Graphs at least this big (nodes plus segments, after normalisation) sweep from their
/// two starts on two threads. Below it a thread costs more than it saves: the 200-node
/// bench chart (about 1,900) orders in a few milliseconds.
const PARALLEL_FROM: usize = 4_000;

/// Orders `g.layers` in place.
pub fn order(g: &mut LayerGraph, work: &mut Work) {
    let parallel = g.nodes.len() + g.segments.len() >= PARALLEL_FROM;
    order_with(g, work, parallel);
}

/// [`order`], with the two starts side by side or one after the other: the same result
/// either way.
fn order_with(g: &mut LayerGraph, work: &mut Work, parallel: bool) {
    let n = g.nodes.len();
    let nb = Neighbours::new(n, &g.segments);
    let ranks: Vec<usize> = g.nodes.iter().map(|v| v.rank).collect();
    let sweep_cost = (n + g.segments.len()) as u64 * 8;
    // Sweeps from two starting orders (breadth-first from the top and from the bottom);
    // the best order seen wins, the first on a tie. Each start has the whole remaining
    // budget and both are charged afterwards, so the result is the same whether they
    // run one after the other or side by side. (Shuffled starts besides found a few
    // crossings fewer at 200 nodes for 40 % more time: not kept.)
    let remaining = work.remaining;
    let from = |from_bottom: bool| {
        let mut budget = Work::new(remaining);
        let mut layers = initial_order(&ranks, g.layers.len(), &nb, from_bottom);
        let (crossings, best) = sweep(&mut layers, &nb, sweep_cost, &mut budget);
        (crossings, best, remaining - budget.remaining)
    };
    let (top, bottom) = if parallel {
        let (top, bottom) = side_by_side(|| from(false), || from(true));
        (top, Some(bottom))
    } else {
        let top = from(false);
        let bottom = (top.0 > 0).then(|| from(true));
        (top, bottom)
    };
    // A start without crossings cannot be beaten: the other is neither needed nor paid for.
    let bottom = bottom.filter(|_| top.0 > 0);
    work.remaining = work
        .remaining
        .saturating_sub(top.2 + bottom.as_ref().map_or(0, |b| b.2));
    let best = match bottom {
        Some(bottom) if bottom.0 < top.0 => bottom,
        _ => top,
    };
    g.layers = best.1;
    // Sifting once, on the best order, finds most of what it finds after every sweep, at
    // a fraction of the cost: long edges first, as whole blocks, then every node alone.
    let mut pos = positions(&g.layers, n);
    blocks::sift_blocks(&mut g.layers, &nb, &g.nodes, &mut pos, work);
    sift(&mut g.layers, &nb, &mut pos, work);
}

/// Runs `a` here and `b` on a second thread at the same time; both here, one after the
/// other, if no thread can be had.
fn side_by_side<A, B: Send>(a: impl FnOnce() -> A, b: impl Fn() -> B + Sync) -> (A, B) {
    let b = &b;
    std::thread::scope(|s| {
        let thread = std::thread::Builder::new().spawn_scoped(s, b);
        let a = a();
        let b = match thread {
            // The thread runs our own code: its panic is ours.
            Ok(t) => t
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => b(),
        };
        (a, b)
    })
}

/// Each node's position in its rank.
fn positions(layers: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut pos = vec![0usize; n];
    for layer in layers {
        record(layer, &mut pos);
    }
    pos
}

/// Records the positions of the nodes of one rank.
fn record(layer: &[usize], pos: &mut [usize]) {
    for (i, &v) in layer.iter().enumerate() {
        pos[v] = i;
    }
}

/// Barycentre sweeps, each followed by transposition, from the order in `layers`
/// (`cost` work units each). Returns the best order seen and its crossing count.
fn sweep(
    layers: &mut [Vec<usize>],
    nb: &Neighbours,
    cost: u64,
    work: &mut Work,
) -> (usize, Vec<Vec<usize>>) {
    let mut pos = positions(layers, nb.len());
    let mut counter = Counter::default();
    let mut best = layers.to_vec();
    let mut best_crossings = counter.total(layers, nb, &pos);
    let mut stale = 0;
    for iteration in 0..MAX_SWEEPS {
        if best_crossings == 0 || stale >= STALE_SWEEPS || !work.spend(cost) {
            break;
        }
        let downward = iteration % 2 == 0;
        let ranks: Vec<usize> = if downward {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for r in ranks {
            let fixed = if downward { Side::Up } else { Side::Down };
            // The pair of ranks this step orders: r and its fixed neighbour.
            let upper = if downward { r - 1 } else { r };
            let before = counter.below(layers, upper, nb, &pos);
            let old = layers[r].clone();
            sort_by_barycenter(&mut layers[r], nb, fixed, &pos);
            record(&layers[r], &mut pos);
            // Barycentres are a guess: keep the new order only when it crosses the fixed
            // rank less, so that a sweep never undoes what the last one found.
            if counter.below(layers, upper, nb, &pos) >= before {
                record(&old, &mut pos);
                layers[r] = old;
            }
        }
        // On the first two of every four sweeps, as in Graphviz, neighbours that cross
        // as often either way are swapped too, so the order can drift across a plateau
        // instead of stopping at its edge.
        transpose(layers, nb, &mut pos, work, iteration % 4 < 2);
        let crossings = counter.total(layers, nb, &pos);
        if crossings < best_crossings {
            best_crossings = crossings;
            best = layers.to_vec();
            stale = 0;
        } else {
            stale += 1;
        }
    }
    (best_crossings, best)
}

/// Sifting: each node in turn tries every slot of its rank and keeps the one with the
/// fewest crossings with its neighbours above and below.
fn sift(layers: &mut [Vec<usize>], nb: &Neighbours, pos: &mut [usize], work: &mut Work) {
    for layer in layers.iter_mut() {
        let len = layer.len();
        if len < 3 {
            continue;
        }
        let nodes: Vec<usize> = layer.clone();
        for v in nodes {
            let degree = nb.degree(v);
            if degree == 0 {
                continue;
            }
            let cost: usize = layer.iter().map(|&u| degree * nb.degree(u)).sum();
            if !work.spend(cost as u64 + len as u64) {
                return;
            }
            let from = pos[v];
            layer.remove(from);
            // Crossings with v leftmost, then the change as v passes each node.
            let either: Vec<(usize, usize)> = layer
                .iter()
                .map(|&u| crossings_either_way(v, u, nb, pos))
                .collect();
            let mut current: isize = either.iter().map(|&(before, _)| before as isize).sum();
            let (mut best, mut best_at) = (current, 0);
            for (i, &(before, after)) in either.iter().enumerate() {
                current += after as isize - before as isize;
                // Prefer the original slot on ties, so sifting never churns.
                if current < best || (current == best && i + 1 == from) {
                    best = current;
                    best_at = i + 1;
                }
            }
            layer.insert(best_at.min(layer.len()), v);
            record(layer, pos);
        }
    }
}

/// Breadth-first from each unvisited node in declaration order, rank by rank, following
/// neighbours (downwards, or upwards when starting from the bottom). `ranks` holds each
/// node's rank, of `rank_count`.
fn initial_order(
    ranks: &[usize],
    rank_count: usize,
    nb: &Neighbours,
    from_bottom: bool,
) -> Vec<Vec<usize>> {
    let next = if from_bottom { Side::Up } else { Side::Down };
    let n = ranks.len();
    let mut visited = vec![false; n];
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); rank_count];
    let mut starts: Vec<usize> = (0..n).collect();
    if from_bottom {
        starts.sort_by_key(|&v| (std::cmp::Reverse(ranks[v]), v));
    } else {
        starts.sort_by_key(|&v| (ranks[v], v));
    }
    for s in starts {
        if visited[s] {
            continue;
        }
        let mut queue = std::collections::VecDeque::from([s]);
        visited[s] = true;
        while let Some(v) = queue.pop_front() {
            layers[ranks[v]].push(v);
            for w in nb.on(next, v).iter().copied() {
                if !visited[w] {
                    visited[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    layers
}

/// Sorts `layer` by the mean position of each node's neighbours on `side`.
fn sort_by_barycenter(layer: &mut [usize], nb: &Neighbours, side: Side, pos: &[usize]) {
    let mut keyed: Vec<(f64, usize, usize)> = layer
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let ns = nb.on(side, v);
            // Nodes without neighbours are not sorted (see below); their key is unused.
            let key = ns.iter().map(|&u| pos[u] as f64).sum::<f64>() / ns.len().max(1) as f64;
            (key, i, v)
        })
        .collect();
    // Nodes without neighbours keep their slot: sort only the anchored ones.
    let anchored: Vec<usize> = keyed
        .iter()
        .enumerate()
        .filter(|(_, (_, _, v))| !nb.on(side, *v).is_empty())
        .map(|(slot, _)| slot)
        .collect();
    let mut values: Vec<(f64, usize, usize)> = anchored.iter().map(|&s| keyed[s]).collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (slot, value) in anchored.into_iter().zip(values) {
        keyed[slot] = value;
    }
    for (dst, (_, _, v)) in layer.iter_mut().zip(keyed) {
        *dst = v;
    }
}

/// Crossings between the edges of two neighbours on one side, given their neighbour
/// lists there: with `u` placed before `v`, and with `v` before `u`. One pass gives both,
/// and this is the innermost loop of ordering.
fn pair_crossings(u: &[usize], v: &[usize], pos: &[usize]) -> (usize, usize) {
    // Most pairs on big charts are dummies of long edges: one neighbour each.
    if let ([a], [b]) = (u, v) {
        let (pa, pb) = (pos[*a], pos[*b]);
        return (usize::from(pa > pb), usize::from(pa < pb));
    }
    let (mut u_first, mut v_first) = (0, 0);
    for &a in u {
        let pa = pos[a];
        for &b in v {
            let pb = pos[b];
            u_first += usize::from(pa > pb);
            v_first += usize::from(pa < pb);
        }
    }
    (u_first, v_first)
}

/// Both counts of [`pair_crossings`], on both sides.
fn crossings_either_way(u: usize, v: usize, nb: &Neighbours, pos: &[usize]) -> (usize, usize) {
    let (a, b) = pair_crossings(nb.up(u), nb.up(v), pos);
    let (c, d) = pair_crossings(nb.down(u), nb.down(v), pos);
    (a + c, b + d)
}

fn transpose(
    layers: &mut [Vec<usize>],
    nb: &Neighbours,
    pos: &mut [usize],
    work: &mut Work,
    equal_swaps: bool,
) {
    let mut improved = true;
    let mut rounds = 0;
    // Whether each rank changed in its last pass. A rank whose last pass swapped nothing,
    // and whose neighbours have not changed since, would swap nothing again: skipped.
    let mut changed = vec![true; layers.len()];
    while improved && rounds < TRANSPOSE_ROUNDS {
        improved = false;
        rounds += 1;
        for r in 0..layers.len() {
            let neighbours_changed = (r > 0 && changed[r - 1]) || changed.get(r + 1) == Some(&true);
            if !changed[r] && !neighbours_changed {
                continue;
            }
            changed[r] = false;
            let layer = &mut layers[r];
            for i in 0..layer.len().saturating_sub(1) {
                let (u, v) = (layer[i], layer[i + 1]);
                let cost = nb.degree(u) * nb.degree(v);
                if !work.spend(cost as u64 + 1) {
                    return;
                }
                let (now, swapped) = crossings_either_way(u, v, nb, pos);
                if swapped < now || (equal_swaps && now > 0 && swapped == now) {
                    layer.swap(i, i + 1);
                    pos[u] = i + 1;
                    pos[v] = i;
                    changed[r] = true;
                    // Only a gain asks for another round: equal swaps alone would cycle.
                    improved |= swapped < now;
                }
            }
        }
    }
}

/// Total crossings between all adjacent ranks.
pub fn count_crossings(g: &LayerGraph) -> usize {
    let pos = positions(&g.layers, g.nodes.len());
    let nb = Neighbours::new(g.nodes.len(), &g.segments);
    Counter::default().total(&g.layers, &nb, &pos)
}

/// Counts crossings between adjacent ranks with a Fenwick (accumulator) tree, keeping
/// its memory from one count to the next: ordering counts thousands of times.
#[derive(Debug, Default)]
struct Counter {
    /// The lower ends' positions, in the order of the upper ends (then the lower).
    lower: Vec<usize>,
    tree: Vec<usize>,
}

impl Counter {
    /// Crossings between all adjacent ranks.
    fn total(&mut self, layers: &[Vec<usize>], nb: &Neighbours, pos: &[usize]) -> usize {
        (0..layers.len().saturating_sub(1))
            .map(|r| self.below(layers, r, nb, pos))
            .sum()
    }

    /// Crossings between rank `upper` and the rank below it: pairs of segments whose
    /// lower ends are in the opposite order of their upper ends.
    fn below(
        &mut self,
        layers: &[Vec<usize>],
        upper: usize,
        nb: &Neighbours,
        pos: &[usize],
    ) -> usize {
        let width = layers.get(upper + 1).map_or(0, Vec::len);
        // Walking the upper rank in order and sorting each node's few lower ends gives
        // the segments sorted by (upper, lower) without sorting them all.
        self.lower.clear();
        for &a in &layers[upper] {
            let start = self.lower.len();
            self.lower.extend(nb.down(a).iter().map(|&b| pos[b]));
            self.lower[start..].sort_unstable();
        }
        self.tree.clear();
        self.tree.resize(width + 1, 0);
        let mut total = 0;
        for (seen, &lower) in self.lower.iter().enumerate() {
            let mut i = lower + 1;
            let mut not_greater = 0;
            while i > 0 {
                not_greater += self.tree[i];
                i &= i - 1;
            }
            total += seen - not_greater;
            let mut i = lower + 1;
            while i <= width {
                self.tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layered::normalize::{LayerNode, NodeKind};

    fn two_layers(edges: &[(usize, usize)]) -> LayerGraph {
        // Nodes 0,1,2 on rank 0 and 3,4,5 on rank 1.
        let nodes = (0..6)
            .map(|i| LayerNode {
                rank: i / 3,
                across: 1.0,
                along: 1.0,
                kind: NodeKind::Item(i),
            })
            .collect();
        LayerGraph {
            nodes,
            segments: edges.iter().map(|&(a, b)| (a, b, 1.0)).collect(),
            offsets: vec![(0.0, 0.0); edges.len()],
            chains: Vec::new(),
            layers: vec![vec![0, 1, 2], vec![3, 4, 5]],
        }
    }

    #[test]
    fn counts_crossings() {
        assert_eq!(count_crossings(&two_layers(&[(0, 5), (2, 3)])), 1);
        assert_eq!(count_crossings(&two_layers(&[(0, 5), (1, 4), (2, 3)])), 3);
        assert_eq!(count_crossings(&two_layers(&[(0, 3), (1, 4), (2, 5)])), 0);
    }

    #[test]
    fn ordering_removes_avoidable_crossings() {
        let mut g = two_layers(&[(0, 5), (1, 4), (2, 3)]);
        order(&mut g, &mut Work::new(10_000));
        assert_eq!(count_crossings(&g), 0);
    }

    /// Ranks of `width` nodes with random segments between neighbouring ranks.
    fn random_layers(ranks: usize, width: usize, seed: u64) -> LayerGraph {
        let mut seed = seed;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        let n = ranks * width;
        let nodes = (0..n)
            .map(|i| LayerNode {
                rank: i / width,
                across: 1.0,
                along: 1.0,
                kind: NodeKind::Item(i),
            })
            .collect();
        let mut segments = Vec::new();
        for r in 0..ranks - 1 {
            for _ in 0..width * 3 / 2 {
                let a = r * width + next(width);
                segments.push((a, a - a % width + width + next(width), 1.0));
            }
        }
        LayerGraph {
            nodes,
            offsets: vec![(0.0, 0.0); segments.len()],
            segments,
            chains: Vec::new(),
            layers: (0..ranks)
                .map(|r| (r * width..(r + 1) * width).collect())
                .collect(),
        }
    }

    #[test]
    fn both_starts_give_the_same_order_side_by_side_as_one_after_the_other() {
        // With budget to spare, and with so little that the sweeps stop early.
        for (seed, budget) in [(1, 500_000_000), (2, 500_000_000), (3, 20_000)] {
            let g = random_layers(12, 30, seed);
            let (mut alone, mut together) = (g.clone(), g);
            let (mut work_alone, mut work_together) = (Work::new(budget), Work::new(budget));
            order_with(&mut alone, &mut work_alone, false);
            order_with(&mut together, &mut work_together, true);
            assert_eq!(alone.layers, together.layers, "seed {seed}");
            assert_eq!(work_alone.remaining, work_together.remaining, "seed {seed}");
            assert!(count_crossings(&alone) > 0, "seed {seed}: a trivial graph");
        }
        // Small graphs, where sweeps from the first start often end without crossings:
        // then the second is not charged either way.
        for seed in 0..40 {
            let g = random_layers(4, 3, seed);
            let (mut alone, mut together) = (g.clone(), g);
            let (mut work_alone, mut work_together) = (Work::new(1000), Work::new(1000));
            order_with(&mut alone, &mut work_alone, false);
            order_with(&mut together, &mut work_together, true);
            assert_eq!(alone.layers, together.layers, "seed {seed}");
            assert_eq!(work_alone.remaining, work_together.remaining, "seed {seed}");
        }
    }
}
