//! The shared Mermaid corpus: every flowchart Mermaid accepts must read without error,
//! every one it rejects must get at least one error.
//!
//! In: `../shared/corpus/manifest.tsv` next to the repository (absent in a user's clone:
//! then the test prints a note and passes). Out: a pass/fail with every mismatch listed.

use std::path::PathBuf;

#[test]
fn corpus_flowcharts() {
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
        let (Some(path), Some(kind), Some(expect)) = (cols.first(), cols.get(1), cols.get(2))
        else {
            continue;
        };
        if *kind != "flowchart" {
            continue;
        }
        let Ok(bytes) = std::fs::read(root.join(path)) else {
            failures.push(format!("{path}: cannot read"));
            continue;
        };
        let source = String::from_utf8_lossy(&bytes);
        let read = liutu_syntax::read(&source);
        match *expect {
            "ok" => {
                ok += 1;
                if read.has_errors() || read.diagram.is_none() {
                    let first = read
                        .diagnostics
                        .iter()
                        .find(|d| d.severity == liutu_syntax::Severity::Error)
                        .map(|d| format!("{} at {:?}", d.message, d.span))
                        .unwrap_or_default();
                    failures.push(format!("{path}: expected ok, got error: {first}"));
                }
            }
            "error" => {
                err += 1;
                if !read.has_errors() {
                    failures.push(format!("{path}: expected an error, got none"));
                }
            }
            _ => {}
        }
    }
    println!("corpus: checked {ok} ok and {err} error flowcharts");
    assert!(
        failures.is_empty(),
        "{} corpus mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
