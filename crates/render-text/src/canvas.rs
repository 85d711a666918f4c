//! The character grid: strokes, fixed glyphs and text per cell.

use crate::glyphs::{self, Charset, Strokes, Weight};
use liutu_measure::{clean_label, graphemes};
use liutu_model::Rgba;
use liutu_scene::Label;

/// One cell; 16 bytes, since a big chart's canvas has hundreds of thousands of them.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    strokes: Strokes,
    /// A fixed glyph: an arrowhead or end marker, shown over strokes (`glyph_when` is
    /// [`MARKER`]), or a shape's own glyph, shown while the strokes are still the mask
    /// in `glyph_when`. A marker is never replaced by a shape glyph.
    glyph: Option<char>,
    glyph_when: u8,
    /// A grapheme of text, as an index into [`Canvas::texts`] (kept apart so that the
    /// many cells without text stay small); the cell after a wide one is a continuation.
    text: Option<std::num::NonZeroU32>,
    continuation: bool,
}

/// `Cell::glyph_when` of a marker: shown whatever the strokes (no mask is this).
const MARKER: u8 = u8::MAX;

impl Cell {
    fn marker(&self) -> Option<char> {
        self.glyph.filter(|_| self.glyph_when == MARKER)
    }

    /// The shape glyph, if the strokes have not changed since it was set.
    fn shape(&self) -> Option<char> {
        self.glyph
            .filter(|_| self.glyph_when == self.strokes.mask())
    }

    fn set_marker(&mut self, glyph: char) {
        self.glyph = Some(glyph);
        self.glyph_when = MARKER;
    }
}

/// A cell's colours from styles (foreground, background).
type Colours = (Option<Rgba>, Option<Rgba>);

/// A grid of cells, drawn into and then printed.
pub struct Canvas {
    width: usize,
    height: usize,
    cells: Vec<Cell>,
    /// The text of every cell that has some (the first entry is never used, so that an
    /// index is never zero).
    texts: Vec<String>,
    ambiguous_wide: bool,
    /// Markers waiting for the charset (arrowheads are chosen at print time).
    heads: Vec<(usize, u8)>,
    /// Per cell, when colour output is on (empty otherwise: most output has none).
    colours: Vec<Colours>,
}

impl Canvas {
    pub fn new(width: usize, height: usize, ambiguous_wide: bool) -> Self {
        // One spare column so a wide character at the right edge still fits.
        let width = width + 1;
        Canvas {
            width,
            height,
            cells: vec![Cell::default(); width * height],
            texts: vec![String::new()],
            ambiguous_wide,
            heads: Vec::new(),
            colours: Vec::new(),
        }
    }

    /// Turns ANSI colour output on or off (off by default).
    pub fn set_color(&mut self, on: bool) {
        self.colours = if on {
            vec![(None, None); self.cells.len()]
        } else {
            Vec::new()
        };
    }

    /// Sets the foreground colour of a cell.
    pub fn paint_fg(&mut self, x: i64, y: i64, colour: Rgba) {
        if let Some(c) = self.index(x, y).and_then(|i| self.colours.get_mut(i)) {
            c.0 = Some(colour);
        }
    }

    /// Sets the background colour of a cell.
    pub fn paint_bg(&mut self, x: i64, y: i64, colour: Rgba) {
        if let Some(c) = self.index(x, y).and_then(|i| self.colours.get_mut(i)) {
            c.1 = Some(colour);
        }
    }

    /// The index of cell `(x, y)`, if it is on the canvas.
    fn index(&self, x: i64, y: i64) -> Option<usize> {
        let inside = x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height;
        inside.then(|| y as usize * self.width + x as usize)
    }

    fn cell(&mut self, x: i64, y: i64) -> Option<&mut Cell> {
        self.index(x, y).map(|i| &mut self.cells[i])
    }

    /// Adds stroke directions to a cell.
    pub fn stroke(&mut self, x: i64, y: i64, weight: Weight, mask: u8) {
        if let Some(c) = self.cell(x, y) {
            c.strokes.add(weight, mask);
        }
    }

    pub fn round_corner(&mut self, x: i64, y: i64) {
        if let Some(c) = self.cell(x, y) {
            c.strokes.rounded = true;
        }
    }

    /// A shape glyph for a cell, kept only while nothing else joins the cell.
    pub fn shape_glyph(&mut self, x: i64, y: i64, glyph: char) {
        if let Some(c) = self.cell(x, y)
            && c.marker().is_none()
        {
            c.glyph = Some(glyph);
            c.glyph_when = c.strokes.mask();
        }
    }

    /// An arrowhead pointing `towards` (a mask bit), chosen per charset at print time.
    pub fn arrowhead(&mut self, x: i64, y: i64, towards: u8) {
        let width = self.width;
        if self.cell(x, y).is_some() {
            self.heads.push((y as usize * width + x as usize, towards));
        }
    }

    /// A fixed end marker (`o`, `x`).
    pub fn marker(&mut self, x: i64, y: i64, glyph: char) {
        if let Some(c) = self.cell(x, y) {
            c.set_marker(glyph);
        }
    }

    /// Writes one line of text from `x`, a grapheme per cell (two for wide ones).
    pub fn text(&mut self, mut x: i64, y: i64, text: &str) {
        let ambiguous_wide = self.ambiguous_wide;
        let clean = clean_label(text);
        if ambiguous_wide {
            // Cells are two columns: the run goes in its first cell, padded to whole cells.
            let columns = liutu_measure::display_width(&clean, true);
            if columns == 0 {
                return;
            }
            let cells = columns.div_ceil(2) as i64;
            let mut run = clean;
            if columns % 2 == 1 {
                run.push(' ');
            }
            self.put_text(x, y, run);
            for i in 1..cells {
                if let Some(c) = self.cell(x + i, y) {
                    c.text = None;
                    c.continuation = true;
                }
            }
            return;
        }
        for (g, w) in graphemes(&clean, ambiguous_wide) {
            self.put_text(x, y, g.to_string());
            if w == 2
                && let Some(c) = self.cell(x + 1, y)
            {
                c.text = None;
                c.continuation = true;
            }
            x += w as i64;
        }
    }

    fn put_text(&mut self, x: i64, y: i64, text: String) {
        let index = std::num::NonZeroU32::new(self.texts.len() as u32);
        if let Some(c) = self.cell(x, y) {
            c.text = index;
            c.continuation = false;
            self.texts.push(text);
        }
    }

    /// Writes a label, each line centred in its box.
    pub fn text_block(&mut self, label: &Label) {
        for (i, line) in label.text.lines.iter().enumerate() {
            let text: String = line.spans.iter().map(|s| s.text.as_str()).collect();
            let mut width = liutu_measure::display_width(&clean_label(&text), self.ambiguous_wide);
            if self.ambiguous_wide {
                width = width.div_ceil(2);
            }
            let x = label.rect.x + ((label.rect.width - width as f64) / 2.0).max(0.0).floor();
            self.text(x as i64, label.rect.y as i64 + i as i64, &text);
        }
    }

    /// Prints the grid: one line per row, trailing spaces trimmed, no trailing blank rows.
    pub fn finish(mut self, charset: Charset) -> String {
        // Two-column cells only matter where box drawing is used at all.
        let wide = self.ambiguous_wide && charset == Charset::Unicode;
        for &(i, towards) in &self.heads {
            self.cells[i].set_marker(glyphs::arrow(towards, charset, wide));
        }
        let mut lines: Vec<String> = Vec::with_capacity(self.height);
        let color = !self.colours.is_empty();
        for (y, row) in self.cells.chunks(self.width).enumerate() {
            let colours = |x: usize| {
                self.colours
                    .get(y * self.width + x)
                    .copied()
                    .unwrap_or_default()
            };
            let mut line = String::with_capacity(row.len());
            // The colours in effect, to write an escape only where they change.
            let mut current = Colours::default();
            // Trailing blank cells are trimmed, unless painted.
            let last = (0..row.len())
                .rposition(|x| {
                    let c = &row[x];
                    c.text.is_some()
                        || c.marker().is_some()
                        || c.strokes.mask() != 0
                        || colours(x).1.is_some()
                })
                .map_or(0, |i| i + 1);
            for (x, c) in row[..last].iter().enumerate() {
                if c.continuation {
                    continue;
                }
                if colours(x) != current {
                    current = colours(x);
                    line.push_str(&ansi(current.0, current.1));
                }
                let glyph = if let Some(t) = c.text {
                    line.push_str(&self.texts[t.get() as usize]);
                    continue;
                } else if let Some(m) = c.marker() {
                    ascii_marker(m, charset)
                } else if let Some(g) = c.shape() {
                    if charset == Charset::Ascii {
                        ascii_shape(g)
                    } else {
                        g
                    }
                } else {
                    c.strokes.glyph(charset)
                };
                line.push(glyph);
                // A two-column cell holding a one-column glyph (a space, `(`) is padded.
                if wide && unicode_width::UnicodeWidthChar::width_cjk(glyph) != Some(2) {
                    line.push(' ');
                }
            }
            if current != Colours::default() {
                line.push_str("\x1b[0m");
            }
            lines.push(if color {
                line
            } else {
                line.trim_end().to_string()
            });
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}

/// The escape that switches to these colours (24-bit), resetting first.
fn ansi(fg: Option<Rgba>, bg: Option<Rgba>) -> String {
    let mut out = String::from("\x1b[0m");
    if let Some(c) = fg {
        out.push_str(&format!("\x1b[38;2;{};{};{}m", c.r, c.g, c.b));
    }
    if let Some(c) = bg {
        out.push_str(&format!("\x1b[48;2;{};{};{}m", c.r, c.g, c.b));
    }
    out
}

fn ascii_marker(m: char, charset: Charset) -> char {
    if charset == Charset::Ascii && !m.is_ascii() {
        '*'
    } else {
        m
    }
}

/// The ASCII stand-in for a shape glyph.
fn ascii_shape(g: char) -> char {
    match g {
        '╱' => '/',
        '╲' => '\\',
        '│' | '║' | '┃' => '|',
        '─' | '═' | '━' => '-',
        c if c.is_ascii() => c,
        _ => '+',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_stays_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Cell>(), 16);
    }

    #[test]
    fn a_marker_wins_over_a_shape_glyph_set_before_or_after_it() {
        for marker_first in [true, false] {
            let mut canvas = Canvas::new(1, 1, false);
            if marker_first {
                canvas.marker(0, 0, 'o');
                canvas.shape_glyph(0, 0, '(');
            } else {
                canvas.shape_glyph(0, 0, '(');
                canvas.marker(0, 0, 'o');
            }
            assert_eq!(
                canvas.finish(Charset::Unicode),
                "o\n",
                "marker first: {marker_first}"
            );
        }
        // A shape glyph shows only while nothing else joins its cell.
        let mut canvas = Canvas::new(1, 1, false);
        canvas.shape_glyph(0, 0, '(');
        canvas.stroke(0, 0, Weight::Light, 0b0101);
        assert_ne!(canvas.finish(Charset::Unicode), "(\n");
    }
}
