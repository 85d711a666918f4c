//! The diagram header: `flowchart LR`, `graph TD;`, or another diagram kind.
//!
//! In: the parser positioned at the first word after frontmatter and directives. Out:
//! the header span and direction, or `None` (with an error naming the kind) when the
//! text is not a flowchart.

use super::Parser;
use super::lexer::is_blank;
use crate::Diagnostic;
use crate::ast::Spanned;
use liutu_model::{Direction, Span};

/// Diagram kinds Mermaid knows, with the name used in "not supported" messages.
const OTHER_KINDS: &[(&str, &str)] = &[
    ("sequenceDiagram", "sequence diagrams"),
    ("classDiagram-v2", "class diagrams"),
    ("classDiagram", "class diagrams"),
    ("stateDiagram-v2", "state diagrams"),
    ("stateDiagram", "state diagrams"),
    ("erDiagram", "entity relationship diagrams"),
    ("gantt", "Gantt charts"),
    ("pie", "pie charts"),
    ("journey", "user journey diagrams"),
    ("gitGraph", "git graphs"),
    ("mindmap", "mindmaps"),
    ("timeline", "timelines"),
    ("quadrantChart", "quadrant charts"),
    ("requirementDiagram", "requirement diagrams"),
    ("C4Context", "C4 diagrams"),
    ("C4Container", "C4 diagrams"),
    ("C4Component", "C4 diagrams"),
    ("C4Dynamic", "C4 diagrams"),
    ("C4Deployment", "C4 diagrams"),
    ("sankey-beta", "Sankey diagrams"),
    ("sankey", "Sankey diagrams"),
    ("xychart-beta", "XY charts"),
    ("xychart", "XY charts"),
    ("block-beta", "block diagrams"),
    ("block", "block diagrams"),
    ("packet-beta", "packet diagrams"),
    ("packet", "packet diagrams"),
    ("architecture-beta", "architecture diagrams"),
    ("kanban", "kanban boards"),
    ("radar-beta", "radar charts"),
    ("treemap-beta", "treemaps"),
    ("zenuml", "ZenUML diagrams"),
    ("info", "info diagrams"),
];

impl Parser<'_> {
    pub(super) fn header(&mut self) -> Option<(Span, Option<Spanned<Direction>>)> {
        let start = self.pos;
        let word = self
            .take_while(|c| !c.is_whitespace() && c != ';')
            .to_string();
        let span = self.span_from(start);
        if word.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    span,
                    "expected a diagram header such as `flowchart TD`, found end of input",
                )
                .with_hint("start the diagram with `flowchart TD` or `graph LR`"),
            );
            return None;
        }
        if !matches!(word.as_str(), "flowchart" | "graph" | "flowchart-elk") {
            let kind = OTHER_KINDS
                .iter()
                .find(|(k, _)| word == *k || word.eq_ignore_ascii_case(k));
            let d = match kind {
                Some((_, name)) => Diagnostic::error(
                    span,
                    format!(
                        "{name} (`{word}`) are not supported yet; liutu reads flowcharts and sequence diagrams"
                    ),
                ),
                None if word.eq_ignore_ascii_case("flowchart")
                    || word.eq_ignore_ascii_case("graph") =>
                {
                    Diagnostic::error(span, format!("unknown diagram kind `{word}`")).with_hint(
                        format!(
                            "diagram keywords are case-sensitive: write `{}`",
                            word.to_ascii_lowercase()
                        ),
                    )
                }
                None => Diagnostic::error(
                    span,
                    format!("unknown diagram kind `{word}`: expected `flowchart` or `graph`"),
                ),
            };
            self.diags.push(d);
            return None;
        }
        if word == "flowchart-elk" {
            self.diags.push(Diagnostic::warning(
                span,
                "`flowchart-elk` asks for the ELK layout, which liutu does not use; it lays out with its own layered engine",
            ));
        }
        self.skip_blanks();
        let dir_start = self.pos;
        let direction = if self.at_separator() {
            None
        } else {
            let token = self
                .take_while(|c| !c.is_whitespace() && c != ';')
                .to_string();
            let dspan = self.span_from(dir_start);
            let dir = match token.as_str() {
                "TB" | "TD" | "v" => Some(Direction::TB),
                "BT" | "^" => Some(Direction::BT),
                "LR" | ">" => Some(Direction::LR),
                "RL" | "<" => Some(Direction::RL),
                _ => None,
            };
            match dir {
                Some(d) => Some(Spanned::new(d, dspan)),
                None => {
                    let mut d = Diagnostic::error(
                        dspan,
                        format!(
                            "expected a direction (TB, TD, BT, RL, LR) or the end of the header line, found `{token}`"
                        ),
                    );
                    if matches!(
                        token.to_ascii_uppercase().as_str(),
                        "TB" | "TD" | "BT" | "RL" | "LR"
                    ) {
                        d = d.with_hint(format!(
                            "directions are upper case: `{}`",
                            token.to_ascii_uppercase()
                        ));
                    } else {
                        d = d.with_hint(
                            "put statements on the lines after the header, or after a `;`",
                        );
                    }
                    self.diags.push(d);
                    self.recover();
                    return Some((span, None));
                }
            }
        };
        self.skip_blanks();
        if !self.at_separator() {
            let fspan = self.found_span();
            let found = self.found();
            self.diags.push(
                Diagnostic::error(
                    fspan,
                    format!("expected the end of the header line, found {found}"),
                )
                .with_hint("put statements on the lines after the header, or after a `;`"),
            );
            self.recover();
        }
        // Tabs/CR after the direction were skipped; the statement loop takes the newline.
        let _ = is_blank;
        Some((span, direction))
    }
}
