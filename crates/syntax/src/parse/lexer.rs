//! Character-level scanning over the source: the lexer's primitives.
//!
//! In: the source text and a byte position. Out: characters, words and small tokens,
//! always advancing on char boundaries. Mermaid's lexer is modal (labels, strings, edge
//! text all tokenise differently), so the parser asks for the token it expects here
//! instead of reading one fixed token stream.

use super::Parser;
use liutu_model::Span;

/// True for characters JavaScript's `\b` treats as word characters (ASCII only).
pub(super) fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Horizontal white space (CR counts, so CRLF files behave like LF files).
pub(super) fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r' || c == '\u{a0}' || c == '\u{feff}'
}

impl<'a> Parser<'a> {
    pub(super) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    pub(super) fn at_eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn peek_nth(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub(super) fn starts_with(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    pub(super) fn eat(&mut self, s: &str) -> bool {
        if self.starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Skips spaces and tabs (not newlines).
    pub(super) fn skip_blanks(&mut self) -> bool {
        let start = self.pos;
        self.skip_matching(is_blank);
        self.pos > start
    }

    /// Skips all white space, newlines included.
    pub(super) fn skip_ws(&mut self) {
        self.skip_matching(|c| is_blank(c) || c == '\n');
    }

    /// Steps over the characters for which `f` holds. One pass over the rest of the text
    /// (not a bounds-checked peek and bump per character): this runs around every token.
    pub(super) fn skip_matching(&mut self, f: impl Fn(char) -> bool) {
        let rest = self.rest();
        let end = rest.find(|c| !f(c)).unwrap_or(rest.len());
        self.pos += end;
    }

    /// Moves to the start of the next line.
    pub(super) fn skip_line(&mut self) {
        match self.rest().find('\n') {
            Some(i) => self.pos += i + 1,
            None => self.pos = self.src.len(),
        }
    }

    /// Skips to after the next newline or `;`: where the next statement may start.
    pub(super) fn recover(&mut self) {
        match self.rest().find(['\n', ';']) {
            Some(i) => self.pos += i + 1,
            None => self.pos = self.src.len(),
        }
    }

    /// True when `kw` starts here and is not followed by a word character (JS `\b`).
    pub(super) fn at_keyword(&self, kw: &str) -> bool {
        // The first byte rules out almost every keyword at once (this runs for every
        // statement against each statement keyword).
        self.src.as_bytes().get(self.pos) == kw.as_bytes().first()
            && self.starts_with(kw)
            && !self
                .src
                .get(self.pos + kw.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_word)
    }

    /// True at a newline, `;`, a `%%` comment or the end: where a statement may end.
    pub(super) fn at_separator(&self) -> bool {
        match self.peek() {
            None | Some('\n') | Some(';') => true,
            Some('%') => self.starts_with("%%"),
            _ => false,
        }
    }

    /// A short description of what is at `pos`, for "found X" in messages.
    pub(super) fn found(&self) -> String {
        match self.peek() {
            None => "end of input".into(),
            Some('\n') => "end of line".into(),
            Some(c) if c.is_whitespace() || c == ';' => format!("`{}`", c.escape_debug()),
            // Control characters (NUL, ESC...) are shown escaped, never sent to a terminal.
            Some(_) => format!(
                "`{}`",
                self.src[self.found_span().start..self.found_span().end]
                    .chars()
                    .map(|c| if c.is_control() {
                        c.escape_debug().to_string()
                    } else {
                        c.to_string()
                    })
                    .collect::<String>()
            ),
        }
    }

    /// The span of the token [`Parser::found`] describes: up to 12 characters of the
    /// next word, or the single character here when that is white space or `;`.
    pub(super) fn found_span(&self) -> Span {
        let mut chars = self.rest().chars();
        let Some(first) = chars.next() else {
            return Span::new(self.pos, self.pos);
        };
        let mut len = first.len_utf8();
        if !(first.is_whitespace() || first == ';') {
            len += chars
                .take_while(|&c| !c.is_whitespace() && c != ';')
                .take(11)
                .map(char::len_utf8)
                .sum::<usize>();
        }
        Span::new(self.pos, self.pos + len)
    }

    pub(super) fn span_from(&self, start: usize) -> Span {
        Span::new(start, self.pos)
    }

    /// Reads a run of characters while `f` holds.
    pub(super) fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        self.skip_matching(f);
        self.src.get(start..self.pos).unwrap_or("")
    }

    /// Reads to the end of the line (not consuming the newline), trimmed.
    pub(super) fn rest_of_line(&mut self) -> Spanned {
        let start = self.pos;
        let len = self.rest().find('\n').unwrap_or(self.rest().len());
        self.pos += len;
        let raw = self.src.get(start..self.pos).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        (
            text.to_string(),
            Span::new(start + lead, start + lead + text.len()),
        )
    }

    /// Reads a `"..."` string if one starts here (no escapes, as in Mermaid).
    pub(super) fn quoted(&mut self) -> Option<Result<(&'a str, Span), usize>> {
        if self.peek() != Some('"') {
            return None;
        }
        let start = self.pos;
        self.bump();
        match self.rest().find('"') {
            Some(i) => {
                let text = &self.rest()[..i];
                self.pos += i + 1;
                Some(Ok((text, self.span_from(start))))
            }
            None => Some(Err(start)),
        }
    }
}

/// A string with its span.
pub(super) type Spanned = (String, Span);
