//! SVG output.
//!
//! In: a [`liutu_scene::Scene`] in pixels and [`SvgOptions`]. Out: a self-contained SVG
//! document as a `String`, in Mermaid's look (themes `default`, `neutral`, `dark`,
//! `forest`, `base`) and with Mermaid's structure and class names (`g.root`,
//! `g.clusters > g.cluster`, `g.edgePaths > path.flowchart-link`,
//! `g.edgeLabels > g.edgeLabel`, `g.nodes > g.node#{prefix}-flowchart-{id}-{n}`).
//!
//! Everything is drawn with inline presentation attributes and plain `<text>`/`<tspan>`
//! — no `<foreignObject>`, no CSS, no scripts — so browsers, resvg (PNG), krilla (PDF),
//! librsvg and Inkscape draw the same picture, and the document is safe to inline: every
//! label and attribute is escaped and links are limited to http(s)/mailto/relative URLs.
//! The output is deterministic: coordinates are rounded to 2 decimals and ids come from
//! the scene and [`SvgOptions::id_prefix`] only.

mod curves;
mod edges;
mod escape;
mod links;
mod markers;
mod path;
mod sequence;
mod shapes;
mod style;
mod text;
mod theme;
mod writer;

pub use shapes::{Part, Prim, Role, parts, parts_around};
pub use theme::{FONT_FAMILY, Theme};

use liutu_model::RichText;
use liutu_scene::{Cluster, Label, Node, Rect, Scene};

use crate::escape::id_token;
use crate::markers::Markers;
use crate::shapes::Prim as P;
use crate::style::{Paint, TextPaint};
use crate::writer::{Writer, num};

/// How to render.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgOptions {
    /// Theme name. The diagram's own `theme` config wins over this (as in Mermaid);
    /// `None` and unknown names mean `default`.
    pub theme: Option<String>,
    /// The root `<svg>` id and the prefix of every other id, so several diagrams can be
    /// inlined in one page. Characters other than letters, digits, `-` and `_` become `_`.
    pub id_prefix: String,
    /// Margin around the scene, in pixels (Mermaid: 8). A flowchart's own
    /// `flowchart.diagramPadding` wins.
    pub padding: f64,
    /// A page colour painted behind the diagram; `None` leaves it transparent, as Mermaid
    /// does. `Some("theme")` uses the theme's own background.
    pub background: Option<String>,
    /// Extra CSS for the document (mermaid-cli's `--cssFile`), written escaped into a
    /// `<style>` element.
    pub css: Option<String>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            theme: None,
            id_prefix: "liutu-svg".to_string(),
            padding: 8.0,
            background: None,
            css: None,
        }
    }
}

/// Height of the band added above the diagram for `title`, and its font size (Mermaid's
/// `flowchartTitleText`).
const TITLE_BAND: f64 = 34.0;
const TITLE_FONT_SIZE: f64 = 18.0;

/// A flowchart's own `flowchart.diagramPadding` (Mermaid's space around the drawing), when
/// it sets one: like its theme, it wins over the caller's choice.
fn diagram_padding(scene: &Scene) -> Option<f64> {
    scene
        .config_value("flowchart.diagramPadding")
        .filter(|_| scene.sequence.is_none())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .map(finite)
}

fn finite(v: f64) -> f64 {
    if v.is_finite() { v.max(0.0) } else { 0.0 }
}

/// Renders the scene as an SVG document.
pub fn render(scene: &Scene, options: &SvgOptions) -> String {
    let theme = Theme::resolve(scene, options.theme.as_deref());
    let prefix = {
        let p = id_token(options.id_prefix.trim());
        if p.is_empty() {
            "liutu-svg".to_string()
        } else {
            p
        }
    };
    let pad = diagram_padding(scene).unwrap_or(finite(options.padding));
    let title = scene
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let band = if title.is_some() { TITLE_BAND } else { 0.0 };
    let (w, h) = (finite(scene.width), finite(scene.height));
    // A title wider than the drawing widens the page evenly on both sides, as Mermaid's
    // bounding box does, instead of being cut off at its edges.
    let title_width = title.map_or(0.0, |t| {
        let measure = liutu_measure::FontMeasure {
            font_size: TITLE_FONT_SIZE,
        };
        liutu_measure::TextMeasure::text_size(&measure, &RichText::plain(t)).0
    });
    let widen = (title_width + 2.0 * pad - (w + 2.0 * pad)).max(0.0);
    let (vx, vy) = (-pad - widen / 2.0, -pad - band);
    let (vw, vh) = (w + 2.0 * pad + widen, h + 2.0 * pad + band);

    let mut out = Writer::new();
    out.start("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("xmlns:xlink", "http://www.w3.org/1999/xlink")
        .attr("id", &prefix)
        .attr(
            "class",
            if scene.sequence.is_some() {
                "sequence"
            } else {
                "flowchart"
            },
        )
        .num("width", vw)
        .num("height", vh)
        .attr(
            "viewBox",
            &format!("{} {} {} {}", num(vx), num(vy), num(vw), num(vh)),
        )
        .attr("role", "graphics-document document")
        .attr(
            "aria-roledescription",
            if scene.sequence.is_some() {
                "sequence"
            } else {
                "flowchart-v2"
            },
        );
    let acc_title = scene.acc_title.as_deref().filter(|t| !t.trim().is_empty());
    let acc_descr = scene.acc_descr.as_deref().filter(|t| !t.trim().is_empty());
    if acc_title.is_some() {
        out.attr("aria-labelledby", &format!("chart-title-{prefix}"));
    }
    if acc_descr.is_some() {
        out.attr("aria-describedby", &format!("chart-desc-{prefix}"));
    }
    out.open();
    if let Some(t) = acc_title {
        out.start("title")
            .attr("id", &format!("chart-title-{prefix}"))
            .text_content("title", t);
    }
    if let Some(d) = acc_descr {
        out.start("desc")
            .attr("id", &format!("chart-desc-{prefix}"))
            .text_content("desc", d);
    }
    if let Some(css) = options.css.as_deref().filter(|c| !c.trim().is_empty()) {
        out.start("style").text_content("style", css);
    }

    // Edges first, into a side buffer, so the markers they use are known before the
    // <defs> that must precede them are written.
    let mut markers = Markers::new(&prefix, &theme.line);
    let mut edge_paths = Writer::new();
    if scene.sequence.is_none() {
        for edge in &scene.edges {
            edges::write_path(&mut edge_paths, edge, &prefix, &theme, &mut markers);
        }
    } else {
        sequence::write_defs(&mut out, &prefix, &theme);
    }
    if !markers.is_empty() {
        out.start("defs").open();
        markers.write(&mut out);
        out.close("defs");
    }

    if let Some(bg) = &options.background {
        let color = if bg == "theme" {
            theme.background.as_str()
        } else {
            bg.as_str()
        };
        out.start("rect")
            .attr("class", "background")
            .num("x", vx)
            .num("y", vy)
            .num("width", vw)
            .num("height", vh)
            .attr("fill", color)
            .empty();
    }

    let (font_size, _) = text::metrics();
    out.start("g")
        .attr("class", "root")
        .attr("font-family", &theme.font_family)
        .num("font-size", font_size)
        .open();

    if let Some(t) = title {
        out.start("text")
            .attr("class", "flowchartTitleText")
            .num("x", w / 2.0)
            .num("y", -pad - band + 24.0)
            .attr("text-anchor", "middle")
            .num("font-size", TITLE_FONT_SIZE)
            .attr("fill", &theme.title_text)
            .text_content("text", t);
    }

    if let Some(parts) = &scene.sequence {
        sequence::write(&mut out, scene, parts, &prefix, &theme);
        out.close("g");
        out.close("svg");
        return out.finish();
    }

    out.start("g").attr("class", "clusters").open();
    for cluster in &scene.clusters {
        write_cluster(&mut out, cluster, &prefix, &theme);
    }
    out.close("g");

    out.start("g").attr("class", "edgePaths").open();
    out.raw(&edge_paths.finish());
    out.close("g");

    out.start("g").attr("class", "edgeLabels").open();
    for edge in &scene.edges {
        edges::write_label_box(&mut out, edge, &theme);
    }
    out.close("g");

    out.start("g").attr("class", "nodes").open();
    for (i, node) in scene.nodes.iter().enumerate() {
        write_node(&mut out, node, i, &prefix, &theme);
    }
    out.close("g");

    out.close("g");
    out.close("svg");
    out.finish()
}

fn write_prim(w: &mut Writer, prim: &Prim) {
    match prim {
        P::Rect { x, y, w: rw, h, rx } => {
            w.start("rect")
                .num("x", *x)
                .num("y", *y)
                .num("width", *rw)
                .num("height", *h);
            if *rx > 0.0 {
                w.num("rx", *rx).num("ry", *rx);
            }
        }
        P::Circle { cx, cy, r } => {
            w.start("circle")
                .num("cx", *cx)
                .num("cy", *cy)
                .num("r", r.max(0.0));
        }
        P::Path(path) => {
            w.start("path").attr("d", &shapes::path_data(path));
        }
    }
}

fn write_parts(w: &mut Writer, parts: &[Part], paint: &Paint) {
    for part in parts {
        write_prim(w, &part.prim);
        match part.role {
            Role::Outline => {
                w.attr("class", "label-container");
                paint.apply(w);
            }
            Role::Line => {
                w.attr("fill", "none");
                paint.apply_stroke(w);
            }
            Role::Solid => {
                w.attr("fill", &paint.stroke);
                paint.apply_stroke(w);
            }
            Role::Fill => {
                w.attr("class", "label-container");
                paint.apply_fill(w);
            }
        }
        w.empty();
    }
}

fn class_list(base: &str, classes: &[String]) -> String {
    let mut s = base.to_string();
    for c in classes {
        let c = c.trim();
        if !c.is_empty() {
            s.push(' ');
            s.push_str(c);
        }
    }
    s
}

fn write_node(w: &mut Writer, node: &Node, index: usize, prefix: &str, theme: &Theme) {
    let link = node.link.as_ref().and_then(|l| {
        links::safe_url(&l.url).map(|url| (url, links::safe_target(l.target.as_deref())))
    });
    if let Some((url, target)) = link {
        w.start("a")
            .attr("href", url)
            .attr("xlink:href", url)
            .attr_opt("target", target)
            .open();
    }
    let mut class = class_list("node default", &node.classes);
    if link.is_some() {
        class.push_str(" clickable");
    }
    w.start("g")
        .attr("class", &class)
        .attr(
            "id",
            &format!("{prefix}-flowchart-{}-{index}", id_token(&node.id)),
        )
        .attr("data-id", &node.id)
        .open();
    if let Some(tip) = node
        .link
        .as_ref()
        .and_then(|l| l.tooltip.as_deref())
        .filter(|t| !t.trim().is_empty())
    {
        w.start("title").text_content("title", tip);
    }
    let paint = Paint::new(
        &node.style,
        &theme.node_fill,
        &theme.node_stroke,
        theme.node_stroke_width,
    );
    write_parts(
        w,
        &shapes::parts_around(node.shape, &node.rect, &node.label.rect),
        &paint,
    );
    w.start("g").attr("class", "label").open();
    text::write_label(
        w,
        &node.label,
        &TextPaint::new(&node.style, &theme.node_text),
    );
    w.close("g");
    w.close("g");
    if link.is_some() {
        w.close("a");
    }
}

fn write_cluster(w: &mut Writer, cluster: &Cluster, prefix: &str, theme: &Theme) {
    w.start("g")
        .attr("class", &class_list("cluster", &cluster.classes))
        .attr("id", &format!("{prefix}-{}", id_token(&cluster.id)))
        .attr("data-id", &cluster.id)
        .open();
    let paint = Paint::new(
        &cluster.style,
        &theme.cluster_fill,
        &theme.cluster_stroke,
        1.0,
    );
    let r: &Rect = &cluster.rect;
    let part = Part {
        role: Role::Outline,
        prim: P::Rect {
            x: r.x,
            y: r.y,
            w: finite(r.width),
            h: finite(r.height),
            rx: 0.0,
        },
    };
    write_parts(w, std::slice::from_ref(&part), &paint);
    w.start("g").attr("class", "cluster-label").open();
    text::write_label(
        w,
        &cluster.title,
        &TextPaint::new(&cluster.style, &theme.cluster_text),
    );
    w.close("g");
    w.close("g");
}

/// The plain text of every label in the scene, for callers that check glyph coverage
/// (PNG/PDF warn about characters no bundled font has).
pub fn scene_text(scene: &Scene) -> String {
    let mut all = String::new();
    let mut push = |t: &RichText| {
        all.push_str(&t.to_plain());
        all.push('\n');
    };
    let labels = scene
        .nodes
        .iter()
        .map(|n| &n.label)
        .chain(scene.clusters.iter().map(|c| &c.title))
        .chain(scene.edges.iter().filter_map(|e| e.label.as_ref()));
    for Label { text, .. } in labels {
        push(text);
    }
    if let Some(t) = &scene.title {
        all.push_str(t);
    }
    all
}
