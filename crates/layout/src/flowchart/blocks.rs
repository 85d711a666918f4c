//! Subgraphs as blocks: each subgraph is laid out on its own, in its own direction, and
//! then placed in its parent as one box.
//!
//! In: the flowchart, node and label sizes. Out: a [`Block`] for the whole chart with
//! every node, frame and edge label placed. Because a subgraph's contents stay inside its
//! box, frames never overlap each other or a non-member, and a subgraph's `direction`
//! is always honoured — also when edges cross its border (Mermaid ignores it then).

use super::metrics::Metrics;
use crate::layered::{self, Item, LayeredGraph, Link, NodeKind, Work};
use liutu_model::{Direction, EdgeId, Flowchart, NodeId, SubgraphId};
use liutu_scene::Rect;

/// A laid-out scope, in its own coordinates (top-left at 0,0).
#[derive(Debug, Clone, Default)]
pub struct Block {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<(NodeId, Rect)>,
    pub clusters: Vec<(SubgraphId, Rect)>,
    pub labels: Vec<(EdgeId, Rect)>,
    /// For each edge laid out across ranks: the way the layered engine kept for it.
    pub ways: Vec<(EdgeId, Way)>,
    /// When guests stand beside the members (see [`super::guests`]): the size of the
    /// members' box, which the frame is drawn round, from the top-left corner.
    pub members: Option<(f64, f64)>,
}

/// Where the layered engine put an edge that runs across ranks, from its source to its
/// target.
#[derive(Debug, Clone, PartialEq)]
pub struct Way {
    /// The bands of the ranks its source and its target stand in, as wide as they are.
    pub ends: [Rect; 2],
    /// On each rank between: the rank's band, as wide as the edge's dummy or label.
    pub stations: Vec<Rect>,
}

impl Block {
    /// The size of what the frame is drawn round.
    fn framed(&self) -> (f64, f64) {
        self.members.unwrap_or((self.width, self.height))
    }

    fn shift(&mut self, dx: f64, dy: f64) {
        let rects = self
            .nodes
            .iter_mut()
            .map(|(_, r)| r)
            .chain(self.clusters.iter_mut().map(|(_, r)| r))
            .chain(self.labels.iter_mut().map(|(_, r)| r))
            .chain(
                self.ways
                    .iter_mut()
                    .flat_map(|(_, w)| w.ends.iter_mut().chain(w.stations.iter_mut())),
            );
        for r in rects {
            r.x += dx;
            r.y += dy;
        }
    }
}

/// What an edge end is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    Node(NodeId),
    Cluster(SubgraphId),
}

impl Anchor {
    /// What `edge` leaves from and goes to: a node, or a subgraph it names.
    pub fn ends(edge: &liutu_model::Edge) -> (Anchor, Anchor) {
        (
            edge.from_subgraph
                .map_or(Anchor::Node(edge.from), Anchor::Cluster),
            edge.to_subgraph
                .map_or(Anchor::Node(edge.to), Anchor::Cluster),
        )
    }
}

/// Inputs shared by every scope.
pub struct Context<'a> {
    pub chart: &'a Flowchart,
    pub metrics: &'a Metrics,
    /// Outline size (width, height) of each node.
    pub node_sizes: &'a [(f64, f64)],
    /// Label box size (width, height) of each edge that has a label.
    pub label_sizes: &'a [Option<(f64, f64)>],
    /// Title size (width, height) of each subgraph.
    pub title_sizes: &'a [(f64, f64)],
    /// The subgraph each node and subgraph is laid out in as a guest, if any.
    pub guests: &'a super::guests::Guests,
    /// The direction each subgraph flows in.
    pub directions: &'a [Direction],
    /// Per node, once the block of a subgraph holding it is laid out: its centre across
    /// its scope's flow, from the middle of the outermost such block so far.
    pub placed: Vec<Option<f64>>,
    /// Per subgraph, the edges with one end laid out in it and the other beyond it: the
    /// links its block is ordered seeing (set by [`layout_root`]).
    pub borders: Vec<Vec<EdgeId>>,
    pub work: Work,
}

impl Context<'_> {
    /// The scope an item is laid out in: a guest's host, else its parent.
    fn parent(&self, a: Anchor) -> Option<SubgraphId> {
        self.guest_of(a).or(match a {
            Anchor::Node(n) => self.chart.nodes[n].parent,
            Anchor::Cluster(s) => self.chart.subgraphs[s].parent,
        })
    }

    /// The subgraph an item is laid out in as a guest, if any.
    fn guest_of(&self, a: Anchor) -> Option<SubgraphId> {
        match a {
            Anchor::Node(n) => self.guests.nodes[n],
            Anchor::Cluster(s) => self.guests.subgraphs[s],
        }
    }

    /// Whether `a` is, or is laid out in, a guest of `s`.
    fn with_guest_of(&self, a: Anchor, s: SubgraphId) -> bool {
        self.path(a)
            .into_iter()
            .find(|&x| self.parent(x) == Some(s))
            .is_some_and(|x| self.guest_of(x) == Some(s))
    }

    /// The members of subgraph `s` that an edge from outside it comes into or leaves
    /// from, across its top or bottom: not from what stands beside it (its guests).
    pub fn entry_members(&self, s: SubgraphId) -> Vec<NodeId> {
        // Members as written (a guest is laid out in `s` but is no member).
        let inside = |n: NodeId| {
            let mut up = self.chart.nodes[n].parent;
            for _ in 0..=self.chart.subgraphs.len() {
                match up {
                    Some(p) if p == s => return true,
                    Some(p) => up = self.chart.subgraphs[p].parent,
                    None => return false,
                }
            }
            false
        };
        self.chart
            .edges
            .iter()
            .filter(|e| inside(e.from) != inside(e.to))
            .filter_map(|e| {
                let (member, outside) = if inside(e.from) {
                    (e.from, e.to)
                } else {
                    (e.to, e.from)
                };
                (!self.with_guest_of(Anchor::Node(outside), s)).then_some(member)
            })
            .collect()
    }

    /// The anchor and its enclosing subgraphs, innermost first.
    fn path(&self, a: Anchor) -> Vec<Anchor> {
        let mut path = vec![a];
        let mut up = self.parent(a);
        while let Some(s) = up {
            if path.len() > self.chart.subgraphs.len() + 1 {
                break; // A malformed parent cycle must not hang us.
            }
            path.push(Anchor::Cluster(s));
            up = self.chart.subgraphs[s].parent;
        }
        path
    }

    /// Per subgraph, the edges that cross its border: one end laid out in it (at any
    /// depth), the other neither in it nor the subgraph itself. One walk over the edges
    /// for all subgraphs.
    fn border_edges(&self) -> Vec<Vec<EdgeId>> {
        let mut borders = vec![Vec::new(); self.chart.subgraphs.len()];
        let within = |path: &[Anchor]| -> Vec<SubgraphId> {
            path.iter()
                .filter_map(|&a| match a {
                    Anchor::Cluster(s) => Some(s),
                    Anchor::Node(_) => None,
                })
                .collect()
        };
        for (e, edge) in self.chart.edges.iter().enumerate() {
            let (from, to) = Anchor::ends(edge);
            let (a, b) = (within(&self.path(from)), within(&self.path(to)));
            // An end that is a subgraph is on its own path: an edge from a member to
            // its own frame crosses no border of it.
            for &s in a.iter().filter(|s| !b.contains(s)) {
                borders[s].push(e);
            }
            for &s in b.iter().filter(|s| !a.contains(s)) {
                borders[s].push(e);
            }
        }
        borders
    }

    /// The scope an edge is laid out in and the items it joins there, or `None` when both
    /// ends fall on the same item (the edge is routed but does not shape the layout).
    pub fn edge_scope(&self, e: EdgeId) -> Option<(Option<SubgraphId>, Anchor, Anchor)> {
        let edge = &self.chart.edges[e];
        let (from, to) = Anchor::ends(edge);
        let (pa, pb) = (self.path(from), self.path(to));
        for &a in &pa {
            let scope = self.parent(a);
            if let Some(&b) = pb.iter().find(|&&b| self.parent(b) == scope) {
                return (a != b).then_some((scope, a, b));
            }
        }
        None
    }
}

/// The width a frame needs so that its title can stand clear of the members that edges
/// cross its top border to reach: wider frames rather than an edge through the title
/// (which is what Mermaid draws) or one turned aside to come in from the side. Widening
/// is symmetric, as the contents stay centred; it gives up beyond a title's width more.
fn title_clearance(
    ctx: &Context,
    s: SubgraphId,
    block: &Block,
    (width, height): (f64, f64),
    title: (f64, f64),
) -> f64 {
    let m = ctx.metrics;
    if title.0 <= 0.0 {
        return width;
    }
    // Entry centres across the contents; the frame's slack shifts them all alike.
    let centres: Vec<f64> = ctx
        .entry_members(s)
        .into_iter()
        .filter_map(|n| block.nodes.iter().find(|(id, _)| *id == n))
        .map(|(_, r)| r.center().x)
        .collect();
    if centres.is_empty() {
        return width;
    }
    let (dx, _) = m.content_offset(title);
    // Half a unit more each side in pixels: the frame's final place shifts the entries
    // by a fraction, which must not tip the title back over one.
    let play = if m.cells { 0.0 } else { 0.5 };
    let mut w = width;
    while w <= width + title.0 + 2.0 * dx {
        let slack = m.slack(w, block.framed().0, title);
        let avoid: Vec<(f64, f64)> = centres
            .iter()
            .map(|c| super::column(dx + slack + c, m.cells, m.pitch))
            .map(|(a, b)| (a - play, b + play))
            .collect();
        if super::title_x(&Rect::new(0.0, 0.0, w, height), title.0, m.cells, &avoid).is_some() {
            return w;
        }
        w += 2.0;
    }
    width
}

/// Lays out the chart from its root scope.
pub fn layout_root(ctx: &mut Context) -> Block {
    ctx.borders = ctx.border_edges();
    let direction = ctx.chart.direction;
    layout_scope(ctx, None, direction, 0)
}

fn layout_scope(
    ctx: &mut Context,
    scope: Option<SubgraphId>,
    direction: Direction,
    depth: usize,
) -> Block {
    let chart = ctx.chart;
    // Items of this scope, in order of appearance.
    let mut items: Vec<(usize, Anchor)> = Vec::new();
    for (i, n) in chart.nodes.iter().enumerate() {
        if ctx.parent(Anchor::Node(i)) == scope {
            items.push((n.span.start, Anchor::Node(i)));
        }
    }
    for (i, s) in chart.subgraphs.iter().enumerate() {
        if ctx.parent(Anchor::Cluster(i)) == scope && depth < 64 {
            items.push((s.span.start, Anchor::Cluster(i)));
        }
    }
    items.sort_by_key(|&(start, a)| (start, matches!(a, Anchor::Cluster(_))));
    let items: Vec<Anchor> = items.into_iter().map(|(_, a)| a).collect();

    // Children first: their size is this scope's item size.
    let mut child_blocks: Vec<Option<Block>> = Vec::with_capacity(items.len());
    let mut sizes: Vec<(f64, f64)> = Vec::with_capacity(items.len());
    // The frame's size, for subgraph items.
    let mut frames: Vec<Option<(f64, f64)>> = Vec::with_capacity(items.len());
    for &a in &items {
        match a {
            Anchor::Node(n) => {
                child_blocks.push(None);
                sizes.push(ctx.node_sizes[n]);
                frames.push(None);
            }
            Anchor::Cluster(s) => {
                let dir = chart.subgraphs[s].direction.unwrap_or(direction);
                let block = layout_scope(ctx, Some(s), dir, depth + 1);
                // Where its members stand, for the subgraphs laid out after it that link
                // to them.
                let across = direction.is_horizontal();
                let middle = if across {
                    block.height / 2.0
                } else {
                    block.width / 2.0
                };
                for &(n, r) in &block.nodes {
                    let centre = r.center();
                    ctx.placed[n] = Some(if across { centre.y } else { centre.x } - middle);
                }
                let title = ctx.title_sizes[s];
                let (w, h) = block.framed();
                let mut frame = ctx.metrics.frame_size(w, h, title);
                if direction == Direction::TB {
                    frame.0 = title_clearance(ctx, s, &block, frame, title);
                }
                // Guests stand beside the frame, inside the item.
                let (dx, dy) = ctx.metrics.content_offset(title);
                let slack = ctx.metrics.slack(frame.0, w, title);
                sizes.push((
                    frame.0.max(dx + slack + block.width),
                    frame.1.max(dy + block.height),
                ));
                frames.push(Some(frame));
                child_blocks.push(Some(block));
            }
        }
    }

    let horizontal = direction.is_horizontal();
    let orient = |(w, h): (f64, f64)| if horizontal { (h, w) } else { (w, h) };
    let m = ctx.metrics;
    let mut graph = LayeredGraph::default();
    for (&size, &a) in sizes.iter().zip(&items) {
        let (across, along) = orient(size);
        graph.items.push(Item {
            across: m.across_size(across),
            along,
            // Guests are ordered after the members, on the side they will be moved to,
            // so that the order counts the crossings the frame between them will make.
            aside: scope.is_some_and(|s| ctx.guest_of(a) == Some(s)),
        });
    }
    let index_of = |a: Anchor| items.iter().position(|&x| x == a);
    // Across the flow, how far from a subgraph item's centre a link really ends: at the
    // member node it was written to (zero for links to the subgraph itself, or nodes).
    let inner_offset = |child: &Option<Block>,
                        anchor: Anchor,
                        node: NodeId,
                        to_frame: Option<SubgraphId>|
     -> f64 {
        let (Anchor::Cluster(s), Some(block)) = (anchor, child) else {
            return 0.0;
        };
        if to_frame == Some(s) {
            return 0.0;
        }
        let Some((_, r)) = block.nodes.iter().find(|(n, _)| *n == node) else {
            return 0.0;
        };
        let Some(i) = items.iter().position(|&x| x == anchor) else {
            return 0.0;
        };
        let (w, h) = sizes[i];
        let title = ctx.title_sizes[s];
        let (dx, dy) = m.content_offset(title);
        let frame_width = frames[i].map_or(w, |f| f.0);
        let slack = m.slack(frame_width, block.framed().0, title);
        let center = r.center();
        let offset = if horizontal {
            dy + center.y - h / 2.0
        } else {
            dx + slack + center.x - w / 2.0
        };
        if m.cells { offset.round() } else { offset }
    };
    let mut link_edges: Vec<EdgeId> = Vec::new();
    for e in 0..chart.edges.len() {
        let Some((edge_scope, a, b)) = ctx.edge_scope(e) else {
            continue;
        };
        if edge_scope != scope {
            continue;
        }
        let (Some(from), Some(to)) = (index_of(a), index_of(b)) else {
            continue;
        };
        let label = ctx.label_sizes[e].map(|size| {
            let (across, along) = orient(size);
            (m.across_size(across), along)
        });
        let edge = &chart.edges[e];
        let (from_offset, to_offset) = (
            inner_offset(&child_blocks[from], a, edge.from, edge.from_subgraph),
            inner_offset(&child_blocks[to], b, edge.to, edge.to_subgraph),
        );
        graph.links.push(Link {
            from,
            to,
            min_len: edge.min_len.max(1),
            weight: 1.0,
            label,
            from_offset,
            to_offset,
        });
        link_edges.push(e);
    }
    // Only where the subgraph flows as the scope around it does: across another flow,
    // which way its members stand says nothing of where their links go.
    let around = scope.map(|s| {
        ctx.parent(Anchor::Cluster(s))
            .map_or(chart.direction, |p| ctx.directions[p])
    });
    if let Some(s) = scope
        && around == Some(direction)
    {
        graph.outside = outside_links(ctx, s, &items, |i, a, node, frame| {
            inner_offset(&child_blocks[i], a, node, frame)
        });
    }
    let spacing = m.spacing(horizontal, graph.links.iter().any(|l| l.label.is_some()));
    let placement = layered::place(&graph, &spacing, &mut ctx.work);

    let (total_across, total_along) = placement.size;
    let to_rect = |(a0, l0, a, l): (f64, f64, f64, f64)| -> Rect {
        let l0 = if m.cells { l0.floor() } else { l0 };
        let (x, y, w, h) = if horizontal {
            (l0, a0, l, a)
        } else {
            (a0, l0, a, l)
        };
        let mut r = Rect::new(x, y, w, h);
        match direction {
            Direction::BT => r.y = total_along - r.y - r.height,
            Direction::RL => r.x = total_along - r.x - r.width,
            _ => {}
        }
        r
    };

    let mut block = Block::default();
    let (width, height) = if horizontal {
        (total_along, total_across)
    } else {
        (total_across, total_along)
    };
    block.width = width;
    block.height = height;
    for (layer_node, node) in placement.layers.nodes.iter().enumerate() {
        match node.kind {
            NodeKind::Item(i) => {
                let mut r = to_rect(placement.rect(layer_node));
                // The item was padded to an odd size across; the outline keeps its own.
                let (w, h) = sizes[i];
                if horizontal {
                    r.y += ((r.height - h) / 2.0).floor();
                    r.height = h;
                } else {
                    r.x += ((r.width - w) / 2.0).floor();
                    r.width = w;
                }
                match items[i] {
                    Anchor::Node(n) => block.nodes.push((n, r)),
                    Anchor::Cluster(s) => {
                        let frame = frames[i].map_or(r, |(w, h)| Rect::new(r.x, r.y, w, h));
                        block.clusters.push((s, frame));
                        if let Some(mut child) = child_blocks[i].take() {
                            let title = ctx.title_sizes[s];
                            let (dx, dy) = m.content_offset(title);
                            // Centre the contents when the title made the frame wider.
                            let slack = m.slack(frame.width, child.framed().0, title);
                            child.shift(r.x + dx + slack, r.y + dy);
                            block.nodes.extend(child.nodes);
                            block.clusters.extend(child.clusters);
                            block.labels.extend(child.labels);
                            block.ways.extend(child.ways);
                        }
                    }
                }
            }
            NodeKind::Label(link) => {
                let r = to_rect(placement.rect(layer_node));
                let e = link_edges[link];
                if let Some((w, h)) = ctx.label_sizes[e] {
                    // Centre the text box in the (odd-padded) slot.
                    let x = r.x + ((r.width - w) / 2.0).max(0.0);
                    let y = r.y + ((r.height - h) / 2.0).max(0.0);
                    let (x, y) = if m.cells {
                        (x.floor(), y.floor())
                    } else {
                        (x, y)
                    };
                    block.labels.push((e, Rect::new(x, y, w, h)));
                }
            }
            NodeKind::Dummy(_) => {}
        }
    }
    // Each rank's band, as wide as one of its nodes.
    let band = |n: usize| {
        let node = &placement.layers.nodes[n];
        to_rect((
            placement.across[n] - node.across / 2.0,
            placement.rank_start[node.rank],
            node.across,
            placement.rank_size[node.rank],
        ))
    };
    for (link, chain) in placement.layers.chains.iter().enumerate() {
        let Some(chain) = chain else { continue };
        let (first, last) = (chain.nodes[0], chain.nodes[chain.nodes.len() - 1]);
        if placement.layers.nodes[first].rank == placement.layers.nodes[last].rank {
            continue;
        }
        let mut way = Way {
            ends: [band(first), band(last)],
            stations: chain.nodes[1..chain.nodes.len() - 1]
                .iter()
                .map(|&n| band(n))
                .collect(),
        };
        if chain.reversed {
            way.ends.reverse();
            way.stations.reverse();
        }
        block.ways.push((link_edges[link], way));
    }
    if let Some(s) = scope {
        put_guests_aside(ctx, s, &mut block, direction);
    }
    block
}

/// The links from `items`, laid out in subgraph `s`, to nodes outside it (the edges of
/// `ctx.borders[s]`; see [`layered::Outside`]): downstream when the edge leaves `s`,
/// upstream when it comes in.
/// `offset` gives where a link meets item `i` (`a`), written to `node` or to `frame`.
fn outside_links(
    ctx: &Context,
    s: SubgraphId,
    items: &[Anchor],
    offset: impl Fn(usize, Anchor, NodeId, Option<SubgraphId>) -> f64,
) -> Vec<layered::Outside> {
    let chart = ctx.chart;
    // The item of `s` that holds an end, if `s` holds it.
    let item = |path: &[Anchor]| {
        let a = *path.iter().find(|&&x| ctx.parent(x) == Some(s))?;
        Some((items.iter().position(|&x| x == a)?, a))
    };
    let key = |a: Anchor| match a {
        Anchor::Node(n) => n,
        Anchor::Cluster(c) => chart.nodes.len() + c,
    };
    // The other end as the scope around `s` will order it: the item there that holds it,
    // and where in that item it is, when that is laid out already (a subgraph named
    // before `s`).
    let around = ctx.parent(Anchor::Cluster(s));
    let target = |end: Anchor, node: NodeId, path: &[Anchor]| match path
        .iter()
        .find(|&&x| ctx.parent(x) == around)
    {
        Some(&item @ Anchor::Cluster(_)) if item != end => {
            (key(item), ctx.placed[node].unwrap_or(0.0))
        }
        Some(&item) => (key(item), 0.0),
        None => (key(end), 0.0),
    };
    let mut outside = Vec::new();
    for &e in &ctx.borders[s] {
        let edge = &chart.edges[e];
        let (from, to) = Anchor::ends(edge);
        let (from_path, to_path) = (ctx.path(from), ctx.path(to));
        let link = match (item(&from_path), item(&to_path)) {
            (Some((i, a)), None) => {
                let (target, target_offset) = target(to, edge.to, &to_path);
                layered::Outside {
                    item: i,
                    target,
                    downstream: true,
                    offset: offset(i, a, edge.from, edge.from_subgraph),
                    target_offset,
                }
            }
            (None, Some((i, a))) => {
                let (target, target_offset) = target(from, edge.from, &from_path);
                layered::Outside {
                    item: i,
                    target,
                    downstream: false,
                    offset: offset(i, a, edge.to, edge.to_subgraph),
                    target_offset,
                }
            }
            _ => continue,
        };
        outside.push(link);
    }
    outside
}

/// Moves the guests of subgraph `s` (nodes, whole subgraphs, and the labels of their
/// edges) across the flow, past the far side of the frame the parent will draw round the
/// members, by a gap between nodes, so that the frame holds none of them; the block then
/// starts at the members. Ways among guests move with them; a way between a guest and a
/// member no longer fits and is dropped (the edge is searched for on the grid).
fn put_guests_aside(ctx: &Context, s: SubgraphId, block: &mut Block, direction: Direction) {
    let guest = |n: NodeId| ctx.with_guest_of(Anchor::Node(n), s);
    if !block.nodes.iter().any(|&(n, _)| guest(n)) {
        return;
    }
    let horizontal = direction.is_horizontal();
    let guest_frame = |c: SubgraphId| ctx.with_guest_of(Anchor::Cluster(c), s);
    // How many of an edge's ends are with a guest.
    let guest_ends = |e: EdgeId| {
        let edge = &ctx.chart.edges[e];
        let end = |n: NodeId, frame: Option<SubgraphId>| {
            usize::from(frame.map_or_else(|| guest(n), guest_frame))
        };
        end(edge.from, edge.from_subgraph) + end(edge.to, edge.to_subgraph)
    };
    let touches = |e: EdgeId| guest_ends(e) > 0;
    let across = |r: &Rect| {
        if horizontal {
            (r.y, r.bottom())
        } else {
            (r.x, r.right())
        }
    };
    let extent = |rects: &mut dyn Iterator<Item = Rect>| {
        rects
            .map(|r| across(&r))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| {
                (lo.min(a), hi.max(b))
            })
    };
    let (lo, hi) = extent(
        &mut block
            .nodes
            .iter()
            .filter(|&&(n, _)| !guest(n))
            .map(|&(_, r)| r)
            .chain(
                block
                    .clusters
                    .iter()
                    .filter(|&&(c, _)| !guest_frame(c))
                    .map(|&(_, r)| r),
            )
            .chain(
                block
                    .labels
                    .iter()
                    .filter(|&&(e, _)| !touches(e))
                    .map(|&(_, r)| r),
            ),
    );
    if !lo.is_finite() {
        return;
    }
    // The members' box starts the block.
    let (shift_x, shift_y) = if horizontal { (0.0, -lo) } else { (-lo, 0.0) };
    block.shift(shift_x, shift_y);
    let members = if horizontal {
        (block.width, hi - lo)
    } else {
        (hi - lo, block.height)
    };
    block.members = Some(members);
    // The frame the parent will draw, as it will draw it, and its far side across.
    let m = ctx.metrics;
    let title = ctx.title_sizes[s];
    let mut frame = m.frame_size(members.0, members.1, title);
    if direction == Direction::TB {
        frame.0 = title_clearance(ctx, s, block, frame, title);
    }
    let (dx, dy) = m.content_offset(title);
    let far = if horizontal {
        frame.1 - dy
    } else {
        frame.0 - dx - m.slack(frame.0, members.0, title)
    };
    let (guests_lo, _) = extent(
        &mut block
            .nodes
            .iter()
            .filter(|&&(n, _)| guest(n))
            .map(|&(_, r)| r)
            .chain(
                block
                    .clusters
                    .iter()
                    .filter(|&&(c, _)| guest_frame(c))
                    .map(|&(_, r)| r),
            ),
    );
    let delta = far + m.spacing(horizontal, false).node_sep - guests_lo;
    let moved = |r: &mut Rect| {
        if horizontal {
            r.y += delta;
        } else {
            r.x += delta;
        }
    };
    for (_, r) in block.nodes.iter_mut().filter(|(n, _)| guest(*n)) {
        moved(r);
    }
    for (_, r) in block.clusters.iter_mut().filter(|(c, _)| guest_frame(*c)) {
        moved(r);
    }
    for (_, r) in block.labels.iter_mut().filter(|(e, _)| touches(*e)) {
        moved(r);
    }
    // A way among guests moves with them; one between a guest and a member no longer
    // fits.
    block.ways.retain(|(e, _)| guest_ends(*e) != 1);
    for (_, way) in block.ways.iter_mut().filter(|(e, _)| guest_ends(*e) == 2) {
        for r in way.ends.iter_mut().chain(way.stations.iter_mut()) {
            moved(r);
        }
    }
    let (_, end) = extent(
        &mut block
            .nodes
            .iter()
            .map(|&(_, r)| r)
            .chain(block.clusters.iter().map(|&(_, r)| r))
            .chain(block.labels.iter().map(|&(_, r)| r)),
    );
    if horizontal {
        block.height = end.max(members.1);
    } else {
        block.width = end.max(members.0);
    }
}
