//! The fonts liutu bundles, and per-character advances read from them.
//!
//! In: a character (and whether it is bold). Out: its advance in em, read with `skrifa`
//! from the embedded font files, or whether any bundled font has a glyph for it. The same
//! bytes are handed to the PNG and PDF renderers ([`LATIN_REGULAR`], [`LATIN_BOLD`],
//! [`CJK`]) so what layout measures is what gets drawn, on any machine.
//!
//! Fallback is per character, Latin font first, then the CJK font — the order a browser
//! and resvg use for the family stack `Liberation Sans, Droid Sans Fallback`.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider, charmap::Charmap};

/// Liberation Sans Regular (SIL OFL 1.1): metric-compatible with Arial, which is what
/// mermaid-cli measures with on Linux.
pub static LATIN_REGULAR: &[u8] =
    include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold (SIL OFL 1.1).
pub static LATIN_BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");
/// Droid Sans Fallback Full (Apache 2.0): CJK ideographs, kana and hangul in one file.
pub static CJK: &[u8] = include_bytes!("../../../assets/fonts/DroidSansFallbackFull.ttf");

/// Family name of [`LATIN_REGULAR`] and [`LATIN_BOLD`] as written in the fonts.
pub const LATIN_FAMILY: &str = "Liberation Sans";
/// Family name of [`CJK`] as written in the font.
pub const CJK_FAMILY: &str = "Droid Sans Fallback";

/// Every bundled font file, in fallback order for regular text.
pub fn all() -> [&'static [u8]; 3] {
    [LATIN_REGULAR, LATIN_BOLD, CJK]
}

/// A parsed font: its character map and advances in em (`Size::new(1.0)` scales font
/// units to em), parsed once and kept for the life of the process.
struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        Some(Face {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::new(1.0), LocationRef::default()),
        })
    }

    fn advance(&self, c: char) -> Option<f64> {
        let glyph = self.charmap.map(c)?;
        // Glyph 0 is .notdef: the font does not really have this character.
        if glyph.to_u32() == 0 {
            return None;
        }
        self.metrics.advance_width(glyph).map(f64::from)
    }
}

/// Each face is parsed the first time it is asked for: a chart without bold text never
/// reads the bold font's tables (pages of the binary a small chart need not touch).
fn face(which: usize) -> Option<&'static Face> {
    static FACES: [OnceLock<Option<Face>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    FACES[which]
        .get_or_init(|| Face::parse(all()[which]))
        .as_ref()
}

/// The advance of `c` in em from the first bundled font that has it (bold Latin face for
/// bold text), or `None` when no bundled font has a glyph for it.
pub fn advance_em(c: char, bold: bool) -> Option<f64> {
    // Indices into `all()`: regular, bold, CJK.
    let latin = if bold { 1 } else { 0 };
    [latin, 2]
        .into_iter()
        .find_map(|which| face(which)?.advance(c))
}

/// True when some bundled font draws `c`. Whitespace and other invisible characters
/// count as drawn: nothing is missing when nothing is to be seen.
pub fn has_glyph(c: char) -> bool {
    // The Latin face draws all of ASCII (a test holds it to that): no table lookup.
    c.is_ascii() || c.is_whitespace() || c.is_control() || advance_em(c, false).is_some()
}

/// The distinct characters of `text` that no bundled font can draw, in order of first
/// appearance: PNG and PDF report them instead of drawing empty boxes.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let mut missing = Vec::new();
    for c in text.chars() {
        if !has_glyph(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_latin_faces_draw_all_of_ascii() {
        // `has_glyph` answers ASCII without a lookup on the strength of this.
        for c in (0x20u8..0x7f).map(char::from) {
            assert!(advance_em(c, false).is_some(), "{c:?} regular");
            assert!(advance_em(c, true).is_some(), "{c:?} bold");
        }
    }

    #[test]
    fn missing_glyphs_lists_each_undrawable_character_once() {
        assert_eq!(
            missing_glyphs("ab 需求 \u{10FFFD}x\u{10FFFD}"),
            vec!['\u{10FFFD}']
        );
    }
}
