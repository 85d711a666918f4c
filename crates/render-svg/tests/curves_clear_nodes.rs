//! Edges as drawn keep out of the nodes they pass: the layout routes polylines around
//! every node, and the curve the SVG draws through a polyline (`basis` by default, or the
//! chart's `curve`) must not cut the nodes the polyline went round.
//!
//! Checked on the repository's examples and construct files always, and on the Mermaid
//! corpus and the bench charts when `../shared` is there (skipped with a note when not):
//! every point of every drawn edge path, curves flattened finely, lies outside every node
//! other than the edge's own two, those boxes shrunk by half a pixel for rounding.

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::FontMeasure;
use liutu_model::Diagram;
use liutu_render_svg::{SvgOptions, render};
use liutu_scene::{Point, Rect, Scene};
use std::collections::HashMap;

/// Every curve Mermaid names that liutu draws differently (the others are drawn as one
/// of these).
const CURVES: [&str; 7] = [
    "basis",
    "linear",
    "step",
    "stepBefore",
    "cardinal",
    "bumpY",
    "rounded",
];

/// Points along an SVG path's `d` as liutu writes it (`M`, `L`, `Q`, `C`, absolute),
/// curves sampled at 32 points each.
fn flatten(d: &str) -> Vec<Point> {
    let mut out = Vec::new();
    let mut command = ' ';
    let mut numbers: Vec<f64> = Vec::new();
    let mut at = Point::new(0.0, 0.0);
    let mut flush = |command: char, numbers: &mut Vec<f64>, out: &mut Vec<Point>| {
        let p = |i: usize| Point::new(numbers[i], numbers[i + 1]);
        let arity = match command {
            'M' | 'L' => 2,
            'Q' => 4,
            'C' => 6,
            _ => return,
        };
        for chunk in 0..numbers.len() / arity {
            let k = chunk * arity;
            let end = p(k + arity - 2);
            match command {
                'Q' | 'C' => {
                    let c1 = p(k);
                    let c2 = if command == 'C' { p(k + 2) } else { c1 };
                    for i in 1..=32 {
                        let t = i as f64 / 32.0;
                        let s = 1.0 - t;
                        let (a, b, c, e) = if command == 'C' {
                            (s * s * s, 3.0 * s * s * t, 3.0 * s * t * t, t * t * t)
                        } else {
                            (s * s, 2.0 * s * t, 0.0, t * t)
                        };
                        out.push(Point::new(
                            a * at.x + b * c1.x + c * c2.x + e * end.x,
                            a * at.y + b * c1.y + c * c2.y + e * end.y,
                        ));
                    }
                }
                'M' => out.push(end),
                _ => {
                    // A straight run: sampled too, so a run through a box is caught.
                    for i in 1..=32 {
                        let t = i as f64 / 32.0;
                        out.push(Point::new(
                            at.x + (end.x - at.x) * t,
                            at.y + (end.y - at.y) * t,
                        ));
                    }
                }
            }
            at = end;
        }
        numbers.clear();
    };
    let mut token = String::new();
    for ch in d.chars().chain([' ']) {
        if ch.is_ascii_alphabetic() && ch != 'e' {
            if !token.is_empty() {
                numbers.push(token.parse().expect("a number"));
                token.clear();
            }
            flush(command, &mut numbers, &mut out);
            command = ch;
        } else if ch == ',' || ch.is_whitespace() {
            if !token.is_empty() {
                numbers.push(token.parse().expect("a number"));
                token.clear();
            }
        } else {
            token.push(ch);
        }
    }
    flush(command, &mut numbers, &mut out);
    out
}

/// Each drawn edge's `data-id` and path data.
fn edge_paths(svg: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("path")
                && n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == "flowchart-link"))
        })
        .map(|n| {
            (
                n.attribute("data-id").unwrap_or_default().to_string(),
                n.attribute("d").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Where the drawn edges of `scene`, with every edge drawn as `curve`, enter a node that
/// is not one of their ends.
fn cuts(name: &str, scene: &Scene, curve: &str) -> Vec<String> {
    let mut scene = scene.clone();
    for edge in &mut scene.edges {
        edge.curve = curve.to_string();
    }
    let ends: HashMap<&str, (&str, &str)> = scene
        .edges
        .iter()
        .map(|e| (e.id.as_str(), (e.from.as_str(), e.to.as_str())))
        .collect();
    let inside = |r: &Rect, p: Point| {
        p.x > r.x + 0.5
            && p.x < r.x + r.width - 0.5
            && p.y > r.y + 0.5
            && p.y < r.y + r.height - 0.5
    };
    let mut problems = Vec::new();
    for (id, d) in edge_paths(&render(&scene, &SvgOptions::default())) {
        let (from, to) = ends.get(id.as_str()).copied().unwrap_or_default();
        let points = flatten(&d);
        for node in scene.nodes.iter().filter(|n| n.id != from && n.id != to) {
            if let Some(p) = points.iter().find(|&&p| inside(&node.rect, p)) {
                problems.push(format!(
                    "{name} ({curve}): edge {id} cuts node {} at ({:.1}, {:.1})",
                    node.id, p.x, p.y
                ));
            }
        }
    }
    problems
}

fn check_all(files: &[(String, String)], curves: &[&str]) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut problems = Vec::new();
    for (name, source) in files {
        let read = liutu_syntax::read(source);
        if read.has_errors() {
            continue;
        }
        let Some(diagram @ Diagram::Flowchart(_)) = read.diagram else {
            continue;
        };
        checked += 1;
        let scene = layout(&diagram, &FontMeasure::default(), &LayoutOptions::default());
        for curve in curves {
            problems.extend(cuts(name, &scene, curve));
        }
    }
    (checked, problems)
}

#[test]
fn flattening_follows_the_path() {
    let points = flatten("M0,0 L10,0 C20,0 30,10 30,20 Q30,30 40,30");
    assert_eq!(points.first(), Some(&Point::new(0.0, 0.0)));
    assert_eq!(points.last(), Some(&Point::new(40.0, 30.0)));
    assert!(points.contains(&Point::new(10.0, 0.0)));
    assert!(points.contains(&Point::new(30.0, 20.0)));
}

#[test]
fn a_curve_through_a_node_is_caught() {
    // The check itself: an edge drawn straight through a third node is reported.
    let source = "flowchart LR\n  A --> B\n  C\n";
    let read = liutu_syntax::read(source);
    let diagram = read.diagram.expect("a diagram");
    let mut scene = layout(&diagram, &FontMeasure::default(), &LayoutOptions::default());
    let c = scene.nodes.iter().find(|n| n.id == "C").expect("C").rect;
    let edge = &mut scene.edges[0];
    let (start, end) = (edge.points[0], *edge.points.last().expect("points"));
    edge.points = vec![start, c.center(), end];
    assert!(!cuts("made up", &scene, "linear").is_empty());
}

#[test]
fn examples_and_constructs_keep_their_curves_out_of_nodes() {
    let mut files = liutu_testkit::examples();
    files.extend(liutu_testkit::mmd_files(
        &liutu_testkit::workspace().join("crates/cli/tests/flowchart"),
    ));
    let (checked, problems) = check_all(&files, &CURVES);
    assert!(checked >= 10, "only {checked} flowcharts read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn corpus_and_bench_keep_their_curves_out_of_nodes() {
    let Some(files) = liutu_testkit::corpus_and_bench_flowcharts("the corpus curves") else {
        return;
    };
    let (checked, problems) = check_all(&files, &CURVES);
    println!("checked the drawn curves of {checked} corpus and bench flowcharts");
    liutu_testkit::assert_no_problems(&problems);
}
