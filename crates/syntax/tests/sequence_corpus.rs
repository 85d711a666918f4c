//! The shared Mermaid corpus, sequence diagrams: every one Mermaid accepts must read
//! without error into a sequence model, every one it rejects must get an error, none may
//! panic.
//!
//! In: `../shared/corpus/manifest.tsv` next to the repository (absent in a user's clone:
//! then the test prints a note and passes). Out: pass/fail with every mismatch listed.

use liutu_model::Diagram;
use liutu_syntax::Severity;
use std::path::PathBuf;

#[test]
fn corpus_sequence_diagrams() {
    let root = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus"
    ));
    let Ok(manifest) = std::fs::read_to_string(root.join("manifest.tsv")) else {
        println!("corpus not found at {}; skipping", root.display());
        return;
    };
    let (mut ok, mut err, mut failures) = (0, 0, Vec::new());
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(path), Some(&"sequence"), Some(expect)) =
            (cols.first(), cols.get(1), cols.get(2))
        else {
            continue;
        };
        let Ok(bytes) = std::fs::read(root.join(path)) else {
            failures.push(format!("{path}: cannot read"));
            continue;
        };
        let source = String::from_utf8_lossy(&bytes);
        let read = liutu_syntax::read(&source);
        let first_error = read
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(|d| format!("{} at {:?}", d.message, d.span));
        match *expect {
            "ok" => {
                ok += 1;
                if let Some(e) = first_error {
                    failures.push(format!("{path}: expected ok, got error: {e}"));
                } else if !matches!(read.diagram, Some(Diagram::Sequence(_))) {
                    failures.push(format!("{path}: not read as a sequence diagram"));
                }
            }
            "error" => {
                err += 1;
                match first_error {
                    None => failures.push(format!("{path}: expected an error, got none")),
                    Some(e) => println!("{path}: rejected: {e}"),
                }
            }
            _ => {}
        }
    }
    println!("corpus: checked {ok} ok and {err} error sequence diagrams");
    assert!(ok + err > 0, "no sequence diagram in the manifest");
    assert!(
        failures.is_empty(),
        "{} corpus mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
