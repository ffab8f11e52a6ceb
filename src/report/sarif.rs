//! `--format sarif`: SARIF 2.1.0 for code-review tools, one result per finding (consistent
//! claims are left out). The rule is the check that decided (`reference`, `conversion`,
//! `loose_bound` …), the level the verdict's severity (`error`, `warning`, `note`); a claim
//! silenced by `numcheck:ignore` carries an in-source suppression. Results are written as each
//! file is done; the document's keys are in sorted order, as a JSON object of the whole run has
//! them.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::explain::explain;
use super::pretty::{write_at, write_indent};
use super::{Renderer, RunEnd};
use crate::check::{CheckId, FileReport, Severity, Verdict, VerdictKind};
use crate::lexicon::Lexicon;

/// The SARIF renderer.
pub(crate) struct Sarif<'a> {
    pub(crate) lex: &'a Lexicon,
}

/// Every check, with what it finds.
const RULES: [(CheckId, &str); 7] = [
    (
        CheckId::Conversion,
        "A figure and its bracketed conversion do not match",
    ),
    (
        CheckId::Share,
        "A percentage is not the share of the counts it is given for",
    ),
    (
        CheckId::Change,
        "A change does not fit the levels it leads from and to",
    ),
    (CheckId::Total, "A total is not the sum of its parts"),
    (
        CheckId::Reference,
        "A figure disagrees with the reference, two facts fit it, or none does",
    ),
    (
        CheckId::LooseBound,
        "A bound is true but loose (\"up to 5 million\" for 2 million)",
    ),
    (
        CheckId::Restated,
        "A figure contradicts the same quantity stated earlier",
    ),
];

/// Depth of an element of `runs[0].results`.
const RESULT_DEPTH: usize = 4;

impl Sarif<'_> {
    /// One finding as a SARIF result.
    fn result(&self, r: &FileReport, v: &Verdict) -> Value {
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let (end_line, end_col) = r.doc.line_col(c.span.end);
        let level = v.severity.unwrap_or(Severity::Note).as_str();
        let mut result = json!({
            "ruleId": v.check().as_str(),
            "level": level,
            "message": {"text": format!("{}: {}", prose.summary, prose.explanation.join(" "))},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": r.doc.name},
                "region": {"startLine": c.line, "startColumn": c.column, "endLine": end_line, "endColumn": end_col,
                           "charOffset": c.span.start, "charLength": c.span.end - c.span.start}
            }}],
            "properties": {"verdict": v.kind.as_str()},
        });
        if v.suppressed {
            result["suppressions"] = json!([{"kind": "inSource"}]);
        }
        result
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
        let rules: Vec<Value> = RULES
            .iter()
            .map(|(id, text)| json!({"id": id.as_str(), "shortDescription": {"text": text}}))
            .collect();
        let tool = json!({"driver": {
            "name": "numcheck",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }});
        out.write_all(b",\n      \"tool\": ")?;
        write_at(out, 3, &tool)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}
