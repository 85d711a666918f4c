//! Text art that fits a width: the terminal's, or `--width N`.
//!
//! In: a diagram and the text options. Out: the text, and — when nothing fits — how many
//! columns it needs. Without a width nothing is measured: the first drawing is printed. Tries, in order, the diagram as written; its labels wrapped (CJK
//! between any two ideographs, Latin at spaces and hyphens); its flow turned (LR ↔ TB);
//! both. The first that fits wins; if none does, the narrowest is printed.

use liutu_layout::LayoutOptions;
use liutu_measure::{CellMeasure, display_width, wrap};
use liutu_model::{Diagram, Direction, RichText, TextLine, TextSpan};
use liutu_render_text::TextOptions;

/// Text art, and the columns it needs when that is more than the width it had to fit.
pub struct Drawn {
    pub text: String,
    pub overflow: Option<usize>,
}

/// Draws `diagram`, fitting `budget` columns when given.
pub fn draw(
    diagram: &Diagram,
    options: &TextOptions,
    budget: Option<usize>,
) -> Result<Drawn, String> {
    let first = render(diagram, options)?;
    let Some(budget) = budget else {
        return Ok(Drawn {
            text: first,
            overflow: None,
        });
    };
    let fits = |d: Measured| Drawn {
        overflow: (d.width > budget).then_some(d.width),
        text: d.text,
    };
    let first = measured(first, options);
    if first.width <= budget {
        return Ok(fits(first));
    }
    let Diagram::Flowchart(chart) = diagram else {
        return Ok(fits(first));
    };
    let mut best = first;
    let turned = |d: Direction| match d {
        Direction::LR => Direction::TB,
        Direction::RL => Direction::BT,
        Direction::TB => Direction::LR,
        Direction::BT => Direction::RL,
    };
    // Wrap labels at a quarter of the budget (at least 10 columns).
    let limit = (budget / 4).max(10);
    let mut wrapped = chart.clone();
    for node in &mut wrapped.nodes {
        node.label = wrap_text(&node.label, limit, options.ambiguous_wide);
    }
    for edge in &mut wrapped.edges {
        if let Some(label) = &mut edge.label {
            *label = wrap_text(label, limit, options.ambiguous_wide);
        }
    }
    let mut turned_chart = chart.clone();
    turned_chart.direction = turned(chart.direction);
    let mut both = wrapped.clone();
    both.direction = turned(chart.direction);
    for candidate in [wrapped, turned_chart, both] {
        let drawn = measured(render(&Diagram::Flowchart(candidate), options)?, options);
        if drawn.width <= budget {
            return Ok(fits(drawn));
        }
        if drawn.width < best.width {
            best = drawn;
        }
    }
    Ok(fits(best))
}

fn render(diagram: &Diagram, options: &TextOptions) -> Result<String, String> {
    let measure = CellMeasure {
        ambiguous_wide: options.ambiguous_wide,
    };
    let scene = liutu_layout::layout(diagram, &measure, &LayoutOptions::default());
    liutu_render_text::render(&scene, options)
}

/// Text art and its width in columns.
struct Measured {
    text: String,
    width: usize,
}

fn measured(text: String, options: &TextOptions) -> Measured {
    let width = text
        .lines()
        .map(|l| {
            if l.contains('\x1b') {
                display_width(&without_escapes(l), options.ambiguous_wide)
            } else {
                display_width(l, options.ambiguous_wide)
            }
        })
        .max()
        .unwrap_or(0);
    Measured { text, width }
}

/// The line as the terminal shows it: colour escapes (`ESC [ ... m`) take no columns.
fn without_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Wraps every line of a label; emphasis is dropped on lines that had to wrap (text art
/// shows it plainly anyway).
fn wrap_text(text: &RichText, limit: usize, ambiguous_wide: bool) -> RichText {
    let mut lines = Vec::new();
    for line in &text.lines {
        let plain: String = line.spans.iter().map(|s| s.text.as_str()).collect();
        if display_width(&plain, ambiguous_wide) <= limit {
            lines.push(line.clone());
            continue;
        }
        for piece in wrap(&plain, limit, ambiguous_wide) {
            lines.push(TextLine {
                spans: vec![TextSpan {
                    text: piece,
                    ..TextSpan::default()
                }],
            });
        }
    }
    RichText { lines }
}
