//! Stage 5: verdicts. The checker takes a document's claims, finds the relations between them
//! once (`relate.rs`), and gives each claim a verdict by the rules of `rules/`, run in order of
//! precedence from one list: a bracketed conversion, a share of two counts, the reference fact
//! the claim speaks of (linked in `link/`), and the same quantity restated. Verdicts carry a
//! [`CheckId`] and structured [`Evidence`]; the report stage writes their English.

mod context;
mod convert;
mod link;
mod magnitude;
mod relate;
mod rules;
mod verdict;

pub use convert::ConvertError;
pub use verdict::{
    CheckId, Comparison, ConversionEvidence, ConversionOutcome, Evidence, FactRef, Gap, Link,
    ReferenceEvidence, RestatedEvidence, ScaleSlip, Severity, ShareEvidence, ShareOutcome, Verdict,
    VerdictKind,
};

use crate::claim::{Claim, Relation};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::normalise::Tolerances;
use crate::reference::ReferenceSet;

/// The lowest verdict that makes a run fail (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Fail on any inconsistent claim (the default).
    Inconsistent,
    /// Fail on inconsistent, ambiguous or unverifiable claims.
    Unverifiable,
    /// Never fail on findings (exit 0 unless there is an error).
    Never,
}

/// Every claim of one document with its verdict.
pub struct FileReport<'d> {
    /// The document checked.
    pub doc: &'d Document,
    /// Its claims, in order.
    pub claims: Vec<Claim>,
    /// The relations between its claims that the rules read.
    pub relations: Vec<Relation>,
    /// One verdict per claim, in claim order.
    pub verdicts: Vec<Verdict>,
}

impl FileReport<'_> {
    /// Does this report reach the fail level?
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.verdicts
            .iter()
            .filter(|v| v.suppressed.is_none())
            .any(|v| match fail_on {
                FailOn::Inconsistent => v.kind == VerdictKind::Inconsistent,
                FailOn::Unverifiable => matches!(
                    v.kind,
                    VerdictKind::Inconsistent | VerdictKind::Unverifiable | VerdictKind::Ambiguous
                ),
                FailOn::Never => false,
            })
    }
}

/// Settings of a check run.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// How far qualifiers widen a value, and the exchange-rate tolerance.
    pub tolerances: Tolerances,
}

/// Checks documents against one loaded reference.
pub struct Checker<'a> {
    lex: &'a Lexicon,
    reference: &'a ReferenceSet,
    options: CheckOptions,
}

impl<'a> Checker<'a> {
    /// A checker over a lexicon and a loaded reference.
    pub fn new(lex: &'a Lexicon, reference: &'a ReferenceSet, options: CheckOptions) -> Self {
        Checker {
            lex,
            reference,
            options,
        }
    }

    /// The lexicon it reads units with.
    pub fn lexicon(&self) -> &'a Lexicon {
        self.lex
    }

    /// Its settings.
    pub fn options(&self) -> &CheckOptions {
        &self.options
    }

    /// Gives each claim of a document a verdict. `claims` are the document's claims, as
    /// [`extract_claims`](crate::extract_claims) returns them. Nothing is silenced here: see
    /// [`crate::triage`].
    pub fn check<'d>(&self, doc: &'d Document, claims: Vec<Claim>) -> FileReport<'d> {
        let relations = relate::relate(doc, &claims, self.lex);
        let verdicts = {
            let ctx = context::Context::new(self, doc, &claims, &relations);
            rules::run(&ctx)
        };
        FileReport {
            doc,
            claims,
            relations,
            verdicts,
        }
    }
}
