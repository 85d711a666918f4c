//! Guests: items outside a subgraph that are laid out with it.
//!
//! In: the flowchart and each subgraph's direction. Out: for each node and each
//! subgraph, the subgraph it is laid out in as a guest, if any.
//!
//! A subgraph is laid out as one block, so its members are ranked without the paths
//! outside it. `Backend{Gateway → Service → DB}` with `Service → Queue → Worker → DB`
//! outside put DB right under Service, Queue and Worker under the whole frame, and drew
//! `Worker → DB` upwards back into it (Mermaid puts Queue and Worker beside the frame,
//! DB at its bottom). An item of the subgraph's parent scope — a node, or a whole
//! subgraph — that lies on such a way out and back in (reachable from a member, and
//! reaching one, through that scope's items) is laid out in the subgraph's block, so the
//! block ranks the whole way, and then set beside the members (see `blocks`), outside
//! the frame drawn round them; so are the items that only the way leads to, where the
//! flow goes on after it. Not an item on a loop back into the subgraph (one that,
//! with the members' own edges, closes a cycle): a loop goes back up however it is laid
//! out, and reads better downstream of the frame than beside it. And only where the
//! subgraph flows as its parent does: a guest keeps the flow of the scope it belongs to.
//! Each subgraph walks the whole chart, so on charts with very many subgraphs and edges
//! (past [`MOST_WORK`]) none are looked for.

use liutu_model::{Direction, Flowchart, SubgraphId};

/// Subgraphs times the edges and items each one walks, past which no guests are looked
/// for: a few milliseconds' work (a hundred subgraphs on a chart of twenty thousand edges).
const MOST_WORK: usize = 2_000_000;

/// Which subgraph each node and each subgraph is a guest of: at most one.
#[derive(Debug, Clone, Default)]
pub struct Guests {
    pub nodes: Vec<Option<SubgraphId>>,
    pub subgraphs: Vec<Option<SubgraphId>>,
}

/// The guests of every subgraph, taken in declaration order: an item is the guest of the
/// first subgraph it is found beside, and a subgraph with guests is no one's guest.
pub fn guests(chart: &Flowchart, directions: &[Direction]) -> Guests {
    let items = Items::new(chart);
    let count = items.count();
    let mut guest_of: Vec<Option<SubgraphId>> = vec![None; count];
    // Each subgraph walks the whole chart: on a chart where that is too much work, every
    // subgraph is laid out as its own block alone, as before guests.
    let work = chart
        .subgraphs
        .len()
        .saturating_mul(chart.edges.len() + count);
    if work > MOST_WORK {
        return Guests {
            nodes: vec![None; chart.nodes.len()],
            subgraphs: vec![None; chart.subgraphs.len()],
        };
    }
    let mut hosts = vec![false; count];
    for (s, sub) in chart.subgraphs.iter().enumerate() {
        let outer_direction = sub.parent.map_or(chart.direction, |p| directions[p]);
        let me = items.subgraph(s);
        if directions[s] != outer_direction || guest_of[me].is_some() {
            continue;
        }
        let beside = items.beside(s);
        let on_way = beside.ways_back_in();
        let free = |i: usize| on_way[i] && guest_of[i].is_none() && !hosts[i];
        let looped = items.on_cycles(s, &|i| free(i));
        let mut found: Vec<usize> = (0..count).filter(|&i| free(i) && !looped[i]).collect();
        if !found.is_empty() {
            let followers =
                beside.followers(&found, &|i| guest_of[i].is_none() && !hosts[i] && i != me);
            found.extend(followers);
        }
        for &i in &found {
            guest_of[i] = Some(s);
        }
        hosts[me] = !found.is_empty();
    }
    let subgraphs = guest_of.split_off(chart.nodes.len());
    Guests {
        nodes: guest_of,
        subgraphs,
    }
}

/// The chart's nodes and subgraphs as one list of items (nodes first), with the items
/// each edge joins: a node, or a subgraph by its id.
struct Items<'a> {
    chart: &'a Flowchart,
    ends: Vec<(usize, usize)>,
}

impl<'a> Items<'a> {
    fn new(chart: &'a Flowchart) -> Self {
        let n = chart.nodes.len();
        let ends = chart
            .edges
            .iter()
            .map(|e| {
                (
                    e.from_subgraph.map_or(e.from, |s| n + s),
                    e.to_subgraph.map_or(e.to, |s| n + s),
                )
            })
            .collect();
        Items { chart, ends }
    }

    fn count(&self) -> usize {
        self.chart.nodes.len() + self.chart.subgraphs.len()
    }

    fn subgraph(&self, s: SubgraphId) -> usize {
        self.chart.nodes.len() + s
    }

    fn parent(&self, item: usize) -> Option<SubgraphId> {
        let n = self.chart.nodes.len();
        if item < n {
            self.chart.nodes[item].parent
        } else {
            self.chart.subgraphs[item - n].parent
        }
    }

    /// The item of `scope` that holds `item` (or is it), if any.
    fn in_scope(&self, item: usize, scope: Option<SubgraphId>) -> Option<usize> {
        let mut at = item;
        for _ in 0..=self.chart.subgraphs.len() + 1 {
            let up = self.parent(at);
            if up == scope {
                return Some(at);
            }
            at = self.subgraph(up?);
        }
        None
    }

    /// The links among the items of `s`'s parent scope, its members taken as one item.
    /// Edges that end on `s`'s own frame are left out: they rank no member.
    fn beside(&self, s: SubgraphId) -> Beside {
        let count = self.count();
        let outer = self.chart.subgraphs[s].parent;
        let host = count;
        // The members as one item, `host`; the scope's other items as themselves.
        let unit = |item: usize| {
            if item == self.subgraph(s) {
                None
            } else if self.in_scope(item, Some(s)).is_some() {
                Some(host)
            } else {
                self.in_scope(item, outer)
            }
        };
        let (mut out, mut into) = (vec![Vec::new(); count + 1], vec![Vec::new(); count + 1]);
        for &(a, b) in &self.ends {
            if let (Some(x), Some(y)) = (unit(a), unit(b))
                && x != y
            {
                out[x].push(y);
                into[y].push(x);
            }
        }
        Beside { out, into }
    }

    /// Which of the items `guest` allows lie on a cycle of `s`'s scope with them in it:
    /// its own items and the guests, each whole, joined as the layout will join them.
    /// Kosaraju's two searches: finishing order, then the reversed links in reverse
    /// finishing order.
    fn on_cycles(&self, s: SubgraphId, guest: &dyn Fn(usize) -> bool) -> Vec<bool> {
        let count = self.count();
        let outer = self.chart.subgraphs[s].parent;
        let unit = |item: usize| {
            self.in_scope(item, Some(s))
                .or_else(|| self.in_scope(item, outer).filter(|&i| guest(i)))
        };
        let (mut out, mut into) = (vec![Vec::new(); count], vec![Vec::new(); count]);
        for &(a, b) in &self.ends {
            if let (Some(x), Some(y)) = (unit(a), unit(b))
                && x != y
            {
                out[x].push(y);
                into[y].push(x);
            }
        }
        let mut finished = Vec::new();
        let mut seen = vec![false; count];
        for root in 0..count {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            let mut stack = vec![(root, 0usize)];
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                match out[v].get(*next) {
                    Some(&w) => {
                        *next += 1;
                        if !seen[w] {
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
        let mut component = vec![usize::MAX; count];
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
        (0..count).map(|v| size[component[v]] > 1).collect()
    }
}

/// The links among the items of a subgraph's parent scope, leaving and entering each
/// item, the subgraph's members taken as one item: the last, the host.
struct Beside {
    out: Vec<Vec<usize>>,
    into: Vec<Vec<usize>>,
}

impl Beside {
    fn host(&self) -> usize {
        self.out.len() - 1
    }

    /// The items on a way out of the subgraph and back in: reachable from a member and
    /// reaching one through the scope's items.
    fn ways_back_in(&self) -> Vec<bool> {
        let host = self.host();
        let (from, to) = (reach(host, &self.out), reach(host, &self.into));
        (0..host).map(|i| from[i] && to[i]).collect()
    }

    /// The items that only the subgraph's `guests` (and members) lead to, downstream of
    /// a guest, and that `free` allows: the flow after a way back in goes on beside the
    /// frame with it, rather than under the whole frame, reached by edges from the guests
    /// that cross the way back (`Paid? → Confirm → Notify` after `Reserve → Pay → Paid?
    /// → Release → Sold out`, Mermaid's drawing of it).
    fn followers(&self, guests: &[usize], free: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let host = self.host();
        let mut with = vec![false; host + 1];
        with[host] = true;
        for &g in guests {
            with[g] = true;
        }
        let mut found = Vec::new();
        let mut next: Vec<usize> = guests
            .iter()
            .flat_map(|&g| self.out[g].iter().copied())
            .collect();
        while let Some(x) = next.pop() {
            if x == host || with[x] || !free(x) {
                continue;
            }
            // Led to only by guests and members, and by a guest at least.
            let only_ours = self.into[x].iter().all(|&w| with[w]);
            let from_guest = self.into[x].iter().any(|&w| w != host && with[w]);
            if only_ours && from_guest {
                with[x] = true;
                found.push(x);
                next.extend(self.out[x].iter().copied());
            }
        }
        found.sort_unstable();
        found
    }
}

/// The items reached from `from` along `next`, not counting `from` itself.
fn reach(from: usize, next: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; next.len()];
    let mut stack: Vec<usize> = next[from].clone();
    while let Some(v) = stack.pop() {
        if seen[v] || v == from {
            continue;
        }
        seen[v] = true;
        stack.extend(next[v].iter().copied());
    }
    seen
}
