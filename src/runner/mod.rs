//! Running the pipeline over a command's inputs: reading articles from files or standard input
//! ([`input`]), a batch of files ([`batch`]), the `--stream` loop over JSON lines ([`stream`]),
//! both on every core in input order ([`parallel`]), and where the report goes ([`output`]).
//! Functions here return errors and hand diagnostics to the caller; they never print.

pub mod batch;
pub mod input;
pub mod output;
pub mod parallel;
pub mod stream;

use std::path::{Path, PathBuf};

use crate::error::RunError;
use crate::lexicon::Lexicon;

/// The lexicon a run needs: `None` for the embedded one, or the embedded tables extended by the
/// lexicon tables of one reference directory (a `lexicon/` folder, `units.csv` or
/// `currencies.csv`).
pub fn extended_lexicon(dirs: &[PathBuf]) -> Result<Option<Lexicon>, RunError> {
    let extra: Vec<&Path> = dirs
        .iter()
        .map(PathBuf::as_path)
        .filter(|d| {
            d.join("lexicon").is_dir()
                || d.join("units.csv").is_file()
                || d.join("currencies.csv").is_file()
        })
        .collect();
    match extra.as_slice() {
        [] => Ok(None),
        [dir] => Ok(Some(Lexicon::with_extra_dir(dir)?)),
        _ => Err(RunError::TwoLexiconDirs),
    }
}
