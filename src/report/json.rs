//! `--format json`: one JSON document for the whole run, with every file, the totals (for
//! `check`) and the inputs that could not be read (schema in `docs/json-schema.md`).

use serde_json::{Value, json};

use super::model::{claim_json, doc_header, verdict_json};
use super::{CheckRun, ExtractRun, Renderer, SCHEMA_VERSION};
use crate::lexicon::Lexicon;

/// The JSON renderer.
pub(crate) struct Json<'a> {
    pub(crate) lex: &'a Lexicon,
}

impl Renderer for Json<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let files: Vec<Value> = run
            .files
            .iter()
            .map(|r| {
                let mut m = doc_header(r.doc);
                let verdicts = r.verdicts.iter().map(|v| verdict_json(r, v, self.lex));
                m.insert("verdicts".into(), Value::Array(verdicts.collect()));
                Value::Object(m)
            })
            .collect();
        let out = json!({
            "schema_version": SCHEMA_VERSION,
            "tool": "numcheck",
            "command": "check",
            "summary": run.totals,
            "files": files,
            "errors": run.unreadable,
        });
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }

    fn extract(&self, run: &ExtractRun) -> Option<String> {
        let files: Vec<Value> = run
            .files
            .iter()
            .map(|f| {
                let mut m = doc_header(f.doc);
                let claims = f.claims.iter().map(|c| claim_json(c, self.lex));
                m.insert("claims".into(), Value::Array(claims.collect()));
                Value::Object(m)
            })
            .collect();
        let out = json!({
            "schema_version": SCHEMA_VERSION,
            "tool": "numcheck",
            "command": "extract",
            "files": files,
            "errors": run.unreadable,
        });
        Some(serde_json::to_string_pretty(&out).unwrap_or_default() + "\n")
    }
}
