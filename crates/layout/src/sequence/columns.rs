//! Participant columns: where each lifeline goes.
//!
//! In: the number of participants and constraints "lifeline `b` is at least `min` right
//! of lifeline `a`" (`a < b`), one for every pair of neighbours (their boxes and the
//! gap) and one for every message, note and frame that must fit its label between two
//! lifelines — not only neighbours, which is where Mermaid overflows. Out: each
//! lifeline's x.
//!
//! Every constraint points rightwards, so the constraint graph is a DAG in column order
//! and the smallest solution is a longest path: each lifeline goes as far left as the
//! constraints ending at it allow. A deficit is thus always given to the gap just left
//! of the rightmost participant involved, which keeps the others tight. Linear in
//! participants plus constraints.

/// `x[b] - x[a] >= min`, with `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Gap {
    pub a: usize,
    pub b: usize,
    pub min: f64,
}

/// Lifeline positions, the first at `first`; in cells every distance is rounded up to a
/// whole cell.
pub(super) fn solve(n: usize, first: f64, gaps: &mut [Gap], cells: bool) -> Vec<f64> {
    let mut x = vec![first; n];
    gaps.sort_by_key(|g| g.b);
    let mut k = 0;
    for b in 0..n {
        let mut at = if b == 0 { first } else { x[b - 1] };
        while k < gaps.len() && gaps[k].b == b {
            let g = gaps[k];
            k += 1;
            if g.a >= b || !g.min.is_finite() {
                continue;
            }
            let min = if cells { g.min.ceil() } else { g.min };
            at = at.max(x[g.a] + min);
        }
        x[b] = at;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_message_widens_the_last_gap_it_spans() {
        let mut gaps = vec![
            Gap {
                a: 0,
                b: 1,
                min: 10.0,
            },
            Gap {
                a: 1,
                b: 2,
                min: 10.0,
            },
            Gap {
                a: 0,
                b: 2,
                min: 35.0,
            },
        ];
        assert_eq!(solve(3, 5.0, &mut gaps, true), vec![5.0, 15.0, 40.0]);
    }
}
