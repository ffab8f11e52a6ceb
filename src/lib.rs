//! numcheck: audits the numbers in news copy.
//!
//! The pipeline, one module a stage:
//! [`document`] → [`extract`] → [`normalise`] → [`reference`] → [`check`] → [`report`].
//! The library never prints and never exits; the `numcheck` binary is a thin shell over it.

pub mod check;
pub mod claim;
pub mod config;
pub mod document;
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod normalise;
pub mod reference;
pub mod report;
pub mod runner;
pub mod table;

pub use claim::{Claim, ClaimKind, Interval, Reading, Span};
pub use document::{Date, Document, Format};
pub use error::{DataError, InputError, RunError};
pub use extract::Extractor;
pub use lexicon::Lexicon;
pub use normalise::Tolerances;

/// Extracts and normalises every claim of a document.
pub fn extract_claims(doc: &Document, lex: &Lexicon, tol: &Tolerances) -> Vec<Claim> {
    let mut ex = Extractor::new(lex);
    let raw = ex.extract(doc);
    normalise::normalise(doc, raw, lex, tol)
}

/// Extracts a document's claims and checks them: the whole pipeline short of rendering.
pub fn check_document<'d>(checker: &check::Checker, doc: &'d Document) -> check::FileReport<'d> {
    let claims = extract_claims(doc, checker.lexicon(), &checker.options().tolerances);
    checker.check(doc, claims)
}
