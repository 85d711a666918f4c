//! Reading the diagram source from a file or standard input.

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
    let (name, bytes) = match path {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => {
            let name = p.display().to_string();
            let bytes =
                std::fs::read(p).map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
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

fn read_stdin() -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {}", io_reason(&e)))?;
    Ok(("<stdin>".to_string(), bytes))
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
