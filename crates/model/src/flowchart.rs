//! Flowcharts: nodes, edges and subgraphs, ids resolved to indices.

use crate::{ClassDef, RichText, Span, Style};

/// Index of a node in [`Flowchart::nodes`].
pub type NodeId = usize;
/// Index of an edge in [`Flowchart::edges`].
pub type EdgeId = usize;
/// Index of a subgraph in [`Flowchart::subgraphs`].
pub type SubgraphId = usize;

/// Which way ranks flow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Direction {
    /// Top to bottom (`TB` or `TD`).
    #[default]
    TB,
    BT,
    LR,
    RL,
}

impl Direction {
    /// True when ranks are laid out left-right (LR, RL).
    pub fn is_horizontal(self) -> bool {
        matches!(self, Direction::LR | Direction::RL)
    }

    /// True when rank order runs against the axis (BT, RL).
    pub fn is_reversed(self) -> bool {
        matches!(self, Direction::BT | Direction::RL)
    }
}

/// A resolved flowchart.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Flowchart {
    pub direction: Direction,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// In order of first appearance: that order breaks every tie in layout.
    pub nodes: Vec<Node>,
    /// In declaration order: `linkStyle N` counts in this order.
    pub edges: Vec<Edge>,
    /// In order of their `subgraph` statement; parents before children.
    pub subgraphs: Vec<Subgraph>,
    pub class_defs: Vec<ClassDef>,
    /// `linkStyle default ...`.
    pub default_edge_style: Style,
    /// Options from frontmatter / `%%{init}%%` that layout and renderers read,
    /// as `(dotted.key, value)` pairs, e.g. `("flowchart.curve", "linear")`.
    pub config: Vec<(String, String)>,
}

impl Flowchart {
    /// The value of a config key, if set.
    pub fn config_value(&self, key: &str) -> Option<&str> {
        self.config
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A node: a shape with a label.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Node {
    /// The id as written in the source (`A`, `需求`).
    pub id: String,
    pub label: RichText,
    pub shape: Shape,
    /// Class names from `class`, `:::`, in order applied.
    pub classes: Vec<String>,
    /// Inline `style` statements, merged in order.
    pub style: Style,
    pub click: Option<Click>,
    /// `icon:` / `img:` shape data, kept for renderers that can draw it.
    pub icon: Option<String>,
    pub image: Option<String>,
    /// The innermost subgraph this node belongs to.
    pub parent: Option<SubgraphId>,
    /// Where the node was first written.
    pub span: Span,
}

/// An edge between two nodes (edges to a subgraph id are resolved by lowering to
/// [`Edge::from_subgraph`] / [`Edge::to_subgraph`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Edge {
    /// `e1@-->` ids; `None` when not given.
    pub id: Option<String>,
    pub from: NodeId,
    pub to: NodeId,
    /// Set when the edge was written to a subgraph id: it ends on that frame's border.
    pub from_subgraph: Option<SubgraphId>,
    pub to_subgraph: Option<SubgraphId>,
    pub label: Option<RichText>,
    pub stroke: Stroke,
    pub head_start: ArrowHead,
    pub head_end: ArrowHead,
    /// Minimum rank distance: 1 for `-->`, one more for each extra dash/dot/equals.
    pub min_len: u32,
    pub style: Style,
    pub classes: Vec<String>,
    /// `e1@{ animate: true }`.
    pub animate: bool,
    /// `e1@{ curve: linear }`.
    pub curve: Option<String>,
    pub span: Span,
}

/// How an edge's line is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stroke {
    #[default]
    Solid,
    Dotted,
    Thick,
    /// `~~~`: shapes the layout, never drawn.
    Invisible,
}

/// What ends an edge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArrowHead {
    #[default]
    None,
    Arrow,
    Circle,
    Cross,
}

/// A `subgraph ... end` block.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Subgraph {
    pub id: String,
    pub title: RichText,
    /// `direction` inside the block, if any.
    pub direction: Option<Direction>,
    /// Direct member nodes, in order of appearance.
    pub nodes: Vec<NodeId>,
    /// Direct child subgraphs.
    pub children: Vec<SubgraphId>,
    pub parent: Option<SubgraphId>,
    pub classes: Vec<String>,
    pub style: Style,
    pub span: Span,
}

/// `click` on a node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Click {
    Href {
        url: String,
        target: Option<String>,
        tooltip: Option<String>,
    },
    Callback {
        function: String,
        args: Option<String>,
        tooltip: Option<String>,
    },
}

/// Every node shape Mermaid 11 draws. Classic bracket syntax maps to the first group;
/// the rest come from `id@{ shape: NAME }` (names and aliases: [`Shape::from_name`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    #[default]
    Rect,
    Rounded,
    Stadium,
    Subroutine,
    Cylinder,
    Circle,
    DoubleCircle,
    Asymmetric,
    Diamond,
    Hexagon,
    LeanRight,
    LeanLeft,
    Trapezoid,
    InvTrapezoid,
    // v11 named shapes.
    NotchedRect,
    LinedRect,
    SmallCircle,
    FramedCircle,
    ForkJoin,
    Hourglass,
    Comment,
    BraceRight,
    Braces,
    Bolt,
    Document,
    Delay,
    HorizontalCylinder,
    LinedCylinder,
    CurvedTrapezoid,
    DividedRect,
    Triangle,
    WindowPane,
    FilledCircle,
    LinedDocument,
    NotchedPentagon,
    FlippedTriangle,
    SlopedRect,
    StackedDocument,
    StackedRect,
    PaperTape,
    BowTieRect,
    CrossedCircle,
    TaggedDocument,
    TaggedRect,
    Text,
    /// A data store of a data-flow diagram: two lines, above and below the label.
    DataStore,
    /// A cloud of bumps around the label.
    Cloud,
    /// An explosion: a box whose sides curve in between spikes.
    Bang,
}

impl Shape {
    /// Every shape, for exhaustive tests and docs.
    pub const ALL: [Shape; 48] = [
        Shape::Rect,
        Shape::Rounded,
        Shape::Stadium,
        Shape::Subroutine,
        Shape::Cylinder,
        Shape::Circle,
        Shape::DoubleCircle,
        Shape::Asymmetric,
        Shape::Diamond,
        Shape::Hexagon,
        Shape::LeanRight,
        Shape::LeanLeft,
        Shape::Trapezoid,
        Shape::InvTrapezoid,
        Shape::NotchedRect,
        Shape::LinedRect,
        Shape::SmallCircle,
        Shape::FramedCircle,
        Shape::ForkJoin,
        Shape::Hourglass,
        Shape::Comment,
        Shape::BraceRight,
        Shape::Braces,
        Shape::Bolt,
        Shape::Document,
        Shape::Delay,
        Shape::HorizontalCylinder,
        Shape::LinedCylinder,
        Shape::CurvedTrapezoid,
        Shape::DividedRect,
        Shape::Triangle,
        Shape::WindowPane,
        Shape::FilledCircle,
        Shape::LinedDocument,
        Shape::NotchedPentagon,
        Shape::FlippedTriangle,
        Shape::SlopedRect,
        Shape::StackedDocument,
        Shape::StackedRect,
        Shape::PaperTape,
        Shape::BowTieRect,
        Shape::CrossedCircle,
        Shape::TaggedDocument,
        Shape::TaggedRect,
        Shape::Text,
        Shape::DataStore,
        Shape::Cloud,
        Shape::Bang,
    ];

    /// Mermaid's v11 shape names and aliases (`@{ shape: NAME }`), case-insensitive.
    pub fn from_name(name: &str) -> Option<Shape> {
        let lower = name.trim().to_ascii_lowercase();
        Some(match lower.as_str() {
            "rect" | "proc" | "process" | "rectangle" | "square" => Shape::Rect,
            "rounded" | "event" => Shape::Rounded,
            "stadium" | "pill" | "terminal" => Shape::Stadium,
            "subproc" | "subroutine" | "fr-rect" | "framed-rectangle" | "subprocess" => {
                Shape::Subroutine
            }
            "cyl" | "cylinder" | "database" | "db" => Shape::Cylinder,
            "circle" | "circ" => Shape::Circle,
            "dbl-circ" | "double-circle" => Shape::DoubleCircle,
            "odd" | "asymmetric" => Shape::Asymmetric,
            "diam" | "diamond" | "decision" | "question" | "rhombus" => Shape::Diamond,
            "hex" | "hexagon" | "prepare" => Shape::Hexagon,
            "lean-r" | "lean-right" | "in-out" => Shape::LeanRight,
            "lean-l" | "lean-left" | "out-in" => Shape::LeanLeft,
            "trap-b" | "trapezoid" | "priority" | "trapezoid-bottom" => Shape::Trapezoid,
            "trap-t" | "inv-trapezoid" | "manual" | "trapezoid-top" => Shape::InvTrapezoid,
            "notch-rect" | "card" | "notched-rectangle" => Shape::NotchedRect,
            "lin-rect" | "lined-rectangle" | "lin-proc" | "lined-process" | "shaded-process" => {
                Shape::LinedRect
            }
            "sm-circ" | "small-circle" | "start" => Shape::SmallCircle,
            "fr-circ" | "framed-circle" | "stop" => Shape::FramedCircle,
            "fork" | "join" => Shape::ForkJoin,
            "hourglass" | "collate" => Shape::Hourglass,
            "brace" | "brace-l" | "comment" => Shape::Comment,
            "brace-r" => Shape::BraceRight,
            "braces" => Shape::Braces,
            "bolt" | "com-link" | "lightning-bolt" => Shape::Bolt,
            "doc" | "document" => Shape::Document,
            "delay" | "half-rounded-rectangle" => Shape::Delay,
            "h-cyl" | "das" | "horizontal-cylinder" => Shape::HorizontalCylinder,
            "lin-cyl" | "disk" | "lined-cylinder" => Shape::LinedCylinder,
            "curv-trap" | "curved-trapezoid" | "display" => Shape::CurvedTrapezoid,
            "div-rect" | "div-proc" | "divided-process" | "divided-rectangle" => Shape::DividedRect,
            "tri" | "extract" | "triangle" => Shape::Triangle,
            "win-pane" | "internal-storage" | "window-pane" => Shape::WindowPane,
            "f-circ" | "filled-circle" | "junction" => Shape::FilledCircle,
            "lin-doc" | "lined-document" => Shape::LinedDocument,
            "notch-pent" | "loop-limit" | "notched-pentagon" => Shape::NotchedPentagon,
            "flip-tri" | "flipped-triangle" | "manual-file" => Shape::FlippedTriangle,
            "sl-rect" | "manual-input" | "sloped-rectangle" => Shape::SlopedRect,
            "docs" | "documents" | "st-doc" | "stacked-document" => Shape::StackedDocument,
            "st-rect" | "procs" | "processes" | "stacked-rectangle" => Shape::StackedRect,
            "flag" | "paper-tape" => Shape::PaperTape,
            "bow-rect" | "stored-data" | "bow-tie-rectangle" => Shape::BowTieRect,
            "cross-circ" | "summary" | "crossed-circle" => Shape::CrossedCircle,
            "tag-doc" | "tagged-document" => Shape::TaggedDocument,
            "tag-rect" | "tag-proc" | "tagged-process" | "tagged-rectangle" => Shape::TaggedRect,
            "text" => Shape::Text,
            "datastore" | "data-store" => Shape::DataStore,
            "cloud" => Shape::Cloud,
            "bang" => Shape::Bang,
            _ => return None,
        })
    }

    /// False for the symbols Mermaid draws without their label, at a fixed size: the
    /// start and stop circles, the junction dot, the fork bar, the lightning bolt and
    /// the hourglass.
    pub fn draws_label(self) -> bool {
        !matches!(
            self,
            Shape::SmallCircle
                | Shape::FramedCircle
                | Shape::FilledCircle
                | Shape::ForkJoin
                | Shape::Bolt
                | Shape::Hourglass
        )
    }

    /// Every name [`Shape::from_name`] accepts, for "did you mean" hints.
    pub fn names() -> &'static [&'static str] {
        &[
            "rect",
            "proc",
            "process",
            "rectangle",
            "square",
            "rounded",
            "event",
            "stadium",
            "pill",
            "terminal",
            "subproc",
            "subroutine",
            "fr-rect",
            "framed-rectangle",
            "subprocess",
            "cyl",
            "cylinder",
            "database",
            "db",
            "circle",
            "circ",
            "dbl-circ",
            "double-circle",
            "odd",
            "asymmetric",
            "diam",
            "diamond",
            "decision",
            "question",
            "rhombus",
            "hex",
            "hexagon",
            "prepare",
            "lean-r",
            "lean-right",
            "in-out",
            "lean-l",
            "lean-left",
            "out-in",
            "trap-b",
            "trapezoid",
            "priority",
            "trapezoid-bottom",
            "trap-t",
            "inv-trapezoid",
            "manual",
            "trapezoid-top",
            "notch-rect",
            "card",
            "notched-rectangle",
            "lin-rect",
            "lined-rectangle",
            "lin-proc",
            "lined-process",
            "shaded-process",
            "sm-circ",
            "small-circle",
            "start",
            "fr-circ",
            "framed-circle",
            "stop",
            "fork",
            "join",
            "hourglass",
            "collate",
            "brace",
            "brace-l",
            "comment",
            "brace-r",
            "braces",
            "bolt",
            "com-link",
            "lightning-bolt",
            "doc",
            "document",
            "delay",
            "half-rounded-rectangle",
            "h-cyl",
            "das",
            "horizontal-cylinder",
            "lin-cyl",
            "disk",
            "lined-cylinder",
            "curv-trap",
            "curved-trapezoid",
            "display",
            "div-rect",
            "div-proc",
            "divided-process",
            "divided-rectangle",
            "tri",
            "extract",
            "triangle",
            "win-pane",
            "internal-storage",
            "window-pane",
            "f-circ",
            "filled-circle",
            "junction",
            "lin-doc",
            "lined-document",
            "notch-pent",
            "loop-limit",
            "notched-pentagon",
            "flip-tri",
            "flipped-triangle",
            "manual-file",
            "sl-rect",
            "manual-input",
            "sloped-rectangle",
            "docs",
            "documents",
            "st-doc",
            "stacked-document",
            "st-rect",
            "procs",
            "processes",
            "stacked-rectangle",
            "flag",
            "paper-tape",
            "bow-rect",
            "stored-data",
            "bow-tie-rectangle",
            "cross-circ",
            "summary",
            "crossed-circle",
            "tag-doc",
            "tagged-document",
            "tag-rect",
            "tag-proc",
            "tagged-process",
            "tagged-rectangle",
            "text",
            "datastore",
            "data-store",
            "cloud",
            "bang",
        ]
    }
}
