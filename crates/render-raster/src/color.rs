//! Background colours for PNG output.
//!
//! In: a colour as users write it on the command line (`white`, `transparent`, `#fff`,
//! `#f0f0f0`, `#f0f0f080`). Out: an [`Rgba`], or `None` for anything else.

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
        _ => None,
    };
    if named.is_some() {
        return named;
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
    }
}
