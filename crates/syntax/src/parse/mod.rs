//! Source text to syntax tree.
//!
//! In: the whole source `&str`, newlines normalised by [`normalize_newlines`]. Out: a
//! [`Tree`] borrowing from it (`None` when the text is not a flowchart at all) plus every
//! diagnostic. A hand-written recursive-descent parser over a modal character lexer
//! ([`lexer`]); each statement kind has its own file. After an error the parser skips to
//! the next newline or `;` and carries on, so one run reports every error. Nothing here
//! recurses on input depth without a limit, and every scan moves forward, so time and
//! memory stay linear in the input.

mod directive;
mod edge;
mod frontmatter;
mod header;
mod lexer;
mod node;
mod relaxed_json;
mod statement;

use crate::Diagnostic;
use crate::ast::{self, ConfigEntry, Document, Spanned, Statement};
use liutu_model::Span;
use std::borrow::Cow;

/// The parser's output.
pub(crate) type Tree<'a> = Document<'a>;

/// Deepest `subgraph` nesting accepted: deeper input gets a clear error, not a stack
/// overflow later in layout.
const MAX_SUBGRAPH_DEPTH: usize = 64;

/// Most lines the tree's lists are sized for before the body is read (see
/// [`Parser::document`]): more than any chart the default limits accept has; longer
/// texts grow the lists as they go.
const MAX_PRESIZED_LINES: usize = 1 << 16;

/// Mermaid turns `\r\n?` into `\n`. A lone CR (old Mac files) becomes LF here (CRLF is
/// left alone: the lexer treats CR as a blank); same byte length, so every span still
/// points into the caller's text. Borrowed, no copy, when there is no CR at all.
pub(crate) fn normalize_newlines(source: &str) -> Cow<'_, str> {
    if source.contains('\r') {
        Cow::Owned(lone_cr_to_lf(source))
    } else {
        Cow::Borrowed(source)
    }
}

/// Parses a source already passed through [`normalize_newlines`].
pub(crate) fn parse(source: &str) -> (Option<Tree<'_>>, Vec<Diagnostic>) {
    let mut p = Parser {
        src: source,
        pos: 0,
        diags: Vec::new(),
        config: Vec::new(),
        unclosed_from: [usize::MAX; 4],
        nodes: Vec::new(),
        links: Vec::new(),
    };
    let tree = p.document();
    (tree, p.diags)
}

fn lone_cr_to_lf(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == '\r' && b.get(i + 1) != Some(&b'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) pos: usize,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) config: Vec<ConfigEntry>,
    /// For scans that look far ahead for a terminator (edge text by stroke, shape data):
    /// the earliest start from which one already ran off the end. A later scan from
    /// further on would fail the same way, so it fails at once: keeps repeated
    /// unclosed constructs linear instead of quadratic.
    pub(super) unclosed_from: [usize; 4],
    /// The document's chain nodes and links so far ([`ast::Chain`] says why they are
    /// kept together).
    pub(super) nodes: Vec<ast::NodeRef<'a>>,
    pub(super) links: Vec<ast::Link<'a>>,
}

/// A subgraph whose `end` has not been read yet.
struct Open<'a> {
    id: Option<Spanned<&'a str>>,
    title: Option<ast::Label<'a>>,
    span: Span,
    body: Vec<Statement<'a>>,
}

impl<'a> Parser<'a> {
    pub(super) fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, message));
    }

    fn document(&mut self) -> Option<Document<'a>> {
        if self.src.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
        let title = self.frontmatter();
        self.preamble();
        let (header, direction) = self.header()?;
        // Most charts write one statement a line, with one or two nodes and at most one
        // link: sizing the lists for that up front saves regrowing them, which for a big
        // chart means copying megabytes into fresh memory several times over. Capped, so
        // that a text of blank lines cannot reserve memory it will never use.
        let lines = self.rest().bytes().filter(|&b| b == b'\n').count();
        let lines = lines.min(MAX_PRESIZED_LINES);
        self.nodes.reserve(2 * lines);
        self.links.reserve(lines);
        let statements = self.statements(lines);
        Some(Document {
            header,
            direction,
            title,
            config: std::mem::take(&mut self.config),
            statements,
            nodes: std::mem::take(&mut self.nodes),
            links: std::mem::take(&mut self.links),
        })
    }

    /// Blank lines, comments and directives before the header.
    fn preamble(&mut self) {
        loop {
            self.skip_ws();
            if self.starts_with("%%{") {
                self.directive();
            } else if self.starts_with("%%") {
                self.skip_line();
            } else {
                break;
            }
        }
    }

    /// The body: statements up to the end, with `subgraph` blocks kept on an explicit
    /// stack (no recursion, so nesting depth cannot overflow the call stack). The list
    /// of top-level statements starts with room for `expected`.
    fn statements(&mut self, expected: usize) -> Vec<Statement<'a>> {
        let mut root = Vec::with_capacity(expected);
        let mut open: Vec<Open<'a>> = Vec::new();
        loop {
            self.skip_matching(|c| lexer::is_blank(c) || c == '\n' || c == ';');
            if self.at_eof() {
                break;
            }
            if self.starts_with("%%{") {
                self.directive();
                continue;
            }
            if self.starts_with("%%") {
                self.skip_line();
                continue;
            }
            let start = self.pos;
            if self.at_keyword("subgraph") {
                match self.subgraph_header() {
                    Ok((id, title)) => {
                        let span = self.span_from(start);
                        if open.len() >= MAX_SUBGRAPH_DEPTH {
                            self.error(
                                span,
                                format!("subgraphs are nested more than {MAX_SUBGRAPH_DEPTH} deep"),
                            );
                        } else {
                            open.push(Open {
                                id,
                                title,
                                span,
                                body: Vec::new(),
                            });
                        }
                    }
                    Err(d) => {
                        self.diags.push(d);
                        self.recover();
                        // Still open a block so its `end` does not look unmatched.
                        if open.len() < MAX_SUBGRAPH_DEPTH {
                            open.push(Open {
                                id: None,
                                title: None,
                                span: self.span_from(start),
                                body: Vec::new(),
                            });
                        }
                    }
                }
                continue;
            }
            if self.at_keyword("end") {
                self.pos += 3;
                let span = self.span_from(start);
                match open.pop() {
                    Some(block) => {
                        let sub = Statement::Subgraph(Box::new(ast::Subgraph {
                            id: block.id,
                            title: block.title,
                            body: block.body,
                            span: block.span,
                        }));
                        match open.last_mut() {
                            Some(parent) => parent.body.push(sub),
                            None => root.push(sub),
                        }
                    }
                    None => {
                        self.diags.push(
                            Diagnostic::error(span, "found `end` without a matching `subgraph`")
                                .with_hint(
                                    "`end` closes a subgraph; to use it as a node, give the node \
                                     another id and `end` as its label: `done[end]`",
                                ),
                        );
                        // The rest of the line is whatever the user meant `end` to be part
                        // of; one error for it is enough.
                        self.recover();
                        continue;
                    }
                }
                self.end_of_statement();
                continue;
            }
            match self.statement() {
                Ok(stmt) => {
                    match open.last_mut() {
                        Some(parent) => parent.body.push(stmt),
                        None => root.push(stmt),
                    }
                    self.end_of_statement();
                }
                Err(d) => {
                    self.recover_after(start, &d);
                    self.diags.push(d);
                }
            }
        }
        // Close what is still open so the tree keeps every statement.
        while let Some(block) = open.pop() {
            let name = block
                .id
                .as_ref()
                .map(|id| format!(" `{}`", id.value))
                .unwrap_or_default();
            self.diags.push(
                Diagnostic::error(
                    block.span,
                    format!("expected `end` to close subgraph{name}, found end of input"),
                )
                .with_hint("every `subgraph` needs a matching `end` on its own line"),
            );
            let sub = Statement::Subgraph(Box::new(ast::Subgraph {
                id: block.id,
                title: block.title,
                body: block.body,
                span: block.span,
            }));
            match open.last_mut() {
                Some(parent) => parent.body.push(sub),
                None => root.push(sub),
            }
        }
        root
    }

    /// Skips to the next statement after an error. A scan that ran over newlines (an
    /// unclosed bracket or string) is undone first, so the lines it swallowed are still
    /// read as statements.
    fn recover_after(&mut self, start: usize, d: &Diagnostic) {
        let at = d.span.start.max(start);
        if at < self.pos && self.src.get(at..self.pos).is_some_and(|s| s.contains('\n')) {
            self.pos = at;
        }
        self.recover();
    }

    /// After a statement: only blanks, then a newline, `;`, comment or the end.
    fn end_of_statement(&mut self) {
        self.skip_blanks();
        if self.at_separator() {
            return;
        }
        let span = self.found_span();
        let found = self.found();
        self.error(
            span,
            format!("expected a link, `&` or the end of the statement, found {found}"),
        );
        self.recover();
    }
}
