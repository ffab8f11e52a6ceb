//! The project configuration file, `numcheck.toml` (or `.numcheck.toml`), found by walking up
//! from the working directory.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::check::FailOn;
use crate::error::DataError;
use crate::normalise::Tolerances;

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
    pub format: Option<String>,
    /// How far "about" and "nearly" widen a value.
    pub tolerances: Option<Tolerances>,
    /// Where the file was found.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The names the configuration file may have, in order of preference.
pub const CONFIG_NAMES: &[&str] = &["numcheck.toml", ".numcheck.toml"];

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

    /// Reads one configuration file.
    pub fn load(path: &Path) -> Result<Config, DataError> {
        let text = std::fs::read_to_string(path).map_err(|e| DataError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let mut cfg: Config = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                .unwrap_or(0) as u64;
            DataError::Row {
                file: path.display().to_string(),
                line,
                message: e.message().to_string(),
            }
        })?;
        cfg.path = Some(path.to_path_buf());
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
