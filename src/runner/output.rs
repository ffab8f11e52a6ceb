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
    /// write over any of `inputs` or any file under an input that is a folder (a reference
    /// directory), compared by device and inode, so a hard or symbolic link is caught too.
    pub fn open(
        target: Option<&Path>,
        inputs: &[PathBuf],
        stdout: impl Write + 'a,
    ) -> Result<Output<'a>, RunError> {
        let Some(path) = target else {
            return Ok(Output::new(STDOUT, Box::new(stdout)));
        };
        let name = path.display().to_string();
        if let Ok(target) = same_file::Handle::from_path(path)
            && inputs.iter().any(|f| is_or_holds(f, &target, 0))
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

/// Is `path` the file `target`, or a folder holding it (a few levels down)?
fn is_or_holds(path: &Path, target: &same_file::Handle, depth: usize) -> bool {
    if same_file::Handle::from_path(path).is_ok_and(|h| &h == target) {
        return true;
    }
    if depth >= 4 || !path.is_dir() {
        return false;
    }
    std::fs::read_dir(path).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| is_or_holds(&e.path(), target, depth + 1))
    })
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

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_input_or_a_reference_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.md");
        std::fs::write(&article, "It cost £5.").unwrap();
        let hard = dir.path().join("hard.md");
        std::fs::hard_link(&article, &hard).unwrap();
        let soft = dir.path().join("soft.md");
        std::os::unix::fs::symlink(&article, &soft).unwrap();
        for target in [&hard, &soft] {
            let e = Output::open(Some(target), std::slice::from_ref(&article), io::sink());
            assert!(matches!(e, Err(RunError::WouldOverwriteInput { .. })));
        }
        let facts = dir.path().join("reference/facts");
        std::fs::create_dir_all(&facts).unwrap();
        let csv = facts.join("mine.csv");
        std::fs::write(&csv, "id\n").unwrap();
        let refdir = [dir.path().join("reference")];
        let e = Output::open(Some(&csv), &refdir, io::sink());
        assert!(matches!(e, Err(RunError::WouldOverwriteInput { .. })));
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "It cost £5.");
        assert_eq!(std::fs::read_to_string(&csv).unwrap(), "id\n");
    }

    #[test]
    fn a_write_error_names_the_output() {
        let o = Output::open(None, &[], io::sink()).unwrap();
        let e = o.error(io::Error::other("disk full"));
        assert_eq!(e.to_string(), "standard output: cannot write: disk full");
    }
}
