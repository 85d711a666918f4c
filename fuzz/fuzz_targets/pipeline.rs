//! Fuzz target: the whole pipeline — read, limits, layout in cells and in pixels, text
//! art in both charsets, SVG — on any UTF-8 input.
//!
//! Checks that nothing panics or hangs, that the limits are honoured as the command line
//! honours them (inputs over a limit stop there), that the SVG is well-formed XML and that
//! ASCII art draws with ASCII only (its labels may say anything).

#![no_main]

use libfuzzer_sys::fuzz_target;
use liutu_layout::LayoutOptions;
use liutu_measure::{CellMeasure, FontMeasure};
use liutu_render_text::{Charset, TextOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let read = liutu_syntax::read(source);
    if read.has_errors() {
        return;
    }
    let Some(diagram) = read.diagram else {
        return;
    };
    // Smaller than the defaults, so each input finishes in milliseconds.
    let limits = liutu_model::Limits {
        nodes: 500,
        edges: 1000,
        dummy_nodes: 2000,
        work_units: 2_000_000,
        ..liutu_model::Limits::default()
    };
    if limits.check_diagram(&diagram).is_err()
        || liutu_layout::limits::check(&diagram, &limits).is_err()
    {
        return;
    }
    let options = LayoutOptions::default();
    let cells = CellMeasure {
        ambiguous_wide: data.len() % 2 == 1,
    };
    let scene = liutu_layout::layout(&diagram, &cells, &options);
    for charset in [Charset::Unicode, Charset::Ascii] {
        let text_options = TextOptions {
            charset,
            ambiguous_wide: cells.ambiguous_wide,
            ..TextOptions::default()
        };
        if let Ok(text) = liutu_render_text::render(&scene, &text_options)
            && charset == Charset::Ascii
        {
            // Labels are drawn as written, box-drawing characters and all (a label may
            // say `#9658;`): only the drawing itself must be ASCII. The scene's debug
            // form holds every label's text.
            let labels = format!("{scene:?}");
            assert!(
                !text
                    .chars()
                    .any(|c| ('\u{2500}'..='\u{25ff}').contains(&c) && !labels.contains(c)),
                "box drawing in ASCII art"
            );
        }
    }
    let scene = liutu_layout::layout(&diagram, &FontMeasure::default(), &options);
    let svg = liutu_render_svg::render(&scene, &liutu_render_svg::SvgOptions::default());
    if let Err(e) = roxmltree::Document::parse(&svg) {
        panic!("SVG is not well-formed: {e}");
    }
});
