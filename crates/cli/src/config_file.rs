//! `--config FILE`: a Mermaid configuration file (JSON, as mermaid-cli's `-c` takes).
//!
//! In: the file's text. Out: `(dotted.key, value)` pairs, read by the same reader as a
//! `%%{init: ...}%%` directive, so the two accept exactly the same JSON. The diagram's
//! own frontmatter and directives come after these, so they win — as in mermaid-cli.

use liutu_model::Diagram;
use liutu_syntax::Severity;
use std::path::Path;

/// Reads a configuration file.
pub fn read(path: &Path) -> Result<Vec<(String, String)>, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read config file {name}: {}",
            crate::input::io_reason(&e)
        )
    })?;
    // The file is a directive's body: parse it as one, in front of an empty flowchart.
    let probe = format!("%%{{init: {}}}%%\nflowchart TD\n", text.trim());
    let read = liutu_syntax::read(&probe);
    if let Some(d) = read
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error || d.message.contains("directive"))
    {
        let reason = d
            .message
            .trim_end_matches("; it is ignored")
            .replace("the `init` directive", "it");
        return Err(format!("config file {name}: {reason}"));
    }
    match read.diagram {
        Some(Diagram::Flowchart(chart)) => Ok(chart.config),
        _ => Err(format!("config file {name}: not a JSON object")),
    }
}

/// Puts the file's settings before the diagram's own, so the diagram's win.
pub fn apply(diagram: &mut Diagram, mut settings: Vec<(String, String)>) {
    let own = match diagram {
        Diagram::Flowchart(chart) => &mut chart.config,
        Diagram::Sequence(sequence) => &mut sequence.config,
    };
    settings.append(own);
    *own = settings;
}
