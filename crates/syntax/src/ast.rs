//! The syntax tree: statements as written, with byte spans.
//!
//! In: nothing (plain data built by `parse`). Out: a [`Document`] that `lower` turns into
//! the model. The tree keeps what the user wrote (ids as written, labels as raw text with
//! their quoting kind) so lowering can resolve and warn with the right span.
//!
//! Laid out for big charts, whose trees are tens of thousands of node mentions and
//! little else, and where every byte of the tree is memory to fault in:
//!
//! - ids, class names and label text are slices of the source (`'a`), not copies:
//!   lowering needs each one only long enough to look it up. Text that parsing has to
//!   rewrite (style lists, config, `accDescr` blocks, quoted data values with line
//!   breaks) is owned;
//! - chains index two lists kept by the [`Document`] instead of owning vectors
//!   ([`Chain`]);
//! - what is rare is boxed, so the common case stays small: what follows a node id
//!   ([`NodeRef::details`]), a link's id and label ([`Link::details`]), and every
//!   statement but a chain ([`Statement`]).

use liutu_model::{ArrowHead, Direction, Shape, Span, Stroke};
use std::borrow::Cow;
use std::ops::Range;

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
pub struct Document<'a> {
    /// The `flowchart` / `graph` keyword.
    pub header: Span,
    /// Direction from the header; `None` when omitted (Mermaid then uses TB).
    pub direction: Option<Spanned<Direction>>,
    /// `title:` from the frontmatter.
    pub title: Option<Spanned<String>>,
    /// Options from the frontmatter `config:` and `%%{init}%%` directives, in source
    /// order, as dotted keys (`flowchart.curve`).
    pub config: Vec<ConfigEntry>,
    pub statements: Vec<Statement<'a>>,
    /// The nodes of every chain, in source order; each [`Chain`] owns a range of them.
    pub nodes: Vec<NodeRef<'a>>,
    /// The links of every chain, in source order; each [`Chain`] owns a range of them.
    pub links: Vec<Link<'a>>,
}

/// One configuration option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub key: String,
    pub value: String,
    pub span: Span,
}

/// One statement of the body.
///
/// Big charts are thousands of chains and little else, so only a chain (and the small
/// statements) is kept inline; the rest are boxed. That keeps the enum at 56 bytes
/// instead of 128, and the list of a big chart's statements at less than half the size.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement<'a> {
    /// Nodes, optionally linked: `A --> B & C --> D`.
    Chain(Chain),
    Subgraph(Box<Subgraph<'a>>),
    /// `direction LR` (inside a subgraph).
    Direction(Spanned<Direction>),
    ClassDef(Box<ClassDef<'a>>),
    Class(Box<Class<'a>>),
    Style(Box<Style<'a>>),
    LinkStyle(Box<LinkStyle>),
    Click(Box<Click<'a>>),
    AccTitle(Spanned<String>),
    AccDescr(Spanned<String>),
}

/// `classDef a,b fill:#f9f,stroke:#333`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDef<'a> {
    pub names: Vec<Spanned<&'a str>>,
    pub style: Vec<(String, String)>,
    pub span: Span,
}

/// `class A,B name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class<'a> {
    pub nodes: Vec<Spanned<&'a str>>,
    pub classes: Vec<&'a str>,
    pub span: Span,
}

/// `style A fill:#f9f`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style<'a> {
    pub node: Spanned<&'a str>,
    pub style: Vec<(String, String)>,
    pub span: Span,
}

/// `linkStyle 0,2 interpolate basis stroke:red`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStyle {
    pub targets: LinkTargets,
    pub interpolate: Option<String>,
    pub style: Vec<(String, String)>,
    pub span: Span,
}

/// `click A callback` or `click A href "url"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Click<'a> {
    pub node: Spanned<&'a str>,
    pub action: ClickAction,
    pub span: Span,
}

/// Groups of nodes joined by links: `A & B --> C` is the groups `A & B` and `C` with one
/// link between them.
///
/// Its nodes and links live in the [`Document`]'s lists, not in vectors of its own: a
/// big chart is thousands of one-line chains, and two small allocations each would cost
/// more than reading them (and scatter what lowering reads back in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// Its nodes in [`Document::nodes`], group after group.
    pub nodes: Range<usize>,
    /// Its links in [`Document::links`]: link `i` joins group `i` to group `i + 1`, so
    /// there is one group more than links.
    pub links: Range<usize>,
    pub span: Span,
}

impl Chain {
    /// The nodes of each group, in order (a group is never empty), given
    /// [`Document::nodes`].
    pub fn groups<'t, 'a>(
        &self,
        nodes: &'t [NodeRef<'a>],
    ) -> impl Iterator<Item = &'t [NodeRef<'a>]> {
        nodes[self.nodes.clone()].chunk_by(|a, b| a.group == b.group)
    }
}

/// A node as written at one place: `A`, `A[label]:::cls`, `A@{ shape: doc }`.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRef<'a> {
    pub id: Spanned<&'a str>,
    /// Index of its `&` group in the [`Chain`]: 0 before the first link, 1 after it, ...
    pub group: usize,
    /// What follows the id; `None` for a bare id. Boxed because most mentions in a big
    /// chart are bare ids, and inline these fields would make every one three times the
    /// size (a big chart's tree is mostly node mentions).
    pub details: Option<Box<NodeDetails<'a>>>,
    pub span: Span,
}

/// The brackets, `:::classes` and `@{ data }` of a [`NodeRef`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeDetails<'a> {
    /// Shape from bracket syntax, with the span of the brackets.
    pub shape: Option<Spanned<Shape>>,
    pub label: Option<Label<'a>>,
    pub classes: Vec<Spanned<&'a str>>,
    /// `@{ key: value, ... }` entries.
    pub data: Vec<DataEntry<'a>>,
}

/// The [`NodeDetails`] fields, empty for a bare id.
impl<'a> NodeRef<'a> {
    pub fn shape(&self) -> Option<&Spanned<Shape>> {
        self.details.as_ref()?.shape.as_ref()
    }

    pub fn label(&self) -> Option<&Label<'a>> {
        self.details.as_ref()?.label.as_ref()
    }

    pub fn classes(&self) -> &[Spanned<&'a str>] {
        self.details.as_ref().map_or(&[], |d| &d.classes)
    }

    pub fn data(&self) -> &[DataEntry<'a>] {
        self.details.as_ref().map_or(&[], |d| &d.data)
    }
}

/// One `key: value` of `@{ ... }` shape/edge data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataEntry<'a> {
    pub key: Spanned<&'a str>,
    /// Unquoted; owned only when a quoted value spanned lines (they become `<br/>`).
    pub value: Spanned<Cow<'a, str>>,
}

/// Label text as written, before entity decoding and line splitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    pub text: &'a str,
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
pub struct Link<'a> {
    pub stroke: Stroke,
    pub head_start: ArrowHead,
    pub head_end: ArrowHead,
    /// Mermaid's link length: 1 for `-->`, one more per extra dash, dot or `=`.
    pub length: u32,
    /// Its id and label; `None` for a bare operator. Boxed for the reason
    /// [`NodeRef::details`] is: most links of a big chart have neither.
    pub details: Option<Box<LinkDetails<'a>>>,
    pub span: Span,
}

/// The id and label of a [`Link`].
#[derive(Debug, Clone, PartialEq)]
pub struct LinkDetails<'a> {
    pub id: Option<Spanned<&'a str>>,
    pub label: Option<Label<'a>>,
}

/// The [`LinkDetails`] fields, `None` for a bare operator.
impl<'a> Link<'a> {
    pub fn id(&self) -> Option<&Spanned<&'a str>> {
        self.details.as_ref()?.id.as_ref()
    }

    pub fn label(&self) -> Option<&Label<'a>> {
        self.details.as_ref()?.label.as_ref()
    }
}

/// `subgraph ... end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Subgraph<'a> {
    /// `None` for an anonymous subgraph or a title with spaces (Mermaid makes one up).
    pub id: Option<Spanned<&'a str>>,
    pub title: Option<Label<'a>>,
    pub body: Vec<Statement<'a>>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A big chart's tree is mostly these; every byte added to them is paid for tens of
    /// thousands of times (see the module docs).
    #[test]
    fn the_common_parts_stay_small() {
        assert!(size_of::<Statement>() <= 56, "{}", size_of::<Statement>());
        assert!(size_of::<NodeRef>() <= 64, "{}", size_of::<NodeRef>());
        assert!(size_of::<Link>() <= 32, "{}", size_of::<Link>());
    }
}
