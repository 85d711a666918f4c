//! Reading `sequenceDiagram` sources.
//!
//! In: the whole source `&str`. Out: `None` when the header is not `sequenceDiagram` (the
//! flowchart reader then takes the text); else a [`crate::Read`] holding a
//! [`liutu_model::Diagram::Sequence`] and every diagnostic, each with a byte span.
//!
//! Steps, one file each: find the header past frontmatter, comments and directives
//! ([`find_header`] here); cut the body into statements ([`lines`]); parse each statement
//! ([`statement`], [`message`], [`participant`], [`color`]) into [`ast`]; resolve them
//! into the model ([`lower`], with [`text`] for labels). A statement with an error is
//! reported and skipped; the rest of the diagram is still read.
//!
//! Frontmatter and `%%{init}%%` / `%%{wrap}%%` directives are read by the flowchart
//! parser's own readers, called on a copy of the source in which everything but the
//! preamble and the directives is blanked (same byte offsets, so spans stay right) and
//! the header is replaced by `flowchart`: one YAML/JSON reader for every diagram kind.

mod ast;
mod color;
mod lines;
mod lower;
mod message;
mod participant;
mod statement;
mod text;

use crate::{Diagnostic, Read};
use liutu_model::{Diagram, Span};

const HEADER: &str = "sequenceDiagram";

/// Reads `source` if it is a sequence diagram.
pub(crate) fn read(source: &str) -> Option<Read> {
    let (header_start, word_end) = find_header(source)?;
    let word = &source[header_start..word_end];
    let mut diagnostics = Vec::new();
    if word != HEADER {
        if !word.eq_ignore_ascii_case(HEADER) {
            return None;
        }
        diagnostics.push(
            Diagnostic::error(
                Span::new(header_start, word_end),
                format!("unknown diagram kind `{word}`"),
            )
            .with_hint("diagram keywords are case-sensitive: write `sequenceDiagram`"),
        );
    }
    // Only blanks or a `;` may follow the header on its line.
    let line_end = source[word_end..]
        .find('\n')
        .map_or(source.len(), |i| word_end + i);
    let after = source[word_end..line_end].trim();
    let body_start = if after.is_empty() || after.starts_with(';') || after.starts_with("%%") {
        if after.starts_with(';') {
            word_end + source[word_end..].find(';').map_or(0, |i| i + 1)
        } else {
            line_end
        }
    } else {
        let lead = source[word_end..line_end].len() - source[word_end..line_end].trim_start().len();
        diagnostics.push(
            Diagnostic::error(
                Span::new(word_end + lead, word_end + lead + after.len()),
                format!("expected the end of the header line, found `{after}`"),
            )
            .with_hint("put statements on the lines after `sequenceDiagram`"),
        );
        line_end
    };
    let (config, title) = preamble(source, header_start, body_start, &mut diagnostics);
    let mut statements = Vec::new();
    for line in lines::statements(source, body_start) {
        match statement::parse(line) {
            Ok(s) => statements.push(s),
            Err(d) => diagnostics.push(d),
        }
    }
    let (mut seq, lowered) = lower::lower(statements, config);
    diagnostics.extend(lowered);
    if seq.title.is_none() {
        seq.title = title;
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    Some(Read {
        diagram: Some(Diagram::Sequence(seq)),
        diagnostics,
    })
}

/// The header word's span `(start, end)`, past a BOM, frontmatter, blank lines, `%%`
/// comments and `%%{...}%%` directives; `None` when the source ends first or the
/// frontmatter is not closed (the flowchart reader reports that).
fn find_header(source: &str) -> Option<(usize, usize)> {
    let mut pos = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let first_end = source[pos..]
        .find('\n')
        .map_or(source.len(), |i| pos + i + 1);
    if source[pos..first_end].trim_end() == "---" {
        let mut offset = first_end;
        let mut closed = None;
        for line in source[first_end..].split_inclusive('\n') {
            offset += line.len();
            if line.trim_end() == "---" {
                closed = Some(offset);
                break;
            }
        }
        pos = closed?;
    }
    loop {
        let rest = &source[pos..];
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if trimmed.starts_with("%%{") {
            pos += trimmed.find("}%%").map_or(trimmed.len(), |i| i + 3);
        } else if trimmed.starts_with("%%") {
            pos += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            break;
        }
    }
    if pos >= source.len() {
        return None;
    }
    let end = source[pos..]
        .find(|c: char| c.is_whitespace() || c == ';')
        .map_or(source.len(), |i| pos + i);
    Some((pos, end))
}

/// Config entries and title from the frontmatter and every directive, read by the
/// flowchart parser (see the module doc).
fn preamble(
    source: &str,
    header_start: usize,
    body_start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<(String, String)>, Option<String>) {
    let mut copy: Vec<u8> = source.as_bytes()[..header_start].to_vec();
    copy.extend(
        source.as_bytes()[header_start..]
            .iter()
            .map(|&b| if b == b'\n' { b'\n' } else { b' ' }),
    );
    for (s, e) in lines::directive_spans(source, body_start) {
        copy[s..e].copy_from_slice(&source.as_bytes()[s..e]);
    }
    copy.extend_from_slice(b"\nflowchart TD\n");
    // Only ASCII bytes were written over whole characters, so this cannot fail; an empty
    // string would merely lose the config.
    let copy = String::from_utf8(copy).unwrap_or_default();
    let copy = crate::parse::normalize_newlines(&copy);
    let (tree, parsed) = crate::parse::parse(&copy);
    let inside = |d: &Diagnostic| d.span.end <= source.len();
    diagnostics.extend(parsed.into_iter().filter(inside));
    let Some(tree) = tree else {
        return (Vec::new(), None);
    };
    let (_, lowered) = crate::lower::lower(&tree);
    diagnostics.extend(lowered.into_iter().filter(inside));
    let config_kind = crate::lower::config::Kind::Sequence;
    diagnostics.extend(crate::lower::config::check(&tree.config, config_kind));
    let config = tree
        .config
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    (config, tree.title.map(|t| t.value))
}
