//! The body of a sequence diagram, cut into statements.
//!
//! In: the source and the byte offset just after the `sequenceDiagram` header. Out: every
//! statement as a trimmed `&str` with its absolute byte offset, in source order.
//!
//! Mermaid's sequence grammar is line based: a statement ends at a newline or a `;`, and
//! `#` starts a comment to the end of the line — except inside an entity code such as
//! `#9829;` or `&amp;`, which Mermaid decodes before it parses, so those are kept whole.
//! Lines starting with `%%` are comments; `%%{...}%%` directives (read elsewhere) may span
//! lines; `accDescr { ... }` is the one statement that spans lines on its own.

/// One statement: its trimmed text and where that text starts in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Line<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Byte spans `start..end` of the `%%{ ... }%%` directives in `src[from..]`.
pub(super) fn directive_spans(src: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for_each_line(src, from, |item| {
        if let Item::Directive(s, e) = item {
            out.push((s, e));
        }
    });
    out
}

/// The statements of `src[from..]`.
pub(super) fn statements(src: &str, from: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    for_each_line(src, from, |item| {
        if let Item::Statement(s, e) = item {
            push_trimmed(src, s, e, &mut out);
        }
    });
    out
}

enum Item {
    Statement(usize, usize),
    Directive(usize, usize),
}

fn for_each_line(src: &str, from: usize, mut f: impl FnMut(Item)) {
    let bytes = src.as_bytes();
    let mut pos = from.min(src.len());
    while pos < src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        let lead = line.len() - line.trim_start().len();
        let at = pos + lead;
        let rest = &src[at..];
        if rest.starts_with("%%{") {
            // A directive may run over several lines; an unclosed one ends its line.
            let end = rest.find("}%%").map_or(line_end, |i| at + i + 3);
            f(Item::Directive(at, end));
            pos = end;
            continue;
        }
        if rest.starts_with("%%") {
            pos = line_end + 1;
            continue;
        }
        if let Some(body) = acc_descr_block(rest)
            && let Some(close) = rest[body..].find('}')
        {
            f(Item::Statement(at, at + body + close + 1));
            pos = at + body + close + 1;
            continue;
        }
        // Split the line at `;` and cut it at a `#` comment, keeping entity codes.
        let mut start = pos;
        let mut i = pos;
        while i < line_end {
            match bytes[i] {
                b'#' | b'&' => {
                    if let Some(len) = entity_len(&src[i..line_end]) {
                        i += len;
                        continue;
                    }
                    if bytes[i] == b'#' {
                        break;
                    }
                    i += 1;
                }
                b';' => {
                    f(Item::Statement(start, i));
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        f(Item::Statement(start, i));
        pos = line_end + 1;
    }
}

/// `accDescr {` at the start of `rest`: the offset just after the `{`.
fn acc_descr_block(rest: &str) -> Option<usize> {
    let head = rest.get(..8)?;
    if !head.eq_ignore_ascii_case("accdescr") {
        return None;
    }
    let after = &rest[8..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    trimmed
        .starts_with('{')
        .then(|| 8 + (after.len() - trimmed.len()) + 1)
}

/// The length of an entity code at the start of `s` (`#9829;`, `#infin;`, `&amp;`,
/// `&#x41;`), if there is one.
pub(super) fn entity_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    if b.first() == Some(&b'&') && b.get(1) == Some(&b'#') {
        i = 2;
    }
    let body_start = i;
    while i < b.len() && i - body_start <= 10 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    (i > body_start && b.get(i) == Some(&b';')).then_some(i + 1)
}

fn push_trimmed<'a>(src: &'a str, s: usize, e: usize, out: &mut Vec<Line<'a>>) {
    let raw = &src[s..e];
    let text = raw.trim();
    if text.is_empty() {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    out.push(Line {
        text,
        start: s + lead,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        statements(src, 0).iter().map(|l| l.text).collect()
    }

    #[test]
    fn semicolons_and_comments_end_statements() {
        assert_eq!(texts("a;b # c\n d"), ["a", "b", "d"]);
        assert_eq!(
            texts("Note right of B: -:<>,;# x"),
            ["Note right of B: -:<>,"]
        );
        assert_eq!(texts("par;A->>B: x"), ["par", "A->>B: x"]);
    }

    #[test]
    fn entities_are_kept_whole() {
        assert_eq!(
            texts("A->>B: I #9829; you #infin; &amp; more"),
            ["A->>B: I #9829; you #infin; &amp; more"]
        );
    }

    #[test]
    fn comments_directives_and_descriptions() {
        let src = "%% c\n%%{init:\n{}}%%\naccDescr {\n two\n lines }\nA->>B: x";
        assert_eq!(texts(src), ["accDescr {\n two\n lines }", "A->>B: x"]);
        assert_eq!(directive_spans(src, 0), vec![(5, 19)]);
    }
}
