//! Colours at the start of a `box` line.
//!
//! In: the text after `box`. Out: `(colour, title)`. Mermaid takes the first word as the
//! colour when it is one (`box Purple Alice & John`, `box rgb(33,66,99) Team`), else the
//! whole text is the title (`box Another Group`); `transparent` is no colour at all.

/// CSS named colours (lower case).
const NAMED: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// True for a CSS colour liutu can pass on: a name, `#hex`, or a colour function.
pub(super) fn is_color(word: &str) -> bool {
    let w = word.trim().to_ascii_lowercase();
    if let Some(hex) = w.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    NAMED.contains(&w.as_str())
        || ["rgb(", "rgba(", "hsl(", "hsla("]
            .iter()
            .any(|f| w.starts_with(f) && w.ends_with(')'))
}

pub(super) fn split_box_line(rest: &str) -> (Option<String>, Option<String>) {
    let lower = rest.to_ascii_lowercase();
    let (color, title) = if ["rgb", "rgba", "hsl", "hsla"]
        .iter()
        .any(|f| lower.starts_with(f) && lower[f.len()..].trim_start().starts_with('('))
    {
        match rest.find(')') {
            Some(close) => (Some(&rest[..=close]), &rest[close + 1..]),
            None => (None, rest),
        }
    } else {
        let w = rest.split_whitespace().next().unwrap_or("");
        if w.eq_ignore_ascii_case("transparent") {
            (None, &rest[w.len()..])
        } else if is_color(w) {
            (Some(w), &rest[w.len()..])
        } else {
            (None, rest)
        }
    };
    let title = title.trim();
    (
        color.map(str::to_string),
        (!title.is_empty()).then(|| title.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_then_title() {
        assert_eq!(
            split_box_line("Purple Alice & John"),
            (Some("Purple".into()), Some("Alice & John".into()))
        );
        assert_eq!(
            split_box_line("Another Group"),
            (None, Some("Another Group".into()))
        );
        assert_eq!(
            split_box_line("rgb(33, 66, 99) Team"),
            (Some("rgb(33, 66, 99)".into()), Some("Team".into()))
        );
        assert_eq!(split_box_line("transparent"), (None, None));
    }
}
