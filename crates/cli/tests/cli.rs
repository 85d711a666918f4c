//! The `liutu` binary end to end: golden outputs of the bundled examples, formats,
//! errors and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn liutu(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liutu"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("liutu starts");
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("liutu finishes")
}

/// Compares with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites it. A missing golden fails.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {name}: run with UPDATE_GOLDEN=1"));
    assert!(
        expected == actual,
        "{name} differs from its golden (UPDATE_GOLDEN=1 to accept)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

fn stdout(args: &[&str]) -> String {
    let out = liutu(args, None);
    assert!(
        out.status.success(),
        "liutu {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn examples_match_their_golden_text_art() {
    let examples = [
        "server-integration",
        "server-integration.en",
        "integration-phases",
        "integration-phases.en",
        "payment-callback",
        "payment-callback.flow",
    ];
    for name in examples {
        let file = format!("examples/{name}.mmd");
        golden(&format!("{name}.txt"), &stdout(&[&file]));
        golden(&format!("{name}.ascii.txt"), &stdout(&[&file, "--ascii"]));
    }
    // The article's chart as SVG too.
    golden(
        "server-integration.svg",
        &stdout(&["examples/server-integration.mmd", "--format", "svg"]),
    );
}

/// Every `.mmd` in `tests/DIR`, as text art in both charsets and as SVG, against the
/// goldens in `tests/golden/DIR/`.
fn construct_goldens(dir: &str, at_least: usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut names: Vec<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|_| panic!("tests/{dir}"))
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".mmd").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= at_least, "construct files: {names:?}");
    for name in names {
        let file = format!("crates/cli/tests/{dir}/{name}.mmd");
        golden(&format!("{dir}/{name}.txt"), &stdout(&[&file]));
        golden(
            &format!("{dir}/{name}.ascii.txt"),
            &stdout(&[&file, "--ascii"]),
        );
        golden(
            &format!("{dir}/{name}.svg"),
            &stdout(&[&file, "--format", "svg"]),
        );
    }
}

/// Sequence diagrams: the payment-callback example and one file per construct in
/// `tests/sequence/`.
#[test]
fn sequence_diagrams_match_their_goldens() {
    golden(
        "payment-callback.svg",
        &stdout(&["examples/payment-callback.mmd", "--format", "svg"]),
    );
    construct_goldens("sequence", 8);
}

/// Flowcharts: every shape and edge kind, each direction, CJK / emoji / mixed labels,
/// nested subgraphs, loops and parallel edges, a 50-node chart (`tests/flowchart/`).
#[test]
fn flowchart_constructs_match_their_goldens() {
    construct_goldens("flowchart", 10);
}

/// Sequence errors point at the statement with a hint.
#[test]
fn sequence_errors_are_reported_with_a_hint() {
    let cases = [
        (
            "sequenceDiagram\nA->>B: hi\ndeactivate B\n",
            "it is not active",
        ),
        ("sequenceDiagram\nloop x\nA->>B: hi\n", "never closed"),
        ("sequenceDiagram\nA->>B: hi\nend\n", "no open block"),
        ("sequenceDiagram\nA=>B: hi\n", "unknown arrow"),
        (
            "sequenceDiagram\nA->>B: hi\ndestroy B\nA-xB: bye\nA->>B: again\n",
            "destroyed",
        ),
    ];
    for (source, expected) in cases {
        let out = liutu(&["-"], Some(source));
        assert!(!out.status.success(), "{source:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{source:?}: {err}");
        assert!(
            err.contains("help") || err.contains("hint"),
            "{source:?}: {err}"
        );
    }
}

#[test]
fn ascii_art_is_pure_ascii_apart_from_labels() {
    let out = stdout(&["examples/server-integration.en.mmd", "--ascii"]);
    assert!(out.is_ascii(), "{out}");
    for c in out.chars() {
        assert!(
            c.is_ascii_alphanumeric() || " +-|<>v^\n".contains(c),
            "unexpected {c:?} in\n{out}"
        );
    }
}

#[test]
fn output_is_deterministic() {
    let a = stdout(&["examples/integration-phases.mmd"]);
    let b = stdout(&["examples/integration-phases.mmd"]);
    assert_eq!(a, b);
}

#[test]
fn reads_standard_input() {
    let source = std::fs::read_to_string(root().join("examples/server-integration.mmd")).unwrap();
    let piped = liutu(&["-"], Some(&source));
    assert!(piped.status.success());
    assert_eq!(
        String::from_utf8(piped.stdout).unwrap(),
        stdout(&["examples/server-integration.mmd"])
    );
}

#[test]
fn a_missing_file_is_exit_1_with_its_name() {
    let out = liutu(&["no-such-file.mmd"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-file.mmd") && err.contains("no such file"),
        "{err}"
    );
}

#[test]
fn an_unknown_format_is_exit_1() {
    let out = liutu(
        &["examples/server-integration.mmd", "--format", "bmp"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format `bmp`"));
    let out = liutu(
        &["examples/server-integration.mmd", "-o", "/tmp/x.gif"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_syntax_error_names_file_line_column_with_a_caret() {
    let out = liutu(
        &["-"],
        Some("flowchart TD\n    需求 --> 设计\n    设计 --> ]\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:3:12"), "{err}");
    assert!(err.contains("3 |     设计 --> ]"), "{err}");
    assert!(err.contains("^"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn invalid_utf8_and_binary_garbage_never_panic() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_liutu"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&garbage).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn help_explains_every_flag_and_the_exit_codes() {
    let help = stdout(&["--help"]);
    for flag in [
        "--output",
        "--format",
        "--ascii",
        "--ambiguous-wide",
        "Exit codes",
        "Examples",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
}

#[test]
fn json_scene_has_every_node_and_edge() {
    let out = stdout(&["examples/server-integration.mmd", "--format", "json"]);
    let scene: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(scene["nodes"].as_array().map(Vec::len), Some(8));
    assert_eq!(scene["edges"].as_array().map(Vec::len), Some(10));
    assert_eq!(scene["units"], "pixels");
}

#[test]
fn width_budget_wraps_or_turns_the_chart_to_fit() {
    let out = stdout(&["examples/server-integration.mmd", "--width", "80"]);
    let widest = out
        .lines()
        .map(|l| liutu_measure::display_width(l, false))
        .max()
        .unwrap_or(0);
    assert!(widest <= 80, "{widest} columns:\n{out}");
    for label in [
        "需求分析",
        "设计规划",
        "技术实现",
        "部署上线",
        "功能迭代",
        "问题处理",
        "性能监控",
        "维护优化",
    ] {
        assert_eq!(out.matches(label).count(), 1, "{label} once in\n{out}");
    }
    golden("server-integration.w80.txt", &out);
}

#[test]
fn strict_width_exits_3_but_still_prints() {
    let out = liutu(
        &[
            "examples/integration-phases.mmd",
            "--width",
            "12",
            "--strict-width",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(!out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs") && err.contains("12"), "{err}");
    // Without --strict-width it is a warning and exit 0.
    let out = liutu(&["examples/integration-phases.mmd", "--width", "12"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn colour_follows_styles_and_the_flag() {
    let source = "flowchart LR\n  A[Start] --> B[Done]\n  style A fill:#f96,stroke:#333,color:#000\n  linkStyle 0 stroke:#f00\n";
    let coloured = liutu(&["-", "--color", "always"], Some(source));
    let text = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        text.contains("\x1b[48;2;255;153;102m"),
        "fill as background:\n{text:?}"
    );
    assert!(
        text.contains("\x1b[38;2;255;0;0m"),
        "linkStyle stroke:\n{text:?}"
    );
    // Piped output (auto) and --color never have no escapes at all.
    for args in [&["-"][..], &["-", "--color", "never"][..]] {
        let plain = liutu(args, Some(source));
        assert!(!String::from_utf8(plain.stdout).unwrap().contains('\x1b'));
    }
    // Escapes take no columns: a narrow chart in colour still fits 60 columns as LR.
    let fitted = liutu(&["-", "--color", "always", "--width", "60"], Some(source));
    assert!(String::from_utf8(fitted.stdout).unwrap().lines().count() <= 3);
    let bad = liutu(&["-", "--color", "sometimes"], Some(source));
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn mermaid_cli_flags_config_css_id_prefix_and_png_size() {
    let dir = std::env::temp_dir().join(format!("liutu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("mermaid.json");
    std::fs::write(
        &config,
        r##"{"theme": "dark", "themeVariables": {"primaryColor": "#ff0000"}}"##,
    )
    .unwrap();
    let css = dir.join("extra.css");
    std::fs::write(&css, ".node > rect { stroke-width: 3px; } </style><script>").unwrap();
    let config_arg = config.display().to_string();
    let css_arg = css.display().to_string();
    let svg = stdout(&[
        "examples/server-integration.mmd",
        "--format",
        "svg",
        "-c",
        &config_arg,
        "-C",
        &css_arg,
        "--id-prefix",
        "fig3",
    ]);
    assert!(
        svg.to_lowercase().contains("#ff0000"),
        "primaryColor applied"
    );
    assert!(svg.contains(r#"id="fig3""#));
    assert!(svg.contains("stroke-width: 3px"), "CSS included");
    assert!(!svg.contains("<script>"), "CSS is escaped, never markup");
    // The diagram's own settings win over the file's.
    let own = liutu(
        &["-", "--format", "svg", "-c", &config_arg],
        Some(
            "%%{init: {\"themeVariables\": {\"primaryColor\": \"#00ff00\"}}}%%\nflowchart LR\n  A --> B\n",
        ),
    );
    let own = String::from_utf8_lossy(&own.stdout).to_lowercase();
    assert!(own.contains("#00ff00") && !own.contains("#ff0000"));
    // A PNG sized by -w.
    let png = dir.join("a.png");
    let png_arg = png.display().to_string();
    stdout(&[
        "examples/server-integration.mmd",
        "-o",
        &png_arg,
        "-w",
        "640",
    ]);
    let bytes = std::fs::read(&png).unwrap();
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(width, 640);
    // Keys no diagram reads, and misspelt ones, are named once; the rest are quiet, and
    // so is everything with -q.
    std::fs::write(
        &config,
        r#"{"theme": "dark", "fontSize": 20, "flowchart": {"curve": "linear", "nodeSpaceing": 5},
            "sequence": {"mirrorActors": false, "actorFontSize": 12}, "gantt": {"barHeight": 20},
            "securityLevel": "loose"}"#,
    )
    .unwrap();
    let out = liutu(
        &["examples/server-integration.mmd", "-c", &config_arg],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning"))
        .collect();
    assert_eq!(warnings.len(), 3, "{stderr}");
    for named in [
        "`fontSize`",
        "`flowchart.nodeSpaceing`",
        "`sequence.actorFontSize`",
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(named) && w.contains("mermaid.json")),
            "{named}: {stderr}"
        );
    }
    assert!(
        stderr.contains("did you mean `flowchart.nodeSpacing`?"),
        "{stderr}"
    );
    let quiet = liutu(
        &["examples/server-integration.mmd", "-c", &config_arg, "-q"],
        None,
    );
    assert!(quiet.stderr.is_empty());
    // A broken config file is an error naming it.
    std::fs::write(&config, "{bad json").unwrap();
    let out = liutu(
        &["examples/server-integration.mmd", "-c", &config_arg],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mermaid.json"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_files_are_replaced_whole_and_devices_still_work() {
    let source = "graph TD\nA-->B\n";
    let expected = String::from_utf8(liutu(&["-"], Some(source)).stdout).unwrap();
    let dir = std::env::temp_dir().join(format!("liutu-overwrite-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chart.txt");
    // An older, longer file: nothing of it may survive the new, shorter drawing.
    std::fs::write(&path, "x".repeat(100_000)).unwrap();
    let out = liutu(&["-", "-o", path.to_str().unwrap()], Some(source));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    // A shorter old file is written over and grows.
    std::fs::write(&path, "x").unwrap();
    liutu(&["-", "-o", path.to_str().unwrap()], Some(source));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    std::fs::remove_dir_all(&dir).unwrap();
    // A device has no length to cut.
    let device = liutu(&["-", "-o", "/dev/stdout"], Some(source));
    assert!(
        device.status.success(),
        "{}",
        String::from_utf8_lossy(&device.stderr)
    );
    assert_eq!(String::from_utf8(device.stdout).unwrap(), expected);
}
