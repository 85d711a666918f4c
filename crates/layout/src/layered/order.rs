//! Ordering: the order of nodes within each rank, chosen to keep crossings few.
//!
//! Start from a breadth-first order in declaration order (from the top, and again from
//! the bottom), then sweep down and up sorting each rank by the barycentre of its
//! neighbours in the rank before (kept only when it crosses that rank less), each sweep
//! followed by *transpose* (swap neighbours while that removes crossings, and on
//! alternate pairs of sweeps while it adds none). The best order seen, by crossing count,
//! is then *sifted*: each node moves to its best slot. Crossings between two ranks are
//! counted with a Fenwick (accumulator) tree in O(E log V).

use super::{LayerGraph, Work};

/// Sweeps from one start at most, and how many may pass without a better order before it
/// stops (Graphviz's MaxIter and MinQuit).
const MAX_SWEEPS: usize = 24;
const STALE_SWEEPS: usize = 8;
/// Rounds of transposition after each sweep, at most.
const TRANSPOSE_ROUNDS: usize = 32;

/// Orders `g.layers` in place.
pub fn order(g: &mut LayerGraph, work: &mut Work) {
    let n = g.nodes.len();
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, _) in &g.segments {
        down[a].push(b);
        up[b].push(a);
    }
    // Sweeps from two starting orders (breadth-first from the top and from the bottom);
    // the best order seen wins. (Shuffled starts besides found a few crossings fewer at
    // 200 nodes for 40 % more time: not kept.)
    let mut best: Option<(usize, Vec<Vec<usize>>)> = None;
    for from_bottom in [false, true] {
        initial_order(g, if from_bottom { &up } else { &down }, from_bottom);
        let (crossings, layers) = sweep(g, &up, &down, work);
        if best.as_ref().is_none_or(|(c, _)| crossings < *c) {
            best = Some((crossings, layers));
        }
        if best.as_ref().is_some_and(|(c, _)| *c == 0) {
            break;
        }
    }
    if let Some((_, layers)) = best {
        g.layers = layers;
    }
    // Sifting once, on the best order, finds most of what it finds after every sweep, at
    // a fraction of the cost.
    let mut pos = positions(g);
    sift(g, &up, &down, &mut pos, work);
}

/// Each node's position in its rank.
fn positions(g: &LayerGraph) -> Vec<usize> {
    let mut pos = vec![0usize; g.nodes.len()];
    for layer in &g.layers {
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

/// Barycentre sweeps, each followed by transposition, from the current order.
/// Returns the best order seen and its crossing count.
fn sweep(
    g: &mut LayerGraph,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    work: &mut Work,
) -> (usize, Vec<Vec<usize>>) {
    let mut pos = positions(g);
    let mut counter = Counter::default();
    let mut best = g.layers.clone();
    let mut best_crossings = counter.total(g, down, &pos);
    let mut stale = 0;
    for iteration in 0..MAX_SWEEPS {
        let cost = (g.nodes.len() + g.segments.len()) as u64 * 8;
        if best_crossings == 0 || stale >= STALE_SWEEPS || !work.spend(cost) {
            break;
        }
        let downward = iteration % 2 == 0;
        let ranks: Vec<usize> = if downward {
            (1..g.layers.len()).collect()
        } else {
            (0..g.layers.len().saturating_sub(1)).rev().collect()
        };
        for r in ranks {
            let fixed = if downward { up } else { down };
            // The pair of ranks this step orders: r and its fixed neighbour.
            let upper = if downward { r - 1 } else { r };
            let before = counter.below(g, upper, down, &pos);
            let old = g.layers[r].clone();
            sort_by_barycenter(&mut g.layers[r], fixed, &pos);
            record(&g.layers[r], &mut pos);
            // Barycentres are a guess: keep the new order only when it crosses the fixed
            // rank less, so that a sweep never undoes what the last one found.
            if counter.below(g, upper, down, &pos) >= before {
                record(&old, &mut pos);
                g.layers[r] = old;
            }
        }
        // On the first two of every four sweeps, as in Graphviz, neighbours that cross
        // as often either way are swapped too, so the order can drift across a plateau
        // instead of stopping at its edge.
        transpose(g, up, down, &mut pos, work, iteration % 4 < 2);
        let crossings = counter.total(g, down, &pos);
        if crossings < best_crossings {
            best_crossings = crossings;
            best = g.layers.clone();
            stale = 0;
        } else {
            stale += 1;
        }
    }
    (best_crossings, best)
}

/// Sifting: each node in turn tries every slot of its rank and keeps the one with the
/// fewest crossings with its neighbours above and below.
fn sift(
    g: &mut LayerGraph,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    pos: &mut [usize],
    work: &mut Work,
) {
    for r in 0..g.layers.len() {
        let len = g.layers[r].len();
        if len < 3 {
            continue;
        }
        let nodes: Vec<usize> = g.layers[r].clone();
        for v in nodes {
            let degree = up[v].len() + down[v].len();
            if degree == 0 {
                continue;
            }
            let cost: usize = g.layers[r]
                .iter()
                .map(|&u| degree * (up[u].len() + down[u].len()))
                .sum();
            if !work.spend(cost as u64 + len as u64) {
                return;
            }
            let layer = &mut g.layers[r];
            let from = pos[v];
            layer.remove(from);
            // Crossings with v leftmost, then the change as v passes each node.
            let either: Vec<(usize, usize)> = layer
                .iter()
                .map(|&u| crossings_either_way(v, u, up, down, pos))
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
/// `next` (downwards, or upwards when starting from the bottom).
fn initial_order(g: &mut LayerGraph, next: &[Vec<usize>], from_bottom: bool) {
    let n = g.nodes.len();
    let mut visited = vec![false; n];
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); g.layers.len()];
    let mut starts: Vec<usize> = (0..n).collect();
    if from_bottom {
        starts.sort_by_key(|&v| (std::cmp::Reverse(g.nodes[v].rank), v));
    } else {
        starts.sort_by_key(|&v| (g.nodes[v].rank, v));
    }
    for s in starts {
        if visited[s] {
            continue;
        }
        let mut queue = std::collections::VecDeque::from([s]);
        visited[s] = true;
        while let Some(v) = queue.pop_front() {
            layers[g.nodes[v].rank].push(v);
            for &w in &next[v] {
                if !visited[w] {
                    visited[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    g.layers = layers;
}

fn sort_by_barycenter(layer: &mut [usize], neighbours: &[Vec<usize>], pos: &[usize]) {
    let mut keyed: Vec<(f64, usize, usize)> = layer
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let ns = &neighbours[v];
            // Nodes without neighbours are not sorted (see below); their key is unused.
            let key = ns.iter().map(|&u| pos[u] as f64).sum::<f64>() / ns.len().max(1) as f64;
            (key, i, v)
        })
        .collect();
    // Nodes without neighbours keep their slot: sort only the anchored ones.
    let anchored: Vec<usize> = keyed
        .iter()
        .enumerate()
        .filter(|(_, (_, _, v))| !neighbours[*v].is_empty())
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
fn crossings_either_way(
    u: usize,
    v: usize,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    pos: &[usize],
) -> (usize, usize) {
    let (a, b) = pair_crossings(&up[u], &up[v], pos);
    let (c, d) = pair_crossings(&down[u], &down[v], pos);
    (a + c, b + d)
}

fn transpose(
    g: &mut LayerGraph,
    up: &[Vec<usize>],
    down: &[Vec<usize>],
    pos: &mut [usize],
    work: &mut Work,
    equal_swaps: bool,
) {
    let mut improved = true;
    let mut rounds = 0;
    // Whether each rank changed in its last pass. A rank whose last pass swapped nothing,
    // and whose neighbours have not changed since, would swap nothing again: skipped.
    let mut changed = vec![true; g.layers.len()];
    while improved && rounds < TRANSPOSE_ROUNDS {
        improved = false;
        rounds += 1;
        for r in 0..g.layers.len() {
            let neighbours_changed = (r > 0 && changed[r - 1]) || changed.get(r + 1) == Some(&true);
            if !changed[r] && !neighbours_changed {
                continue;
            }
            changed[r] = false;
            for i in 0..g.layers[r].len().saturating_sub(1) {
                let (u, v) = (g.layers[r][i], g.layers[r][i + 1]);
                let cost = (up[u].len() + down[u].len()) * (up[v].len() + down[v].len());
                if !work.spend(cost as u64 + 1) {
                    return;
                }
                let (now, swapped) = crossings_either_way(u, v, up, down, pos);
                if swapped < now || (equal_swaps && now > 0 && swapped == now) {
                    g.layers[r].swap(i, i + 1);
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
    let pos = positions(g);
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); g.nodes.len()];
    for &(a, b, _) in &g.segments {
        down[a].push(b);
    }
    Counter::default().total(g, &down, &pos)
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
    fn total(&mut self, g: &LayerGraph, down: &[Vec<usize>], pos: &[usize]) -> usize {
        (0..g.layers.len().saturating_sub(1))
            .map(|r| self.below(g, r, down, pos))
            .sum()
    }

    /// Crossings between rank `upper` and the rank below it: pairs of segments whose
    /// lower ends are in the opposite order of their upper ends.
    fn below(&mut self, g: &LayerGraph, upper: usize, down: &[Vec<usize>], pos: &[usize]) -> usize {
        let width = g.layers.get(upper + 1).map_or(0, Vec::len);
        // Walking the upper rank in order and sorting each node's few lower ends gives
        // the segments sorted by (upper, lower) without sorting them all.
        self.lower.clear();
        for &a in &g.layers[upper] {
            let start = self.lower.len();
            self.lower.extend(down[a].iter().map(|&b| pos[b]));
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
}
