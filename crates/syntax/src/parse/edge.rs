//! Links and chains: `A --> B`, `A -- text --> B`, `A & B ==>|x| C`, `e1@-.-> D`.
//!
//! In: the parser after a node group. Out: [`crate::ast::Link`]s between node groups, as an
//! [`crate::ast::Chain`]. Link operators follow Mermaid's lexer: `[xo<]?` then `--+`, `==+` or
//! `-?.+-`, then `[-xo>]` (or `=`), plus `~~~+`. A bare `--`, `==` or `-.` opens edge
//! text that runs to the matching closing operator.

use super::Parser;
use crate::Diagnostic;
use crate::ast::{Chain, Label, LabelKind, Link, LinkDetails, Spanned};
use liutu_model::{ArrowHead, Span, Stroke};

/// A link operator found in the text.
#[derive(Debug, Clone, Copy)]
enum LinkTok {
    /// A whole operator: `-->`, `-.-`, `<==>`.
    Full {
        len: usize,
        stroke: Stroke,
        start: Option<char>,
        end: Option<char>,
        length: u32,
    },
    /// The opening half of a text link: `--`, `==`, `-.` (with optional `x`, `o`, `<`).
    Open {
        len: usize,
        stroke: Stroke,
        start: Option<char>,
    },
}

fn head(c: Option<char>) -> ArrowHead {
    match c {
        Some('>' | '<') => ArrowHead::Arrow,
        Some('x') => ArrowHead::Cross,
        Some('o') => ArrowHead::Circle,
        _ => ArrowHead::None,
    }
}

/// Counts leading `c` characters of `s`.
fn run(s: &str, c: char) -> usize {
    s.bytes().take_while(|&b| b == c as u8).count()
}

/// Recognises a link operator at the start of `s`.
fn scan_link(s: &str) -> Option<LinkTok> {
    let tildes = run(s, '~');
    if tildes >= 3 {
        return Some(LinkTok::Full {
            len: tildes,
            stroke: Stroke::Invisible,
            start: None,
            end: None,
            length: (tildes - 2) as u32,
        });
    }
    let (start, body) = match s.chars().next() {
        Some(c @ ('x' | 'o' | '<')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let pre = usize::from(start.is_some());
    for (ch, stroke) in [('-', Stroke::Solid), ('=', Stroke::Thick)] {
        let k = run(body, ch);
        if k < 2 {
            continue;
        }
        let next = body[k..].chars().next();
        if matches!(next, Some('x' | 'o' | '>')) {
            return Some(LinkTok::Full {
                len: pre + k + 1,
                stroke,
                start,
                end: next,
                length: (k - 1) as u32,
            });
        }
        if k >= 3 {
            return Some(LinkTok::Full {
                len: pre + k,
                stroke,
                start,
                end: None,
                length: (k - 2) as u32,
            });
        }
        return Some(LinkTok::Open {
            len: pre + 2,
            stroke,
            start,
        });
    }
    // Dotted: `-?\.+-[xo>]?`.
    let dash = usize::from(body.starts_with('-'));
    let dots = run(&body[dash..], '.');
    if dots >= 1 && body[dash + dots..].starts_with('-') {
        let after = &body[dash + dots + 1..];
        let end = after
            .chars()
            .next()
            .filter(|c| matches!(c, 'x' | 'o' | '>'));
        return Some(LinkTok::Full {
            len: pre + dash + dots + 1 + usize::from(end.is_some()),
            stroke: Stroke::Dotted,
            start,
            end,
            length: dots as u32,
        });
    }
    if dash == 1 && dots >= 1 {
        return Some(LinkTok::Open {
            len: pre + 2,
            stroke: Stroke::Dotted,
            start,
        });
    }
    None
}

/// True when `s` begins with a link operator.
pub(super) fn starts_link(s: &str) -> bool {
    scan_link(s).is_some()
}

fn stroke_index(s: Stroke) -> usize {
    match s {
        Stroke::Solid => 0,
        Stroke::Thick => 1,
        _ => 2,
    }
}

impl<'a> Parser<'a> {
    /// `node (& node)*`, added to the document's nodes as group number `group`.
    fn group(&mut self, group: usize) -> Result<(), Diagnostic> {
        loop {
            let mut node = self.node()?;
            node.group = group;
            self.nodes.push(node);
            let save = self.pos;
            self.skip_blanks();
            if !self.eat("&") {
                self.pos = save;
                return Ok(());
            }
            self.skip_blanks();
        }
    }

    /// A vertex statement: groups joined by links.
    pub(super) fn chain(&mut self) -> Result<Chain, Diagnostic> {
        let start = self.pos;
        let (first_node, first_link) = (self.nodes.len(), self.links.len());
        match self.chain_parts(first_link) {
            Ok(()) => Ok(Chain {
                nodes: first_node..self.nodes.len(),
                links: first_link..self.links.len(),
                span: self.span_from(start),
            }),
            Err(d) => {
                // The statement is dropped, and with it what it had read so far.
                self.nodes.truncate(first_node);
                self.links.truncate(first_link);
                Err(d)
            }
        }
    }

    /// The groups and links of [`Parser::chain`], whose first link will be number
    /// `first_link` of the document.
    fn chain_parts(&mut self, first_link: usize) -> Result<(), Diagnostic> {
        self.group(0)?;
        loop {
            let save = self.pos;
            // Mermaid's link token starts with `\s*`: a link may follow on the next line.
            self.skip_ws();
            match self.link()? {
                Some(link) => {
                    self.links.push(link);
                    self.skip_ws();
                    self.group(self.links.len() - first_link).map_err(|d| {
                        if d.hint.is_none() && self.at_separator() {
                            d.with_hint("a link needs a node on both ends: `A --> B`")
                        } else {
                            d
                        }
                    })?;
                }
                None => {
                    self.pos = save;
                    return Ok(());
                }
            }
        }
    }

    /// A link operator with optional id and label, or `None` (position unchanged) when
    /// none starts here.
    fn link(&mut self) -> Result<Option<Link<'a>>, Diagnostic> {
        let start = self.pos;
        let id = self.link_id();
        let Some(tok) = scan_link(self.rest()) else {
            self.pos = start;
            return Ok(None);
        };
        match tok {
            LinkTok::Full {
                len,
                stroke,
                start: s,
                end,
                length,
            } => {
                self.pos += len;
                let (head_start, head_end) = heads(s, end);
                let save = self.pos;
                self.skip_ws();
                let label = if self.starts_with("|") {
                    let open = self.pos;
                    self.pos += 1;
                    let label = self.label_body("|", open, false)?;
                    if !self.eat("|") {
                        return Err(Diagnostic::error(
                            self.found_span(),
                            format!(
                                "expected `|` to close the edge label, found {}",
                                self.found()
                            ),
                        ));
                    }
                    Some(label)
                } else {
                    self.pos = save;
                    None
                };
                Ok(Some(Link {
                    stroke,
                    head_start,
                    head_end,
                    length,
                    details: details(id, label),
                    span: self.span_from(start),
                }))
            }
            LinkTok::Open {
                len,
                stroke,
                start: s,
            } => {
                let open_span = Span::new(self.pos, self.pos + len);
                self.pos += len;
                let label = self.edge_text(stroke, open_span)?;
                let Some(LinkTok::Full {
                    len,
                    stroke: end_stroke,
                    start: _,
                    end,
                    length,
                }) = scan_link(self.rest())
                else {
                    return Err(self.unclosed_edge_text(stroke, open_span));
                };
                if end_stroke != stroke {
                    return Err(Diagnostic::error(
                        Span::new(self.pos, self.pos + len),
                        "the closing link does not match the opening one",
                    )
                    .with_hint("write `-- text -->`, `== text ==>` or `-. text .->`"));
                }
                self.pos += len;
                let (head_start, head_end) = match s {
                    Some(c) if head(Some(c)) == head(end) => (head(end), head(end)),
                    Some(c) if head(Some(c)) != ArrowHead::None && head(end) != ArrowHead::None => {
                        return Err(Diagnostic::error(
                            self.span_from(start),
                            "the two ends of this link have different heads",
                        )
                        .with_hint(
                            "both ends must match: `<-- text -->`, `o-- text --o`, `x-- text --x`",
                        ));
                    }
                    _ => (ArrowHead::None, head(end)),
                };
                Ok(Some(Link {
                    stroke,
                    head_start,
                    head_end,
                    length,
                    details: details(id, Some(label)),
                    span: self.span_from(start),
                }))
            }
        }
    }

    /// `e1@` before a link operator (`[^\s"]+@` not followed by `{` or `"`).
    fn link_id(&mut self) -> Option<Spanned<&'a str>> {
        let rest = self.rest();
        // Only id-like characters: a scan over `[^\s"]` would run to the end of a long
        // one-line file at every link and make reading quadratic.
        let run_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        if run_len == 0 || !rest[run_len..].starts_with('@') {
            return None;
        }
        let after = &rest[run_len + 1..];
        if after.starts_with(['{', '"']) || !starts_link(after) {
            return None;
        }
        let span = Span::new(self.pos, self.pos + run_len);
        let id = &rest[..run_len];
        self.pos += run_len + 1;
        Some(Spanned::new(id, span))
    }

    /// Text of `-- text -->`: everything up to the closing operator of the same stroke.
    fn edge_text(&mut self, stroke: Stroke, open: Span) -> Result<Label<'a>, Diagnostic> {
        let idx = stroke_index(stroke);
        let start = self.pos;
        let rest = self.rest();
        let found = if self.unclosed_from[idx] <= start {
            None
        } else {
            match stroke {
                Stroke::Solid => rest.find("--"),
                Stroke::Thick => rest.find("=="),
                _ => rest.find(".-").map(|i| {
                    // Back over the run of dots and one optional dash.
                    let b = rest.as_bytes();
                    let mut j = i;
                    while j > 0 && b[j - 1] == b'.' {
                        j -= 1;
                    }
                    if j > 0 && b[j - 1] == b'-' {
                        j -= 1;
                    }
                    j
                }),
            }
        };
        let Some(mut end) = found else {
            self.unclosed_from[idx] = self.unclosed_from[idx].min(start);
            return Err(self.unclosed_edge_text(stroke, open));
        };
        // An `x`, `o` or `<` right before the closer belongs to it.
        if end > 0
            && matches!(rest.as_bytes()[end - 1], b'x' | b'o' | b'<')
            && stroke != Stroke::Dotted
        {
            end -= 1;
        }
        let raw = &rest[..end];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let tstart = start + lead;
        let span = Span::new(tstart, tstart + trimmed.len());
        let label = if trimmed.len() >= 4 && trimmed.starts_with("\"`") && trimmed.ends_with("`\"")
        {
            Label {
                text: &trimmed[2..trimmed.len() - 2],
                kind: LabelKind::Markdown,
                span,
            }
        } else if trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"') {
            Label {
                text: &trimmed[1..trimmed.len() - 1],
                kind: LabelKind::String,
                span,
            }
        } else {
            Label {
                text: trimmed,
                kind: LabelKind::Text,
                span,
            }
        };
        self.pos = start + end;
        Ok(label)
    }

    fn unclosed_edge_text(&self, stroke: Stroke, open: Span) -> Diagnostic {
        let (opener, closer) = match stroke {
            Stroke::Thick => ("==", "==>"),
            Stroke::Dotted => ("-.", ".->"),
            _ => ("--", "-->"),
        };
        Diagnostic::error(
            open,
            format!("`{opener}` opens an edge label, but no closing `{closer}` follows"),
        )
        .with_hint(format!(
            "write `A {opener} text {closer} B`, or `A {closer}|text| B`"
        ))
    }
}

/// A link's id and label, boxed, or `None` when it has neither (see [`Link::details`]).
fn details<'a>(
    id: Option<Spanned<&'a str>>,
    label: Option<Label<'a>>,
) -> Option<Box<LinkDetails<'a>>> {
    (id.is_some() || label.is_some()).then(|| Box::new(LinkDetails { id, label }))
}

fn heads(start: Option<char>, end: Option<char>) -> (ArrowHead, ArrowHead) {
    let e = head(end);
    // Mermaid only draws a start head when it matches the end one (`<-->`, `o--o`).
    let s = if start.is_some() && head(start) == e {
        e
    } else {
        ArrowHead::None
    };
    (s, e)
}
