//! Layout limits: how big the layered graph will get and how much work laying it out
//! may take, known *before* any ordering or routing starts.
//!
//! In: a [`Diagram`] and [`Limits`]. Out: an [`Estimate`], or the
//! [`LimitExceeded`] for [`Limit::DummyNodes`] or [`Limit::WorkUnits`].
//!
//! The estimate ranks the whole chart as one flat graph with the layered engine's own
//! cycle removal and ranking (with a work budget linear in the chart), then counts the
//! dummy nodes that long edges would need: an edge spanning `k` ranks needs `k - 1`.
//! Subgraphs are laid out as blocks, so the real count differs a little, but it grows
//! the same way — a complete graph on 60 nodes needs about 34,000 — and it is what
//! ordering and routing pay for. [`check`] first counts on longest-path ranks, which
//! never need fewer dummies, and ranks properly only when that count is over a limit.
//!
//! Work units estimate the router's worst case: every edge searching a grid whose area
//! grows with the layered graph, so `(edges + 1) × (nodes + dummies)`. They are abstract
//! (the same on every machine) and bound the layout's time within a small factor; they
//! are not the improvement budget of [`crate::LayoutOptions::work_budget`].

use crate::layered::{self, Item, LayeredGraph, Link, Work};
use liutu_model::{Diagram, Flowchart, Limit, LimitExceeded, Limits};

/// What laying out a diagram will cost, measured before doing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Estimate {
    /// Ranks of the flat layered graph.
    pub ranks: u64,
    /// Dummy nodes long edges need.
    pub dummy_nodes: u64,
    /// Estimated work units.
    pub work_units: u64,
}

/// Measures `diagram` (linear in its size).
pub fn estimate(diagram: &Diagram) -> Estimate {
    match diagram {
        Diagram::Flowchart(chart) => Flat::new(chart).estimate(Ranking::Layout),
        Diagram::Sequence(seq) => {
            let items = seq.participants.len() as u64;
            let events = seq.events.len() as u64;
            Estimate {
                ranks: events,
                dummy_nodes: 0,
                work_units: (items + 1).saturating_mul(events + 1),
            }
        }
    }
}

/// [`estimate`], then `Err` when it is over [`Limits::dummy_nodes`] or
/// [`Limits::work_units`].
///
/// A flowchart is first measured on longest-path ranks, in linear time. Their edges are
/// no shorter in total than the ranking's, so when that count fits, the real one does
/// too, and the chart is not ranked twice (at 1,000 nodes the second ranking cost 23 M
/// instructions, 3.5 % of drawing it). Otherwise the limit is judged, and reported, on
/// [`estimate`]'s count.
pub fn check(diagram: &Diagram, limits: &Limits) -> Result<Estimate, LimitExceeded> {
    let within = |e: &Estimate| {
        limits.check(Limit::DummyNodes, e.dummy_nodes)?;
        limits.check(Limit::WorkUnits, e.work_units)
    };
    let e = match diagram {
        Diagram::Flowchart(chart) => {
            let flat = Flat::new(chart);
            let bound = flat.estimate(Ranking::LongestPath);
            if within(&bound).is_ok() {
                return Ok(bound);
            }
            flat.estimate(Ranking::Layout)
        }
        Diagram::Sequence(_) => estimate(diagram),
    };
    within(&e)?;
    Ok(e)
}

/// How [`Flat::estimate`] ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ranking {
    /// As the layout does: short edges, at the cost of network simplex.
    Layout,
    /// Longest path: linear, and never with fewer dummy nodes than `Layout`'s.
    LongestPath,
}

/// A flowchart as one flat layered graph, its subgraphs ignored, with the edges that
/// cycle removal turns round.
struct Flat {
    graph: LayeredGraph,
    reversed: Vec<bool>,
    edges: u64,
}

impl Flat {
    fn new(chart: &Flowchart) -> Self {
        let graph = LayeredGraph {
            items: vec![
                Item {
                    across: 1.0,
                    along: 1.0,
                    aside: false,
                };
                chart.nodes.len()
            ],
            links: chart
                .edges
                .iter()
                .filter(|e| e.from < chart.nodes.len() && e.to < chart.nodes.len())
                .map(|e| Link {
                    from: e.from,
                    to: e.to,
                    min_len: e.min_len.max(1),
                    weight: 1.0,
                    label: e
                        .label
                        .as_ref()
                        .filter(|l| !l.is_empty())
                        .map(|_| (1.0, 1.0)),
                    from_offset: 0.0,
                    to_offset: 0.0,
                })
                .collect(),
            outside: Vec::new(),
        };
        let reversed = layered::reversed_edges(&graph);
        Flat {
            graph,
            reversed,
            edges: chart.edges.len() as u64,
        }
    }

    fn estimate(&self, ranking: Ranking) -> Estimate {
        let graph = &self.graph;
        let ranks = match ranking {
            Ranking::LongestPath => layered::longest_path(graph, &self.reversed),
            Ranking::Layout => {
                // A budget linear in the graph keeps the estimate itself cheap: if ranking
                // stops improving early, its ranks are still valid and the count only
                // errs high.
                let size = (graph.items.len() + graph.links.len()) as u64;
                let mut work = Work::new(size.saturating_mul(64).max(100_000));
                layered::rank(graph, &self.reversed, &mut work)
            }
        };
        let dummy_nodes: u64 = graph
            .links
            .iter()
            .filter(|l| l.from != l.to)
            .map(|l| {
                let (a, b) = (ranks[l.from] as u64, ranks[l.to] as u64);
                a.abs_diff(b).saturating_sub(1)
            })
            .sum();
        let items = graph.items.len() as u64;
        Estimate {
            ranks: ranks.iter().max().map_or(0, |&r| r as u64 + 1),
            dummy_nodes,
            work_units: (self.edges + 1).saturating_mul(items.saturating_add(dummy_nodes)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &str) -> Diagram {
        liutu_syntax::read(source)
            .diagram
            .unwrap_or_else(|| Diagram::Flowchart(Flowchart::default()))
    }

    #[test]
    fn a_chain_needs_no_dummies() {
        let e = estimate(&read("graph TD\nA --> B --> C --> D\n"));
        assert_eq!(e.dummy_nodes, 0);
        assert_eq!(e.ranks, 4);
        assert_eq!(e.work_units, 4 * 4);
    }

    #[test]
    fn a_long_edge_needs_one_dummy_per_rank_it_skips() {
        let e = estimate(&read("graph TD\nA --> B --> C --> D\nA --> D\n"));
        assert_eq!(e.dummy_nodes, 2);
    }

    #[test]
    fn a_chart_is_judged_on_the_layout_ranking_when_longest_path_is_over_a_limit() {
        // A chain of 30 and a second source into its end: longest path puts the source
        // on rank 0, 28 dummies away; the layout's ranking pulls it next to its target.
        let mut src = String::from("graph TD\n");
        for i in 0..29 {
            src.push_str(&format!("n{i} --> n{}\n", i + 1));
        }
        src.push_str("late --> n29\n");
        let diagram = read(&src);
        let Diagram::Flowchart(chart) = &diagram else {
            panic!("not a flowchart")
        };
        let bound = Flat::new(chart).estimate(Ranking::LongestPath);
        assert_eq!(bound.dummy_nodes, 28);
        assert_eq!(estimate(&diagram).dummy_nodes, 0);
        // Within the limits either way: the quick count stands.
        assert_eq!(check(&diagram, &Limits::default()), Ok(bound));
        // Over a limit by longest path only: the chart is measured again, and fits.
        let tight = Limits {
            dummy_nodes: 10,
            ..Limits::default()
        };
        assert_eq!(check(&diagram, &tight), Ok(estimate(&diagram)));
        let tighter = Limits {
            work_units: 10,
            ..tight
        };
        assert_eq!(
            check(&diagram, &tighter).map_err(|e| e.limit),
            Err(Limit::WorkUnits)
        );
    }

    #[test]
    fn longest_path_never_counts_fewer_dummies_than_the_layout_ranking() {
        let charts = [
            "graph TD\nA --> B --> C --> D\nA --> D\nE --> D\n",
            "graph LR\nA -->|yes| B --> C\nA --> C\nC --> A\nD --> C\n",
            "graph TD\nA --> B\nA ----> C\nB --> D\nC --> D\nX --> D\nD --> Y\nA --> Y\n",
        ];
        for src in charts {
            let diagram = read(src);
            let Diagram::Flowchart(chart) = &diagram else {
                panic!("not a flowchart")
            };
            let bound = Flat::new(chart).estimate(Ranking::LongestPath);
            let e = estimate(&diagram);
            assert!(bound.dummy_nodes >= e.dummy_nodes, "{src}");
            assert!(bound.work_units >= e.work_units, "{src}");
        }
    }

    #[test]
    fn a_complete_graph_is_refused_before_layout() {
        let mut src = String::from("graph TD\n");
        for i in 0..60 {
            for j in i + 1..60 {
                src.push_str(&format!("n{i} --> n{j}\n"));
            }
        }
        let diagram = read(&src);
        let e = estimate(&diagram);
        // Σ over i<j of (j - i - 1) = C(60, 3).
        assert_eq!(e.dummy_nodes, 34_220);
        let err = check(&diagram, &Limits::default()).map_err(|e| e.limit);
        assert_eq!(err, Err(Limit::DummyNodes));
        assert!(check(&diagram, &Limits::unlimited()).is_ok());
    }
}
