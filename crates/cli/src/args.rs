//! The command line, as clap reads it.

use clap::{Args, Parser, Subcommand};
use liutu_model::Limits;
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

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "liutu",
    version,
    about = ABOUT,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw a diagram (the default when no subcommand is given).
    Render(Box<RenderArgs>),
    /// Report every error and warning in diagrams without drawing them.
    Check(CheckArgs),
}

/// Options for drawing.
#[derive(Debug, Args, Clone)]
pub struct RenderArgs {
    /// The Mermaid file to read; `-` or nothing reads standard input.
    /// Example: `liutu examples/server-integration.mmd`
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// The same as FILE, for mermaid-cli compatibility. Example: `-i flow.mmd`
    #[arg(
        short = 'i',
        long = "input",
        value_name = "FILE",
        conflicts_with = "file"
    )]
    pub input: Option<PathBuf>,

    /// Write to this file instead of standard output; the extension picks the format
    /// (.txt, .svg, .png, .pdf, .json). Example: `-o flow.svg`
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The output format: txt, ascii, svg, png, pdf or json. Overrides the extension
    /// of -o. Default: txt (text art). Example: `--format svg`
    #[arg(short = 'f', long = "format", value_name = "FORMAT")]
    pub format: Option<String>,

    /// Draw text art with ASCII only (+ - | > < v ^), the same as `--format ascii`.
    /// Example: `liutu flow.mmd --ascii`
    #[arg(long)]
    pub ascii: bool,

    /// Text art: fit into N columns — wrap labels, then turn the flow (LR ↔ TB) if
    /// needed; default: the terminal's width when printing to one. PNG: the image width
    /// in pixels (overrides -s). Example: `--width 80`
    #[arg(short = 'w', long = "width", value_name = "N")]
    pub width: Option<usize>,

    /// Exit with code 3 when the text art still does not fit the width (it is printed
    /// anyway). Example: `--width 80 --strict-width`
    #[arg(long)]
    pub strict_width: bool,

    /// Colour text art from the diagram's styles: auto (when printing to a terminal and
    /// NO_COLOR is not set), always or never. Example: `--color always | less -R`
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: String,

    /// Count East Asian Ambiguous characters (such as ─ │ ┌) as two columns, for
    /// terminals set up that way. Example: `--ambiguous-wide`
    #[arg(long)]
    pub ambiguous_wide: bool,

    /// Mermaid theme for SVG, PNG and PDF: default, neutral, dark, forest or base (the
    /// diagram's own `theme` setting wins). Example: `-t dark`
    #[arg(short = 't', long = "theme", value_name = "THEME")]
    pub theme: Option<String>,

    /// Background colour for SVG, PNG and PDF: a CSS colour or `transparent`. PNG is
    /// white unless set. Example: `-b '#f0f0f0'`
    #[arg(
        short = 'b',
        long = "background",
        alias = "backgroundColor",
        value_name = "COLOUR"
    )]
    pub background: Option<String>,

    /// A Mermaid configuration file (JSON: theme, themeVariables, flowchart options…), as
    /// mermaid-cli's -c; the diagram's own settings win over it. Example: `-c mermaid.json`
    #[arg(
        short = 'c',
        long = "config",
        alias = "configFile",
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// A CSS file to put into the SVG (and so into PNG and PDF), as mermaid-cli's -C.
    /// Example: `-C extra.css`
    #[arg(short = 'C', long = "css", alias = "cssFile", value_name = "FILE")]
    pub css: Option<PathBuf>,

    /// Prefix of every id in the SVG, so several diagrams can share a page.
    /// Example: `--id-prefix fig3`
    #[arg(long = "id-prefix", value_name = "PREFIX")]
    pub id_prefix: Option<String>,

    /// PNG height in pixels (the width follows): overrides -s. With -w, the PNG fits
    /// inside both. Example: `-o a.png -H 600`
    #[arg(short = 'H', long = "height", value_name = "PX")]
    pub height: Option<u32>,

    /// PNG scale factor (pixels per SVG pixel). Example: `-s 2`
    #[arg(
        short = 's',
        long = "scale",
        value_name = "FACTOR",
        default_value_t = 2.0
    )]
    pub scale: f32,

    /// Say nothing but errors (no warnings). Example: `-q`
    #[arg(short = 'q', long = "quiet")]
    pub quiet: bool,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Limits that keep any input within bounded time and memory. Going over one is an
/// error naming the limit, the value found and the flag that raises it.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Limits (hostile or huge input)")]
pub struct LimitArgs {
    /// Largest input accepted, in bytes. Example: `--max-input-bytes 10000000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().input_bytes)]
    pub max_input_bytes: u64,

    /// Most nodes (flowchart) or participants (sequence). Example: `--max-nodes 20000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().nodes)]
    pub max_nodes: u64,

    /// Most edges (flowchart) or events (sequence). Example: `--max-edges 50000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().edges)]
    pub max_edges: u64,

    /// Most bytes of label text, all labels and titles together.
    /// Example: `--max-label-bytes 1000000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().label_bytes)]
    pub max_label_bytes: u64,

    /// Deepest subgraph nesting (at most 64, the parser's own ceiling).
    /// Example: `--max-depth 8`
    #[arg(long, value_name = "N", default_value_t = Limits::default().subgraph_depth)]
    pub max_depth: u64,

    /// Most dummy nodes the layout may add for edges spanning several ranks.
    /// Example: `--max-dummies 100000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().dummy_nodes)]
    pub max_dummies: u64,

    /// Most estimated layout work, in abstract units ((edges + 1) × (nodes + dummies)).
    /// Example: `--max-work 1000000000`
    #[arg(long, value_name = "N", default_value_t = Limits::default().work_units)]
    pub max_work: u64,
}

impl LimitArgs {
    /// The limits these flags set.
    pub fn limits(&self) -> Limits {
        Limits {
            input_bytes: self.max_input_bytes,
            nodes: self.max_nodes,
            edges: self.max_edges,
            label_bytes: self.max_label_bytes,
            subgraph_depth: self.max_depth,
            dummy_nodes: self.max_dummies,
            work_units: self.max_work,
        }
    }
}

/// Options for checking.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check (`-` for standard input). Example: `liutu check a.mmd b.mmd`
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// `text` (rustc-style, the default) or `json` (one object per diagnostic with
    /// file, line, column, severity and message, for editors). Example: `--format json`
    #[arg(long = "format", value_name = "FORMAT", default_value = "text")]
    pub format: String,
}

pub fn parse() -> Cli {
    Cli::parse()
}
