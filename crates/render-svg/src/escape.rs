//! XML escaping.
//!
//! In: any string from the scene (labels, ids, class names, style values, URLs). Out: the
//! same text made safe for XML character data or a double-quoted attribute value, so a
//! label like `<script>` or `" onload="x` comes out as visible text and never as markup.
//! Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped: a document
//! containing them would not parse at all.

/// True for characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{9}' | '\u{A}' | '\u{D}'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes text for an element's content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Escapes text for a double-quoted attribute value. Tabs and line breaks become
/// character references because a parser would otherwise normalise them to spaces.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Values are always double-quoted, so `'` needs no escape.
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A token safe to use inside an `id` or a `url(#...)` reference: letters, digits, `-`
/// and `_` are kept (any script, so `需求` stays readable), everything else becomes `_`.
pub fn id_token(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            text("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        assert_eq!(attr("\" onload=\"x'"), "&quot; onload=&quot;x'");
    }

    #[test]
    fn drops_illegal_characters() {
        assert_eq!(text("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert_eq!(attr("a\tb\nc"), "a&#9;b&#10;c");
    }

    #[test]
    fn id_tokens_keep_cjk() {
        assert_eq!(id_token("需求 A\"<x>"), "需求_A__x_");
    }
}
