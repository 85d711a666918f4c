//! The `liutu` command: reads Mermaid text, writes text art, SVG, PNG, PDF or JSON.
//!
//! A thin edge over the library crates: this crate owns the I/O (files, stdin, stdout,
//! the terminal), turns diagnostics into rustc-style reports, and maps outcomes to exit
//! codes. Everything else happens in the pipeline crates.
//!
//! Exit codes: 0 done (warnings may have been printed), 1 the input or output failed (a
//! missing file, a syntax error, an unknown format), 2 the command line itself was
//! wrong, 3 `--strict-width` and the text art does not fit.

mod args;
mod check;
mod config_file;
mod format;
mod input;
mod pipeline;
mod report;
mod text_art;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Whatever happens, a user sees one line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("liutu: internal error: {message} (please report this with the input)");
    }));
    let invocation = match args::parse() {
        Ok(invocation) => invocation,
        Err(message) => {
            eprintln!("error: {message}\n\nFor more information, try '--help'.");
            return ExitCode::from(2);
        }
    };
    match std::panic::catch_unwind(|| run(invocation)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(1),
    }
}

fn run(invocation: args::Invocation) -> ExitCode {
    let result = match invocation {
        args::Invocation::Check(check) => check::run(&check),
        args::Invocation::Render(render) => pipeline::run(&render),
        args::Invocation::Print(text) => {
            print!("{text}");
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Reported) => ExitCode::from(1),
        Err(Failure::Message(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::TooWide(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(3)
        }
    }
}

/// Why a run failed.
pub enum Failure {
    /// The problem was already printed (diagnostics).
    Reported,
    /// A one-line message still to print.
    Message(String),
    /// `--strict-width` and the drawing does not fit (exit code 3).
    TooWide(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}
