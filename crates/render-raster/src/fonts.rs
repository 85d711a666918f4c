//! The font database PNG and PDF draw with.
//!
//! In: nothing — the fonts are the ones `liutu-measure` bundles. Out: a shared
//! `fontdb::Database` holding only those fonts (never the system's, so output is the same
//! on a machine with no fonts installed), with the generic `sans-serif` family mapped to
//! Liberation Sans; CJK characters reach Droid Sans Fallback through usvg's per-character
//! fallback. Also: which characters of a document no bundled font can draw.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb::{Database, Source};
use resvg::usvg::roxmltree;

/// The shared database, built on first use.
pub fn database() -> Arc<Database> {
    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        for font in liutu_measure::fonts::all() {
            // `&'static [u8]` is shared, not copied.
            db.load_font_source(Source::Binary(Arc::new(font)));
        }
        let latin = liutu_measure::fonts::LATIN_FAMILY;
        db.set_sans_serif_family(latin);
        db.set_serif_family(latin);
        db.set_monospace_family(latin);
        db.set_cursive_family(latin);
        db.set_fantasy_family(latin);
        Arc::new(db)
    })
    .clone()
}

/// Distinct characters inside `<text>` elements of `svg` that no bundled font has, in
/// order of first appearance. An SVG that does not parse has none (usvg reports it).
pub fn missing_glyphs(svg: &str) -> Vec<char> {
    let Ok(doc) = roxmltree::Document::parse(svg) else {
        return Vec::new();
    };
    let mut text = String::new();
    for node in doc.descendants().filter(|n| n.is_text()) {
        let in_text = node
            .ancestors()
            .any(|a| a.is_element() && a.tag_name().name() == "text");
        if in_text {
            text.push_str(node.text().unwrap_or_default());
        }
    }
    liutu_measure::fonts::missing_glyphs(&text)
}
