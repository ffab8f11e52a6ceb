//! Writing a report: to a file (never over one of the inputs) or to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::RunError;

/// Writes `text` to `target`, or to `stdout` when there is none. Refuses to write over any of
/// `inputs`. A closed standard output (a pipe whose reader stopped) is not an error.
pub fn write_report(
    target: Option<&Path>,
    inputs: &[PathBuf],
    text: &str,
    stdout: &mut dyn Write,
) -> Result<(), RunError> {
    let Some(path) = target else {
        let _ = stdout.write_all(text.as_bytes());
        return Ok(());
    };
    if let Ok(target) = path.canonicalize()
        && inputs
            .iter()
            .any(|f| f.canonicalize().ok().as_ref() == Some(&target))
    {
        return Err(RunError::WouldOverwriteInput {
            path: path.display().to_string(),
        });
    }
    std::fs::write(path, text).map_err(|error| RunError::Write {
        path: path.display().to_string(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_never_overwrites_an_input() {
        let dir = std::env::temp_dir().join(format!("numcheck-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let article = dir.join("a.md");
        std::fs::write(&article, "It cost £5.").unwrap();
        let e = write_report(
            Some(&article),
            std::slice::from_ref(&article),
            "report",
            &mut Vec::new(),
        );
        assert!(
            matches!(e, Err(RunError::WouldOverwriteInput { .. })),
            "{e:?}"
        );
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "It cost £5.");
        let out = dir.join("report.txt");
        write_report(Some(&out), &[article], "report", &mut Vec::new()).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "report");
        let mut stdout = Vec::new();
        write_report(None, &[], "to stdout", &mut stdout).unwrap();
        assert_eq!(stdout, b"to stdout");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
