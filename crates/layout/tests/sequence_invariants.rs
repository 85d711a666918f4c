//! Sequence layout invariants on every sequence diagram we can find: the repository's
//! examples and hand-written cases always, the Mermaid corpus in `../shared/corpus` when
//! it is there (skipped with a note otherwise).
//!
//! Checked in cells (text art) and pixels (graphics): each message starts and ends on
//! its participants' lifelines, activation bars or (created) boxes; every frame holds the
//! messages and notes written inside it; every label lies inside the canvas; no two
//! labels overlap; in cells every coordinate is whole.

use liutu_layout::{LayoutOptions, layout};
use liutu_measure::{CellMeasure, FontMeasure, TextMeasure};
use liutu_model::{Diagram, Event, Sequence};
use liutu_scene::{Rect, Scene, Units};
use std::path::{Path, PathBuf};

fn sequence(source: &str) -> Option<Sequence> {
    let read = liutu_syntax::read(source);
    if read.has_errors() {
        return None;
    }
    match read.diagram {
        Some(Diagram::Sequence(s)) => Some(s),
        _ => None,
    }
}

fn overlaps(a: &Rect, b: &Rect, eps: f64) -> bool {
    a.x + eps < b.right()
        && b.x + eps < a.right()
        && a.y + eps < b.bottom()
        && b.y + eps < a.bottom()
}

fn check(name: &str, seq: &Sequence, measure: &dyn TextMeasure) -> Vec<String> {
    let scene: Scene = layout(
        &Diagram::Sequence(seq.clone()),
        measure,
        &LayoutOptions::default(),
    );
    let mut problems = Vec::new();
    let cells = scene.units == Units::Cells;
    let unit = if cells { "cells" } else { "px" };
    let eps = if cells { 0.0 } else { 0.5 };
    let Some(parts) = &scene.sequence else {
        return vec![format!("{name}: no sequence parts")];
    };
    let canvas = Rect::new(0.0, 0.0, scene.width, scene.height);
    // Lifeline x of each participant and where its bars are.
    let mut lifeline_x = vec![None; seq.participants.len()];
    for a in &parts.actors {
        if let Some(n) = scene.nodes.get(a.node) {
            let w = n.rect.width;
            let x = n.rect.x + if cells { (w / 2.0).floor() } else { w / 2.0 };
            lifeline_x[a.participant].get_or_insert(x);
        }
    }
    let messages: Vec<&liutu_model::Message> = seq
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Message(m) => Some(m),
            _ => None,
        })
        .collect();
    if messages.len() != parts.messages.len() {
        problems.push(format!(
            "{name} [{unit}]: {} messages drawn of {}",
            parts.messages.len(),
            messages.len()
        ));
    }
    let on_participant = |p: usize, x: f64, y: f64| -> bool {
        let Some(lx) = lifeline_x[p] else {
            return false;
        };
        if (x - lx).abs() <= eps {
            return true;
        }
        let on_bar = parts.activations.iter().any(|a| {
            a.participant == p
                && y >= a.rect.y - eps
                && y <= a.rect.bottom() + eps
                && (x - a.rect.x)
                    .abs()
                    .min((x - a.rect.right()).abs())
                    .min(if cells {
                        (x - (a.rect.right() - 1.0)).abs()
                    } else {
                        f64::MAX
                    })
                    <= eps
        });
        let on_box = parts.actors.iter().any(|a| {
            a.participant == p
                && scene.nodes.get(a.node).is_some_and(|n| {
                    let r = n.rect;
                    let right = if cells { r.right() - 1.0 } else { r.right() };
                    ((x - r.x).abs() <= eps || (x - right).abs() <= eps)
                        && y >= r.y - eps
                        && y <= r.bottom() + eps
                })
        });
        on_bar || on_box
    };
    for (m, part) in messages.iter().zip(&parts.messages) {
        let Some(edge) = scene.edges.get(part.edge) else {
            problems.push(format!("{name}: message edge missing"));
            continue;
        };
        let (Some(a), Some(b)) = (edge.points.first(), edge.points.last()) else {
            continue;
        };
        if !on_participant(m.from, a.x, a.y) {
            problems.push(format!(
                "{name} [{unit}]: message `{}` starts off {}'s lifeline ({}, {})",
                m.text.to_plain(),
                seq.participants[m.from].id,
                a.x,
                a.y
            ));
        }
        if !on_participant(m.to, b.x, b.y) {
            problems.push(format!(
                "{name} [{unit}]: message `{}` ends off {}'s lifeline ({}, {})",
                m.text.to_plain(),
                seq.participants[m.to].id,
                b.x,
                b.y
            ));
        }
        if cells
            && edge
                .points
                .iter()
                .any(|p| p.x.fract() != 0.0 || p.y.fract() != 0.0)
        {
            problems.push(format!("{name} [cells]: message off the grid"));
        }
    }
    // Frames hold what was written inside them: walk the events with a stack of frames.
    let mut frame_of_start = std::collections::HashMap::new();
    for f in &parts.frames {
        if let Some(c) = scene.clusters.get(f.cluster)
            && let Some(k) =
                c.id.strip_prefix("frame")
                    .and_then(|k| k.parse::<usize>().ok())
        {
            frame_of_start.insert(k, c.rect);
        }
    }
    let mut stack: Vec<usize> = Vec::new();
    let (mut msg_i, mut note_i) = (0, 0);
    for (k, e) in seq.events.iter().enumerate() {
        let held: Option<Rect> = match e {
            Event::Start(_) => {
                stack.push(k);
                None
            }
            Event::End { .. } => {
                stack.pop();
                None
            }
            Event::Message(_) => {
                let r = parts
                    .messages
                    .get(msg_i)
                    .and_then(|p| scene.edges.get(p.edge))
                    .map(|e| {
                        let xs = e.points.iter().map(|p| p.x);
                        let ys = e.points.iter().map(|p| p.y);
                        let (x0, x1) = (
                            xs.clone().fold(f64::MAX, f64::min),
                            xs.fold(f64::MIN, f64::max),
                        );
                        let (y0, y1) = (
                            ys.clone().fold(f64::MAX, f64::min),
                            ys.fold(f64::MIN, f64::max),
                        );
                        let extent = if cells { 1.0 } else { 0.0 };
                        Rect::new(x0, y0, x1 - x0 + extent, y1 - y0 + extent)
                    });
                msg_i += 1;
                r
            }
            Event::Note(_) => {
                let r = parts
                    .notes
                    .get(note_i)
                    .and_then(|&n| scene.nodes.get(n))
                    .map(|n| n.rect);
                note_i += 1;
                r
            }
            _ => None,
        };
        if let Some(r) = held {
            for s in &stack {
                if let Some(frame) = frame_of_start.get(s) {
                    let grown = Rect::new(
                        frame.x - eps,
                        frame.y - eps,
                        frame.width + 2.0 * eps,
                        frame.height + 2.0 * eps,
                    );
                    if !grown.contains_rect(&r) {
                        problems.push(format!(
                            "{name} [{unit}]: frame at event {s} does not hold event {k}"
                        ));
                    }
                }
            }
        }
    }
    // Labels: inside the canvas, never on each other.
    let mut labels: Vec<(String, Rect)> = Vec::new();
    for n in &scene.nodes {
        labels.push((format!("node {}", n.id), n.label.rect));
    }
    for e in &scene.edges {
        if let Some(l) = &e.label {
            labels.push((format!("message `{}`", l.text.to_plain()), l.rect));
        }
    }
    for m in &parts.messages {
        if let Some(l) = &m.number {
            labels.push((format!("number {}", l.text.to_plain()), l.rect));
        }
    }
    for c in &scene.clusters {
        if !c.title.text.is_empty() {
            labels.push((format!("frame title {}", c.id), c.title.rect));
        }
    }
    for f in &parts.frames {
        for s in &f.sections {
            if !s.label.text.is_empty() {
                labels.push(("section".into(), s.label.rect));
            }
        }
    }
    let labels: Vec<(String, Rect)> = labels
        .into_iter()
        .filter(|(_, r)| r.width > 0.0 && r.height > 0.0)
        .collect();
    for (what, r) in &labels {
        let grown = Rect::new(
            -eps,
            -eps,
            canvas.width + 2.0 * eps,
            canvas.height + 2.0 * eps,
        );
        if !grown.contains_rect(r) {
            problems.push(format!("{name} [{unit}]: {what} outside the canvas"));
        }
    }
    for (i, (wa, a)) in labels.iter().enumerate() {
        for (wb, b) in &labels[i + 1..] {
            if overlaps(a, b, eps) {
                problems.push(format!("{name} [{unit}]: {wa} overlaps {wb}"));
            }
        }
    }
    problems
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["examples", "crates/cli/tests/sequence"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "mmd")
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.push((p.display().to_string(), text));
            }
        }
    }
    let corpus = root.join("../shared/corpus");
    match std::fs::read_to_string(corpus.join("manifest.tsv")) {
        Ok(manifest) => {
            for line in manifest.lines().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.get(1) == Some(&"sequence")
                    && cols.get(2) == Some(&"ok")
                    && let Ok(text) = std::fs::read_to_string(corpus.join(cols[0]))
                {
                    out.push((cols[0].to_string(), text));
                }
            }
        }
        Err(_) => println!(
            "corpus not found at {}; checking the examples only",
            corpus.display()
        ),
    }
    out
}

#[test]
fn every_sequence_diagram_keeps_the_invariants() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for (name, text) in sources() {
        let Some(seq) = sequence(&text) else { continue };
        checked += 1;
        problems.extend(check(&name, &seq, &CellMeasure::default()));
        problems.extend(check(&name, &seq, &FontMeasure::default()));
    }
    println!("sequence invariants: checked {checked} diagrams");
    assert!(checked > 0);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
