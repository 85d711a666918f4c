//! Config entries from frontmatter and `%%{init}%%`: which keys liutu knows.
//!
//! In: dotted keys, and the kind of diagram they configure. Out: a warning for each key
//! that changes how Mermaid draws such a diagram and that liutu does not read, for each
//! documented choice liutu does not make (a hand-drawn look, the ELK layout, HTML labels),
//! and for each key Mermaid does not document (likely a typo, with the nearest known key
//! as a hint). Keys that change nothing liutu writes — Mermaid's page runtime settings,
//! other diagram types' sections — are accepted quietly. Every key is kept in the model.

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

/// `flowchart.*` keys Mermaid documents.
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
];

/// `sequence.*` keys Mermaid documents.
const SEQUENCE: &[&str] = &[
    "arrowMarkerAbsolute",
    "hideUnusedParticipants",
    "activationWidth",
    "diagramMarginX",
    "diagramMarginY",
    "actorMargin",
    "width",
    "height",
    "boxMargin",
    "boxTextMargin",
    "noteMargin",
    "messageMargin",
    "messageAlign",
    "mirrorActors",
    "forceMenus",
    "bottomMarginAdj",
    "useMaxWidth",
    "rightAngles",
    "showSequenceNumbers",
    "actorFontSize",
    "actorFontFamily",
    "actorFontWeight",
    "noteFontSize",
    "noteFontFamily",
    "noteFontWeight",
    "noteAlign",
    "messageFontSize",
    "messageFontFamily",
    "messageFontWeight",
    "wrap",
    "wrapPadding",
    "labelBoxWidth",
    "labelBoxHeight",
    "messageFont",
    "noteFont",
    "actorFont",
    "htmlLabels",
];

/// Which diagram the config belongs to: a section for the other kind changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Flowchart,
    Sequence,
}

/// The documented keys liutu reads, for either diagram (a trailing `.` is a prefix).
/// `sequence.*` keys are also read without their section, as Mermaid does.
const READ: &[&str] = &["theme", "themeVariables.", "fontFamily", "look", "layout"];
const READ_FLOWCHART: &[&str] = &[
    "flowchart.curve",
    "flowchart.nodeSpacing",
    "flowchart.rankSpacing",
    "flowchart.wrappingWidth",
    "flowchart.diagramPadding",
    "flowchart.defaultRenderer",
];
const READ_SEQUENCE: &[&str] = &[
    "sequence.actorMargin",
    "sequence.width",
    "sequence.height",
    "sequence.messageAlign",
    "sequence.mirrorActors",
    "sequence.rightAngles",
    "sequence.wrap",
    "wrap",
];

/// Documented keys that change nothing in what liutu writes: settings of Mermaid's
/// page runtime (logging, security, sanitising, limits of its own), how it points at
/// arrow markers, and the seed of a look liutu does not draw.
const NO_EFFECT: &[&str] = &[
    "logLevel",
    "securityLevel",
    "startOnLoad",
    "arrowMarkerAbsolute",
    "maxTextSize",
    "maxEdges",
    "deterministicIds",
    "deterministicIDSeed",
    "handDrawnSeed",
    "suppressErrorRendering",
    "dompurifyConfig",
    "secure",
    "legacyMathML",
    "forceLegacyMathML",
    "displayMode",
    "elk.",
    "flowchart.arrowMarkerAbsolute",
    "flowchart.useWidth",
    "sequence.arrowMarkerAbsolute",
    "sequence.forceMenus",
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
    ("htmlLabels", &["false"], "it writes labels as SVG text"),
    (
        "flowchart.htmlLabels",
        &["false"],
        "it writes labels as SVG text",
    ),
    (
        "sequence.htmlLabels",
        &["false"],
        "it writes labels as SVG text",
    ),
    (
        "useMaxWidth",
        &["false"],
        "its SVG has a fixed width and height",
    ),
    (
        "flowchart.useMaxWidth",
        &["false"],
        "its SVG has a fixed width and height",
    ),
    (
        "sequence.useMaxWidth",
        &["false"],
        "its SVG has a fixed width and height",
    ),
    (
        "flowchart.inheritDir",
        &["true"],
        "subgraphs without a `direction` follow their parent's",
    ),
];

/// True when `key` is listed, or lies under a listed prefix ending in `.`.
fn listed(list: &[&str], key: &str) -> bool {
    list.iter().any(|k| match k.strip_suffix('.') {
        Some(prefix) => key.strip_prefix(prefix).is_some_and(|r| r.starts_with('.')),
        None => *k == key,
    })
}

/// What a key is to liutu.
#[derive(Debug, PartialEq, Eq)]
enum Known {
    /// Read, or a choice checked against [`UNSUPPORTED_CHOICES`].
    Read,
    /// Documented, and without effect on this diagram as liutu writes it.
    NoEffect,
    /// Documented, with an effect in Mermaid that liutu does not reproduce.
    NotRead,
    /// Not documented: likely a typo.
    Unknown,
}

fn known(key: &str, kind: Kind) -> Known {
    let (top, rest) = key.split_once('.').unwrap_or((key, ""));
    if !TOP.contains(&top) {
        return Known::Unknown;
    }
    let section = match top {
        "flowchart" => Some((Kind::Flowchart, FLOWCHART)),
        "sequence" => Some((Kind::Sequence, SEQUENCE)),
        _ => None,
    };
    if let Some((_, keys)) = section
        && !rest.is_empty()
        && !keys.contains(&rest.split('.').next().unwrap_or(rest))
    {
        return Known::Unknown;
    }
    let read_here = match kind {
        Kind::Flowchart => READ_FLOWCHART,
        Kind::Sequence => READ_SEQUENCE,
    };
    if listed(READ, key)
        || listed(read_here, key)
        || UNSUPPORTED_CHOICES.iter().any(|(k, _, _)| *k == key)
    {
        return Known::Read;
    }
    // The other diagram's section, and the sections of diagram types liutu does not
    // draw, change nothing here, as in Mermaid.
    let elsewhere = match section {
        Some((section_kind, _)) => section_kind != kind,
        None => !rest.is_empty(),
    };
    // Top-level `wrap` is read by sequence diagrams only.
    if elsewhere || listed(NO_EFFECT, key) || (kind == Kind::Flowchart && key == "wrap") {
        Known::NoEffect
    } else {
        Known::NotRead
    }
}

/// What to say of one key and its value, for a config that applies to diagrams of
/// `kinds`: messages, each with a hint when there is one. `drawn` names what is drawn
/// ("the diagram", "diagrams").
fn assess(key: &str, value: &str, kinds: &[Kind], drawn: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let value = value.trim().trim_matches(['"', '\'']);
    if let Some((key, chosen, instead)) = UNSUPPORTED_CHOICES.iter().find(|(k, _, _)| *k == key)
        && !chosen.iter().any(|d| d.eq_ignore_ascii_case(value))
    {
        out.push((
            format!("`{key}: {value}` is not drawn by liutu; {instead}"),
            None,
        ));
    }
    let verdicts: Vec<Known> = kinds.iter().map(|&kind| known(key, kind)).collect();
    if verdicts.contains(&Known::Read) {
        return out;
    }
    if verdicts.contains(&Known::NotRead) {
        out.push((
            format!("liutu does not read `{key}`; {drawn} drawn as if it were not set"),
            None,
        ));
    } else if verdicts.contains(&Known::Unknown) {
        let (top, rest) = key.split_once('.').unwrap_or((key, ""));
        let near = if TOP.contains(&top) {
            let section = if top == "flowchart" {
                FLOWCHART
            } else {
                SEQUENCE
            };
            let word = rest.split('.').next().unwrap_or(rest);
            crate::lower::nearest(word, section.iter().copied())
                .filter(|n| *n != word)
                .map(|n| format!("{top}.{n}"))
        } else {
            crate::lower::nearest(top, TOP.iter().copied())
                .filter(|n| *n != top)
                .map(str::to_string)
        };
        out.push((
            format!("unknown config key `{key}`; it is kept but nothing reads it"),
            near.map(|near| format!("did you mean `{near}`?")),
        ));
    }
    out
}

/// Warnings for `entries`, the config of a diagram of `kind`.
pub(crate) fn check(entries: &[ConfigEntry], kind: Kind) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in entries {
        for (message, hint) in assess(&e.key, &e.value, &[kind], "the diagram is") {
            let d = Diagnostic::warning(e.span, message);
            out.push(match hint {
                Some(hint) => d.with_hint(hint),
                None => d,
            });
        }
    }
    out
}

/// Warnings for a config every diagram shares (`--config FILE`), as one line each: a
/// key is named when no kind of diagram reads it and one would be drawn differently
/// for it, when Mermaid does not document it, or when it asks for a choice liutu does
/// not make.
pub fn shared_warnings(entries: &[(String, String)]) -> Vec<String> {
    entries
        .iter()
        .flat_map(|(key, value)| {
            assess(
                key,
                value,
                &[Kind::Flowchart, Kind::Sequence],
                "diagrams are",
            )
        })
        .map(|(message, hint)| match hint {
            Some(hint) => format!("{message} ({hint})"),
            None => message,
        })
        .collect()
}
