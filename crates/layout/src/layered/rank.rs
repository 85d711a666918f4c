//! Ranking: which layer each item goes in.
//!
//! Longest path from the sources, then every item that can move closer to its neighbours
//! without breaking a minimum length is pulled towards them (sources down to their
//! successors, sinks up to their predecessors), then network simplex ([`super::simplex`])
//! makes the total edge length minimal. When any edge has a label, every minimum length
//! is doubled so that the label gets a rank of its own, as Graphviz and dagre do.
//! [`longest_path`] stops after the first step, for estimates.

use super::{LayeredGraph, Work};

/// The links as ranking sees them: directed along the flow, without self-loops, each with
/// its minimum length, and the items in a topological order.
struct Dag {
    /// `(from, to, min_len, weight)` per link, in link order; no self-loops. When any link
    /// has a label, every minimum length is doubled.
    edges: Vec<(usize, usize, i64, f64)>,
    preds: Vec<Vec<(usize, i64)>>,
    succs: Vec<Vec<(usize, i64)>>,
    topo: Vec<usize>,
}

impl Dag {
    fn new(graph: &LayeredGraph, reversed: &[bool]) -> Self {
        let n = graph.items.len();
        let scale = if graph.links.iter().any(|l| l.label.is_some()) {
            2
        } else {
            1
        };
        let edges: Vec<(usize, usize, i64, f64)> = graph
            .links
            .iter()
            .zip(reversed)
            .filter(|(l, _)| l.from != l.to)
            .map(|(l, &rev)| {
                let (a, b) = if rev { (l.to, l.from) } else { (l.from, l.to) };
                (a, b, i64::from(l.min_len) * scale, l.weight)
            })
            .collect();
        let (mut preds, mut succs) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for &(a, b, len, _) in &edges {
            succs[a].push((b, len));
            preds[b].push((a, len));
        }
        let topo = topological_order(n, &succs, &preds);
        Dag {
            edges,
            preds,
            succs,
            topo,
        }
    }

    /// Each item as high as its predecessors allow: sources on rank 0.
    fn longest_path(&self) -> Vec<i64> {
        let mut rank = vec![0i64; self.preds.len()];
        for &v in &self.topo {
            for &(p, len) in &self.preds[v] {
                rank[v] = rank[v].max(rank[p] + len);
            }
        }
        rank
    }
}

/// Ranks by longest path alone, in linear time: valid, and with edges at least as long in
/// total as any ranking's that makes them as short as they can be, which [`rank`] aims
/// for. For estimates that may err high.
pub fn longest_path(graph: &LayeredGraph, reversed: &[bool]) -> Vec<usize> {
    let rank = Dag::new(graph, reversed).longest_path();
    rank.iter().map(|&r| r as usize).collect()
}

/// The rank of each item, starting at 0.
pub fn rank(graph: &LayeredGraph, reversed: &[bool], work: &mut Work) -> Vec<usize> {
    let n = graph.items.len();
    let dag = Dag::new(graph, reversed);
    let Dag {
        preds, succs, topo, ..
    } = &dag;
    let mut rank = dag.longest_path();
    // Pull items with slack towards their neighbours. A few passes settle it; each pass is
    // linear, and the work budget caps them on huge inputs.
    for _ in 0..4 {
        if !work.spend((n + dag.edges.len()) as u64) {
            break;
        }
        let mut moved = false;
        for &v in topo.iter().rev() {
            if preds[v].is_empty() && !succs[v].is_empty() {
                let best = succs[v].iter().map(|&(s, len)| rank[s] - len).min();
                if let Some(best) = best
                    && best > rank[v]
                {
                    rank[v] = best;
                    moved = true;
                }
            }
        }
        for &v in topo {
            if succs[v].is_empty() && !preds[v].is_empty() {
                let best = preds[v].iter().map(|&(p, len)| rank[p] + len).max();
                if let Some(best) = best
                    && best < rank[v]
                {
                    rank[v] = best;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    super::simplex::network_simplex(n, &dag.edges, &mut rank, work);
    let min = rank.iter().copied().min().unwrap_or(0);
    rank.iter().map(|&r| (r - min) as usize).collect()
}

/// Kahn's algorithm, ties broken by declaration order so the result is deterministic.
fn topological_order(
    n: usize,
    succs: &[Vec<(usize, i64)>],
    preds: &[Vec<(usize, i64)>],
) -> Vec<usize> {
    let mut indegree: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&v| indegree[v] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse(v)) = ready.pop() {
        order.push(v);
        for &(s, _) in &succs[v] {
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.push(std::cmp::Reverse(s));
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layered::{Item, Link};

    fn graph(n: usize, edges: &[(usize, usize, u32)]) -> LayeredGraph {
        LayeredGraph {
            items: vec![
                Item {
                    across: 1.0,
                    along: 1.0,
                    aside: false,
                };
                n
            ],
            links: edges
                .iter()
                .map(|&(from, to, min_len)| Link {
                    from,
                    to,
                    min_len,
                    weight: 1.0,
                    label: None,
                    from_offset: 0.0,
                    to_offset: 0.0,
                })
                .collect(),
            outside: Vec::new(),
        }
    }

    #[test]
    fn a_chain_ranks_in_order() {
        let g = graph(3, &[(0, 1, 1), (1, 2, 1)]);
        assert_eq!(
            rank(&g, &[false, false], &mut Work::new(1000)),
            vec![0, 1, 2]
        );
    }

    #[test]
    fn a_late_source_is_pulled_next_to_its_target() {
        // 0 -> 1 -> 2 -> 3 and 4 -> 3: 4 belongs on rank 2, not 0.
        let g = graph(5, &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (4, 3, 1)]);
        let r = rank(&g, &[false; 4], &mut Work::new(1000));
        assert_eq!(r, vec![0, 1, 2, 3, 2]);
    }

    #[test]
    fn longer_arrows_keep_their_minimum_length() {
        let g = graph(2, &[(0, 1, 3)]);
        assert_eq!(rank(&g, &[false], &mut Work::new(1000)), vec![0, 3]);
    }
}
