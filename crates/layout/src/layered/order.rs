//! Ordering: the order of nodes within each rank, chosen to keep crossings few.
//!
//! In: the layered graph with its ranks. Out: the order of every rank, in place.
//!
//! A search starts from a breadth-first order in declaration order (from the top, or
//! from the bottom), then sweeps down and up sorting each rank by the barycentre of its
//! neighbours in the rank before (kept only when it crosses that rank less), each sweep
//! followed by *transpose* (swap neighbours while that removes crossings, and, on
//! alternate pairs of sweeps or on every sweep, while it adds none). Big graphs run two
//! searches; small ones run four (both starts, both schedules) and the same four from a
//! scrambled start, a few sweeps each, and the best two of those go on. The best order
//! seen, by crossing count, is then *sifted*: each long edge as a whole ([`blocks`]),
//! then each node, moves to its best slot. Crossings between two ranks are counted with
//! a Fenwick (accumulator) tree in O(E log V). From about a hundred nodes on, the
//! searches run on two threads; the result does not depend on it.
//!
//! Nodes that stand aside (a subgraph's guests, with the dummies and labels of their
//! links) stay after all others in every rank, in every order tried. Where a link meets
//! a subgraph block at the member it was written to, the crossings there count too
//! ([`ports`]).

mod blocks;
mod ports;

use super::{LayerGraph, Work};

/// How many sweeps may pass without a better order before a search stops (Graphviz's
/// MinQuit).
const STALE_SWEEPS: usize = 8;
/// Rounds of transposition after each sweep, at most.
const TRANSPOSE_ROUNDS: usize = 32;

/// The graph as ordering reads it: each node's neighbours in the rank above and below,
/// in segment order, and which nodes stand aside.
struct Neighbours {
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    /// Nodes that every order keeps after all others of their rank
    /// ([`LayerNode::aside`]); empty when there are none.
    aside: Vec<bool>,
    /// Where segments meet subgraph blocks, if any does off its middle.
    ports: Option<ports::Ports>,
    /// For each node with one neighbour above and one below (most are dummies of long
    /// edges), those two; `[NONE; 2]` for the others. Transposition, the innermost loop
    /// of ordering, reads such a pair here in one place instead of in four lists. Empty
    /// where segments meet ports, whose crossings only the lists count.
    through: Vec<[usize; 2]>,
}

/// No node: in [`Neighbours::through`], a node with other neighbours than one each side.
const NONE: usize = usize::MAX;

/// Which neighbours of a node.
#[derive(Debug, Clone, Copy)]
enum Side {
    Up,
    Down,
}

impl Neighbours {
    fn of(g: &LayerGraph) -> Self {
        let n = g.nodes.len();
        let (mut up, mut down) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for &(a, b, _) in &g.segments {
            down[a].push(b);
            up[b].push(a);
        }
        let aside = if g.nodes.iter().any(|v| v.aside) {
            g.nodes.iter().map(|v| v.aside).collect()
        } else {
            Vec::new()
        };
        let ports = ports::Ports::of(g);
        let through = if ports.is_some() {
            Vec::new()
        } else {
            up.iter()
                .zip(&down)
                .map(
                    |(above, below)| match (above.as_slice(), below.as_slice()) {
                        ([a], [b]) => [*a, *b],
                        _ => [NONE; 2],
                    },
                )
                .collect()
        };
        Neighbours {
            up,
            down,
            aside,
            ports,
            through,
        }
    }

    /// Whether `v` stands aside.
    fn aside(&self, v: usize) -> bool {
        self.aside.get(v).copied().unwrap_or(false)
    }

    /// Puts the nodes of a rank that stand aside after the others, keeping both orders.
    fn aside_last(&self, layer: &mut [usize]) {
        if !self.aside.is_empty() {
            layer.sort_by_key(|&v| self.aside[v]);
        }
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

/// When transposition also swaps neighbours that cross as often either way, so that the
/// order can drift across a plateau instead of stopping at its edge. Neither schedule
/// finds fewer crossings on every graph, so small graphs search with both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drift {
    /// On the first two of every four sweeps, as in Graphviz.
    Alternate,
    /// On every sweep: more drift, at more transposition rounds per sweep.
    Always,
}

/// One search for a good order: where it starts, how it drifts, how many sweeps at most
/// (Graphviz's MaxIter).
#[derive(Debug, Clone, Copy)]
struct Search {
    from_bottom: bool,
    /// 0: the breadth-first walks start at the nodes rank by rank, in declaration order;
    /// otherwise at the nodes in an order drawn from this seed, whatever their rank (the
    /// same on every run).
    shuffle: u64,
    drift: Drift,
    sweeps: usize,
}

/// The searches of [`order`]: breadth-first from the top with Graphviz's schedule, from
/// the bottom drifting always, then the other two pairings. The constant drift costs
/// more rounds of transposition per sweep, and its best orders come early: 12 sweeps.
const SEARCHES: [Search; 4] = [
    Search {
        shuffle: 0,
        from_bottom: false,
        drift: Drift::Alternate,
        sweeps: 24,
    },
    Search {
        shuffle: 0,
        from_bottom: true,
        drift: Drift::Always,
        sweeps: 12,
    },
    Search {
        shuffle: 0,
        from_bottom: true,
        drift: Drift::Alternate,
        sweeps: 24,
    },
    Search {
        shuffle: 0,
        from_bottom: false,
        drift: Drift::Always,
        sweeps: 12,
    },
];

/// Graphs below this size (nodes plus segments, after normalisation) run the shortlist
/// of [`SHORTLIST_SWEEPS`]; bigger ones only the first two searches, to the end, which
/// is what the time allows at 1,000 nodes (about 9,000). The 200-node bench chart is
/// about 1,900.
const SHORTLIST_BELOW: usize = 4_000;

/// Graphs at least this big run their searches on two threads, half on each. Below it a
/// thread costs more than it saves.
const PARALLEL_FROM: usize = 1_000;

/// Orders `g.layers` in place.
pub fn order(g: &mut LayerGraph, work: &mut Work) {
    let parallel = g.nodes.len() + g.segments.len() >= PARALLEL_FROM;
    order_with(g, work, parallel);
}

/// Small graphs first run every search of [`SEARCHES`] for this many sweeps, and each
/// again from a scrambled start; only the [`SHORTLIST`] best then go on, for
/// [`SHORTLIST_SWEEPS_ON`] sweeps from their best orders. More starts find better orders
/// (the search has many shallow hollows), and a few sweeps tell the promising ones: on
/// generated graphs of 50 nodes 5–13 % fewer crossings than the four searches run to
/// the end, for about the same work (`docs/benchmarks.md`, stop 23).
const SHORTLIST_SWEEPS: usize = 4;
/// How many of the short searches go on.
const SHORTLIST: usize = 2;
/// How many sweeps the shortlisted searches go on for, at most.
const SHORTLIST_SWEEPS_ON: usize = 24;

/// A search's outcome: the crossings of its best order, the order, the work it spent.
type Found = (usize, Vec<Vec<usize>>, u64);

/// [`order`], with the searches side by side or one after the other: the same result
/// either way.
fn order_with(g: &mut LayerGraph, work: &mut Work, parallel: bool) {
    let n = g.nodes.len();
    let nb = Neighbours::of(g);
    let mut results = search(g, &nb, work.remaining, parallel);
    // Side by side, the second half ran whatever the first found: drop what running them
    // in turn would not have run.
    if let Some(last) = results.iter().position(|r| r.0 == 0) {
        results.truncate(last + 1);
    }
    work.remaining = work
        .remaining
        .saturating_sub(results.iter().map(|r| r.2).sum());
    let best = results
        .into_iter()
        .reduce(|best, r| if r.0 < best.0 { r } else { best })
        .expect("at least one search runs");
    g.layers = best.1;
    // Sifting once, on the best order, finds most of what it finds after every sweep, at
    // a fraction of the cost: long edges first, as whole blocks, then every node alone.
    let mut pos = positions(&g.layers, n);
    // (Blocks are sifted past each other whole, which could take one past a node standing
    // aside, and they count no crossings at ports; such graphs are small subgraphs, well
    // served by the searches.)
    if nb.aside.is_empty() && nb.ports.is_none() {
        blocks::sift_blocks(&mut g.layers, &nb, &g.nodes, &mut pos, work);
    }
    sift(&mut g.layers, &nb, &mut pos, work);
}

/// Runs the searches of [`order`]: what each found and spent. Each search has the whole
/// `remaining` budget and all are charged afterwards, so the result is the same whether
/// they run one after the other or side by side (`parallel`).
fn search(g: &LayerGraph, nb: &Neighbours, remaining: u64, parallel: bool) -> Vec<Found> {
    let from_start = |s: &Search| run_search(g, nb, s, initial_order(g, nb, s), remaining);
    if g.nodes.len() + g.segments.len() >= SHORTLIST_BELOW {
        return run_searches(&SEARCHES[..2], parallel, from_start);
    }
    let starts: Vec<Search> = (0..2 * SEARCHES.len())
        .map(|i| Search {
            shuffle: (i / SEARCHES.len()) as u64,
            sweeps: SHORTLIST_SWEEPS,
            ..SEARCHES[i % SEARCHES.len()]
        })
        .collect();
    let mut found = run_searches(&starts, parallel, from_start);
    if found.iter().any(|r| r.0 == 0) {
        return found;
    }
    // The best few, the first on a tie, each going on from its best order.
    let mut best: Vec<usize> = (0..found.len()).collect();
    best.sort_by_key(|&i| (found[i].0, i));
    let going_on: Vec<(Search, &[Vec<usize>])> = best[..SHORTLIST]
        .iter()
        .map(|&i| {
            let search = Search {
                sweeps: SHORTLIST_SWEEPS_ON,
                ..starts[i]
            };
            (search, found[i].1.as_slice())
        })
        .collect();
    let more = run_searches(&going_on, parallel, |(s, layers)| {
        run_search(g, nb, s, layers.to_vec(), remaining)
    });
    found.extend(more);
    found
}

/// Runs one search on `g` from `layers` with `budget` work units.
fn run_search(
    g: &LayerGraph,
    nb: &Neighbours,
    search: &Search,
    mut layers: Vec<Vec<usize>>,
    budget: u64,
) -> Found {
    let sweep_cost = (g.nodes.len() + g.segments.len()) as u64 * 8;
    let mut work = Work::new(budget);
    let (crossings, best) = sweep(&mut layers, nb, sweep_cost, search, &mut work);
    (crossings, best, budget - work.remaining)
}

/// Runs `run` on each of `items` in turn, until one finds an order without crossings:
/// that cannot be beaten, and the rest are neither needed nor paid for. Side by side,
/// half on each thread, when `parallel`; the caller then drops what came after such an
/// order.
fn run_searches<T: Sync>(
    items: &[T],
    parallel: bool,
    run: impl Fn(&T) -> Found + Sync,
) -> Vec<Found> {
    let run_all = |items: &[T]| {
        let mut results = Vec::new();
        for item in items {
            let result = run(item);
            let done = result.0 == 0;
            results.push(result);
            if done {
                break;
            }
        }
        results
    };
    if !parallel {
        return run_all(items);
    }
    let (first, second) = items.split_at(items.len().div_ceil(2));
    let (mut here, there) = side_by_side(|| run_all(first), || run_all(second));
    here.extend(there);
    here
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
/// (`cost` work units each), as `search` says. Returns the best order seen and its
/// crossing count.
fn sweep(
    layers: &mut [Vec<usize>],
    nb: &Neighbours,
    cost: u64,
    search: &Search,
    work: &mut Work,
) -> (usize, Vec<Vec<usize>>) {
    let mut pos = positions(layers, nb.len());
    let mut counter = Counter::default();
    let mut best = layers.to_vec();
    let mut best_crossings = counter.total(layers, nb, &pos);
    let mut stale = 0;
    for iteration in 0..search.sweeps {
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
        let equal_swaps = match search.drift {
            Drift::Alternate => iteration % 4 < 2,
            Drift::Always => true,
        };
        transpose(layers, nb, &mut pos, work, equal_swaps);
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
            // The slots that keep the nodes standing aside after the others.
            let others = layer.iter().filter(|&&u| !nb.aside(u)).count();
            let allowed = if nb.aside(v) {
                others..=layer.len()
            } else {
                0..=others
            };
            let mut best: Option<(isize, usize)> = None;
            for slot in 0..=layer.len() {
                if slot > 0 {
                    let (before, after) = either[slot - 1];
                    current += after as isize - before as isize;
                }
                // Prefer the original slot on ties, so sifting never churns.
                let better =
                    best.is_none_or(|(b, _)| current < b || (current == b && slot == from));
                if allowed.contains(&slot) && better {
                    best = Some((current, slot));
                }
            }
            let best_at = best.map_or(from, |(_, slot)| slot);
            layer.insert(best_at.min(layer.len()), v);
            record(layer, pos);
        }
    }
}

/// Breadth-first from each unvisited node in declaration order (or in the order the
/// search's shuffle draws), rank by rank, following neighbours (downwards, or upwards
/// when starting from the bottom).
fn initial_order(g: &LayerGraph, nb: &Neighbours, search: &Search) -> Vec<Vec<usize>> {
    let next = if search.from_bottom {
        Side::Up
    } else {
        Side::Down
    };
    let n = g.nodes.len();
    let rank = |v: usize| g.nodes[v].rank;
    let mut visited = vec![false; n];
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); g.layers.len()];
    let mut starts: Vec<usize> = (0..n).collect();
    if search.shuffle != 0 {
        // A linear congruential sequence: any fixed scramble will do.
        let mut state = search.shuffle.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let keys: Vec<u64> = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                state >> 11
            })
            .collect();
        starts.sort_by_key(|&v| keys[v]);
    } else if search.from_bottom {
        starts.sort_by_key(|&v| std::cmp::Reverse(rank(v)));
    } else {
        starts.sort_by_key(|&v| rank(v));
    }
    for s in starts {
        if visited[s] {
            continue;
        }
        let mut queue = std::collections::VecDeque::from([s]);
        visited[s] = true;
        while let Some(v) = queue.pop_front() {
            layers[rank(v)].push(v);
            for w in nb.on(next, v).iter().copied() {
                if !visited[w] {
                    visited[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    for layer in &mut layers {
        nb.aside_last(layer);
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
            let mut sum = ns.iter().map(|&u| pos[u] as f64).sum::<f64>();
            // Where a segment meets a block off its middle, it counts as that much off
            // the block's place.
            if let Some(ports) = &nb.ports {
                sum += ports.far(matches!(side, Side::Up), v).sum::<f64>();
            }
            let key = sum / ns.len().max(1) as f64;
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
    nb.aside_last(layer);
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

/// Both counts of [`pair_crossings`], on both sides, with those at ports.
#[inline(always)]
fn crossings_either_way(u: usize, v: usize, nb: &Neighbours, pos: &[usize]) -> (usize, usize) {
    // Two nodes with one neighbour each side, read from one place.
    if let (Some(&[a, c]), Some(&[b, d])) = (nb.through.get(u), nb.through.get(v))
        && a != NONE
        && b != NONE
    {
        let (pa, pb, pc, pd) = (pos[a], pos[b], pos[c], pos[d]);
        return (
            usize::from(pa > pb) + usize::from(pc > pd),
            usize::from(pa < pb) + usize::from(pc < pd),
        );
    }
    let (a, b) = pair_crossings(nb.up(u), nb.up(v), pos);
    let (c, d) = pair_crossings(nb.down(u), nb.down(v), pos);
    let (e, f) = nb.ports.as_ref().map_or((0, 0), |p| p.pair(u, v, nb));
    (a + c + e, b + d + f)
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
    // Most graphs have no node standing aside: then no pair needs asking.
    let any_aside = !nb.aside.is_empty();
    // Whether each rank changed in its last pass. A rank whose last pass swapped nothing,
    // and whose neighbours have not changed since, would swap nothing again: skipped.
    let mut changed = vec![true; layers.len()];
    // Checking a pair of neighbours costs the product of their degrees; a pass over a
    // rank is charged at once, with the sum of its squared degrees, which bounds that.
    let pass_cost: Vec<u64> = layers
        .iter()
        .map(|layer| {
            layer
                .iter()
                .map(|&v| 1 + (nb.degree(v) as u64).pow(2))
                .sum()
        })
        .collect();
    while improved && rounds < TRANSPOSE_ROUNDS {
        improved = false;
        rounds += 1;
        for r in 0..layers.len() {
            let neighbours_changed = (r > 0 && changed[r - 1]) || changed.get(r + 1) == Some(&true);
            if !changed[r] && !neighbours_changed {
                continue;
            }
            changed[r] = false;
            if !work.spend(pass_cost[r]) {
                return;
            }
            let layer = &mut layers[r];
            for i in 0..layer.len().saturating_sub(1) {
                let (u, v) = (layer[i], layer[i + 1]);
                if any_aside && nb.aside[u] != nb.aside[v] {
                    continue;
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

/// Total crossings between all adjacent ranks, with those at ports.
pub fn count_crossings(g: &LayerGraph) -> usize {
    let pos = positions(&g.layers, g.nodes.len());
    let nb = Neighbours::of(g);
    Counter::default().total(&g.layers, &nb, &pos)
}

/// Counts crossings between adjacent ranks with a Fenwick (accumulator) tree, keeping
/// its memory from one count to the next: ordering counts thousands of times.
#[derive(Debug, Default)]
struct Counter {
    /// The lower ends' positions, in the order of the upper ends (then the lower).
    lower: Vec<usize>,
    tree: Vec<usize>,
    /// Room to count crossings at a node's ports.
    keys: Vec<(f64, usize, f64)>,
}

impl Counter {
    /// Crossings between all adjacent ranks.
    fn total(&mut self, layers: &[Vec<usize>], nb: &Neighbours, pos: &[usize]) -> usize {
        (0..layers.len().saturating_sub(1))
            .map(|r| self.below(layers, r, nb, pos))
            .sum()
    }

    /// Crossings between rank `upper` and the rank below it: pairs of segments whose
    /// lower ends are in the opposite order of their upper ends, and those at ports.
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
        if let Some(ports) = &nb.ports {
            total += ports.below(layers, upper, nb, pos, &mut self.keys);
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
                aside: false,
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
    fn nodes_standing_aside_stay_after_the_others() {
        // 0 -> 3, 1 -> 4, 2 -> 5, with 0 and 3 aside: 0 goes after 1 and 2 on its rank,
        // and 3 after 4 and 5 on its own, so neither edge crosses.
        let mut g = two_layers(&[(0, 3), (1, 4), (2, 5)]);
        for v in [0, 3] {
            g.nodes[v].aside = true;
        }
        order(&mut g, &mut Work::new(10_000));
        assert_eq!(g.layers, vec![vec![1, 2, 0], vec![4, 5, 3]]);
        assert_eq!(count_crossings(&g), 0);
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
                aside: false,
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
    fn each_schedule_finds_the_fewest_crossings_somewhere_and_the_best_order_is_kept() {
        let (mut alternate_won, mut always_won) = (false, false);
        for seed in 0..20 {
            let g = random_layers(10, 12, seed);
            let nb = Neighbours::of(&g);
            let best_of = |drift: Drift| {
                SEARCHES
                    .iter()
                    .filter(|s| s.drift == drift)
                    .map(|s| run_search(&g, &nb, s, initial_order(&g, &nb, s), 500_000_000).0)
                    .min()
                    .unwrap()
            };
            let (alternate, always) = (best_of(Drift::Alternate), best_of(Drift::Always));
            alternate_won |= alternate < always;
            always_won |= always < alternate;
            // The best order the searches find is kept, and sifting it adds no crossings.
            let found = search(&g, &nb, 500_000_000, false);
            let kept = found.iter().map(|r| r.0).min().unwrap();
            let mut ordered = g.clone();
            order(&mut ordered, &mut Work::new(500_000_000));
            assert!(count_crossings(&ordered) <= kept, "seed {seed}");
        }
        assert!(alternate_won && always_won, "{alternate_won} {always_won}");
    }

    #[test]
    fn the_shortlist_finds_fewer_crossings_than_the_four_searches_run_to_the_end() {
        // Over twenty random graphs, about the size of a 50-node chart after
        // normalisation. Scrambled starts find hollows the four fixed starts do not.
        let (mut shortlisted, mut to_the_end) = (0, 0);
        for seed in 0..20 {
            let g = random_layers(10, 12, seed);
            let nb = Neighbours::of(&g);
            let budget = 500_000_000;
            shortlisted += search(&g, &nb, budget, false)
                .iter()
                .map(|r| r.0)
                .min()
                .unwrap();
            to_the_end += SEARCHES
                .iter()
                .map(|s| run_search(&g, &nb, s, initial_order(&g, &nb, s), budget).0)
                .min()
                .unwrap();
        }
        assert!(
            shortlisted < to_the_end,
            "{shortlisted} against {to_the_end}"
        );
    }

    #[test]
    fn a_pair_with_one_neighbour_each_side_counts_as_its_lists_do() {
        // Transposition reads such pairs from `through`; every pair of neighbours in every
        // rank, in the graph's order and reversed, must count as the lists count.
        // Chains from rank to rank (slot i to slot 5i + r), and a few random links that
        // give some nodes more neighbours.
        let mut g = random_layers(8, 12, 7);
        let extra: Vec<_> = g.segments.iter().step_by(6).copied().collect();
        g.segments = (0..7)
            .flat_map(|r| (0..12).map(move |i| (r * 12 + i, (r + 1) * 12 + (5 * i + r) % 12, 1.0)))
            .chain(extra)
            .collect();
        g.offsets = vec![(0.0, 0.0); g.segments.len()];
        let nb = Neighbours::of(&g);
        let single = (0..nb.len()).filter(|&v| nb.through[v][0] != NONE).count();
        assert!(
            single > 30,
            "only {single} nodes with one neighbour each side"
        );
        for flip in [false, true] {
            if flip {
                g.layers.iter_mut().for_each(|layer| layer.reverse());
            }
            let pos = positions(&g.layers, nb.len());
            for layer in &g.layers {
                for pair in layer.windows(2) {
                    let (u, v) = (pair[0], pair[1]);
                    let (a, b) = pair_crossings(nb.up(u), nb.up(v), &pos);
                    let (c, d) = pair_crossings(nb.down(u), nb.down(v), &pos);
                    assert_eq!(crossings_either_way(u, v, &nb, &pos), (a + c, b + d));
                }
            }
        }
    }

    #[test]
    fn searches_give_the_same_order_side_by_side_as_in_turn() {
        // With budget to spare, and with so little that the sweeps stop early: four
        // searches, two per thread; and a graph big enough for only two, one each.
        for (seed, budget, ranks, width) in [
            (1, 500_000_000, 12, 30),
            (2, 500_000_000, 12, 30),
            (3, 20_000, 12, 30),
            (4, 500_000_000, 40, 60),
        ] {
            let g = random_layers(ranks, width, seed);
            let size = g.nodes.len() + g.segments.len();
            assert_eq!(
                size >= SHORTLIST_BELOW,
                seed == 4,
                "seed {seed}: size {size}"
            );
            let (mut alone, mut together) = (g.clone(), g);
            let (mut work_alone, mut work_together) = (Work::new(budget), Work::new(budget));
            order_with(&mut alone, &mut work_alone, false);
            order_with(&mut together, &mut work_together, true);
            assert_eq!(alone.layers, together.layers, "seed {seed}");
            assert_eq!(work_alone.remaining, work_together.remaining, "seed {seed}");
            assert!(count_crossings(&alone) > 0, "seed {seed}: a trivial graph");
        }
        // Small graphs, where a search often ends without crossings: then the rest are
        // not charged either way.
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
