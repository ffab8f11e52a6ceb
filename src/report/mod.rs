//! Stage 6: rendering. A [`Renderer`] per [`OutputFormat`], one file each (`text`, `json`,
//! `jsonl`, `markdown`, `sarif`, `html`), each given the whole run ([`CheckRun`],
//! [`ExtractRun`]: files, unreadable inputs, totals) or one document for `--stream`, and
//! returning a `String` (the library never prints). The English of verdicts is written here,
//! from their evidence ([`explain`]). JSON output is versioned by [`SCHEMA_VERSION`] and
//! documented in `docs/json-schema.md`.

mod explain;
mod html;
mod json;
mod jsonl;
mod markdown;
mod model;
mod run;
mod sarif;
mod text;

use std::str::FromStr;

use serde_json::{Value, json};

pub use explain::{Prose, explain, link_label};
pub use run::{CheckRun, ExtractRun, Extracted, Totals};

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
}

impl OutputFormat {
    /// Every format, in the order help text lists them.
    pub const ALL: [OutputFormat; 6] = [
        OutputFormat::Text,
        OutputFormat::Json,
        OutputFormat::Jsonl,
        OutputFormat::Markdown,
        OutputFormat::Sarif,
        OutputFormat::Html,
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
#[error("unknown format '{0}' (expected text, json, jsonl, markdown, sarif or html)")]
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

/// Where a stream record that could not be read sits.
#[derive(Debug, Clone, Copy)]
pub enum RecordAt<'a> {
    /// A line that is not a record (not JSON, no text): its 1-based number.
    Line(usize),
    /// A record with this id (or none) that is not an article.
    Record(Option<&'a Value>),
}

/// Writes reports in one format.
pub trait Renderer {
    /// The report of a whole `check` run.
    fn check(&self, run: &CheckRun) -> String;

    /// One checked document on its own, as `--stream` writes it; `id` is its record's id.
    fn check_document(&self, file: &FileReport, id: Option<&Value>) -> String {
        let _ = id;
        self.check(&CheckRun::new(std::slice::from_ref(file), &[]))
    }

    /// The claims of a whole `extract` run; `None` if the format does not list claims.
    fn extract(&self, run: &ExtractRun) -> Option<String> {
        let _ = run;
        None
    }

    /// One document's claims on its own, as `--stream` writes them.
    fn extract_document(&self, file: &Extracted, id: Option<&Value>) -> Option<String> {
        let _ = id;
        self.extract(&ExtractRun::new(std::slice::from_ref(file), &[]))
    }

    /// A stream record that could not be read, in place of its document: by default the JSON
    /// object `{"id"|"line": …, "error": …}` of the stream protocol.
    fn unreadable_record(&self, at: RecordAt, message: &str) -> String {
        let v = match at {
            RecordAt::Line(n) => json!({"line": n, "error": message}),
            RecordAt::Record(id) => json!({"id": id, "error": message}),
        };
        v.to_string() + "\n"
    }
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
        OutputFormat::Sarif => Box::new(sarif::Sarif { lex }),
        OutputFormat::Html => Box::new(html::Html { lex }),
    }
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
            "unknown format 'xml' (expected text, json, jsonl, markdown, sarif or html)"
        );
    }
}
