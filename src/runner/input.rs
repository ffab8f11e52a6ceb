//! Reading articles from files and standard input (`-`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{Date, Document, Format};
use crate::error::InputError;

/// How to read articles: settings from the command line that override what a document says.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// The markup (default: by extension and content).
    pub format: Option<Format>,
    /// The article date, over the one in front matter or HTML meta.
    pub date: Option<Date>,
    /// The article locale, over front matter `lang:` and `<html lang>`.
    pub locale: Option<String>,
}

/// Reads one article: a file, or standard input for `-`.
pub fn read_document(path: &Path, opts: &InputOptions) -> Result<Document, InputError> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| InputError::Stdin {
                message: e.to_string(),
            })?;
        buf
    } else {
        std::fs::read(path).map_err(|e| InputError::Io {
            path: name.clone(),
            message: e.to_string(),
        })?
    };
    let mut doc = Document::from_bytes(&name, &bytes, opts.format)?;
    if opts.date.is_some() {
        doc.date = opts.date;
    }
    if opts.locale.is_some() {
        doc.locale = opts.locale.clone();
    }
    Ok(doc)
}

/// Reads every article (standard input when `paths` is empty): the documents that could be
/// read, and the errors of the others, in input order.
pub fn read_documents(paths: &[PathBuf], opts: &InputOptions) -> (Vec<Document>, Vec<InputError>) {
    read_documents_on(paths, opts, 1)
}

/// [`read_documents`] on `jobs` threads (decoding and parsing markup are work too).
pub fn read_documents_on(
    paths: &[PathBuf],
    opts: &InputOptions,
    jobs: usize,
) -> (Vec<Document>, Vec<InputError>) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let window = jobs * super::parallel::WINDOW_PER_JOB;
    let read = |p: &PathBuf| read_document(p, opts);
    let _ = super::parallel::ordered(jobs, window, paths, read, |r| {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
        Ok::<(), ()>(())
    });
    (docs, errors)
}
