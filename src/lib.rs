//! numcheck: audits the numbers in news copy.
//!
//! The pipeline, one module a stage:
//! [`document`] → [`extract`] → [`normalise`] → [`reference`](mod@reference) → [`check`] → [`report`].
//! The types passed between stages are in [`claim`]; [`runner`] reads inputs, runs `--stream`
//! and writes reports; [`table`] reads data tables; [`triage`] decides which findings a run
//! shows (suppressions, a baseline, changed lines). The library never prints and never exits;
//! the `numcheck` binary is a thin shell over it.
//!
//! A sentence through the whole pipeline: its claims are extracted, checked (here, a bracketed
//! conversion that is wrong) and the verdict written in English by the report stage.
//!
//! ```
//! use numcheck::check::{CheckId, CheckOptions, Checker, Severity, VerdictKind};
//! use numcheck::reference::ReferenceSet;
//! use numcheck::report::{self, CheckRun, OutputFormat, RenderOptions};
//! use numcheck::{Document, Format, Lexicon};
//!
//! let lex = Lexicon::embedded();
//! let reference = ReferenceSet::embedded(lex)?;
//! let checker = Checker::new(lex, &reference, CheckOptions::default());
//! let text = "The trail is 5 km (9 miles) long.";
//! let doc = Document::from_text("trail.txt", text.to_string(), Format::Text);
//!
//! let file = numcheck::check_document(&checker, &doc);
//! let texts: Vec<&str> = file.claims.iter().map(|c| c.text.as_str()).collect();
//! assert_eq!(texts, ["5 km", "9 miles"]);
//! let v = &file.verdicts[1];
//! assert_eq!((v.check(), v.kind), (CheckId::Conversion, VerdictKind::Inconsistent));
//! assert_eq!(v.severity, Some(Severity::Error));
//!
//! let prose = report::explain(&file, v, lex);
//! assert_eq!(
//!     prose.summary,
//!     "9 miles should be about 3.11 mi for 5 km: 5.89 mi (190%) too high"
//! );
//! assert_eq!(prose.suggestion.as_deref(), Some("3.11 mi"));
//!
//! let files = [file];
//! let json = report::renderer(OutputFormat::Json, lex, RenderOptions::default())
//!     .check(&CheckRun::new(&files, &[]));
//! assert!(json.contains("\"inconsistent\": 1"));
//! # Ok::<(), numcheck::DataError>(())
//! ```

#![warn(missing_docs)]

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
pub mod statistics;
pub mod table;
pub mod triage;

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
    let mut claims = normalise::normalise(doc, raw, lex, tol);
    extract::marks::note_invisible_marks(doc, &mut claims);
    claims
}

/// Extracts a document's claims and checks them: the whole pipeline short of rendering. The
/// document's `numcheck:` directives silence what they cover.
pub fn check_document<'d>(checker: &check::Checker, doc: &'d Document) -> check::FileReport<'d> {
    check_document_with(checker, doc, &[]).0
}

/// [`check_document`] with checks silenced in the whole file (per-file ignores: the name of
/// the configuration file and its scope), and the directives that could not be read, as
/// `FILE:LINE: message`.
pub fn check_document_with<'d>(
    checker: &check::Checker,
    doc: &'d Document,
    ignores: &[(String, triage::suppress::Scope)],
) -> (check::FileReport<'d>, Vec<String>) {
    let mut directives = triage::suppress::Directives::parse(doc);
    let problems = std::mem::take(&mut directives.problems);
    let report = check_document_directed(checker, doc, &directives, ignores);
    (report, problems)
}

/// [`check_document_with`] for a document whose directives were read already.
pub fn check_document_directed<'d>(
    checker: &check::Checker,
    doc: &'d Document,
    directives: &triage::suppress::Directives,
    ignores: &[(String, triage::suppress::Scope)],
) -> check::FileReport<'d> {
    let claims = extract_claims(doc, checker.lexicon(), &checker.options().tolerances);
    let mut report = checker.check(doc, claims);
    triage::suppress::apply(&mut report, directives, ignores);
    report
}
