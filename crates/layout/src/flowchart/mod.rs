//! The flowchart layout: sizes, blocks, routing, scene.
//!
//! In: a [`Flowchart`]. Out: a [`Scene`]. Steps: measure every label and size every
//! outline; lay out each subgraph as a block with the layered engine ([`blocks`]); route
//! every edge on a grid around what was placed ([`edges`]); then gather the scene with
//! resolved styles.

mod blocks;
mod clip;
mod compact;
mod edges;
mod follow;
mod guests;
mod metrics;
mod size;

use crate::LayoutOptions;
use crate::layered::Work;
use blocks::Context;
use liutu_measure::TextMeasure;
use liutu_model::{Click, Direction, Flowchart, RichText, Shape, Style};
use liutu_scene::{Cluster, Edge, Label, Link, Node, Point, Rect, Scene, Units};
use metrics::Metrics;

/// Lays out a flowchart.
pub fn layout(chart: &Flowchart, measure: &dyn TextMeasure, options: &LayoutOptions) -> Scene {
    let options = &chart_spacing(chart, options);
    let wrapped;
    let chart = match wrap_long_labels(chart, measure) {
        Some(w) => {
            wrapped = w;
            &wrapped
        }
        None => chart,
    };
    let metrics = Metrics::new(measure, options);
    let directions = effective_directions(chart);
    let mut node_sizes: Vec<(f64, f64)> = chart
        .nodes
        .iter()
        .map(|n| {
            let (w, h) = size::node_size(n.shape, &n.label, measure);
            // A fork bar lies across its flow.
            let flow = n.parent.map_or(chart.direction, |p| directions[p]);
            if n.shape == Shape::ForkJoin && flow.is_horizontal() && !metrics.cells {
                (h, w)
            } else {
                (w, h)
            }
        })
        .collect();
    if metrics.cells {
        widen_for_ports(chart, &directions, &mut node_sizes);
    }
    let label_sizes: Vec<Option<(f64, f64)>> = chart
        .edges
        .iter()
        .map(|e| {
            e.label
                .as_ref()
                .filter(|l| !l.is_empty())
                .map(|l| label_box(measure, l, metrics.cells))
        })
        .collect();
    let title_sizes: Vec<(f64, f64)> = chart
        .subgraphs
        .iter()
        .map(|s| {
            if s.title.is_empty() {
                (0.0, 0.0)
            } else {
                measure.text_size(&s.title)
            }
        })
        .collect();
    let guests = guests::guests(chart, &directions);
    let mut ctx = Context {
        chart,
        metrics: &metrics,
        node_sizes: &node_sizes,
        label_sizes: &label_sizes,
        title_sizes: &title_sizes,
        guests: &guests,
        directions: &directions,
        placed: vec![None; chart.nodes.len()],
        borders: Vec::new(),
        work: Work::new(options.work_budget),
    };
    let block = blocks::layout_root(&mut ctx);

    let m = metrics.margin;
    let inside_margin = |r: &Rect| Rect::new(r.x + m, r.y + m, r.width, r.height);
    let mut node_rects = vec![Rect::default(); chart.nodes.len()];
    for (n, r) in &block.nodes {
        node_rects[*n] = inside_margin(r);
    }
    let mut cluster_rects = vec![Rect::default(); chart.subgraphs.len()];
    for (s, r) in &block.clusters {
        cluster_rects[*s] = inside_margin(r);
    }
    let mut label_rects: Vec<Option<Rect>> = vec![None; chart.edges.len()];
    for (e, r) in &block.labels {
        label_rects[*e] = Some(inside_margin(r));
    }
    let mut ways: Vec<Option<blocks::Way>> = vec![None; chart.edges.len()];
    for (e, w) in &block.ways {
        ways[*e] = Some(blocks::Way {
            ends: w.ends.map(|r| inside_margin(&r)),
            stations: w.stations.iter().map(inside_margin).collect(),
        });
    }
    let title_rects: Vec<Rect> = cluster_rects
        .iter()
        .zip(&title_sizes)
        .enumerate()
        .map(|(s, (r, &t))| {
            let avoid = entry_columns(&ctx, s, &node_rects, &metrics);
            title_rect(r, t, metrics.cells, &avoid)
        })
        .collect();
    let edge_flow: Vec<Direction> = (0..chart.edges.len())
        .map(|e| match ctx.edge_scope(e) {
            Some((Some(s), _, _)) => directions[s],
            _ => chart.direction,
        })
        .collect();
    let direct: Vec<bool> = (0..chart.edges.len())
        .map(|e| {
            let edge = &chart.edges[e];
            matches!(ctx.edge_scope(e),
                Some((_, blocks::Anchor::Node(a), blocks::Anchor::Node(b))) if a == edge.from && b == edge.to)
        })
        .collect();
    let node_labels = node_label_rects(chart, measure, &node_rects);
    let mut budget = ctx.work.remaining;
    let layout = edges::Layout {
        chart,
        metrics: &metrics,
        node_rects: &node_rects,
        node_labels: &node_labels,
        cluster_rects: &cluster_rects,
        title_rects: &title_rects,
        label_rects: &label_rects,
        ways: &ways,
        edge_flow: &edge_flow,
        direct: &direct,
        width: block.width + 2.0 * m,
        height: block.height + 2.0 * m,
    };
    let paths = edges::route_all(&layout, &mut budget);

    let mut scene = build_scene(
        chart,
        measure,
        &node_rects,
        &node_labels,
        &cluster_rects,
        &title_rects,
        &title_sizes,
        &label_rects,
        paths,
    );
    if metrics.cells {
        let horizontal = chart.direction.is_horizontal();
        let gap = metrics.spacing(horizontal, false).rank_sep;
        compact::compact(&mut scene, horizontal, gap as usize);
    }
    // In cells a point is a whole cell: it reaches one unit further right and down.
    scene.fit(
        if metrics.cells { 0.0 } else { 8.0 },
        if metrics.cells { 1.0 } else { 0.0 },
    );
    scene
}

/// In text art every edge needs a cell of its own on a node's border: a node with more
/// than one edge on its upstream or its downstream side is made big enough across its
/// flow to give each one a cell there. An edge that closes a cycle is laid out reversed,
/// so it counts on the other side (a loop back from `b` to `a` leaves `b` where `b`'s
/// flow goes on). Side by side, vertical lines need a free column between them (`││`
/// reads as one double line); horizontal lines can lie on neighbouring rows, so a box in
/// a left-right flow grows by a row per edge, and by one more to keep an odd count, whose
/// middle row, where its label is, stays free for the straight way on.
fn widen_for_ports(chart: &Flowchart, directions: &[Direction], sizes: &mut [(f64, f64)]) {
    let mut seen = std::collections::HashSet::new();
    // Identical parallel edges are drawn as one; labelled edges never are.
    let links: Vec<(usize, usize)> = chart
        .edges
        .iter()
        .filter(|e| e.from != e.to && routing_key(e).is_none_or(|key| seen.insert(key)))
        .map(|e| (e.from, e.to))
        .collect();
    let reversed = crate::layered::reversed_links(chart.nodes.len(), &links);
    let (mut downstream, mut upstream) = (vec![0usize; sizes.len()], vec![0usize; sizes.len()]);
    for (&(from, to), reversed) in links.iter().zip(reversed) {
        let (first, second) = if reversed { (to, from) } else { (from, to) };
        downstream[first] += 1;
        upstream[second] += 1;
    }
    for (n, node) in chart.nodes.iter().enumerate() {
        let horizontal = node
            .parent
            .map_or(chart.direction, |p| directions[p])
            .is_horizontal();
        let most = downstream[n].max(upstream[n]);
        if most <= 1 {
            continue;
        }
        let (w, h) = &mut sizes[n];
        if horizontal {
            // A cylinder's lid row takes no edge.
            let lid = if size::has_lid(node.shape) { 1.0 } else { 0.0 };
            *h = h.max((most | 1) as f64 + 2.0 + lid);
        } else {
            *w = w.max((2 * most + 1) as f64);
        }
    }
}

/// What makes two edges the same drawing: ends, stroke and heads.
pub(crate) type RoutingKey = (
    usize,
    usize,
    Option<usize>,
    Option<usize>,
    liutu_model::Stroke,
    liutu_model::ArrowHead,
    liutu_model::ArrowHead,
);

/// Edges with the same ends, look and no label are drawn along one route.
pub(crate) fn routing_key(e: &liutu_model::Edge) -> Option<RoutingKey> {
    e.label.is_none().then_some((
        e.from,
        e.to,
        e.from_subgraph,
        e.to_subgraph,
        e.stroke,
        e.head_start,
        e.head_end,
    ))
}

/// The options with the chart's own `flowchart.nodeSpacing` and `flowchart.rankSpacing`
/// (Mermaid's config), when it sets them to a number. Below 10 and 20 px a drawing has no
/// room left for its edges' ports and bends, so smaller values are raised to those.
fn chart_spacing(chart: &Flowchart, options: &LayoutOptions) -> LayoutOptions {
    let number = |key: &str, least: f64| {
        chart
            .config_value(key)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .map(|v| v.max(least))
    };
    LayoutOptions {
        node_spacing: number("flowchart.nodeSpacing", 10.0).unwrap_or(options.node_spacing),
        rank_spacing: number("flowchart.rankSpacing", 20.0).unwrap_or(options.rank_spacing),
        ..options.clone()
    }
}

/// Graphics wrap node labels wider than Mermaid's `flowchart.wrappingWidth` (200 px by
/// default), as Mermaid's HTML labels do; `None` when nothing needs wrapping. Text art
/// keeps its labels whole unless asked to fit a width.
fn wrap_long_labels(chart: &Flowchart, measure: &dyn TextMeasure) -> Option<Flowchart> {
    if measure.is_cells() {
        return None;
    }
    let limit = chart
        .config_value("flowchart.wrappingWidth")
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 20.0)
        .unwrap_or(200.0);
    let too_wide =
        |n: &liutu_model::Node| n.label.lines.iter().any(|l| measure.line_width(l) > limit);
    if !chart.nodes.iter().any(too_wide) {
        return None;
    }
    let mut out = chart.clone();
    for node in out.nodes.iter_mut().filter(|n| too_wide(n)) {
        let mut lines = Vec::new();
        for line in &node.label.lines {
            if measure.line_width(line) <= limit {
                lines.push(line.clone());
                continue;
            }
            // Emphasis survives when the whole line has one; mixed lines wrap plainly.
            let (bold, italic) = match line.spans.as_slice() {
                [only] => (only.bold, only.italic),
                _ => (false, false),
            };
            let span = |text: &str| liutu_model::TextSpan {
                text: text.to_string(),
                bold,
                italic,
            };
            let plain: String = line.spans.iter().map(|s| s.text.as_str()).collect();
            let width = |s: &str| {
                measure.line_width(&liutu_model::TextLine {
                    spans: vec![span(s)],
                })
            };
            for piece in liutu_measure::wrap_by(&plain, limit, &width) {
                lines.push(liutu_model::TextLine {
                    spans: vec![span(&piece)],
                });
            }
        }
        node.label = RichText { lines };
    }
    Some(out)
}

/// A label's box: in cells the text itself; in pixels a little padding for its background.
fn label_box(measure: &dyn TextMeasure, label: &RichText, cells: bool) -> (f64, f64) {
    let (w, h) = measure.text_size(label);
    if cells { (w, h) } else { (w + 8.0, h + 4.0) }
}

/// The box a cluster's title takes: in cells, a stretch of the top border, left-aligned
/// unless that would stand in the way of an edge coming in to a member (`avoid`: column
/// ranges); in pixels, a band at the top of the frame.
fn title_rect(frame: &Rect, (w, h): (f64, f64), cells: bool, avoid: &[(f64, f64)]) -> Rect {
    if w <= 0.0 {
        return Rect::new(frame.x, frame.y, 0.0, 0.0);
    }
    if cells {
        let x = title_x(frame, w, true, avoid).unwrap_or(frame.x + 2.0);
        Rect::new(x, frame.y, w + 2.0, 1.0)
    } else {
        let x = title_x(frame, w, false, avoid).unwrap_or(frame.x + (frame.width - w) / 2.0);
        Rect::new(x, frame.y + 4.0, w, h + 4.0)
    }
}

/// Where a title `w` wide may start across `frame`, clear of the `avoid` column ranges:
/// in pixels centred as in Mermaid, else at either side; in cells the first place from
/// the left. `None` when no place is clear.
pub(crate) fn title_x(frame: &Rect, w: f64, cells: bool, avoid: &[(f64, f64)]) -> Option<f64> {
    if cells {
        let width = w + 2.0;
        let clear = |x: f64| avoid.iter().all(|&(a, b)| x + width <= a || x >= b);
        let last = frame.right() - 2.0 - width;
        std::iter::successors(Some(frame.x + 2.0), |x| Some(x + 1.0))
            .take_while(|&x| x <= last)
            .find(|&x| clear(x))
    } else {
        let clear = |x: f64| avoid.iter().all(|&(a, b)| x + w <= a || x >= b);
        [
            frame.x + (frame.width - w) / 2.0,
            frame.x + 8.0,
            frame.right() - 8.0 - w,
        ]
        .into_iter()
        .find(|&x| x >= frame.x && clear(x))
    }
}

/// Columns (with a cell either side) of a subgraph's members that edges from outside it
/// come into or leave from: a title in the top border should not stand there.
fn entry_columns(ctx: &Context, s: usize, node_rects: &[Rect], m: &Metrics) -> Vec<(f64, f64)> {
    ctx.entry_members(s)
        .into_iter()
        .map(|n| column(node_rects[n].center().x, m.cells, m.pitch))
        .collect()
}

/// The range across a title keeps clear of around an entry at `centre`: in cells the
/// entry's column and one either side; in pixels a grid pitch either side.
pub(crate) fn column(centre: f64, cells: bool, pitch: f64) -> (f64, f64) {
    if cells {
        let c = centre.floor();
        (c - 1.0, c + 2.0)
    } else {
        (centre - pitch, centre + pitch)
    }
}

/// Each subgraph's direction after inheritance from its parents.
fn effective_directions(chart: &Flowchart) -> Vec<Direction> {
    let mut out = vec![chart.direction; chart.subgraphs.len()];
    // Parents come before children, so one pass suffices.
    for (i, s) in chart.subgraphs.iter().enumerate() {
        let inherited = s
            .parent
            .filter(|&p| p < i)
            .map_or(chart.direction, |p| out[p]);
        out[i] = s.direction.unwrap_or(inherited);
    }
    out
}

fn resolved_style(
    chart: &Flowchart,
    classes: &[String],
    own: &Style,
    default_class: bool,
) -> Style {
    let mut style = Style::default();
    if default_class && let Some(d) = chart.class_defs.iter().find(|c| c.name == "default") {
        style.extend(&d.style);
    }
    for class in classes {
        for def in chart.class_defs.iter().filter(|c| &c.name == class) {
            style.extend(&def.style);
        }
    }
    style.extend(own);
    style
}

/// Where each node's label goes in its box: in the middle (on whole cells in text art),
/// or in graphics near a triangle's wide side.
fn node_label_rects(
    chart: &Flowchart,
    measure: &dyn TextMeasure,
    node_rects: &[Rect],
) -> Vec<Rect> {
    let cells = measure.is_cells();
    chart
        .nodes
        .iter()
        .zip(node_rects)
        .map(|(n, r)| {
            let (w, h) = measure.text_size(&n.label);
            let mut lx = r.x + (r.width - w) / 2.0;
            let mut ly = if cells {
                r.y + (r.height - h) / 2.0
            } else {
                r.y + size::label_top(n.shape, r.height, h)
            };
            if cells {
                lx = lx.floor();
                ly = ly.floor();
                // A cylinder's lid takes the row under its top border: the label is
                // centred in the rows under it.
                if size::has_lid(n.shape) {
                    ly = r.y + 2.0 + ((r.height - 3.0 - h) / 2.0).max(0.0).floor();
                }
            }
            Rect::new(lx, ly, w, h)
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build_scene(
    chart: &Flowchart,
    measure: &dyn TextMeasure,
    node_rects: &[Rect],
    node_labels: &[Rect],
    cluster_rects: &[Rect],
    title_rects: &[Rect],
    title_sizes: &[(f64, f64)],
    label_rects: &[Option<Rect>],
    paths: Vec<Vec<Point>>,
) -> Scene {
    let cells = measure.is_cells();
    let nodes = chart
        .nodes
        .iter()
        .zip(node_rects)
        .zip(node_labels)
        .map(|((n, r), label)| Node {
            id: n.id.clone(),
            shape: n.shape,
            rect: *r,
            label: Label {
                text: n.label.clone(),
                rect: *label,
            },
            classes: n.classes.clone(),
            style: resolved_style(chart, &n.classes, &n.style, true),
            link: n.click.as_ref().and_then(|c| match c {
                Click::Href {
                    url,
                    target,
                    tooltip,
                } => Some(Link {
                    url: url.clone(),
                    target: target.clone(),
                    tooltip: tooltip.clone(),
                }),
                Click::Callback { .. } => None,
            }),
        })
        .collect();
    let mut pair_count: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let curve = chart
        .config_value("flowchart.curve")
        .unwrap_or("basis")
        .to_string();
    let edges = chart
        .edges
        .iter()
        .zip(paths)
        .enumerate()
        .map(|(i, (e, points))| {
            let count = pair_count.entry((e.from, e.to)).or_insert(0);
            let id = e.id.clone().unwrap_or_else(|| {
                format!(
                    "L_{}_{}_{}",
                    chart.nodes[e.from].id, chart.nodes[e.to].id, count
                )
            });
            *count += 1;
            let mut style = chart.default_edge_style.clone();
            style.extend(&e.style);
            Edge {
                id,
                from: chart.nodes[e.from].id.clone(),
                to: chart.nodes[e.to].id.clone(),
                points,
                stroke: e.stroke,
                head_start: e.head_start,
                head_end: e.head_end,
                label: e
                    .label
                    .clone()
                    .zip(label_rects[i])
                    .map(|(text, rect)| Label {
                        text,
                        rect: if cells {
                            rect
                        } else {
                            // The text sits inside the padded background box.
                            Rect::new(
                                rect.x + 4.0,
                                rect.y + 2.0,
                                rect.width - 8.0,
                                rect.height - 4.0,
                            )
                        },
                    }),
                classes: e.classes.clone(),
                style,
                curve: e.curve.clone().unwrap_or_else(|| curve.clone()),
            }
        })
        .collect();
    let mut depth = vec![0usize; chart.subgraphs.len()];
    for (i, s) in chart.subgraphs.iter().enumerate() {
        depth[i] = s.parent.filter(|&p| p < i).map_or(0, |p| depth[p] + 1);
    }
    let mut clusters: Vec<Cluster> = chart
        .subgraphs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (w, h) = title_sizes[i];
            let t = title_rects[i];
            Cluster {
                id: s.id.clone(),
                rect: cluster_rects[i],
                title: Label {
                    text: s.title.clone(),
                    rect: if cells {
                        Rect::new(t.x + 1.0, t.y, w, h)
                    } else {
                        Rect::new(t.x, t.y + 2.0, w, h)
                    },
                },
                classes: s.classes.clone(),
                style: resolved_style(chart, &s.classes, &s.style, false),
                depth: depth[i],
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.depth);
    Scene {
        units: if cells { Units::Cells } else { Units::Pixels },
        width: 0.0,
        height: 0.0,
        title: chart.title.clone(),
        acc_title: chart.acc_title.clone(),
        acc_descr: chart.acc_descr.clone(),
        clusters,
        nodes,
        edges,
        config: chart.config.clone(),
        sequence: None,
    }
}
