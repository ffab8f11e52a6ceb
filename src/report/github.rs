//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=F,line=L,col=C,endLine=…,endColumn=…,title=…::message`), its level the
//! finding's (`error`, `warning`, `notice`), then the totals as a plain line. GitHub shows the
//! annotations on the pull request's diff and in the run's summary.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::explain::explain;
use super::{Finding, Level, RenderOptions, Renderer, RunEnd, findings, verdict_label};
use crate::check::FileReport;
use crate::lexicon::Lexicon;
use crate::triage::path_key;

/// The GitHub Actions renderer.
pub(crate) struct Github<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

/// The workflow command of a level.
fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    }
}

/// Escapes a command's message: `%`, CR and LF.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value: as a message, and `:` and `,` too.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github<'_> {
    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        for f in findings(r, &self.options) {
            self.annotation(out, &f)?;
        }
        Ok(())
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        for n in end.notes {
            writeln!(
                out,
                "::notice file={},title=numcheck::{}",
                escape_property(&path_key(&n.file)),
                escape_data(&n.message)
            )?;
        }
        for e in end.unreadable {
            writeln!(
                out,
                "::error title=numcheck: unreadable input::{}",
                escape_data(e)
            )?;
        }
        writeln!(out, "{}", end.totals.summary_line())
    }
}

impl Github<'_> {
    /// One finding's workflow command.
    fn annotation(&self, out: &mut dyn Write, f: &Finding) -> io::Result<()> {
        let r = f.file;
        let v = f.verdict;
        let c = &r.claims[v.claim];
        let (end_line, end_col) = r.doc.line_col(c.span.end);
        let prose = explain(r, v, self.lex);
        let mut props = format!(
            "file={},line={}",
            escape_property(&path_key(&r.doc.name)),
            c.line
        );
        if end_line == c.line {
            let _ = write!(props, ",col={},endColumn={end_col}", c.column);
        } else {
            let _ = write!(props, ",endLine={end_line}");
        }
        let title = format!("numcheck: {} ({})", verdict_label(v), v.check().as_str());
        let _ = write!(props, ",title={}", escape_property(&title));
        let mut message = prose.summary.clone();
        for line in &prose.explanation {
            message.push('\n');
            message.push_str(line);
        }
        writeln!(
            out,
            "::{} {props}::{}",
            command(f.level),
            escape_data(&message)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_github_reads_as_syntax() {
        assert_eq!(escape_data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(
            escape_property("numcheck: inconsistent (a, b)"),
            "numcheck%3A inconsistent (a%2C b)"
        );
    }
}
