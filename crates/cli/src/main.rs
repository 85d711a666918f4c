//! The `liutu` command: reads Mermaid text, writes text art, SVG, PNG, PDF or JSON.
//!
//! A thin edge over the library crates: this crate owns the I/O (files, stdin, stdout,
//! the terminal), turns diagnostics into rustc-style reports, and maps outcomes to exit
//! codes. Everything else happens in the pipeline crates.
//!
//! Exit codes: 0 done (warnings may have been printed), 1 the input or output failed (a
//! missing file, a syntax error, an unknown format), 2 the command line itself was
//! wrong, 3 `--strict-width` and the text art does not fit.
//!
//! The process is entered from C's `main`, not through Rust's runtime (`no_main`): that
//! runtime reads `/proc/self/maps` and maps a signal stack before `main`, a tenth of a
//! millisecond here — a tenth of drawing a small chart, paid by every docs build that
//! draws its charts one process at a time. Its two visible duties are done below:
//! SIGPIPE is ignored (so `liutu x | head` ends quietly through the BrokenPipe path),
//! and standard output is flushed before returning. What is lost is the message on a
//! stack overflow, which the parser's and the layout's depth limits keep from happening.

#![cfg_attr(not(test), no_main)]

mod args;
mod check;
mod config_file;
mod format;
mod input;
mod pipeline;
mod report;
mod text_art;

use std::io::Write;

#[cfg_attr(not(test), unsafe(no_mangle))]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            fn signal(signum: std::ffi::c_int, handler: usize) -> usize;
        }
        const SIGPIPE: std::ffi::c_int = 13;
        const SIG_IGN: usize = 1;
        // SAFETY: setting a signal's disposition to "ignore" runs no code of ours.
        unsafe { signal(SIGPIPE, SIG_IGN) };
    }
    let code = liutu_main();
    // Nothing flushes Rust's buffered standard output after C's `main` returns.
    let _ = std::io::stdout().flush();
    code.into()
}

/// The whole command; its result is the process's exit code.
fn liutu_main() -> u8 {
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
            return 2;
        }
    };
    std::panic::catch_unwind(|| run(invocation)).unwrap_or(1)
}

fn run(invocation: args::Invocation) -> u8 {
    let result = match invocation {
        args::Invocation::Check(check) => check::run(&check),
        args::Invocation::Render(render) => pipeline::run(&render),
        args::Invocation::Print(text) => {
            print!("{text}");
            Ok(())
        }
    };
    match result {
        Ok(()) => 0,
        Err(Failure::Reported) => 1,
        Err(Failure::Message(message)) => {
            eprintln!("error: {message}");
            1
        }
        Err(Failure::TooWide(message)) => {
            eprintln!("error: {message}");
            3
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
