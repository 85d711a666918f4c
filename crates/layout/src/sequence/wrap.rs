//! Wrapping label text to a width, for `wrap` / `:wrap:` messages and notes.
//!
//! In: a [`RichText`], a maximum width and the measure. Out: the text with each line
//! broken greedily at spaces, and between any two CJK characters (which need no space
//! to break). Emphasis of a wrapped line is dropped: wrapping is rare and plain text is
//! what Mermaid's wrapper keeps too.

use liutu_measure::TextMeasure;
use liutu_model::{RichText, TextLine, TextSpan};

fn breakable_anywhere(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn line_of(text: &str) -> TextLine {
    TextLine {
        spans: vec![TextSpan {
            text: text.to_string(),
            ..TextSpan::default()
        }],
    }
}

pub(super) fn wrap(text: &RichText, max: f64, measure: &dyn TextMeasure) -> RichText {
    let mut out = RichText::default();
    for line in &text.lines {
        if measure.line_width(line) <= max {
            out.lines.push(line.clone());
            continue;
        }
        let plain: String = line.spans.iter().map(|s| s.text.as_str()).collect();
        // Tokens: words with their trailing space, or single CJK characters.
        let mut tokens: Vec<String> = Vec::new();
        let mut word = String::new();
        for c in plain.chars() {
            if breakable_anywhere(c) {
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                }
                tokens.push(c.to_string());
            } else {
                word.push(c);
                if c == ' ' {
                    tokens.push(std::mem::take(&mut word));
                }
            }
        }
        if !word.is_empty() {
            tokens.push(word);
        }
        let mut current = String::new();
        for t in tokens {
            let candidate = format!("{current}{t}");
            if !current.trim().is_empty()
                && measure.line_width(&line_of(candidate.trim_end())) > max
            {
                out.lines.push(line_of(current.trim_end()));
                current = t.trim_start().to_string();
            } else {
                current = candidate;
            }
        }
        if !current.trim().is_empty() || out.lines.is_empty() {
            out.lines.push(line_of(current.trim_end()));
        }
    }
    out
}
