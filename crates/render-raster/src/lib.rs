//! PNG and PDF output. In: an SVG document from `liutu-render-svg`. Out: bytes.
