//! `liutu check`: every diagnostic of every file, no drawing.

use crate::args::CheckArgs;
use crate::{Failure, input, report};

pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let json = match args.format.as_str() {
        "text" => false,
        "json" => true,
        other => {
            return Err(format!("unknown check format `{other}` (expected text or json)").into());
        }
    };
    let mut failed = false;
    let mut objects = Vec::new();
    for file in &args.files {
        let source = match input::read(Some(file)) {
            Ok(s) => s,
            Err(message) => {
                eprintln!("error: {message}");
                failed = true;
                continue;
            }
        };
        let read = liutu_syntax::read(&source.text);
        failed |= read.has_errors();
        for d in &read.diagnostics {
            if json {
                objects.push(report::json(&source.name, &source.text, d));
            } else {
                eprint!("{}", report::format(&source.name, &source.text, d));
            }
        }
    }
    if json {
        println!("{}", serde_json::Value::Array(objects));
    }
    if failed {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}
