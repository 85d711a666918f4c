//! The diagram model: what a diagram *means*, with every id resolved.
//!
//! In: nothing — this crate is plain data. `liutu-syntax` lowers its syntax tree into
//! these types; `liutu-layout` reads them. Nothing here knows about text, fonts or
//! coordinates. Every item keeps the byte [`Span`] of the source it came from so later
//! phases can point at it in a warning.

mod color;
mod flowchart;
pub mod limits;
mod sequence;
mod span;
mod style;

pub use color::{Rgba, parse_color};
pub use flowchart::{
    ArrowHead, Click, Direction, Edge, EdgeId, Flowchart, Node, NodeId, Shape, Stroke, Subgraph,
    SubgraphId,
};
pub use limits::{Limit, LimitExceeded, Limits};
pub use sequence::{
    Arrow, Block, BlockKind, Event, Message, MessageHead, Note, NotePlacement, Participant,
    ParticipantBox, ParticipantId, ParticipantKind, Section, Sequence,
};
pub use span::Span;
pub use style::{ClassDef, Style};

/// A whole diagram, of any kind liutu draws.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Diagram {
    Flowchart(Flowchart),
    Sequence(Sequence),
}

/// Text as the user wrote it, split into lines, with inline markdown emphasis resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RichText {
    pub lines: Vec<TextLine>,
}

/// One line of a label: a run of spans.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TextLine {
    pub spans: Vec<TextSpan>,
}

/// A piece of a line with one emphasis.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TextSpan {
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub italic: bool,
}

impl RichText {
    /// Plain text; `\n` separates lines.
    pub fn plain(text: &str) -> Self {
        RichText {
            lines: text
                .split('\n')
                .map(|line| TextLine {
                    spans: vec![TextSpan {
                        text: line.to_string(),
                        ..TextSpan::default()
                    }],
                })
                .collect(),
        }
    }

    /// True when there is no visible character at all.
    pub fn is_empty(&self) -> bool {
        self.lines
            .iter()
            .all(|l| l.spans.iter().all(|s| s.text.trim().is_empty()))
    }

    /// The text without emphasis, lines joined with `\n`.
    pub fn to_plain(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}
