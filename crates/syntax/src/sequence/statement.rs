//! One statement of a sequence diagram to an [`super::ast::Stmt`].
//!
//! In: a [`Line`] (trimmed statement text and its offset). Out: the statement, or a
//! diagnostic with the span of what is wrong. Keywords are case-insensitive, as in
//! Mermaid, and must stand as a word of their own: `loop` opens a frame, `loopback->>B`
//! is a message. A line that is no keyword is a message ([`super::message`]).

use super::ast::{Autonumber, Number, Spanned, Stmt, Word};
use super::color;
use super::lines::Line;
use crate::Diagnostic;
use liutu_model::{BlockKind, NotePlacement, Span};

pub(super) fn parse(line: Line<'_>) -> Result<Spanned, Diagnostic> {
    let text = line.text;
    let word_len = text
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(text.len());
    let keyword = text[..word_len].to_ascii_lowercase();
    let rest_raw = &text[word_len..];
    let rest = rest_raw.trim();
    let rest_at = line.start + word_len + (rest_raw.len() - rest_raw.trim_start().len());
    let span = Span::new(line.start, line.end());
    let kw_span = Span::new(line.start, line.start + word_len);
    let stmt = match keyword.as_str() {
        "participant" | "actor" => Stmt::Participant(super::participant::parse(
            &keyword, rest, rest_at, false, kw_span,
        )?),
        "create" => {
            let inner_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let inner = rest[..inner_len].to_ascii_lowercase();
            if inner != "participant" && inner != "actor" {
                return Err(Diagnostic::error(
                    Span::new(rest_at, rest_at + inner_len),
                    format!(
                        "expected `participant` or `actor` after `create`, found {}",
                        found(&rest[..inner_len])
                    ),
                )
                .with_hint("write `create participant ID` on the line before its first message"));
            }
            let after = &rest[inner_len..];
            let trimmed = after.trim_start();
            let at = rest_at + inner_len + (after.len() - trimmed.len());
            Stmt::Participant(super::participant::parse(
                &inner,
                trimmed.trim_end(),
                at,
                true,
                Span::new(rest_at, rest_at + inner_len),
            )?)
        }
        "destroy" => Stmt::Destroy(id_word(rest, rest_at, "destroy", kw_span)?),
        "activate" => Stmt::Activate(id_word(rest, rest_at, "activate", kw_span)?),
        "deactivate" => Stmt::Deactivate(id_word(rest, rest_at, "deactivate", kw_span)?),
        "box" => {
            let (color, title) = color::split_box_line(rest);
            Stmt::BoxStart { color, title }
        }
        "end" if rest.is_empty() => Stmt::End,
        "loop" | "alt" | "opt" | "par" | "par_over" | "critical" | "break" | "rect"
            if !rest.starts_with(':') =>
        {
            let kind = match keyword.as_str() {
                "loop" => BlockKind::Loop,
                "alt" => BlockKind::Alt,
                "opt" => BlockKind::Opt,
                "par" => BlockKind::Par,
                "par_over" => BlockKind::ParOver,
                "critical" => BlockKind::Critical,
                "break" => BlockKind::Break,
                _ => BlockKind::Rect,
            };
            if kind == BlockKind::Rect {
                if rest.is_empty() {
                    return Err(Diagnostic::error(kw_span, "expected a colour after `rect`")
                        .with_hint("write `rect rgb(200, 220, 255)` or `rect lightyellow`"));
                }
                Stmt::BlockStart {
                    kind,
                    label: String::new(),
                    color: Some(rest.to_string()),
                }
            } else {
                Stmt::BlockStart {
                    kind,
                    label: rest.to_string(),
                    color: None,
                }
            }
        }
        "else" | "and" | "option" if !rest.starts_with(':') => Stmt::Section {
            keyword: keyword.clone(),
            label: rest.to_string(),
        },
        "autonumber" => Stmt::Autonumber(autonumber(rest, rest_at)?),
        "note" => note(rest, rest_at, kw_span)?,
        "link" => link(rest, rest_at, kw_span)?,
        "links" | "properties" | "details" => {
            let kw: &'static str = match keyword.as_str() {
                "links" => "links",
                "properties" => "properties",
                _ => "details",
            };
            let (participant, value, value_at) = id_colon(rest, rest_at, kw, kw_span)?;
            let pairs = if kw == "details" {
                vec![("details".to_string(), value.to_string())]
            } else {
                super::participant::object(value, value_at)?
            };
            Stmt::Pairs {
                keyword: kw,
                participant,
                pairs,
            }
        }
        "title" => Stmt::Title(strip_colon(rest).to_string()),
        "acctitle" => Stmt::AccTitle(after_colon(rest, kw_span, "accTitle")?),
        "accdescr" => {
            if let Some(body) = rest.strip_prefix('{') {
                Stmt::AccDescr(
                    body.trim_end_matches('}')
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            } else {
                Stmt::AccDescr(after_colon(rest, kw_span, "accDescr")?)
            }
        }
        "sequencediagram" => {
            return Err(
                Diagnostic::error(kw_span, "found a second `sequenceDiagram` header")
                    .with_hint("one source holds one diagram"),
            );
        }
        _ => Stmt::Message(super::message::parse(line)?),
    };
    Ok(Spanned { stmt, span })
}

/// How a token is shown in "found ..." messages.
pub(super) fn found(token: &str) -> String {
    if token.is_empty() {
        "the end of the statement".to_string()
    } else {
        format!("`{token}`")
    }
}

fn strip_colon(rest: &str) -> &str {
    rest.strip_prefix(':').unwrap_or(rest).trim()
}

fn after_colon(rest: &str, kw_span: Span, kw: &str) -> Result<String, Diagnostic> {
    match rest.strip_prefix(':') {
        Some(v) => Ok(v.trim().to_string()),
        None => Err(
            Diagnostic::error(kw_span, format!("expected `:` after `{kw}`"))
                .with_hint(format!("write `{kw}: text`")),
        ),
    }
}

/// A participant id after `activate`, `destroy`, ...
fn id_word(rest: &str, at: usize, kw: &str, kw_span: Span) -> Result<Word, Diagnostic> {
    if rest.is_empty() {
        return Err(
            Diagnostic::error(kw_span, format!("expected a participant after `{kw}`"))
                .with_hint(format!("write `{kw} ID`")),
        );
    }
    let span = Span::new(at, at + rest.len());
    super::participant::check_id(rest, span)?;
    Ok(Word {
        text: rest.to_string(),
        span,
    })
}

/// `ID: value` after `link`, `links`, `properties`.
fn id_colon<'a>(
    rest: &'a str,
    at: usize,
    kw: &str,
    kw_span: Span,
) -> Result<(Word, &'a str, usize), Diagnostic> {
    let Some(colon) = rest.find(':') else {
        return Err(Diagnostic::error(
            kw_span,
            format!("expected `{kw} ID: ...`, found no `:`"),
        ));
    };
    let id = id_word(rest[..colon].trim_end(), at, kw, kw_span)?;
    let value_raw = &rest[colon + 1..];
    let value = value_raw.trim();
    let value_at = at + colon + 1 + (value_raw.len() - value_raw.trim_start().len());
    Ok((id, value, value_at))
}

fn link(rest: &str, at: usize, kw_span: Span) -> Result<Stmt, Diagnostic> {
    let (participant, value, value_at) = id_colon(rest, at, "link", kw_span)?;
    // The label is everything before the last ` @ `... Mermaid splits at the first `@`
    // that is followed by a URL; a URL may hold `@` itself (`?svc=a@b.com`).
    let Some(sep) = value.find('@') else {
        return Err(Diagnostic::error(
            Span::new(value_at, value_at + value.len()),
            "expected `label @ url` after `link ID:`",
        )
        .with_hint("write `link Alice: Dashboard @ https://example.com`"));
    };
    Ok(Stmt::Link {
        participant,
        label: value[..sep].trim().to_string(),
        url: value[sep + 1..].trim().to_string(),
    })
}

fn note(rest: &str, at: usize, kw_span: Span) -> Result<Stmt, Diagnostic> {
    let lower = rest.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().take(2).collect();
    let (placement, skip) = match words.as_slice() {
        ["left", "of", ..] => (NotePlacement::LeftOf, 2),
        ["right", "of", ..] => (NotePlacement::RightOf, 2),
        ["over", ..] => (NotePlacement::Over, 1),
        [w, ..] if w.starts_with("over") => (NotePlacement::Over, 0),
        _ => {
            let first = rest.split_whitespace().next().unwrap_or("");
            return Err(Diagnostic::error(
                if first.is_empty() {
                    kw_span
                } else {
                    Span::new(at, at + first.len())
                },
                format!(
                    "expected `left of`, `right of` or `over` after `Note`, found {}",
                    found(first)
                ),
            )
            .with_hint("write `Note right of Alice: text` or `Note over Alice,Bob: text`"));
        }
    };
    // Skip the placement words in the original text.
    let mut pos = 0;
    if skip == 0 {
        pos = 4;
    } else {
        for _ in 0..skip {
            let t = &rest[pos..];
            let lead = t.len() - t.trim_start().len();
            let w = t
                .trim_start()
                .find(char::is_whitespace)
                .unwrap_or(t.len() - lead);
            pos += lead + w;
        }
    }
    let tail = &rest[pos..];
    let Some(colon) = tail.find(':') else {
        return Err(Diagnostic::error(
            Span::new(at, at + rest.len()),
            "expected `:` and the note's text",
        )
        .with_hint("write `Note right of Alice: text`"));
    };
    let mut participants = Vec::new();
    let mut off = at + pos;
    for part in tail[..colon].split(',') {
        let t = part.trim();
        let lead = part.len() - part.trim_start().len();
        let span = Span::new(off + lead, off + lead + t.len());
        off += part.len() + 1;
        if t.is_empty() {
            return Err(
                Diagnostic::error(span, "expected a participant in the note")
                    .with_hint("write `Note over Alice,Bob: text`"),
            );
        }
        super::participant::check_id(t, span)?;
        participants.push(Word {
            text: t.to_string(),
            span,
        });
    }
    if participants.len() > 2 || (participants.len() == 2 && placement != NotePlacement::Over) {
        let s = participants[participants.len() - 1].span;
        return Err(Diagnostic::error(
            s,
            "a note is over one or two participants, or left/right of one",
        )
        .with_hint("write `Note over A,B: text`"));
    }
    let (text, wrap) = wrap_prefix(&tail[colon + 1..]);
    Ok(Stmt::Note {
        placement,
        participants,
        text: text.to_string(),
        wrap,
    })
}

/// `wrap:` / `nowrap:` right after the `:` of a message or note.
pub(super) fn wrap_prefix(text: &str) -> (&str, Option<bool>) {
    let t = text.trim_start();
    let b = t.as_bytes();
    if b.len() >= 5 && b[..5].eq_ignore_ascii_case(b"wrap:") {
        (t[5..].trim(), Some(true))
    } else if b.len() >= 7 && b[..7].eq_ignore_ascii_case(b"nowrap:") {
        (t[7..].trim(), Some(false))
    } else {
        (t.trim(), None)
    }
}

fn number(word: &str) -> Option<Number> {
    if word.is_empty()
        || !word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || word.bytes().filter(|&b| b == b'.').count() > 1
    {
        return None;
    }
    let value: f64 = word.parse().ok()?;
    let decimals = word.find('.').map_or(0, |i| word.len() - i - 1);
    value.is_finite().then_some(Number { value, decimals })
}

fn autonumber(rest: &str, at: usize) -> Result<Autonumber, Diagnostic> {
    if rest.eq_ignore_ascii_case("off") {
        return Ok(Autonumber::Off);
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut nums = Vec::new();
    for w in &words {
        match number(w) {
            Some(n) if nums.len() < 2 => nums.push(n),
            _ => {
                let off = w.as_ptr() as usize - rest.as_ptr() as usize;
                return Err(Diagnostic::error(
                    Span::new(at + off, at + off + w.len()),
                    format!("expected a number or `off` after `autonumber`, found `{w}`"),
                )
                .with_hint(
                    "write `autonumber`, `autonumber 10`, `autonumber 10 5` or `autonumber off`",
                ));
            }
        }
    }
    Ok(Autonumber::On {
        start: nums.first().copied(),
        step: nums.get(1).copied(),
    })
}
