//! Sequence diagrams: participants and, in source order, what happens between them.
//!
//! In: nothing — plain data built by `liutu-syntax` from a `sequenceDiagram`. Out: read by
//! the sequence layout. Participant ids are resolved to indices; the body is a flat list
//! of [`Event`]s in source order, with blocks (`loop`, `alt`, ...) as balanced
//! start / section / end markers: the layout walks it once with a cursor and a frame
//! stack, so nesting depth never costs recursion. Autonumbering, `+`/`-` activation
//! shorthands and `create`/`destroy` are already resolved onto the events they affect.

use crate::{RichText, Span};

/// Index of a participant in [`Sequence::participants`].
pub type ParticipantId = usize;

/// A resolved sequence diagram.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Sequence {
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// In order of first appearance (declaration or first mention): the column order.
    pub participants: Vec<Participant>,
    /// `box ... end` groups of participants, in source order.
    pub boxes: Vec<ParticipantBox>,
    /// The body, in source order.
    pub events: Vec<Event>,
    /// Options from frontmatter / `%%{init}%%`, as `(dotted.key, value)` pairs, e.g.
    /// `("sequence.mirrorActors", "false")`.
    pub config: Vec<(String, String)>,
}

impl Sequence {
    /// The value of a config key, if set (the last one wins).
    pub fn config_value(&self, key: &str) -> Option<&str> {
        self.config
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A `sequence.*` option, also accepted at the top level (Mermaid reads `wrap` both
    /// ways).
    pub fn option(&self, name: &str) -> Option<&str> {
        self.config_value(&format!("sequence.{name}"))
            .or_else(|| self.config_value(name))
    }

    /// A boolean option: `true`/`false` as written, else `default`.
    pub fn flag(&self, name: &str, default: bool) -> bool {
        match self.option(name).map(str::trim) {
            Some("true") => true,
            Some("false") => false,
            _ => default,
        }
    }
}

/// How a participant is drawn: a box, or one of the v11 symbols.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantKind {
    #[default]
    Participant,
    Actor,
    Boundary,
    Control,
    Entity,
    Database,
    Collections,
    Queue,
}

impl ParticipantKind {
    /// The `type` names of `@{ "type": ... }`.
    pub fn from_name(name: &str) -> Option<ParticipantKind> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "participant" => ParticipantKind::Participant,
            "actor" => ParticipantKind::Actor,
            "boundary" => ParticipantKind::Boundary,
            "control" => ParticipantKind::Control,
            "entity" => ParticipantKind::Entity,
            "database" => ParticipantKind::Database,
            "collections" => ParticipantKind::Collections,
            "queue" => ParticipantKind::Queue,
            _ => return None,
        })
    }

    /// Every name [`ParticipantKind::from_name`] accepts, for hints.
    pub const NAMES: [&'static str; 8] = [
        "participant",
        "actor",
        "boundary",
        "control",
        "entity",
        "database",
        "collections",
        "queue",
    ];
}

/// One column of the diagram.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Participant {
    /// The id as written (`C`, `商户服务器`).
    pub id: String,
    /// The alias (`as ...`), else the id.
    pub label: RichText,
    pub kind: ParticipantKind,
    /// `link` / `links` menu entries: `(label, url)`, in source order.
    pub links: Vec<(String, String)>,
    /// `properties` entries as written (`class`, `icon`, ...).
    pub properties: Vec<(String, String)>,
    /// Index in [`Sequence::events`] of the message that creates it (`create`): its box
    /// is drawn at that message instead of at the top.
    pub created_by: Option<usize>,
    /// Index in [`Sequence::events`] of the message that destroys it (`destroy`): its
    /// lifeline ends there with a cross.
    pub destroyed_by: Option<usize>,
    /// The `box` it belongs to.
    pub group: Option<usize>,
    /// Where it was declared or first mentioned.
    pub span: Span,
}

/// A `box [colour] [title] ... end` around participants.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ParticipantBox {
    pub title: Option<RichText>,
    /// A CSS colour as written (`Purple`, `rgb(33,66,99)`), `None` for transparent.
    pub color: Option<String>,
    pub participants: Vec<ParticipantId>,
    pub span: Span,
}

/// Something that happens, in source order.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    Message(Message),
    Note(Note),
    /// `activate X`, or the `+` of a message (then right after that message).
    Activate {
        participant: ParticipantId,
        span: Span,
    },
    /// `deactivate X`, or the `-` of a message (then right after that message).
    Deactivate {
        participant: ParticipantId,
        span: Span,
    },
    /// `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect`: opens a frame.
    Start(Block),
    /// `else`, `and`, `option`: a new section of the innermost frame.
    Section(Section),
    /// `end` of a frame.
    End {
        span: Span,
    },
}

/// A message between two lifelines (or from one to itself).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Message {
    pub from: ParticipantId,
    pub to: ParticipantId,
    pub arrow: Arrow,
    pub text: RichText,
    /// `:wrap:` / `:nowrap:` on this message; `None` follows the diagram's `wrap`.
    pub wrap: Option<bool>,
    /// The autonumber shown at its start, already formatted (`"3"`, `"10.11"`).
    pub number: Option<String>,
    pub span: Span,
}

/// A message arrow: line, heads and Mermaid's `()` central-connection marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Arrow {
    /// `--` lines are dotted.
    pub dotted: bool,
    pub head: MessageHead,
    /// `<<->>` / `<<-->>`: the same head at the start too.
    pub both_ends: bool,
    /// `()` before the arrow: a small circle at the source end.
    pub central_from: bool,
    /// `()` after the arrow: a small circle at the target end.
    pub central_to: bool,
}

/// What ends a message line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageHead {
    /// `->`, `-->`: a plain line.
    None,
    /// `->>`, `-->>`: a filled arrowhead.
    #[default]
    Filled,
    /// `-x`, `--x`: a cross.
    Cross,
    /// `-)`, `--)`: an open (async) arrowhead.
    Async,
}

impl Arrow {
    /// The arrow as written (`-->>`, `<<->>`), for messages and tests.
    pub fn token(&self) -> &'static str {
        match (self.both_ends, self.dotted, self.head) {
            (true, false, _) => "<<->>",
            (true, true, _) => "<<-->>",
            (false, false, MessageHead::None) => "->",
            (false, true, MessageHead::None) => "-->",
            (false, false, MessageHead::Filled) => "->>",
            (false, true, MessageHead::Filled) => "-->>",
            (false, false, MessageHead::Cross) => "-x",
            (false, true, MessageHead::Cross) => "--x",
            (false, false, MessageHead::Async) => "-)",
            (false, true, MessageHead::Async) => "--)",
        }
    }
}

/// `Note left of / right of / over`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Note {
    pub placement: NotePlacement,
    /// One participant, or two for `over A,B` (in the order written).
    pub participants: Vec<ParticipantId>,
    pub text: RichText,
    pub wrap: Option<bool>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NotePlacement {
    LeftOf,
    RightOf,
    Over,
}

/// What opens a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Loop,
    Alt,
    Opt,
    Par,
    /// `par_over`: a `par` drawn over the participants it holds.
    ParOver,
    Critical,
    Break,
    /// `rect COLOUR`: a coloured background, no border or label.
    Rect,
}

impl BlockKind {
    /// The keyword as written, shown in the frame's tab.
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Loop => "loop",
            BlockKind::Alt => "alt",
            BlockKind::Opt => "opt",
            BlockKind::Par | BlockKind::ParOver => "par",
            BlockKind::Critical => "critical",
            BlockKind::Break => "break",
            BlockKind::Rect => "rect",
        }
    }

    /// The section keyword this block accepts (`else` for `alt`, ...), if any.
    pub fn section_keyword(self) -> Option<&'static str> {
        match self {
            BlockKind::Alt => Some("else"),
            BlockKind::Par | BlockKind::ParOver => Some("and"),
            BlockKind::Critical => Some("option"),
            _ => None,
        }
    }
}

/// A frame's opening line.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// The condition / title after the keyword (empty when none).
    pub label: RichText,
    /// `rect`'s colour as written.
    pub color: Option<String>,
    pub span: Span,
}

/// `else` / `and` / `option` inside a frame.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    pub label: RichText,
    pub span: Span,
}
