//! Nodes: `A`, `A[label]`, `A((label)):::cls`, `A@{ shape: doc, label: "x" }`.
//!
//! In: the parser at the start of a node. Out: an [`crate::ast::NodeRef`] or an error saying
//! what was expected. Mirrors Mermaid's lexer: which characters make an id, which
//! brackets open which shape, and which characters end unquoted label text.

use super::Parser;
use crate::Diagnostic;
use crate::ast::{DataEntry, Label, LabelKind, NodeDetails, NodeRef, Spanned};
use liutu_model::{Shape, Span};
use std::borrow::Cow;

/// Mermaid keywords that cannot start a node id (they are matched with a `\b` after
/// them, so `graph.node` is an error but `graphs` is an id).
const RESERVED: &[&str] = &[
    "flowchart-elk",
    "flowchart",
    "graph",
    "subgraph",
    "end",
    "style",
    "linkStyle",
    "classDef",
    "class",
    "interpolate",
    "_self",
    "_blank",
    "_parent",
    "_top",
];

/// Which bytes start a [`RESERVED`] word: an id starting with any other byte (most ids)
/// needs no keyword check at all.
const RESERVED_FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < RESERVED.len() {
        table[RESERVED[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// Bracket openers, longest first, with the closer and the shape they make.
const OPENERS: &[(&str, &str, Shape)] = &[
    ("(((", ")))", Shape::DoubleCircle),
    ("((", "))", Shape::Circle),
    ("([", "])", Shape::Stadium),
    ("(-", "-)", Shape::Rounded),
    ("(", ")", Shape::Rounded),
    ("[[", "]]", Shape::Subroutine),
    ("[(", ")]", Shape::Cylinder),
    ("[/", "/]", Shape::LeanRight),
    ("[\\", "\\]", Shape::LeanLeft),
    ("[|", "]", Shape::Rect),
    ("[", "]", Shape::Rect),
    ("{{", "}}", Shape::Hexagon),
    ("{", "}", Shape::Diamond),
    (">", "]", Shape::Asymmetric),
];

/// Characters that end unquoted label text (Mermaid's text mode).
fn ends_text(c: char) -> bool {
    matches!(c, '[' | ']' | '(' | ')' | '{' | '}' | '|' | '"')
}

impl<'a> Parser<'a> {
    /// True when a node id character is at `pos` (looking one char ahead for `-`, `=`
    /// and `:`, which only belong to an id when they do not start a link or `:::`).
    fn at_id_char(&self) -> bool {
        let Some(c) = self.peek() else { return false };
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => true,
            '!' | '#' | '$' | '%' | '&' | '\'' | '*' | '+' | '.' | '`' | '?' | '\\' | '_' | '/'
            | ',' => true,
            '-' => !matches!(self.peek_nth(1), Some('>' | '-' | '.')),
            '=' => self.peek_nth(1) != Some('='),
            ':' => !self.starts_with(":::"),
            c if !c.is_ascii() => !c.is_whitespace() && c != '\u{feff}',
            _ => false,
        }
    }

    /// A node id, or an error naming what was found instead.
    pub(super) fn node_id(&mut self) -> Result<Spanned<&'a str>, Diagnostic> {
        let start = self.pos;
        // `x--` / `o--` at a node position is read by Mermaid as an arrowhead.
        if matches!(self.peek(), Some('x' | 'o'))
            && (self.rest()[1..].starts_with("--")
                || self.rest()[1..].starts_with("==")
                || self.rest()[1..].starts_with("-."))
        {
            let c = self.peek().unwrap_or('x');
            return Err(Diagnostic::error(
                self.found_span(),
                format!("expected a node id, found `{c}` read as an arrowhead of {}", self.found()),
            )
            .with_hint(format!(
                "`{c}` right before a link is a cross/circle end (`{c}--`); put a space after the id (`{c} -->`) or use a longer id"
            )));
        }
        let first = self.src.as_bytes().get(self.pos).copied().unwrap_or(0);
        let keywords: &[&str] = if RESERVED_FIRST[usize::from(first)] {
            RESERVED
        } else {
            &[]
        };
        for kw in keywords {
            if self.at_keyword(kw) {
                let span = Span::new(start, start + kw.len());
                let hint = if *kw == "end" {
                    "`end` closes a subgraph; give the node another id and `end` as its label: `done[end]`".to_string()
                } else {
                    format!(
                        "`{kw}` is a keyword; pick another id and put `{kw}` in the label: `n1[{kw}]`"
                    )
                };
                return Err(Diagnostic::error(
                    span,
                    format!("expected a node id, found the keyword `{kw}`"),
                )
                .with_hint(hint));
            }
        }
        // ASCII letters and digits are id characters wherever they stand: step over
        // them in one go, then look at the rest one by one.
        self.pos += self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        while self.at_id_char() {
            self.bump();
        }
        if self.pos == start {
            return Err(Diagnostic::error(
                self.found_span(),
                format!("expected a node id, found {}", self.found()),
            ));
        }
        let span = self.span_from(start);
        Ok(Spanned::new(&self.src[start..self.pos], span))
    }

    /// `id`, then optional brackets, `:::class` and `@{ data }`.
    pub(super) fn node(&mut self) -> Result<NodeRef<'a>, Diagnostic> {
        let start = self.pos;
        let id = self.node_id()?;
        let mut details = NodeDetails::default();
        let rest = self.rest();
        if !rest.starts_with("@{")
            && let Some(&(open, close, shape)) = OPENERS.iter().find(|(o, ..)| rest.starts_with(o))
        {
            let open_start = self.pos;
            self.pos += open.len();
            let (label, shape) = self.bracket_label(open, close, shape, open_start)?;
            details.shape = Some(Spanned::new(shape, self.span_from(open_start)));
            details.label = Some(label);
        }
        while self.starts_with(":::") {
            self.pos += 3;
            let cstart = self.pos;
            while self.at_id_char() {
                self.bump();
            }
            let name = &self.src[cstart..self.pos];
            if name.is_empty() {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!("expected a class name after `:::`, found {}", self.found()),
                ));
            }
            details
                .classes
                .push(Spanned::new(name, self.span_from(cstart)));
        }
        if self.starts_with("@{") {
            details.data = self.shape_data()?;
        }
        let bare = details == NodeDetails::default();
        Ok(NodeRef {
            id,
            group: 0,
            details: (!bare).then(|| Box::new(details)),
            span: self.span_from(start),
        })
    }

    /// The label between `open` and `close`, already past `open`. Handles the trapezoid
    /// family, whose closer decides the shape.
    fn bracket_label(
        &mut self,
        open: &str,
        close: &str,
        shape: Shape,
        open_start: usize,
    ) -> Result<(Label<'a>, Shape), Diagnostic> {
        let trap = open == "[/" || open == "[\\";
        if open == "[|" {
            // `[|field:value|text]`: Mermaid's vertex properties; the property is skipped.
            let len = self
                .rest()
                .find(['|', '\n', ']'])
                .unwrap_or(self.rest().len());
            self.pos += len;
            if !self.eat("|") {
                return Err(self.unclosed_label(open, "`|` after the vertex property", open_start));
            }
        }
        let label = self.label_body(open, open_start, trap)?;
        if trap {
            let shape = match (open, self.starts_with("/]"), self.starts_with("\\]")) {
                ("[/", true, _) => Shape::LeanRight,
                ("[/", _, true) => Shape::Trapezoid,
                ("[\\", _, true) => Shape::LeanLeft,
                ("[\\", true, _) => Shape::InvTrapezoid,
                _ => return Err(self.unclosed_label(open, "`/]` or `\\]`", open_start)),
            };
            self.pos += 2;
            return Ok((label, shape));
        }
        if self.eat(close) {
            Ok((label, shape))
        } else {
            Err(self.unclosed_label(open, &format!("`{close}`"), open_start))
        }
    }

    /// Reads label text: a `"string"`, a "`markdown`" string, or unquoted text up to
    /// the first bracket, pipe or quote. Leaves `pos` at the closer.
    pub(super) fn label_body(
        &mut self,
        open: &str,
        open_start: usize,
        trap: bool,
    ) -> Result<Label<'a>, Diagnostic> {
        let save = self.pos;
        self.skip_blanks();
        if self.starts_with("\"`") {
            let start = self.pos;
            self.pos += 2;
            let Some(end) = self.rest().find("`\"") else {
                return Err(Diagnostic::error(
                    Span::new(start, start + 2),
                    "unclosed markdown string: expected \"`\" followed by `\"`",
                ));
            };
            let text = &self.rest()[..end];
            self.pos += end + 2;
            let span = self.span_from(start);
            self.skip_ws();
            return Ok(Label {
                text,
                kind: LabelKind::Markdown,
                span,
            });
        }
        if let Some(q) = self.quoted() {
            let (text, span) = q.map_err(|start| {
                Diagnostic::error(
                    Span::new(start, start + 1),
                    "unclosed string: expected a closing `\"`",
                )
                .with_hint("strings cannot contain `\"`; write `#quot;` for a quote inside a label")
            })?;
            self.skip_ws();
            return Ok(Label {
                text,
                kind: LabelKind::String,
                span,
            });
        }
        self.pos = save;
        let start = self.pos;
        loop {
            match self.peek() {
                None => break,
                Some(c) if ends_text(c) => break,
                Some('/' | '\\') if trap && self.peek_nth(1) == Some(']') => break,
                Some('-') if open == "(-" && self.peek_nth(1) == Some(')') => break,
                Some(_) => {
                    self.bump();
                }
            }
        }
        let text = &self.src[start..self.pos];
        let span = self.span_from(start);
        // Stopped at a character that is not our closer: say which, and how to fix it.
        let stop = self.peek();
        let closer_here = match open {
            "|" => self.starts_with("|"),
            _ => {
                OPENERS
                    .iter()
                    .any(|(o, c, _)| *o == open && self.starts_with(c))
                    || trap && (self.starts_with("/]") || self.starts_with("\\]"))
            }
        };
        if !closer_here {
            if let Some(c) = stop
                && !text.contains('\n')
            {
                let span = Span::new(self.pos, self.pos + c.len_utf8());
                if trap && c == ']' {
                    return Err(Diagnostic::error(
                        span,
                        format!("expected `/]` or `\\]` to close `{open}`, found `]`"),
                    )
                    .with_hint(format!(
                        "`{open}` opens a parallelogram or trapezoid; for a label that starts with `{}`, quote it: `[\"{}...\"]`",
                        &open[1..],
                        &open[1..]
                    )));
                }
                let close = if open == "|" {
                    "`|`".to_string()
                } else {
                    format!("the closing bracket of `{open}`")
                };
                return Err(Diagnostic::error(
                    span,
                    format!("expected {close}, found `{c}` inside the label"),
                )
                .with_hint(
                    "to use brackets, pipes or quotes in a label, quote the whole label: `A[\"a (b) c\"]`; write `#quot;` for a quote inside it",
                ));
            }
            return Err(Diagnostic::error(
                Span::new(open_start, open_start + open.len()),
                format!("unclosed `{open}`: the label has no closing bracket"),
            ));
        }
        if text.is_empty() {
            return Err(Diagnostic::error(
                Span::new(open_start, self.pos + 1),
                "expected label text between the brackets, found nothing",
            )
            .with_hint("write the label inside the brackets, or drop the brackets to use the id as the label"));
        }
        Ok(Label {
            text,
            kind: LabelKind::Text,
            span,
        })
    }

    fn unclosed_label(&self, open: &str, expected: &str, open_start: usize) -> Diagnostic {
        Diagnostic::error(
            self.found_span(),
            format!(
                "expected {expected} to close `{open}`, found {}",
                self.found()
            ),
        )
        .with_hint(format!(
            "the label opened at byte {open_start} with `{open}` needs its matching closer"
        ))
    }

    /// `@{ key: value, ... }`: Mermaid's YAML subset for node and edge data.
    pub(super) fn shape_data(&mut self) -> Result<Vec<DataEntry<'a>>, Diagnostic> {
        let open = self.pos;
        self.pos += 2;
        let body_start = self.pos;
        // Find the closing `}` outside double quotes.
        let mut end = None;
        if self.unclosed_from[3] > body_start {
            let mut in_str = false;
            for (i, c) in self.rest().char_indices() {
                match c {
                    '"' => in_str = !in_str,
                    '}' if !in_str => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
        }
        let Some(end) = end else {
            self.unclosed_from[3] = self.unclosed_from[3].min(body_start);
            return Err(Diagnostic::error(
                Span::new(open, open + 2),
                "unclosed `@{`: expected `}`",
            ));
        };
        let body = &self.src[body_start..body_start + end];
        self.pos = body_start + end + 1;
        Ok(parse_data(body, body_start))
    }
}

/// Splits `key: value` pairs at top-level commas and newlines.
fn parse_data<'a>(body: &'a str, base: usize) -> Vec<DataEntry<'a>> {
    let mut entries = Vec::new();
    let mut piece_start = 0;
    let mut in_str = false;
    let mut depth = 0i32;
    let bytes: Vec<(usize, char)> = body.char_indices().collect();
    let flush = |from: usize, to: usize, entries: &mut Vec<DataEntry<'a>>| {
        let piece = &body[from..to];
        let Some(colon) = piece.find(':') else { return };
        let key = piece[..colon].trim();
        let raw = &piece[colon + 1..];
        let value = raw.trim();
        if key.is_empty() {
            return;
        }
        let key_off = from + piece.find(key).unwrap_or(0);
        let val_off = from + colon + 1 + (raw.len() - raw.trim_start().len());
        let text = unquote(value);
        entries.push(DataEntry {
            key: Spanned::new(
                key.trim_matches(['"', '\'']),
                Span::new(base + key_off, base + key_off + key.len()),
            ),
            value: Spanned::new(
                text,
                Span::new(base + val_off, base + val_off + value.len()),
            ),
        });
    };
    for &(i, c) in &bytes {
        match c {
            '"' => in_str = !in_str,
            '{' | '[' if !in_str => depth += 1,
            '}' | ']' if !in_str => depth -= 1,
            ',' | '\n' if !in_str && depth <= 0 => {
                flush(piece_start, i, &mut entries);
                piece_start = i + 1;
            }
            _ => {}
        }
    }
    flush(piece_start, body.len(), &mut entries);
    entries
}

/// Strips YAML quotes; inside double quotes a newline and its indent become `<br/>`, as
/// Mermaid's lexer does (the only case that needs a new string).
fn unquote(value: &str) -> Cow<'_, str> {
    let v = value.trim();
    if v.len() >= 2
        && (v.starts_with('"') && v.ends_with('"') || v.starts_with('\'') && v.ends_with('\''))
    {
        let inner = &v[1..v.len() - 1];
        if !inner.contains('\n') {
            return Cow::Borrowed(inner.trim_end_matches('\r'));
        }
        let mut out = String::new();
        let mut lines = inner.split('\n');
        if let Some(first) = lines.next() {
            out.push_str(first.trim_end_matches('\r'));
        }
        for line in lines {
            out.push_str("<br/>");
            out.push_str(line.trim_start().trim_end_matches('\r'));
        }
        return Cow::Owned(out);
    }
    Cow::Borrowed(v)
}
