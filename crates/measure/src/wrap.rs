//! Line breaking for labels, by any measure of width.
//!
//! In: a line of text, a maximum width and a width function (terminal columns or font
//! pixels). Out: lines no wider than the maximum. Latin text breaks at spaces and after
//! hyphens; CJK (wide) characters may break before and after each one; a word wider
//! than a whole line is cut where a reader would break it (after `\`, `.`, `:`, between
//! camelCase parts) when that keeps a third of the line, else between grapheme
//! clusters, never inside one.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One unbreakable piece of a line.
enum Piece<'a> {
    Space(&'a str),
    Word(&'a str),
}

/// Splits a line into spaces and words, ideographs standing alone.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind: Option<bool> = None; // Some(true): in spaces, Some(false): in a word
    for (i, g) in text.grapheme_indices(true) {
        let space = g.chars().all(char::is_whitespace);
        let wide = g.width() == 2;
        let end_here = match kind {
            Some(in_space) => in_space != space || wide,
            None => false,
        };
        if end_here && i > start {
            let piece = &text[start..i];
            out.push(if kind == Some(true) {
                Piece::Space(piece)
            } else {
                Piece::Word(piece)
            });
            start = i;
        }
        kind = Some(space);
        let after = i + g.len();
        // An ideograph, or a hyphen ending a word, closes its piece.
        if wide || (!space && g == "-") {
            out.push(Piece::Word(&text[start..after]));
            start = after;
            kind = None;
        }
    }
    if start < text.len() {
        let piece = &text[start..];
        out.push(if kind == Some(true) {
            Piece::Space(piece)
        } else {
            Piece::Word(piece)
        });
    }
    out
}

/// Where a reader would break `word`, too long for a line, keeping at least `least` of
/// it before the break (a byte offset inside it): after the last separator of names and
/// paths (`\\ / . : _ , ; | ) ] } >`) or before an opening bracket; failing that, between
/// a lower-case letter and an upper-case one (`SharedDb|Instance`). `None` when there is
/// no such place.
fn natural_break(word: &str, least: &dyn Fn(&str) -> bool) -> Option<usize> {
    let places: Vec<(usize, char, char)> = word
        .char_indices()
        .zip(word.chars().skip(1))
        .map(|((i, before), after)| (i + before.len_utf8(), before, after))
        .filter(|&(at, _, _)| least(&word[..at]))
        .collect();
    let separator = |&&(_, before, after): &&(usize, char, char)| {
        matches!(
            before,
            '\\' | '/' | '.' | ':' | '_' | ',' | ';' | '|' | ')' | ']' | '}' | '>'
        ) || matches!(after, '(' | '[' | '{' | '<')
    };
    let camel =
        |&&(_, before, after): &&(usize, char, char)| before.is_lowercase() && after.is_uppercase();
    places
        .iter()
        .rev()
        .find(separator)
        .or_else(|| places.iter().rev().find(camel))
        .map(|&(at, _, _)| at)
}

/// Breaks `text` into lines no wider than `max` by `width`.
pub fn wrap_by(text: &str, max: f64, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut space = "";
    for piece in pieces(text) {
        match piece {
            Piece::Space(s) => space = s,
            Piece::Word(word) => {
                let joined = format!("{line}{space}{word}");
                if line.is_empty() || width(&joined) <= max {
                    line = if line.is_empty() {
                        word.to_string()
                    } else {
                        joined
                    };
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_string();
                }
                space = "";
                // A word wider than a line is cut where it must be.
                while width(&line) > max {
                    let mut cut = String::new();
                    for g in line.graphemes(true) {
                        if !cut.is_empty() && width(&format!("{cut}{g}")) > max {
                            break;
                        }
                        cut.push_str(g);
                    }
                    if cut.len() == line.len() {
                        break;
                    }
                    // Where a reader would break it (after `\`, `.`, `:`…, between
                    // camelCase parts), unless that leaves the line too short.
                    let at = natural_break(&cut, &|head| width(head) >= max / 3.0);
                    cut.truncate(at.unwrap_or(cut.len()));
                    line = line[cut.len()..].to_string();
                    lines.push(cut);
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
