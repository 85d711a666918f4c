//! Layout limits: how big the layered graph will get and how much work laying it out
//! may take, known *before* any ordering or routing starts.
//!
//! In: a [`Diagram`] and [`Limits`]. Out: an [`Estimate`], or the
//! [`LimitExceeded`] for [`Limit::DummyNodes`] or [`Limit::WorkUnits`].
//!
//! The estimate ranks the whole chart as one flat graph with the layered engine's own
//! cycle removal and ranking (both linear), then counts the dummy nodes that long edges
//! would need: an edge spanning `k` ranks needs `k - 1`. Subgraphs are laid out as
//! blocks, so the real count differs a little, but it grows the same way — a complete
//! graph on 60 nodes needs about 34,000 — and it is what ordering and routing pay for.
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
        Diagram::Flowchart(chart) => estimate_flowchart(chart),
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
pub fn check(diagram: &Diagram, limits: &Limits) -> Result<Estimate, LimitExceeded> {
    let e = estimate(diagram);
    limits.check(Limit::DummyNodes, e.dummy_nodes)?;
    limits.check(Limit::WorkUnits, e.work_units)?;
    Ok(e)
}

fn estimate_flowchart(chart: &Flowchart) -> Estimate {
    let graph = LayeredGraph {
        items: vec![
            Item {
                across: 1.0,
                along: 1.0,
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
    };
    let reversed = layered::reversed_edges(&graph);
    // A budget linear in the graph keeps the estimate itself cheap: if ranking stops
    // improving early, its ranks are still valid and the count only errs high.
    let size = (graph.items.len() + graph.links.len()) as u64;
    let mut work = Work::new(size.saturating_mul(64).max(100_000));
    let ranks = layered::rank(&graph, &reversed, &mut work);
    let dummy_nodes: u64 = graph
        .links
        .iter()
        .filter(|l| l.from != l.to)
        .map(|l| {
            let (a, b) = (ranks[l.from] as u64, ranks[l.to] as u64);
            a.abs_diff(b).saturating_sub(1)
        })
        .sum();
    let items = chart.nodes.len() as u64;
    let edges = chart.edges.len() as u64;
    Estimate {
        ranks: ranks.iter().max().map_or(0, |&r| r as u64 + 1),
        dummy_nodes,
        work_units: (edges + 1).saturating_mul(items.saturating_add(dummy_nodes)),
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
