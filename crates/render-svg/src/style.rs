//! CSS-like styles turned into presentation attributes.
//!
//! In: a theme and the resolved [`Style`] of a node, cluster or edge (`fill:#f9f`,
//! `stroke-width:4px`, `color:red`, ...). Out: the [`Paint`] to write on the element's
//! outline and the colour and emphasis of its text. The style's values win over the theme,
//! property by property, as Mermaid's inline `style` attribute does.

use liutu_model::Style;

use crate::writer::Writer;

/// A style value without `!important` and surrounding spaces; `None` when nothing is left.
pub fn value<'a>(style: &'a Style, key: &str) -> Option<&'a str> {
    let v = style.get(key)?.trim();
    let v = v.strip_suffix("!important").map(str::trim_end).unwrap_or(v);
    (!v.is_empty()).then_some(v)
}

/// How an outline is filled and stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    pub fill: String,
    pub stroke: String,
    pub stroke_width: String,
    pub dasharray: Option<String>,
    pub opacity: Option<String>,
    pub fill_opacity: Option<String>,
    pub stroke_opacity: Option<String>,
}

impl Paint {
    /// `fill`, `stroke`, `stroke-width` from the defaults unless `style` overrides them.
    pub fn new(style: &Style, fill: &str, stroke: &str, stroke_width: f64) -> Paint {
        Paint {
            fill: value(style, "fill").unwrap_or(fill).to_string(),
            stroke: value(style, "stroke").unwrap_or(stroke).to_string(),
            stroke_width: value(style, "stroke-width")
                .map(str::to_string)
                .unwrap_or_else(|| crate::writer::num(stroke_width).to_string()),
            dasharray: value(style, "stroke-dasharray").map(str::to_string),
            opacity: value(style, "opacity").map(str::to_string),
            fill_opacity: value(style, "fill-opacity").map(str::to_string),
            stroke_opacity: value(style, "stroke-opacity").map(str::to_string),
        }
    }

    /// Writes the attributes for a filled outline.
    pub fn apply(&self, w: &mut Writer) {
        w.attr("fill", &self.fill)
            .attr_opt("fill-opacity", self.fill_opacity.as_deref());
        self.apply_stroke(w);
    }

    /// Writes the fill and no stroke (for a filled part whose lines are drawn apart).
    pub fn apply_fill(&self, w: &mut Writer) {
        w.attr("fill", &self.fill)
            .attr_opt("fill-opacity", self.fill_opacity.as_deref())
            .attr("stroke", "none")
            .attr_opt("opacity", self.opacity.as_deref());
    }

    /// Writes only the stroke attributes (for lines drawn inside a shape).
    pub fn apply_stroke(&self, w: &mut Writer) {
        w.attr("stroke", &self.stroke)
            .attr("stroke-width", &self.stroke_width)
            .attr_opt("stroke-dasharray", self.dasharray.as_deref())
            .attr_opt("stroke-opacity", self.stroke_opacity.as_deref())
            .attr_opt("opacity", self.opacity.as_deref());
    }
}

/// Colour and emphasis of a label's text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextPaint {
    pub fill: String,
    /// `font-weight` for the whole label; bold spans still set their own.
    pub weight: Option<String>,
    pub style: Option<String>,
    pub decoration: Option<String>,
}

impl TextPaint {
    /// The label colour: the style's `color` (Mermaid's text colour property), else the
    /// theme's.
    pub fn new(style: &Style, color: &str) -> TextPaint {
        TextPaint {
            fill: value(style, "color").unwrap_or(color).to_string(),
            weight: value(style, "font-weight").map(str::to_string),
            style: value(style, "font-style").map(str::to_string),
            decoration: value(style, "text-decoration").map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_beats_theme_and_drops_important() {
        let style = Style {
            properties: vec![
                ("fill".into(), "#f9f !important".into()),
                ("stroke-width".into(), "4px".into()),
                ("color".into(), " red ".into()),
            ],
        };
        let p = Paint::new(&style, "#ECECFF", "#9370DB", 1.0);
        assert_eq!(p.fill, "#f9f");
        assert_eq!(p.stroke, "#9370DB");
        assert_eq!(p.stroke_width, "4px");
        assert_eq!(TextPaint::new(&style, "#333").fill, "red");
    }
}
