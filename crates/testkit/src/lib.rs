//! The diagrams liutu's tests run on, found in one place.
//!
//! In: nothing but the file system. Out: `(name, source)` pairs — the repository's
//! `examples/` always, and the Mermaid corpus and bench cases from `../shared` when that
//! folder is beside the repository (it is not in a user's clone: then these return
//! `None` and the caller prints a note and skips).

use std::path::{Path, PathBuf};

/// A diagram to test: a name for messages and its source text.
pub type Case = (String, String);

/// The repository's root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, if it is there.
pub fn shared() -> Option<PathBuf> {
    let dir = workspace().join("../shared");
    dir.join("corpus").is_dir().then_some(dir)
}

/// Every `.mmd` file of `examples/`, sorted by name.
pub fn examples() -> Vec<Case> {
    mmd_files(&workspace().join("examples"))
}

/// Every `.mmd` file in a folder, sorted by name.
pub fn mmd_files(dir: &Path) -> Vec<Case> {
    let mut files: Vec<Case> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    files.sort();
    files
}

/// Corpus files whose manifest row matches: `kind` (`flowchart`, `sequence`, or `None`
/// for both) and `expect` (`ok` or `error`). `None` when the corpus is absent.
pub fn corpus(kind: Option<&str>, expect: &str) -> Option<Vec<Case>> {
    let root = shared()?.join("corpus");
    let manifest = std::fs::read_to_string(root.join("manifest.tsv")).ok()?;
    let mut files = Vec::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 2
            && kind.is_none_or(|k| cols[1] == k)
            && cols[2] == expect
            && let Ok(bytes) = std::fs::read(root.join(cols[0]))
        {
            // Files keep their bytes as found; a stray invalid byte must not hide a case.
            files.push((
                cols[0].to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    Some(files)
}

/// The bench's flowchart cases small enough for every test run.
pub const BENCH_FLOWCHARTS: [&str; 5] = [
    "seed-integration",
    "seed-phases",
    "shapes-10",
    "gen-flow-10",
    "gen-flow-50",
];

/// The corpus's flowcharts that Mermaid reads, with the bench flowcharts of
/// [`BENCH_FLOWCHARTS`]; `None`, after printing a note that `check` is skipped, when
/// `../shared` is absent (as in a user's clone).
pub fn corpus_and_bench_flowcharts(check: &str) -> Option<Vec<Case>> {
    let Some(mut files) = corpus(Some("flowchart"), "ok") else {
        println!("note: ../shared/corpus not found; skipping {check}");
        return None;
    };
    files.extend(bench(&BENCH_FLOWCHARTS));
    Some(files)
}

/// Fails with the number of `problems` and the first forty of them, if there are any.
pub fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The named cases of `../shared/bench/cases/` that exist.
pub fn bench(names: &[&str]) -> Vec<Case> {
    let Some(shared) = shared() else {
        return Vec::new();
    };
    names
        .iter()
        .filter_map(|name| {
            let text =
                std::fs::read_to_string(shared.join(format!("bench/cases/{name}.mmd"))).ok()?;
            Some((name.to_string(), text))
        })
        .collect()
}
