//! Reading articles from files and standard input (`-`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{Date, Document, Format};
use crate::error::InputError;
use crate::lexicon::KnownLocales;

/// How to read articles: settings from the command line that override what a document says.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// The markup (default: by extension and content).
    pub format: Option<Format>,
    /// The article date, over the one in front matter or HTML meta.
    pub date: Option<Date>,
    /// The article locale, over front matter `lang:` and `<html lang>`.
    pub locale: Option<String>,
    /// The locales a stream record may name (none: any).
    pub known_locales: Option<KnownLocales>,
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
        read_file(path).map_err(|e| InputError::Io {
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

/// The bytes of a file. A named pipe is opened without waiting for a writer: one with no
/// writer is an error, not a run that hangs.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        if std::fs::metadata(path)?.file_type().is_fifo() {
            let mut f = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)?;
            return read_pipe(&mut f);
        }
    }
    std::fs::read(path)
}

/// Reads a named pipe opened without blocking: nothing at all with no writer is an error;
/// once a writer is there, the pipe is read to its end, waiting as reads normally do.
#[cfg(unix)]
fn read_pipe(f: &mut std::fs::File) -> std::io::Result<Vec<u8>> {
    use std::os::fd::AsRawFd;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    match f.read(&mut chunk) {
        Ok(0) => {
            return Err(std::io::Error::other(
                "a named pipe with no writer (nothing to read)",
            ));
        }
        Ok(n) => buf.extend_from_slice(&chunk[..n]),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Err(e) => return Err(e),
    }
    // a writer is there: wait for its data like any read
    // SAFETY: fcntl on a descriptor this function owns through `f`, with flags it read.
    unsafe {
        let fd = f.as_raw_fd();
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    f.read_to_end(&mut buf)?;
    Ok(buf)
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
    let (one, per_run) = (|_: &&PathBuf| 1, super::parallel::FILES_PER_RUN);
    let _ = super::parallel::ordered_runs(jobs, window, paths, one, per_run, read, |r| {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
        Ok::<(), ()>(())
    });
    (docs, errors)
}
