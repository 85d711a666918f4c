//! Label text to [`RichText`]: entity codes, `<br>` line breaks, simple HTML emphasis
//! and markdown strings.
//!
//! In: an [`crate::ast::Label`] as written. Out: lines of emphasised spans. Mermaid hands
//! labels to a browser as HTML; liutu draws plain text, so the few constructs people use
//! (`<br>`, `<b>`, `<i>`, `#quot;`, `&amp;`, "`**bold**`") are resolved here and any
//! other tag is dropped rather than shown. Font Awesome icon codes (`fa:fa-car`) are taken
//! out: liutu has no icon font ([`strip_icons`]).

use crate::ast::{Label, LabelKind};
use liutu_model::{RichText, TextLine, TextSpan};

pub(crate) fn rich_text(label: &Label) -> RichText {
    match label.kind {
        LabelKind::Markdown => markdown(label.text),
        LabelKind::Text | LabelKind::String => html(label.text),
    }
}

/// Builds lines of spans, merging neighbours with the same emphasis.
#[derive(Default)]
struct Builder {
    lines: Vec<TextLine>,
    current: TextLine,
}

impl Builder {
    fn push(&mut self, text: &str, bold: bool, italic: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.current.spans.last_mut()
            && last.bold == bold
            && last.italic == italic
        {
            last.text.push_str(text);
            return;
        }
        self.current.spans.push(TextSpan {
            text: text.to_string(),
            bold,
            italic,
        });
    }

    fn newline(&mut self) {
        self.lines.push(std::mem::take(&mut self.current));
    }

    fn finish(mut self) -> RichText {
        self.newline();
        // Trim each line's outer white space; drop empty leading/trailing lines.
        for line in &mut self.lines {
            if let Some(first) = line.spans.first_mut() {
                first.text = first.text.trim_start().to_string();
            }
            if let Some(last) = line.spans.last_mut() {
                last.text = last.text.trim_end().to_string();
            }
            line.spans.retain(|s| !s.text.is_empty());
        }
        while self.lines.len() > 1 && self.lines.last().is_some_and(|l| l.spans.is_empty()) {
            self.lines.pop();
        }
        while self.lines.len() > 1 && self.lines.first().is_some_and(|l| l.spans.is_empty()) {
            self.lines.remove(0);
        }
        RichText { lines: self.lines }
    }
}

/// An HTML tag at the start of `s`: `(length, name lower-cased, closing)`.
fn tag_at(s: &str) -> Option<(usize, String, bool)> {
    let inner = s.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    if name_len == 0 || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = inner.find('>')?;
    if inner[..end].contains('<') || end < name_len {
        return None;
    }
    let len = 1 + usize::from(closing) + end + 1;
    Some((len, inner[..name_len].to_ascii_lowercase(), closing))
}

fn html(text: &str) -> RichText {
    // Most labels are plain: nothing to decode, no tags, one line.
    // (The same result as the general path: one line, outer white space trimmed.)
    if !text.contains(['<', '#', '&', '\n']) {
        let trimmed = text.trim();
        let spans = if trimmed.is_empty() {
            Vec::new()
        } else {
            vec![TextSpan {
                text: trimmed.to_string(),
                ..TextSpan::default()
            }]
        };
        return RichText {
            lines: vec![TextLine { spans }],
        };
    }
    let decoded = decode_entities(text);
    let mut b = Builder::default();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut rest = decoded.as_str();
    let mut plain_start = 0;
    let mut i = 0;
    while i < rest.len() {
        let here = &rest[i..];
        if here.starts_with('\n') {
            b.push(&rest[plain_start..i], bold > 0, italic > 0);
            b.newline();
            i += 1;
            plain_start = i;
            continue;
        }
        if here.starts_with('<')
            && let Some((len, name, closing)) = tag_at(here)
        {
            b.push(&rest[plain_start..i], bold > 0, italic > 0);
            match (name.as_str(), closing) {
                ("br", _) => b.newline(),
                ("b" | "strong", false) => bold += 1,
                ("b" | "strong", true) => bold = bold.saturating_sub(1),
                ("i" | "em", false) => italic += 1,
                ("i" | "em", true) => italic = italic.saturating_sub(1),
                _ => {}
            }
            rest = &rest[i + len..];
            i = 0;
            plain_start = 0;
            continue;
        }
        i += here.chars().next().map_or(1, char::len_utf8);
    }
    b.push(&rest[plain_start..], bold > 0, italic > 0);
    b.finish()
}

/// Markdown strings: `**bold**`, `__bold__`, `*italic*`, `_italic_`; newlines break
/// lines and each line's indent is dropped.
fn markdown(text: &str) -> RichText {
    let mut b = Builder::default();
    let (mut bold, mut italic) = (false, false);
    let text = decode_entities(text);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            b.newline();
        }
        let mut buf = String::new();
        let chars: Vec<char> = line.trim().chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let double = i + 1 < chars.len() && chars[i + 1] == c;
            if (c == '*' || c == '_') && double {
                b.push(&buf, bold, italic);
                buf.clear();
                bold = !bold;
                i += 2;
            } else if c == '*' || c == '_' && word_edge(&chars, i) {
                b.push(&buf, bold, italic);
                buf.clear();
                italic = !italic;
                i += 1;
            } else {
                buf.push(c);
                i += 1;
            }
        }
        b.push(&buf, bold, italic);
    }
    // `<br>` inside markdown strings also breaks lines.
    let rt = b.finish();
    if rt
        .lines
        .iter()
        .any(|l| l.spans.iter().any(|s| s.text.contains('<')))
    {
        let mut out = RichText::default();
        for line in rt.lines {
            let mut cur = TextLine::default();
            for span in line.spans {
                let parts: Vec<&str> = split_br(&span.text);
                for (k, part) in parts.iter().enumerate() {
                    if k > 0 {
                        out.lines.push(std::mem::take(&mut cur));
                    }
                    if !part.is_empty() {
                        cur.spans.push(TextSpan {
                            text: part.to_string(),
                            ..span.clone()
                        });
                    }
                }
            }
            out.lines.push(cur);
        }
        return out;
    }
    rt
}

/// Underscore emphasis only at word edges (`snake_case` stays as is).
fn word_edge(chars: &[char], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|j| chars.get(j))
        .is_none_or(|c| !c.is_alphanumeric());
    let after = chars.get(i + 1).is_none_or(|c| !c.is_alphanumeric());
    before || after
}

fn split_br(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with('<')
            && let Some((len, name, _)) = tag_at(&s[i..])
            && name == "br"
        {
            parts.push(&s[start..i]);
            start = i + len;
            i = start;
            continue;
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    parts.push(&s[start..]);
    parts
}

/// Font Awesome icons as Mermaid writes them in labels (`fa:fa-car`, `fab:fa-github`):
/// Mermaid puts the icon there when the page loads Font Awesome, and shows nothing of
/// the code otherwise. liutu has no icon font. Returns the text without them (and
/// without the space after each) and the codes found; `None` when there are none.
pub(crate) fn strip_icons(text: &str) -> Option<(String, Vec<String>)> {
    const PREFIXES: [&str; 7] = ["fab", "fad", "fak", "fal", "far", "fas", "fa"];
    if !text.contains(":fa-") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut icons = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(":fa-") {
        let before = &rest[..i];
        let after = &rest[i + 4..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(after.len());
        // The prefix must start a word: `sofa:fa-x` is text.
        let start = PREFIXES
            .iter()
            .find(|p| before.ends_with(*p))
            .map(|p| i - p.len())
            .filter(|&start| {
                !rest[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            });
        match start {
            Some(start) if name_len > 0 => {
                out.push_str(&rest[..start]);
                icons.push(rest[start..i + 4 + name_len].to_string());
                let tail = &after[name_len..];
                rest = tail.strip_prefix(' ').unwrap_or(tail);
            }
            _ => {
                out.push_str(&rest[..i + 4]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (!icons.is_empty()).then_some((out, icons))
}

/// Decodes Mermaid's `#name;` / `#123;` and HTML's `&name;` / `&#123;` / `&#x1F;`.
/// A `<` produced by decoding is not a tag: it is kept as `\u{0}`-free text by
/// decoding `lt`/`gt` only after tags were looked for would need two passes, so
/// decoded angle brackets are rare enough to accept as text here.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['#', '&']) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let body_len = after.find(';').filter(|&n| n > 0 && n <= 10);
        let decoded = body_len.and_then(|n| {
            let body = after[..n].trim_start_matches('#');
            let ch = if let Some(hex) = body.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else if body.bytes().all(|b| b.is_ascii_digit()) && !body.is_empty() {
                body.parse::<u32>()
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else {
                crate::entities::named(body).map(String::from)
            };
            ch.map(|c| (c, n))
        });
        match decoded {
            Some((c, n)) => {
                out.push_str(&c);
                rest = &after[n + 1..];
            }
            None => {
                out.push_str(&rest[i..i + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::strip_icons;

    #[test]
    fn font_awesome_icons_are_taken_out_of_the_text() {
        assert_eq!(
            strip_icons("fa:fa-car Car"),
            Some(("Car".to_string(), vec!["fa:fa-car".to_string()]))
        );
        assert_eq!(
            strip_icons("for fab:fa-twitter and fa:fa-500px!"),
            Some((
                "for and !".to_string(),
                vec!["fab:fa-twitter".to_string(), "fa:fa-500px".to_string()]
            ))
        );
        // Not an icon: inside a word, without a name, without a prefix.
        assert_eq!(strip_icons("sofa:fa-x"), None);
        assert_eq!(strip_icons("fa:fa- x"), None);
        assert_eq!(strip_icons("plain :fa-x"), None);
        assert_eq!(strip_icons("no icons here"), None);
    }
}
