//! The scene: a diagram laid out in absolute coordinates.
//!
//! In: produced by `liutu-layout`. Out: read by every renderer (text art, SVG, PNG, PDF)
//! and serialised as-is by `--format json`. It is plain data: positions, routed edge
//! paths, placed labels and resolved styles; renderers need nothing else.
//!
//! Coordinates grow right and down from the top-left corner `(0, 0)`. In
//! [`Units::Cells`] every coordinate is a whole number of character cells and edge
//! paths are orthogonal; in [`Units::Pixels`] they are CSS pixels.

use liutu_model::{ArrowHead, ParticipantKind, RichText, Shape, Stroke, Style};

pub mod outline;
pub mod shapes;

/// What one unit of the scene's coordinates is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Units {
    /// Terminal character cells (integer coordinates).
    Cells,
    /// CSS pixels.
    Pixels,
}

/// A laid-out diagram.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scene {
    pub units: Units,
    pub width: f64,
    pub height: f64,
    pub title: Option<String>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    /// Subgraph frames, outermost first (draw in this order).
    pub clusters: Vec<Cluster>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// `(dotted.key, value)` options renderers read, such as `theme` or `flowchart.curve`.
    pub config: Vec<(String, String)>,
    /// Set for a sequence diagram: what its nodes, edges and clusters are, and the parts
    /// the generic primitives cannot say. Absent (and not serialised) for flowcharts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<SequenceParts>,
}

impl Scene {
    /// Moves the drawing so that it starts `pad` from the top-left corner, and sets the
    /// scene's size to what is drawn plus `pad` all round. Edge points count as boxes
    /// `extent` wide (1 in cells, where a point is a whole cell; 0 in pixels).
    pub fn fit(&mut self, pad: f64, extent: f64) {
        let bounds = self.content_bounds(extent);
        self.translate(pad - bounds.x, pad - bounds.y);
        self.width = bounds.width + 2.0 * pad;
        self.height = bounds.height + 2.0 * pad;
    }

    /// The box around everything drawn: nodes, frames, labels, edge points and the parts
    /// of a sequence diagram. Empty boxes do not count; an empty scene is at the origin.
    pub fn content_bounds(&self, extent: f64) -> Rect {
        let mut rects: Vec<Rect> = Vec::new();
        rects.extend(self.nodes.iter().flat_map(|n| [n.rect, n.label.rect]));
        rects.extend(self.clusters.iter().flat_map(|c| [c.rect, c.title.rect]));
        rects.extend(
            self.edges
                .iter()
                .filter_map(|e| e.label.as_ref().map(|l| l.rect)),
        );
        if let Some(parts) = &self.sequence {
            rects.extend(parts.activations.iter().map(|a| a.rect));
            rects.extend(
                parts
                    .messages
                    .iter()
                    .filter_map(|p| p.number.as_ref().map(|l| l.rect)),
            );
            rects.extend(parts.title.iter().map(|l| l.rect));
        }
        // Edge points always count, even as boxes of no size (in pixels).
        let points = self
            .edges
            .iter()
            .flat_map(|e| e.points.iter())
            .map(|p| Rect::new(p.x, p.y, extent, extent));
        let mut drawn = rects
            .into_iter()
            .filter(|r| r.width > 0.0 || r.height > 0.0)
            .chain(points);
        let Some(first) = drawn.next() else {
            return Rect::default();
        };
        drawn.fold(first, |a, b| {
            let (x0, y0) = (a.x.min(b.x), a.y.min(b.y));
            let (x1, y1) = (a.right().max(b.right()), a.bottom().max(b.bottom()));
            Rect::new(x0, y0, x1 - x0, y1 - y0)
        })
    }

    /// Calls `rect` on every box of the nodes, their labels, the frames, their titles and
    /// the edge labels, and `point` on every edge point: all a flowchart is drawn from
    /// (not the parts only sequence diagrams have).
    pub fn for_each_box_and_point(
        &mut self,
        mut rect: impl FnMut(&mut Rect),
        mut point: impl FnMut(&mut Point),
    ) {
        for n in &mut self.nodes {
            rect(&mut n.rect);
            rect(&mut n.label.rect);
        }
        for c in &mut self.clusters {
            rect(&mut c.rect);
            rect(&mut c.title.rect);
        }
        for e in &mut self.edges {
            e.points.iter_mut().for_each(&mut point);
            if let Some(l) = &mut e.label {
                rect(&mut l.rect);
            }
        }
    }

    /// Moves everything by `(dx, dy)`.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        let mv = |r: &mut Rect| {
            r.x += dx;
            r.y += dy;
        };
        self.for_each_box_and_point(mv, |p| {
            p.x += dx;
            p.y += dy;
        });
        if let Some(parts) = &mut self.sequence {
            for a in &mut parts.activations {
                mv(&mut a.rect);
            }
            for msg in &mut parts.messages {
                if let Some(l) = &mut msg.number {
                    mv(&mut l.rect);
                }
            }
            for f in &mut parts.frames {
                mv(&mut f.tab);
                for section in &mut f.sections {
                    section.y += dy;
                    mv(&mut section.label.rect);
                }
            }
            for p in &mut parts.destroys {
                p.x += dx;
                p.y += dy;
            }
            if let Some(t) = &mut parts.title {
                mv(&mut t.rect);
            }
        }
    }

    /// The value of a config key, if set.
    pub fn config_value(&self, key: &str) -> Option<&str> {
        self.config
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A point.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }
}

/// An axis-aligned rectangle given by its top-left corner and size.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// True when the two rectangles share interior area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `other` lies inside or on the border of `self`.
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// True when the point lies strictly inside.
    pub fn contains_strictly(&self, p: Point) -> bool {
        p.x > self.x && p.x < self.right() && p.y > self.y && p.y < self.bottom()
    }
}

/// A text placed in a box: lines are centred horizontally in `rect`, stacked from its top.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Label {
    pub text: RichText,
    pub rect: Rect,
}

/// A node's shape, box and label.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Node {
    /// The id as written in the source.
    pub id: String,
    pub shape: Shape,
    /// The bounding box of the outline.
    pub rect: Rect,
    pub label: Label,
    pub classes: Vec<String>,
    /// Resolved style: `classDef default`, then classes, then `style` (later wins).
    pub style: Style,
    pub link: Option<Link>,
}

/// A hyperlink or callback attached to a node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    pub url: String,
    pub target: Option<String>,
    pub tooltip: Option<String>,
}

/// A routed edge.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Edge {
    /// Mermaid-style id: the user's `e1@` id, else `L_FROM_TO_N`.
    pub id: String,
    /// Source and target node ids.
    pub from: String,
    pub to: String,
    /// The polyline from the source outline to the target outline. In cells: the cells
    /// the line occupies, ends included, every step horizontal or vertical.
    pub points: Vec<Point>,
    pub stroke: Stroke,
    pub head_start: ArrowHead,
    pub head_end: ArrowHead,
    pub label: Option<Label>,
    pub classes: Vec<String>,
    pub style: Style,
    /// The interpolation to draw with (`basis`, `linear`, `step`, ...); renderers of
    /// cells ignore it.
    pub curve: String,
}

/// A subgraph frame.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cluster {
    pub id: String,
    pub rect: Rect,
    pub title: Label,
    pub classes: Vec<String>,
    pub style: Style,
    /// Nesting depth: 0 for a top-level subgraph.
    pub depth: usize,
}

/// The sequence-diagram side of a scene. Participants and notes are [`Node`]s, messages
/// and lifelines are [`Edge`]s, frames (`loop`, `alt`, ...) and `box` groups are
/// [`Cluster`]s; the parts here say which is which (by index into the scene's lists)
/// and add what those primitives lack: activation bars, frame tabs and section dividers,
/// sequence numbers, destroy crosses, participant figures.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct SequenceParts {
    /// Participant boxes, top row first, then the mirrored bottom row.
    pub actors: Vec<ActorPart>,
    /// Lifeline edges (dotted, no heads), possibly several segments per participant: they
    /// stop at notes that cover them.
    pub lifelines: Vec<usize>,
    /// Messages in source order.
    pub messages: Vec<MessagePart>,
    /// Note nodes.
    pub notes: Vec<usize>,
    /// Frames, outermost first.
    pub frames: Vec<FramePart>,
    /// `box` group clusters.
    pub boxes: Vec<usize>,
    /// Activation bars, in the order they open.
    pub activations: Vec<Activation>,
    /// Where destroyed lifelines end: a cross is drawn centred here.
    pub destroys: Vec<Point>,
    /// The diagram title, placed (text art only; SVG draws `Scene::title` itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Label>,
}

/// A participant's box (or figure).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorPart {
    /// Index in [`Scene::nodes`].
    pub node: usize,
    /// Index of the participant, in declaration order.
    pub participant: usize,
    pub kind: ParticipantKind,
    /// True for the mirrored copy under the diagram.
    pub bottom: bool,
}

/// A message: its edge and what an edge cannot say.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MessagePart {
    /// Index in [`Scene::edges`].
    pub edge: usize,
    /// The heads are open (async `-)`), not filled.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub open_heads: bool,
    /// `()` marks at the start / end.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub central_start: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub central_end: bool,
    /// A message from a participant to itself: the edge is a loop.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub self_loop: bool,
    /// The autonumber, placed.
    pub number: Option<Label>,
}

/// A frame (`loop`, `alt`, ...): its cluster, its tab and its sections.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FramePart {
    /// Index in [`Scene::clusters`]; the cluster's title is the condition text.
    pub cluster: usize,
    /// `loop`, `alt`, `opt`, `par`, `critical`, `break`, or `rect` (a coloured
    /// background with no border, tab or label).
    pub keyword: String,
    /// The tab holding the keyword, at the frame's top-left corner.
    pub tab: Rect,
    /// `else` / `and` / `option` dividers, top to bottom.
    pub sections: Vec<FrameSection>,
}

/// A dashed divider across a frame, with its condition text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FrameSection {
    pub y: f64,
    pub label: Label,
}

/// An activation bar.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Activation {
    pub rect: Rect,
    pub participant: usize,
    /// 0 for the outermost bar of its participant.
    pub depth: usize,
}
