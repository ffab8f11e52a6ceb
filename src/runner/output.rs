//! Where a report goes: a file (never one of the inputs) or standard output, buffered, and
//! named in the errors of writing it.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::RunError;

/// The name standard output goes by in messages.
pub const STDOUT: &str = "standard output";

/// A report's destination, opened for writing.
pub struct Output<'a> {
    name: String,
    to: BufWriter<Box<dyn Write + 'a>>,
}

impl<'a> Output<'a> {
    /// Opens `target` (created or truncated), or takes `stdout` when there is none. Refuses to
    /// write over any of `inputs`.
    pub fn open(
        target: Option<&Path>,
        inputs: &[PathBuf],
        stdout: impl Write + 'a,
    ) -> Result<Output<'a>, RunError> {
        let Some(path) = target else {
            return Ok(Output::new(STDOUT, Box::new(stdout)));
        };
        let name = path.display().to_string();
        if let Ok(target) = path.canonicalize()
            && inputs
                .iter()
                .any(|f| f.canonicalize().ok().as_ref() == Some(&target))
        {
            return Err(RunError::WouldOverwriteInput { path: name });
        }
        let file = File::create(path).map_err(|error| RunError::Write {
            path: name.clone(),
            error,
        })?;
        Ok(Output::new(&name, Box::new(file)))
    }

    fn new(name: &str, to: Box<dyn Write + 'a>) -> Output<'a> {
        Output {
            name: name.to_string(),
            to: BufWriter::with_capacity(64 * 1024, to),
        }
    }

    /// How the output is named in messages: its path, or "standard output".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// An error in writing this output, naming it.
    pub fn error(&self, error: io::Error) -> RunError {
        RunError::Write {
            path: self.name.clone(),
            error,
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.to.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.to.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.to.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_never_overwrites_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.md");
        std::fs::write(&article, "It cost £5.").unwrap();
        let e = Output::open(Some(&article), std::slice::from_ref(&article), io::sink());
        assert!(matches!(e, Err(RunError::WouldOverwriteInput { .. })));
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "It cost £5.");
        let out = dir.path().join("report.txt");
        let mut o = Output::open(Some(&out), &[article], io::sink()).unwrap();
        assert_eq!(o.name(), out.display().to_string());
        o.write_all(b"report").unwrap();
        o.flush().unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "report");
        let mut stdout = Vec::new();
        let mut o = Output::open(None, &[], &mut stdout).unwrap();
        assert_eq!(o.name(), STDOUT);
        o.write_all(b"to stdout").unwrap();
        o.flush().unwrap();
        drop(o);
        assert_eq!(stdout, b"to stdout");
    }

    #[test]
    fn a_write_error_names_the_output() {
        let o = Output::open(None, &[], io::sink()).unwrap();
        let e = o.error(io::Error::other("disk full"));
        assert_eq!(e.to_string(), "standard output: cannot write: disk full");
    }
}
