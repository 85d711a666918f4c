//! Coordinates: where each node sits across the flow, and where each rank starts along it.
//!
//! Across: start packed, then sweep the ranks a few times moving each node towards the
//! weighted median of its neighbours in the ranks beside it, solving each rank exactly as
//! an ordered least-squares problem (pool-adjacent-violators block merging) so that the
//! order and the minimum gaps always hold. Segments between dummies weigh most, so long
//! edges come out straight; then links are lined up with their ends where there is room,
//! and a long edge's dummies keep one line until its neighbours leave no room. In cells,
//! every centre is a whole cell.

use super::{LayerGraph, Work, normalize::NodeKind};

/// Gaps between things, in the scene's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Between two boxes of the same rank.
    pub node_sep: f64,
    /// Between two dummies (parallel edge lines).
    pub dummy_sep: f64,
    /// Across size of a dummy.
    pub dummy_across: f64,
    /// Between two ranks.
    pub rank_sep: f64,
    /// Extra room along the flow for each edge that must jog sideways between two ranks
    /// (text art routes each on its own row).
    pub track_sep: f64,
    /// Most extra tracks added to one gap.
    pub max_tracks: usize,
    /// Round every centre to a whole unit (text art).
    pub integral: bool,
}

fn gap(spacing: &Spacing, a: NodeKind, b: NodeKind) -> f64 {
    let is_dummy = |k: NodeKind| matches!(k, NodeKind::Dummy(_));
    match (is_dummy(a), is_dummy(b)) {
        (true, true) => spacing.dummy_sep,
        (false, false) => spacing.node_sep,
        _ => (spacing.dummy_sep + spacing.node_sep) / 2.0,
    }
}

/// The centre of every node across the flow; the smallest left edge is 0.
pub fn assign_across(g: &LayerGraph, spacing: &Spacing, work: &mut Work) -> Vec<f64> {
    let n = g.nodes.len();
    let mut x = vec![0.0; n];
    for layer in &g.layers {
        let mut cursor = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                cursor += gap(spacing, g.nodes[layer[i - 1]].kind, g.nodes[v].kind);
            }
            x[v] = cursor + g.nodes[v].across / 2.0;
            cursor += g.nodes[v].across;
        }
    }
    // Neighbours with their weight and the shift that lines the link up: a node wants
    // its centre at the neighbour's centre plus that shift.
    let mut up: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); n];
    let mut down: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); n];
    for (&(a, b, w), &(oa, ob)) in g.segments.iter().zip(&g.offsets) {
        down[a].push((b, w, ob - oa));
        up[b].push((a, w, oa - ob));
    }
    let passes = 8;
    for pass in 0..passes {
        if !work.spend((n + g.segments.len()) as u64 * 2) {
            break;
        }
        let downward = pass % 2 == 0;
        let last = pass + 2 >= passes;
        let ranks: Vec<usize> = if downward {
            (0..g.layers.len()).collect()
        } else {
            (0..g.layers.len()).rev().collect()
        };
        for r in ranks {
            let layer = &g.layers[r];
            let desired: Vec<(f64, f64)> = layer
                .iter()
                .map(|&v| {
                    // Late passes look both ways so nodes settle between their neighbours.
                    let primary = if downward { &up[v] } else { &down[v] };
                    let both: Vec<(usize, f64, f64)>;
                    let ns = if last || primary.is_empty() {
                        both = up[v].iter().chain(&down[v]).copied().collect();
                        &both
                    } else {
                        primary
                    };
                    let total: f64 = ns.iter().map(|&(_, w, _)| w).sum();
                    if total > 0.0 {
                        (weighted_median(ns, &x), total)
                    } else {
                        (x[v], 0.01)
                    }
                })
                .collect();
            let placed = place_row(g, layer, &desired, spacing);
            for (&v, p) in layer.iter().zip(placed) {
                x[v] = p;
            }
        }
    }
    if spacing.integral {
        snap_to_cells(g, &mut x, spacing);
    }
    let room = Room::new(g, spacing);
    straighten(g, &mut x, spacing, &room, &up, &down);
    straighten_runs(g, &mut x, spacing, &room);
    let min_left = g
        .nodes
        .iter()
        .zip(&x)
        .map(|(node, c)| c - node.across / 2.0)
        .fold(f64::INFINITY, f64::min);
    if min_left.is_finite() {
        for c in &mut x {
            *c -= min_left;
        }
    }
    x
}

/// The weighted median of the neighbours' centres (the mean of the two middle ones when
/// the weight splits evenly). Medians, unlike means, line nodes up exactly with one
/// neighbour, which is what makes chains and long edges straight.
fn weighted_median(ns: &[(usize, f64, f64)], x: &[f64]) -> f64 {
    let mut values: Vec<(f64, f64)> = ns.iter().map(|&(u, w, shift)| (x[u] + shift, w)).collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = values.iter().map(|v| v.1).sum::<f64>() / 2.0;
    let mut acc = 0.0;
    for (i, &(value, w)) in values.iter().enumerate() {
        acc += w;
        if (acc - half).abs() < 1e-9 {
            return values
                .get(i + 1)
                .map_or(value, |next| (value + next.0) / 2.0);
        }
        if acc > half {
            return value;
        }
    }
    values.last().map_or(0.0, |v| v.0)
}

/// Least-squares placement of one ordered row: minimise Σ w·(x − desired)² subject to
/// every node keeping its order and gaps. Classic block merging, linear in the row.
fn place_row(
    g: &LayerGraph,
    layer: &[usize],
    desired: &[(f64, f64)],
    spacing: &Spacing,
) -> Vec<f64> {
    struct Block {
        first: usize,
        weight: f64,
        // Σ w·(desired − offset)
        moment: f64,
        pos: f64,
    }
    // Offset of each node's centre from its block's first centre.
    let mut offset = vec![0.0; layer.len()];
    let mut blocks: Vec<Block> = Vec::new();
    for i in 0..layer.len() {
        let (d, w) = desired[i];
        let mut block = Block {
            first: i,
            weight: w,
            moment: w * d,
            pos: d,
        };
        offset[i] = 0.0;
        while let Some(prev) = blocks.pop() {
            let last = block.first - 1;
            let need = (g.nodes[layer[last]].across + g.nodes[layer[block.first]].across) / 2.0
                + gap(
                    spacing,
                    g.nodes[layer[last]].kind,
                    g.nodes[layer[block.first]].kind,
                );
            if prev.pos + offset[last] + need <= block.pos + 1e-9 {
                blocks.push(prev);
                break;
            }
            // Merge `block` into `prev`: its nodes now sit at fixed offsets after prev's.
            let shift = offset[last] + need;
            for o in &mut offset[block.first..=i] {
                *o += shift;
            }
            let weight = prev.weight + block.weight;
            let moment = prev.moment + block.moment - block.weight * shift;
            block = Block {
                first: prev.first,
                weight,
                moment,
                pos: moment / weight,
            };
        }
        blocks.push(block);
    }
    let mut out = vec![0.0; layer.len()];
    for (bi, b) in blocks.iter().enumerate() {
        let end = blocks.get(bi + 1).map_or(layer.len(), |n| n.first);
        for i in b.first..end {
            out[i] = b.pos + offset[i];
        }
    }
    out
}

/// Lines up links: a link's dummies, label and one end move to the other end's
/// position when every one of them has room there, and the link outweighs the moved
/// end's other links on that side — or, for a link without dummies, leads to one of its
/// middle neighbours there, so a node with a fan of links stays over its middle.
/// Sweeps settle on medians, which leaves such pairs a step apart more often than not;
/// each step is a jog in the drawing. In text art a labelled link whose ends both stay
/// lines up its label with one of them instead.
fn straighten(
    g: &LayerGraph,
    x: &mut [f64],
    spacing: &Spacing,
    room: &Room,
    up: &[Vec<(usize, f64, f64)>],
    down: &[Vec<(usize, f64, f64)>],
) {
    for _ in 0..3 {
        let mut moved = false;
        // Whole chains: a link between two nodes, through its dummies and label.
        'chains: for chain in g.chains.iter().flatten() {
            let (Some(&a), Some(&b)) = (chain.nodes.first(), chain.nodes.last()) else {
                continue;
            };
            let (oa, ob) = chain.offsets;
            let inner = &chain.nodes[1..chain.nodes.len() - 1];
            let line = x[a] + oa;
            if (x[b] + ob - line).abs() < 1e-9 && inner.iter().all(|&v| (x[v] - line).abs() < 1e-9)
            {
                continue;
            }
            // An end may follow if this chain outweighs its other links on that side (a
            // back edge weighs less than the flow, see normalize).
            let n = chain.nodes.len();
            // A direct link may also line up a node with its middle neighbour on that side
            // (a parent over the middle child), never with an outer one: that would pull
            // a parent off the middle of its fan.
            let direct = inner.is_empty();
            let cells = spacing.integral;
            let b_may = leads(&up[b], chain.nodes[n - 2])
                || (direct && is_middle(&up[b], chain.nodes[n - 2], x, cells));
            let a_may = leads(&down[a], chain.nodes[1])
                || (direct && is_middle(&down[a], chain.nodes[1], x, cells));
            let cost = |v: usize| up[v].len() + down[v].len();
            // Try lining everything up under a (moving b), then over b (moving a): the
            // line runs where the link meets the end that stays.
            let mut tries = [(x[a] + oa, b, ob, b_may), (x[b] + ob, a, oa, a_may)];
            if cost(a) < cost(b) {
                tries.swap(0, 1);
            }
            for (line, end, end_offset, allowed) in tries {
                if !allowed {
                    continue;
                }
                let movers = inner
                    .iter()
                    .map(|&v| (v, line))
                    .chain(std::iter::once((end, line - end_offset)));
                let fits = movers.clone().all(|(v, target)| {
                    let (lo, hi) = room.of(x, v);
                    target >= lo - 1e-9 && target <= hi + 1e-9
                });
                if fits {
                    for (v, target) in movers {
                        x[v] = target;
                    }
                    moved = true;
                    continue 'chains;
                }
            }
            // In text art, when neither end may follow, a labelled link's label and
            // dummies alone may line up with an end (the one with fewer links first): one
            // jog, at the other end, instead of one before the label and one after it.
            // (Doing the same for links without a label cost crossings on big charts.)
            if spacing.integral && chain.label.is_some() {
                let mut lines = [x[b] + ob, x[a] + oa];
                if cost(a) < cost(b) {
                    lines.swap(0, 1);
                }
                for line in lines {
                    let fits = inner.iter().all(|&v| {
                        let (lo, hi) = room.of(x, v);
                        line >= lo - 1e-9 && line <= hi + 1e-9
                    });
                    if fits && inner.iter().any(|&v| (x[v] - line).abs() > 1e-9) {
                        for &v in inner {
                            x[v] = line;
                        }
                        moved = true;
                        break;
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Straightens what [`straighten`] could not line up whole: a long link's dummies keep
/// one line for as many ranks as their neighbours leave room, and step aside only where
/// they must. The sweeps leave them where the pulls of their neighbours balance, a little
/// apart from rank to rank: a wiggle at every rank.
///
/// Each run of dummies that can share a line takes the line that makes the fewest jogs
/// (one into the run, and for the last run one into the end), then the one that moves
/// them least. A run meets an end without a jog anywhere along the middle half of the
/// end's side, where a port can sit.
fn straighten_runs(g: &LayerGraph, x: &mut [f64], spacing: &Spacing, room: &Room) {
    for chain in g.chains.iter().flatten() {
        let n = chain.nodes.len();
        if n < 4 {
            continue;
        }
        let inner = &chain.nodes[1..n - 1];
        // Where each end can be met straight: its centre (or where the link meets it), and
        // how far from there.
        let reach = |end: usize, offset: f64| {
            let slack = if offset == 0.0 {
                g.nodes[end].across / 4.0
            } else {
                0.0
            };
            (x[end] + offset, slack)
        };
        let (start, start_slack) = reach(chain.nodes[0], chain.offsets.0);
        let (end, end_slack) = reach(chain.nodes[n - 1], chain.offsets.1);
        let mut line = start;
        let mut i = 0;
        while i < inner.len() {
            // The longest run from `i` whose rooms share a line.
            let (mut lo, mut hi) = room.of(x, inner[i]);
            let mut j = i + 1;
            while let Some(&v) = inner.get(j) {
                let (l, h) = room.of(x, v);
                if l.max(lo) > h.min(hi) {
                    break;
                }
                (lo, hi) = (lo.max(l), hi.min(h));
                j += 1;
            }
            if spacing.integral {
                (lo, hi) = (lo.ceil(), hi.floor());
            }
            let run = &inner[i..j];
            let (first, last) = (i == 0, j == inner.len());
            let jogs = |c: f64| {
                let into = if first {
                    (c - start).abs() > start_slack
                } else {
                    c != line
                };
                let out = last && (c - end).abs() > end_slack;
                usize::from(into) + usize::from(out)
            };
            let moved = |c: f64| run.iter().map(|&v| (x[v] - c).abs()).sum::<f64>();
            // Where the run moves least (the median of where it is), the lines that save
            // a jog, and the nearest place to that median where the run meets an end
            // straight: the best line is among them.
            let mut at: Vec<f64> = run.iter().map(|&v| x[v]).collect();
            at.sort_by(f64::total_cmp);
            let median = at[at.len() / 2];
            let near = |centre: f64, slack: f64| median.max(centre - slack).min(centre + slack);
            let target = [
                median,
                line,
                end,
                near(start, start_slack),
                near(end, end_slack),
            ]
            .into_iter()
            .map(|c| c.max(lo).min(hi))
            .min_by(|&c, &d| jogs(c).cmp(&jogs(d)).then(moved(c).total_cmp(&moved(d))))
            .expect("candidates");
            for &v in run {
                x[v] = target;
            }
            line = target;
            i = j;
        }
    }
}

/// Where each node's centre may go without crowding its neighbours in its rank.
struct Room<'a> {
    g: &'a LayerGraph,
    spacing: &'a Spacing,
    /// Each node's place in its rank.
    slot: Vec<usize>,
}

impl<'a> Room<'a> {
    fn new(g: &'a LayerGraph, spacing: &'a Spacing) -> Self {
        let mut slot = vec![0usize; g.nodes.len()];
        for layer in &g.layers {
            for (i, &v) in layer.iter().enumerate() {
                slot[v] = i;
            }
        }
        Room { g, spacing, slot }
    }

    /// The interval `v`'s centre may move in, the others staying where `x` has them.
    fn of(&self, x: &[f64], v: usize) -> (f64, f64) {
        let (g, spacing) = (self.g, self.spacing);
        let layer = &g.layers[g.nodes[v].rank];
        let i = self.slot[v];
        let lo = if i > 0 {
            let p = layer[i - 1];
            x[p] + (g.nodes[p].across + g.nodes[v].across) / 2.0
                + gap(spacing, g.nodes[p].kind, g.nodes[v].kind)
        } else {
            f64::NEG_INFINITY
        };
        let hi = if i + 1 < layer.len() {
            let n = layer[i + 1];
            x[n] - (g.nodes[n].across + g.nodes[v].across) / 2.0
                - gap(spacing, g.nodes[v].kind, g.nodes[n].kind)
        } else {
            f64::INFINITY
        };
        (lo, hi)
    }
}

/// Whether `via` is the middle one of `links`' nodes by position. Of an even number,
/// none in graphics, where a parent stays centred over a fork of two (as Mermaid and
/// Graphviz draw it) rather than over one child; in cells either of the two middle ones,
/// where centring costs each edge a jog, and a box three rows tall has one port a side
/// (an LR fork of two centred came out as a tangle).
fn is_middle(links: &[(usize, f64, f64)], via: usize, x: &[f64], cells: bool) -> bool {
    let mut nodes: Vec<usize> = links.iter().map(|l| l.0).collect();
    nodes.sort_by(|&p, &q| x[p].total_cmp(&x[q]).then(p.cmp(&q)));
    let k = nodes.len();
    if k.is_multiple_of(2) && !cells {
        return false;
    }
    k > 0 && (nodes[(k - 1) / 2] == via || nodes[k / 2] == via)
}

/// Whether the link to `via` weighs more than every other link in `links`.
fn leads(links: &[(usize, f64, f64)], via: usize) -> bool {
    let Some(&(_, w, _)) = links.iter().find(|l| l.0 == via) else {
        return false;
    };
    links.iter().filter(|l| l.0 != via).all(|l| l.1 < w)
}

/// Rounds centres to whole cells and re-establishes the gaps rounding may have broken.
fn snap_to_cells(g: &LayerGraph, x: &mut [f64], spacing: &Spacing) {
    for layer in &g.layers {
        let mut prev: Option<usize> = None;
        for &v in layer {
            let mut c = x[v].round();
            if let Some(p) = prev {
                let need = ((g.nodes[p].across + g.nodes[v].across) / 2.0
                    + gap(spacing, g.nodes[p].kind, g.nodes[v].kind))
                .ceil();
                if c < x[p] + need {
                    c = x[p] + need;
                }
            }
            x[v] = c;
            prev = Some(v);
        }
    }
}

/// Where each rank starts along the flow, each rank's thickness, and the total length.
pub fn assign_along(
    g: &LayerGraph,
    across: &[f64],
    spacing: &Spacing,
) -> (Vec<f64>, Vec<f64>, f64) {
    let ranks = g.layers.len();
    let size: Vec<f64> = g
        .layers
        .iter()
        .map(|l| l.iter().map(|&v| g.nodes[v].along).fold(0.0, f64::max))
        .collect();
    // Rows (or columns) for edges that step sideways between two ranks. Edges fanning out
    // of one node to one side need a track each (a staircase); edges from different nodes
    // can mostly share tracks, so they only add a few.
    let mut jogs = vec![0usize; ranks];
    let mut fan: std::collections::HashMap<(usize, bool, bool), usize> = Default::default();
    for &(a, b, _) in &g.segments {
        let d = across[b] - across[a];
        if d.abs() > 0.5 {
            let r = g.nodes[a].rank;
            jogs[r] += 1;
            *fan.entry((a, d < 0.0, true)).or_insert(0) += 1;
            *fan.entry((b, d > 0.0, false)).or_insert(0) += 1;
        }
    }
    let mut need = vec![0usize; ranks];
    for (&(n, _, down), &count) in &fan {
        let r = if down {
            g.nodes[n].rank
        } else {
            g.nodes[n].rank.saturating_sub(1)
        };
        need[r] = need[r].max(count);
    }
    for r in 0..ranks {
        jogs[r] = need[r].max(jogs[r].min(spacing.max_tracks));
    }
    let mut start = vec![0.0; ranks];
    let mut cursor = 0.0;
    for r in 0..ranks {
        start[r] = cursor;
        cursor += size[r];
        if r + 1 < ranks {
            let mut gap = spacing.rank_sep + jogs[r] as f64 * spacing.track_sep;
            // In text art an edge leaves straight out of its port and arrives straight
            // into the next, so a jog between them needs a row of its own: three at least.
            if spacing.integral && jogs[r] > 0 {
                gap = gap.max(3.0);
            }
            cursor += gap;
        }
    }
    (start, size, cursor)
}
