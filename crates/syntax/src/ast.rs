//! The syntax tree: statements as written, with byte spans.
//!
//! In: nothing (plain data built by `parse`). Out: a [`Document`] that `lower` turns into
//! the model. The tree keeps what the user wrote (ids as strings, labels as raw text with
//! their quoting kind) so lowering can resolve and warn with the right span.

use liutu_model::{ArrowHead, Direction, Shape, Span, Stroke};

/// A value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole flowchart source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The `flowchart` / `graph` keyword.
    pub header: Span,
    /// Direction from the header; `None` when omitted (Mermaid then uses TB).
    pub direction: Option<Spanned<Direction>>,
    /// `title:` from the frontmatter.
    pub title: Option<Spanned<String>>,
    /// Options from the frontmatter `config:` and `%%{init}%%` directives, in source
    /// order, as dotted keys (`flowchart.curve`).
    pub config: Vec<ConfigEntry>,
    pub statements: Vec<Statement>,
}

/// One configuration option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// One statement of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    /// Nodes, optionally linked: `A --> B & C --> D`.
    Chain(Chain),
    Subgraph(Subgraph),
    /// `direction LR` (inside a subgraph).
    Direction(Spanned<Direction>),
    ClassDef {
        names: Vec<Spanned<String>>,
        style: Vec<(String, String)>,
        span: Span,
    },
    Class {
        nodes: Vec<Spanned<String>>,
        classes: Vec<String>,
        span: Span,
    },
    Style {
        node: Spanned<String>,
        style: Vec<(String, String)>,
        span: Span,
    },
    LinkStyle {
        targets: LinkTargets,
        interpolate: Option<String>,
        style: Vec<(String, String)>,
        span: Span,
    },
    Click {
        node: Spanned<String>,
        action: ClickAction,
        span: Span,
    },
    AccTitle(Spanned<String>),
    AccDescr(Spanned<String>),
}

/// Groups of nodes joined by links: `groups.len() == links.len() + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub groups: Vec<Vec<NodeRef>>,
    pub links: Vec<Link>,
    pub span: Span,
}

/// A node as written at one place: `A`, `A[label]:::cls`, `A@{ shape: doc }`.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRef {
    pub id: Spanned<String>,
    /// Shape from bracket syntax, with the span of the brackets.
    pub shape: Option<Spanned<Shape>>,
    pub label: Option<Label>,
    pub classes: Vec<Spanned<String>>,
    /// `@{ key: value, ... }` entries.
    pub data: Vec<DataEntry>,
    pub span: Span,
}

/// One `key: value` of `@{ ... }` shape/edge data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataEntry {
    pub key: Spanned<String>,
    pub value: Spanned<String>,
}

/// Label text as written, before entity decoding and line splitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub text: String,
    pub kind: LabelKind,
    pub span: Span,
}

/// How a label was quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// Unquoted text.
    Text,
    /// `"..."`.
    String,
    /// "`...`": markdown emphasis, source newlines are line breaks.
    Markdown,
}

/// One link operator with its label: `-->`, `-- text -->`, `e1@==>|x|`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub id: Option<Spanned<String>>,
    pub stroke: Stroke,
    pub head_start: ArrowHead,
    pub head_end: ArrowHead,
    /// Mermaid's link length: 1 for `-->`, one more per extra dash, dot or `=`.
    pub length: u32,
    pub label: Option<Label>,
    pub span: Span,
}

/// `subgraph ... end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Subgraph {
    /// `None` for an anonymous subgraph or a title with spaces (Mermaid makes one up).
    pub id: Option<Spanned<String>>,
    pub title: Option<Label>,
    pub body: Vec<Statement>,
    /// The `subgraph ...` line.
    pub span: Span,
}

/// Which edges a `linkStyle` applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTargets {
    Default,
    Indices(Vec<Spanned<usize>>),
}

/// What `click` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClickAction {
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
