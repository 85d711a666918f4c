//! Guests: nodes outside a subgraph that are laid out with it.
//!
//! In: the flowchart and each subgraph's direction. Out: for each node, the subgraph it
//! is laid out in as a guest, if any.
//!
//! A subgraph is laid out as one block, so its members are ranked without the paths
//! outside it. `Backend{Gateway → Service → DB}` with `Service → Queue → Worker → DB`
//! outside put DB right under Service, Queue and Worker under the whole frame, and drew
//! `Worker → DB` upwards back into it (Mermaid puts Queue and Worker beside the frame,
//! DB at its bottom). A node of the subgraph's parent scope that lies on such a way out
//! and back in — reachable from a member, and reaching one, through nodes of that scope
//! only — is laid out in the subgraph's block, so the block ranks the whole way, and then
//! set beside the members (see `blocks`), outside the frame drawn round them. Not a node
//! on a loop back into the subgraph (one that, with the members' own edges, closes a
//! cycle): a loop goes back up however it is laid out, and it reads better beyond the
//! frame, downstream, than beside it. And only where the subgraph flows as its parent
//! does: a guest keeps the flow of the scope it belongs to.

use liutu_model::{Direction, Flowchart, NodeId, SubgraphId};

/// For each node, the subgraph it is a guest of: at most one.
pub fn guests(chart: &Flowchart, directions: &[Direction]) -> Vec<Option<SubgraphId>> {
    let n = chart.nodes.len();
    let mut guest_of: Vec<Option<SubgraphId>> = vec![None; n];
    let mut claimed = vec![0usize; n];
    // Node-to-node links only: a link to a subgraph's own id ends on its frame.
    let links: Vec<(NodeId, NodeId)> = chart
        .edges
        .iter()
        .filter(|e| e.from != e.to && e.from_subgraph.is_none() && e.to_subgraph.is_none())
        .map(|e| (e.from, e.to))
        .collect();
    let (mut out, mut into) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    for &(a, b) in &links {
        out[a].push(b);
        into[b].push(a);
    }
    for (s, sub) in chart.subgraphs.iter().enumerate() {
        let outer = sub.parent;
        let outer_direction = outer.map_or(chart.direction, |p| directions[p]);
        if directions[s] != outer_direction {
            continue;
        }
        let members: Vec<NodeId> = (0..n).filter(|&v| inside(chart, v, s)).collect();
        // Plain nodes of the scope the subgraph stands in.
        let beside = |v: NodeId| chart.nodes[v].parent == outer;
        let reached = reach(&members, &out, beside);
        let reaching = reach(&members, &into, beside);
        let mut on_way: Vec<bool> = (0..n).map(|v| reached[v] && reaching[v]).collect();
        if !on_way.contains(&true) {
            continue;
        }
        for &m in &members {
            on_way[m] = true;
        }
        let looped = on_cycles(&out, &on_way);
        for v in (0..n).filter(|&v| reached[v] && reaching[v] && !looped[v]) {
            claimed[v] += 1;
            guest_of[v] = Some(s);
        }
    }
    // A node on ways back into two subgraphs stays where it is.
    for (v, guest) in guest_of.iter_mut().enumerate() {
        if claimed[v] > 1 {
            *guest = None;
        }
    }
    guest_of
}

/// Whether node `v` is in subgraph `s`, directly or in one nested in it.
fn inside(chart: &Flowchart, v: NodeId, s: SubgraphId) -> bool {
    let mut up = chart.nodes[v].parent;
    for _ in 0..=chart.subgraphs.len() {
        match up {
            Some(p) if p == s => return true,
            Some(p) => up = chart.subgraphs[p].parent,
            None => return false,
        }
    }
    false
}

/// The nodes `through` allows that can be reached from `from` along `next`, passing only
/// through such nodes.
fn reach(from: &[NodeId], next: &[Vec<NodeId>], through: impl Fn(NodeId) -> bool) -> Vec<bool> {
    let mut seen = vec![false; next.len()];
    let mut stack: Vec<NodeId> = from.iter().flat_map(|&m| next[m].iter().copied()).collect();
    while let Some(v) = stack.pop() {
        if seen[v] || !through(v) {
            continue;
        }
        seen[v] = true;
        stack.extend(next[v].iter().copied());
    }
    seen
}

/// Which of the nodes `keep` allows lie on a cycle of the links among them (Kosaraju's
/// two searches: finishing order, then the reversed links in reverse finishing order).
fn on_cycles(out: &[Vec<NodeId>], keep: &[bool]) -> Vec<bool> {
    let n = out.len();
    let mut into: Vec<Vec<NodeId>> = vec![Vec::new(); n];
    for v in (0..n).filter(|&v| keep[v]) {
        for &w in out[v].iter().filter(|&&w| keep[w]) {
            into[w].push(v);
        }
    }
    let mut finished: Vec<NodeId> = Vec::new();
    let mut seen = vec![false; n];
    for root in (0..n).filter(|&v| keep[v]) {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            match out[v].get(*next) {
                Some(&w) => {
                    *next += 1;
                    if keep[w] && !seen[w] {
                        seen[w] = true;
                        stack.push((w, 0));
                    }
                }
                None => {
                    finished.push(v);
                    stack.pop();
                }
            }
        }
    }
    let mut component = vec![usize::MAX; n];
    let mut size = Vec::new();
    for &root in finished.iter().rev() {
        if component[root] != usize::MAX {
            continue;
        }
        let c = size.len();
        size.push(0usize);
        component[root] = c;
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            size[c] += 1;
            for &w in &into[v] {
                if component[w] == usize::MAX {
                    component[w] = c;
                    stack.push(w);
                }
            }
        }
    }
    (0..n)
        .map(|v| keep[v] && (size[component[v]] > 1 || out[v].contains(&v)))
        .collect()
}
