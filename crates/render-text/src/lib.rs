//! Text art: a scene laid out in character cells, drawn with box-drawing characters.
//!
//! In: a [`Scene`] whose units are [`Units::Cells`]. Out: a `String`, one line per row,
//! trailing spaces trimmed. Every stroke is recorded per cell as a 4-bit N/E/S/W mask and
//! turned into a glyph only at the end ([`glyphs`]), so every junction, tee and crossing
//! is the right character. Wide characters take two cells and are never split.

mod canvas;
mod color;
mod edges;
mod glyphs;
mod sequence;
mod shapes;

pub use glyphs::Charset;

use canvas::Canvas;
use liutu_scene::{Scene, Units};

/// How to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    pub charset: Charset,
    /// Measure East Asian Ambiguous characters as two columns (must match the layout's
    /// measure).
    pub ambiguous_wide: bool,
    /// Colour what the diagram styles with ANSI escapes.
    pub color: bool,
}

/// Draws `scene`. A scene in pixels is rejected with a message (it would need a layout in
/// cells).
pub fn render(scene: &Scene, options: &TextOptions) -> Result<String, String> {
    if scene.units != Units::Cells {
        return Err("text art needs a scene laid out in cells".into());
    }
    // Sequence diagrams have their own drawing order and glyphs (`sequence.rs`).
    if let Some(parts) = &scene.sequence {
        return Ok(sequence::render(scene, parts, options));
    }
    let mut canvas = Canvas::new(
        scene.width as usize,
        scene.height as usize,
        options.ambiguous_wide,
    );
    for cluster in &scene.clusters {
        shapes::draw_frame(&mut canvas, cluster);
    }
    for node in &scene.nodes {
        shapes::draw_node(&mut canvas, node);
    }
    for edge in &scene.edges {
        edges::draw_edge(&mut canvas, edge);
    }
    if options.color {
        canvas.set_color(true);
        for cluster in &scene.clusters {
            color::paint_cluster(&mut canvas, cluster);
        }
        for node in &scene.nodes {
            color::paint_node(&mut canvas, node);
        }
        for edge in &scene.edges {
            color::paint_edge(&mut canvas, edge);
        }
    }
    // Text goes last: nothing may cover a label.
    for cluster in &scene.clusters {
        shapes::draw_title(&mut canvas, cluster);
    }
    for node in &scene.nodes {
        canvas.text_block(&node.label);
    }
    for edge in &scene.edges {
        if let Some(label) = &edge.label {
            canvas.text_block(label);
        }
    }
    Ok(canvas.finish(options.charset))
}
