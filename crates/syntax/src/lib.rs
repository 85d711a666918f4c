//! Reading Mermaid text.
//!
//! In: the source `&str`. Out: a [`liutu_model::Diagram`] (when the text could be read at
//! all) plus every [`Diagnostic`] found, each with a byte span. Never panics and never stops
//! at the first error: parsing recovers at the next statement.
//!
//! Two steps, each its own module: `parse` builds the syntax tree ([`ast`]), `lower`
//! resolves ids, classes, styles and subgraph membership into the model.

pub mod ast;
mod diagnostic;
mod entities;
mod lower;
mod parse;
mod sequence;

pub use diagnostic::{Diagnostic, Severity};
pub use liutu_model::Span;
pub use lower::config::shared_warnings as shared_config_warnings;
pub use lower::nearest;

/// The result of reading a source text.
#[derive(Debug, Clone)]
pub struct Read {
    /// `None` only when not even the diagram kind could be recognised.
    pub diagram: Option<liutu_model::Diagram>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Read {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Parses and lowers `source`.
pub fn read(source: &str) -> Read {
    // Sequence diagrams have their own reader; it answers only to their header.
    if let Some(read) = sequence::read(source) {
        return read;
    }
    // The tree borrows its ids and labels from the text it parsed: the normalised one.
    let source = parse::normalize_newlines(source);
    let (tree, mut diagnostics) = parse::parse(&source);
    let diagram = tree.map(|tree| {
        let (diagram, lowered) = lower::lower(&tree);
        diagnostics.extend(lowered);
        diagnostics.extend(lower::config::check(
            &tree.config,
            lower::config::Kind::Flowchart,
        ));
        diagram
    });
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    Read {
        diagram,
        diagnostics,
    }
}
