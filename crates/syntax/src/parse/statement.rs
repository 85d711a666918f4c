//! Statements other than chains: `subgraph` headers, `direction`, `style`, `classDef`,
//! `class`, `linkStyle`, `click`, `accTitle`, `accDescr`.
//!
//! In: the parser at the first character of a statement. Out: an [`ast::Statement`] or
//! a diagnostic (the caller then skips to the next statement).

use super::Parser;
use super::lexer::is_blank;
use crate::Diagnostic;
use crate::ast::{self, ClickAction, Label, LabelKind, LinkTargets, Spanned, Statement};
use liutu_model::{Direction, Span};

impl<'a> Parser<'a> {
    pub(super) fn statement(&mut self) -> Result<Statement<'a>, Diagnostic> {
        let start = self.pos;
        if self.starts_with("accTitle") && self.after_ws_is(8, ':') {
            self.pos += 8;
            self.skip_blanks();
            self.pos += 1;
            let (text, span) = self.rest_of_line();
            return Ok(Statement::AccTitle(Spanned::new(text, span)));
        }
        if self.starts_with("accDescr") && self.after_ws_is(8, ':') {
            self.pos += 8;
            self.skip_blanks();
            self.pos += 1;
            let (text, span) = self.rest_of_line();
            return Ok(Statement::AccDescr(Spanned::new(text, span)));
        }
        if self.starts_with("accDescr") && self.after_ws_is(8, '{') {
            self.pos += 8;
            self.skip_blanks();
            let open = self.pos;
            self.pos += 1;
            let Some(end) = self.rest().find('}') else {
                return Err(Diagnostic::error(
                    Span::new(open, open + 1),
                    "unclosed `accDescr {`: expected `}`",
                ));
            };
            let raw = &self.rest()[..end];
            let text = raw
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string();
            let span = Span::new(self.pos, self.pos + end);
            self.pos += end + 1;
            return Ok(Statement::AccDescr(Spanned::new(text, span)));
        }
        if self.at_keyword("direction") {
            self.pos += "direction".len();
            self.skip_blanks();
            let dstart = self.pos;
            let word = self
                .take_while(|c| !c.is_whitespace() && c != ';')
                .to_string();
            let span = self.span_from(dstart);
            let dir = match word.as_str() {
                "TB" | "TD" => Direction::TB,
                "BT" => Direction::BT,
                "LR" => Direction::LR,
                "RL" => Direction::RL,
                _ => {
                    let mut d = Diagnostic::error(
                        if word.is_empty() {
                            self.found_span()
                        } else {
                            span
                        },
                        format!(
                            "expected TB, BT, RL or LR after `direction`, found {}",
                            if word.is_empty() {
                                self.found()
                            } else {
                                format!("`{word}`")
                            }
                        ),
                    );
                    if word == "TD" {
                        d = d
                            .with_hint("`TD` is only accepted in the header; write `direction TB`");
                    }
                    return Err(d);
                }
            };
            return Ok(Statement::Direction(Spanned::new(dir, span)));
        }
        if self.eat_statement_keyword("style") {
            self.skip_blanks();
            let node = self.word_id("a node id after `style`")?;
            self.skip_blanks();
            let style = self.styles();
            return Ok(Statement::Style(Box::new(ast::Style {
                node,
                style,
                span: self.span_from(start),
            })));
        }
        if self.eat_statement_keyword("classDef") {
            self.skip_blanks();
            let names = self.id_list("a class name after `classDef`")?;
            self.skip_blanks();
            let style = self.styles();
            return Ok(Statement::ClassDef(Box::new(ast::ClassDef {
                names,
                style,
                span: self.span_from(start),
            })));
        }
        if self.eat_statement_keyword("class") {
            self.skip_blanks();
            let nodes = self.id_list("a node id after `class`")?;
            if !self.skip_blanks() || self.at_separator() {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!(
                        "expected a class name after the node ids, found {}",
                        self.found()
                    ),
                )
                .with_hint("write `class A,B className`"));
            }
            let classes = self
                .id_list("a class name")?
                .into_iter()
                .map(|c| c.value)
                .collect();
            return Ok(Statement::Class(Box::new(ast::Class {
                nodes,
                classes,
                span: self.span_from(start),
            })));
        }
        if self.eat_statement_keyword("linkStyle") {
            return self.link_style(start);
        }
        if self.eat_statement_keyword("click") {
            return self.click(start);
        }
        self.chain().map(Statement::Chain)
    }

    /// Steps over `kw` when it starts a statement here (followed by a blank), leaving the
    /// blanks for the statement's own reader.
    fn eat_statement_keyword(&mut self, kw: &str) -> bool {
        let here = self.at_keyword(kw)
            && self.src[self.pos + kw.len()..]
                .chars()
                .next()
                .is_some_and(is_blank);
        if here {
            self.pos += kw.len();
        }
        here
    }

    /// True when, after `skip` bytes and optional blanks, `c` follows.
    fn after_ws_is(&self, skip: usize, c: char) -> bool {
        self.src
            .get(self.pos + skip..)
            .is_some_and(|r| r.trim_start_matches(is_blank).starts_with(c))
    }

    /// A word up to white space or `;` (ids in `style`, `click`).
    fn word_id(&mut self, what: &str) -> Result<Spanned<&'a str>, Diagnostic> {
        let start = self.pos;
        let w = self.take_while(|c| !c.is_whitespace() && c != ';');
        if w.is_empty() {
            return Err(Diagnostic::error(
                self.found_span(),
                format!("expected {what}, found {}", self.found()),
            ));
        }
        Ok(Spanned::new(w, self.span_from(start)))
    }

    /// Comma-separated ids: `a,b,c`.
    fn id_list(&mut self, what: &str) -> Result<Vec<Spanned<&'a str>>, Diagnostic> {
        let w = self.word_id(what)?;
        let mut out = Vec::new();
        let mut off = w.span.start;
        for part in w.value.split(',') {
            if !part.is_empty() {
                out.push(Spanned::new(part, Span::new(off, off + part.len())));
            }
            off += part.len() + 1;
        }
        Ok(out)
    }

    /// `key:value,key:value` up to the end of the statement. A comma inside a value
    /// (`stroke-dasharray: 5,5`) stays in that value.
    pub(super) fn styles(&mut self) -> Vec<(String, String)> {
        let len = self.rest().find(['\n', ';']).unwrap_or(self.rest().len());
        let text = &self.rest()[..len];
        self.pos += len;
        let mut out: Vec<(String, String)> = Vec::new();
        for piece in text.split(',') {
            match piece.split_once(':') {
                Some((k, v)) if !k.trim().is_empty() => {
                    out.push((k.trim().to_string(), v.trim().to_string()))
                }
                _ => match out.last_mut() {
                    Some((_, v)) => {
                        v.push(',');
                        v.push_str(piece.trim());
                    }
                    None if !piece.trim().is_empty() => {
                        out.push((piece.trim().to_string(), String::new()))
                    }
                    None => {}
                },
            }
        }
        out
    }

    fn link_style(&mut self, start: usize) -> Result<Statement<'a>, Diagnostic> {
        self.skip_blanks();
        let tstart = self.pos;
        let targets = if self.at_keyword("default") {
            self.pos += 7;
            LinkTargets::Default
        } else {
            let mut list = Vec::new();
            loop {
                let nstart = self.pos;
                let digits = self.take_while(|c| c.is_ascii_digit());
                if digits.is_empty() {
                    return Err(Diagnostic::error(
                        self.found_span(),
                        format!(
                            "expected an edge number or `default` after `linkStyle`, found {}",
                            self.found()
                        ),
                    )
                    .with_hint("edges are numbered from 0 in the order they are written: `linkStyle 0,2 stroke:red`"));
                }
                let n = digits.parse::<usize>().unwrap_or(usize::MAX);
                list.push(Spanned::new(n, self.span_from(nstart)));
                if !self.eat(",") {
                    break;
                }
            }
            LinkTargets::Indices(list)
        };
        let _ = tstart;
        self.skip_blanks();
        let mut interpolate = None;
        if self.at_keyword("interpolate") {
            self.pos += 11;
            self.skip_blanks();
            let w = self
                .take_while(|c| !c.is_whitespace() && c != ';')
                .to_string();
            if w.is_empty() {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!(
                        "expected a curve name after `interpolate`, found {}",
                        self.found()
                    ),
                ));
            }
            interpolate = Some(w);
            self.skip_blanks();
        }
        let style = self.styles();
        Ok(Statement::LinkStyle(Box::new(ast::LinkStyle {
            targets,
            interpolate,
            style,
            span: self.span_from(start),
        })))
    }

    fn click(&mut self, start: usize) -> Result<Statement<'a>, Diagnostic> {
        self.skip_blanks();
        let node = self.word_id("a node id after `click`")?;
        self.skip_blanks();
        let strings = |p: &mut Self| -> Result<Vec<String>, Diagnostic> {
            let mut v = Vec::new();
            loop {
                p.skip_blanks();
                match p.quoted() {
                    Some(Ok((s, _))) => v.push(s.to_string()),
                    Some(Err(at)) => {
                        return Err(Diagnostic::error(
                            Span::new(at, at + 1),
                            "unclosed string: expected a closing `\"`",
                        ));
                    }
                    None => return Ok(v),
                }
            }
        };
        let target = |p: &mut Self| -> Option<String> {
            p.skip_blanks();
            for t in ["_self", "_blank", "_parent", "_top"] {
                if p.at_keyword(t) {
                    p.pos += t.len();
                    return Some(t.to_string());
                }
            }
            None
        };
        let action = if self.eat("href") && self.skip_blanks() || self.peek() == Some('"') {
            let s = strings(self)?;
            let Some(url) = s.first().cloned() else {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!("expected a quoted URL, found {}", self.found()),
                ));
            };
            let tooltip = s.get(1).cloned();
            let target = target(self);
            ClickAction::Href {
                url,
                target,
                tooltip,
            }
        } else {
            let is_call = self.at_keyword("call") && {
                let after = self.src.get(self.pos + 4..).unwrap_or("");
                after.starts_with(is_blank)
            };
            if is_call {
                self.pos += 4;
                self.skip_blanks();
            }
            let function = self
                .take_while(|c| !c.is_whitespace() && c != '(' && c != ';')
                .to_string();
            if function.is_empty() {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!("expected a callback name or a quoted URL after the node id, found {}", self.found()),
                )
                .with_hint("write `click A callback`, `click A call fn(args)` or `click A href \"https://...\"`"));
            }
            let mut args = None;
            if self.eat("(") {
                let Some(end) = self.rest().find(')') else {
                    return Err(Diagnostic::error(
                        self.found_span(),
                        "unclosed `(`: expected `)` after the callback arguments",
                    ));
                };
                let a = self.rest()[..end].trim().to_string();
                self.pos += end + 1;
                if !a.is_empty() {
                    args = Some(a);
                }
            }
            let tooltip = strings(self)?.first().cloned();
            ClickAction::Callback {
                function,
                args,
                tooltip,
            }
        };
        Ok(Statement::Click(Box::new(ast::Click {
            node,
            action,
            span: self.span_from(start),
        })))
    }

    /// After `subgraph`: `id`, `id [title]`, `"title"`, `title words`, or nothing.
    pub(super) fn subgraph_header(
        &mut self,
    ) -> Result<(Option<Spanned<&'a str>>, Option<Label<'a>>), Diagnostic> {
        self.pos += "subgraph".len();
        self.skip_blanks();
        if self.at_separator() {
            return Ok((None, None));
        }
        if self.starts_with("\"") {
            let open = self.pos;
            let label = self.label_body("\"", open, false)?;
            self.skip_blanks();
            let id = if label.text.chars().any(char::is_whitespace) {
                None
            } else {
                Some(Spanned::new(label.text, label.span))
            };
            return Ok((id, Some(label)));
        }
        let start = self.pos;
        let len = self
            .rest()
            .find(['\n', ';', '['])
            .unwrap_or(self.rest().len());
        let raw = &self.rest()[..len];
        let text = raw.trim_end();
        self.pos += len;
        let span = Span::new(start, start + text.len());
        if self.starts_with("[") {
            let open = self.pos;
            self.pos += 1;
            let title = self.label_body("[", open, false)?;
            if !self.eat("]") {
                return Err(Diagnostic::error(
                    self.found_span(),
                    format!(
                        "expected `]` to close the subgraph title, found {}",
                        self.found()
                    ),
                ));
            }
            return Ok((Some(Spanned::new(text, span)), Some(title)));
        }
        let title = Label {
            text,
            kind: LabelKind::Text,
            span,
        };
        // Mermaid: a title with spaces gets a made-up id.
        let id = (!text.chars().any(char::is_whitespace)).then(|| Spanned::new(text, span));
        Ok((id, Some(title)))
    }
}
