//! `--format jsonl` and `--stream`: one JSON object per line per document, its claims or
//! verdicts after the article's header fields (schema in `docs/json-schema.md`). The lines of
//! a whole run carry no id; a stream's lines carry the id of their record.

use serde_json::Value;

use super::model::{ClaimsBody, VerdictsBody, claim_out, json_line, verdict_out};
use super::{CheckRun, ExtractRun, Extracted, Renderer};
use crate::check::FileReport;
use crate::lexicon::Lexicon;

/// The JSON-lines renderer.
pub(crate) struct JsonLines<'a> {
    pub(crate) lex: &'a Lexicon,
}

impl Renderer for JsonLines<'_> {
    fn check(&self, run: &CheckRun) -> String {
        run.files
            .iter()
            .map(|r| self.check_document(r, None))
            .collect()
    }

    fn check_document(&self, r: &FileReport, id: Option<&Value>) -> String {
        let verdicts = r.verdicts.iter().map(|v| verdict_out(r, v, self.lex));
        json_line(
            r.doc,
            id,
            VerdictsBody {
                verdicts: verdicts.collect(),
            },
        )
    }

    fn extract(&self, run: &ExtractRun) -> Option<String> {
        run.files
            .iter()
            .map(|f| self.extract_document(f, None))
            .collect()
    }

    fn extract_document(&self, f: &Extracted, id: Option<&Value>) -> Option<String> {
        let claims = f.claims.iter().map(|c| claim_out(c, self.lex));
        Some(json_line(
            f.doc,
            id,
            ClaimsBody {
                claims: claims.collect(),
            },
        ))
    }
}
