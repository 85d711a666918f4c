//! Ports: where a link meets a subgraph laid out as one block. It meets it at the member
//! it was written to, off the block's middle, so two links from one block cross just
//! outside it when they leave in the other order from their members — which ordering
//! by positions alone cannot see.
//!
//! In: each segment's offsets at its two ends (non-zero only at such blocks). Out: the
//! crossings at ports, which ordering counts with those between positions: two segments
//! from one block cross when they leave it in one order and reach their other ends in
//! the other. Charts without subgraphs have none, and are ordered as before.

use super::super::LayerGraph;
use super::Neighbours;

/// Where each segment meets its two nodes, listed per node like the neighbours: as a
/// fraction of the node's size across, between -1/2 and 1/2.
pub(super) struct Ports {
    /// Per node, parallel to its neighbours above: (port at that neighbour, port at the
    /// node).
    up: Vec<Vec<(f64, f64)>>,
    /// The same for its neighbours below.
    down: Vec<Vec<(f64, f64)>>,
}

impl Ports {
    /// The ports of `g`'s segments, in segment order like the neighbour lists; `None`
    /// when every segment meets its nodes in the middle.
    pub(super) fn of(g: &LayerGraph) -> Option<Self> {
        if g.offsets.iter().all(|&(a, b)| a == 0.0 && b == 0.0) {
            return None;
        }
        let n = g.nodes.len();
        let port = |offset: f64, node: usize| {
            let across = g.nodes[node].across;
            if across > 0.0 {
                (offset / across).clamp(-0.5, 0.5)
            } else {
                0.0
            }
        };
        let (mut up, mut down) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (&(a, b, _), &(at_a, at_b)) in g.segments.iter().zip(&g.offsets) {
            let (at_a, at_b) = (port(at_a, a), port(at_b, b));
            down[a].push((at_b, at_a));
            up[b].push((at_a, at_b));
        }
        Some(Ports { up, down })
    }

    /// Where `v`'s segments on one side meet its neighbours there, in their order.
    pub(super) fn far(&self, up: bool, v: usize) -> impl Iterator<Item = f64> + '_ {
        let list = if up { &self.up[v] } else { &self.down[v] };
        list.iter().map(|&(far, _)| far)
    }

    /// Crossings at the ports of a common neighbour between the segments of `u` and `v`,
    /// neighbours in a rank: with `u` before `v`, and with `v` before `u`.
    pub(super) fn pair(&self, u: usize, v: usize, nb: &Neighbours) -> (usize, usize) {
        let (mut u_first, mut v_first) = (0, 0);
        for (nu, nv, pu, pv) in [
            (nb.up(u), nb.up(v), &self.up[u], &self.up[v]),
            (nb.down(u), nb.down(v), &self.down[u], &self.down[v]),
        ] {
            for (a, &(at_a, _)) in nu.iter().zip(pu) {
                for (b, &(at_b, _)) in nv.iter().zip(pv) {
                    if a == b {
                        u_first += usize::from(at_a > at_b);
                        v_first += usize::from(at_a < at_b);
                    }
                }
            }
        }
        (u_first, v_first)
    }

    /// Crossings at ports between rank `upper` and the one below: at each node, the pairs
    /// of its segments to the other rank that leave it in the other order from their other
    /// ends. `nb` gives each node's neighbours; `keys` is reused.
    pub(super) fn below(
        &self,
        layers: &[Vec<usize>],
        upper: usize,
        nb: &Neighbours,
        pos: &[usize],
        keys: &mut Vec<(f64, usize, f64)>,
    ) -> usize {
        let mut total = 0;
        for &w in &layers[upper] {
            // Two segments to one node below are told apart by where they meet it.
            keys.clear();
            keys.extend(
                nb.down(w)
                    .iter()
                    .zip(&self.down[w])
                    .map(|(&b, &(at_b, at_w))| (at_w, pos[b], at_b)),
            );
            total += inversions(keys);
        }
        for &w in layers.get(upper + 1).into_iter().flatten() {
            // Two segments from one node above were counted there.
            keys.clear();
            keys.extend(
                nb.up(w)
                    .iter()
                    .zip(&self.up[w])
                    .map(|(&a, &(_, at_w))| (at_w, pos[a], 0.0)),
            );
            total += inversions(keys);
        }
        total
    }
}

/// The pairs of `keys` (port, then where the other end is) whose ports are in one order
/// and other ends in the other.
fn inversions(keys: &mut [(f64, usize, f64)]) -> usize {
    if keys.len() < 2 {
        return 0;
    }
    // Sorted by port, segments meeting at one port in the order of their other ends: then
    // the pairs asked for are the other ends out of order, counted while merge-sorting
    // them (a block may have hundreds of links).
    keys.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.total_cmp(&b.2))
    });
    let mut ends: Vec<(usize, f64)> = keys.iter().map(|&(_, at, port)| (at, port)).collect();
    let mut scratch = Vec::with_capacity(ends.len());
    let before = |a: &(usize, f64), b: &(usize, f64)| a.0 < b.0 || (a.0 == b.0 && a.1 < b.1);
    let mut count = 0;
    let mut width = 1;
    while width < ends.len() {
        scratch.clear();
        for run in ends.chunks(2 * width) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut i, mut j) = (0, 0);
            while i < left.len() && j < right.len() {
                if before(&right[j], &left[i]) {
                    count += left.len() - i;
                    scratch.push(right[j]);
                    j += 1;
                } else {
                    scratch.push(left[i]);
                    i += 1;
                }
            }
            scratch.extend_from_slice(&left[i..]);
            scratch.extend_from_slice(&right[j..]);
        }
        std::mem::swap(&mut ends, &mut scratch);
        width *= 2;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair counted by comparing each with each.
    fn by_pairs(keys: &[(f64, usize, f64)]) -> usize {
        let mut count = 0;
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                let end_before = (second.1, second.2) < (first.1, first.2);
                count += usize::from(first.0 != second.0 && end_before);
            }
        }
        count
    }

    #[test]
    fn counts_ports_in_the_other_order_from_their_ends() {
        // Two segments from one port never cross there; nor do two to one end at one port.
        assert_eq!(inversions(&mut [(0.0, 2, 0.0), (0.0, 1, 0.0)]), 0);
        assert_eq!(inversions(&mut [(-0.2, 2, 0.0), (0.3, 1, 0.0)]), 1);
        assert_eq!(inversions(&mut [(-0.2, 1, 0.0), (0.3, 1, 0.0)]), 0);
        // Two segments to one node cross when they meet it in the other order.
        assert_eq!(inversions(&mut [(-0.2, 1, 0.4), (0.3, 1, -0.1)]), 1);
        // Many, against a count of every pair.
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            (seed >> 33) % m
        };
        for len in [3, 10, 37, 100] {
            let keys: Vec<(f64, usize, f64)> = (0..len)
                .map(|_| {
                    (
                        next(5) as f64 / 10.0,
                        next(8) as usize,
                        next(3) as f64 / 10.0,
                    )
                })
                .collect();
            assert_eq!(inversions(&mut keys.clone()), by_pairs(&keys), "{len}");
        }
    }
}
