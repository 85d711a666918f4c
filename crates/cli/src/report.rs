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
    let end = floor_char_boundary(source, d.span.end.clamp(start, line_start + text.len()));
    let pad = display_width(&clean_label(&source[line_start..start]), false);
    let marks = display_width(&clean_label(&source[start..end]), false).max(1);
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let mut out = format!(
        "{label}: {}\n{gutter}--> {name}:{line}:{column}\n{gutter} |\n{number} | {}\n{gutter} | {}{}\n",
        d.message,
        clean_label(text),
        " ".repeat(pad),
        "^".repeat(marks)
    );
    if let Some(hint) = &d.hint {
        out.push_str(&format!("{gutter} = hint: {hint}\n"));
    }
    out
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
}
