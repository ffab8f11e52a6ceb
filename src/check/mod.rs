//! Stage 5: verdicts. The checker takes a document's claims, decides each claim's frame from the
//! cue words of its clause (`frame/`: a forecast, a part of a total, a subset, another entity …),
//! finds the relations between claims once (`relate/`), and gives each claim a verdict by the
//! rules of `rules/`, run in order of precedence from one list: a bracketed conversion, a share
//! of two counts, a change and its levels, a total and its parts, the reference fact the claim
//! speaks of (linked in `link/`), a bound that is true but loose, and the same quantity
//! restated. Verdicts carry a [`CheckId`], a [`Severity`] and structured [`Evidence`]; the
//! report stage writes their English.

mod context;
mod convert;
mod frame;
mod link;
mod magnitude;
mod relate;
mod rules;
mod verdict;

use std::str::FromStr;

pub use convert::ConvertError;
pub use frame::{Frame, FrameKind, FrameTable};
pub use magnitude::ERROR_GAP;
pub(crate) use rules::written_step;
pub use verdict::{
    BaseEvidence, ChangeEvidence, ChangeForm, ChangeOutcome, CheckId, Comparison,
    ConversionEvidence, ConversionOutcome, Evidence, FactRef, Gap, Level, Link, LooseBoundEvidence,
    ReferenceEvidence, RestatedEvidence, ScaleSlip, Severity, ShareEvidence, ShareOutcome,
    TotalEvidence, Verdict, VerdictKind,
};

use crate::claim::{Claim, Relation};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::normalise::Tolerances;
use crate::reference::ReferenceSet;

/// The lowest finding that makes a run fail (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on errors only: figures off by more than 10%, scale slips, wrong conversions.
    Error,
    /// Fail on any inconsistent claim, errors and warnings (the default; `inconsistent` is
    /// another name for it).
    Warning,
    /// Fail on inconsistent claims and on claims two facts fit equally.
    Ambiguous,
    /// Fail on every finding, notes included: rounding, tolerance, ambiguous and unverifiable
    /// claims (`unverifiable` is another name for it).
    Note,
    /// Never fail on findings (exit 0 unless there is an error).
    Never,
}

impl FailOn {
    /// Every name `--fail-on` and `fail_on` accept, with the level each names.
    pub const NAMES: [(&'static str, FailOn); 7] = [
        ("error", FailOn::Error),
        ("warning", FailOn::Warning),
        ("inconsistent", FailOn::Warning),
        ("ambiguous", FailOn::Ambiguous),
        ("note", FailOn::Note),
        ("unverifiable", FailOn::Note),
        ("never", FailOn::Never),
    ];

    /// Does a verdict reach this level?
    pub fn reached_by(self, v: &Verdict) -> bool {
        match self {
            FailOn::Error => v.severity == Some(Severity::Error),
            FailOn::Warning => v.kind == VerdictKind::Inconsistent,
            FailOn::Ambiguous => {
                matches!(v.kind, VerdictKind::Inconsistent | VerdictKind::Ambiguous)
            }
            FailOn::Note => v.severity.is_some(),
            FailOn::Never => false,
        }
    }
}

/// A name that is no fail level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown fail level '{0}' (expected error, warning, ambiguous, note, never, inconsistent or unverifiable)"
)]
pub struct UnknownFailOn(pub String);

impl FromStr for FailOn {
    type Err = UnknownFailOn;

    fn from_str(s: &str) -> Result<Self, UnknownFailOn> {
        FailOn::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|&(_, f)| f)
            .ok_or_else(|| UnknownFailOn(s.to_string()))
    }
}

impl<'de> serde::Deserialize<'de> for FailOn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Every claim of one document with its verdict.
pub struct FileReport<'d> {
    /// The document checked.
    pub doc: &'d Document,
    /// Its claims, in order.
    pub claims: Vec<Claim>,
    /// The relations between pairs of its claims that the rules read.
    pub relations: Vec<Relation>,
    /// One verdict per claim, in claim order.
    pub verdicts: Vec<Verdict>,
}

impl FileReport<'_> {
    /// Does this report reach the fail level? Silenced claims never do.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.verdicts
            .iter()
            .filter(|v| v.suppressed.is_none())
            .any(|v| fail_on.reached_by(v))
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
    frames: &'a FrameTable,
}

impl<'a> Checker<'a> {
    /// A checker over a lexicon and a loaded reference, with the shipped frames table.
    pub fn new(lex: &'a Lexicon, reference: &'a ReferenceSet, options: CheckOptions) -> Self {
        Checker {
            lex,
            reference,
            options,
            frames: FrameTable::embedded(),
        }
    }

    /// The same checker reading frames from another table (the shipped one extended by a
    /// newsroom's, [`FrameTable::with_tables`]).
    pub fn with_frames(mut self, frames: &'a FrameTable) -> Self {
        self.frames = frames;
        self
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
        let frames = frame::frames_of(doc, &claims, self.frames);
        let relations = relate::relate(doc, &claims, self.lex, &frames);
        let mut verdicts = {
            let ctx = context::Context::new(self, doc, &claims, &relations, &frames);
            rules::run(&ctx)
        };
        for (v, f) in verdicts.iter_mut().zip(frames) {
            v.frames = f;
        }
        FileReport {
            doc,
            claims,
            relations: relations.pairs,
            verdicts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_levels_by_name_with_their_aliases() {
        assert_eq!("error".parse::<FailOn>(), Ok(FailOn::Error));
        assert_eq!("inconsistent".parse::<FailOn>(), Ok(FailOn::Warning));
        assert_eq!("Unverifiable".parse::<FailOn>(), Ok(FailOn::Note));
        assert_eq!("ambiguous".parse::<FailOn>(), Ok(FailOn::Ambiguous));
        assert!("sometimes".parse::<FailOn>().is_err());
    }
}
