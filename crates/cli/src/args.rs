//! The command line: argv in, an [`Invocation`] (or a usage error) out.
//!
//! `lexopt` splits argv into options and values (`-ofile`, `--output=file`, `-qo file`,
//! `--`); this file knows what each option means. Each subcommand's options are one
//! table of [`Flag`]s, which both parses and prints the help, so the two cannot drift
//! apart. A hand-written table instead of a derive-based parser keeps a small chart's
//! whole run near a millisecond: building clap's command model cost a fifth of the
//! instructions of drawing a sequence diagram.

use lexopt::{Arg, Parser};
use liutu_model::{Limit, Limits};
use std::ffi::OsString;
use std::path::PathBuf;

const ABOUT: &str = "Draw Mermaid flowcharts as text art, SVG, PNG, PDF or JSON — \
CJK labels included, no browser needed.";

const AFTER_HELP: &str = "\
Examples:
  liutu flow.mmd                     text art in the terminal
  liutu flow.mmd --ascii             plain ASCII art (+ - | > < v ^)
  liutu flow.mmd -o flow.svg         SVG (format from the extension)
  liutu flow.mmd -o flow.png         PNG, fonts bundled
  cat flow.mmd | liutu - --format json   the laid-out scene as JSON
  liutu check docs/*.mmd             report every error and warning

Exit codes:
  0  done (warnings may have been printed)
  1  the input or the output failed: a missing file, a syntax error, an unknown format
  2  the command line is wrong (an unknown flag, a missing value)
  3  --strict-width was given and the text art does not fit the width";

const RENDER_ABOUT: &str = "Draw a diagram (the default when no subcommand is given).";
const CHECK_ABOUT: &str = "Report every error and warning in diagrams without drawing them.";

/// What the command line asks for.
#[derive(Debug)]
pub enum Invocation {
    Render(Box<RenderArgs>),
    Check(CheckArgs),
    /// Help or the version: print this to standard output and exit 0.
    Print(String),
}

/// Options for drawing.
#[derive(Debug, Clone)]
pub struct RenderArgs {
    pub file: Option<PathBuf>,
    pub input: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub format: Option<String>,
    pub ascii: bool,
    pub width: Option<usize>,
    pub strict_width: bool,
    pub color: String,
    pub ambiguous_wide: bool,
    pub theme: Option<String>,
    pub background: Option<String>,
    pub config: Option<PathBuf>,
    pub css: Option<PathBuf>,
    pub id_prefix: Option<String>,
    pub height: Option<u32>,
    pub scale: f32,
    pub quiet: bool,
    pub limits: Limits,
}

impl Default for RenderArgs {
    fn default() -> Self {
        RenderArgs {
            file: None,
            input: None,
            output: None,
            format: None,
            ascii: false,
            width: None,
            strict_width: false,
            color: "auto".into(),
            ambiguous_wide: false,
            theme: None,
            background: None,
            config: None,
            css: None,
            id_prefix: None,
            height: None,
            scale: 2.0,
            quiet: false,
            limits: Limits::default(),
        }
    }
}

/// Options for checking.
#[derive(Debug)]
pub struct CheckArgs {
    pub files: Vec<PathBuf>,
    pub format: String,
}

impl Default for CheckArgs {
    fn default() -> Self {
        CheckArgs {
            files: Vec::new(),
            format: "text".into(),
        }
    }
}

/// One option: how it is spelled, what it sets, and its line in the help.
struct Flag<T> {
    short: Option<char>,
    long: &'static str,
    /// Another long spelling, for mermaid-cli's names (`--backgroundColor`).
    alias: Option<&'static str>,
    /// The name of its value in the help (`FILE`); `None` for a switch.
    value: Option<&'static str>,
    help: &'static str,
    /// The heading it is listed under in the help.
    heading: &'static str,
    /// Stores the value (empty for a switch), or says why it is not one.
    set: fn(&mut T, OsString) -> Result<(), String>,
    /// Its default as the help shows it, read from `T::default()`.
    default: Option<fn(&T) -> String>,
}

impl<T> Flag<T> {
    /// An option that takes a value, shown as `<value>` in the help.
    const fn value(
        short: Option<char>,
        long: &'static str,
        value: &'static str,
        help: &'static str,
        set: fn(&mut T, OsString) -> Result<(), String>,
    ) -> Self {
        Flag {
            short,
            long,
            alias: None,
            value: Some(value),
            help,
            heading: OPTIONS,
            set,
            default: None,
        }
    }

    /// An option that takes no value.
    const fn switch(
        short: Option<char>,
        long: &'static str,
        help: &'static str,
        set: fn(&mut T, OsString) -> Result<(), String>,
    ) -> Self {
        Flag {
            value: None,
            ..Flag::value(short, long, "", help, set)
        }
    }

    /// A limit: `--max-… <N>` under its own heading, its default shown.
    const fn limit(
        long: &'static str,
        help: &'static str,
        set: fn(&mut T, OsString) -> Result<(), String>,
        default: fn(&T) -> String,
    ) -> Self {
        Flag {
            heading: LIMITS,
            ..Flag::value(None, long, "N", help, set).shows_default(default)
        }
    }

    /// Another long spelling (mermaid-cli's name).
    const fn alias(self, alias: &'static str) -> Self {
        Flag {
            alias: Some(alias),
            ..self
        }
    }

    /// Shows the default in the help, as read from `T::default()`.
    const fn shows_default(self, default: fn(&T) -> String) -> Self {
        Flag {
            default: Some(default),
            ..self
        }
    }
}

const OPTIONS: &str = "Options";
const LIMITS: &str = "Limits (hostile or huge input)";

fn text(value: OsString) -> Result<String, String> {
    value
        .into_string()
        .map_err(|v| format!("{v:?} is not valid UTF-8"))
}

fn number<N: std::str::FromStr>(value: OsString, what: &str) -> Result<N, String> {
    let value = text(value)?;
    value
        .parse()
        .map_err(|_| format!("'{value}' is not {what}"))
}

fn set_limit(args: &mut RenderArgs, limit: Limit, value: OsString) -> Result<(), String> {
    *limit.of_mut(&mut args.limits) = number(value, "a whole number")?;
    Ok(())
}

/// The options of drawing (the table is long: a name for its entries' type).
type RenderFlag = Flag<RenderArgs>;

static RENDER_FLAGS: &[RenderFlag] = &[
    RenderFlag::value(
        Some('i'),
        "input",
        "FILE",
        "The same as FILE, for mermaid-cli compatibility. Example: `-i flow.mmd`",
        |a, v| {
            a.input = Some(v.into());
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('o'),
        "output",
        "FILE",
        "Write to this file instead of standard output; the extension picks the \
         format (.txt, .svg, .png, .pdf, .json). Example: `-o flow.svg`",
        |a, v| {
            a.output = Some(v.into());
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('f'),
        "format",
        "FORMAT",
        "The output format: txt, ascii, svg, png, pdf or json. Overrides the \
         extension of -o. Default: txt (text art). Example: `--format svg`",
        |a, v| {
            a.format = Some(text(v)?);
            Ok(())
        },
    ),
    RenderFlag::switch(
        None,
        "ascii",
        "Draw text art with ASCII only (+ - | > < v ^), the same as `--format \
         ascii`. Example: `liutu flow.mmd --ascii`",
        |a, _| {
            a.ascii = true;
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('w'),
        "width",
        "N",
        "Text art: fit into N columns — wrap labels, then turn the flow (LR ↔ TB) \
         if needed; default: the terminal's width when printing to one. PNG: the \
         image width in pixels (overrides -s). Example: `--width 80`",
        |a, v| {
            a.width = Some(number(v, "a whole number")?);
            Ok(())
        },
    ),
    RenderFlag::switch(
        None,
        "strict-width",
        "Exit with code 3 when the text art still does not fit the width (it is \
         printed anyway). Example: `--width 80 --strict-width`",
        |a, _| {
            a.strict_width = true;
            Ok(())
        },
    ),
    RenderFlag::value(
        None,
        "color",
        "WHEN",
        "Colour text art from the diagram's styles: auto (when printing to a \
         terminal and NO_COLOR is not set), always or never. Example: `--color \
         always | less -R`",
        |a, v| {
            a.color = text(v)?;
            Ok(())
        },
    )
    .shows_default(|a| a.color.clone()),
    RenderFlag::switch(
        None,
        "ambiguous-wide",
        "Count East Asian Ambiguous characters (such as ─ │ ┌) as two columns, \
         for terminals set up that way. Example: `--ambiguous-wide`",
        |a, _| {
            a.ambiguous_wide = true;
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('t'),
        "theme",
        "THEME",
        "Mermaid theme for SVG, PNG and PDF: default, neutral, dark, forest or \
         base (the diagram's own `theme` setting wins). Example: `-t dark`",
        |a, v| {
            a.theme = Some(text(v)?);
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('b'),
        "background",
        "COLOUR",
        "Background colour for SVG, PNG and PDF: a CSS colour or `transparent`. \
         PNG is white unless set. Example: `-b '#f0f0f0'`",
        |a, v| {
            a.background = Some(text(v)?);
            Ok(())
        },
    )
    .alias("backgroundColor"),
    RenderFlag::value(
        Some('c'),
        "config",
        "FILE",
        "A Mermaid configuration file (JSON: theme, themeVariables, flowchart \
         options…), as mermaid-cli's -c; the diagram's own settings win over it. \
         Example: `-c mermaid.json`",
        |a, v| {
            a.config = Some(v.into());
            Ok(())
        },
    )
    .alias("configFile"),
    RenderFlag::value(
        Some('C'),
        "css",
        "FILE",
        "A CSS file to put into the SVG (and so into PNG and PDF), as \
         mermaid-cli's -C. Example: `-C extra.css`",
        |a, v| {
            a.css = Some(v.into());
            Ok(())
        },
    )
    .alias("cssFile"),
    RenderFlag::value(
        None,
        "id-prefix",
        "PREFIX",
        "Prefix of every id in the SVG, so several diagrams can share a page. \
         Example: `--id-prefix fig3`",
        |a, v| {
            a.id_prefix = Some(text(v)?);
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('H'),
        "height",
        "PX",
        "PNG height in pixels (the width follows): overrides -s. With -w, the PNG \
         fits inside both. Example: `-o a.png -H 600`",
        |a, v| {
            a.height = Some(number(v, "a whole number")?);
            Ok(())
        },
    ),
    RenderFlag::value(
        Some('s'),
        "scale",
        "FACTOR",
        "PNG scale factor (pixels per SVG pixel). Example: `-s 2`",
        |a, v| {
            a.scale = number(v, "a number")?;
            Ok(())
        },
    )
    .shows_default(|a| a.scale.to_string()),
    RenderFlag::switch(
        Some('q'),
        "quiet",
        "Say nothing but errors (no warnings). Example: `-q`",
        |a, _| {
            a.quiet = true;
            Ok(())
        },
    ),
    RenderFlag::limit(
        "max-input-bytes",
        "Largest input accepted, in bytes. Example: `--max-input-bytes 10000000`",
        |a, v| set_limit(a, Limit::InputBytes, v),
        |a| a.limits.input_bytes.to_string(),
    ),
    RenderFlag::limit(
        "max-nodes",
        "Most nodes (flowchart) or participants (sequence). Example: \
         `--max-nodes 20000`",
        |a, v| set_limit(a, Limit::Nodes, v),
        |a| a.limits.nodes.to_string(),
    ),
    RenderFlag::limit(
        "max-edges",
        "Most edges (flowchart) or events (sequence). Example: `--max-edges 50000`",
        |a, v| set_limit(a, Limit::Edges, v),
        |a| a.limits.edges.to_string(),
    ),
    RenderFlag::limit(
        "max-label-bytes",
        "Most bytes of label text, all labels and titles together. Example: \
         `--max-label-bytes 1000000`",
        |a, v| set_limit(a, Limit::LabelBytes, v),
        |a| a.limits.label_bytes.to_string(),
    ),
    RenderFlag::limit(
        "max-depth",
        "Deepest subgraph nesting (at most 64, the parser's own ceiling). \
         Example: `--max-depth 8`",
        |a, v| set_limit(a, Limit::SubgraphDepth, v),
        |a| a.limits.subgraph_depth.to_string(),
    ),
    RenderFlag::limit(
        "max-dummies",
        "Most dummy nodes the layout may add for edges spanning several ranks. \
         Example: `--max-dummies 100000`",
        |a, v| set_limit(a, Limit::DummyNodes, v),
        |a| a.limits.dummy_nodes.to_string(),
    ),
    RenderFlag::limit(
        "max-work",
        "Most estimated layout work, in abstract units ((edges + 1) × (nodes + \
         dummies)). Example: `--max-work 1000000000`",
        |a, v| set_limit(a, Limit::WorkUnits, v),
        |a| a.limits.work_units.to_string(),
    ),
];

static CHECK_FLAGS: &[Flag<CheckArgs>] = &[Flag::<CheckArgs>::value(
    None,
    "format",
    "FORMAT",
    "`text` (rustc-style, the default) or `json` (one object per diagnostic with \
     file, line, column, severity and message, for editors). Example: `--format json`",
    |a, v| {
        a.format = text(v)?;
        Ok(())
    },
)
.shows_default(|a| a.format.clone())];

/// Reads the process's own command line.
pub fn parse() -> Result<Invocation, String> {
    parse_from(std::env::args_os().skip(1))
}

/// Reads a command line given without the program name. `Err` is a usage error, to be
/// printed with a pointer to `--help` and exit code 2.
pub fn parse_from<I: IntoIterator<Item = OsString>>(args: I) -> Result<Invocation, String> {
    let mut args = args.into_iter().peekable();
    // A subcommand is only recognised as the first argument, so a file may still be
    // called `check` when options come first (`liutu -q check`).
    let subcommand = args.next_if(|first| first == "render" || first == "check" || first == "help");
    let mut parser = Parser::from_args(args);
    match subcommand.as_ref().and_then(|s| s.to_str()) {
        Some("check") => {
            let mut check = CheckArgs::default();
            if let Some(printed) =
                read_flags(&mut parser, CHECK_FLAGS, &mut check, check_help, |a, v| {
                    a.files.push(v.into());
                    Ok(())
                })?
            {
                return Ok(printed);
            }
            if check.files.is_empty() {
                return Err(
                    "`liutu check` needs at least one FILE (`-` for standard input)".into(),
                );
            }
            Ok(Invocation::Check(check))
        }
        Some("help") => {
            let topic = parser.next().map_err(|e| e.to_string())?;
            match topic {
                None => Ok(Invocation::Print(main_help())),
                Some(Arg::Value(v)) if v == "render" => Ok(Invocation::Print(render_help())),
                Some(Arg::Value(v)) if v == "check" => Ok(Invocation::Print(check_help())),
                Some(other) => Err(format!(
                    "no help on {other:?}: try `liutu help`, `liutu help render` or `liutu help check`"
                )),
            }
        }
        sub => {
            let mut render = RenderArgs::default();
            let help = if sub.is_some() {
                render_help
            } else {
                main_help
            };
            if let Some(printed) =
                read_flags(&mut parser, RENDER_FLAGS, &mut render, help, |a, v| {
                    if a.file.is_some() {
                        return Err(format!(
                            "unexpected argument {v:?}: only one FILE can be drawn at a time"
                        ));
                    }
                    a.file = Some(v.into());
                    Ok(())
                })?
            {
                return Ok(printed);
            }
            if render.file.is_some() && render.input.is_some() {
                return Err("FILE and -i/--input both name the input: give one of them".into());
            }
            Ok(Invocation::Render(Box::new(render)))
        }
    }
}

/// Reads options from `table` and positional values into `target` until the command line
/// ends. Returns the help or the version when one was asked for.
fn read_flags<T>(
    parser: &mut Parser,
    table: &[Flag<T>],
    target: &mut T,
    help: fn() -> String,
    positional: fn(&mut T, OsString) -> Result<(), String>,
) -> Result<Option<Invocation>, String> {
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let flag = match arg {
            Arg::Value(value) => {
                positional(target, value)?;
                continue;
            }
            Arg::Short('h') | Arg::Long("help") => return Ok(Some(Invocation::Print(help()))),
            Arg::Short('V') | Arg::Long("version") => {
                return Ok(Some(Invocation::Print(format!(
                    "liutu {}\n",
                    env!("CARGO_PKG_VERSION")
                ))));
            }
            Arg::Short(c) => table
                .iter()
                .find(|f| f.short == Some(c))
                .ok_or_else(|| format!("unknown option '-{c}'"))?,
            Arg::Long(name) => table
                .iter()
                .find(|f| f.long == name || f.alias == Some(name))
                .ok_or_else(|| unknown_long(name, table))?,
        };
        let value = match flag.value {
            Some(_) => parser
                .value()
                .map_err(|_| format!("'{}' needs a value", spelling(flag)))?,
            None => OsString::new(),
        };
        (flag.set)(target, value)
            .map_err(|why| format!("invalid value for '{}': {why}", spelling(flag)))?;
    }
    Ok(None)
}

/// `--name <VALUE>`, as a flag is written in messages.
fn spelling<T>(flag: &Flag<T>) -> String {
    match flag.value {
        Some(value) => format!("--{} <{value}>", flag.long),
        None => format!("--{}", flag.long),
    }
}

/// The message for an unknown `--name`, suggesting the closest known one (or one it
/// begins, as `--max-n` does `--max-nodes`).
fn unknown_long<T>(name: &str, table: &[Flag<T>]) -> String {
    let known = || {
        table
            .iter()
            .flat_map(|f| std::iter::once(f.long).chain(f.alias))
            .chain(["help", "version"])
    };
    match liutu_syntax::nearest(name, known()).or_else(|| known().find(|k| k.starts_with(name))) {
        Some(known) => format!("unknown option '--{name}' (did you mean '--{known}'?)"),
        None => format!("unknown option '--{name}'"),
    }
}

/// The parts of a help page around its table of options.
struct Page {
    about: &'static str,
    usage: &'static str,
    commands: &'static str,
    /// The positional argument and what it is.
    argument: (&'static str, &'static str),
}

const FILE_ARGUMENT: (&str, &str) = (
    "[FILE]",
    "The Mermaid file to read; `-` or nothing reads standard input. \
     Example: `liutu examples/server-integration.mmd`",
);

fn main_help() -> String {
    let page = Page {
        about: ABOUT,
        usage: "liutu [OPTIONS] [FILE]\n       liutu <COMMAND>",
        commands: "Commands:\n  \
                   render  Draw a diagram (the default when no subcommand is given)\n  \
                   check   Report every error and warning in diagrams without drawing them\n  \
                   help    Print this message or the help of a subcommand\n\n",
        argument: FILE_ARGUMENT,
    };
    format!("{}\n{AFTER_HELP}\n", help(&page, RENDER_FLAGS))
}

fn render_help() -> String {
    let page = Page {
        about: RENDER_ABOUT,
        usage: "liutu render [OPTIONS] [FILE]",
        commands: "",
        argument: FILE_ARGUMENT,
    };
    help(&page, RENDER_FLAGS)
}

fn check_help() -> String {
    let page = Page {
        about: CHECK_ABOUT,
        usage: "liutu check [OPTIONS] <FILE>...",
        commands: "",
        argument: (
            "<FILE>...",
            "Files to check (`-` for standard input). Example: `liutu check a.mmd b.mmd`",
        ),
    };
    help(&page, CHECK_FLAGS)
}

/// The help of one subcommand: what it does, its usage, its arguments and its options
/// grouped under their headings, each description wrapped beside its flag.
fn help<T: Default>(page: &Page, table: &[Flag<T>]) -> String {
    let defaults = T::default();
    let mut rows: Vec<(&str, String, String)> = Vec::new();
    rows.push((
        "Arguments",
        page.argument.0.to_string(),
        page.argument.1.to_string(),
    ));
    for flag in table {
        let short = flag.short.map_or("    ".to_string(), |c| format!("-{c}, "));
        let value = flag.value.map_or(String::new(), |v| format!(" <{v}>"));
        let mut description = flag.help.to_string();
        if let Some(default) = flag.default {
            description.push_str(&format!(" [default: {}]", default(&defaults)));
        }
        rows.push((
            flag.heading,
            format!("{short}--{}{value}", flag.long),
            description,
        ));
    }
    rows.push((OPTIONS, "-h, --help".into(), "Print help".into()));
    rows.push((OPTIONS, "-V, --version".into(), "Print version".into()));
    // Options keep their table order under each heading; headings in first-seen order.
    let mut headings: Vec<&str> = Vec::new();
    for (heading, _, _) in &rows {
        if !headings.contains(heading) {
            headings.push(heading);
        }
    }
    let column = rows
        .iter()
        .map(|(_, name, _)| name.chars().count())
        .max()
        .unwrap_or(0)
        + 4;
    let width = 100;
    let mut out = format!(
        "{}\n\nUsage: {}\n\n{}",
        page.about, page.usage, page.commands
    );
    for heading in headings {
        out.push_str(heading);
        out.push_str(":\n");
        for (_, name, description) in rows.iter().filter(|(h, _, _)| *h == heading) {
            let mut line = format!("  {name}");
            let mut lines: Vec<String> = Vec::new();
            for word in description.split(' ') {
                let used = line.chars().count();
                let start = used <= 2 + name.chars().count();
                if !start && used + 1 + word.chars().count() > width {
                    lines.push(std::mem::take(&mut line));
                    line = " ".repeat(column);
                    line.push_str(word);
                } else {
                    if start {
                        line.push_str(&" ".repeat(column - used));
                    } else {
                        line.push(' ');
                    }
                    line.push_str(word);
                }
            }
            lines.push(line);
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Invocation, String> {
        parse_from(args.iter().map(OsString::from))
    }

    fn render(args: &[&str]) -> RenderArgs {
        match parse(args) {
            Ok(Invocation::Render(render)) => *render,
            other => panic!("{args:?} gave {other:?}"),
        }
    }

    #[test]
    fn every_spelling_of_a_value_is_read() {
        for args in [
            &["-o", "a.svg"][..],
            &["-oa.svg"],
            &["--output", "a.svg"],
            &["--output=a.svg"],
            &["-qo", "a.svg"],
        ] {
            assert_eq!(
                render(args).output,
                Some(PathBuf::from("a.svg")),
                "{args:?}"
            );
        }
        let args = render(&["-b", "red", "--configFile", "c.json", "--cssFile=x.css"]);
        assert_eq!(args.background.as_deref(), Some("red"));
        assert_eq!(args.config, Some(PathBuf::from("c.json")));
        assert_eq!(args.css, Some(PathBuf::from("x.css")));
    }

    #[test]
    fn defaults_and_typed_values() {
        let plain = render(&["flow.mmd"]);
        assert_eq!(plain.file, Some(PathBuf::from("flow.mmd")));
        assert_eq!((plain.color.as_str(), plain.scale), ("auto", 2.0));
        assert_eq!(plain.limits, Limits::default());
        let set = render(&[
            "-",
            "-w",
            "80",
            "-H",
            "600",
            "-s",
            "1.5",
            "--max-nodes",
            "7",
        ]);
        assert_eq!(set.file, Some(PathBuf::from("-")));
        assert_eq!(
            (set.width, set.height, set.scale),
            (Some(80), Some(600), 1.5)
        );
        assert_eq!(set.limits.nodes, 7);
        assert_eq!(render(&["--", "-o"]).file, Some(PathBuf::from("-o")));
    }

    #[test]
    fn every_limit_has_its_flag() {
        for (n, limit) in Limit::ALL.into_iter().enumerate() {
            let value = (n + 11).to_string();
            let args = render(&[limit.flag(), &value]);
            assert_eq!(limit.of(&args.limits), n as u64 + 11, "{limit:?}");
        }
    }

    #[test]
    fn subcommands_come_first() {
        assert!(matches!(
            parse(&["render", "a.mmd"]),
            Ok(Invocation::Render(_))
        ));
        match parse(&["check", "a.mmd", "--format", "json", "b.mmd"]) {
            Ok(Invocation::Check(check)) => {
                assert_eq!(check.files.len(), 2);
                assert_eq!(check.format, "json");
            }
            other => panic!("{other:?}"),
        }
        // After an option, `check` is a file name.
        assert_eq!(render(&["-q", "check"]).file, Some(PathBuf::from("check")));
    }

    #[test]
    fn mistakes_are_named() {
        for (args, expected) in [
            (&["--colour", "never"][..], "did you mean '--color'"),
            (&["--max-n", "3"], "did you mean '--max-nodes'"),
            (&["--bogus"], "unknown option '--bogus'"),
            (&["-Z"], "unknown option '-Z'"),
            (&["-w", "wide"], "'wide' is not a whole number"),
            (&["--max-nodes"], "'--max-nodes <N>' needs a value"),
            (&["a.mmd", "b.mmd"], "only one FILE"),
            (&["-i", "a.mmd", "b.mmd"], "give one of them"),
            (&["--ascii=yes"], "--ascii"),
            (&["check"], "at least one FILE"),
            (&["check", "--output", "x"], "unknown option '--output'"),
            (&["help", "bogus"], "no help on"),
        ] {
            match parse(args) {
                Err(message) => assert!(message.contains(expected), "{args:?}: {message}"),
                Ok(other) => panic!("{args:?} was accepted: {other:?}"),
            }
        }
    }

    #[test]
    fn help_lists_every_flag_with_its_default() {
        let Ok(Invocation::Print(help)) = parse(&["--help"]) else {
            panic!("no help");
        };
        for flag in RENDER_FLAGS {
            assert!(help.contains(&format!("--{}", flag.long)), "{}", flag.long);
        }
        assert!(help.contains("[default: 10000]"), "{help}");
        assert!(
            help.lines().all(|line| line.chars().count() <= 100),
            "{help}"
        );
        let Ok(Invocation::Print(check)) = parse(&["help", "check"]) else {
            panic!("no check help");
        };
        assert!(check.contains("--format <FORMAT>") && !check.contains("--output"));
        assert!(matches!(parse(&["-V"]), Ok(Invocation::Print(v)) if v.starts_with("liutu ")));
    }
}
