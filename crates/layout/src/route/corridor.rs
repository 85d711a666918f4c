//! A corridor: the cells a search may use, as one span across the flow per row along it.
//!
//! In: the boxes an edge should pass on its way (its source, the places the layered
//! layout kept for it on each rank between, its target), in order. Out: the union of the
//! bounding boxes of each consecutive pair, widened by a margin. A long edge then searches
//! a band around the way the ordering chose for it instead of the whole rectangle between
//! its ends, which is what made long edges expensive on big charts.

use super::grid::CellRect;

/// Per row (vertical flow) or column (horizontal flow), the span of cells allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corridor {
    vertical: bool,
    /// The first row (or column) with a span.
    first: i32,
    /// Inclusive spans across the flow; empty ones (start > end) allow nothing.
    spans: Vec<(i32, i32)>,
}

impl Corridor {
    /// The corridor through `stations` in order, `margin` cells wider on every side.
    pub fn through(stations: &[CellRect], vertical: bool, margin: i32) -> Corridor {
        // (along start, along end, across start, across end) of a box.
        let axes = |r: &CellRect| {
            if vertical {
                (r.y0, r.y1, r.x0, r.x1)
            } else {
                (r.x0, r.x1, r.y0, r.y1)
            }
        };
        let first = stations.iter().map(|r| axes(r).0).min().unwrap_or(0) - margin;
        let last = stations.iter().map(|r| axes(r).1).max().unwrap_or(0) + margin;
        let mut spans = vec![(i32::MAX, i32::MIN); (last - first + 1).max(0) as usize];
        for pair in stations.windows(2) {
            let (a, b) = (axes(&pair[0]), axes(&pair[1]));
            let (from, to) = (a.0.min(b.0) - margin, a.1.max(b.1) + margin);
            let (lo, hi) = (a.2.min(b.2) - margin, a.3.max(b.3) + margin);
            for along in from..=to {
                let span = &mut spans[(along - first) as usize];
                *span = (span.0.min(lo), span.1.max(hi));
            }
        }
        Corridor {
            vertical,
            first,
            spans,
        }
    }

    /// True when the search may use cell `(x, y)`: the rule the search's window copy
    /// follows span by span (its test holds it to this).
    #[cfg(test)]
    pub fn allows(&self, x: i32, y: i32) -> bool {
        let (along, across) = if self.vertical { (y, x) } else { (x, y) };
        along
            .checked_sub(self.first)
            .and_then(|i| self.spans.get(usize::try_from(i).ok()?))
            .is_some_and(|&(lo, hi)| across >= lo && across <= hi)
    }

    /// True when the corridor runs down (its spans are rows), false when it runs across
    /// (its spans are columns).
    pub fn is_vertical(&self) -> bool {
        self.vertical
    }

    /// Each row (or column) along the corridor with its allowed span across:
    /// `(along, first, last)`, inclusive; a span may be empty (first > last).
    pub fn spans(&self) -> impl Iterator<Item = (i32, i32, i32)> + '_ {
        (self.first..)
            .zip(&self.spans)
            .map(|(along, &(lo, hi))| (along, lo, hi))
    }

    /// The smallest window holding the whole corridor: (x0, y0, x1, y1), inclusive.
    pub fn bounds(&self) -> (i32, i32, i32, i32) {
        let lo = self.spans.iter().map(|s| s.0).min().unwrap_or(0);
        let hi = self.spans.iter().map(|s| s.1).max().unwrap_or(0);
        let end = self.first + self.spans.len() as i32 - 1;
        if self.vertical {
            (lo, self.first, hi, end)
        } else {
            (self.first, lo, end, hi)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(x0: i32, y0: i32, x1: i32, y1: i32) -> CellRect {
        CellRect { x0, y0, x1, y1 }
    }

    #[test]
    fn follows_the_stations_not_their_bounding_box() {
        // Down from (0..2, 0..2) to a gate at x 10 on rows 10..12, then to (20..22, 20..22).
        let c = Corridor::through(
            &[cell(0, 0, 2, 2), cell(10, 10, 10, 12), cell(20, 20, 22, 22)],
            true,
            1,
        );
        assert!(c.allows(1, 1));
        assert!(c.allows(10, 11));
        assert!(c.allows(21, 21));
        // Far from the way: the bounding box of the ends would allow these.
        assert!(!c.allows(21, 2));
        assert!(!c.allows(0, 21));
        // Outside along the flow.
        assert!(!c.allows(1, -2));
        assert_eq!(c.bounds(), (-1, -1, 23, 23));
    }

    #[test]
    fn horizontal_flows_run_along_columns() {
        let c = Corridor::through(&[cell(0, 0, 2, 2), cell(9, 5, 11, 7)], false, 0);
        assert!(c.allows(5, 4));
        assert!(!c.allows(5, 8));
        assert!(!c.allows(12, 4));
    }
}
