//! The width service shared by every output.
//!
//! In: label text. Out: its size — in terminal cells ([`CellMeasure`]) or in pixels of a
//! font ([`FontMeasure`]). Layout asks a [`TextMeasure`] and never looks at characters
//! itself; the text-art canvas uses [`graphemes`] so that what is measured is exactly what
//! is drawn.

mod cells;
mod font;
pub mod fonts;
mod wrap;

pub use cells::{CellMeasure, clean_label, display_width, graphemes, wrap};
pub use font::FontMeasure;
pub use wrap::wrap_by;

use liutu_model::TextLine;

/// Measures lines of label text.
pub trait TextMeasure {
    /// The advance width of one line.
    fn line_width(&self, line: &TextLine) -> f64;
    /// The distance from one line's top to the next line's top.
    fn line_height(&self) -> f64;
    /// True when results are whole character cells.
    fn is_cells(&self) -> bool;

    /// Width and height of a whole label.
    fn text_size(&self, text: &liutu_model::RichText) -> (f64, f64) {
        let width = text
            .lines
            .iter()
            .map(|l| self.line_width(l))
            .fold(0.0, f64::max);
        (width, text.lines.len().max(1) as f64 * self.line_height())
    }
}
