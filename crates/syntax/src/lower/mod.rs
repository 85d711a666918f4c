//! Syntax tree to model.
//!
//! In: the parsed [`Tree`] and the source. Out: a [`Diagram`] with every id resolved to
//! an index, plus the diagnostics only whole-diagram knowledge can find (unknown shape
//! names, `linkStyle` past the last edge, styles on unknown nodes, Font Awesome icons in
//! labels); [`config`] checks the config keys, for the reader that knows the diagram's kind.
//!
//! Mermaid's rules kept here: nodes are numbered in order of first mention; a later
//! mention with brackets replaces the label and shape; a node belongs to the first
//! subgraph (innermost first, in closing order) that mentions it; an edge written to a
//! subgraph id ends on one of its members and records the subgraph; `id@{...}` with the
//! id of an earlier edge sets that edge's data.

pub(crate) mod config;
mod text;

use crate::Diagnostic;
use crate::ast::{self, ClickAction, LinkTargets, NodeRef, Statement};
use crate::parse::Tree;
use liutu_model::{
    ClassDef, Click, Diagram, Direction, Edge, Flowchart, Node, NodeId, RichText, Shape, Span,
    Style, Subgraph, SubgraphId,
};
use std::borrow::Cow;
use std::collections::HashMap;

/// The flowchart in `tree`; its config is checked by the caller, which knows which kind
/// of diagram the config belongs to ([`config::check`]).
pub(crate) fn lower<'a>(tree: &'a Tree<'a>) -> (Diagram, Vec<Diagnostic>) {
    let mut l = Lowerer {
        chain_nodes: &tree.nodes,
        chain_links: &tree.links,
        ..Lowerer::default()
    };
    // Every link makes at least one edge (more with `&`): no regrowing the list of a big
    // chart edge by edge.
    l.fc.edges.reserve(tree.links.len());
    l.fc.direction = tree.direction.as_ref().map_or(Direction::TB, |d| d.value);
    l.fc.title = tree.title.as_ref().map(|t| t.value.clone());
    l.fc.config = tree
        .config
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    l.declare_subgraphs(&tree.statements, None);
    l.block(&tree.statements, None);
    l.finish();
    (Diagram::Flowchart(l.fc), l.diags)
}

/// The closest candidate by edit distance (ignoring case), when close enough to be a
/// likely typo: the "did you mean" of diagnostics and of the command line.
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = distance(&word, &c.to_ascii_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .map(|(_, c)| c)
}

/// Levenshtein distance (inputs are short names; both are capped at 64 chars).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Where an edge end points.
#[derive(Clone, Copy)]
enum End {
    Node(NodeId),
    Subgraph(SubgraphId),
}

#[derive(Default)]
struct Lowerer<'a> {
    /// The tree's [`ast::Document::nodes`] and [`ast::Document::links`], which chains
    /// index.
    chain_nodes: &'a [NodeRef<'a>],
    chain_links: &'a [ast::Link<'a>],
    fc: Flowchart,
    diags: Vec<Diagnostic>,
    /// The Font Awesome icons warned about, each with its warning: each icon is named
    /// once, where it is first written.
    icons_named: HashMap<String, usize>,
    /// Node ids as the source spells them (borrowed, so a mention costs one lookup and no
    /// copy); owned only for the node an empty subgraph gets in `finish`.
    nodes: HashMap<Cow<'a, str>, NodeId>,
    subgraphs: HashMap<String, SubgraphId>,
    edge_ids: HashMap<&'a str, usize>,
    /// Per subgraph: the nodes its own statements mention, in order.
    mentions: Vec<Vec<NodeId>>,
    /// Next subgraph index handed out by the walk (same pre-order as the declaration).
    next_subgraph: usize,
    /// Edges written to a subgraph: (edge, is_source, subgraph).
    subgraph_ends: Vec<(usize, bool, SubgraphId)>,
    default_curve: Option<String>,
    /// Hints computed so far for unknown ids (bounded so hints stay linear).
    hints_left: usize,
    /// Scratch for [`Lowerer::chain`], kept between chains so that lowering a chain
    /// allocates nothing: where each written node ends, group after group, and the
    /// index in `ends` at which each group starts (plus one past the last).
    ends: Vec<End>,
    group_starts: Vec<usize>,
}

impl<'a> Lowerer<'a> {
    /// Creates every subgraph first (pre-order: parents before children) so edges can
    /// refer to a subgraph written later.
    fn declare_subgraphs(&mut self, stmts: &[Statement<'a>], parent: Option<SubgraphId>) {
        for s in stmts {
            if let Statement::Subgraph(sg) = s {
                let index = self.fc.subgraphs.len();
                let id = match &sg.id {
                    Some(id) => id.value.trim().to_string(),
                    None => format!("subGraph{index}"),
                };
                let title = match &sg.title {
                    Some(t) => self.label_text(t),
                    None => RichText::plain(&id),
                };
                self.subgraphs.entry(id.clone()).or_insert(index);
                self.fc.subgraphs.push(Subgraph {
                    id,
                    title,
                    direction: None,
                    nodes: Vec::new(),
                    children: Vec::new(),
                    parent,
                    classes: Vec::new(),
                    style: Style::default(),
                    span: sg.span,
                });
                self.mentions.push(Vec::new());
                if let Some(p) = parent {
                    self.fc.subgraphs[p].children.push(index);
                }
                self.declare_subgraphs(&sg.body, Some(index));
            }
        }
    }

    fn block(&mut self, stmts: &[Statement<'a>], current: Option<SubgraphId>) {
        for s in stmts {
            self.statement(s, current);
        }
    }

    fn statement(&mut self, s: &Statement<'a>, current: Option<SubgraphId>) {
        match s {
            Statement::Chain(chain) => self.chain(chain, current),
            Statement::Subgraph(sg) => {
                let index = self.next_subgraph;
                self.next_subgraph += 1;
                self.block(&sg.body, Some(index));
                // Closing: claim the nodes this block mentions that no earlier-closed
                // subgraph claimed.
                let mentioned = std::mem::take(&mut self.mentions[index]);
                for n in mentioned {
                    if self.fc.nodes[n].parent.is_none() {
                        self.fc.nodes[n].parent = Some(index);
                        self.fc.subgraphs[index].nodes.push(n);
                    }
                }
            }
            Statement::Direction(d) => match current {
                Some(sg) => self.fc.subgraphs[sg].direction = Some(d.value),
                None => self.diags.push(Diagnostic::warning(
                    d.span,
                    "`direction` outside a subgraph is ignored; set the direction in the header",
                )),
            },
            Statement::ClassDef(stmt) => {
                let ast::ClassDef { names, style, .. } = &**stmt;
                for name in names {
                    self.fc.class_defs.push(ClassDef {
                        name: name.value.to_string(),
                        style: to_style(style),
                    });
                }
            }
            Statement::Class(stmt) => {
                let ast::Class { nodes, classes, .. } = &**stmt;
                let owned = || classes.iter().map(|c| c.to_string());
                for id in nodes {
                    if let Some(&n) = self.nodes.get(id.value) {
                        self.fc.nodes[n].classes.extend(owned());
                    } else if let Some(&sg) = self.subgraphs.get(id.value) {
                        self.fc.subgraphs[sg].classes.extend(owned());
                    } else if let Some(&e) = self.edge_ids.get(id.value) {
                        self.fc.edges[e].classes.extend(owned());
                    } else {
                        let d = self.unknown_node(id, "`class` names an unknown node");
                        self.diags.push(d);
                    }
                }
            }
            Statement::Style(stmt) => {
                let ast::Style { node, style, .. } = &**stmt;
                let st = to_style(style);
                if let Some(&n) = self.nodes.get(node.value) {
                    self.fc.nodes[n].style.extend(&st);
                } else if let Some(&sg) = self.subgraphs.get(node.value) {
                    self.fc.subgraphs[sg].style.extend(&st);
                } else {
                    // Mermaid creates the node; do the same, but say so.
                    let d = self.unknown_node(
                        node,
                        "`style` names a node that does not exist yet; it is created",
                    );
                    self.diags.push(d);
                    let n = self.node_index(Cow::Borrowed(node.value), node.span);
                    self.fc.nodes[n].style.extend(&st);
                }
            }
            Statement::LinkStyle(stmt) => {
                let ast::LinkStyle {
                    targets,
                    interpolate,
                    style,
                    ..
                } = &**stmt;
                let st = to_style(style);
                match targets {
                    LinkTargets::Default => {
                        self.fc.default_edge_style.extend(&st);
                        if let Some(c) = interpolate {
                            self.default_curve = Some(c.clone());
                        }
                    }
                    LinkTargets::Indices(list) => {
                        let count = self.fc.edges.len();
                        for i in list {
                            match self.fc.edges.get_mut(i.value) {
                                Some(e) => {
                                    e.style.extend(&st);
                                    if let Some(c) = interpolate {
                                        e.curve = Some(c.clone());
                                    }
                                }
                                None => {
                                    let what = match count {
                                        0 => "there are no edges before it".to_string(),
                                        1 => "there is 1 edge before it, numbered 0".to_string(),
                                        n => format!(
                                            "there are {n} edges before it, numbered 0 to {}",
                                            n - 1
                                        ),
                                    };
                                    self.diags.push(
                                        Diagnostic::error(
                                            i.span,
                                            format!("`linkStyle` index {} is past the last edge: {what}", i.value),
                                        )
                                        .with_hint("edges are numbered from 0 in the order they are written, counting each `&` pair"),
                                    );
                                }
                            }
                        }
                    }
                }
            }
            Statement::Click(stmt) => {
                let ast::Click { node, action, .. } = &**stmt;
                let click = match action {
                    ClickAction::Href {
                        url,
                        target,
                        tooltip,
                    } => Click::Href {
                        url: url.clone(),
                        target: target.clone(),
                        tooltip: tooltip.clone(),
                    },
                    ClickAction::Callback {
                        function,
                        args,
                        tooltip,
                    } => Click::Callback {
                        function: function.clone(),
                        args: args.clone(),
                        tooltip: tooltip.clone(),
                    },
                };
                match self.nodes.get(node.value) {
                    Some(&n) => self.fc.nodes[n].click = Some(click),
                    None => {
                        let d =
                            self.unknown_node(node, "`click` names an unknown node; it is ignored");
                        self.diags.push(d);
                    }
                }
            }
            Statement::AccTitle(t) => self.fc.acc_title = Some(t.value.clone()),
            Statement::AccDescr(t) => self.fc.acc_descr = Some(t.value.clone()),
        }
    }

    fn unknown_node(&mut self, id: &ast::Spanned<&str>, message: &str) -> Diagnostic {
        let mut d = Diagnostic::warning(id.span, format!("{message}: `{}`", id.value));
        if self.hints_left < 32 {
            self.hints_left += 1;
            if let Some(near) = nearest(id.value, self.fc.nodes.iter().map(|n| n.id.as_str())) {
                d = d.with_hint(format!("did you mean `{near}`?"));
            }
        }
        d
    }

    /// Index of node `id`, creating it (label = id) on first mention.
    fn node_index(&mut self, id: Cow<'a, str>, span: Span) -> NodeId {
        if let Some(&n) = self.nodes.get(id.as_ref()) {
            return n;
        }
        let label = RichText::plain(&id);
        self.add_node(id, span, label)
    }

    /// Creates node `id`, which must not exist yet.
    fn add_node(&mut self, id: Cow<'a, str>, span: Span, label: RichText) -> NodeId {
        let n = self.fc.nodes.len();
        self.fc.nodes.push(Node {
            id: id.to_string(),
            label,
            shape: Shape::Rect,
            classes: Vec::new(),
            style: Style::default(),
            click: None,
            icon: None,
            image: None,
            parent: None,
            span,
        });
        self.nodes.insert(id, n);
        n
    }

    /// A label's text, without the Font Awesome icons liutu cannot draw (named in a
    /// warning, since Mermaid would show an icon there).
    fn label_text(&mut self, label: &ast::Label) -> RichText {
        let Some((rest, icons)) = text::strip_icons(label.text) else {
            return text::rich_text(label);
        };
        for icon in icons {
            match self.icons_named.get(&icon) {
                // Subgraph titles are read first: keep the warning at the first mention.
                Some(&at) => {
                    if label.span.start < self.diags[at].span.start {
                        self.diags[at].span = label.span;
                    }
                }
                None => {
                    self.icons_named.insert(icon.clone(), self.diags.len());
                    self.diags.push(Diagnostic::warning(
                        label.span,
                        format!(
                            "`{icon}` is a Font Awesome icon; liutu draws no icons, so it is \
                             left out of labels"
                        ),
                    ));
                }
            }
        }
        text::rich_text(&ast::Label {
            text: &rest,
            ..*label
        })
    }

    /// Applies one written node; returns where edges to it end (`None` when it was
    /// edge data, `e1@{...}`).
    fn node_ref(&mut self, r: &NodeRef<'a>, current: Option<SubgraphId>) -> Option<End> {
        let id = r.id.value;
        let n = match self.nodes.get(id) {
            Some(&n) => {
                // A later mention with brackets replaces the label.
                if let Some(label) = r.label() {
                    self.fc.nodes[n].label = self.label_text(label);
                }
                n
            }
            None => {
                if let Some(&sg) = self.subgraphs.get(id)
                    && r.details.is_none()
                {
                    return Some(End::Subgraph(sg));
                }
                if let Some(&e) = self.edge_ids.get(id)
                    && r.shape().is_none()
                    && r.label().is_none()
                {
                    self.edge_data(e, r);
                    return None;
                }
                // The label written here is the node's from the start: no id label to
                // build and throw away.
                let label = match r.label() {
                    Some(label) => self.label_text(label),
                    None => RichText::plain(id),
                };
                self.add_node(Cow::Borrowed(id), r.id.span, label)
            }
        };
        if let Some(c) = current {
            self.mentions[c].push(n);
        }
        // Most mentions are a bare id: leave the node alone then (a big chart's nodes do
        // not fit in the cache, so every needless visit is a miss).
        if let Some(shape) = r.shape() {
            self.fc.nodes[n].shape = shape.value;
        }
        if !r.classes().is_empty() {
            let classes = r.classes().iter().map(|c| c.value.to_string());
            self.fc.nodes[n].classes.extend(classes);
        }
        for entry in r.data() {
            let value = entry.value.value.as_ref();
            match entry.key.value {
                "shape" => match Shape::from_name(value) {
                    Some(s) => self.fc.nodes[n].shape = s,
                    None => {
                        let mut d =
                            Diagnostic::error(entry.value.span, format!("unknown shape `{value}`"));
                        d = match nearest(value, Shape::names().iter().copied()) {
                            Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                            None => d.with_hint("see the list of shape names in Mermaid's flowchart docs (`rect`, `rounded`, `diam`, `cyl`, `doc`, ...)"),
                        };
                        self.diags.push(d);
                    }
                },
                "label" => {
                    let label = ast::Label {
                        text: value,
                        kind: ast::LabelKind::String,
                        span: entry.value.span,
                    };
                    self.fc.nodes[n].label = self.label_text(&label);
                }
                "icon" => self.fc.nodes[n].icon = Some(value.to_string()),
                "img" => self.fc.nodes[n].image = Some(value.to_string()),
                "form" | "pos" | "h" | "w" | "constraint" | "labelPosition" => {}
                other => self.diags.push(Diagnostic::warning(
                    entry.key.span,
                    format!("unknown node data key `{other}`; it is ignored"),
                )),
            }
        }
        Some(End::Node(n))
    }

    fn edge_data(&mut self, e: usize, r: &NodeRef<'a>) {
        for entry in r.data() {
            let value = entry.value.value.as_ref();
            match entry.key.value {
                "animate" => self.fc.edges[e].animate = value == "true",
                "animation" => self.fc.edges[e].animate = !value.is_empty() && value != "none",
                "curve" => self.fc.edges[e].curve = Some(value.to_string()),
                other => self.diags.push(Diagnostic::warning(
                    entry.key.span,
                    format!("unknown edge data key `{other}`; it is ignored"),
                )),
            }
        }
        self.fc.edges[e]
            .classes
            .extend(r.classes().iter().map(|c| c.value.to_string()));
    }

    fn chain(&mut self, chain: &ast::Chain, current: Option<SubgraphId>) {
        let mut ends = std::mem::take(&mut self.ends);
        let mut starts = std::mem::take(&mut self.group_starts);
        ends.clear();
        starts.clear();
        for g in chain.groups(self.chain_nodes) {
            starts.push(ends.len());
            ends.extend(g.iter().filter_map(|r| self.node_ref(r, current)));
        }
        starts.push(ends.len());
        let group = |i: usize| Some(&ends[*starts.get(i)?..*starts.get(i + 1)?]);
        let all_links: &'a [ast::Link] = self.chain_links;
        let links = &all_links[chain.links.clone()];
        for (i, link) in links.iter().enumerate() {
            let (Some(from), Some(to)) = (group(i), group(i + 1)) else {
                continue;
            };
            let label = link
                .label()
                .map(|l| self.label_text(l))
                .filter(|l| !l.is_empty());
            let mut first = true;
            for &a in from {
                for &b in to {
                    let idx = self.fc.edges.len();
                    let id = if first {
                        link.id().map(|s| s.value)
                    } else {
                        None
                    };
                    first = false;
                    if let Some(id) = id
                        && self.edge_ids.insert(id, idx).is_some()
                    {
                        self.diags.push(Diagnostic::warning(
                                link.id().map_or(link.span, |s| s.span),
                                format!("edge id `{id}` is used twice; `{id}@{{...}}` applies to the last one"),
                            ));
                    }
                    let mut endpoint = |end: End, is_source: bool| match end {
                        End::Node(n) => n,
                        End::Subgraph(sg) => {
                            self.subgraph_ends.push((idx, is_source, sg));
                            0
                        }
                    };
                    let f = endpoint(a, true);
                    let t = endpoint(b, false);
                    self.fc.edges.push(Edge {
                        id: id.map(str::to_string),
                        from: f,
                        to: t,
                        from_subgraph: None,
                        to_subgraph: None,
                        label: label.clone(),
                        stroke: link.stroke,
                        head_start: link.head_start,
                        head_end: link.head_end,
                        min_len: link.length.max(1),
                        style: Style::default(),
                        classes: Vec::new(),
                        animate: false,
                        curve: None,
                        span: link.span,
                    });
                }
            }
        }
        self.ends = ends;
        self.group_starts = starts;
    }

    /// Resolves edges to subgraphs and applies defaults once everything is known.
    fn finish(&mut self) {
        for (e, is_source, sg) in std::mem::take(&mut self.subgraph_ends) {
            let member = match self.first_member(sg) {
                Some(n) => n,
                None => {
                    // An empty subgraph: give it one node so the edge has an end.
                    let id = self.fc.subgraphs[sg].id.clone();
                    let span = self.fc.subgraphs[sg].span;
                    let n = self.node_index(Cow::Owned(id), span);
                    if self.fc.nodes[n].parent.is_none() {
                        self.fc.nodes[n].parent = Some(sg);
                        self.fc.nodes[n].label = RichText::default();
                        self.fc.subgraphs[sg].nodes.push(n);
                    }
                    n
                }
            };
            let edge = &mut self.fc.edges[e];
            if is_source {
                edge.from = member;
                edge.from_subgraph = Some(sg);
            } else {
                edge.to = member;
                edge.to_subgraph = Some(sg);
            }
        }
        // Mermaid draws its symbols (start and stop circles, junction, fork bar, bolt)
        // without a label: neither does liutu, and a label written for one is named.
        for node in &mut self.fc.nodes {
            if node.shape.draws_label() || node.label.is_empty() {
                continue;
            }
            if node.label.to_plain() != node.id {
                self.diags.push(Diagnostic::warning(
                    node.span,
                    format!(
                        "the label of `{}` is not drawn: its shape is a symbol, drawn without a label as Mermaid draws it",
                        node.id
                    ),
                ));
            }
            node.label = RichText::default();
        }
        if let Some(curve) = self.default_curve.take() {
            for e in &mut self.fc.edges {
                if e.curve.is_none() {
                    e.curve = Some(curve.clone());
                }
            }
        }
    }

    /// The first node of a subgraph, looking into children (iteratively).
    fn first_member(&self, sg: SubgraphId) -> Option<NodeId> {
        let mut stack = vec![sg];
        let mut seen = 0;
        while let Some(s) = stack.pop() {
            seen += 1;
            if seen > self.fc.subgraphs.len() + 1 {
                break;
            }
            let g = self.fc.subgraphs.get(s)?;
            if let Some(&n) = g.nodes.first() {
                return Some(n);
            }
            stack.extend(g.children.iter().rev().copied());
        }
        None
    }
}

fn to_style(props: &[(String, String)]) -> Style {
    Style {
        properties: props.to_vec(),
    }
}
