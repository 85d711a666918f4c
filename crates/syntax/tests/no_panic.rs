//! Property tests: `read` never panics, whatever it is given.
//!
//! In: random strings over Mermaid's significant characters, and valid sources with
//! random edits. Out: no panic, and every diagnostic span lies inside the input on char
//! boundaries.

use proptest::prelude::*;

const SAMPLES: &[&str] = &[
    "flowchart LR\nA[Start] --> B{Is it?}\nB -->|Yes| C((OK))\nB -- No --> D[(DB)]\n",
    "---\ntitle: t\nconfig:\n  theme: dark\n---\ngraph TD;A-.->B;B==>C;C~~~D\n",
    "%%{init: {'theme': 'forest'}}%%\nflowchart TB\nsubgraph one [T]\ndirection LR\na1 & a2 --> a3\nend\none --> x\n",
    "flowchart TD\nA@{ shape: doc, label: \"x\" }\nA e1@--> B\ne1@{ animate: true }\nclassDef c fill:#f00\nclass A c\nstyle B fill:red\nlinkStyle 0 stroke:blue\nclick A href \"u\" \"t\" _blank\n",
    "flowchart LR\n需求[\"`**粗** _斜_`\"] --> 设计[#quot;x#quot;<br/>y] -. t .-> 实现>z] o--o q x--x r <==> s\n",
];

fn check(src: &str) {
    let r = liutu_syntax::read(src);
    for d in &r.diagnostics {
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end <= src.len(), "{d:?}");
        assert!(
            src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end),
            "{d:?}"
        );
    }
}

fn edited() -> impl Strategy<Value = String> {
    (
        0..SAMPLES.len(),
        prop::collection::vec(
            (
                any::<u16>(),
                0u8..3,
                "[-\\[\\](){}|\"'`@:;&%<>=.~xo \n\\\\/#a-zA-Z0-9需]",
            ),
            1..8,
        ),
    )
        .prop_map(|(i, edits)| {
            let mut chars: Vec<char> = SAMPLES[i].chars().collect();
            for (at, kind, s) in edits {
                let pos = at as usize % (chars.len() + 1);
                match kind {
                    0 => chars.splice(pos..pos, s.chars()).for_each(drop),
                    1 if pos < chars.len() => {
                        chars.remove(pos);
                    }
                    _ if pos < chars.len() => {
                        chars.truncate(pos);
                    }
                    _ => {}
                }
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text(s in "(flowchart LR\n|graph TD;|---\n|%%\\{)?[-\\[\\](){}|\"'`@:;&%<>=.~xo \n\r\t\\\\/#a-zA-Z0-9需é]{0,120}") {
        check(&s);
    }

    #[test]
    fn any_unicode(s in "\\PC{0,80}") {
        check(&s);
        check(&format!("flowchart TD\n{s}"));
    }

    #[test]
    fn edited_samples(s in edited()) {
        check(&s);
    }
}

#[test]
fn long_inputs_stay_fast() {
    // Shapes that would be quadratic with a naive scanner.
    let cases = [
        format!("graph TD\n{}", "A-- x\n".repeat(20_000)),
        format!("graph TD\n{}", "A@{ x\n".repeat(20_000)),
        format!("graph TD\n{}", "A[\"x\n".repeat(20_000)),
        format!("graph TD\n{}", "A-->".repeat(20_000)),
        format!("graph TD\n{}", "subgraph a\n".repeat(5_000)),
        format!("graph TD\n{}", "A[x\n".repeat(20_000)),
        format!("graph TD\n{}", "A-. x\n".repeat(20_000)),
    ];
    for src in &cases {
        let t = std::time::Instant::now();
        check(src);
        assert!(t.elapsed().as_secs() < 5, "too slow on {:?}...", &src[..20]);
    }
}
