//! Labels as plain SVG text.
//!
//! In: a scene [`Label`] (rich text and the box layout reserved for it) and its colours.
//! Out: one `<text>` per line, centred in the box, with `<tspan>`s carrying
//! `font-weight="bold"` / `font-style="italic"` for emphasised spans. No
//! `<foreignObject>`: resvg, librsvg, Inkscape and PDF converters all read this.
//!
//! Line boxes are the measure's: `FontMeasure::line_height()` (1.5 em) each, and the
//! baseline sits where a browser puts it for that line height with Liberation Sans
//! (ascent 0.905 em, descent 0.212 em, half the leftover as leading above). Font family
//! and size are inherited from the document's root group.

use liutu_measure::{FontMeasure, TextMeasure};
use liutu_model::TextLine;
use liutu_scene::Label;

use crate::style::TextPaint;
use crate::writer::Writer;

/// Liberation Sans hhea ascent and descent, in em.
const ASCENT: f64 = 1854.0 / 2048.0;
const DESCENT: f64 = 434.0 / 2048.0;

/// Font size and line height: the ones layout measured with.
pub fn metrics() -> (f64, f64) {
    let m = FontMeasure::default();
    (m.font_size, m.line_height())
}

/// Distance from a line box's top to its baseline.
fn baseline_offset(font_size: f64, line_height: f64) -> f64 {
    (line_height - (ASCENT + DESCENT) * font_size) / 2.0 + ASCENT * font_size
}

fn line_is_empty(line: &TextLine) -> bool {
    line.spans.iter().all(|s| s.text.is_empty())
}

/// Writes the label's lines (nothing for an empty label).
pub fn write_label(w: &mut Writer, label: &Label, paint: &TextPaint) {
    if label.text.is_empty() {
        return;
    }
    let (font_size, line_height) = metrics();
    let rect = &label.rect;
    let n = label.text.lines.len() as f64;
    // Lines are stacked from the top of the box; if layout gave the box more height than
    // the lines need, the block is centred in it instead of hanging at the top.
    let slack = if rect.height.is_finite() {
        (rect.height - n * line_height).max(0.0) / 2.0
    } else {
        0.0
    };
    let x = rect.x + rect.width / 2.0;
    let top = rect.y + slack;
    let base = baseline_offset(font_size, line_height);
    for (i, line) in label.text.lines.iter().enumerate() {
        if line_is_empty(line) {
            continue;
        }
        let y = top + i as f64 * line_height + base;
        w.start("text")
            .num("x", x)
            .num("y", y)
            .attr("text-anchor", "middle")
            .attr("fill", &paint.fill)
            .attr_opt("font-weight", paint.weight.as_deref())
            .attr_opt("font-style", paint.style.as_deref())
            .attr_opt("text-decoration", paint.decoration.as_deref())
            .attr("xml:space", "preserve");
        let plain = line.spans.len() == 1 && !line.spans[0].bold && !line.spans[0].italic;
        w.inline_content("text", |t| {
            if plain {
                t.text(&line.spans[0].text);
                return;
            }
            for span in &line.spans {
                let mut attrs: Vec<(&str, &str)> = Vec::new();
                if span.bold {
                    attrs.push(("font-weight", "bold"));
                }
                if span.italic {
                    attrs.push(("font-style", "italic"));
                }
                t.element("tspan", &attrs, &span.text);
            }
        });
    }
}

/// The vertical position of a label's first baseline below `top`.
#[cfg(test)]
fn first_baseline(top: f64) -> String {
    let (font_size, line_height) = metrics();
    crate::writer::num(top + baseline_offset(font_size, line_height)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baseline_matches_a_browser_line_box() {
        // 16 px Liberation Sans in a 24 px line: baseline ~17.5 px below the top.
        assert_eq!(first_baseline(0.0), "17.55");
    }
}
