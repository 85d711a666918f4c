//! `%%{init: {...}}%%` and `%%{wrap}%%` directives.
//!
//! In: the parser at `%%{`. Out: config entries appended to the parser's list (dotted
//! keys), warnings for directives or JSON it cannot read. Mermaid ignores a directive it
//! cannot parse, so these problems are warnings; only an unclosed `%%{` is an error.

use super::Parser;
use super::relaxed_json::Reader;
use crate::Diagnostic;
use crate::ast::ConfigEntry;
use liutu_model::Span;

impl Parser<'_> {
    pub(super) fn directive(&mut self) {
        let start = self.pos;
        self.pos += 3;
        let Some(end) = self.rest().find("}%%") else {
            self.diags.push(Diagnostic::error(
                Span::new(start, start + 3),
                "unclosed directive: expected `}%%`",
            ));
            self.skip_line();
            return;
        };
        let body_start = self.pos;
        let body = &self.src[body_start..body_start + end];
        self.pos = body_start + end + 3;
        let span = Span::new(start, self.pos);
        let trimmed = body.trim_start();
        let lead = body.len() - trimmed.len();
        let name_len = trimmed
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_len];
        let after = &trimmed[name_len..];
        match name {
            "init" | "initialize" | "config" => {
                let after_ws = after.trim_start();
                let Some(value) = after_ws.strip_prefix(':') else {
                    self.diags.push(Diagnostic::warning(
                        span,
                        format!("expected `:` after `{name}` in the directive; it is ignored"),
                    ));
                    return;
                };
                let value_base = body_start + lead + name_len + (after.len() - after_ws.len()) + 1;
                let mut reader = Reader::new(value, value_base);
                match reader.value("", 0) {
                    Ok(()) if reader.at_end() => {
                        for (key, value, span) in reader.leaves {
                            self.config.push(ConfigEntry { key, value, span });
                        }
                    }
                    Ok(()) => self.diags.push(Diagnostic::warning(
                        span,
                        "unexpected text after the directive's value; the directive is ignored",
                    )),
                    Err((msg, at)) => self.diags.push(
                        Diagnostic::warning(
                            Span::new(
                                at,
                                at + self
                                    .src
                                    .get(at..)
                                    .and_then(|r| r.chars().next())
                                    .map_or(0, char::len_utf8),
                            ),
                            format!("cannot read the `{name}` directive: {msg}; it is ignored"),
                        )
                        .with_hint("write `%%{init: {\"theme\": \"dark\"}}%%`"),
                    ),
                }
            }
            "wrap" => self.config.push(ConfigEntry {
                key: "wrap".into(),
                value: "true".into(),
                span,
            }),
            _ => self.diags.push(Diagnostic::warning(
                span,
                format!("unknown directive `{name}`; it is ignored"),
            )),
        }
    }
}
