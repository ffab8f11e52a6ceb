//! `--format sarif`: SARIF 2.1.0 for code-review tools, one result per finding (consistent
//! claims are left out).

use serde_json::json;

use super::explain::explain;
use super::{CheckRun, Renderer};
use crate::check::VerdictKind;
use crate::lexicon::Lexicon;

/// The SARIF renderer.
pub(crate) struct Sarif<'a> {
    pub(crate) lex: &'a Lexicon,
}

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
                let level = match v.kind {
                    VerdictKind::Inconsistent => "error",
                    VerdictKind::Ambiguous => "warning",
                    _ => "note",
                };
                results.push(json!({
                    "ruleId": v.kind.as_str(),
                    "level": level,
                    "message": {"text": format!("{}: {}", prose.summary, prose.explanation.join(" "))},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": r.doc.name},
                        "region": {"startLine": c.line, "startColumn": c.column, "endLine": end_line, "endColumn": end_col,
                                   "charOffset": c.span.start, "charLength": c.span.end - c.span.start}
                    }}],
                }));
            }
        }
        let out = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "numcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": [
                        {"id": "inconsistent", "shortDescription": {"text": "A figure disagrees with the reference or with itself"}},
                        {"id": "ambiguous", "shortDescription": {"text": "Two reference facts fit the figure equally"}},
                        {"id": "unverifiable", "shortDescription": {"text": "No reference fact for the figure"}},
                    ]
                }},
                "results": results,
            }]
        });
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }
}
