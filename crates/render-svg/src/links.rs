//! Which node links may become `<a href>`.
//!
//! In: a `click` URL and target from the scene. Out: the URL if it is safe to put in a
//! page — `http:`, `https:`, `mailto:` or relative (no scheme) — and the target if it is
//! one of the four HTML keywords. Anything else (`javascript:`, `data:`, `vbscript:`, ...)
//! is dropped, so an inlined SVG cannot run code when clicked.

/// The URL when its scheme is allowed.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    if url.is_empty() || url.chars().any(|c| c.is_control()) {
        return None;
    }
    // A scheme is letters/digits/+/-/. followed by ':' before any '/', '?' or '#'.
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url.as_bytes()[i] == b':' => {
            let scheme = url[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then_some(url)
        }
        _ => Some(url),
    }
}

/// The target when it is `_blank`, `_self`, `_parent` or `_top`.
pub fn safe_target(target: Option<&str>) -> Option<&'static str> {
    match target?.trim().to_ascii_lowercase().as_str() {
        "_blank" => Some("_blank"),
        "_self" => Some("_self"),
        "_parent" => Some("_parent"),
        "_top" => Some("_top"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_and_relative_links_only() {
        for ok in [
            "https://example.com/a?b#c",
            "http://x",
            "MAILTO:a@b.c",
            "docs/page.html",
            "/abs",
            "#frag",
            "./rel",
        ] {
            assert!(safe_url(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "java\tscript:x",
            "",
        ] {
            assert!(safe_url(bad).is_none(), "{bad}");
        }
        assert_eq!(safe_target(Some("_BLANK")), Some("_blank"));
        assert_eq!(safe_target(Some("evil")), None);
    }
}
