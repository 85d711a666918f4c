//! Message, note and title text to [`RichText`].
//!
//! In: text as written after the `:` (or after a block keyword). Out: lines of spans.
//! `<br>` in any spelling breaks a line, `<b>`/`<strong>` and `<i>`/`<em>` set emphasis,
//! and entity codes (`#9829;`, `#infin;`, `&amp;`, `&#x41;`) are decoded — after tags
//! were found, so `#lt;br#gt;` shows as the text `<br>`, as in Mermaid. Any other
//! `<...>` is kept as text: in a message it is far more often a generic type than HTML.
//!
//! (The flowchart reader has its own label decoder in `lower/text.rs`, which differs in
//! which tags it reads; both take entity names from [`crate::entities`].)

use liutu_model::{RichText, TextLine, TextSpan};

pub(super) fn rich(text: &str) -> RichText {
    let mut lines: Vec<TextLine> = vec![TextLine::default()];
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut plain = String::new();
    let flush = |plain: &mut String, lines: &mut Vec<TextLine>, bold: u32, italic: u32| {
        if plain.is_empty() {
            return;
        }
        let text = decode_entities(plain);
        plain.clear();
        let Some(line) = lines.last_mut() else { return };
        match line.spans.last_mut() {
            Some(last) if last.bold == (bold > 0) && last.italic == (italic > 0) => {
                last.text.push_str(&text);
            }
            _ => line.spans.push(TextSpan {
                text,
                bold: bold > 0,
                italic: italic > 0,
            }),
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some((len, name, closing)) = tag_at(rest)
            && matches!(name.as_str(), "br" | "b" | "strong" | "i" | "em")
        {
            flush(&mut plain, &mut lines, bold, italic);
            match (name.as_str(), closing) {
                ("br", _) => lines.push(TextLine::default()),
                ("b" | "strong", false) => bold += 1,
                ("b" | "strong", true) => bold = bold.saturating_sub(1),
                ("i" | "em", false) => italic += 1,
                (_, _) => italic = italic.saturating_sub(1),
            }
            rest = &rest[len..];
            continue;
        }
        if c == '\n' {
            flush(&mut plain, &mut lines, bold, italic);
            lines.push(TextLine::default());
        } else {
            plain.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut plain, &mut lines, bold, italic);
    // Each line's outer white space goes, as a browser collapses it.
    for line in &mut lines {
        if let Some(first) = line.spans.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = line.spans.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        line.spans.retain(|s| !s.text.is_empty());
    }
    RichText { lines }
}

/// An HTML tag at the start of `s`: `(length, lower-cased name, closing)`.
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
    let between = &inner[name_len..end];
    // `<br/>`, `<br />`, `<b class="x">`: anything up to `>` that is not another tag.
    if between.contains('<') || !(between.is_empty() || between.starts_with([' ', '/'])) {
        return None;
    }
    let len = 1 + usize::from(closing) + end + 1;
    Some((len, inner[..name_len].to_ascii_lowercase(), closing))
}

/// Decodes `#name;` / `#123;` (Mermaid) and `&name;` / `&#123;` / `&#x1F;` (HTML).
/// Unknown names stay as written.
pub(super) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['#', '&']) {
        out.push_str(&rest[..i]);
        let here = &rest[i..];
        let decoded = super::lines::entity_len(here).and_then(|len| {
            let body = here[1..len - 1].trim_start_matches('#');
            let ch = if let Some(hex) = body
                .strip_prefix(['x', 'X'])
                .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
            {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if body.bytes().all(|b| b.is_ascii_digit()) {
                body.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                None
            };
            ch.map(String::from)
                .or_else(|| crate::entities::named(body).map(String::from))
                .map(|s| (s, len))
        });
        match decoded {
            Some((s, len)) => {
                out.push_str(&s);
                rest = &here[len..];
            }
            None => {
                out.push_str(&here[..1]);
                rest = &here[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_emphasis_and_entities() {
        let r = rich("Hello John,<br/>how are <b>you</b>? #9829; #lt;br#gt;");
        assert_eq!(r.lines.len(), 2);
        assert_eq!(r.to_plain(), "Hello John,\nhow are you? ♥ <br>");
        assert!(r.lines[1].spans.iter().any(|s| s.bold && s.text == "you"));
        assert_eq!(rich("List<T> x").to_plain(), "List<T> x");
        assert_eq!(rich("a <br /> b").to_plain(), "a\nb");
    }

    #[test]
    fn knows_the_entities_flowchart_labels_know() {
        assert_eq!(
            rich("#cent; #lsqb;x#rsqb; #sect;#para;").to_plain(),
            "¢ [x] §¶"
        );
    }
}
