//! Syntax tree to model.
use crate::Diagnostic;
pub(crate) fn lower(_tree: &crate::parse::Tree, _source: &str) -> (liutu_model::Diagram, Vec<Diagnostic>) {
    (liutu_model::Diagram::Flowchart(Default::default()), Vec::new())
}
