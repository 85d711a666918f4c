//! SVG path data.
//!
//! In: drawing commands in absolute pixels. Out: a compact, deterministic `d` string
//! (every number through [`crate::writer::num`]).

use crate::writer::num;

/// Accumulates path commands.
#[derive(Debug, Default, Clone)]
pub struct PathData {
    d: String,
}

impl PathData {
    pub fn new() -> Self {
        PathData::default()
    }

    fn cmd(&mut self, c: char, values: &[f64]) -> &mut Self {
        if !self.d.is_empty() {
            self.d.push(' ');
        }
        self.d.push(c);
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.d.push(if i % 2 == 1 { ',' } else { ' ' });
            }
            self.d.push_str(&num(*v));
        }
        self
    }

    pub fn move_to(&mut self, x: f64, y: f64) -> &mut Self {
        self.cmd('M', &[x, y])
    }

    pub fn line_to(&mut self, x: f64, y: f64) -> &mut Self {
        self.cmd('L', &[x, y])
    }

    pub fn quad_to(&mut self, cx: f64, cy: f64, x: f64, y: f64) -> &mut Self {
        self.cmd('Q', &[cx, cy, x, y])
    }

    pub fn cubic_to(&mut self, c1: (f64, f64), c2: (f64, f64), to: (f64, f64)) -> &mut Self {
        self.cmd('C', &[c1.0, c1.1, c2.0, c2.1, to.0, to.1])
    }

    /// An elliptical arc (no rotation, small arc) to `(x, y)`; `sweep` is clockwise on
    /// screen.
    pub fn arc_to(&mut self, rx: f64, ry: f64, sweep: bool, x: f64, y: f64) -> &mut Self {
        if !self.d.is_empty() {
            self.d.push(' ');
        }
        self.d.push('A');
        self.d.push_str(&num(rx));
        self.d.push(',');
        self.d.push_str(&num(ry));
        self.d.push_str(if sweep { " 0 0 1 " } else { " 0 0 0 " });
        self.d.push_str(&num(x));
        self.d.push(',');
        self.d.push_str(&num(y));
        self
    }

    pub fn close(&mut self) -> &mut Self {
        if !self.d.is_empty() {
            self.d.push_str(" Z");
        }
        self
    }

    pub fn finish(&self) -> String {
        self.d.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compact_commands() {
        let mut p = PathData::new();
        p.move_to(0.0, 1.5)
            .line_to(2.0, 3.0)
            .cubic_to((1.0, 2.0), (3.0, 4.0), (5.0, 6.0))
            .arc_to(5.0, 5.0, true, 1.0, 1.0)
            .close();
        assert_eq!(p.finish(), "M0,1.5 L2,3 C1,2 3,4 5,6 A5,5 0 0 1 1,1 Z");
    }
}
