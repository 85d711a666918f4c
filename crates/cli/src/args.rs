//! The command line, as clap reads it.

use clap::{Args, Parser, Subcommand};
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
  2  the command line is wrong (an unknown flag, a missing value)";

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
    Render(RenderArgs),
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
