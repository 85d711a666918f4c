//! YAML frontmatter: `---` / `title: ...` / `config: ...` / `---` at the very start.
//!
//! In: the parser at the start of the text (after a BOM). Out: the title, and config
//! entries (dotted keys under `config:`) appended to the parser's list. Reads the YAML
//! subset Mermaid documents use: nested block mappings by indentation, plain and quoted
//! scalars, `#` comments, `- item` lists and `|` / `>` block scalars.

use super::Parser;
use crate::Diagnostic;
use crate::ast::{ConfigEntry, Spanned};
use liutu_model::Span;

impl Parser<'_> {
    pub(super) fn frontmatter(&mut self) -> Option<Spanned<String>> {
        let rest = self.rest();
        let first_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if rest[..first_len].trim_end() != "---" {
            return None;
        }
        let open = Span::new(self.pos, self.pos + 3);
        let body_start = self.pos + first_len;
        // The closing `---` on a line of its own.
        let mut offset = body_start;
        let mut close = None;
        for line in self.src[body_start..].split_inclusive('\n') {
            if line.trim_end() == "---" {
                close = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let Some((body_end, after)) = close else {
            self.diags.push(
                Diagnostic::error(open, "unclosed frontmatter: expected a closing `---` line")
                    .with_hint("frontmatter is YAML between two `---` lines before the diagram"),
            );
            self.pos = self.src.len();
            return None;
        };
        self.pos = after;
        let mut title = None;
        for (path, value, span) in read_yaml(&self.src[body_start..body_end], body_start) {
            if path == "title" {
                title = Some(Spanned::new(value, span));
            } else if let Some(key) = path.strip_prefix("config.") {
                self.config.push(ConfigEntry {
                    key: key.to_string(),
                    value,
                    span,
                });
            } else if path != "displayMode" && path != "config" {
                self.diags.push(
                    Diagnostic::warning(
                        span,
                        format!("unknown frontmatter key `{path}`; it is ignored"),
                    )
                    .with_hint("diagram options go under `config:`"),
                );
            }
        }
        title
    }
}

/// Removes a `#` comment (at the start or after white space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev_ws = true;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev_ws => return &line[..i],
            _ => {}
        }
        prev_ws = c.is_whitespace();
    }
    line
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    if v.len() >= 2
        && (v.starts_with('"') && v.ends_with('"') || v.starts_with('\'') && v.ends_with('\''))
    {
        return v[1..v.len() - 1].to_string();
    }
    v.to_string()
}

/// Flattens a block-mapping document into `(dotted.path, value, span)` leaves.
fn read_yaml(text: &str, base: usize) -> Vec<(String, String, Span)> {
    let mut out: Vec<(String, String, Span)> = Vec::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let lines: Vec<(usize, &str)> = {
        let mut off = 0;
        text.split_inclusive('\n')
            .map(|l| {
                let o = off;
                off += l.len();
                (o, l.trim_end_matches(['\n', '\r']))
            })
            .collect()
    };
    let mut i = 0;
    while i < lines.len() {
        let (off, raw) = lines[i];
        i += 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content = line.trim();
        let span = Span::new(base + off + indent, base + off + line.trim_end().len());
        while stack.last().is_some_and(|(ind, _)| *ind >= indent) {
            stack.pop();
        }
        let parent = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
        if let Some(item) = content
            .strip_prefix("- ")
            .or((content == "-").then_some(""))
        {
            // A list item: appended to the parent key's value.
            let v = unquote(item);
            match out.iter_mut().rev().find(|(p, ..)| *p == parent) {
                Some((_, val, _)) if !val.is_empty() => {
                    val.push(',');
                    val.push_str(&v);
                }
                Some((_, val, _)) => val.push_str(&v),
                None => out.push((parent, v, span)),
            }
            continue;
        }
        let Some((key, value)) = split_key(content) else {
            continue;
        };
        let path = if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        };
        let value = value.trim();
        if value.is_empty() {
            stack.push((indent, path));
        } else if value == "|" || value == ">" || value.starts_with("|-") || value.starts_with(">-")
        {
            let mut parts = Vec::new();
            while i < lines.len() {
                let (_, next) = lines[i];
                let ind = next.len() - next.trim_start().len();
                if !next.trim().is_empty() && ind <= indent {
                    break;
                }
                parts.push(next.trim());
                i += 1;
            }
            let sep = if value.starts_with('|') { "\n" } else { " " };
            out.push((path, parts.join(sep).trim().to_string(), span));
        } else {
            out.push((path, unquote(value), span));
        }
    }
    out
}

/// `key: value` (the colon must be followed by a space or the end of the line).
fn split_key(content: &str) -> Option<(&str, &str)> {
    let mut quote = None;
    for (i, c) in content.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ':') => {
                let after = &content[i + 1..];
                if after.is_empty() || after.starts_with([' ', '\t']) {
                    let key = content[..i].trim().trim_matches(['"', '\'']);
                    return Some((key, after));
                }
            }
            _ => {}
        }
    }
    None
}
