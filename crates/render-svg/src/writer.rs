//! A minimal XML writer.
//!
//! In: elements, attributes and text from the renderer modules. Out: the document
//! `String`, one element per line, indented by depth. Every attribute value and text run
//! goes through [`crate::escape`]; every number through [`num`], which rounds to two
//! decimals so the same scene always gives the same bytes.

use crate::escape;

/// Formats a coordinate: rounded to 2 decimals, no trailing zeros, never `-0`, and `0`
/// for NaN or infinities (a broken coordinate must not break the document).
pub fn num(v: f64) -> Num {
    // Non-finite and negative zero both come out of the digit writing below as "0".
    let hundredths = if v.is_finite() {
        (v * 100.0).round()
    } else {
        0.0
    };
    // Whole hundredths written digit by digit into a buffer on the stack: the same text
    // as formatting the rounded float, without the float formatter or an allocation, which
    // together were a quarter of the time of a big SVG. Beyond 2^53 hundredths that would
    // no longer be exact, so the formatter does it.
    if hundredths.abs() >= 9.0e15 {
        return Num(Repr::Long(format!("{}", hundredths / 100.0)));
    }
    let h = hundredths as i64;
    let (mut whole, cents) = (h.unsigned_abs() / 100, h.unsigned_abs() % 100);
    // Written backwards from the end: fraction, whole digits, sign.
    let mut buf = [0u8; SHORT];
    let mut at = SHORT;
    let mut put = |b: u8| {
        at -= 1;
        buf[at] = b;
    };
    match (cents / 10, cents % 10) {
        (0, 0) => {}
        (tenths, 0) => {
            put(b'0' + tenths as u8);
            put(b'.');
        }
        (tenths, last) => {
            put(b'0' + last as u8);
            put(b'0' + tenths as u8);
            put(b'.');
        }
    }
    loop {
        put(b'0' + (whole % 10) as u8);
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    if h < 0 {
        put(b'-');
    }
    Num(Repr::Short {
        buf,
        start: at as u8,
    })
}

/// Room for a sign, 14 whole digits (below 9e13), a point and two decimals.
const SHORT: usize = 20;

/// A formatted number (see [`num`]): reads as a `&str`, prints with `{}`.
#[derive(Debug, Clone)]
pub struct Num(Repr);

#[derive(Debug, Clone)]
enum Repr {
    /// The text is `buf[start..]`, ASCII digits, sign and point.
    Short {
        buf: [u8; SHORT],
        start: u8,
    },
    Long(String),
}

impl std::ops::Deref for Num {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            // Only ASCII digits, '-' and '.' are ever written to the buffer.
            Repr::Short { buf, start } => {
                std::str::from_utf8(&buf[*start as usize..]).unwrap_or("0")
            }
            Repr::Long(s) => s,
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Appends ` key="value"`, the value escaped.
fn attribute(out: &mut String, key: &str, value: &str) {
    out.push(' ');
    out.push_str(key);
    out.push_str("=\"");
    escape::push_attr(out, value);
    out.push('"');
}

/// Builds the document.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    depth: usize,
    /// True while a start tag is open (`<name attr="..."` without its `>`).
    in_tag: bool,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Opens `<name`; follow with attributes, then [`Writer::empty`], [`Writer::open`]
    /// or [`Writer::text_content`].
    pub fn start(&mut self, name: &str) -> &mut Self {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        self.in_tag = true;
        self
    }

    /// A string attribute, escaped.
    pub fn attr(&mut self, key: &str, value: &str) -> &mut Self {
        if self.in_tag {
            attribute(&mut self.out, key, value);
        }
        self
    }

    /// A numeric attribute, rounded.
    pub fn num(&mut self, key: &str, value: f64) -> &mut Self {
        if self.in_tag {
            attribute(&mut self.out, key, &num(value));
        }
        self
    }

    /// An attribute only when the value is present.
    pub fn attr_opt(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        if let Some(v) = value {
            self.attr(key, v);
        }
        self
    }

    /// Appends output of another writer, re-indented to the current depth.
    pub fn raw(&mut self, other: &str) {
        for line in other.lines() {
            self.indent();
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    /// Ends the start tag as an empty element: `/>`.
    pub fn empty(&mut self) {
        if self.in_tag {
            self.out.push_str("/>\n");
            self.in_tag = false;
        }
    }

    /// Ends the start tag and goes one level deeper; close with [`Writer::close`].
    pub fn open(&mut self) {
        if self.in_tag {
            self.out.push_str(">\n");
            self.in_tag = false;
            self.depth += 1;
        }
    }

    /// Writes `</name>` one level up.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.end_tag(name);
    }

    /// `</name>` and the line break.
    fn end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Ends the start tag with escaped text content and the end tag on the same line.
    pub fn text_content(&mut self, name: &str, text: &str) {
        if self.in_tag {
            self.out.push('>');
            escape::push_text(&mut self.out, text);
            self.end_tag(name);
            self.in_tag = false;
        }
    }

    /// Ends the start tag with mixed content written by `inline`, on one line: inside
    /// `<text>` whitespace between children would be drawn, so nothing is indented.
    pub fn inline_content(&mut self, name: &str, inline: impl FnOnce(&mut Inline)) {
        if self.in_tag {
            self.out.push('>');
            self.in_tag = false;
            let mut i = Inline { out: &mut self.out };
            inline(&mut i);
            self.end_tag(name);
        }
    }
}

/// Writes inline children (tspans, text runs) with no whitespace between them.
pub struct Inline<'a> {
    out: &'a mut String,
}

impl Inline<'_> {
    pub fn text(&mut self, text: &str) {
        escape::push_text(self.out, text);
    }

    /// `<name attrs>text</name>` with escaped attributes and text.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            attribute(self.out, k, v);
        }
        self.out.push('>');
        escape::push_text(self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_and_tidy() {
        assert_eq!(&*num(1.0), "1");
        assert_eq!(&*num(1.005_1), "1.01");
        assert_eq!(&*num(-0.001), "0");
        assert_eq!(&*num(12.345_678), "12.35");
        assert_eq!(&*num(f64::NAN), "0");
        assert_eq!(&*num(f64::INFINITY), "0");
        assert_eq!(&*num(-12.5), "-12.5");
        assert_eq!(&*num(0.07), "0.07");
        assert_eq!(&*num(-0.07), "-0.07");
        assert_eq!(&*num(100.1), "100.1");
        assert_eq!(&*num(1e17), "100000000000000000");
    }

    #[test]
    fn numbers_read_as_the_rounded_float_formatted() {
        // The digit-by-digit writing against Rust's own formatting of the rounded value.
        let mut x = -5000.0;
        while x < 5000.0 {
            let r = (x * 100.0f64).round() / 100.0;
            let expected = if r == 0.0 {
                "0".to_string()
            } else {
                format!("{r}")
            };
            assert_eq!(&*num(x), expected, "{x}");
            x += 0.013_7;
        }
    }

    #[test]
    fn writes_nested_elements() {
        let mut w = Writer::new();
        w.start("g").attr("class", "a\"b").open();
        w.start("rect").num("x", 1.234).empty();
        w.start("text").text_content("text", "<x>");
        w.close("g");
        assert_eq!(
            w.finish(),
            "<g class=\"a&quot;b\">\n  <rect x=\"1.23\"/>\n  <text>&lt;x&gt;</text>\n</g>\n"
        );
    }
}
