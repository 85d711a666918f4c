//! Graphics through the whole pipeline: every diagram we can find becomes an SVG that is
//! well-formed, has no `<foreignObject>` and renders with resvg; a few charts are kept as
//! PNG goldens, compared with a small tolerance (font rasterisation may differ by a shade
//! between builds, never by a shape).
//!
//! Diagrams: the repository's examples always; the Mermaid corpus and the bench cases in
//! `../shared` when present (skipped with a note otherwise).

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::FontMeasure;
use liutu_render_raster::{Rgba, png};
use liutu_render_svg::{SvgOptions, render};
use resvg::tiny_skia::Pixmap;

/// SVG of a source, or `None` when it does not read without errors.
fn svg(source: &str) -> Option<String> {
    let read = liutu_syntax::read(source);
    if read.has_errors() {
        return None;
    }
    let scene = layout(
        &read.diagram?,
        &FontMeasure::default(),
        &LayoutOptions::default(),
    );
    Some(render(&scene, &SvgOptions::default()))
}

fn check(name: &str, source: &str) -> Result<bool, String> {
    let Some(svg) = svg(source) else {
        return Ok(false);
    };
    if svg.contains("<foreignObject") {
        return Err(format!("{name}: has a foreignObject"));
    }
    // resvg parses the XML strictly: a malformed document is an error here.
    png(&svg, 0.25, Some(Rgba::WHITE)).map_err(|e| format!("{name}: {e}"))?;
    Ok(true)
}

#[test]
fn examples_render_as_valid_svg_and_png() {
    let files = liutu_testkit::examples();
    assert!(files.len() >= 6, "examples: {}", files.len());
    for (name, source) in files {
        assert_eq!(check(&name, &source), Ok(true), "{name}");
    }
}

#[test]
fn corpus_and_bench_render_as_valid_svg_and_png() {
    let Some(mut files) = liutu_testkit::corpus(None, "ok") else {
        println!("note: ../shared/corpus not found; skipping the corpus SVG check");
        return;
    };
    files.extend(liutu_testkit::bench(&liutu_testkit::BENCH_FLOWCHARTS));
    files.extend(liutu_testkit::bench(&["api-callback-sequence"]));
    let mut checked = 0;
    let mut problems = Vec::new();
    for (name, source) in &files {
        match check(name, source) {
            Ok(true) => checked += 1,
            Ok(false) => {}
            Err(e) => problems.push(e),
        }
    }
    println!("rendered {checked} corpus and bench diagrams as SVG and PNG");
    assert!(checked > 500, "only {checked} rendered");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Compares with `tests/golden/NAME.png`: same size, and at most 0.5 % of pixels off by
/// more than a shade. `UPDATE_GOLDEN=1` rewrites the golden; a missing golden fails.
fn png_golden(name: &str, bytes: &[u8]) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.png"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, bytes).expect("write golden");
        return;
    }
    let expected = Pixmap::load_png(&path)
        .unwrap_or_else(|_| panic!("missing golden {name}.png: run with UPDATE_GOLDEN=1"));
    let actual = Pixmap::decode_png(bytes).expect("a PNG");
    assert_eq!(
        (actual.width(), actual.height()),
        (expected.width(), expected.height()),
        "{name}: size"
    );
    let differing = actual
        .data()
        .chunks(4)
        .zip(expected.data().chunks(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count();
    let total = (actual.width() * actual.height()) as usize;
    assert!(
        differing * 200 <= total,
        "{name}: {differing} of {total} pixels differ from the golden (UPDATE_GOLDEN=1 to accept)"
    );
}

#[test]
fn png_goldens() {
    for name in [
        "server-integration",
        "integration-phases",
        "payment-callback",
    ] {
        let source = std::fs::read_to_string(
            liutu_testkit::workspace().join(format!("examples/{name}.mmd")),
        )
        .expect("example");
        let svg = svg(&source).expect("reads");
        let out = png(&svg, 1.0, Some(Rgba::WHITE)).expect("renders");
        assert!(out.warnings.is_empty(), "{name}: {:?}", out.warnings);
        png_golden(name, &out.bytes);
    }
}
