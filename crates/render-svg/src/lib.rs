//! SVG output. In: a [`liutu_scene::Scene`] in pixels. Out: an SVG document as a `String`.
