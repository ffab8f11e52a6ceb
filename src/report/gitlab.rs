//! `--format gitlab`: GitLab Code Quality JSON, an array of issues (`description`,
//! `check_name`, `fingerprint`, `severity`, `location.path`, `location.lines.begin`). The
//! fingerprint is the finding's (file, claim text, check, fact, and which occurrence of the
//! same in the file), so it stays when lines move and GitLab tracks the finding across commits.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::explain::explain;
use super::pretty::{write_at, write_indent};
use super::{Finding, Level, RenderOptions, Renderer, RunEnd, findings};
use crate::check::FileReport;
use crate::lexicon::Lexicon;
use crate::triage::{fingerprint_fields, path_key, stable_hash};

/// The GitLab Code Quality renderer.
pub(crate) struct Gitlab<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

#[derive(Serialize)]
struct Issue {
    #[serde(rename = "type")]
    kind: &'static str,
    engine_name: &'static str,
    check_name: String,
    description: String,
    content: Content,
    categories: [&'static str; 1],
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Content {
    body: String,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Code Quality's severity of a level.
fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "major",
        Level::Warning => "minor",
        Level::Note => "info",
    }
}

impl Renderer for Gitlab<'_> {
    fn check_start(&self, out: &mut dyn Write, _unreadable: &[String]) -> io::Result<()> {
        out.write_all(b"[")
    }

    /// A file's issues, elements of the array. The occurrence counted in a fingerprint is
    /// within the file (the file's path is part of the fingerprint), so a file's issues are
    /// written on their own.
    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, f) in findings(r, &self.options).enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            write_indent(out, 1)?;
            write_at(out, 1, &self.issue(&f, &mut seen))?;
        }
        Ok(())
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        out.write_all(if end.parts > 0 { b"\n]\n" } else { b"]\n" })
    }
}

impl Gitlab<'_> {
    /// The Code Quality issue of a finding; `seen` counts the same fingerprint in its file.
    fn issue(&self, f: &Finding, seen: &mut HashMap<String, usize>) -> Issue {
        let (r, v) = (f.file, f.verdict);
        let c = &r.claims[v.claim];
        let path = path_key(&r.doc.name);
        let fields = fingerprint_fields(&path, r, v);
        let key = stable_hash(&fields.each_ref().map(String::as_str));
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        let prose = explain(r, v, self.lex);
        Issue {
            kind: "issue",
            engine_name: "numcheck",
            check_name: format!("numcheck/{}", v.check().as_str()),
            description: format!("{}: {}", v.kind.as_str().replace('_', " "), prose.summary),
            content: Content {
                body: prose.explanation.join("\n"),
            },
            categories: ["Bug Risk"],
            fingerprint: stable_hash(&[&key, &n.to_string()]),
            severity: severity(f.level),
            location: Location {
                path,
                lines: Lines {
                    begin: c.line,
                    end: r.doc.line_col(c.span.end).0,
                },
            },
        }
    }
}
