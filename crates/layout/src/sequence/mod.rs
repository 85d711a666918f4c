//! The sequence-diagram layout.
//!
//! In: a [`Sequence`], a [`TextMeasure`] (cells for text art, a font for graphics) and
//! [`LayoutOptions`]. Out: a [`Scene`] with participants and notes as nodes, messages
//! and lifelines as edges, frames and `box` groups as clusters, and the sequence-only
//! parts in [`liutu_scene::SequenceParts`].
//!
//! Steps: size every label ([`Sizes`]); find which participants each frame spans
//! ([`frame_spans`]); place the lifelines so every message, note and frame label fits
//! ([`columns`]); walk the events once with a vertical cursor, a frame stack and an
//! activation stack per participant ([`rows`]); gather the scene ([`scene`]). The same
//! code works in cells (every coordinate a whole cell) and in pixels; only [`Metrics`]
//! differ.

mod columns;
mod rows;
mod scene;
mod wrap;

use crate::LayoutOptions;
use columns::Gap;
use liutu_measure::TextMeasure;
use liutu_model::{
    BlockKind, Event, NotePlacement, ParticipantKind, RichText, Sequence, TextLine, TextSpan,
};
use liutu_scene::Scene;

/// Gaps and paddings, in cells or pixels (Mermaid's defaults for pixels).
#[derive(Debug, Clone)]
pub(super) struct Metrics {
    pub cells: bool,
    pub line_height: f64,
    pub box_pad_x: f64,
    pub box_min_w: f64,
    pub box_pad_y: f64,
    pub box_min_h: f64,
    /// Extra height of a participant drawn as a symbol (actor, database, ...) above its
    /// label.
    pub figure_h: f64,
    pub actor_gap: f64,
    /// Room each side of a message label between two lifelines.
    pub label_pad: f64,
    /// Between a message label and its line.
    pub label_gap: f64,
    /// After each message, note or frame edge.
    pub event_gap: f64,
    pub self_w: f64,
    pub self_h: f64,
    pub note_pad_x: f64,
    pub note_pad_y: f64,
    /// Between a lifeline and a note left or right of it.
    pub note_offset: f64,
    /// How far a note over participants reaches past their lifelines.
    pub note_overhang: f64,
    pub frame_margin: f64,
    pub frame_title_h: f64,
    pub section_h: f64,
    pub bar_w: f64,
    /// Room for a `box` group's title above the participants.
    pub group_title_h: f64,
    pub group_pad: f64,
    /// Around the whole drawing.
    pub margin: f64,
    /// Longest line of wrapped text.
    pub wrap_width: f64,
}

impl Metrics {
    fn new(seq: &Sequence, measure: &dyn TextMeasure, _options: &LayoutOptions) -> Self {
        let num = |name: &str| {
            seq.option(name)
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v >= 0.0 && *v < 10_000.0)
        };
        let actor_margin = num("actorMargin").unwrap_or(50.0);
        let width = num("width").unwrap_or(150.0);
        if measure.is_cells() {
            Metrics {
                cells: true,
                line_height: 1.0,
                box_pad_x: 2.0,
                box_min_w: 5.0,
                box_pad_y: 1.0,
                box_min_h: 3.0,
                figure_h: 0.0,
                actor_gap: (actor_margin / 50.0 * 3.0).round().clamp(1.0, 40.0),
                label_pad: 2.0,
                label_gap: 0.0,
                event_gap: 0.0,
                self_w: 3.0,
                self_h: 1.0,
                note_pad_x: 2.0,
                note_pad_y: 1.0,
                note_offset: 2.0,
                note_overhang: 2.0,
                frame_margin: 2.0,
                frame_title_h: 1.0,
                section_h: 1.0,
                bar_w: 1.0,
                group_title_h: 1.0,
                group_pad: 1.0,
                margin: 0.0,
                wrap_width: (width / 8.0).round().max(10.0),
            }
        } else {
            let lh = measure.line_height();
            Metrics {
                cells: false,
                line_height: lh,
                box_pad_x: 10.0,
                box_min_w: width,
                box_pad_y: 10.0,
                box_min_h: num("height").unwrap_or(65.0),
                figure_h: 40.0,
                actor_gap: actor_margin,
                label_pad: 12.0,
                label_gap: 4.0,
                event_gap: 14.0,
                self_w: 40.0,
                self_h: 20.0,
                note_pad_x: 10.0,
                note_pad_y: 8.0,
                note_offset: 15.0,
                note_overhang: 20.0,
                frame_margin: 10.0,
                frame_title_h: lh + 12.0,
                section_h: lh + 10.0,
                bar_w: 10.0,
                group_title_h: lh + 10.0,
                group_pad: 10.0,
                margin: 8.0,
                wrap_width: (width - 20.0).max(40.0),
            }
        }
    }
}

/// A label and its measured size.
#[derive(Debug, Clone, Default)]
pub(super) struct Sized {
    pub text: RichText,
    pub w: f64,
    pub h: f64,
}

fn sized(text: RichText, measure: &dyn TextMeasure) -> Sized {
    if text.is_empty() {
        return Sized {
            text,
            w: 0.0,
            h: 0.0,
        };
    }
    let (w, h) = measure.text_size(&text);
    Sized { text, w, h }
}

fn plain(text: &str) -> RichText {
    RichText {
        lines: vec![TextLine {
            spans: vec![TextSpan {
                text: text.to_string(),
                ..TextSpan::default()
            }],
        }],
    }
}

/// Every label's text and size.
pub(super) struct Sizes {
    /// Per participant: label, box width and height.
    pub actors: Vec<Sized>,
    pub box_w: Vec<f64>,
    /// One height for every participant box.
    pub box_h: f64,
    /// Per event: message / note text, block / section label (empty for others).
    pub labels: Vec<Sized>,
    /// Per event: the autonumber of a message.
    pub numbers: Vec<Option<Sized>>,
    /// Per event: a frame's title as drawn (keyword, condition) for a `Start`.
    pub keywords: Vec<Sized>,
    /// Per `box` group: its title.
    pub groups: Vec<Sized>,
}

fn sizes(seq: &Sequence, measure: &dyn TextMeasure, m: &Metrics) -> Sizes {
    let wrap_all = seq.flag("wrap", false);
    let actors: Vec<Sized> = seq
        .participants
        .iter()
        .map(|p| {
            let text = if wrap_all {
                wrap::wrap(&p.label, m.wrap_width, measure)
            } else {
                p.label.clone()
            };
            sized(text, measure)
        })
        .collect();
    let box_w = actors
        .iter()
        .map(|a| (a.w + 2.0 * m.box_pad_x).max(m.box_min_w).ceil())
        .collect();
    let box_h = seq
        .participants
        .iter()
        .zip(&actors)
        .map(|(p, a)| {
            let figure = match p.kind {
                ParticipantKind::Participant => 0.0,
                // In cells a database is a box with a lid: one more row above the name.
                ParticipantKind::Database if m.cells => 1.0,
                _ => m.figure_h,
            };
            (a.h.max(m.line_height) + 2.0 * m.box_pad_y + figure).max(m.box_min_h)
        })
        .fold(m.box_min_h, f64::max);
    let mut labels = Vec::with_capacity(seq.events.len());
    let mut numbers = Vec::with_capacity(seq.events.len());
    let mut keywords = Vec::with_capacity(seq.events.len());
    for e in &seq.events {
        let (text, wrap_this, number, keyword) = match e {
            Event::Message(msg) => (
                msg.text.clone(),
                msg.wrap.unwrap_or(wrap_all),
                msg.number.as_deref(),
                None,
            ),
            Event::Note(n) => (n.text.clone(), n.wrap.unwrap_or(wrap_all), None, None),
            Event::Start(b) => (b.label.clone(), false, None, Some(b.kind)),
            Event::Section(s) => (s.label.clone(), false, None, None),
            _ => (RichText::default(), false, None, None),
        };
        let text = if wrap_this {
            wrap::wrap(&text, m.wrap_width, measure)
        } else {
            text
        };
        // Frame titles and dividers are one line: `[cond]` after the keyword.
        let is_frame_text = matches!(e, Event::Start(_) | Event::Section(_));
        let text = if is_frame_text && !text.is_empty() {
            plain(&format!("[{}]", text.to_plain().replace('\n', " ")))
        } else {
            text
        };
        labels.push(sized(text, measure));
        numbers.push(number.map(|n| {
            let shown = if m.cells {
                format!("{n}.")
            } else {
                n.to_string()
            };
            sized(plain(&shown), measure)
        }));
        keywords.push(match keyword {
            Some(BlockKind::Rect) | None => Sized::default(),
            Some(k) => sized(plain(k.keyword()), measure),
        });
    }
    let groups = seq
        .boxes
        .iter()
        .map(|b| sized(b.title.clone().unwrap_or_default(), measure))
        .collect();
    Sizes {
        actors,
        box_w,
        box_h,
        labels,
        numbers,
        keywords,
        groups,
    }
}

/// Which participants a frame spans, and how many frames deep it is inside (1 for a
/// frame with no frame in it).
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub range: Option<(usize, usize)>,
    pub height: usize,
}

fn join(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> Option<(usize, usize)> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, None) => x,
        (None, y) => y,
    }
}

/// One [`Span`] per `Start` event, in order.
fn frame_spans(seq: &Sequence) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for e in &seq.events {
        let touched = match e {
            Event::Message(msg) => Some((msg.from.min(msg.to), msg.from.max(msg.to))),
            Event::Note(n) => {
                let lo = n.participants.iter().copied().min();
                let hi = n.participants.iter().copied().max();
                lo.zip(hi)
            }
            Event::Start(_) => {
                stack.push(out.len());
                out.push(Span {
                    range: None,
                    height: 1,
                });
                None
            }
            Event::End { .. } => {
                if let Some(done) = stack.pop()
                    && let Some(&parent) = stack.last()
                {
                    let child = out[done];
                    out[parent].range = join(out[parent].range, child.range);
                    out[parent].height = out[parent].height.max(child.height + 1);
                }
                None
            }
            _ => None,
        };
        if let (Some(t), Some(&top)) = (touched, stack.last()) {
            out[top].range = join(out[top].range, Some(t));
        }
    }
    out
}

/// Every constraint between lifelines.
fn gaps(seq: &Sequence, s: &Sizes, spans: &[Span], m: &Metrics) -> Vec<Gap> {
    let n = seq.participants.len();
    let half = |w: f64| if m.cells { (w / 2.0).floor() } else { w / 2.0 };
    let mut out = Vec::new();
    for i in 1..n {
        out.push(Gap {
            a: i - 1,
            b: i,
            min: (s.box_w[i - 1] - half(s.box_w[i - 1])) + m.actor_gap + half(s.box_w[i]),
        });
    }
    // Activation bars make a message shorter by up to a few bar widths.
    let bars = 2.0 * m.bar_w;
    let mut frame = 0;
    for (k, e) in seq.events.iter().enumerate() {
        let label = &s.labels[k];
        match e {
            Event::Message(msg) => {
                let number = s.numbers[k]
                    .as_ref()
                    .map_or(0.0, |n| if m.cells { n.w + 1.0 } else { 0.0 });
                let w = label.w + number;
                if msg.from == msg.to {
                    if msg.from + 1 < n {
                        out.push(Gap {
                            a: msg.from,
                            b: msg.from + 1,
                            min: m.label_pad + w.max(m.self_w) + m.label_pad + bars,
                        });
                    }
                } else {
                    let (a, b) = (msg.from.min(msg.to), msg.from.max(msg.to));
                    // A created participant's box sits on the line: the label must clear it.
                    let created = |p: usize| {
                        if seq.participants[p].created_by == Some(k) {
                            half(s.box_w[p])
                        } else {
                            0.0
                        }
                    };
                    out.push(Gap {
                        a,
                        b,
                        min: w + 2.0 * m.label_pad + bars + created(a) + created(b),
                    });
                }
            }
            Event::Note(note) => {
                let w = label.w + 2.0 * m.note_pad_x;
                let ps = &note.participants;
                let (Some(&lo), Some(&hi)) = (ps.iter().min(), ps.iter().max()) else {
                    continue;
                };
                match note.placement {
                    NotePlacement::RightOf if lo + 1 < n => out.push(Gap {
                        a: lo,
                        b: lo + 1,
                        min: m.note_offset + w + m.actor_gap,
                    }),
                    NotePlacement::LeftOf if lo > 0 => out.push(Gap {
                        a: lo - 1,
                        b: lo,
                        min: m.note_offset + w + m.actor_gap,
                    }),
                    NotePlacement::Over if lo == hi => {
                        if lo + 1 < n {
                            out.push(Gap {
                                a: lo,
                                b: lo + 1,
                                min: half(w) + m.actor_gap,
                            });
                        }
                        if lo > 0 {
                            out.push(Gap {
                                a: lo - 1,
                                b: lo,
                                min: w - half(w) + m.actor_gap,
                            });
                        }
                    }
                    NotePlacement::Over => out.push(Gap {
                        a: lo,
                        b: hi,
                        min: w - 2.0 * m.note_overhang,
                    }),
                    _ => {}
                }
            }
            Event::Start(_) => {
                let Some(span) = spans.get(frame) else {
                    continue;
                };
                frame += 1;
                let (a, b) = span.range.unwrap_or((0, 0));
                let margin = m.frame_margin * span.height as f64;
                let title = rows::frame_title_w(s.keywords[k].w, label.w, m);
                // The frame's borders keep clear of the lifelines just outside it.
                if a > 0 {
                    out.push(Gap {
                        a: a - 1,
                        b: a,
                        min: margin + m.actor_gap,
                    });
                }
                if b + 1 < n {
                    out.push(Gap {
                        a: b,
                        b: b + 1,
                        min: margin + m.actor_gap,
                    });
                    // A title wider than the frame's lifelines stretches the frame right.
                    out.push(Gap {
                        a,
                        b: b + 1,
                        min: title - margin + m.actor_gap,
                    });
                }
                if a < b {
                    out.push(Gap {
                        a,
                        b,
                        min: title - 2.0 * margin,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Lays out a sequence diagram.
pub fn layout(seq: &Sequence, measure: &dyn TextMeasure, options: &LayoutOptions) -> Scene {
    let m = Metrics::new(seq, measure, options);
    let s = sizes(seq, measure, &m);
    let spans = frame_spans(seq);
    let mut g = gaps(seq, &s, &spans, &m);
    let first = s
        .box_w
        .first()
        .map_or(0.0, |w| if m.cells { (w / 2.0).floor() } else { w / 2.0 });
    let xs = columns::solve(seq.participants.len(), first, &mut g, m.cells);
    let geometry = rows::place(seq, &s, &xs, &m, measure);
    scene::build(seq, &s, &geometry, &m)
}
