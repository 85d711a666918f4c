//! The relaxed JSON of `%%{init: ...}%%` directives, flattened to dotted keys.
//!
//! In: directive text after the `init:` key. Out: `(dotted.key, value, span)` leaves,
//! or an error message with the byte offset where reading stopped. Accepts what Mermaid
//! accepts in practice: single or double quotes, bare keys, trailing commas.

use liutu_model::Span;

/// Deepest nesting of objects and arrays read; deeper input is an error, not a stack
/// overflow.
const MAX_DEPTH: usize = 32;

pub(super) struct Reader<'a> {
    src: &'a str,
    pos: usize,
    base: usize,
    pub(super) leaves: Vec<(String, String, Span)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a str, base: usize) -> Self {
        Reader {
            src,
            pos: 0,
            base,
            leaves: Vec::new(),
        }
    }

    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }

    fn err(&self, msg: &str) -> (String, usize) {
        (msg.to_string(), self.base + self.pos)
    }

    /// Reads one value at `path`, recording leaves.
    pub(super) fn value(&mut self, path: &str, depth: usize) -> Result<(), (String, usize)> {
        if depth > MAX_DEPTH {
            return Err(self.err("directive nested too deeply"));
        }
        self.ws();
        match self.rest().chars().next() {
            Some('{') => {
                self.pos += 1;
                loop {
                    self.ws();
                    if self.rest().starts_with('}') {
                        self.pos += 1;
                        return Ok(());
                    }
                    let key = self.key()?;
                    self.ws();
                    if !self.rest().starts_with(':') {
                        return Err(self.err("expected `:` after a key"));
                    }
                    self.pos += 1;
                    let sub = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.value(&sub, depth + 1)?;
                    self.ws();
                    if self.rest().starts_with(',') {
                        self.pos += 1;
                    } else if !self.rest().starts_with('}') {
                        return Err(self.err("expected `,` or `}`"));
                    }
                }
            }
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                let start = self.pos;
                loop {
                    self.ws();
                    if self.rest().starts_with(']') {
                        self.pos += 1;
                        break;
                    }
                    let before = self.leaves.len();
                    self.value(path, depth + 1)?;
                    for (_, v, _) in self.leaves.drain(before..) {
                        items.push(v);
                    }
                    self.ws();
                    if self.rest().starts_with(',') {
                        self.pos += 1;
                    } else if !self.rest().starts_with(']') {
                        return Err(self.err("expected `,` or `]`"));
                    }
                }
                let span = Span::new(self.base + start, self.base + self.pos);
                self.leaves.push((path.to_string(), items.join(","), span));
                Ok(())
            }
            Some(q @ ('"' | '\'')) => {
                let start = self.pos;
                let s = self.string(q)?;
                let span = Span::new(self.base + start, self.base + self.pos);
                self.leaves.push((path.to_string(), s, span));
                Ok(())
            }
            Some(_) => {
                let start = self.pos;
                let r = self.rest();
                let len = r.find([',', '}', ']', '\n']).unwrap_or(r.len());
                let v = r[..len].trim().to_string();
                if v.is_empty() {
                    return Err(self.err("expected a value"));
                }
                self.pos += len;
                let span = Span::new(self.base + start, self.base + start + len);
                self.leaves.push((path.to_string(), v, span));
                Ok(())
            }
            None => Err(self.err("expected a value, found the end of the directive")),
        }
    }

    fn key(&mut self) -> Result<String, (String, usize)> {
        match self.rest().chars().next() {
            Some(q @ ('"' | '\'')) => self.string(q),
            _ => {
                let r = self.rest();
                let len = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '$'))
                    .unwrap_or(r.len());
                if len == 0 {
                    return Err(self.err("expected a key"));
                }
                let k = r[..len].to_string();
                self.pos += len;
                Ok(k)
            }
        }
    }

    fn string(&mut self, q: char) -> Result<String, (String, usize)> {
        self.pos += 1;
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            if c == q {
                self.pos += i + 1;
                return Ok(out);
            }
            if c == '\\' {
                if let Some((_, e)) = chars.next() {
                    out.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                }
                continue;
            }
            out.push(c);
        }
        Err(self.err("unclosed string"))
    }

    pub(super) fn at_end(&mut self) -> bool {
        self.ws();
        self.rest().is_empty()
    }
}
