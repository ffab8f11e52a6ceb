//! `--format sarif`: SARIF 2.1.0 for code-review tools, one result per finding (consistent
//! claims are left out). The rule is the check that decided (`reference`, `conversion`,
//! `loose_bound` …), the level the verdict's severity (`error`, `warning`, `note`); a claim
//! silenced by `numcheck:ignore` carries an in-source suppression.

use serde_json::{Value, json};

use super::explain::explain;
use super::{CheckRun, Renderer};
use crate::check::{CheckId, Severity, VerdictKind};
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

impl Renderer for Sarif<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let mut results = Vec::new();
        for r in run.files {
            for v in &r.verdicts {
                if matches!(
                    v.kind,
                    VerdictKind::Consistent | VerdictKind::ConsistentByRounding
                ) {
                    continue;
                }
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
                results.push(result);
            }
        }
        let rules: Vec<Value> = RULES
            .iter()
            .map(|(id, text)| json!({"id": id.as_str(), "shortDescription": {"text": text}}))
            .collect();
        let out = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "numcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "results": results,
            }]
        });
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }
}
