//! Edges: routed polylines to `path.flowchart-link` and `g.edgeLabel`.
//!
//! In: a scene [`Edge`] (points from the source outline to the target outline, stroke,
//! arrowheads, curve, style, label), the theme and the document's [`Markers`]. Out: the
//! `<path>` drawn with Mermaid's classes and widths (normal 1 px, thick 3.5 px, dotted
//! `3` dashes, invisible edges not drawn) and, separately, the label on its background box.

use liutu_model::Stroke;
use liutu_scene::Edge;

use crate::curves::{CORNER_REACH, Curve, dist, hug_corners, path_data};
use crate::escape::id_token;
use crate::markers::{Markers, shorten};
use crate::style::{TextPaint, value};
use crate::text::write_label;
use crate::theme::Theme;
use crate::writer::{Writer, num};

type P = (f64, f64);

/// Finite points with consecutive duplicates removed (a zero-length segment has no
/// direction, and markers would point anywhere).
fn clean_points(edge: &Edge) -> Vec<P> {
    let mut out: Vec<P> = Vec::with_capacity(edge.points.len());
    for p in &edge.points {
        if !(p.x.is_finite() && p.y.is_finite()) {
            continue;
        }
        let q = (p.x, p.y);
        if out.last().is_none_or(|&l| dist(l, q) > 1e-6) {
            out.push(q);
        }
    }
    out
}

/// Moves the first point `by` pixels along the first segment (never past its middle).
fn pull_back(points: &mut [P], by: f64) {
    if by <= 0.0 || points.len() < 2 {
        return;
    }
    let (a, b) = (points[0], points[1]);
    let len = dist(a, b);
    let k = by.min(len / 2.0) / len;
    points[0] = (a.0 + (b.0 - a.0) * k, a.1 + (b.1 - a.1) * k);
}

/// The path's `d`, with the ends pulled back where arrowheads sit.
pub fn edge_path(edge: &Edge) -> String {
    let mut pts = clean_points(edge);
    pull_back(&mut pts, shorten(edge.head_start));
    pts.reverse();
    pull_back(&mut pts, shorten(edge.head_end));
    pts.reverse();
    let curve = Curve::from_name(&edge.curve);
    // The route keeps clear of every node; the curve must too, so it bends near the
    // route's corners, not across whole runs as d3 would (a cardinal spline, through
    // every point, overshoots a corner by a sixth of the runs beside it).
    if matches!(curve, Curve::Basis | Curve::Cardinal) {
        pts = hug_corners(&pts, CORNER_REACH);
    }
    path_data(&pts, curve)
}

/// The Mermaid id of an edge element: `{prefix}-{edge.id}`.
pub fn edge_dom_id(prefix: &str, edge: &Edge) -> String {
    format!("{prefix}-{}", id_token(&edge.id))
}

/// Writes the edge's path; nothing for invisible edges or fewer than two points.
pub fn write_path(w: &mut Writer, edge: &Edge, prefix: &str, theme: &Theme, markers: &mut Markers) {
    if edge.stroke == Stroke::Invisible {
        return;
    }
    let d = edge_path(edge);
    if d.is_empty() {
        return;
    }
    let (thickness, pattern, width, dash) = match edge.stroke {
        Stroke::Thick => ("thick", "solid", 3.5, None),
        Stroke::Dotted => ("normal", "dotted", 1.0, Some("3")),
        _ => ("normal", "solid", 1.0, None),
    };
    let color = value(&edge.style, "stroke")
        .unwrap_or(&theme.line)
        .to_string();
    let start = markers.use_marker(edge.head_start, true, &color);
    let end = markers.use_marker(edge.head_end, false, &color);
    let mut class = format!("edge-thickness-{thickness} edge-pattern-{pattern} flowchart-link");
    for c in &edge.classes {
        class.push(' ');
        class.push_str(c);
    }
    let width = value(&edge.style, "stroke-width")
        .map(str::to_string)
        .unwrap_or_else(|| num(width).to_string());
    let dash = value(&edge.style, "stroke-dasharray").or(dash);
    w.start("path")
        .attr("d", &d)
        .attr("id", &edge_dom_id(prefix, edge))
        .attr("class", &class)
        .attr("data-id", &edge.id)
        .attr("fill", "none")
        .attr("stroke", &color)
        .attr("stroke-width", &width)
        .attr_opt("stroke-dasharray", dash)
        .attr_opt("stroke-opacity", value(&edge.style, "stroke-opacity"))
        .attr_opt("opacity", value(&edge.style, "opacity"))
        .attr_opt("marker-start", start.as_deref())
        .attr_opt("marker-end", end.as_deref())
        .empty();
}

/// Writes the edge's label on its background box, if it has a visible one.
pub fn write_label_box(w: &mut Writer, edge: &Edge, theme: &Theme) {
    let Some(label) = &edge.label else { return };
    if label.text.is_empty() {
        return;
    }
    let r = &label.rect;
    w.start("g")
        .attr("class", "edgeLabel")
        .attr("data-id", &edge.id)
        .open();
    w.start("rect")
        .attr("class", "background")
        .num("x", r.x)
        .num("y", r.y)
        .num("width", r.width.max(0.0))
        .num("height", r.height.max(0.0))
        .attr("fill", &theme.edge_label_bg)
        .attr_opt(
            "fill-opacity",
            (theme.edge_label_bg_opacity < 1.0)
                .then(|| num(theme.edge_label_bg_opacity))
                .as_deref(),
        )
        .empty();
    write_label(
        w,
        label,
        &TextPaint::new(&edge.style, &theme.edge_label_text),
    );
    w.close("g");
}

#[cfg(test)]
mod tests {
    use super::*;
    use liutu_model::{ArrowHead, Style};
    use liutu_scene::Point;

    fn edge(points: &[(f64, f64)], end: ArrowHead, curve: &str) -> Edge {
        Edge {
            id: "L_A_B_0".into(),
            from: "A".into(),
            to: "B".into(),
            points: points.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            stroke: Stroke::Solid,
            head_start: ArrowHead::None,
            head_end: end,
            label: None,
            classes: vec![],
            style: Style::default(),
            curve: curve.into(),
        }
    }

    #[test]
    fn arrow_ends_are_pulled_back_four_pixels() {
        let e = edge(&[(0.0, 0.0), (0.0, 50.0)], ArrowHead::Arrow, "linear");
        assert_eq!(edge_path(&e), "M0,0 L0,46");
        let e = edge(&[(0.0, 0.0), (0.0, 50.0)], ArrowHead::Circle, "linear");
        assert_eq!(edge_path(&e), "M0,0 L0,50");
    }

    #[test]
    fn broken_points_are_skipped() {
        let e = edge(
            &[(0.0, 0.0), (0.0, 0.0), (f64::NAN, 3.0), (0.0, 2.0)],
            ArrowHead::Arrow,
            "basis",
        );
        assert_eq!(edge_path(&e), "M0,0 L0,1");
        assert_eq!(edge_path(&edge(&[], ArrowHead::Arrow, "basis")), "");
    }
}
