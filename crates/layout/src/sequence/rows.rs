//! The vertical pass: every event gets its rows, in source order.
//!
//! In: the events, label sizes, lifeline positions and metrics. Out: [`Geometry`] —
//! participant boxes (a created one at its creating message), lifeline segments,
//! message polylines and label boxes, notes, frames with their tabs and dividers,
//! activation bars, destroy crosses and `box` groups.
//!
//! One cursor moves down. A frame stack records, for each open frame, the horizontal
//! extent of what it holds; a closing frame adds its margin around that extent and
//! passes its own box on to its parent, so nested frames never touch. Each participant
//! keeps a stack of open activation bars; a message ends on the outer edge of the bars
//! of its participant (a `+` message on the bar it opens).

use super::{Metrics, Sizes};
use liutu_measure::TextMeasure;
use liutu_model::{BlockKind, Event, NotePlacement, Sequence};
use liutu_scene::{Point, Rect};

pub(super) struct MessageGeo {
    pub event: usize,
    pub points: Vec<Point>,
    pub label: Rect,
    pub number: Option<Rect>,
    pub self_loop: bool,
}

pub(super) struct NoteGeo {
    pub event: usize,
    pub rect: Rect,
    pub label: Rect,
}

pub(super) struct FrameGeo {
    pub event: usize,
    pub kind: BlockKind,
    pub rect: Rect,
    pub tab: Rect,
    pub title: Rect,
    pub sections: Vec<(usize, f64, Rect)>,
    pub depth: usize,
}

pub(super) struct BarGeo {
    pub participant: usize,
    pub rect: Rect,
    pub depth: usize,
}

#[derive(Default)]
pub(super) struct Geometry {
    pub top: Vec<Rect>,
    pub bottom: Vec<Option<Rect>>,
    /// `(participant, y0, y1)`.
    pub lifelines: Vec<(usize, f64, f64)>,
    pub messages: Vec<MessageGeo>,
    pub notes: Vec<NoteGeo>,
    pub frames: Vec<FrameGeo>,
    pub bars: Vec<BarGeo>,
    pub destroys: Vec<Point>,
    /// Per `box` group: its frame and its title's box.
    pub groups: Vec<(Rect, Rect)>,
    pub title: Option<Rect>,
}

struct OpenFrame {
    event: usize,
    kind: BlockKind,
    y0: f64,
    lo: f64,
    hi: f64,
    sections: Vec<(usize, f64)>,
}

/// The width a frame needs for its tab and condition text (0 for `rect`).
pub(super) fn frame_title_w(keyword_w: f64, label_w: f64, m: &Metrics) -> f64 {
    if keyword_w <= 0.0 {
        return 0.0;
    }
    if m.cells {
        6.0 + keyword_w + if label_w > 0.0 { 1.0 + label_w } else { 0.0 }
    } else {
        keyword_w + 20.0 + if label_w > 0.0 { label_w + 30.0 } else { 10.0 }
    }
}

fn section_w(label_w: f64, m: &Metrics) -> f64 {
    if m.cells {
        label_w + 6.0
    } else {
        label_w + 20.0
    }
}

pub(super) fn place(
    seq: &Sequence,
    s: &Sizes,
    xs: &[f64],
    m: &Metrics,
    _measure: &dyn TextMeasure,
) -> Geometry {
    let n = seq.participants.len();
    let cells = m.cells;
    // In cells a box's right edge is its last cell; in pixels its right side.
    let inc = if cells { 1.0 } else { 0.0 };
    let half = |w: f64| if cells { (w / 2.0).floor() } else { w / 2.0 };
    let mut g = Geometry::default();

    let mut top_y = 0.0;
    if cells && seq.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        let w = seq
            .title
            .as_deref()
            .map_or(0.0, |t| liutu_measure::display_width(t, false) as f64);
        let x = xs.first().map_or(0.0, |x| x - half(s.box_w[0]));
        g.title = Some(Rect::new(x, 0.0, w, 1.0));
        top_y += 2.0;
    }
    if !seq.boxes.is_empty() {
        top_y += m.group_title_h;
    }
    let box_at = |p: usize, y: f64| Rect::new(xs[p] - half(s.box_w[p]), y, s.box_w[p], s.box_h);
    g.top = (0..n).map(|p| box_at(p, top_y)).collect();
    g.bottom = vec![None; n];
    let mut cursor = top_y + s.box_h + if cells { 1.0 } else { m.event_gap * 1.5 };

    let mut open_bars: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    let mut end_y: Vec<Option<f64>> = vec![None; n];
    let mut blockers: Vec<Vec<(f64, f64)>> = vec![Vec::new(); n];
    let mut frames: Vec<OpenFrame> = Vec::new();
    // Where the last message's line starts and ends (they differ for a self loop), while
    // nothing but activations came after it: bars open and close there.
    let mut last_line: Option<f64> = None;
    let mut last_end: Option<f64> = None;

    let bounds = |open: &[Vec<(f64, usize)>], p: usize, extra: usize| -> (f64, f64) {
        let count = open[p].len() + extra;
        if count == 0 {
            return (xs[p], xs[p]);
        }
        if cells {
            (xs[p], xs[p] + count as f64 - 1.0)
        } else {
            let left = xs[p] - m.bar_w / 2.0;
            (left, left + (count - 1) as f64 * m.bar_w / 2.0 + m.bar_w)
        }
    };
    let touch = |frames: &mut Vec<OpenFrame>, lo: f64, hi: f64| {
        if let Some(f) = frames.last_mut() {
            f.lo = f.lo.min(lo);
            f.hi = f.hi.max(hi);
        }
    };

    for (k, e) in seq.events.iter().enumerate() {
        let label = &s.labels[k];
        match e {
            Event::Message(msg) => {
                let (a, b) = (msg.from, msg.to);
                if a >= n || b >= n {
                    continue;
                }
                // The `+` of this message was lowered into an `Activate` right after it.
                let plus = seq.events[k + 1..]
                    .iter()
                    .take_while(|e| {
                        matches!(e, Event::Activate { span, .. } | Event::Deactivate { span, .. }
                            if *span == msg.span)
                    })
                    .any(|e| matches!(e, Event::Activate { participant, .. } if *participant == b));
                let number = s.numbers[k].as_ref();
                let num_w = number.map_or(0.0, |n| if cells { n.w + 1.0 } else { 0.0 });
                let mut line_y = cursor + label.h + if label.h > 0.0 { m.label_gap } else { 0.0 };
                let created = |p: usize| seq.participants[p].created_by == Some(k);
                for p in [a, b] {
                    if created(p) {
                        line_y = line_y.max(cursor + half(s.box_h));
                    }
                }
                let mut after = line_y + if cells { 1.0 } else { m.event_gap };
                if a == b {
                    let (_, right) = bounds(&open_bars, a, usize::from(plus));
                    let (x1, y1) = (right + m.self_w, line_y + m.self_h);
                    let points = vec![
                        Point::new(right, line_y),
                        Point::new(x1, line_y),
                        Point::new(x1, y1),
                        Point::new(right, y1),
                    ];
                    let lx = right
                        + if cells {
                            2.0
                        } else {
                            // Clear of the number's circle on the loop's start.
                            let d = number.map_or(0.0, |nm| (nm.w * 0.75 + 6.0).max(16.0));
                            (m.label_pad / 2.0).max(d / 2.0 + 4.0)
                        };
                    let label_rect = Rect::new(lx + num_w, cursor, label.w, label.h);
                    let number_rect = number.map(|nm| {
                        if cells {
                            Rect::new(lx, cursor, nm.w, 1.0)
                        } else {
                            number_circle(right, line_y, nm.w)
                        }
                    });
                    touch(&mut frames, xs[a], (x1 + inc).max(label_rect.right()) - inc);
                    g.messages.push(MessageGeo {
                        event: k,
                        points,
                        label: label_rect,
                        number: number_rect,
                        self_loop: true,
                    });
                    after = y1 + if cells { 1.0 } else { m.event_gap };
                } else {
                    let rightwards = a < b;
                    let (al, ar) = bounds(&open_bars, a, 0);
                    let (bl, br) = bounds(&open_bars, b, usize::from(plus));
                    let mut sx = if rightwards { ar } else { al };
                    let mut ex = if rightwards { bl } else { br };
                    for p in [a, b] {
                        if created(p) {
                            let r = box_at(p, line_y - half(s.box_h));
                            g.top[p] = r;
                            let edge = if (p == b) == rightwards {
                                r.x
                            } else {
                                r.right() - inc
                            };
                            if p == b {
                                ex = edge;
                            } else {
                                sx = edge;
                            }
                            after = after.max(r.bottom() + if cells { 0.0 } else { m.event_gap });
                        }
                    }
                    let (lo, hi) = (sx.min(ex), sx.max(ex));
                    let total = label.w + num_w;
                    let lx = match seq.option("messageAlign").map(str::trim) {
                        Some("left") => lo + m.label_pad,
                        Some("right") => hi - m.label_pad - total,
                        _ => {
                            let x = lo + (hi - lo - total) / 2.0;
                            if cells { x.floor() } else { x }
                        }
                    };
                    let label_rect = Rect::new(lx + num_w, cursor, label.w, label.h);
                    let number_rect = number.map(|nm| {
                        if cells {
                            Rect::new(lx, cursor, nm.w, 1.0)
                        } else {
                            number_circle(sx, line_y, nm.w)
                        }
                    });
                    for p in [a, b] {
                        if seq.participants[p].destroyed_by == Some(k) {
                            end_y[p] = Some(line_y);
                            g.destroys.push(Point::new(xs[p], line_y));
                        }
                    }
                    touch(&mut frames, lo.min(lx), hi.max(lx + total - inc));
                    g.messages.push(MessageGeo {
                        event: k,
                        points: vec![Point::new(sx, line_y), Point::new(ex, line_y)],
                        label: label_rect,
                        number: number_rect,
                        self_loop: false,
                    });
                }
                cursor = after;
                last_line = Some(line_y);
                last_end = Some(if a == b { line_y + m.self_h } else { line_y });
            }
            Event::Activate { participant, .. } => {
                let p = *participant;
                if p < n {
                    let start = last_line.unwrap_or(cursor);
                    let depth = open_bars[p].len();
                    open_bars[p].push((start, depth));
                }
            }
            Event::Deactivate { participant, .. } => {
                let p = *participant;
                if let Some((start, depth)) = open_bars.get_mut(p).and_then(Vec::pop) {
                    let min = if cells { 1.0 } else { m.bar_w };
                    let end = last_end.unwrap_or(cursor).max(start + min);
                    if end >= cursor {
                        cursor = end + if cells { 1.0 } else { m.event_gap / 2.0 };
                    }
                    push_bar(&mut g, &mut blockers, xs, m, p, start, end, depth);
                }
            }
            Event::Note(note) => {
                let ps = &note.participants;
                let (Some(&lo), Some(&hi)) = (ps.iter().min(), ps.iter().max()) else {
                    continue;
                };
                if hi >= n {
                    continue;
                }
                let w = (label.w + 2.0 * m.note_pad_x).ceil();
                let h = label.h.max(m.line_height) + 2.0 * m.note_pad_y;
                let (x, w) = match note.placement {
                    NotePlacement::RightOf => (bounds(&open_bars, lo, 0).1 + m.note_offset, w),
                    NotePlacement::LeftOf => (xs[lo] - m.note_offset - w + inc, w),
                    NotePlacement::Over if lo == hi => (xs[lo] - half(w), w),
                    NotePlacement::Over => {
                        let left = xs[lo] - m.note_overhang;
                        let right = xs[hi] + m.note_overhang + inc;
                        let width = w.max(right - left);
                        ((left + right) / 2.0 - half(width), width)
                    }
                };
                let x = if cells { x.floor() } else { x };
                let rect = Rect::new(x, cursor, w, h);
                let lx = x + (w - label.w) / 2.0;
                let label_rect = Rect::new(
                    if cells { lx.floor() } else { lx },
                    cursor + m.note_pad_y,
                    label.w,
                    label.h,
                );
                for (q, &xq) in xs.iter().enumerate() {
                    if xq > rect.x && xq < rect.right() - inc {
                        blockers[q].push((rect.y, rect.bottom() - inc));
                    }
                }
                touch(&mut frames, rect.x, rect.right() - inc);
                g.notes.push(NoteGeo {
                    event: k,
                    rect,
                    label: label_rect,
                });
                cursor = rect.bottom() + if cells { 0.0 } else { m.event_gap };
                last_line = None;
                last_end = None;
            }
            Event::Start(block) => {
                frames.push(OpenFrame {
                    event: k,
                    kind: block.kind,
                    y0: cursor,
                    lo: f64::INFINITY,
                    hi: f64::NEG_INFINITY,
                    sections: Vec::new(),
                });
                cursor += m.frame_title_h;
                last_line = None;
                last_end = None;
            }
            Event::Section(_) => {
                if let Some(f) = frames.last_mut() {
                    f.sections.push((k, cursor));
                }
                cursor += m.section_h;
                last_line = None;
                last_end = None;
            }
            Event::End { .. } => {
                let Some(f) = frames.pop() else { continue };
                let y1 = cursor;
                cursor += if cells { 1.0 } else { m.event_gap };
                let (lo, hi) = if f.lo <= f.hi {
                    (f.lo, f.hi)
                } else {
                    let x = xs.first().copied().unwrap_or(0.0);
                    (x, x)
                };
                let x0 = lo - m.frame_margin;
                let kw = s.keywords[f.event].w;
                let mut need = frame_title_w(kw, s.labels[f.event].w, m);
                for &(e, _) in &f.sections {
                    need = need.max(section_w(s.labels[e].w, m));
                }
                let x1 = (hi + m.frame_margin).max(x0 + need - inc);
                let rect = Rect::new(x0, f.y0, x1 - x0 + inc, y1 - f.y0 + inc);
                let title_w = s.labels[f.event].w;
                let (tab, title) = if f.kind == BlockKind::Rect {
                    (Rect::new(x0, f.y0, 0.0, 0.0), Rect::new(x0, f.y0, 0.0, 0.0))
                } else if cells {
                    (
                        Rect::new(x0 + 3.0, f.y0, kw, 1.0),
                        Rect::new(x0 + 4.0 + kw, f.y0, title_w, 1.0),
                    )
                } else {
                    let tab_w = kw + 20.0;
                    let tab = Rect::new(x0, f.y0, tab_w, m.line_height + 4.0);
                    let free = rect.width - tab_w;
                    let tx = x0 + tab_w + (free - title_w).max(0.0) / 2.0;
                    (tab, Rect::new(tx, f.y0 + 4.0, title_w, m.line_height))
                };
                let sections = f
                    .sections
                    .iter()
                    .map(|&(e, y)| {
                        let lw = s.labels[e].w;
                        let r = if cells {
                            Rect::new(x0 + 3.0, y, lw, 1.0)
                        } else {
                            Rect::new(x0 + (rect.width - lw) / 2.0, y + 4.0, lw, m.line_height)
                        };
                        (e, y, r)
                    })
                    .collect();
                g.frames.push(FrameGeo {
                    event: f.event,
                    kind: f.kind,
                    rect,
                    tab,
                    title,
                    sections,
                    depth: frames.len(),
                });
                touch(&mut frames, x0, x1);
                last_line = None;
                last_end = None;
            }
        }
    }

    // Bars still open run to the end.
    cursor += if cells { 1.0 } else { m.event_gap };
    for (p, stack) in open_bars.iter_mut().enumerate() {
        while let Some((start, depth)) = stack.pop() {
            // Up to the row above the mirrored participants.
            let end = (cursor - inc).max(start + inc);
            push_bar(&mut g, &mut blockers, xs, m, p, start, end, depth);
        }
    }
    let footer_y = cursor;
    let mirror = seq.flag("mirrorActors", true);
    for p in 0..n {
        let start = g.top[p].bottom() - inc;
        let end = match end_y[p] {
            Some(y) => y,
            None => {
                if mirror {
                    g.bottom[p] = Some(box_at(p, footer_y));
                }
                footer_y
            }
        };
        let mut b = std::mem::take(&mut blockers[p]);
        b.sort_by(|x, y| x.0.total_cmp(&y.0));
        let mut from = start;
        for (b0, b1) in b {
            if b1 <= from || b0 >= end {
                continue;
            }
            if b0 > from {
                g.lifelines.push((p, from, b0));
            }
            from = from.max(b1);
        }
        if end > from {
            g.lifelines.push((p, from, end));
        }
    }
    let bottom = if mirror { footer_y + s.box_h } else { footer_y };
    for (i, group) in seq.boxes.iter().enumerate() {
        let members: Vec<Rect> = group
            .participants
            .iter()
            .filter(|&&p| p < n)
            .map(|&p| g.top[p])
            .collect();
        let (Some(x0), Some(x1)) = (
            members.iter().map(|r| r.x).reduce(f64::min),
            members.iter().map(|r| r.right()).reduce(f64::max),
        ) else {
            continue;
        };
        let x0 = x0 - m.group_pad;
        let x1 = (x1 + m.group_pad).max(x0 + s.groups[i].w + 4.0);
        let y0 = top_y - m.group_title_h;
        let rect = Rect::new(x0, y0, x1 - x0, bottom + m.group_pad - y0);
        let tw = s.groups[i].w;
        let title = if cells {
            Rect::new(x0 + 2.0, y0, tw, 1.0)
        } else {
            Rect::new(x0 + (rect.width - tw) / 2.0, y0 + 4.0, tw, m.line_height)
        };
        g.groups.push((rect, title));
    }
    // Frames were recorded as they closed; outermost first is the drawing order.
    g.frames.sort_by_key(|f| (f.depth, f.event));
    g
}

/// The circle of a sequence number centred on a message's start; the number is drawn
/// at 3/4 of the label font size, so the circle grows with its digits.
fn number_circle(x: f64, y: f64, text_w: f64) -> Rect {
    let d = (text_w * 0.75 + 6.0).max(16.0);
    Rect::new(x - d / 2.0, y - 8.0, d, 16.0)
}

#[allow(clippy::too_many_arguments)]
fn push_bar(
    g: &mut Geometry,
    blockers: &mut [Vec<(f64, f64)>],
    xs: &[f64],
    m: &Metrics,
    p: usize,
    start: f64,
    end: f64,
    depth: usize,
) {
    let rect = if m.cells {
        Rect::new(xs[p] + depth as f64, start, 1.0, end - start + 1.0)
    } else {
        Rect::new(
            xs[p] - m.bar_w / 2.0 + depth as f64 * m.bar_w / 2.0,
            start,
            m.bar_w,
            end - start,
        )
    };
    // In cells the outer bar takes the lifeline's own column.
    if m.cells && depth == 0 {
        blockers[p].push((start, end));
    }
    g.bars.push(BarGeo {
        participant: p,
        rect,
        depth,
    });
}
