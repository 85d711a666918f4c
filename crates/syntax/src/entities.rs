//! Named character entities: `#name;` (Mermaid) and `&name;` (HTML) in labels and text.
//!
//! In: an entity's name. Out: what it stands for. One table for flowchart labels and
//! sequence text, so the same code means the same character in both.

/// The named entities people write in Mermaid text.
const ENTITIES: &[(&str, &str)] = &[
    ("quot", "\""),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("hearts", "♥"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("harr", "↔"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("infin", "∞"),
    ("ne", "≠"),
    ("le", "≤"),
    ("ge", "≥"),
    ("check", "✓"),
    ("semi", ";"),
    ("colon", ":"),
    ("num", "#"),
    ("lpar", "("),
    ("rpar", ")"),
    ("lsqb", "["),
    ("rsqb", "]"),
    ("lbrace", "{"),
    ("rbrace", "}"),
    ("vert", "|"),
];

/// The text entity `name` stands for, if it is one we know.
pub(crate) fn named(name: &str) -> Option<&'static str> {
    ENTITIES.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}
