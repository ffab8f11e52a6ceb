//! A batch of articles given as files: each extracted or checked on every core, and the
//! report written in input order as each file is done, byte for byte what one thread writes.
//!
//! With one job (or one file) a file's part of the report is written straight to the output as
//! it is rendered, so memory never holds a report. With more, each file's part is rendered on
//! its worker thread into memory and copied out in its turn, a few files per thread in flight.

use std::io::{self, Write};

use super::parallel;
use crate::check::{Checker, FailOn};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::normalise::Tolerances;
use crate::report::{
    Extracted, Renderer, ReportWriter, Totals, render_check_part, render_extract_part,
};
use crate::{check_document, extract_claims};

/// What a batch run found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Verdict counts over the files (check runs).
    pub totals: Totals,
    /// Files with findings at the fail level (check runs).
    pub failing: usize,
}

/// How a batch runs.
pub struct Batch<'a> {
    /// Threads to use.
    pub jobs: usize,
    /// Inputs that could not be read, one message each (reported in formats that list them).
    pub unreadable: &'a [String],
    /// Called as each file's part is written.
    pub done: &'a mut dyn FnMut(),
}

impl Batch<'_> {
    fn parallel(&self, files: usize) -> bool {
        self.jobs > 1 && files > 1
    }

    /// Checks `docs` and writes the report in `renderer`'s format to `out`.
    pub fn check(
        self,
        docs: Vec<Document>,
        checker: &Checker,
        fail_on: FailOn,
        renderer: &dyn Renderer,
        out: impl Write,
    ) -> io::Result<BatchSummary> {
        let mut w = ReportWriter::check(renderer, out, self.unreadable)?;
        let mut failing = 0;
        if !self.parallel(docs.len()) {
            for doc in &docs {
                let r = check_document(checker, doc);
                failing += usize::from(r.fails(fail_on));
                w.file(&r)?;
                (self.done)();
            }
        } else {
            let window = self.jobs * parallel::WINDOW_PER_JOB;
            let work = |doc: Document| {
                let r = check_document(checker, &doc);
                render_check_part(renderer, &r).map(|p| (p, r.fails(fail_on)))
            };
            parallel::ordered(self.jobs, window, docs, work, |done| {
                let (part, fails) = done?;
                failing += usize::from(fails);
                w.part(&part)?;
                (self.done)();
                Ok::<(), io::Error>(())
            })?;
        }
        let totals = *w.totals();
        w.finish()?;
        Ok(BatchSummary { totals, failing })
    }

    /// Extracts the claims of `docs` and writes them in `renderer`'s format to `out`.
    pub fn extract(
        self,
        docs: Vec<Document>,
        lex: &Lexicon,
        tol: &Tolerances,
        renderer: &dyn Renderer,
        out: impl Write,
    ) -> io::Result<BatchSummary> {
        let mut w = ReportWriter::extract(renderer, out, self.unreadable)?;
        if !self.parallel(docs.len()) {
            for doc in &docs {
                let claims = extract_claims(doc, lex, tol);
                w.extracted(&Extracted {
                    doc,
                    claims: &claims,
                })?;
                (self.done)();
            }
        } else {
            let window = self.jobs * parallel::WINDOW_PER_JOB;
            let work = |doc: Document| {
                let claims = extract_claims(&doc, lex, tol);
                render_extract_part(
                    renderer,
                    &Extracted {
                        doc: &doc,
                        claims: &claims,
                    },
                )
            };
            parallel::ordered(self.jobs, window, docs, work, |part| {
                w.part(&part?)?;
                (self.done)();
                Ok::<(), io::Error>(())
            })?;
        }
        w.finish()?;
        Ok(BatchSummary::default())
    }
}
