//! Stage 6: rendering. A [`Renderer`] per [`OutputFormat`], one file each (`text`, `json`,
//! `jsonl`, `markdown`, `sarif`, `html`, and for CI systems `github`, `junit`, `gitlab`), writing a run's report a file at a time to any
//! `io::Write` through a [`ReportWriter`] (so output streams and memory does not grow with
//! the number of claims), or one document for `--stream`; [`CheckRun`] and [`ExtractRun`] give
//! a whole run in memory for the convenience methods that return a `String` (the library never
//! prints). The English of verdicts is written here,
//! from their evidence ([`explain`]). JSON output is versioned by [`SCHEMA_VERSION`] and
//! documented in `docs/json-schema.md`.

mod coverage;
mod explain;
mod github;
mod gitlab;
mod html;
mod json;
mod jsonl;
mod junit;
mod level;
mod markdown;
mod model;
mod pretty;
mod run;
mod sarif;
pub mod statistics;
mod text;
mod visible;
mod write;

use std::io::{self, Write};
use std::str::FromStr;

use serde_json::{Value, json};

pub use coverage::{catalogue_json, catalogue_text, lookup_json, lookup_text};
pub use explain::{Prose, explain, link_label};
pub use level::{Level, level};
pub use run::{CheckRun, ExtractRun, Extracted, Note, Totals};
pub use write::{Part, ReportWriter, render_check_part, render_extract_part};

use crate::check::{FileReport, Severity, Verdict, VerdictKind};
use crate::lexicon::Lexicon;

/// Version of the JSON and JSON-lines output schema (2: severities are `error`, `warning` and
/// `note`; verdicts carry their frames and details).
pub const SCHEMA_VERSION: u32 = 2;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// Findings for a terminal, rustc-style (claims in aligned rows for `extract`).
    Text,
    /// One JSON document for the run.
    Json,
    /// One JSON line per document.
    Jsonl,
    /// A discrepancy report to paste into a ticket.
    Markdown,
    /// SARIF 2.1.0 for code-review tools.
    Sarif,
    /// A self-contained page with each article highlighted.
    Html,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
    /// JUnit XML: a test suite per file, a test case per finding.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl OutputFormat {
    /// Every format, in the order help text lists them.
    pub const ALL: [OutputFormat; 9] = [
        OutputFormat::Text,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Markdown,
        OutputFormat::Sarif,
        OutputFormat::Html,
        OutputFormat::Github,
        OutputFormat::Junit,
        OutputFormat::Gitlab,
    ];

    /// The name used on the command line and in `numcheck.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Text => "text",
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Html => "html",
            OutputFormat::Github => "github",
            OutputFormat::Junit => "junit",
            OutputFormat::Gitlab => "gitlab",
        }
    }

    /// Can `extract` write its claims in this format?
    pub fn lists_claims(self) -> bool {
        matches!(
            self,
            OutputFormat::Text | OutputFormat::Json | OutputFormat::Jsonl
        )
    }
}

/// A name that is not a format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format '{0}' (expected text, json, jsonl, markdown, sarif, html, github, junit or gitlab)"
)]
pub struct UnknownFormat(pub String);

impl FromStr for OutputFormat {
    type Err = UnknownFormat;

    /// Parses a format name, ignoring case.
    fn from_str(s: &str) -> Result<Self, UnknownFormat> {
        OutputFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

impl<'de> serde::Deserialize<'de> for OutputFormat {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Options shared by the renderers.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// ANSI colour (only on a terminal and never with NO_COLOR; decided by the binary).
    pub color: bool,
    /// Show every claim in full (`--show all`): consistent and unverifiable claims too, not
    /// only findings, notes in one line and a compact list of the figures not checked.
    pub show_all: bool,
    /// Show how each claim was read (its interval) and what linked it to its fact.
    pub verbose: bool,
}

impl RenderOptions {
    /// Is a finding of this level listed by the formats CI systems read? Warnings and errors
    /// are; notes (claims that could not be checked) only with `show_all`.
    pub fn lists(&self, level: Level) -> bool {
        level >= Level::Warning || self.show_all
    }
}

/// Where a stream record that could not be read sits.
#[derive(Debug, Clone, Copy)]
pub enum RecordAt<'a> {
    /// A line that is not a record (not JSON, no text): its 1-based number.
    Line(usize),
    /// A record with this id (or none) that is not an article.
    Record(Option<&'a Value>),
}

/// How a format lays a run's report out over its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A start, each file's part as soon as it is done, an end: nothing is held.
    Streamed,
    /// Each file's part goes into this many sections, held until the end, because the report
    /// opens with the run's totals (Markdown, HTML). Memory grows with the output, not the input.
    Held(usize),
}

/// What a report's end knows of the whole run.
#[derive(Debug, Clone, Copy)]
pub struct RunEnd<'a> {
    /// Inputs that could not be read, one message each.
    pub unreadable: &'a [String],
    /// Verdict counts (check runs).
    pub totals: &'a Totals,
    /// Parts written that were not empty (the first section's).
    pub parts: usize,
    /// Notes about the run itself (a stale baseline entry), known only at its end.
    pub notes: &'a [Note],
}

/// Writes reports in one format, a piece at a time: a run's start, one part per file in input
/// order (as each is done; the parts of several files may be rendered at once on other threads
/// and written later, see [`ReportWriter`]), and its end. Renderers write to any
/// [`Write`](std::io::Write) and hand back its errors.
pub trait Renderer: Sync {
    /// How the check report is laid out over files.
    fn check_layout(&self) -> Layout {
        Layout::Streamed
    }

    /// What a check report writes before its first file (a [`Layout::Held`] report writes
    /// everything at its end).
    fn check_start(&self, out: &mut dyn Write, unreadable: &[String]) -> io::Result<()> {
        let _ = (out, unreadable);
        Ok(())
    }

    /// One checked file's part of section `section` (0 for a streamed layout).
    fn check_part(&self, out: &mut dyn Write, section: usize, file: &FileReport) -> io::Result<()>;

    /// What a check report writes after its last file; a [`Layout::Held`] report is given its
    /// sections.
    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, held: &[Vec<u8>]) -> io::Result<()>;

    /// Written before a file's part that is not empty: `first` when it is the first such part
    /// of its section (JSON's comma between elements).
    fn separator(&self, first: bool) -> &'static str {
        let _ = first;
        ""
    }

    /// Can `extract` write its claims in this format?
    fn lists_claims(&self) -> bool {
        false
    }

    /// What an extract report writes before its first file.
    fn extract_start(&self, out: &mut dyn Write, unreadable: &[String]) -> io::Result<()> {
        let _ = (out, unreadable);
        Ok(())
    }

    /// One file's claims.
    fn extract_part(&self, out: &mut dyn Write, file: &Extracted) -> io::Result<()> {
        let _ = (out, file);
        Ok(())
    }

    /// What an extract report writes after its last file.
    fn extract_end(&self, out: &mut dyn Write, end: &RunEnd) -> io::Result<()> {
        let _ = (out, end);
        Ok(())
    }

    /// One checked document on its own, as `--stream` writes it; `id` is its record's id. By
    /// default, the report of a run over that one document.
    fn check_record(
        &self,
        out: &mut dyn Write,
        file: &FileReport,
        id: Option<&Value>,
    ) -> io::Result<()> {
        let _ = id;
        let mut w = ReportWriter::check(self, out, &[])?;
        w.file(file)?;
        w.finish().map(|_| ())
    }

    /// One document's claims on its own, as `--stream` writes them.
    fn extract_record(
        &self,
        out: &mut dyn Write,
        file: &Extracted,
        id: Option<&Value>,
    ) -> io::Result<()> {
        let _ = id;
        let mut w = ReportWriter::extract(self, out, &[])?;
        w.extracted(file)?;
        w.finish().map(|_| ())
    }

    /// A stream record that could not be read, in place of its document: by default the JSON
    /// object `{"id"|"line": …, "error": …}` of the stream protocol.
    fn unreadable_record(
        &self,
        out: &mut dyn Write,
        at: RecordAt,
        message: &str,
    ) -> io::Result<()> {
        let v = match at {
            RecordAt::Line(n) => json!({"line": n, "error": message}),
            RecordAt::Record(id) => json!({"id": id, "error": message}),
        };
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")
    }

    /// The report of a whole `check` run, as a string.
    fn check(&self, run: &CheckRun) -> String {
        let mut w = ReportWriter::check(self, Vec::new(), run.unreadable).expect(IN_MEMORY);
        for f in run.files {
            w.file(f).expect(IN_MEMORY);
        }
        w.notes(run.notes.iter().cloned());
        into_string(w.finish().expect(IN_MEMORY))
    }

    /// The claims of a whole `extract` run as a string; `None` if the format does not list
    /// claims.
    fn extract(&self, run: &ExtractRun) -> Option<String> {
        if !self.lists_claims() {
            return None;
        }
        let mut w = ReportWriter::extract(self, Vec::new(), run.unreadable).expect(IN_MEMORY);
        for f in run.files {
            w.extracted(f).expect(IN_MEMORY);
        }
        Some(into_string(w.finish().expect(IN_MEMORY)))
    }

    /// One checked document on its own, as a string ([`check_record`](Renderer::check_record)).
    fn check_document(&self, file: &FileReport, id: Option<&Value>) -> String {
        let mut out = Vec::new();
        self.check_record(&mut out, file, id).expect(IN_MEMORY);
        into_string(out)
    }

    /// One document's claims on its own, as a string; `None` if the format does not list claims.
    fn extract_document(&self, file: &Extracted, id: Option<&Value>) -> Option<String> {
        if !self.lists_claims() {
            return None;
        }
        let mut out = Vec::new();
        self.extract_record(&mut out, file, id).expect(IN_MEMORY);
        Some(into_string(out))
    }
}

/// Writing to memory does not fail.
const IN_MEMORY: &str = "writing a report to memory cannot fail";

/// Renderers write UTF-8 only.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The renderer of a format.
pub fn renderer<'a>(
    format: OutputFormat,
    lex: &'a Lexicon,
    options: RenderOptions,
) -> Box<dyn Renderer + 'a> {
    match format {
        OutputFormat::Text => Box::new(text::Text { lex, options }),
        OutputFormat::Json => Box::new(json::Json { lex }),
        OutputFormat::Jsonl => Box::new(jsonl::JsonLines { lex }),
        OutputFormat::Markdown => Box::new(markdown::Markdown { lex, options }),
        OutputFormat::Sarif => Box::new(sarif::Sarif { lex, options }),
        OutputFormat::Html => Box::new(html::Html { lex }),
        OutputFormat::Github => Box::new(github::Github { lex, options }),
        OutputFormat::Junit => Box::new(junit::Junit { lex, options }),
        OutputFormat::Gitlab => Box::new(gitlab::Gitlab { lex, options }),
    }
}

/// A finding as the formats CI systems read list it: its file, verdict and level.
pub(crate) struct Finding<'r> {
    pub(crate) file: &'r FileReport<'r>,
    pub(crate) verdict: &'r Verdict,
    pub(crate) level: Level,
}

/// The findings a CI format lists of one file, in report order: not silenced, at a level
/// shown.
pub(crate) fn findings<'r>(
    file: &'r FileReport<'r>,
    options: &RenderOptions,
) -> impl Iterator<Item = Finding<'r>> {
    let options = *options;
    file.verdicts.iter().filter_map(move |verdict| {
        let level = level(verdict)?;
        (verdict.suppressed.is_none() && options.lists(level)).then_some(Finding {
            file,
            verdict,
            level,
        })
    })
}

/// Label for a verdict, rustc-style: its severity (or "consistent") and the check that decided
/// it: "error[reference]", "note[conversion]", "consistent[share]".
pub(crate) fn verdict_label(v: &Verdict) -> String {
    let head = v.severity.map_or(v.kind.as_str(), Severity::as_str);
    format!("{head}[{}]", v.check().as_str())
}

/// Is a verdict a finding an editor must read (an inconsistent or ambiguous claim)?
pub(crate) fn is_finding(v: &Verdict) -> bool {
    matches!(v.kind, VerdictKind::Inconsistent | VerdictKind::Ambiguous)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip_and_ignore_case() {
        for f in OutputFormat::ALL {
            assert_eq!(f.as_str().parse::<OutputFormat>(), Ok(f));
        }
        assert_eq!(
            "Markdown".parse::<OutputFormat>(),
            Ok(OutputFormat::Markdown)
        );
        let e = "xml".parse::<OutputFormat>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown format 'xml' (expected text, json, jsonl, markdown, sarif, html, github, junit or gitlab)"
        );
    }
}
