//! Terminal widths: columns per grapheme cluster.

use liutu_model::TextLine;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
///
/// Text art is mostly ASCII and box drawing, which are one character per cluster, so
/// those characters are measured alone and only the rest is segmented into clusters.
/// A simple character is measured alone only between two other simple characters (or
/// the ends of the text): then it neither extends a cluster before it (it is no mark, no
/// joiner) nor is extended by the next one, and the sum is exactly the clusters' sum.
pub fn display_width(text: &str, ambiguous_wide: bool) -> usize {
    let is_simple = |c: char| matches!(c, ' '..='~' | '\u{2500}'..='\u{25FF}');
    let char_width = |c: char| {
        let w = if ambiguous_wide {
            UnicodeWidthChar::width_cjk(c)
        } else {
            UnicodeWidthChar::width(c)
        };
        w.unwrap_or(1).clamp(1, 2)
    };
    let mut total = 0;
    // Where the text not yet measured starts (it is all complex), if anywhere.
    let mut complex_from: Option<usize> = None;
    let mut previous_simple = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_simple = chars.peek().is_none_or(|&(_, n)| is_simple(n));
        if is_simple(c) && previous_simple && next_simple {
            if let Some(from) = complex_from.take() {
                total += cluster_width(&text[from..i], ambiguous_wide);
            }
            total += char_width(c);
        } else if complex_from.is_none() {
            complex_from = Some(i);
        }
        previous_simple = is_simple(c);
    }
    if let Some(from) = complex_from {
        total += cluster_width(&text[from..], ambiguous_wide);
    }
    total
}

/// The width of `text` summed over its grapheme clusters.
fn cluster_width(text: &str, ambiguous_wide: bool) -> usize {
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
        // Names and paths break where a reader would, not at the last column that fits.
        assert_eq!(
            wrap("DBServer\\:MSSQLSERVER", 20, false),
            vec!["DBServer\\:", "MSSQLSERVER"]
        );
        assert_eq!(
            wrap("[DBServer\\SharedDbInstance].[DevelopmentDb]", 24, false),
            vec!["[DBServer\\", "SharedDbInstance].", "[DevelopmentDb]"]
        );
        assert_eq!(
            wrap("src/layout/order.rs", 12, false),
            vec!["src/layout/", "order.rs"]
        );
        assert_eq!(
            wrap("getOrderStatusFromCache", 12, false),
            vec!["getOrder", "StatusFrom", "Cache"]
        );
        // A break that would leave less than a third of the line is not taken.
        assert_eq!(wrap("a.bcdefghijkl", 9, false), vec!["a.bcdefgh", "ijkl"]);
        for line in wrap("需求分析 and design-review 设计规划", 7, false) {
            assert!(display_width(&line, false) <= 7, "{line}");
        }
    }

    #[test]
    fn measuring_simple_characters_alone_changes_nothing() {
        // Marks, joiners, variation selectors, pictographs that join (© ▶ ▸), CJK and
        // box drawing, mixed pseudo-randomly (a fixed LCG), against whole segmentation.
        let alphabet = [
            "a",
            " ",
            "─",
            "┼",
            "▸",
            "▶",
            "©",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "需",
            "\u{1F600}",
            "\u{1F1E8}",
            "\u{600}",
            "e\u{301}",
            "が",
            "\u{1100}",
            "\u{1161}",
        ];
        let mut seed = 0x9e37_79b9_u64;
        for _ in 0..5_000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            for wide in [false, true] {
                assert_eq!(display_width(&s, wide), cluster_width(&s, wide), "{s:?}");
            }
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
