//! The project configuration file, `numcheck.toml` (or `.numcheck.toml`), found by walking up
//! from the working directory.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::check::FailOn;
use crate::error::DataError;
use crate::normalise::Tolerances;
use crate::report::OutputFormat;

/// Settings a newsroom keeps beside its articles.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Reference directories added to the defaults, relative to the config file.
    #[serde(default)]
    pub reference: Vec<PathBuf>,
    /// Default `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// Default `--format` for `check`.
    pub format: Option<OutputFormat>,
    /// How far "about" and "nearly" widen a value.
    pub tolerances: Option<Tolerances>,
    /// Where the file was found.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The names the configuration file may have, in order of preference.
pub(crate) const CONFIG_NAMES: &[&str] = &["numcheck.toml", ".numcheck.toml"];

impl Config {
    /// The first configuration file in `start` or a parent directory; the default if none.
    pub fn discover(start: &Path) -> Result<Config, DataError> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            for name in CONFIG_NAMES {
                let p = d.join(name);
                if p.is_file() {
                    return Config::load(&p);
                }
            }
            dir = d.parent();
        }
        Ok(Config::default())
    }

    /// Reads one configuration file. A bad setting (an unknown key, `fail_on` or `format`) is
    /// an error naming the file and line.
    pub fn load(path: &Path) -> Result<Config, DataError> {
        let text = std::fs::read_to_string(path).map_err(|e| DataError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let mut cfg = Config::parse(&path.display().to_string(), &text)?;
        cfg.path = Some(path.to_path_buf());
        Ok(cfg)
    }

    /// Parses the text of a configuration file named `file`.
    pub fn parse(file: &str, text: &str) -> Result<Config, DataError> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            DataError::Row {
                file: file.to_string(),
                line,
                message: e.message().to_string(),
            }
        })?;
        if let Some(t) = &cfg.tolerances
            && let Err((key, message)) = t.validate()
        {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(0, |i| i as u64 + 1);
            return Err(DataError::Row {
                file: file.to_string(),
                line,
                message: format!("tolerances.{key}: {message}"),
            });
        }
        Ok(cfg)
    }

    /// Reference directories resolved against the config file's folder.
    pub fn reference_dirs(&self) -> Vec<PathBuf> {
        let base = self
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        self.reference.iter().map(|r| base.join(r)).collect()
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u64 {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read() {
        let cfg = Config::parse(
            "numcheck.toml",
            "fail_on = \"never\"\nformat = \"Markdown\"\nreference = [\"facts\"]\n",
        )
        .unwrap();
        assert_eq!(cfg.fail_on, Some(FailOn::Never));
        assert_eq!(cfg.format, Some(OutputFormat::Markdown));
        assert_eq!(cfg.reference, vec![PathBuf::from("facts")]);
    }

    #[test]
    fn a_bad_format_or_fail_level_names_file_and_line() {
        let e = Config::parse("numcheck.toml", "fail_on = \"never\"\nformat = \"xml\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:2: unknown format 'xml'"),
            "{e}"
        );
        let e = Config::parse("numcheck.toml", "\nfail_on = \"sometimes\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:2: unknown fail level 'sometimes'"),
            "{e}"
        );
        let e = Config::parse(
            "numcheck.toml",
            "[tolerances]\napproximately = 0.1\nnearly = -0.2\ncurrency_rate = 0.03\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("numcheck.toml:3: tolerances.nearly: -0.2 is negative"),
            "{e}"
        );
        let e = Config::parse("numcheck.toml", "colour = true\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("numcheck.toml:1: unknown field `colour`"),
            "{e}"
        );
    }
}
