//! Which output format a run asked for.

use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Ascii,
    Svg,
    Png,
    Pdf,
    Json,
}

impl Format {
    pub fn parse(name: &str) -> Result<Format, String> {
        Ok(match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "ascii" => Format::Ascii,
            "svg" => Format::Svg,
            "png" => Format::Png,
            "pdf" => Format::Pdf,
            "json" => Format::Json,
            other => {
                return Err(format!(
                    "unknown format `{other}` (expected txt, ascii, svg, png, pdf or json)"
                ));
            }
        })
    }

    /// True for formats that are bytes, not text.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Png | Format::Pdf)
    }
}

/// The format from `--format`, `--ascii`, or the output file's extension; text art when
/// none says otherwise.
pub fn choose(format: Option<&str>, ascii: bool, output: Option<&Path>) -> Result<Format, String> {
    if let Some(f) = format {
        let f = Format::parse(f)?;
        return Ok(if ascii && f == Format::Text {
            Format::Ascii
        } else {
            f
        });
    }
    if ascii {
        return Ok(Format::Ascii);
    }
    match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some(ext) => Format::parse(ext).map_err(|_| {
            format!(
                "cannot tell the format from the extension `.{ext}` of {} (use .txt, .svg, .png, .pdf or .json, or --format)",
                output.map(|p| p.display().to_string()).unwrap_or_default()
            )
        }),
        None => Ok(Format::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_flag_and_default() {
        assert_eq!(
            choose(None, false, Some(Path::new("a.svg"))),
            Ok(Format::Svg)
        );
        assert_eq!(
            choose(Some("png"), false, Some(Path::new("a.svg"))),
            Ok(Format::Png)
        );
        assert_eq!(choose(None, true, None), Ok(Format::Ascii));
        assert_eq!(choose(None, false, None), Ok(Format::Text));
        assert!(choose(None, false, Some(Path::new("a.gif"))).is_err());
        assert!(choose(Some("bmp"), false, None).is_err());
    }
}
