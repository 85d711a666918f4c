//! Benchmarks (divan) of every phase at 10, 100, 1,000 and 5,000 nodes, of parsing a
//! 10,000-edge chart (issue #3's target), and of the whole pipeline on the bundled
//! examples.
//!
//! Run: `cargo bench -p liutu-bench` (all), or with a filter, e.g.
//! `cargo bench -p liutu-bench -- layout_cells`. Inputs come from
//! [`liutu_bench::flowchart`]; each phase is timed on the output of the previous one,
//! prepared outside the timed part. Never part of CI: a benchmark, not a test.

use divan::{Bencher, black_box};
use liutu_layout::LayoutOptions;
use liutu_measure::{CellMeasure, FontMeasure};
use liutu_model::Diagram;
use liutu_render_svg::SvgOptions;
use liutu_render_text::{Charset, TextOptions};
use liutu_scene::Scene;

fn main() {
    divan::main();
}

/// Node counts of the generated charts.
const SIZES: [usize; 4] = [10, 100, 1000, 5000];
/// PNG and PDF rasterise the SVG; beyond 1,000 nodes the picture is too big to be useful.
const RASTER_SIZES: [usize; 3] = [10, 100, 1000];

fn diagram(source: &str) -> Diagram {
    match liutu_syntax::read(source).diagram {
        Some(d) => d,
        None => Diagram::Flowchart(liutu_model::Flowchart::default()),
    }
}

fn cells() -> CellMeasure {
    CellMeasure {
        ambiguous_wide: false,
    }
}

fn text_options() -> TextOptions {
    TextOptions {
        charset: Charset::Unicode,
        ..TextOptions::default()
    }
}

fn cell_scene(n: usize) -> Scene {
    liutu_layout::layout(
        &diagram(&liutu_bench::flowchart(n)),
        &cells(),
        &LayoutOptions::default(),
    )
}

fn pixel_scene(n: usize) -> Scene {
    liutu_layout::layout(
        &diagram(&liutu_bench::flowchart(n)),
        &FontMeasure::default(),
        &LayoutOptions::default(),
    )
}

#[divan::bench(args = SIZES, max_time = 5)]
fn parse(bencher: Bencher, n: usize) {
    let source = liutu_bench::flowchart(n);
    bencher.bench(|| liutu_syntax::read(black_box(&source)));
}

/// Issue #3's target: a 10,000-edge flowchart (7,500 nodes) parses in under 10 ms.
#[divan::bench(max_time = 5)]
fn parse_10k_edges(bencher: Bencher) {
    let source = liutu_bench::flowchart(liutu_bench::NODES_FOR_10K_EDGES);
    bencher.bench(|| liutu_syntax::read(black_box(&source)));
}

#[divan::bench(args = SIZES, max_time = 5)]
fn limits_check(bencher: Bencher, n: usize) {
    let d = diagram(&liutu_bench::flowchart(n));
    let limits = liutu_model::Limits::unlimited();
    bencher.bench(|| {
        let counts = limits.check_diagram(black_box(&d));
        (counts, liutu_layout::limits::check(black_box(&d), &limits))
    });
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 20)]
fn layout_cells(bencher: Bencher, n: usize) {
    let d = diagram(&liutu_bench::flowchart(n));
    let (measure, options) = (cells(), LayoutOptions::default());
    bencher.bench(|| liutu_layout::layout(black_box(&d), &measure, &options));
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 20)]
fn layout_pixels(bencher: Bencher, n: usize) {
    let d = diagram(&liutu_bench::flowchart(n));
    let (measure, options) = (FontMeasure::default(), LayoutOptions::default());
    bencher.bench(|| liutu_layout::layout(black_box(&d), &measure, &options));
}

#[divan::bench(args = SIZES, max_time = 5)]
fn render_text(bencher: Bencher, n: usize) {
    let scene = cell_scene(n);
    let options = text_options();
    bencher.bench(|| liutu_render_text::render(black_box(&scene), &options));
}

#[divan::bench(args = SIZES, max_time = 5)]
fn render_svg(bencher: Bencher, n: usize) {
    let scene = pixel_scene(n);
    let options = SvgOptions::default();
    bencher.bench(|| liutu_render_svg::render(black_box(&scene), &options));
}

#[divan::bench(args = SIZES, max_time = 5)]
fn render_json(bencher: Bencher, n: usize) {
    let scene = pixel_scene(n);
    bencher.bench(|| serde_json::to_string_pretty(black_box(&scene)).map(|s| s.len()));
}

#[divan::bench(args = RASTER_SIZES, sample_count = 10, max_time = 10)]
fn render_png(bencher: Bencher, n: usize) {
    let svg = liutu_render_svg::render(&pixel_scene(n), &SvgOptions::default());
    bencher.bench(|| liutu_render_raster::png(black_box(&svg), 1.0, None).map(|o| o.bytes.len()));
}

#[divan::bench(args = RASTER_SIZES, sample_count = 10, max_time = 10)]
fn render_pdf(bencher: Bencher, n: usize) {
    let svg = liutu_render_svg::render(&pixel_scene(n), &SvgOptions::default());
    bencher.bench(|| liutu_render_raster::pdf(black_box(&svg)).map(|o| o.bytes.len()));
}

/// The bundled examples, source to output, as `liutu FILE` and `liutu FILE -o x.svg` do.
const EXAMPLES: [(&str, &str); 5] = [
    (
        "server-integration",
        include_str!("../../../examples/server-integration.mmd"),
    ),
    (
        "server-integration.en",
        include_str!("../../../examples/server-integration.en.mmd"),
    ),
    (
        "integration-phases",
        include_str!("../../../examples/integration-phases.mmd"),
    ),
    (
        "integration-phases.en",
        include_str!("../../../examples/integration-phases.en.mmd"),
    ),
    (
        "payment-callback",
        include_str!("../../../examples/payment-callback.mmd"),
    ),
];

#[divan::bench(args = EXAMPLES.map(|(name, _)| name))]
fn pipeline_text(bencher: Bencher, name: &str) {
    let source = EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, s)| s);
    let (measure, options, text) = (cells(), LayoutOptions::default(), text_options());
    bencher.bench(|| {
        let d = diagram(black_box(source));
        let scene = liutu_layout::layout(&d, &measure, &options);
        liutu_render_text::render(&scene, &text)
    });
}

#[divan::bench(args = EXAMPLES.map(|(name, _)| name))]
fn pipeline_svg(bencher: Bencher, name: &str) {
    let source = EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, s)| s);
    let (measure, options, svg) = (
        FontMeasure::default(),
        LayoutOptions::default(),
        SvgOptions::default(),
    );
    bencher.bench(|| {
        let d = diagram(black_box(source));
        let scene = liutu_layout::layout(&d, &measure, &options);
        liutu_render_svg::render(&scene, &svg)
    });
}
