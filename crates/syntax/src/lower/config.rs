//! Config entries from frontmatter and `%%{init}%%`: which keys liutu knows.
//!
//! In: dotted keys. Out: a warning for each key that is neither one liutu reads nor one
//! Mermaid documents (likely a typo), and for the documented choices that change how
//! Mermaid draws and that liutu does not make (a hand-drawn look, the ELK layout). Unknown
//! keys are kept in the model anyway.

use crate::Diagnostic;
use crate::ast::ConfigEntry;

/// Top-level keys Mermaid documents (diagram sections included).
const TOP: &[&str] = &[
    "theme",
    "themeVariables",
    "themeCSS",
    "look",
    "layout",
    "fontFamily",
    "fontSize",
    "logLevel",
    "securityLevel",
    "startOnLoad",
    "arrowMarkerAbsolute",
    "htmlLabels",
    "maxTextSize",
    "maxEdges",
    "darkMode",
    "deterministicIds",
    "deterministicIDSeed",
    "wrap",
    "handDrawnSeed",
    "elk",
    "flowchart",
    "markdownAutoWrap",
    "suppressErrorRendering",
    "legacyMathML",
    "forceLegacyMathML",
    "dompurifyConfig",
    "secure",
    "sequence",
    "gantt",
    "journey",
    "class",
    "state",
    "er",
    "pie",
    "quadrantChart",
    "xyChart",
    "requirement",
    "mindmap",
    "timeline",
    "gitGraph",
    "c4",
    "sankey",
    "block",
    "packet",
    "architecture",
    "kanban",
    "radar",
    "treemap",
    "icons",
    "titleTopMargin",
    "useMaxWidth",
    "displayMode",
];

/// `flowchart.*` keys.
const FLOWCHART: &[&str] = &[
    "curve",
    "nodeSpacing",
    "rankSpacing",
    "htmlLabels",
    "wrappingWidth",
    "defaultRenderer",
    "diagramPadding",
    "useMaxWidth",
    "titleTopMargin",
    "subGraphTitleMargin",
    "padding",
    "arrowMarkerAbsolute",
    "inheritDir",
    "useWidth",
    "nodeSpacing",
];

/// The Mermaid choices liutu does not make: (key, the values it does draw, what it draws
/// instead).
const UNSUPPORTED_CHOICES: &[(&str, &[&str], &str)] = &[
    ("look", &["classic"], "it draws the classic look"),
    (
        "layout",
        &["dagre"],
        "it lays out with its own layered engine",
    ),
    (
        "flowchart.defaultRenderer",
        &["dagre", "dagre-d3", "dagre-wrapper"],
        "it lays out with its own layered engine",
    ),
];

pub(crate) fn check(entries: &[ConfigEntry]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in entries {
        let value = e.value.trim().trim_matches(['"', '\'']);
        if let Some((key, drawn, instead)) =
            UNSUPPORTED_CHOICES.iter().find(|(k, _, _)| *k == e.key)
            && !drawn.iter().any(|d| d.eq_ignore_ascii_case(value))
        {
            out.push(Diagnostic::warning(
                e.span,
                format!("`{key}: {value}` is not drawn by liutu; {instead}"),
            ));
        }
        let mut parts = e.key.split('.');
        let top = parts.next().unwrap_or("");
        let known = if !TOP.contains(&top) {
            false
        } else if top == "flowchart" {
            parts.next().is_none_or(|k| FLOWCHART.contains(&k))
        } else {
            true
        };
        if !known {
            let mut d = Diagnostic::warning(
                e.span,
                format!(
                    "unknown config key `{}`; it is kept but nothing reads it",
                    e.key
                ),
            );
            if let Some(near) = crate::lower::nearest(top, TOP.iter().copied())
                && near != top
            {
                d = d.with_hint(format!("did you mean `{near}`?"));
            }
            out.push(d);
        }
    }
    out
}
