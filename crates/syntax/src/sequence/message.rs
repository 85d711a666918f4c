//! Messages: `A ->>+ B: text`, with Mermaid's ten arrows and `()` central marks.
//!
//! In: a statement that is no keyword. Out: an [`super::ast::Msg`], or an error naming what is
//! wrong: an unknown arrow (`=>`, `->>>`, `<->`), a missing participant, a missing `:`.
//! The source id may hold dashes (`Alice-in-Wonderland->>Bob`): the arrow is the first
//! place where one of the arrow tokens starts, longest token first, as Mermaid's lexer
//! finds it.

use super::ast::{Msg, Word};
use super::lines::Line;
use super::statement::{found, wrap_prefix};
use crate::Diagnostic;
use liutu_model::{Arrow, MessageHead, Span};

/// Arrow tokens, longest first at each start character.
const ARROWS: &[(&str, bool, MessageHead, bool)] = &[
    ("<<-->>", true, MessageHead::Filled, true),
    ("<<->>", false, MessageHead::Filled, true),
    ("-->>", true, MessageHead::Filled, false),
    ("->>", false, MessageHead::Filled, false),
    ("-->", true, MessageHead::None, false),
    ("->", false, MessageHead::None, false),
    ("--x", true, MessageHead::Cross, false),
    ("-x", false, MessageHead::Cross, false),
    ("--)", true, MessageHead::Async, false),
    ("-)", false, MessageHead::Async, false),
];

/// Characters that make up arrows: a run of them around a token shows an unknown arrow.
fn arrowish(c: u8) -> bool {
    matches!(c, b'-' | b'<' | b'>' | b'=' | b'~')
}

const HINT: &str = "arrows are ->> -->> -> --> -x --x -) --) <<->> <<-->>";

pub(super) fn parse(line: Line<'_>) -> Result<Msg, Diagnostic> {
    let text = line.text;
    let at = line.start;
    let b = text.as_bytes();
    // Ids cannot hold `:`, so the arrow comes before the first one (the text after it
    // may hold anything, arrows included).
    let head = text.find(':').unwrap_or(text.len());
    let Some((pos, token)) = (0..head).find_map(|i| {
        ARROWS
            .iter()
            .find(|a| b[i..head].starts_with(a.0.as_bytes()))
            .map(|a| (i, a))
    }) else {
        return Err(no_arrow(text, at));
    };
    let (tok, dotted, head, both) = *token;
    let end = pos + tok.len();
    // An arrow run longer than the token (`->>>`, `<->>`, `==>`) is a typo, not a token
    // followed by an id that starts with `>`.
    let mut run_start = pos;
    while run_start > 0 && arrowish(b[run_start - 1]) {
        run_start -= 1;
    }
    // `+` / `-` may follow the token (`->>+B`, `-->>-A`).
    let mut run_end = end + usize::from(matches!(b.get(end), Some(b'+' | b'-')));
    let after_sign = run_end;
    while run_end < b.len() && arrowish(b[run_end]) {
        run_end += 1;
    }
    if run_start < pos || run_end > after_sign {
        let run = &text[run_start..run_end];
        return Err(Diagnostic::error(
            Span::new(at + run_start, at + run_end),
            format!("unknown arrow `{run}`"),
        )
        .with_hint(HINT));
    }
    let mut arrow = Arrow {
        dotted,
        head,
        both_ends: both,
        ..Arrow::default()
    };
    // Source: before the arrow, maybe ending in `()`.
    let mut from = text[..pos].trim_end();
    if let Some(f) = from.strip_suffix("()") {
        arrow.central_from = true;
        from = f.trim_end();
    }
    let from_lead = from.len() - from.trim_start().len();
    let from = from.trim_start();
    let from_span = Span::new(at + from_lead, at + from_lead + from.len());
    if from.is_empty() {
        return Err(Diagnostic::error(
            Span::new(at + pos, at + end),
            "expected a participant before the arrow",
        )
        .with_hint("write `Alice->>Bob: text`"));
    }
    super::participant::check_id(from, from_span)?;
    // After the arrow: `()`, `+` / `-` in either order, then the target up to `:`.
    let mut end = end;
    let (mut activate, mut deactivate) = (false, false);
    loop {
        let rest = &text[end..];
        let t = rest.trim_start();
        let skip = rest.len() - t.len();
        if t.starts_with("()") {
            arrow.central_to = true;
            end += skip + 2;
        } else if t.starts_with('+') && !activate && !deactivate {
            activate = true;
            end += skip + 1;
        } else if t.starts_with('-') && !activate && !deactivate {
            deactivate = true;
            end += skip + 1;
        } else {
            break;
        }
    }
    let rest = &text[end..];
    let colon = rest.find(':');
    let target_raw = &rest[..colon.unwrap_or(rest.len())];
    let lead = target_raw.len() - target_raw.trim_start().len();
    let target = target_raw.trim();
    let to_span = Span::new(at + end + lead, at + end + lead + target.len());
    if target.is_empty() {
        return Err(Diagnostic::error(
            Span::new(at + pos, at + end),
            format!(
                "expected a participant after `{tok}`, found {}",
                found(rest.trim().get(..1).unwrap_or(""))
            ),
        )
        .with_hint("write `Alice->>Bob: text`"));
    }
    if let Some(i) = target.find(['+', '-']) {
        // `A->>B->>C` or `A->>B-x`: a second arrow; `+`/`-` go right after the arrow.
        let tail = &target[i..];
        if ARROWS.iter().any(|a| tail.starts_with(a.0)) {
            return Err(Diagnostic::error(
                Span::new(to_span.start + i, to_span.end),
                "a message has one arrow between two participants",
            )
            .with_hint("write one message per line"));
        }
        if tail.starts_with('+') {
            return Err(Diagnostic::error(
                Span::new(to_span.start + i, to_span.start + i + 1),
                "`+` goes right after the arrow",
            )
            .with_hint("write `Alice->>+Bob: text`"));
        }
    }
    super::participant::check_id(target, to_span)?;
    let Some(colon) = colon else {
        return Err(Diagnostic::error(
            Span::new(at, at + text.len()),
            "expected `:` and the message text after the target",
        )
        .with_hint(format!(
            "write `{from}{tok}{target}: text` (the text may be empty)"
        )));
    };
    let (body, wrap) = wrap_prefix(&rest[colon + 1..]);
    Ok(Msg {
        from: Word {
            text: from.to_string(),
            span: from_span,
        },
        to: Word {
            text: target.to_string(),
            span: to_span,
        },
        arrow,
        activate,
        deactivate,
        text: body.to_string(),
        wrap,
    })
}

/// No arrow token at all: an unknown arrow if something arrow-like is there, else an
/// unknown statement.
fn no_arrow(text: &str, at: usize) -> Diagnostic {
    let b = text.as_bytes();
    let head = text.find(':').unwrap_or(text.len());
    let mut i = 0;
    while i < head {
        if arrowish(b[i]) && (b[i] != b'-' || b.get(i + 1).is_some_and(|&c| arrowish(c))) {
            let mut j = i;
            while j < head && (arrowish(b[j]) || b[j] == b'x' || b[j] == b')') {
                j += 1;
            }
            if j - i >= 2 {
                return Diagnostic::error(
                    Span::new(at + i, at + j),
                    format!("unknown arrow `{}`", &text[i..j]),
                )
                .with_hint(HINT);
            }
        }
        i += 1;
    }
    let word_end = text
        .find(|c: char| c.is_whitespace() || c == ':')
        .unwrap_or(text.len());
    Diagnostic::error(
        Span::new(at, at + word_end.max(1).min(text.len())),
        format!(
            "expected a message or a statement, found `{}`",
            &text[..word_end]
        ),
    )
    .with_hint(
        "a sequence diagram holds messages (`Alice->>Bob: text`), `participant`, `Note`, \
         `loop`/`alt`/`opt`/`par`/`critical`/`break`/`rect` ... `end`, `activate`, `autonumber`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(text: &str) -> Result<Msg, Diagnostic> {
        parse(Line { text, start: 0 })
    }

    #[test]
    fn arrows_ids_and_activation() {
        let m = msg("Alice-in-Wonderland->Bob:Hello").unwrap();
        assert_eq!(m.from.text, "Alice-in-Wonderland");
        assert_eq!(m.arrow.head, MessageHead::None);
        let m = msg("John-->>-Alice: Great!").unwrap();
        assert!(m.deactivate && m.arrow.dotted);
        let m = msg("Alice ()<<->>() Bob: hey").unwrap();
        assert!(m.arrow.both_ends && m.arrow.central_from && m.arrow.central_to);
        let m = msg("Alice ->>+ John: x").unwrap();
        assert!(m.activate && m.to.text == "John");
        assert_eq!(msg("A--xB:").unwrap().arrow.head, MessageHead::Cross);
        assert_eq!(msg("A-)B: x").unwrap().arrow.head, MessageHead::Async);
    }

    #[test]
    fn typos_are_errors() {
        assert!(
            msg("A->>>B: x")
                .unwrap_err()
                .message
                .contains("unknown arrow")
        );
        assert!(
            msg("A=>B: x")
                .unwrap_err()
                .message
                .contains("unknown arrow `=>`")
        );
        assert!(msg("A->>B").is_err());
        assert!(msg("</pre").is_err());
    }
}
