//! Pixel widths for SVG, PNG and PDF.
//!
//! In: a line of label text. Out: its advance width in pixels at `font_size`, summed from
//! the real advances of the bundled fonts ([`crate::fonts`]): Liberation Sans (Arial
//! metrics, bold face for bold spans) and, per character, Droid Sans Fallback for what the
//! Latin font lacks (CJK ideographs come out at 1 em). Characters no bundled font has get
//! a width guessed from their terminal width so layout still leaves room for them.

use liutu_model::TextLine;
use unicode_width::UnicodeWidthChar;

use crate::fonts;

/// Measures text in pixels of a proportional font.
#[derive(Debug, Clone, Copy)]
pub struct FontMeasure {
    pub font_size: f64,
}

impl Default for FontMeasure {
    fn default() -> Self {
        FontMeasure { font_size: 16.0 }
    }
}

impl FontMeasure {
    /// The advance of one character in em.
    fn advance_em(c: char, bold: bool) -> f64 {
        // Tabs and other controls never reach the SVG as glyphs; a tab is drawn as the
        // whitespace it stands for.
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() {
            return 0.0;
        }
        if let Some(em) = fonts::advance_em(c, bold) {
            return em;
        }
        // No bundled glyph: the renderer warns about it; reserve what a typical font
        // would take so neighbours do not overlap it.
        match c.width() {
            Some(0) => 0.0,
            Some(2) => 1.0,
            _ => 0.6,
        }
    }
}

impl super::TextMeasure for FontMeasure {
    fn line_width(&self, line: &TextLine) -> f64 {
        line.spans
            .iter()
            .map(|s| {
                s.text
                    .chars()
                    .map(|c| Self::advance_em(c, s.bold))
                    .sum::<f64>()
            })
            .sum::<f64>()
            * self.font_size
    }

    fn line_height(&self) -> f64 {
        self.font_size * 1.5
    }

    fn is_cells(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TextMeasure;
    use liutu_model::RichText;

    fn width(text: &str) -> f64 {
        let rich = RichText::plain(text);
        FontMeasure::default().line_width(&rich.lines[0])
    }

    #[test]
    fn latin_matches_arial_metrics() {
        // Arial / Liberation Sans: 'a' is 1139/2048 em, 'M' 1706/2048 em.
        assert!((width("a") - 16.0 * 1139.0 / 2048.0).abs() < 0.01);
        assert!((width("M") - 16.0 * 1706.0 / 2048.0).abs() < 0.01);
    }

    #[test]
    fn cjk_ideographs_are_one_em() {
        assert!((width("服务器") - 48.0).abs() < 0.01);
        assert!((width("カナ") - 32.0).abs() < 0.01);
        assert!((width("한글") - 32.0).abs() < 0.01);
    }

    #[test]
    fn bold_is_wider() {
        let mut rich = RichText::plain("Bold");
        let plain = FontMeasure::default().line_width(&rich.lines[0]);
        rich.lines[0].spans[0].bold = true;
        let bold = FontMeasure::default().line_width(&rich.lines[0]);
        assert!(bold > plain);
    }

    #[test]
    fn unknown_characters_still_take_room() {
        // U+E000 is private use: no bundled font draws it.
        assert!(width("\u{E000}") > 0.0);
        assert_eq!(
            fonts::missing_glyphs("a\u{E000}b\u{E000}"),
            vec!['\u{E000}']
        );
        assert!(fonts::missing_glyphs("服务 ok\t").is_empty());
    }
}
