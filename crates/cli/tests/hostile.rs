//! Hostile and huge input, end to end: whatever `liutu` is given, it answers within a few
//! seconds with exit code 0 (a drawing) or 1 (a clear message) — never a panic, an abort,
//! an out-of-memory or a hang — and its output stays well-formed.
//!
//! Every case runs the real binary with a hard deadline. Inputs are generated here (fixed
//! seeds) or read from `tests/hostile/` (inputs the fuzzers found; see `fuzz/README.md`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Each case must finish within this, in a debug build (it takes milliseconds in release).
const DEADLINE: Duration = Duration::from_secs(20);

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
    /// The input file, when the run read one.
    input: Option<PathBuf>,
}

fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"))
}

/// Runs `liutu ARGS` on `input` (written to a file), killing it at the deadline.
fn run(name: &str, input: &[u8], args: &[&str]) -> Run {
    let path = scratch(name);
    std::fs::write(&path, input).expect("write input");
    let path_arg = path.to_string_lossy().into_owned();
    let mut all = vec![path_arg.as_str()];
    all.extend_from_slice(args);
    Run {
        input: Some(path.clone()),
        ..run_args(&all, None)
    }
}

fn run_args(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_liutu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("liutu starts");
    let input = stdin.map(<[u8]>::to_vec);
    let mut pipe = child.stdin.take();
    let feeder = std::thread::spawn(move || {
        if let (Some(pipe), Some(bytes)) = (pipe.as_mut(), input) {
            // liutu may stop reading early (input over the limit): a broken pipe is fine.
            let _ = pipe.write_all(&bytes);
        }
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut bytes);
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut bytes);
        bytes
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let _ = feeder.join();
    let stdout = reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    assert!(
        status.is_some(),
        "liutu {args:?} did not finish within {DEADLINE:?}"
    );
    Run {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        elapsed,
        input: None,
    }
}

/// Exit 0 or 1, no internal error, a message when it failed, output that is well-formed.
fn answered(name: &str, r: &Run, format: &str) {
    assert!(
        matches!(r.code, Some(0 | 1)),
        "{name}: exit code {:?}\n{}",
        r.code,
        head(&r.stderr)
    );
    assert!(
        !r.stderr.contains("internal error") && !r.stderr.contains("panicked"),
        "{name}: {}",
        head(&r.stderr)
    );
    if r.code == Some(1) {
        assert!(
            r.stderr.starts_with("error"),
            "{name}: failed without a message"
        );
        assert!(
            r.stderr.len() < 64 << 10,
            "{name}: {} bytes of messages",
            r.stderr.len()
        );
    } else {
        well_formed(name, r, format);
    }
}

fn head(s: &str) -> &str {
    let mut end = s.len().min(2000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// SVG parses as XML; text art is UTF-8 without control characters.
fn well_formed(name: &str, r: &Run, format: &str) {
    let text = std::str::from_utf8(&r.stdout).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    match format {
        "svg" => {
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{name}: SVG is not well-formed XML: {e}");
            }
        }
        "txt" | "ascii" => {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{name}: control character in text art"
            );
            if format == "ascii" {
                // Labels keep their characters, box-drawing ones too (a label may say
                // `#9658;`); the drawing itself is ASCII. The JSON scene of the same
                // input holds every label's text.
                let labels = r.input.as_ref().map_or_else(String::new, |path| {
                    let scene = run_args(&[&path.to_string_lossy(), "--format", "json"], None);
                    String::from_utf8_lossy(&scene.stdout).into_owned()
                });
                assert!(
                    !text
                        .chars()
                        .any(|c| ('\u{2500}'..='\u{25ff}').contains(&c) && !labels.contains(c)),
                    "{name}: box drawing in --ascii output"
                );
            }
        }
        _ => {}
    }
}

/// Runs `input` through text art and SVG; returns the runs.
fn both(name: &str, input: &[u8]) -> Vec<Run> {
    ["txt", "svg"]
        .iter()
        .map(|format| {
            let r = run(name, input, &["--format", format]);
            answered(name, &r, format);
            r
        })
        .collect()
}

/// A deterministic pseudo-random sequence (xorshift), so every run sees the same bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[test]
fn one_megabyte_of_random_bytes() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let bytes: Vec<u8> = (0..1 << 20).map(|_| rng.next() as u8).collect();
    for r in both("random", &bytes) {
        assert_eq!(r.code, Some(1));
        assert!(r.stderr.contains("not UTF-8"), "{}", head(&r.stderr));
    }
}

#[test]
fn one_megabyte_of_random_text() {
    // Valid UTF-8 this time, drawn from Mermaid's own punctuation, so the parser works.
    let alphabet: Vec<char> = "graph TD flowchart subgraph end --> -.-> ==> --- ~~~ & | ; \n\
                               [ ] ( ) { } > < / \\ \" ` @ : , %% 中文 A B C 1 2 ::: click style"
        .chars()
        .collect();
    let mut rng = Rng(42);
    let mut text = String::from("flowchart TD\n");
    while text.len() < 1 << 20 {
        text.push(alphabet[rng.below(alphabet.len() as u64) as usize]);
    }
    both("random-text", text.as_bytes());
}

#[test]
fn invalid_utf8_is_refused_with_the_offset() {
    for r in both("utf8", b"graph TD\nA[\xff\xfe] --> B\n") {
        assert_eq!(r.code, Some(1));
        assert!(r.stderr.contains("offset 11"), "{}", r.stderr);
    }
}

#[test]
fn a_nul_byte_is_an_ordinary_error() {
    for r in both("nul", b"graph TD\nA[x\x00y] --> B\x00\n") {
        answered("nul", &r, "txt");
    }
    // Inside a label only, the chart is drawn.
    both("nul-label", b"graph TD\nA[\"x\x00y\"] --> B\n");
}

#[test]
fn ten_thousand_nested_brackets() {
    for (open, close) in [("[", "]"), ("(", ")"), ("{", "}"), ("[(", ")]")] {
        let text = format!(
            "graph TD\nA{}x{} --> B\n",
            open.repeat(10_000),
            close.repeat(10_000)
        );
        for r in both("brackets", text.as_bytes()) {
            assert_eq!(r.code, Some(1), "{open}: {}", head(&r.stderr));
        }
    }
    // Nested quotes and markdown strings too.
    let text = format!("graph TD\nA[\"{}\"] --> B\n", "\"`".repeat(10_000));
    both("quotes", text.as_bytes());
}

#[test]
fn ten_thousand_nested_subgraphs() {
    let mut text = String::from("graph TD\n");
    for i in 0..10_000 {
        text.push_str(&format!("subgraph s{i}\n"));
    }
    text.push_str("A --> B\n");
    text.push_str(&"end\n".repeat(10_000));
    for r in both("subgraphs", text.as_bytes()) {
        assert_eq!(r.code, Some(1));
        assert!(r.stderr.contains("nested"), "{}", head(&r.stderr));
        assert!(r.stderr.contains("more diagnostics not shown"));
    }
    // Unclosed, and closed too often.
    both(
        "subgraphs-open",
        "graph TD\nsubgraph a\n".repeat(10_000).as_bytes(),
    );
    both(
        "subgraphs-end",
        "graph TD\nA-->B\nend\n".repeat(10_000).as_bytes(),
    );
}

#[test]
fn subgraph_depth_limit_names_its_flag() {
    let mut text = String::from("graph TD\n");
    for i in 0..10 {
        text.push_str(&format!("subgraph s{i}\n"));
    }
    text.push_str("A --> B\n");
    text.push_str(&"end\n".repeat(10));
    let r = run("depth", text.as_bytes(), &["--max-depth", "4"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("needs 10 levels of subgraph nesting, over the limit of 4")
            && r.stderr.contains("--max-depth"),
        "{}",
        r.stderr
    );
    let r = run("depth-ok", text.as_bytes(), &["--max-depth", "10"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn a_one_megabyte_label() {
    let label = format!("{} ", "x".repeat(99)).repeat(10_486);
    let text = format!("graph TD\nA[\"{label}\"] --> B\n");
    for r in both("label", text.as_bytes()) {
        assert_eq!(r.code, Some(1));
        assert!(
            r.stderr.contains("bytes of label text") && r.stderr.contains("--max-label-bytes"),
            "{}",
            r.stderr
        );
    }
    // One line of a megabyte with an error in it: the message stays short.
    let text = format!("graph TD\nA[{label}] --> ] {label}\n");
    both("label-error", text.as_bytes());
}

#[test]
fn a_twenty_thousand_node_chain() {
    let mut text = String::from("graph TD\n");
    for i in 0..19_999 {
        text.push_str(&format!("n{i} --> n{}\n", i + 1));
    }
    for r in both("chain", text.as_bytes()) {
        assert_eq!(r.code, Some(1));
        assert!(
            r.stderr.contains(
                "needs 20,000 nodes, over the limit of 10,000 (raise it with --max-nodes"
            ),
            "{}",
            r.stderr
        );
    }
    // The same as one line of `A --> B --> C ...`.
    let chain: Vec<String> = (0..20_000).map(|i| format!("n{i}")).collect();
    both(
        "chain-line",
        format!("graph LR\n{}\n", chain.join(" --> ")).as_bytes(),
    );
}

#[test]
fn a_complete_graph_on_sixty_nodes() {
    let mut text = String::from("graph TD\n");
    for i in 0..60 {
        for j in i + 1..60 {
            text.push_str(&format!("n{i} --> n{j}\n"));
        }
    }
    for r in both("k60", text.as_bytes()) {
        assert_eq!(r.code, Some(1));
        assert!(
            r.stderr.contains("34,220 dummy nodes") && r.stderr.contains("--max-dummies"),
            "{}",
            r.stderr
        );
    }
    // The same graph with every edge between neighbouring ranks is drawn... at 12 nodes.
    let mut small = String::from("graph LR\n");
    for i in 0..12 {
        for j in i + 1..12 {
            small.push_str(&format!("n{i} --- n{j}\n"));
        }
    }
    for r in both("k12", small.as_bytes()) {
        assert_eq!(r.code, Some(0), "{}", r.stderr);
    }
}

#[test]
fn forty_eight_thousand_edges() {
    let mut rng = Rng(7);
    let mut text = String::from("graph TD\n");
    for _ in 0..48_000 {
        text.push_str(&format!("n{} --> n{}\n", rng.below(4000), rng.below(4000)));
    }
    for r in both("e48k", text.as_bytes()) {
        assert_eq!(r.code, Some(1));
        assert!(
            r.stderr.contains("48,000 edges") && r.stderr.contains("--max-edges"),
            "{}",
            r.stderr
        );
    }
    // Raising the edge limit hands the refusal to the layout estimate, still before work.
    let r = run("e48k-raised", text.as_bytes(), &["--max-edges", "50000"]);
    answered("e48k-raised", &r, "txt");
    assert!(r.stderr.contains("dummy nodes"), "{}", r.stderr);
}

#[test]
fn input_over_the_byte_limit_is_refused_before_reading_it_all() {
    let big = "%% comment\n".repeat(100_000);
    let text = format!("graph TD\nA-->B\n{big}");
    let r = run("bytes", text.as_bytes(), &["--max-input-bytes", "1000"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("over the limit of 1,000")
            && r.stderr.contains("--max-input-bytes")
            && r.stderr.contains("bytes of input"),
        "{}",
        r.stderr
    );
    // From standard input too.
    let r = run_args(&["-", "--max-input-bytes", "1000"], Some(text.as_bytes()));
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("at least 1,001 bytes of input"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_limit_can_be_raised() {
    let text = "graph TD\nA[one] --> B[two] --> C[three]\nA --> C\n";
    for (flag, value, expect) in [
        ("--max-nodes", "2", "3 nodes"),
        ("--max-edges", "2", "3 edges"),
        ("--max-label-bytes", "5", "11 bytes of label text"),
        ("--max-dummies", "0", "1 dummy nodes"),
        ("--max-work", "10", "16 estimated layout work units"),
    ] {
        let r = run("limits", text.as_bytes(), &[flag, value]);
        assert_eq!(r.code, Some(1), "{flag}");
        assert!(
            r.stderr.contains(expect) && r.stderr.contains(flag),
            "{flag}: {}",
            r.stderr
        );
    }
    let r = run("limits-ok", text.as_bytes(), &["--max-nodes", "3"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// Every feature the reader knows, in one chart: it is drawn in every format.
const EVERYTHING: &str = r#"---
title: Everything 全部
config:
  theme: forest
  flowchart:
    curve: linear
---
%%{init: {"flowchart": {"nodeSpacing": 40}} }%%
flowchart LR
    accTitle: All features
    accDescr: Every shape, edge and statement at once
    %% a comment
    A[Rect 矩形] --> B(Rounded) --> C([Stadium]) --> D[[Subroutine]]
    D --> E[(Cylinder)] --> F((Circle)) --> G>Asymmetric] --> H{Diamond?}
    H -->|yes 是| I{{Hexagon}}
    H -- no 否 --> J[/Lean right/]
    J -.-> K[\Lean left\] ==> L[/Trapezoid\] --- M[\Inv trapezoid/]
    M --o N(((Double))) --x O
    O <--> P & Q --> R
    R ~~~ S
    R ---->|long| S
    S e1@--> T
    e1@{ animate: true }
    U@{ shape: doc, label: "Document" } --> V@{ shape: cyl }
    W["`**bold** and _italic_
    second line`"] --> X["a<br>b<br/>c"]
    Y:::hot --> Z
    subgraph outer [Outer 外]
        direction TB
        subgraph inner [Inner]
            I1 --> I2
        end
        O1 --> inner
    end
    inner --> A
    A --> outer
    classDef hot fill:#f96,stroke:#333,stroke-width:4px
    class A,B hot
    style C fill:#bbf,stroke:#f66,stroke-width:2px,color:#fff,stroke-dasharray: 5 5
    linkStyle 0 stroke:#ff3,stroke-width:4px
    linkStyle default stroke:#999
    click A "https://example.com" "tooltip" _blank
    click B call callback()
    😀[Emoji 👩‍👩‍👧 e\u0301] --> 日本語[カタカナ 한국어]
"#;

#[test]
fn every_feature_at_once() {
    for format in ["txt", "ascii", "svg", "json"] {
        let r = run("everything", EVERYTHING.as_bytes(), &["--format", format]);
        answered("everything", &r, format);
        assert_eq!(r.code, Some(0), "{format}: {}", r.stderr);
    }
}

#[test]
fn hostile_labels_never_break_the_output() {
    let labels = [
        "<script>alert(1)</script>",
        "a & b &amp; &#x41; &lt;",
        "]]> <!-- --> <![CDATA[ x ]]>",
        "\"quoted\" 'single' `back`",
        "tab\there",
        "\u{200b}zero\u{200d}width\u{feff}",
        "e\u{301}\u{301}\u{301} combining",
        "RTL \u{202e}desrever\u{202c} עברית",
        "👩‍👩‍👧‍👦 🇨🇳 emoji",
        "全角 ＡＢＣ ｶﾀｶﾅ",
        "\u{1}\u{7f}\u{9b} controls",
        "x\u{fffd}y \u{10ffff}",
    ];
    let mut text = String::from("graph TD\n");
    for (i, l) in labels.iter().enumerate() {
        let escaped = l.replace('"', "#quot;");
        text.push_str(&format!(
            "n{i}[\"{escaped}\"] -->|\"{escaped}\"| n{}\n",
            i + 1
        ));
    }
    text.push_str("subgraph s[\"<b>&</b> ]]>\"]\nn0\nend\n");
    for format in ["txt", "ascii", "svg"] {
        let r = run("labels", text.as_bytes(), &["--format", format]);
        answered("labels", &r, format);
        assert_eq!(r.code, Some(0), "{format}: {}", r.stderr);
        if format == "svg" {
            let svg = String::from_utf8_lossy(&r.stdout);
            assert!(!svg.contains("<script"), "unescaped label in SVG");
        }
    }
}

/// Inputs the fuzzers once crashed or hung on; each is drawn or refused, in every format.
#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
    {
        let bytes = std::fs::read(path).expect("read regression input");
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        both(&name, &bytes);
        for format in ["ascii", "json"] {
            let r = run(&name, &bytes, &["--format", format]);
            answered(&name, &r, format);
        }
    }
}

#[test]
fn ascii_art_draws_in_ascii_and_labels_as_written() {
    // Found by the pipeline fuzzer, whose check was wrong: a label that says `#9658;` (►,
    // in the block of box-drawing shapes) is drawn as written; only the drawing is ASCII.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/ascii-label-entity.mmd");
    let input = std::fs::read(path).expect("read the fuzzer's input");
    let r = run("ascii-label", &input, &["--format", "ascii"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text = String::from_utf8(r.stdout).expect("UTF-8");
    assert!(text.contains("| A dec char:► |"), "{text}");
    assert!(text.chars().all(|c| c.is_ascii() || c == '►'), "{text}");
}

#[test]
fn cases_run_fast() {
    // A sanity bound on the whole point: refusals happen before the work they guard.
    let text = "graph TD\n".to_string() + &"A-->B\n".repeat(30_000);
    let r = run("fast", text.as_bytes(), &["--max-edges", "1000"]);
    assert_eq!(r.code, Some(1));
    assert!(r.elapsed < Duration::from_secs(5), "{:?}", r.elapsed);
}
