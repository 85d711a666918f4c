//! From stroke masks to characters, for each charset.

/// Which characters to draw with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Charset {
    /// Unicode box drawing with never-ambiguous arrowheads `▸▾◂▴`.
    #[default]
    Unicode,
    /// Plain ASCII: `+ - | > < v ^` (and `.` `:` `=` for dotted and thick lines).
    Ascii,
}

pub const N: u8 = 1;
pub const E: u8 = 2;
pub const S: u8 = 4;
pub const W: u8 = 8;

/// How a stroke is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Light,
    Heavy,
    Dotted,
    Double,
}

/// The strokes that meet in one cell, by weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Strokes {
    pub light: u8,
    pub heavy: u8,
    pub dotted: u8,
    pub double: u8,
    /// Corners of round shapes.
    pub rounded: bool,
}

impl Strokes {
    pub fn add(&mut self, weight: Weight, mask: u8) {
        match weight {
            Weight::Light => self.light |= mask,
            Weight::Heavy => self.heavy |= mask,
            Weight::Dotted => self.dotted |= mask,
            Weight::Double => self.double |= mask,
        }
    }

    pub fn mask(&self) -> u8 {
        self.light | self.heavy | self.dotted | self.double
    }

    /// The character for these strokes.
    pub fn glyph(&self, charset: Charset) -> char {
        let m = self.mask();
        let only = |bits: u8| bits == m;
        if charset == Charset::Ascii {
            return match m {
                0 => ' ',
                _ if m == E | W || m == E || m == W => {
                    if only(self.dotted) {
                        '.'
                    } else if only(self.heavy) || only(self.double) {
                        '='
                    } else {
                        '-'
                    }
                }
                _ if m == N | S || m == N || m == S => {
                    if only(self.dotted) {
                        ':'
                    } else {
                        '|'
                    }
                }
                _ => '+',
            };
        }
        if m == E | W && only(self.dotted) {
            return '┄';
        }
        if m == N | S && only(self.dotted) {
            return '┆';
        }
        if only(self.heavy) {
            return HEAVY[m as usize];
        }
        if only(self.double) {
            return DOUBLE[m as usize];
        }
        if self.rounded {
            match m {
                x if x == S | E => return '╭',
                x if x == S | W => return '╮',
                x if x == N | E => return '╰',
                x if x == N | W => return '╯',
                _ => {}
            }
        }
        LIGHT[m as usize]
    }
}

// Indexed by the N=1, E=2, S=4, W=8 mask.
const LIGHT: [char; 16] = [
    ' ', '╵', '╶', '└', '╷', '│', '┌', '├', '╴', '┘', '─', '┴', '┐', '┤', '┬', '┼',
];
const HEAVY: [char; 16] = [
    ' ', '╹', '╺', '┗', '╻', '┃', '┏', '┣', '╸', '┛', '━', '┻', '┓', '┫', '┳', '╋',
];
const DOUBLE: [char; 16] = [
    ' ', '║', '═', '╚', '║', '║', '╔', '╠', '═', '╝', '═', '╩', '╗', '╣', '╦', '╬',
];

/// The arrowhead pointing in a direction (N, E, S or W mask bit). `wide` cells (two
/// columns, `--ambiguous-wide`) take the ambiguous triangles, which such terminals draw
/// two columns wide; otherwise the never-ambiguous small ones.
pub fn arrow(towards: u8, charset: Charset, wide: bool) -> char {
    if wide && charset == Charset::Unicode {
        return match towards {
            N => '▲',
            E => '▶',
            S => '▼',
            _ => '◀',
        };
    }
    match (charset, towards) {
        (Charset::Unicode, N) => '▴',
        (Charset::Unicode, E) => '▸',
        (Charset::Unicode, S) => '▾',
        (Charset::Unicode, _) => '◂',
        (Charset::Ascii, N) => '^',
        (Charset::Ascii, E) => '>',
        (Charset::Ascii, S) => 'v',
        (Charset::Ascii, _) => '<',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junctions_follow_the_mask() {
        let mut s = Strokes::default();
        s.add(Weight::Light, E | W);
        assert_eq!(s.glyph(Charset::Unicode), '─');
        s.add(Weight::Light, S);
        assert_eq!(s.glyph(Charset::Unicode), '┬');
        s.add(Weight::Dotted, N);
        assert_eq!(s.glyph(Charset::Unicode), '┼');
        assert_eq!(s.glyph(Charset::Ascii), '+');
    }

    #[test]
    fn every_ascii_glyph_is_ascii() {
        for m in 0..16u8 {
            for w in [Weight::Light, Weight::Heavy, Weight::Dotted, Weight::Double] {
                let mut s = Strokes::default();
                s.add(w, m);
                assert!(s.glyph(Charset::Ascii).is_ascii());
            }
        }
    }
}
