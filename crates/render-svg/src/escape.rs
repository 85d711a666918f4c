//! XML escaping.
//!
//! In: any string from the scene (labels, ids, class names, style values, URLs). Out: the
//! same text made safe for XML character data or a double-quoted attribute value, so a
//! label like `<script>` or `" onload="x` comes out as visible text and never as markup.
//! Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped: a document
//! containing them would not parse at all.

/// Appends `s` escaped for an element's content.
pub fn push_text(out: &mut String, s: &str) {
    push_escaped(out, s, false);
}

/// Appends `s` escaped for a double-quoted attribute value. Tabs and line breaks become
/// character references because a parser would otherwise normalise them to spaces.
pub fn push_attr(out: &mut String, s: &str) {
    push_escaped(out, s, true);
}

/// Per byte: whether it may need a reference or be dropped, in element content
/// ([`TEXT`]) and in an attribute value ([`ATTRIBUTE`]). Scanning against this table
/// finds the next such byte in a few instructions a byte.
static SPECIAL: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = TEXT | ATTRIBUTE;
        b += 1;
    }
    table[b'&' as usize] = TEXT | ATTRIBUTE;
    table[b'<' as usize] = TEXT | ATTRIBUTE;
    table[b'>' as usize] = TEXT | ATTRIBUTE;
    table[b'"' as usize] = ATTRIBUTE;
    // The lead byte of U+FFFE and U+FFFF (and of other characters, checked in full).
    table[0xef] = TEXT | ATTRIBUTE;
    table
};
const TEXT: u8 = 1;
const ATTRIBUTE: u8 = 2;

/// Copies `s` to `out` in runs, stopping only at the bytes that need a reference or
/// must be dropped: most labels and every path have none, so they are copied whole.
fn push_escaped(out: &mut String, s: &str, in_attribute: bool) {
    let bytes = s.as_bytes();
    let class = if in_attribute { ATTRIBUTE } else { TEXT };
    let mut run_start = 0;
    let mut i = 0;
    while let Some(found) = bytes[i..]
        .iter()
        .position(|&b| SPECIAL[b as usize] & class != 0)
    {
        i += found;
        // (what replaces the character, how many bytes it takes)
        let (replacement, width) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\t' if in_attribute => ("&#9;", 1),
            b'\n' if in_attribute => ("&#10;", 1),
            b'\r' if in_attribute => ("&#13;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            // Other C0 controls: not XML characters, dropped.
            0..=0x1f => ("", 1),
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF): not XML characters either.
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run_start..i]);
        out.push_str(replacement);
        i += width;
        run_start = i;
    }
    out.push_str(&s[run_start..]);
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

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, s);
        out
    }

    fn attr(s: &str) -> String {
        let mut out = String::new();
        push_attr(&mut out, s);
        out
    }

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

    /// The rules character by character, as XML 1.0 states them: the reference the
    /// byte-run copying must agree with.
    fn reference(s: &str, in_attribute: bool) -> String {
        let is_xml_char = |c: char| {
            matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}'
                | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
        };
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if in_attribute => out.push_str("&quot;"),
                '\t' if in_attribute => out.push_str("&#9;"),
                '\n' if in_attribute => out.push_str("&#10;"),
                '\r' if in_attribute => out.push_str("&#13;"),
                c if is_xml_char(c) => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn agrees_with_the_character_rules() {
        // Every character class that matters, mixed pseudo-randomly (a fixed LCG).
        let alphabet = [
            'a',
            ' ',
            '&',
            '<',
            '>',
            '"',
            '\'',
            '\t',
            '\n',
            '\r',
            '\u{0}',
            '\u{1f}',
            '\u{7f}',
            '需',
            '\u{FF0C}',
            '\u{FFFD}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{EFBF}',
            '\u{1F600}',
        ];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..2_000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert_eq!(text(&s), reference(&s, false), "{s:?}");
            assert_eq!(attr(&s), reference(&s, true), "{s:?}");
        }
    }

    #[test]
    fn id_tokens_keep_cjk() {
        assert_eq!(id_token("需求 A\"<x>"), "需求_A__x_");
    }
}
