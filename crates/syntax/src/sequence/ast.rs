//! Sequence statements as written: ids as strings, text still raw.
//!
//! In: nothing (built by the statement parsers). Out: the statements `lower` resolves
//! into the model, each with the byte span of its source.

use liutu_model::{Arrow, BlockKind, NotePlacement, ParticipantKind, Span};

/// A string with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stmt {
    Participant(Decl),
    Destroy(Word),
    BoxStart {
        color: Option<String>,
        title: Option<String>,
    },
    Autonumber(Autonumber),
    Activate(Word),
    Deactivate(Word),
    Note {
        placement: NotePlacement,
        participants: Vec<Word>,
        text: String,
        wrap: Option<bool>,
    },
    Message(Msg),
    BlockStart {
        kind: BlockKind,
        label: String,
        color: Option<String>,
    },
    /// `else`, `and`, `option` (the keyword lower-cased) with its label.
    Section {
        keyword: String,
        label: String,
    },
    End,
    /// `link A: label @ url`.
    Link {
        participant: Word,
        label: String,
        url: String,
    },
    /// `links A: {json}`, `properties A: {json}`: the keyword and its pairs.
    Pairs {
        keyword: &'static str,
        participant: Word,
        pairs: Vec<(String, String)>,
    },
    Title(String),
    AccTitle(String),
    AccDescr(String),
}

/// `participant` / `actor`, maybe `create`d.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Decl {
    pub id: Word,
    pub kind: ParticipantKind,
    pub alias: Option<String>,
    pub create: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Autonumber {
    /// `autonumber [start [step]]`: numbers shown from here on.
    On {
        start: Option<Number>,
        step: Option<Number>,
    },
    Off,
}

/// A number as written, with its count of decimals (`.01` → 0.01, 2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Number {
    pub value: f64,
    pub decimals: usize,
}

/// `A ->>+ B: text`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Msg {
    pub from: Word,
    pub to: Word,
    pub arrow: Arrow,
    /// `+` after the arrow: activates the target.
    pub activate: bool,
    /// `-` after the arrow: deactivates the source.
    pub deactivate: bool,
    pub text: String,
    pub wrap: Option<bool>,
}

/// A parsed statement with the span of its whole text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Spanned {
    pub stmt: Stmt,
    pub span: Span,
}
