//! Reading the diagram source from a file or standard input.

use liutu_model::{Limit, LimitExceeded, Limits};
use std::io::Read;
use std::path::Path;

/// A source text and the name to show in messages.
pub struct Source {
    pub name: String,
    pub text: String,
}

/// Reads `path`, or standard input for `None` or `-`. Invalid UTF-8 and unreadable files
/// are errors that name the file.
pub fn read(path: Option<&Path>) -> Result<Source, String> {
    read_limited(path, &Limits::unlimited())
}

/// [`read`], refusing input over `limits.input_bytes` before holding more than that
/// (plus one byte) in memory: a file's size is checked first, standard input is read
/// through a bounded reader.
pub fn read_limited(path: Option<&Path>, limits: &Limits) -> Result<Source, String> {
    let max = limits.input_bytes;
    let too_big = |found: u64| {
        LimitExceeded {
            limit: Limit::InputBytes,
            found,
            max,
        }
        .to_string()
    };
    let bounded = |name: &str, reader: &mut dyn Read| -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        reader
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
        if bytes.len() as u64 > max {
            return Err(format!("{name}: {}", too_big(bytes.len() as u64)));
        }
        Ok(bytes)
    };
    let (name, bytes) = match path {
        Some(p) if p.as_os_str() != "-" => {
            let name = p.display().to_string();
            let mut file = std::fs::File::open(p)
                .map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
            if let Ok(meta) = file.metadata()
                && meta.is_file()
                && meta.len() > max
            {
                return Err(format!("{name}: {}", too_big(meta.len())));
            }
            let bytes = bounded(&name, &mut file)?;
            (name, bytes)
        }
        _ => {
            let name = "<stdin>".to_string();
            let bytes = bounded("standard input", &mut std::io::stdin().lock())?;
            (name, bytes)
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Source { name, text })
}

/// A short, human reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}
