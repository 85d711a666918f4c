//! Diagnostics for people: rustc-style, with the line and a caret under the span.
//!
//! ```text
//! error: expected a node id, found `-->`
//!  --> flow.mmd:3:5
//!   |
//! 3 |     --> B
//!   |     ^^^
//!   = hint: ...
//! ```
//!
//! Columns count characters; the caret is placed by display width, so it lines up under
//! Chinese text too.

use liutu_measure::{clean_label, display_width};
use liutu_syntax::{Diagnostic, Severity};

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Formats one diagnostic.
pub fn format(name: &str, source: &str, d: &Diagnostic) -> String {
    let label = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (line, column) = line_column(source, d.span.start);
    let start = floor_char_boundary(source, d.span.start.min(source.len()));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let text = source[line_start..line_end].trim_end_matches('\r');
    // A very long line (minified or hostile input) is shown as a window around the span.
    let (line_start, text, before, after) = window(source, line_start, start, text);
    let end = floor_char_boundary(source, d.span.end.clamp(start, line_start + text.len()));
    let pad = display_width(&clean_label(&source[line_start..start]), false) + before.len();
    let marks = display_width(&clean_label(&source[start..end]), false).max(1);
    let text = format!("{before}{}{after}", clean_label(text));
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let mut out = format!(
        "{label}: {}\n{gutter}--> {name}:{line}:{column}\n{gutter} |\n{number} | {}\n{gutter} | {}{}\n",
        escape_controls(&d.message),
        text,
        " ".repeat(pad),
        "^".repeat(marks)
    );
    if let Some(hint) = &d.hint {
        out.push_str(&format!("{gutter} = hint: {}\n", escape_controls(hint)));
    }
    out
}

/// Control characters (ESC, NUL...) as escapes: input text quoted in a message must never
/// drive the terminal.
fn escape_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Characters of a source line shown before and after the start of a span.
const CONTEXT_BEFORE: usize = 40;
const CONTEXT_AFTER: usize = 80;

/// The part of the line `text` (starting at byte `line_start`) to show for a span
/// starting at byte `start`: the whole line when short, else a window around `start`
/// with `...` where it was cut. Returns the window's start, its text and the markers.
fn window<'a>(
    source: &'a str,
    line_start: usize,
    start: usize,
    text: &'a str,
) -> (usize, &'a str, &'static str, &'static str) {
    let line_end = line_start + text.len();
    if text.chars().nth(CONTEXT_BEFORE + CONTEXT_AFTER).is_none() {
        return (line_start, text, "", "");
    }
    let from = source[line_start..start.min(line_end)]
        .char_indices()
        .rev()
        .nth(CONTEXT_BEFORE - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let to = source[start.min(line_end)..line_end]
        .char_indices()
        .nth(CONTEXT_AFTER)
        .map_or(line_end, |(i, _)| start.min(line_end) + i);
    let before = if from > line_start { "..." } else { "" };
    let after = if to < line_end { "..." } else { "" };
    (from, &source[from..to], before, after)
}

/// One JSON object per diagnostic, for editors.
pub fn json(name: &str, source: &str, d: &Diagnostic) -> serde_json::Value {
    let (line, column) = line_column(source, d.span.start);
    let (end_line, end_column) = line_column(source, d.span.end);
    serde_json::json!({
        "file": name,
        "severity": d.severity,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "message": d.message,
        "hint": d.hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use liutu_syntax::Span;

    #[test]
    fn the_caret_lines_up_under_chinese_text() {
        let src = "flowchart LR\n  需求 --> ]\n";
        let at = src.find(']').unwrap();
        let d = Diagnostic::error(Span::new(at, at + 1), "expected a node id, found `]`");
        let out = format("a.mmd", src, &d);
        assert!(out.contains("--> a.mmd:2:10"), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        let code = lines[3];
        let caret = lines[4];
        let col = |s: &str, needle: char| display_width(&s[..s.find(needle).unwrap()], false);
        assert_eq!(col(code, ']'), col(caret, '^'), "{out}");
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_span() {
        let src = format!(
            "flowchart LR\nA[{}] --> ] {}\n",
            "x".repeat(5000),
            "y".repeat(5000)
        );
        let at = src.find("] ").unwrap() + 6;
        let d = Diagnostic::error(Span::new(at, at + 1), "expected a node id, found `]`");
        let out = format("a.mmd", &src, &d);
        assert!(out.len() < 400, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[3].contains("...x") && lines[3].ends_with("y..."),
            "{out}"
        );
        let col = |s: &str, needle: &str| s.find(needle).unwrap();
        assert_eq!(col(lines[3], "] y"), col(lines[4], "^"), "{out}");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let d = Diagnostic::error(Span::new(0, 1), "found `\u{1b}[2J`");
        let out = format("a.mmd", "\u{1b}[2J\n", &d);
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }
}
