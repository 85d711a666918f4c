//! The syntax tree: statements as written, with spans.
pub struct Placeholder;
