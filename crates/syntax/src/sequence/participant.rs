//! `participant` / `actor` declarations, ids and `@{ ... }` data.
//!
//! In: the text after the keyword. Out: an [`super::ast::Decl`]: id, kind, alias. The v11 form
//! `participant API@{ "type": "boundary", "alias": "Public API" } as Name` gives the kind
//! and an alias (a later `as` wins). Ids follow Mermaid's rule: anything but `< = > : , ;`
//! and line breaks, so `Alice-in-Wonderland` and `商户服务器` are ids and
//! `A <br> B` is not.

use super::ast::{Decl, Word};
use crate::Diagnostic;
use liutu_model::{ParticipantKind, Span};

pub(super) fn parse(
    keyword: &str,
    rest: &str,
    at: usize,
    create: bool,
    kw_span: Span,
) -> Result<Decl, Diagnostic> {
    let mut kind = if keyword == "actor" {
        ParticipantKind::Actor
    } else {
        ParticipantKind::Participant
    };
    if rest.is_empty() {
        return Err(
            Diagnostic::error(kw_span, format!("expected a name after `{keyword}`"))
                .with_hint(format!("write `{keyword} Alice` or `{keyword} A as Alice`")),
        );
    }
    let mut alias = None;
    let id_text;
    if let Some(data_at) = rest.find("@{") {
        let close = matching_brace(&rest[data_at + 1..]).map(|c| data_at + 1 + c);
        let Some(close) = close else {
            return Err(Diagnostic::error(
                Span::new(at + data_at, at + rest.len()),
                "expected `}` to close the participant's `@{` data",
            ));
        };
        for (k, v) in object(&rest[data_at + 1..=close], at + data_at + 1)? {
            match k.as_str() {
                "type" => {
                    kind = ParticipantKind::from_name(&v).ok_or_else(|| {
                        Diagnostic::error(
                            Span::new(at + data_at, at + close + 1),
                            format!("unknown participant type `{v}`"),
                        )
                        .with_hint(format!("types are {}", ParticipantKind::NAMES.join(", ")))
                    })?;
                }
                "alias" => alias = Some(v),
                _ => {}
            }
        }
        id_text = rest[..data_at].trim_end();
        // After the data: nothing, or ` as Label` (which wins over an `alias` key).
        let after = &rest[close + 1..];
        let after_trim = after.trim();
        if !after_trim.is_empty() {
            match find_as(&format!(" {after_trim}")) {
                Some((0, a)) => alias = Some(after_trim[a - 1..].trim().to_string()),
                _ => {
                    let lead = after.len() - after.trim_start().len();
                    let s = at + close + 1 + lead;
                    return Err(Diagnostic::error(
                        Span::new(s, s + after_trim.len()),
                        format!("expected `as` or the end of the statement, found `{after_trim}`"),
                    )
                    .with_hint("write `participant ID@{ \"type\": \"database\" } as Label`"));
                }
            }
        }
    } else if let Some((before, after)) = find_as(rest) {
        id_text = rest[..before].trim_end();
        alias = Some(rest[after..].trim().to_string());
    } else {
        id_text = rest;
    }
    if alias.as_deref() == Some("") {
        return Err(Diagnostic::error(
            Span::new(at, at + rest.len()),
            "expected a label after `as`",
        ));
    }
    let id_span = Span::new(at, at + id_text.len());
    check_id(id_text, id_span)?;
    Ok(Decl {
        id: Word {
            text: id_text.to_string(),
            span: id_span,
        },
        kind,
        alias,
        create,
    })
}

/// ` as ` (any case) as a word of its own: `(end of the id, start of the alias)`.
fn find_as(rest: &str) -> Option<(usize, usize)> {
    let lower = rest.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut i = 1;
    while i + 2 <= b.len() {
        if b[i - 1].is_ascii_whitespace()
            && &b[i..i + 2] == b"as"
            && b.get(i + 2).is_none_or(|c| c.is_ascii_whitespace())
        {
            return Some((i - 1, (i + 2).min(b.len())));
        }
        i += 1;
    }
    None
}

/// Checks a participant id: not empty, none of Mermaid's separators.
pub(super) fn check_id(id: &str, span: Span) -> Result<(), Diagnostic> {
    if id.is_empty() {
        return Err(Diagnostic::error(span, "expected a participant name"));
    }
    if let Some((i, c)) = id
        .char_indices()
        .find(|&(_, c)| matches!(c, '<' | '>' | '=' | ':' | ',' | ';'))
    {
        return Err(Diagnostic::error(
            Span::new(span.start + i, span.start + i + c.len_utf8()),
            format!("a participant id cannot contain `{c}`"),
        )
        .with_hint(
            "give it a short id and the text as an alias: `participant S as My <br> Service`",
        ));
    }
    Ok(())
}

/// The offset of the `}` closing the `{` at the start of `s` (quotes respected).
fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A flat `{ "key": "value", key: value }` object (JSON, quotes optional), as
/// `links` / `properties` / `@{}` use. Nested values are kept as their source text.
pub(super) fn object(text: &str, at: usize) -> Result<Vec<(String, String)>, Diagnostic> {
    let err = |i: usize, msg: String| {
        Diagnostic::error(
            Span::new(
                at + i,
                at + i + text[i..].chars().next().map_or(0, char::len_utf8),
            ),
            msg,
        )
        .with_hint("write `{ \"key\": \"value\", \"other\": \"value\" }`")
    };
    let t = text.trim_end();
    let lead = t.len() - t.trim_start().len();
    if !t[lead..].starts_with('{') {
        return Err(err(lead, "expected `{`".into()));
    }
    let b = t.as_bytes();
    let mut i = lead + 1;
    let mut out = Vec::new();
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    // Reads a quoted or bare scalar; bare ones end at `,`, `:` or `}`.
    let scalar = |i: &mut usize, stop_colon: bool| -> Option<String> {
        let q = *b.get(*i)?;
        if q == b'"' || q == b'\'' {
            let start = *i + 1;
            let end = t[start..].find(q as char)? + start;
            *i = end + 1;
            return Some(t[start..end].to_string());
        }
        if q == b'{' || q == b'[' {
            let close = if q == b'{' { '}' } else { ']' };
            let end = t[*i..].find(close)? + *i;
            let v = t[*i..=end].to_string();
            *i = end + 1;
            return Some(v);
        }
        let start = *i;
        while *i < b.len() && !(b[*i] == b',' || b[*i] == b'}' || (stop_colon && b[*i] == b':')) {
            *i += 1;
        }
        let v = t[start..*i].trim();
        (!v.is_empty()).then(|| v.to_string())
    };
    loop {
        skip_ws(&mut i);
        if i >= b.len() {
            return Err(err(t.len().saturating_sub(1), "expected `}`".into()));
        }
        if b[i] == b'}' {
            i += 1;
            break;
        }
        let Some(key) = scalar(&mut i, true) else {
            return Err(err(
                i.min(t.len().saturating_sub(1)),
                "expected a key".into(),
            ));
        };
        skip_ws(&mut i);
        if b.get(i) != Some(&b':') {
            return Err(err(
                i.min(t.len().saturating_sub(1)),
                format!("expected `:` after the key `{key}`"),
            ));
        }
        i += 1;
        skip_ws(&mut i);
        let Some(value) = scalar(&mut i, false) else {
            return Err(err(
                i.min(t.len().saturating_sub(1)),
                format!("expected a value for `{key}`"),
            ));
        };
        out.push((key, value));
        skip_ws(&mut i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => {}
            _ => {
                return Err(err(
                    i.min(t.len().saturating_sub(1)),
                    "expected `,` or `}`".into(),
                ));
            }
        }
    }
    if !t[i..].trim().is_empty() {
        return Err(err(i, "unexpected text after `}`".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(rest: &str) -> Result<Decl, Diagnostic> {
        parse("participant", rest, 0, false, Span::default())
    }

    #[test]
    fn ids_aliases_and_types() {
        let d = decl("A as Alice Smith").unwrap();
        assert_eq!(
            (d.id.text.as_str(), d.alias.as_deref()),
            ("A", Some("Alice Smith"))
        );
        let d = decl("API@{ \"type\": \"boundary\", \"alias\": \"x\" } AS Public API").unwrap();
        assert_eq!(d.kind, ParticipantKind::Boundary);
        assert_eq!(d.alias.as_deref(), Some("Public API"));
        assert_eq!(
            decl("Alice-in-Wonderland").unwrap().id.text,
            "Alice-in-Wonderland"
        );
        assert!(decl("C@{ \"type\" \"control\" }").is_err());
        assert!(decl("SAS My <br> service").is_err());
    }
}
