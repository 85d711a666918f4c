//! Mermaid's themes as plain colours.
//!
//! In: a theme name (`default`, `neutral`, `dark`, `forest`, `base`) and the scene's
//! `themeVariables.*` config keys. Out: a [`Theme`] — the fills, strokes and text colours
//! every other module writes as inline presentation attributes. Values are copied from
//! the CSS Mermaid 11 generates for flowcharts, with `rgba()`/`hsl()` turned into hex plus
//! an opacity so librsvg, resvg and Inkscape read them the same way.

use liutu_scene::Scene;

/// The font stack Mermaid uses, with the bundled fonts named before the generic family
/// so a viewer that has them (and resvg, which has only them) uses the measured metrics.
pub const FONT_FAMILY: &str =
    "'trebuchet ms', verdana, arial, 'Liberation Sans', 'Droid Sans Fallback', sans-serif";

/// Colours and widths for one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    pub font_family: String,
    /// Page background (used only when the caller asks for one).
    pub background: String,
    pub node_fill: String,
    pub node_stroke: String,
    pub node_stroke_width: f64,
    pub node_text: String,
    pub line: String,
    pub edge_label_bg: String,
    pub edge_label_bg_opacity: f64,
    pub edge_label_text: String,
    pub cluster_fill: String,
    pub cluster_stroke: String,
    pub cluster_text: String,
    pub title_text: String,
}

impl Theme {
    /// Mermaid's `default` theme.
    pub fn default_theme() -> Theme {
        Theme {
            name: "default",
            font_family: FONT_FAMILY.to_string(),
            background: "#ffffff".into(),
            node_fill: "#ECECFF".into(),
            node_stroke: "#9370DB".into(),
            node_stroke_width: 1.0,
            node_text: "#333333".into(),
            line: "#333333".into(),
            edge_label_bg: "#e8e8e8".into(),
            edge_label_bg_opacity: 0.8,
            edge_label_text: "#333333".into(),
            cluster_fill: "#ffffde".into(),
            cluster_stroke: "#aaaa33".into(),
            cluster_text: "#333333".into(),
            title_text: "#333333".into(),
        }
    }

    /// A theme by name, case-insensitive; `None` for names Mermaid does not have.
    pub fn named(name: &str) -> Option<Theme> {
        let base = Theme::default_theme();
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "default" | "mermaid" => base,
            "neutral" => Theme {
                name: "neutral",
                node_fill: "#eeeeee".into(),
                node_stroke: "#999999".into(),
                node_text: "#333333".into(),
                line: "#666666".into(),
                edge_label_bg: "#ffffff".into(),
                edge_label_bg_opacity: 1.0,
                cluster_fill: "#fcfcfc".into(),
                cluster_stroke: "#707070".into(),
                ..base
            },
            "dark" => Theme {
                name: "dark",
                background: "#333333".into(),
                node_fill: "#1f2020".into(),
                node_stroke: "#cccccc".into(),
                node_text: "#cccccc".into(),
                line: "#d3d3d3".into(),
                edge_label_bg: "#585858".into(),
                edge_label_bg_opacity: 1.0,
                edge_label_text: "#cccccc".into(),
                cluster_fill: "#474949".into(),
                // rgba(255, 255, 255, 0.25) over the cluster fill.
                cluster_stroke: "#757676".into(),
                cluster_text: "#F9FFFE".into(),
                title_text: "#cccccc".into(),
                ..base
            },
            "forest" => Theme {
                name: "forest",
                node_fill: "#cde498".into(),
                node_stroke: "#13540c".into(),
                node_text: "#000000".into(),
                line: "#000000".into(),
                edge_label_bg: "#e8e8e8".into(),
                edge_label_bg_opacity: 1.0,
                edge_label_text: "#000000".into(),
                cluster_fill: "#cdffb2".into(),
                cluster_stroke: "#6eaa49".into(),
                cluster_text: "#333333".into(),
                title_text: "#000000".into(),
                ..base
            },
            "base" => Theme {
                name: "base",
                background: "#f4f4f4".into(),
                node_fill: "#fff4dd".into(),
                // hsl(40.6, 60%, 83.3%): Mermaid's mkBorder of the primary colour.
                node_stroke: "#efdcb8".into(),
                node_text: "#333333".into(),
                line: "#0b0b0b".into(),
                // hsl(-79.4, 100%, 93.3%).
                edge_label_bg: "#e8ffdd".into(),
                edge_label_bg_opacity: 1.0,
                edge_label_text: "#333333".into(),
                // tertiaryColor: the primary colour turned by -160 degrees.
                cluster_fill: "#ffffde".into(),
                cluster_stroke: "#efdcb8".into(),
                ..base
            },
            _ => return None,
        })
    }

    /// The theme for a scene: the diagram's own `theme` config wins (as in Mermaid, where
    /// a directive beats the site config), then `requested`, then `default`; then any
    /// `themeVariables.*` the diagram sets.
    pub fn resolve(scene: &Scene, requested: Option<&str>) -> Theme {
        let mut theme = scene
            .config_value("theme")
            .and_then(Theme::named)
            .or_else(|| requested.and_then(Theme::named))
            .unwrap_or_else(Theme::default_theme);
        // Mermaid's `fontFamily`, which `themeVariables.fontFamily` overrides.
        if let Some(family) = scene.config_value("fontFamily").map(str::trim)
            && !family.is_empty()
        {
            theme.font_family = format!("{family}, {FONT_FAMILY}");
        }
        for (key, value) in &scene.config {
            let Some(var) = key.strip_prefix("themeVariables.") else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let v = value.to_string();
            match var {
                "primaryColor" | "mainBkg" => theme.node_fill = v,
                "primaryBorderColor" | "nodeBorder" => theme.node_stroke = v,
                "primaryTextColor" | "nodeTextColor" => theme.node_text = v,
                "lineColor" | "defaultLinkColor" => theme.line = v,
                "edgeLabelBackground" => {
                    theme.edge_label_bg = v;
                    theme.edge_label_bg_opacity = 1.0;
                }
                "clusterBkg" => theme.cluster_fill = v,
                "clusterBorder" => theme.cluster_stroke = v,
                "titleColor" => {
                    theme.cluster_text = v.clone();
                    theme.title_text = v;
                }
                "textColor" => {
                    theme.edge_label_text = v.clone();
                    theme.title_text = v;
                }
                "background" => theme.background = v,
                "fontFamily" => theme.font_family = format!("{v}, {FONT_FAMILY}"),
                _ => {}
            }
        }
        theme
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mermaid_theme_exists() {
        for name in ["default", "neutral", "dark", "forest", "base", "DARK"] {
            assert!(Theme::named(name).is_some(), "{name}");
        }
        assert!(Theme::named("solarized").is_none());
    }
}
