//! Terminal widths: columns per grapheme cluster.

use liutu_model::TextLine;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Measures text in character cells.
///
/// Normally a cell is one terminal column. With `ambiguous_wide` — terminals that draw
/// box-drawing characters (East Asian Ambiguous) two columns wide — every cell is two
/// columns, so that a box-drawing glyph fills exactly one cell, and a label takes half its
/// column count, rounded up.
#[derive(Debug, Clone, Copy, Default)]
pub struct CellMeasure {
    /// Count East Asian Ambiguous characters as two columns, as CJK-configured terminals do.
    pub ambiguous_wide: bool,
}

impl super::TextMeasure for CellMeasure {
    fn line_width(&self, line: &TextLine) -> f64 {
        let columns: usize = line
            .spans
            .iter()
            .map(|s| display_width(&s.text, self.ambiguous_wide))
            .sum();
        if self.ambiguous_wide {
            columns.div_ceil(2) as f64
        } else {
            columns as f64
        }
    }

    fn line_height(&self) -> f64 {
        1.0
    }

    fn is_cells(&self) -> bool {
        true
    }
}

/// Columns `text` takes in a terminal, measured one grapheme cluster at a time.
pub fn display_width(text: &str, ambiguous_wide: bool) -> usize {
    graphemes(text, ambiguous_wide).map(|(_, w)| w).sum()
}

/// Each grapheme cluster of `text` with its width in columns (1 or 2; never 0, so that a
/// stray combining mark still gets a cell of its own and nothing is lost).
///
/// Call [`clean_label`] first: control characters are not measured here.
pub fn graphemes(text: &str, ambiguous_wide: bool) -> impl Iterator<Item = (&str, usize)> {
    text.graphemes(true).map(move |g| {
        let w = if ambiguous_wide {
            g.width_cjk()
        } else {
            g.width()
        };
        (g, w.clamp(1, 2))
    })
}

/// Makes a label safe to draw in a terminal: tabs become spaces, other control characters
/// become visible `\u{..}` escapes, so nothing invisible can move the cursor.
pub fn clean_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Breaks `text` into lines of at most `max` terminal columns; see [`crate::wrap_by`].
pub fn wrap(text: &str, max: usize, ambiguous_wide: bool) -> Vec<String> {
    crate::wrap_by(text, max.max(2) as f64, &|s| {
        display_width(s, ambiguous_wide) as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_latin_at_spaces_and_cjk_anywhere() {
        assert_eq!(
            wrap("Gather all requirements", 12, false),
            vec!["Gather all", "requirements"]
        );
        assert_eq!(
            wrap("服务器对接流程图", 6, false),
            vec!["服务器", "对接流", "程图"]
        );
        assert_eq!(
            wrap("API 网关 gateway", 8, false),
            vec!["API 网关", "gateway"]
        );
        assert_eq!(wrap("short", 10, false), vec!["short"]);
        // A word longer than the line is cut, never inside a grapheme.
        assert_eq!(wrap("abcdefghij", 4, false), vec!["abcd", "efgh", "ij"]);
        for line in wrap("需求分析 and design-review 设计规划", 7, false) {
            assert!(display_width(&line, false) <= 7, "{line}");
        }
    }

    #[test]
    fn chinese_is_two_columns() {
        assert_eq!(display_width("需求分析", false), 8);
        assert_eq!(display_width("API 网关", false), 8);
    }

    #[test]
    fn box_drawing_is_ambiguous() {
        assert_eq!(display_width("─", false), 1);
        assert_eq!(display_width("─", true), 2);
        // The default arrowheads are never ambiguous.
        assert_eq!(display_width("▸▾◂▴", true), 4);
    }

    #[test]
    fn emoji_sequences_are_one_cluster() {
        let family = "👨‍👩‍👧";
        assert_eq!(graphemes(family, false).count(), 1);
        assert_eq!(display_width(family, false), 2);
        // A combining mark joins its base letter.
        assert_eq!(display_width("e\u{301}", false), 1);
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean_label("a\tb"), "a    b");
        assert_eq!(clean_label("a\u{1b}[31m"), "a\\u{1b}[31m");
    }
}
