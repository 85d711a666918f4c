//! Limits on what liutu accepts, so that any input is answered in bounded time and memory.
//!
//! In: a [`Limits`] (defaults sized for real documents, each raised by a command-line
//! flag) and something to measure — the input size, a [`Diagram`], or the layout's own
//! estimates. Out: `Ok` or a [`LimitExceeded`] that names the limit, the value found and
//! the flag that raises it. Each check runs *before* the work it guards, and is linear in
//! what it counts, so an oversized input is refused in milliseconds instead of taking
//! minutes or all the memory.
//!
//! Which phase checks what: the command line checks [`Limit::InputBytes`] while reading;
//! [`Limits::check_diagram`] checks the counts measured on the model (nodes, edges, label
//! text, subgraph nesting); `liutu-layout` checks [`Limit::DummyNodes`] and
//! [`Limit::WorkUnits`] once ranks are known and before anything is ordered or routed.

use crate::{Diagram, Flowchart, RichText, Sequence};
use std::fmt;

/// Every limit, each with a default that ordinary diagrams stay far below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of source text.
    pub input_bytes: u64,
    /// Nodes of a flowchart.
    pub nodes: u64,
    /// Edges of a flowchart.
    pub edges: u64,
    /// Bytes of label text, all labels, edge labels and titles together.
    pub label_bytes: u64,
    /// Depth of subgraph nesting (a subgraph in the root has depth 1).
    pub subgraph_depth: u64,
    /// Dummy nodes the layered layout creates for edges that span several ranks.
    pub dummy_nodes: u64,
    /// Estimated layout work, in abstract units (see `liutu_layout::estimate`).
    pub work_units: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            input_bytes: 4 << 20,
            nodes: 10_000,
            edges: 20_000,
            label_bytes: 256 << 10,
            subgraph_depth: 64,
            dummy_nodes: 20_000,
            work_units: 100_000_000,
        }
    }
}

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    InputBytes,
    Nodes,
    Edges,
    LabelBytes,
    SubgraphDepth,
    DummyNodes,
    WorkUnits,
}

impl Limit {
    /// Every limit, in the order they are checked.
    pub const ALL: [Limit; 7] = [
        Limit::InputBytes,
        Limit::Nodes,
        Limit::Edges,
        Limit::LabelBytes,
        Limit::SubgraphDepth,
        Limit::DummyNodes,
        Limit::WorkUnits,
    ];

    /// What is counted, for messages: "the input has 5,000,000 bytes".
    pub fn what(self) -> &'static str {
        match self {
            Limit::InputBytes => "bytes of input",
            Limit::Nodes => "nodes",
            Limit::Edges => "edges",
            Limit::LabelBytes => "bytes of label text",
            Limit::SubgraphDepth => "levels of subgraph nesting",
            Limit::DummyNodes => "dummy nodes for long edges",
            Limit::WorkUnits => "estimated layout work units",
        }
    }

    /// The command-line flag that sets this limit.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::InputBytes => "--max-input-bytes",
            Limit::Nodes => "--max-nodes",
            Limit::Edges => "--max-edges",
            Limit::LabelBytes => "--max-label-bytes",
            Limit::SubgraphDepth => "--max-depth",
            Limit::DummyNodes => "--max-dummies",
            Limit::WorkUnits => "--max-work",
        }
    }

    /// The value of this limit in `limits`.
    pub fn of(self, limits: &Limits) -> u64 {
        let mut copy = *limits;
        *self.of_mut(&mut copy)
    }

    /// The value of this limit in `limits`, to set it.
    pub fn of_mut(self, limits: &mut Limits) -> &mut u64 {
        match self {
            Limit::InputBytes => &mut limits.input_bytes,
            Limit::Nodes => &mut limits.nodes,
            Limit::Edges => &mut limits.edges,
            Limit::LabelBytes => &mut limits.label_bytes,
            Limit::SubgraphDepth => &mut limits.subgraph_depth,
            Limit::DummyNodes => &mut limits.dummy_nodes,
            Limit::WorkUnits => &mut limits.work_units,
        }
    }
}

/// A limit was exceeded: what, by how much, and how to raise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    pub limit: Limit,
    /// The value found (for input read in bounded chunks: at least this much).
    pub found: u64,
    /// The limit in force.
    pub max: u64,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at_least = if self.limit == Limit::InputBytes {
            "at least "
        } else {
            ""
        };
        write!(
            f,
            "the diagram needs {at_least}{} {}, over the limit of {} (raise it with {} {})",
            group(self.found),
            self.limit.what(),
            group(self.max),
            self.limit.flag(),
            suggestion(self.found),
        )
    }
}

impl std::error::Error for LimitExceeded {}

/// `1234567` → `1,234,567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A round value comfortably above `found`, to put after the flag.
fn suggestion(found: u64) -> u64 {
    let want = found.saturating_add(found / 4).max(1);
    let mut step = 1u64;
    while step.saturating_mul(10) <= want {
        step *= 10;
    }
    want.div_ceil(step).saturating_mul(step)
}

impl Limits {
    /// No limits at all (every value `u64::MAX`), for callers that bound work themselves.
    pub fn unlimited() -> Self {
        Limits {
            input_bytes: u64::MAX,
            nodes: u64::MAX,
            edges: u64::MAX,
            label_bytes: u64::MAX,
            subgraph_depth: u64::MAX,
            dummy_nodes: u64::MAX,
            work_units: u64::MAX,
        }
    }

    /// `Err` when `found` is over the limit `limit`.
    pub fn check(&self, limit: Limit, found: u64) -> Result<(), LimitExceeded> {
        let max = limit.of(self);
        if found > max {
            Err(LimitExceeded { limit, found, max })
        } else {
            Ok(())
        }
    }

    /// Checks the counts measured on the model: nodes, edges, label text, nesting.
    /// Linear in the size of the diagram.
    pub fn check_diagram(&self, diagram: &Diagram) -> Result<(), LimitExceeded> {
        match diagram {
            Diagram::Flowchart(chart) => self.check_flowchart(chart),
            Diagram::Sequence(seq) => self.check_sequence(seq),
        }
    }

    /// [`Limits::check_diagram`] for a sequence diagram: participants count as nodes and
    /// events (messages, notes, blocks) as edges.
    pub fn check_sequence(&self, seq: &Sequence) -> Result<(), LimitExceeded> {
        self.check(Limit::Nodes, seq.participants.len() as u64)?;
        self.check(Limit::Edges, seq.events.len() as u64)?;
        let label_bytes = seq
            .participants
            .iter()
            .map(|p| rich_bytes(&p.label))
            .sum::<u64>()
            + optional_bytes(&seq.title);
        self.check(Limit::LabelBytes, label_bytes)
    }

    /// [`Limits::check_diagram`] for a flowchart.
    pub fn check_flowchart(&self, chart: &Flowchart) -> Result<(), LimitExceeded> {
        self.check(Limit::Nodes, chart.nodes.len() as u64)?;
        self.check(Limit::Edges, chart.edges.len() as u64)?;
        let (text, optional) = (rich_bytes, optional_bytes);
        let label_bytes = chart.nodes.iter().map(|n| text(&n.label)).sum::<u64>()
            + chart
                .edges
                .iter()
                .filter_map(|e| e.label.as_ref())
                .map(text)
                .sum::<u64>()
            + chart.subgraphs.iter().map(|s| text(&s.title)).sum::<u64>()
            + optional(&chart.title)
            + optional(&chart.acc_title)
            + optional(&chart.acc_descr);
        self.check(Limit::LabelBytes, label_bytes)?;
        self.check(Limit::SubgraphDepth, subgraph_depth(chart))
    }
}

fn rich_bytes(t: &RichText) -> u64 {
    t.lines
        .iter()
        .flat_map(|l| &l.spans)
        .map(|s| s.text.len() as u64)
        .sum()
}

fn optional_bytes(s: &Option<String>) -> u64 {
    s.as_ref().map_or(0, |s| s.len() as u64)
}

/// The deepest subgraph nesting (0 without subgraphs). Parents normally come before
/// their children; a parent link that does not (or a cycle) is followed at most
/// `subgraphs` steps, so this stays linear-bounded and always ends.
pub fn subgraph_depth(chart: &Flowchart) -> u64 {
    let count = chart.subgraphs.len();
    let mut depth: Vec<u64> = vec![0; count];
    let mut deepest = 0;
    for i in 0..count {
        let d = match chart.subgraphs[i].parent {
            None => 1,
            Some(p) if p < i => depth[p] + 1,
            Some(_) => {
                // Out of order: walk up, bounded by the number of subgraphs.
                let mut d = 1u64;
                let mut up = chart.subgraphs[i].parent;
                while let Some(p) = up {
                    if d > count as u64 {
                        break;
                    }
                    d += 1;
                    up = chart.subgraphs.get(p).and_then(|s| s.parent);
                }
                d
            }
        };
        depth[i] = d;
        deepest = deepest.max(d);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Node, Shape, Span, Style, Subgraph};

    fn node(id: &str, label: &str) -> Node {
        Node {
            id: id.into(),
            label: RichText::plain(label),
            shape: Shape::Rect,
            classes: Vec::new(),
            style: Style::default(),
            click: None,
            icon: None,
            image: None,
            parent: None,
            span: Span::default(),
        }
    }

    fn subgraph(parent: Option<usize>) -> Subgraph {
        Subgraph {
            id: "s".into(),
            title: RichText::plain("t"),
            direction: None,
            nodes: Vec::new(),
            children: Vec::new(),
            parent,
            classes: Vec::new(),
            style: Style::default(),
            span: Span::default(),
        }
    }

    #[test]
    fn defaults_accept_a_small_chart() {
        let chart = Flowchart {
            nodes: vec![node("A", "hello"), node("B", "你好")],
            ..Flowchart::default()
        };
        assert_eq!(Limits::default().check_flowchart(&chart), Ok(()));
    }

    #[test]
    fn each_count_is_checked() {
        let chart = Flowchart {
            nodes: vec![node("A", "hello"), node("B", "你好")],
            subgraphs: vec![subgraph(None), subgraph(Some(0)), subgraph(Some(1))],
            ..Flowchart::default()
        };
        let nodes = Limits {
            nodes: 1,
            ..Limits::default()
        };
        assert_eq!(
            nodes
                .check_flowchart(&chart)
                .map_err(|e| (e.limit, e.found)),
            Err((Limit::Nodes, 2))
        );
        let text = Limits {
            label_bytes: 10,
            ..Limits::default()
        };
        // "hello" (5) + "你好" (6) + three titles "t" (3).
        assert_eq!(
            text.check_flowchart(&chart).map_err(|e| (e.limit, e.found)),
            Err((Limit::LabelBytes, 14))
        );
        let depth = Limits {
            subgraph_depth: 2,
            ..Limits::default()
        };
        assert_eq!(
            depth
                .check_flowchart(&chart)
                .map_err(|e| (e.limit, e.found)),
            Err((Limit::SubgraphDepth, 3))
        );
    }

    #[test]
    fn a_parent_cycle_ends() {
        let chart = Flowchart {
            subgraphs: vec![subgraph(Some(1)), subgraph(Some(0))],
            ..Flowchart::default()
        };
        assert!(subgraph_depth(&chart) <= 4);
    }

    #[test]
    fn the_message_names_value_limit_and_flag() {
        let e = LimitExceeded {
            limit: Limit::Edges,
            found: 48_000,
            max: 20_000,
        };
        assert_eq!(
            e.to_string(),
            "the diagram needs 48,000 edges, over the limit of 20,000 (raise it with --max-edges 60000)"
        );
        assert_eq!(suggestion(7), 8);
        assert_eq!(suggestion(0), 1);
        assert_eq!(group(1_234_567), "1,234,567");
    }

    #[test]
    fn every_limit_has_a_flag() {
        for l in Limit::ALL {
            assert!(l.flag().starts_with("--max-"));
            assert_eq!(l.of(&Limits::unlimited()), u64::MAX);
        }
    }
}
