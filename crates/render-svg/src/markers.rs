//! Edge end markers: arrowheads, circles and crosses.
//!
//! In: every drawn edge's ends ([`ArrowHead`]) and stroke colour. Out: the `<marker>`
//! definitions the document needs — one per (kind, end, colour) actually used, in order of
//! first use so ids are stable — and the id each edge end refers to. Geometry is
//! Mermaid 11's (`viewBox 0 0 10 10`, `markerUnits="userSpaceOnUse"`, 8 px arrows whose
//! tip lies 4 px beyond the path end; see [`shorten`]).

use liutu_model::ArrowHead;

use crate::writer::Writer;

/// How far the path is pulled back at an arrowhead so the tip, not the line's blunt end,
/// touches the node.
pub fn shorten(head: ArrowHead) -> f64 {
    match head {
        ArrowHead::Arrow => 4.0,
        _ => 0.0,
    }
}

/// One marker definition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    head: ArrowHead,
    start: bool,
    color: String,
}

/// The markers of one document.
#[derive(Debug, Default)]
pub struct Markers {
    prefix: String,
    default_color: String,
    used: Vec<Marker>,
    /// Colours other than the theme's line colour, in order of first use.
    colors: Vec<String>,
}

impl Markers {
    pub fn new(prefix: &str, default_color: &str) -> Self {
        Markers {
            prefix: prefix.to_string(),
            default_color: default_color.to_string(),
            ..Markers::default()
        }
    }

    fn id(&self, m: &Marker) -> String {
        let kind = match m.head {
            ArrowHead::Arrow => "point",
            ArrowHead::Circle => "circle",
            ArrowHead::Cross => "cross",
            ArrowHead::None => "none",
        };
        let end = if m.start { "Start" } else { "End" };
        let mut id = format!("{}_flowchart-v2-{kind}{end}", self.prefix);
        if let Some(i) = self.colors.iter().position(|c| *c == m.color) {
            id.push_str(&format!("-{}", i + 1));
        }
        id
    }

    /// Registers a marker and returns the `url(#...)` to put on the path, or `None` for
    /// an end without a marker.
    pub fn use_marker(&mut self, head: ArrowHead, start: bool, color: &str) -> Option<String> {
        if head == ArrowHead::None {
            return None;
        }
        if color != self.default_color && !self.colors.iter().any(|c| c == color) {
            self.colors.push(color.to_string());
        }
        let m = Marker {
            head,
            start,
            color: color.to_string(),
        };
        let id = self.id(&m);
        if !self.used.contains(&m) {
            self.used.push(m);
        }
        Some(format!("url(#{id})"))
    }

    pub fn is_empty(&self) -> bool {
        self.used.is_empty()
    }

    /// Writes every used marker (call inside `<defs>`).
    pub fn write(&self, w: &mut Writer) {
        for m in &self.used {
            let id = self.id(m);
            let (view_box, ref_x, ref_y, size) = match (m.head, m.start) {
                (ArrowHead::Arrow, false) => ("0 0 10 10", 5.0, 5.0, 8.0),
                (ArrowHead::Arrow, true) => ("0 0 10 10", 4.5, 5.0, 8.0),
                (ArrowHead::Circle, false) => ("0 0 10 10", 11.0, 5.0, 11.0),
                (ArrowHead::Circle, true) => ("0 0 10 10", -1.0, 5.0, 11.0),
                (ArrowHead::Cross, false) => ("0 0 11 11", 12.0, 5.2, 11.0),
                (ArrowHead::Cross, true) => ("0 0 11 11", -1.0, 5.2, 11.0),
                (ArrowHead::None, _) => continue,
            };
            let class = if m.head == ArrowHead::Cross {
                "marker cross flowchart-v2"
            } else {
                "marker flowchart-v2"
            };
            w.start("marker")
                .attr("id", &id)
                .attr("class", class)
                .attr("viewBox", view_box)
                .num("refX", ref_x)
                .num("refY", ref_y)
                .attr("markerUnits", "userSpaceOnUse")
                .num("markerWidth", size)
                .num("markerHeight", size)
                .attr("orient", "auto")
                .open();
            match m.head {
                ArrowHead::Arrow => {
                    let d = if m.start {
                        "M 0 5 L 10 10 L 10 0 z"
                    } else {
                        "M 0 0 L 10 5 L 0 10 z"
                    };
                    w.start("path")
                        .attr("d", d)
                        .attr("class", "arrowMarkerPath")
                        .attr("fill", &m.color)
                        .attr("stroke", &m.color)
                        .attr("stroke-width", "1")
                        .empty();
                }
                ArrowHead::Circle => {
                    w.start("circle")
                        .attr("cx", "5")
                        .attr("cy", "5")
                        .attr("r", "5")
                        .attr("class", "arrowMarkerPath")
                        .attr("fill", &m.color)
                        .attr("stroke", &m.color)
                        .attr("stroke-width", "1")
                        .empty();
                }
                ArrowHead::Cross => {
                    w.start("path")
                        .attr("d", "M 1,1 l 9,9 M 10,1 l -9,9")
                        .attr("class", "arrowMarkerPath")
                        .attr("fill", "none")
                        .attr("stroke", &m.color)
                        .attr("stroke-width", "2")
                        .empty();
                }
                ArrowHead::None => {}
            }
            w.close("marker");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_shared_and_coloured_on_demand() {
        let mut m = Markers::new("x", "#333333");
        let a = m.use_marker(ArrowHead::Arrow, false, "#333333");
        let b = m.use_marker(ArrowHead::Arrow, false, "#333333");
        let c = m.use_marker(ArrowHead::Arrow, false, "red");
        assert_eq!(a.as_deref(), Some("url(#x_flowchart-v2-pointEnd)"));
        assert_eq!(a, b);
        assert_eq!(c.as_deref(), Some("url(#x_flowchart-v2-pointEnd-1)"));
        assert_eq!(m.use_marker(ArrowHead::None, true, "red"), None);
        assert_eq!(m.used.len(), 2);
    }
}
