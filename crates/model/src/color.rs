//! CSS colours as diagrams and command lines write them.
//!
//! In: `white`, `transparent`, `#fff`, `#f0f0f0`, `#f0f0f080`, `rgb(1, 2, 3)` and the
//! common CSS names. Out: an [`Rgba`], or `None` for anything else. Used for PNG
//! backgrounds and for colouring text art from `classDef` / `style`.

/// An 8-bit RGBA colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Rgba {
    pub const WHITE: Rgba = Rgba::rgb(255, 255, 255);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 255 }
    }
}

/// Parses hex colours and the few names people pass as a background.
pub fn parse_color(s: &str) -> Option<Rgba> {
    let s = s.trim().to_ascii_lowercase();
    let named = match s.as_str() {
        "transparent" | "none" => Some(Rgba {
            r: 0,
            g: 0,
            b: 0,
            a: 0,
        }),
        "white" => Some(Rgba::WHITE),
        "black" => Some(Rgba::rgb(0, 0, 0)),
        "gray" | "grey" => Some(Rgba::rgb(128, 128, 128)),
        "lightgray" | "lightgrey" => Some(Rgba::rgb(211, 211, 211)),
        "red" => Some(Rgba::rgb(255, 0, 0)),
        "green" => Some(Rgba::rgb(0, 128, 0)),
        "blue" => Some(Rgba::rgb(0, 0, 255)),
        "yellow" => Some(Rgba::rgb(255, 255, 0)),
        "orange" => Some(Rgba::rgb(255, 165, 0)),
        "purple" => Some(Rgba::rgb(128, 0, 128)),
        "pink" => Some(Rgba::rgb(255, 192, 203)),
        "cyan" | "aqua" => Some(Rgba::rgb(0, 255, 255)),
        "magenta" | "fuchsia" => Some(Rgba::rgb(255, 0, 255)),
        "lime" => Some(Rgba::rgb(0, 255, 0)),
        "navy" => Some(Rgba::rgb(0, 0, 128)),
        "teal" => Some(Rgba::rgb(0, 128, 128)),
        "maroon" => Some(Rgba::rgb(128, 0, 0)),
        "olive" => Some(Rgba::rgb(128, 128, 0)),
        "silver" => Some(Rgba::rgb(192, 192, 192)),
        "brown" => Some(Rgba::rgb(165, 42, 42)),
        "gold" => Some(Rgba::rgb(255, 215, 0)),
        "lightblue" => Some(Rgba::rgb(173, 216, 230)),
        "lightgreen" => Some(Rgba::rgb(144, 238, 144)),
        "darkgreen" => Some(Rgba::rgb(0, 100, 0)),
        "darkblue" => Some(Rgba::rgb(0, 0, 139)),
        "darkred" => Some(Rgba::rgb(139, 0, 0)),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    if let Some(inner) = s.strip_prefix("rgb(").or_else(|| s.strip_prefix("rgba(")) {
        let parts: Vec<&str> = inner
            .trim_end_matches(')')
            .split(',')
            .map(str::trim)
            .collect();
        let channel = |p: &str| {
            p.parse::<f64>()
                .ok()
                .map(|v| v.clamp(0.0, 255.0).round() as u8)
        };
        let alpha = |p: &str| {
            p.parse::<f64>()
                .ok()
                .map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8)
        };
        return match parts.as_slice() {
            [r, g, b] => Some(Rgba::rgb(channel(r)?, channel(g)?, channel(b)?)),
            [r, g, b, a] => Some(Rgba {
                r: channel(r)?,
                g: channel(g)?,
                b: channel(b)?,
                a: alpha(a)?,
            }),
            _ => None,
        };
    }
    let hex = s.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
    let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    match hex.len() {
        3 | 4 => {
            let d = |i| digit(i).map(|v| v * 17);
            Some(Rgba {
                r: d(0)?,
                g: d(1)?,
                b: d(2)?,
                a: if hex.len() == 4 { d(3)? } else { 255 },
            })
        }
        6 | 8 => Some(Rgba {
            r: pair(0)?,
            g: pair(2)?,
            b: pair(4)?,
            a: if hex.len() == 8 { pair(6)? } else { 255 },
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_color("white"), Some(Rgba::WHITE));
        assert_eq!(parse_color("#FFF"), Some(Rgba::WHITE));
        assert_eq!(parse_color("#f0f0f0"), Some(Rgba::rgb(240, 240, 240)));
        assert_eq!(parse_color("#00000080").map(|c| c.a), Some(128));
        assert_eq!(parse_color("transparent").map(|c| c.a), Some(0));
        assert_eq!(parse_color("#12"), None);
        assert_eq!(parse_color("#ééé"), None);
        assert_eq!(parse_color("rebeccapurple"), None);
        assert_eq!(parse_color("rgb(255, 0, 10)"), Some(Rgba::rgb(255, 0, 10)));
        assert_eq!(parse_color("rgba(0,0,0,0.5)").map(|c| c.a), Some(128));
        assert_eq!(parse_color("rgb(1,2)"), None);
    }
}
