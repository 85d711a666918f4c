//! Network simplex: ranks that make the edges as short as they can be.
//!
//! In: an acyclic graph as `(from, to, min_len, weight)` and feasible ranks (every edge at
//! least its minimum length, e.g. from longest path). Out: ranks minimising
//! Σ weight · (rank[to] − rank[from]) under the same constraints — Gansner et al.'s
//! algorithm as Graphviz dot uses it: a tight spanning tree, cut values computed
//! bottom-up, and pivots that swap a tree edge of negative cut value for the slackest
//! non-tree edge across the same cut. Pivots are paid for with work units.

use super::Work;

struct Tree {
    /// Per edge: part of the spanning tree.
    in_tree: Vec<bool>,
    /// Per edge: cut value (meaningful for tree edges).
    cut: Vec<f64>,
    /// Postorder number and the smallest one in the subtree, per node.
    lim: Vec<usize>,
    low: Vec<usize>,
    /// Tree edge to the parent, per node (`None` at the root).
    parent_edge: Vec<Option<usize>>,
}

/// Improves `rank` in place. `edges` must not contain self-loops; parallel edges are fine.
pub fn network_simplex(
    n: usize,
    edges: &[(usize, usize, i64, f64)],
    rank: &mut [i64],
    work: &mut Work,
) {
    if n == 0 || edges.is_empty() {
        return;
    }
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &(a, b, _, _)) in edges.iter().enumerate() {
        incident[a].push(i);
        incident[b].push(i);
    }
    let slack = |rank: &[i64], e: usize| {
        let (a, b, len, _) = edges[e];
        rank[b] - rank[a] - len
    };
    let mut tree = Tree {
        in_tree: vec![false; edges.len()],
        cut: vec![0.0; edges.len()],
        lim: vec![0; n],
        low: vec![0; n],
        parent_edge: vec![None; n],
    };
    // Tight spanning tree, one per connected part.
    let mut in_tree_node = vec![false; n];
    for root in 0..n {
        if in_tree_node[root] {
            continue;
        }
        let mut members = vec![root];
        in_tree_node[root] = true;
        loop {
            // Grow along tight edges.
            let mut i = 0;
            while i < members.len() {
                let v = members[i];
                for &e in &incident[v] {
                    let (a, b, _, _) = edges[e];
                    let w = if a == v { b } else { a };
                    if !in_tree_node[w] && slack(rank, e) == 0 {
                        in_tree_node[w] = true;
                        tree.in_tree[e] = true;
                        members.push(w);
                    }
                }
                i += 1;
            }
            // The slackest edge leaving the tree; shift the tree to make it tight.
            let mut best: Option<(i64, usize)> = None;
            for &v in &members {
                for &e in &incident[v] {
                    let (a, b, _, _) = edges[e];
                    if in_tree_node[a] != in_tree_node[b] {
                        let s = slack(rank, e);
                        if best.is_none_or(|(bs, _)| s < bs) {
                            best = Some((s, e));
                        }
                    }
                }
            }
            let Some((s, e)) = best else { break };
            let (a, _, _, _) = edges[e];
            // If the tree holds the tail, move the tree down; else up.
            let delta = if in_tree_node[a] { s } else { -s };
            for &v in &members {
                rank[v] += delta;
            }
            if !work.spend(members.len() as u64) {
                return;
            }
        }
    }
    let roots: Vec<usize> = roots_of(n, edges, &tree.in_tree);
    // Each node's tree edges, and the node at each postorder number, kept up to date by
    // every exchange so that a pivot costs the part of the tree it changes.
    let (mut tree_edges, mut by_lim) = compute_tree(n, edges, &incident, &mut tree, &roots);
    // The nodes on the cycle each exchange closes, marked with the exchange's number.
    let mut on_cycle = vec![0usize; n];
    let mut exchange = 0;

    // The first edge with a negative cut value leaves. (Graphviz searches round-robin;
    // here that found other optimal rankings, with more crossings on the bench charts.)
    let mut optimal = false;
    loop {
        let Some(leave) = (0..edges.len()).find(|&e| tree.in_tree[e] && tree.cut[e] < -1e-9) else {
            optimal = true;
            break;
        };
        // The leaving edge cuts off the subtree below it; the entering edge is the
        // slackest one crossing back the other way.
        let (a, b, _, _) = edges[leave];
        let (below, flip) = if tree.lim[a] > tree.lim[b] {
            (b, true)
        } else {
            (a, false)
        };
        let (low, lim) = (tree.low[below], tree.lim[below]);
        let inside = |v: usize| low <= tree.lim[v] && tree.lim[v] <= lim;
        if !work.spend((lim - low + 1) as u64 * 4) {
            break;
        }
        let mut enter: Option<(i64, usize)> = None;
        for &v in &by_lim[low..=lim] {
            for &e in &incident[v] {
                let (x, y, _, _) = edges[e];
                if !tree.in_tree[e] && flip == inside(x) && flip != inside(y) {
                    let s = slack(rank, e);
                    if enter.is_none_or(|(bs, be)| (s, e) < (bs, be)) {
                        enter = Some((s, e));
                    }
                }
            }
        }
        let Some((delta, enter)) = enter else { break };
        // Move the subtree so that the entering edge is tight.
        let (x, y, _, _) = edges[enter];
        let shift = if inside(y) { -delta } else { delta };
        for &v in &by_lim[low..=lim] {
            rank[v] += shift;
        }
        // Only the cut values on the cycle the entering edge closes change.
        let cut = tree.cut[leave];
        exchange += 1;
        let mut mark = |v: usize| on_cycle[v] = exchange;
        let lca = update_cuts(edges, &mut tree, x, y, cut, true, &mut mark);
        update_cuts(edges, &mut tree, y, x, cut, false, &mut mark);
        mark(lca);
        tree.cut[enter] = -cut;
        tree.cut[leave] = 0.0;
        tree.in_tree[leave] = false;
        tree.in_tree[enter] = true;
        for v in [a, b] {
            tree_edges[v].retain(|&e| e != leave);
        }
        tree_edges[x].push(enter);
        tree_edges[y].push(enter);
        let changed = |v: usize| on_cycle[v] == exchange;
        renumber(edges, &tree_edges, &mut tree, &mut by_lim, lca, changed);
    }
    #[cfg(test)]
    tests::check_tree(n, edges, &incident, &tree, &by_lim, rank, optimal);
    let _ = optimal;
    let min = rank.iter().copied().min().unwrap_or(0);
    for r in rank.iter_mut() {
        *r -= min;
    }
}

/// One root per connected part of the tree: its smallest node.
fn roots_of(n: usize, edges: &[(usize, usize, i64, f64)], in_tree: &[bool]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (e, &(a, b, _, _)) in edges.iter().enumerate() {
        if in_tree[e] {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    (0..n).filter(|&v| find(&mut parent, v) == v).collect()
}

/// Postorder numbers, parents and cut values of the whole tree. Returns each node's tree
/// edges and the node at each postorder number (from 1).
fn compute_tree(
    n: usize,
    edges: &[(usize, usize, i64, f64)],
    incident: &[Vec<usize>],
    tree: &mut Tree,
    roots: &[usize],
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let tree_edges: Vec<Vec<usize>> = incident
        .iter()
        .map(|es| es.iter().copied().filter(|&e| tree.in_tree[e]).collect())
        .collect();
    let mut by_lim = vec![0usize; n + 1];
    tree.parent_edge = vec![None; n];
    let mut next_lim = 1;
    for &root in roots {
        tree.low[root] = next_lim;
        renumber(edges, &tree_edges, tree, &mut by_lim, root, |_| true);
        next_lim = tree.lim[root] + 1;
    }
    // Cut values bottom-up: each from the node's own edges and its children's cut values.
    for &child in &by_lim[1..] {
        let Some(pe) = tree.parent_edge[child] else {
            continue;
        };
        let (a, _, _, w) = edges[pe];
        let child_is_tail = a == child;
        let mut cut = w;
        for &e in &incident[child] {
            if e == pe {
                continue;
            }
            let (x, _, _, weight) = edges[e];
            let is_out = x == child;
            let points_to_head = is_out == child_is_tail;
            cut += if points_to_head { weight } else { -weight };
            if tree.in_tree[e] {
                // A tree edge to a child of `child`.
                let other = tree.cut[e];
                cut += if points_to_head { -other } else { other };
            }
        }
        tree.cut[pe] = cut;
    }
    (tree_edges, by_lim)
}

/// Adds `cut` to (or takes it from) the cut value of every tree edge from `v` up to the
/// lowest common ancestor of `v` and `w`, which it returns: the change an exchange makes
/// on one side of the cycle it closes (Gansner et al., as in Graphviz). `mark` is told
/// each node on the way below the ancestor.
fn update_cuts(
    edges: &[(usize, usize, i64, f64)],
    tree: &mut Tree,
    mut v: usize,
    w: usize,
    cut: f64,
    towards_head: bool,
    mark: &mut impl FnMut(usize),
) -> usize {
    while !(tree.low[v] <= tree.lim[w] && tree.lim[w] <= tree.lim[v]) {
        mark(v);
        let Some(e) = tree.parent_edge[v] else { break };
        let (a, b, _, _) = edges[e];
        if (v == a) == towards_head {
            tree.cut[e] += cut;
        } else {
            tree.cut[e] -= cut;
        }
        v = if v == a { b } else { a };
    }
    v
}

/// Numbers the subtree under `top` in postorder from `tree.low[top]`, setting parents on
/// the way down. After an exchange inside it, its nodes are the same and keep the same
/// range of numbers; only their tree edges changed.
///
/// Only the `changed` nodes (those on the exchange's cycle) have other tree edges than
/// before, and a child that is not one of them hangs from the same edge with the same
/// subtree: where its numbers would start where they started before, they are all the
/// same, and its subtree is skipped (Graphviz's network simplex skips unchanged subtrees
/// too).
fn renumber(
    edges: &[(usize, usize, i64, f64)],
    tree_edges: &[Vec<usize>],
    tree: &mut Tree,
    by_lim: &mut [usize],
    top: usize,
    changed: impl Fn(usize) -> bool,
) {
    let mut next_lim = tree.low[top];
    let mut stack: Vec<(usize, usize, usize)> = vec![(top, 0, next_lim)];
    while let Some(&mut (v, ref mut i, low)) = stack.last_mut() {
        if let Some(&e) = tree_edges[v].get(*i) {
            *i += 1;
            if tree.parent_edge[v] == Some(e) {
                continue;
            }
            let (a, b, _, _) = edges[e];
            let w = if a == v { b } else { a };
            if !changed(w) && tree.parent_edge[w] == Some(e) && tree.low[w] == next_lim {
                next_lim = tree.lim[w] + 1;
                continue;
            }
            tree.parent_edge[w] = Some(e);
            stack.push((w, 0, next_lim));
        } else {
            tree.low[v] = low;
            tree.lim[v] = next_lim;
            by_lim[next_lim] = v;
            next_lim += 1;
            stack.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the incremental updates kept must be what computing the tree afresh gives:
    /// tight tree edges, the same numbering ranges and the same cut values.
    pub(super) fn check_tree(
        n: usize,
        edges: &[(usize, usize, i64, f64)],
        incident: &[Vec<usize>],
        tree: &Tree,
        by_lim: &[usize],
        rank: &[i64],
        optimal: bool,
    ) {
        let mut fresh = Tree {
            in_tree: tree.in_tree.clone(),
            cut: vec![0.0; edges.len()],
            lim: vec![0; n],
            low: vec![0; n],
            parent_edge: vec![None; n],
        };
        let roots = roots_of(n, edges, &tree.in_tree);
        compute_tree(n, edges, incident, &mut fresh, &roots);
        // The kept numbering is a postorder of the tree as it is: each subtree's range
        // holds exactly its nodes, and each node is where `by_lim` says.
        let mut size = vec![1usize; n];
        for &v in &by_lim[1..] {
            assert_eq!(by_lim[tree.lim[v]], v, "node {v} not at its number");
            if let Some(e) = tree.parent_edge[v] {
                let (a, b, _, _) = edges[e];
                let p = if a == v { b } else { a };
                assert!(tree.in_tree[e], "parent edge of {v} not in the tree");
                assert!(
                    tree.low[p] <= tree.low[v] && tree.lim[v] < tree.lim[p],
                    "{v} outside {p}"
                );
                size[p] += size[v];
            }
            assert_eq!(tree.lim[v] + 1 - tree.low[v], size[v], "range of {v}");
        }
        for (e, &(a, b, len, _)) in edges.iter().enumerate() {
            assert!(rank[b] - rank[a] >= len, "edge {e} too short");
            if tree.in_tree[e] {
                assert_eq!(rank[b] - rank[a], len, "tree edge {e} not tight");
                assert!(
                    (tree.cut[e] - fresh.cut[e]).abs() < 1e-6,
                    "cut of {e}: kept {} but is {}",
                    tree.cut[e],
                    fresh.cut[e]
                );
                assert!(
                    !optimal || fresh.cut[e] >= -1e-9,
                    "negative cut {e} at the end"
                );
            }
        }
    }

    #[test]
    fn random_graphs_end_optimal_with_the_cut_values_kept() {
        // A small linear congruential generator: the same graphs on every run.
        let mut seed = 12345u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for round in 0..200 {
            let n = 2 + next(30) as usize;
            let mut edges = Vec::new();
            for _ in 0..n + next(2 * n as u64) as usize {
                let a = next(n as u64) as usize;
                let b = next(n as u64) as usize;
                if a < b {
                    edges.push((a, b, 1 + next(2) as i64, 1.0 + next(4) as f64));
                }
            }
            // Longest path from the sources: feasible.
            let mut rank = vec![0i64; n];
            for v in 0..n {
                for &(a, b, len, _) in &edges {
                    if b == v {
                        rank[v] = rank[v].max(rank[a] + len);
                    }
                }
            }
            network_simplex(n, &edges, &mut rank, &mut Work::new(u64::MAX));
            // `check_tree`, which network_simplex ran, found every tree edge tight, every
            // cut value as kept and none negative: the ranking is optimal.
            assert!(rank.iter().all(|&r| r >= 0), "round {round}");
        }
    }

    #[test]
    fn pulls_a_long_edge_short() {
        // 0→1→2→3 and 0→4→3 (4 can sit anywhere on ranks 1..2); 5→3 with 5 a source that
        // longest-path put on rank 0.
        let edges = vec![
            (0, 1, 1, 1.0),
            (1, 2, 1, 1.0),
            (2, 3, 1, 1.0),
            (0, 4, 1, 1.0),
            (4, 3, 1, 1.0),
            (5, 3, 1, 1.0),
        ];
        let mut rank = vec![0, 1, 2, 3, 1, 0];
        network_simplex(6, &edges, &mut rank, &mut Work::new(1_000_000));
        for &(a, b, len, _) in &edges {
            assert!(rank[b] - rank[a] >= len, "{rank:?}");
        }
        // 5 moves next to 3.
        assert_eq!(rank[3] - rank[5], 1, "{rank:?}");
        let total: i64 = edges.iter().map(|&(a, b, _, _)| rank[b] - rank[a]).sum();
        assert_eq!(total, 7, "{rank:?}");
    }

    #[test]
    fn heavy_edges_win() {
        // 0→1 (len 1, weight 1) and 0→2→1 with a heavy 2→1: no slack to remove, but the
        // result must stay feasible and tight.
        let edges = vec![(0, 1, 1, 1.0), (0, 2, 1, 1.0), (2, 1, 1, 5.0)];
        let mut rank = vec![0, 2, 1];
        network_simplex(3, &edges, &mut rank, &mut Work::new(1_000_000));
        assert_eq!(rank, vec![0, 2, 1]);
    }
}
