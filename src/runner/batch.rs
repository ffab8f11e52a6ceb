//! A batch of articles given as files: each extracted or checked on every core, and the
//! report written in input order as each file is done, byte for byte what one thread writes.
//!
//! With one job (or one file) a file's part of the report is written straight to the output as
//! it is rendered, so memory never holds a report. With more, each file's part is rendered on
//! its worker thread into memory and copied out in its turn, a few files per thread in flight.

use std::io::{self, Write};

use super::parallel;
use crate::check::{Checker, FailOn, FileReport};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::normalise::Tolerances;
use crate::report::{
    Extracted, Note, Renderer, ReportWriter, Totals, render_check_part, render_extract_part,
};
use crate::{check_document, extract_claims};

/// Files are handed to a thread in runs of about this much text: a short article is less
/// work than handing it between threads, so a run of them goes at once; a long report goes
/// alone.
const RUN_BYTES: usize = 32 * 1024;

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
        let each = Plain { checker, fail_on };
        let docs = docs.into_iter().map(|d| (d, ()));
        self.check_with(docs, &each, renderer, out, |_| {})
    }

    /// Checks each document with `each` (which knows what a document's companion `C` says:
    /// its configuration, say), writes the report in `renderer`'s format to `out`, and hands
    /// what `each` keeps of every file to `seen`, in input order. `each` may add notes about
    /// the run at its end.
    pub fn check_with<C: Send, F: FileCheck<C>>(
        self,
        docs: impl IntoIterator<Item = (Document, C), IntoIter: Send + ExactSizeIterator>,
        each: &F,
        renderer: &dyn Renderer,
        out: impl Write,
        mut seen: impl FnMut(F::Kept),
    ) -> io::Result<BatchSummary> {
        let docs = docs.into_iter();
        let mut w = ReportWriter::check(renderer, out, self.unreadable)?;
        let mut failing = 0;
        if !self.parallel(docs.len()) {
            for (doc, companion) in docs {
                let (r, diagnostics) = each.check(&doc, companion);
                failing += usize::from(each.fails(&r));
                seen(each.keep(&r, diagnostics));
                w.file(&r)?;
                (self.done)();
            }
        } else {
            let window = self.jobs * parallel::WINDOW_PER_JOB;
            let work = |(doc, companion): (Document, C)| {
                let (r, diagnostics) = each.check(&doc, companion);
                let kept = each.keep(&r, diagnostics);
                render_check_part(renderer, &r).map(|p| (p, each.fails(&r), kept))
            };
            let weight = |(doc, _): &(Document, C)| doc.scan.len();
            parallel::ordered_runs(self.jobs, window, docs, weight, RUN_BYTES, work, |done| {
                let (part, fails, kept) = done?;
                failing += usize::from(fails);
                seen(kept);
                w.part(&part)?;
                (self.done)();
                Ok::<(), io::Error>(())
            })?;
        }
        w.notes(each.notes());
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
            let weight = |doc: &Document| doc.scan.len();
            parallel::ordered_runs(self.jobs, window, docs, weight, RUN_BYTES, work, |part| {
                w.part(&part?)?;
                (self.done)();
                Ok::<(), io::Error>(())
            })?;
        }
        w.finish()?;
        Ok(BatchSummary::default())
    }
}

/// How a batch checks each file, on any thread: the report of a document (given its
/// companion, such as its configuration), whether it fails, and what the caller keeps of it.
pub trait FileCheck<C>: Sync {
    /// What is kept of each file's report once its part is written (counts, say).
    type Kept: Send;

    /// The report of one document, and diagnostics about it (a directive that cannot be read).
    fn check<'d>(&self, doc: &'d Document, companion: C) -> (FileReport<'d>, Vec<String>);

    /// Does the report fail the run?
    fn fails(&self, r: &FileReport) -> bool;

    /// What the caller keeps of the report and its diagnostics.
    fn keep(&self, r: &FileReport, diagnostics: Vec<String>) -> Self::Kept;

    /// Notes about the run, known at its end (written at the report's end).
    fn notes(&self) -> Vec<Note> {
        Vec::new()
    }
}

/// Each document checked by one checker, nothing kept.
struct Plain<'c, 'l> {
    checker: &'c Checker<'l>,
    fail_on: FailOn,
}

impl FileCheck<()> for Plain<'_, '_> {
    type Kept = ();

    fn check<'d>(&self, doc: &'d Document, _: ()) -> (FileReport<'d>, Vec<String>) {
        (check_document(self.checker, doc), Vec::new())
    }

    fn fails(&self, r: &FileReport) -> bool {
        r.fails(self.fail_on)
    }

    fn keep(&self, _r: &FileReport, _diagnostics: Vec<String>) {}
}
