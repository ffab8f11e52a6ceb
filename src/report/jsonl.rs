//! `--format jsonl` and `--stream`: one JSON object per line per document, its claims or
//! verdicts after the article's header fields (schema in `docs/json-schema.md`). The lines of
//! a whole run carry no id; a stream's lines carry the id of their record. Each line is
//! written as it is serialised, a claim or verdict at a time.

use std::io::{self, Write};

use serde_json::Value;

use super::model::{ClaimsBody, ClaimsOut, VerdictsBody, VerdictsOut, write_line};
use super::{Extracted, Renderer, RunEnd};
use crate::check::FileReport;
use crate::lexicon::Lexicon;

/// The JSON-lines renderer.
pub(crate) struct JsonLines<'a> {
    pub(crate) lex: &'a Lexicon,
}

impl JsonLines<'_> {
    fn verdicts<'r>(&'r self, r: &'r FileReport) -> VerdictsBody<'r> {
        VerdictsBody {
            verdicts: VerdictsOut {
                report: r,
                lex: self.lex,
            },
        }
    }

    fn claims<'r>(&'r self, f: &'r Extracted) -> ClaimsBody<'r> {
        ClaimsBody {
            claims: ClaimsOut {
                claims: f.claims,
                lex: self.lex,
            },
        }
    }
}

impl Renderer for JsonLines<'_> {
    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        write_line(out, r.doc, None, self.verdicts(r))
    }

    fn check_end(&self, _out: &mut dyn Write, _end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        Ok(())
    }

    fn check_record(
        &self,
        out: &mut dyn Write,
        r: &FileReport,
        id: Option<&Value>,
    ) -> io::Result<()> {
        write_line(out, r.doc, id, self.verdicts(r))
    }

    fn lists_claims(&self) -> bool {
        true
    }

    fn extract_part(&self, out: &mut dyn Write, f: &Extracted) -> io::Result<()> {
        write_line(out, f.doc, None, self.claims(f))
    }

    fn extract_record(
        &self,
        out: &mut dyn Write,
        f: &Extracted,
        id: Option<&Value>,
    ) -> io::Result<()> {
        write_line(out, f.doc, id, self.claims(f))
    }
}
