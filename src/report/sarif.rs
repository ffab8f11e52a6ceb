//! `--format sarif`: SARIF 2.1.0 for code-review tools, one result per finding (consistent
//! claims are left out). Results are written as each file is done; the document's keys are in
//! sorted order, as a JSON object of the whole run has them.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::explain::explain;
use super::pretty::{write_at, write_indent};
use super::{Renderer, RunEnd};
use crate::check::{FileReport, Verdict, VerdictKind};
use crate::lexicon::Lexicon;

/// The SARIF renderer.
pub(crate) struct Sarif<'a> {
    pub(crate) lex: &'a Lexicon,
}

/// Depth of an element of `runs[0].results`.
const RESULT_DEPTH: usize = 4;

impl Sarif<'_> {
    /// One finding as a SARIF result.
    fn result(&self, r: &FileReport, v: &Verdict) -> Value {
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let (end_line, end_col) = r.doc.line_col(c.span.end);
        let level = match v.kind {
            VerdictKind::Inconsistent => "error",
            VerdictKind::Ambiguous => "warning",
            _ => "note",
        };
        json!({
            "ruleId": v.kind.as_str(),
            "level": level,
            "message": {"text": format!("{}: {}", prose.summary, prose.explanation.join(" "))},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": r.doc.name},
                "region": {"startLine": c.line, "startColumn": c.column, "endLine": end_line, "endColumn": end_col,
                           "charOffset": c.span.start, "charLength": c.span.end - c.span.start}
            }}],
        })
    }
}

impl Renderer for Sarif<'_> {
    fn check_start(&self, out: &mut dyn Write, _unreadable: &[String]) -> io::Result<()> {
        out.write_all(
            b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"results\": [",
        )
    }

    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let findings = r.verdicts.iter().filter(|v| {
            !matches!(
                v.kind,
                VerdictKind::Consistent | VerdictKind::ConsistentByRounding
            )
        });
        for (i, v) in findings.enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            write_indent(out, RESULT_DEPTH)?;
            write_at(out, RESULT_DEPTH, &self.result(r, v))?;
        }
        Ok(())
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        out.write_all(if end.parts > 0 { b"\n      ]" } else { b"]" })?;
        let tool = json!({"driver": {
            "name": "numcheck",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": [
                {"id": "inconsistent", "shortDescription": {"text": "A figure disagrees with the reference or with itself"}},
                {"id": "ambiguous", "shortDescription": {"text": "Two reference facts fit the figure equally"}},
                {"id": "unverifiable", "shortDescription": {"text": "No reference fact for the figure"}},
            ]
        }});
        out.write_all(b",\n      \"tool\": ")?;
        write_at(out, 3, &tool)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}
