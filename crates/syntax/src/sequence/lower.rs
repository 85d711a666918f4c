//! Sequence statements to the model.
//!
//! In: the parsed statements in source order. Out: a [`Sequence`] plus the diagnostics
//! that need the whole diagram: `end` without a block, blocks left open, `else` outside
//! `alt`, deactivating a participant that is not active, `create`/`destroy` without their
//! message, messages to a participant after it was destroyed.
//!
//! Mermaid's rules kept here: a participant first mentioned in a message is declared
//! there; a repeated declaration updates the label and kind; `+` activates the target
//! and `-` deactivates the source, right after their message; numbers advance on every
//! message, shown or not, and `autonumber` / `autonumber off` switch them from there on.

use super::ast::{Autonumber, Decl, Msg, Spanned, Stmt, Word};
use super::text::rich;
use crate::Diagnostic;
use liutu_model::{
    Block, BlockKind, Event, Message, Note, Participant, ParticipantBox, ParticipantKind, RichText,
    Section, Sequence, Span,
};
use std::collections::HashMap;

/// Deepest frame nesting accepted; deeper input gets an error, never a huge layout.
const MAX_DEPTH: usize = 64;

enum Open {
    Box(usize),
    Block(BlockKind),
}

struct Numbers {
    shown: bool,
    next: f64,
    step: f64,
    decimals: usize,
}

impl Numbers {
    fn take(&mut self) -> Option<String> {
        let value = self.next;
        self.next += self.step;
        if !self.shown {
            return None;
        }
        if self.decimals == 0 {
            return Some(format!("{}", value.round() as i64));
        }
        let s = format!("{value:.*}", self.decimals);
        Some(s.trim_end_matches('0').trim_end_matches('.').to_string())
    }
}

struct Lowerer {
    seq: Sequence,
    ids: HashMap<String, usize>,
    active: Vec<u32>,
    /// Participants whose `create` / `destroy` waits for its message, with that span.
    pending_create: Vec<(usize, Span)>,
    pending_destroy: Vec<(usize, Span)>,
    /// Set once the destroying message was read.
    gone: Vec<bool>,
    open: Vec<(Open, Span)>,
    numbers: Numbers,
    diags: Vec<Diagnostic>,
}

pub(super) fn lower(
    statements: Vec<Spanned>,
    config: Vec<(String, String)>,
) -> (Sequence, Vec<Diagnostic>) {
    let mut seq = Sequence {
        config,
        ..Sequence::default()
    };
    let shown = seq.flag("showSequenceNumbers", false);
    seq.title = None;
    let mut l = Lowerer {
        seq,
        ids: HashMap::new(),
        active: Vec::new(),
        pending_create: Vec::new(),
        pending_destroy: Vec::new(),
        gone: Vec::new(),
        open: Vec::new(),
        numbers: Numbers {
            shown,
            next: 1.0,
            step: 1.0,
            decimals: 0,
        },
        diags: Vec::new(),
    };
    for s in statements {
        l.statement(s);
    }
    l.finish();
    (l.seq, l.diags)
}

impl Lowerer {
    fn participant(&mut self, word: &Word) -> usize {
        if let Some(&i) = self.ids.get(&word.text) {
            return i;
        }
        self.add(word, ParticipantKind::Participant, None)
    }

    fn add(&mut self, word: &Word, kind: ParticipantKind, alias: Option<&str>) -> usize {
        let i = self.seq.participants.len();
        let group = self.open.iter().rev().find_map(|(o, _)| match o {
            Open::Box(b) => Some(*b),
            Open::Block(_) => None,
        });
        if let Some(bx) = group.and_then(|b| self.seq.boxes.get_mut(b)) {
            bx.participants.push(i);
        }
        self.seq.participants.push(Participant {
            id: word.text.clone(),
            label: alias.map_or_else(|| RichText::plain(&word.text), rich),
            kind,
            links: Vec::new(),
            properties: Vec::new(),
            created_by: None,
            destroyed_by: None,
            group,
            span: word.span,
        });
        self.ids.insert(word.text.clone(), i);
        self.active.push(0);
        self.gone.push(false);
        i
    }

    fn statement(&mut self, s: Spanned) {
        let span = s.span;
        match s.stmt {
            Stmt::Participant(d) => self.declare(d, span),
            Stmt::Destroy(w) => {
                let p = self.participant(&w);
                self.pending_destroy.push((p, span));
            }
            Stmt::BoxStart { color, title } => {
                if let Some((_, open_span)) = self.open.last() {
                    let d = Diagnostic::error(span, "a `box` cannot be inside another block")
                        .with_hint(format!(
                            "close the block opened at byte {} with `end` first; boxes group \
                             participants at the top level",
                            open_span.start
                        ));
                    self.diags.push(d);
                }
                let b = self.seq.boxes.len();
                self.seq.boxes.push(ParticipantBox {
                    title: title.as_deref().map(rich),
                    color,
                    participants: Vec::new(),
                    span,
                });
                self.open.push((Open::Box(b), span));
            }
            Stmt::Autonumber(a) => match a {
                Autonumber::Off => self.numbers.shown = false,
                Autonumber::On { start, step } => {
                    self.numbers.shown = true;
                    if let Some(n) = start {
                        self.numbers.next = n.value;
                        self.numbers.decimals = n.decimals;
                    }
                    if let Some(n) = step {
                        self.numbers.step = n.value;
                        self.numbers.decimals = self.numbers.decimals.max(n.decimals);
                    }
                }
            },
            Stmt::Activate(w) => {
                let p = self.participant(&w);
                self.active[p] += 1;
                self.seq.events.push(Event::Activate {
                    participant: p,
                    span,
                });
            }
            Stmt::Deactivate(w) => {
                let p = self.participant(&w);
                self.deactivate(p, w.span, span);
            }
            Stmt::Note {
                placement,
                participants,
                text,
                wrap,
            } => {
                let participants = participants.iter().map(|w| self.participant(w)).collect();
                self.seq.events.push(Event::Note(Note {
                    placement,
                    participants,
                    text: rich(&text),
                    wrap,
                    span,
                }));
            }
            Stmt::Message(m) => self.message(m, span),
            Stmt::BlockStart { kind, label, color } => {
                let depth = self
                    .open
                    .iter()
                    .filter(|(o, _)| matches!(o, Open::Block(_)))
                    .count();
                if depth >= MAX_DEPTH {
                    self.diags.push(Diagnostic::error(
                        span,
                        format!("blocks are nested more than {MAX_DEPTH} deep"),
                    ));
                }
                self.open.push((Open::Block(kind), span));
                self.seq.events.push(Event::Start(Block {
                    kind,
                    label: rich(&label),
                    color,
                    span,
                }));
            }
            Stmt::Section { keyword, label } => self.section(&keyword, &label, span),
            Stmt::End => match self.open.pop() {
                Some((Open::Block(_), _)) => self.seq.events.push(Event::End { span }),
                Some((Open::Box(_), _)) => {}
                None => self.diags.push(
                    Diagnostic::error(span, "found `end` with no open block").with_hint(
                        "`end` closes `loop`, `alt`, `opt`, `par`, `critical`, `break`, \
                             `rect` or `box`; remove it or open the block it was meant to close",
                    ),
                ),
            },
            Stmt::Link {
                participant,
                label,
                url,
            } => {
                let p = self.participant(&participant);
                self.seq.participants[p].links.push((label, url));
            }
            Stmt::Pairs {
                keyword,
                participant,
                pairs,
            } => {
                let p = self.participant(&participant);
                let target = &mut self.seq.participants[p];
                if keyword == "links" {
                    target.links.extend(pairs);
                } else {
                    target.properties.extend(pairs);
                }
            }
            Stmt::Title(t) => self.seq.title = Some(rich(&t).to_plain()),
            Stmt::AccTitle(t) => self.seq.acc_title = Some(t),
            Stmt::AccDescr(t) => self.seq.acc_descr = Some(t),
        }
    }

    fn declare(&mut self, d: Decl, span: Span) {
        if let Some(&p) = self.ids.get(&d.id.text) {
            if d.create {
                self.diags.push(
                    Diagnostic::error(
                        d.id.span,
                        format!("cannot create `{}`: it already exists", d.id.text),
                    )
                    .with_hint("put `create` before the participant's first mention"),
                );
                return;
            }
            // A repeated declaration updates what it says.
            let target = &mut self.seq.participants[p];
            target.kind = d.kind;
            if let Some(a) = d.alias.as_deref() {
                target.label = rich(a);
            }
            return;
        }
        let p = self.add(&d.id, d.kind, d.alias.as_deref());
        if d.create {
            self.pending_create.push((p, span));
        }
    }

    fn deactivate(&mut self, p: usize, at: Span, span: Span) {
        if self.active[p] == 0 {
            let id = &self.seq.participants[p].id;
            self.diags.push(
                Diagnostic::error(at, format!("cannot deactivate `{id}`: it is not active"))
                    .with_hint(format!(
                        "every deactivation needs an earlier activation: `A->>+{id}: ...` or \
                     `activate {id}`"
                    )),
            );
            return;
        }
        self.active[p] -= 1;
        self.seq.events.push(Event::Deactivate {
            participant: p,
            span,
        });
    }

    fn message(&mut self, m: Msg, span: Span) {
        let from = self.participant(&m.from);
        let to = self.participant(&m.to);
        for (p, w) in [(from, &m.from), (to, &m.to)] {
            if self.gone[p] {
                self.diags.push(
                    Diagnostic::error(
                        w.span,
                        format!(
                            "`{}` was destroyed earlier; no message can reach it",
                            w.text
                        ),
                    )
                    .with_hint("move `destroy` to just before the last message it takes part in"),
                );
            }
        }
        let number = self.numbers.take();
        let index = self.seq.events.len();
        self.seq.events.push(Event::Message(Message {
            from,
            to,
            arrow: m.arrow,
            text: rich(&m.text),
            wrap: m.wrap,
            number,
            span,
        }));
        for p in [from, to] {
            if let Some(k) = self.pending_create.iter().position(|&(q, _)| q == p) {
                self.pending_create.remove(k);
                self.seq.participants[p].created_by = Some(index);
            }
            if let Some(k) = self.pending_destroy.iter().position(|&(q, _)| q == p) {
                self.pending_destroy.remove(k);
                self.seq.participants[p].destroyed_by = Some(index);
                self.gone[p] = true;
            }
        }
        if m.activate {
            self.active[to] += 1;
            self.seq.events.push(Event::Activate {
                participant: to,
                span,
            });
        }
        if m.deactivate {
            self.deactivate(from, m.from.span, span);
        }
    }

    fn section(&mut self, keyword: &str, label: &str, span: Span) {
        let block = self.open.last().and_then(|(o, _)| match o {
            Open::Block(k) => Some(*k),
            Open::Box(_) => None,
        });
        let fits = block.and_then(BlockKind::section_keyword) == Some(keyword);
        if !fits {
            let owner = match keyword {
                "else" => "alt",
                "and" => "par",
                _ => "critical",
            };
            let inside = block.map_or("outside any block".to_string(), |k| {
                format!("inside `{}`", k.keyword())
            });
            self.diags.push(
                Diagnostic::error(span, format!("`{keyword}` {inside}")).with_hint(format!(
                    "`{keyword}` starts a new section of an `{owner}` block"
                )),
            );
            return;
        }
        self.seq.events.push(Event::Section(Section {
            label: rich(label),
            span,
        }));
    }

    fn finish(&mut self) {
        while let Some((o, span)) = self.open.pop() {
            let what = match o {
                Open::Box(_) => "box".to_string(),
                Open::Block(k) => {
                    self.seq.events.push(Event::End { span });
                    k.keyword().to_string()
                }
            };
            self.diags.push(
                Diagnostic::error(
                    span,
                    format!("`{what}` is never closed: expected `end`, found the end of input"),
                )
                .with_hint("every `loop`, `alt`, `opt`, `par`, `critical`, `break`, `rect` and `box` needs its own `end`"),
            );
        }
        for &(p, span) in &self.pending_create {
            let id = &self.seq.participants[p].id;
            self.diags.push(
                Diagnostic::error(span, format!("`{id}` is created but no message follows"))
                    .with_hint(format!(
                        "the message after `create` must involve it: `A->>{id}: hi`"
                    )),
            );
        }
        for &(p, span) in &self.pending_destroy {
            let id = &self.seq.participants[p].id;
            self.diags.push(
                Diagnostic::error(span, format!("`{id}` is destroyed but no message follows"))
                    .with_hint(format!(
                        "the message after `destroy` must involve it: `{id}-x A: bye`"
                    )),
            );
        }
    }
}
