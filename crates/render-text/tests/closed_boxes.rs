//! Every box in the text art is closed and rectangular *as a terminal shows it*: columns
//! are counted with the terminal's widths (CJK two columns; with `--ambiguous-wide`, box
//! drawing two columns too), and every node's corners and sides must stand exactly at
//! the columns its cells map to, with unbroken sides. And every label — of a node, an
//! edge or a frame — is printed on its rows, and exactly once.
//!
//! Run on the repository's examples always, and on the Mermaid corpus and bench cases in
//! `../shared` when present (skipped with a note otherwise).

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::CellMeasure;
use liutu_model::Diagram;
use liutu_render_text::{TextOptions, render};
use liutu_scene::Scene;
use unicode_width::UnicodeWidthChar;

/// The text as a grid of terminal columns: each character at the column it starts in.
fn columns(text: &str, ambiguous_wide: bool) -> Vec<Vec<Option<char>>> {
    text.lines()
        .map(|line| {
            let mut row = Vec::new();
            for c in line.chars() {
                let w = if ambiguous_wide {
                    c.width_cjk()
                } else {
                    c.width()
                }
                .unwrap_or(1);
                row.push(Some(c));
                for _ in 1..w {
                    row.push(None);
                }
            }
            row
        })
        .collect()
}

const TOP_LEFT: &str = "┌╭┏╔╱╲├┬┼";
const TOP_RIGHT: &str = "┐╮┓╗╲╱┤┬┼";
const BOTTOM_LEFT: &str = "└╰┗╚╲╱├┴┼";
const BOTTOM_RIGHT: &str = "┘╯┛╝╱╲┤┴┼";
const HORIZONTAL: &str = "─━═┄┬┴┼┳┻╋╤╧╪╦╩╬";
const VERTICAL: &str = "│┃║┆├┤┼┣┫╋╟╢╫╠╣╬()<>╱╲";

fn at(grid: &[Vec<Option<char>>], r: usize, c: usize) -> Option<char> {
    grid.get(r).and_then(|row| row.get(c)).copied().flatten()
}

/// Problems with the node boxes of one drawing: each node's corners and sides must be at
/// the terminal columns its cells map to (one column a cell, two with ambiguous-wide).
fn check(name: &str, scene: &Scene, text: &str, ambiguous_wide: bool) -> Vec<String> {
    let grid = columns(text, ambiguous_wide);
    let scale = if ambiguous_wide { 2 } else { 1 };
    let mut problems = Vec::new();
    let mut expect = |r: usize, c: usize, set: &str, what: &str, id: &str| {
        let found = at(&grid, r, c * scale);
        if !found.is_some_and(|k| set.contains(k)) {
            problems.push(format!("{name}: node {id}: {what} at {r}:{c} is {found:?}"));
        }
    };
    for node in &scene.nodes {
        let (x0, y0) = (node.rect.x as usize, node.rect.y as usize);
        let (x1, y1) = (
            x0 + node.rect.width as usize - 1,
            y0 + node.rect.height as usize - 1,
        );
        expect(y0, x0, TOP_LEFT, "top-left", &node.id);
        expect(y0, x1, TOP_RIGHT, "top-right", &node.id);
        expect(y1, x0, BOTTOM_LEFT, "bottom-left", &node.id);
        expect(y1, x1, BOTTOM_RIGHT, "bottom-right", &node.id);
        for y in y0 + 1..y1 {
            expect(y, x0, VERTICAL, "left side", &node.id);
            expect(y, x1, VERTICAL, "right side", &node.id);
        }
        for x in x0 + 1..x1 {
            expect(y0, x, HORIZONTAL, "top", &node.id);
            expect(y1, x, HORIZONTAL, "bottom", &node.id);
        }
    }
    problems
}

/// Problems with the labels of one drawing: each line of each label must be on the row
/// its box gives it, and appear in the whole text exactly as often as the labels hold
/// it (a label inside another counts), so no label is lost, cut or printed twice.
fn check_labels(name: &str, scene: &Scene, text: &str) -> Vec<String> {
    // (what the label is, its row, the line as the canvas writes it)
    let mut lines: Vec<(String, usize, String)> = Vec::new();
    let labels = scene
        .nodes
        .iter()
        .map(|n| (format!("node {}", n.id), &n.label))
        .chain(scene.edges.iter().filter_map(|e| {
            e.label
                .as_ref()
                .map(|l| (format!("edge {}->{}", e.from, e.to), l))
        }))
        .chain(
            scene
                .clusters
                .iter()
                .map(|c| (format!("frame {}", c.id), &c.title)),
        );
    for (what, label) in labels {
        for (i, line) in label.text.lines.iter().enumerate() {
            let plain: String = line.spans.iter().map(|s| s.text.as_str()).collect();
            let clean = liutu_measure::clean_label(&plain).trim().to_string();
            // Labels of punctuation alone could be mistaken for edge glyphs.
            if clean.chars().any(char::is_alphanumeric) {
                lines.push((what.clone(), label.rect.y as usize + i, clean));
            }
        }
    }
    let rows: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    for (what, row, line) in &lines {
        if !rows.get(*row).is_some_and(|r| r.contains(line.as_str())) {
            problems.push(format!("{name}: {what}: {line:?} is not on row {row}"));
            continue;
        }
        let expected: usize = lines
            .iter()
            .map(|(_, _, l)| l.matches(line.as_str()).count())
            .sum();
        let found = text.matches(line.as_str()).count();
        if found != expected {
            problems.push(format!(
                "{name}: {what}: {line:?} printed {found} times, expected {expected}"
            ));
        }
    }
    problems
}

fn draw(source: &str, ambiguous_wide: bool) -> Option<(Scene, String)> {
    let read = liutu_syntax::read(source);
    if read.has_errors() {
        return None;
    }
    let diagram = read.diagram?;
    if !matches!(diagram, Diagram::Flowchart(_)) {
        return None;
    }
    let scene = layout(
        &diagram,
        &CellMeasure { ambiguous_wide },
        &LayoutOptions::default(),
    );
    let text = render(
        &scene,
        &TextOptions {
            ambiguous_wide,
            ..TextOptions::default()
        },
    )
    .ok()?;
    Some((scene, text))
}

fn check_files(files: &[(String, String)]) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (name, source) in files {
        for wide in [false, true] {
            if let Some((scene, text)) = draw(source, wide) {
                checked += 1;
                let label = if wide {
                    format!("{name} (ambiguous-wide)")
                } else {
                    name.clone()
                };
                problems.extend(check(&label, &scene, &text, wide));
                problems.extend(check_labels(&label, &scene, &text));
            }
        }
    }
    (checked, problems)
}

#[test]
fn examples_have_closed_boxes_and_each_label_once() {
    let (checked, problems) = check_files(&liutu_testkit::examples());
    assert!(checked >= 8, "only {checked} drawings");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_a_misaligned_box() {
    let (scene, text) = draw("flowchart LR\n  A[需求分析]", false).expect("drawn");
    assert!(check("fine", &scene, &text, false).is_empty());
    // The same text read as if each CJK character were one column wide is broken.
    let squeezed = text.replace("需求分析", "需求分析    ");
    assert!(!check("broken", &scene, &squeezed, false).is_empty());
}

#[test]
fn the_checker_sees_a_lost_or_doubled_label() {
    let (scene, text) =
        draw("flowchart LR\n  A[需求分析] -->|先做| B[Design]", false).expect("drawn");
    assert!(check_labels("fine", &scene, &text).is_empty());
    assert!(!check_labels("lost", &scene, &text.replace("Design", "      ")).is_empty());
    let doubled = format!("{text}Design\n");
    assert!(!check_labels("doubled", &scene, &doubled).is_empty());
}

#[test]
fn corpus_has_closed_boxes_and_each_label_once() {
    let Some(files) = liutu_testkit::corpus_and_bench_flowcharts("the corpus box check") else {
        return;
    };
    let (checked, problems) = check_files(&files);
    println!("checked the boxes and labels of {checked} text drawings");
    liutu_testkit::assert_no_problems(&problems);
}
