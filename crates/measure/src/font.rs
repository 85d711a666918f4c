//! Pixel widths for SVG and PNG.
//!
//! An approximation of Liberation Sans / Arial advances at Mermaid's default 16 px size:
//! per-character widths for ASCII, 1 em for wide (CJK) characters. Replaced by real font
//! metrics from the bundled fonts in the SVG issue.

use liutu_model::TextLine;
use unicode_width::UnicodeWidthChar;

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
    fn advance_em(c: char, bold: bool) -> f64 {
        let base = match c {
            'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.222,
            'f' | 't' | 'I' | ' ' | '[' | ']' | '(' | ')' | '/' | '\\' => 0.278,
            'r' | '-' | '"' => 0.333,
            'm' | 'M' => 0.833,
            'w' | 'W' => 0.75,
            'A'..='Z' => 0.667,
            '0'..='9' | 'a'..='z' | '_' | '?' | '$' => 0.556,
            c if c.width() == Some(2) => 1.0,
            _ => 0.6,
        };
        if bold { base * 1.06 } else { base }
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
