//! `--format json`: one JSON document for the whole run, with every file, the totals (for
//! `check`) and the inputs that could not be read (schema in `docs/json-schema.md`).
//!
//! The document is written as it is produced: its keys in sorted order ("command", "errors",
//! "files", "schema_version", "summary", "tool"), each file an element of "files" written when
//! the file is done, each claim or verdict serialised on its own, so memory holds one verdict at
//! a time, never the whole document.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::model::{claim_json, verdict_json};
use super::pretty::{write_at, write_indent};
use super::{Extracted, Renderer, RunEnd, SCHEMA_VERSION};
use crate::check::FileReport;
use crate::document::Document;
use crate::lexicon::Lexicon;

/// The JSON renderer.
pub(crate) struct Json<'a> {
    pub(crate) lex: &'a Lexicon,
}

/// Depth of an element of "files".
const FILE_DEPTH: usize = 2;

/// One file of the report: its header fields and its claims or verdicts, serialised lazily.
struct FileJson<'a> {
    doc: &'a Document,
    items: Items<'a>,
}

enum Items<'a> {
    Claims(&'a Extracted<'a>, &'a Lexicon),
    Verdicts(&'a FileReport<'a>, &'a Lexicon),
}

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Items::Claims(f, lex) => s.collect_seq(f.claims.iter().map(|c| claim_json(c, lex))),
            Items::Verdicts(r, lex) => {
                s.collect_seq(r.verdicts.iter().map(|v| verdict_json(r, v, lex)))
            }
        }
    }
}

impl Serialize for FileJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // keys in sorted order, as a JSON object of the whole run has them
        let mut m = s.serialize_map(Some(4))?;
        if let Items::Claims(..) = self.items {
            m.serialize_entry("claims", &self.items)?;
        }
        m.serialize_entry("date", &self.doc.date.map(|d| d.to_string()))?;
        m.serialize_entry("format", &self.doc.format)?;
        m.serialize_entry("path", &self.doc.name)?;
        if let Items::Verdicts(..) = self.items {
            m.serialize_entry("verdicts", &self.items)?;
        }
        m.end()
    }
}

/// `{ "command": …, "errors": […], "files": [` — the start of a run's document.
fn start(out: &mut dyn Write, command: &str, unreadable: &[String]) -> io::Result<()> {
    write!(out, "{{\n  \"command\": \"{command}\",\n  \"errors\": ")?;
    write_at(out, 1, unreadable)?;
    out.write_all(b",\n  \"files\": [")
}

/// `]` closing "files" (on its own line when it holds any), then the schema version.
fn close_files(out: &mut dyn Write, parts: usize) -> io::Result<()> {
    out.write_all(if parts > 0 { b"\n  ]" } else { b"]" })?;
    write!(out, ",\n  \"schema_version\": {SCHEMA_VERSION}")
}

fn file(out: &mut dyn Write, f: &FileJson) -> io::Result<()> {
    write_indent(out, FILE_DEPTH)?;
    write_at(out, FILE_DEPTH, f)
}

impl Renderer for Json<'_> {
    fn check_start(&self, out: &mut dyn Write, unreadable: &[String]) -> io::Result<()> {
        start(out, "check", unreadable)
    }

    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let f = FileJson {
            doc: r.doc,
            items: Items::Verdicts(r, self.lex),
        };
        file(out, &f)
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        close_files(out, end.parts)?;
        // the totals with their keys sorted, as in a JSON object
        let totals = serde_json::to_value(end.totals).unwrap_or(Value::Null);
        out.write_all(b",\n  \"summary\": ")?;
        write_at(out, 1, &totals)?;
        out.write_all(b",\n  \"tool\": \"numcheck\"\n}\n")
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn lists_claims(&self) -> bool {
        true
    }

    fn extract_start(&self, out: &mut dyn Write, unreadable: &[String]) -> io::Result<()> {
        start(out, "extract", unreadable)
    }

    fn extract_part(&self, out: &mut dyn Write, f: &Extracted) -> io::Result<()> {
        let fj = FileJson {
            doc: f.doc,
            items: Items::Claims(f, self.lex),
        };
        file(out, &fj)
    }

    fn extract_end(&self, out: &mut dyn Write, end: &RunEnd) -> io::Result<()> {
        close_files(out, end.parts)?;
        out.write_all(b",\n  \"tool\": \"numcheck\"\n}\n")
    }
}
