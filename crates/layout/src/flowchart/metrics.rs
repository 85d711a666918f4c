//! The gaps and paddings of a flowchart, in cells or pixels.

use crate::LayoutOptions;
use crate::layered::Spacing;
use liutu_measure::TextMeasure;

/// Everything size-related that differs between text art and graphics.
#[derive(Debug, Clone)]
pub struct Metrics {
    pub cells: bool,
    pub node_sep: f64,
    pub rank_sep: f64,
    /// Size of one routing-grid cell.
    pub pitch: f64,
    /// Margin around the whole drawing (room to route around it).
    pub margin: f64,
    line_height: f64,
}

impl Metrics {
    pub fn new(measure: &dyn TextMeasure, options: &LayoutOptions) -> Self {
        let cells = measure.is_cells();
        if cells {
            Metrics {
                cells,
                node_sep: (options.node_spacing / 50.0 * 3.0).round().max(1.0),
                rank_sep: (options.rank_spacing / 50.0 * 2.0).round().max(2.0),
                pitch: 1.0,
                margin: 2.0,
                line_height: 1.0,
            }
        } else {
            Metrics {
                cells,
                node_sep: options.node_spacing,
                rank_sep: options.rank_spacing,
                pitch: 8.0,
                margin: 16.0,
                line_height: measure.line_height(),
            }
        }
    }

    /// Spacing for one scope's layered layout.
    pub fn spacing(&self, horizontal: bool, has_labels: bool) -> Spacing {
        if self.cells {
            Spacing {
                // Across an LR flow the gap is rows, which are taller than columns are wide.
                node_sep: if horizontal {
                    (self.node_sep / 2.0).round().max(1.0)
                } else {
                    self.node_sep
                },
                dummy_sep: 1.0,
                dummy_across: 1.0,
                // Along an LR flow the gap holds `├───▸`; down a TB flow `│` and `▾`. With
                // labels every edge spans two gaps (the label has a rank of its own), so
                // each gap holds half as much.
                rank_sep: match (horizontal, has_labels) {
                    (true, false) => self.rank_sep + 2.0,
                    (true, true) => self.rank_sep,
                    (false, false) => self.rank_sep,
                    (false, true) => (self.rank_sep / 2.0).max(1.0),
                },
                track_sep: 1.0,
                max_tracks: 3,
                integral: true,
            }
        } else {
            Spacing {
                node_sep: self.node_sep,
                dummy_sep: 20.0,
                dummy_across: 10.0,
                rank_sep: if has_labels {
                    self.rank_sep / 2.0
                } else {
                    self.rank_sep
                },
                track_sep: 0.0,
                max_tracks: 0,
                integral: false,
            }
        }
    }

    /// In cells an item's size across the flow is made odd, so that its middle is a cell
    /// and a straight edge can run exactly through it.
    pub fn across_size(&self, size: f64) -> f64 {
        if self.cells && (size as i64) % 2 == 0 {
            size + 1.0
        } else {
            size
        }
    }

    /// Where a frame's contents start, relative to its corner.
    pub fn content_offset(&self, title: (f64, f64)) -> (f64, f64) {
        if self.cells {
            // Border and a gap each side; the title sits in the top border itself.
            (3.0, 2.0)
        } else {
            (16.0, title.1.max(self.line_height) + 16.0)
        }
    }

    /// The padding under a frame's contents.
    pub fn frame_bottom(&self) -> f64 {
        if self.cells { 2.0 } else { 16.0 }
    }

    /// How far a frame `frame_width` wide moves contents `content_width` wide right of
    /// where they start, to centre them when its title made it wider.
    pub fn slack(&self, frame_width: f64, content_width: f64, title: (f64, f64)) -> f64 {
        let (dx, _) = self.content_offset(title);
        let slack = (frame_width - content_width - 2.0 * dx).max(0.0) / 2.0;
        if self.cells { slack.floor() } else { slack }
    }

    /// A frame's outer size around contents of `w × h`.
    pub fn frame_size(&self, w: f64, h: f64, title: (f64, f64)) -> (f64, f64) {
        let (dx, dy) = self.content_offset(title);
        let bottom = self.frame_bottom();
        let title_room = if self.cells {
            title.0 + 6.0
        } else {
            title.0 + 32.0
        };
        ((w + 2.0 * dx).max(title_room), h + dy + bottom)
    }
}
