//! What a check finds about a claim: the verdict, the check that decided it, and the evidence
//! it rests on (numbers, units, the fact, the rate used, the gap). Verdicts carry no prose: the
//! report stage writes the English from the evidence.

use rust_decimal::Decimal;
use serde::Serialize;

use super::convert::ConvertError;
use crate::claim::Interval;
use crate::document::Date;
use crate::lexicon::UnitId;
use crate::reference::{Fact, RateUsed};
use crate::triage::Suppression;

/// What was found about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// The claim agrees with the fact or with the figures it restates.
    Consistent,
    /// Consistent only because the claim is a rounded figure.
    ConsistentByRounding,
    /// The claim disagrees.
    Inconsistent,
    /// No fact to check it against.
    Unverifiable,
    /// Two facts fit about equally.
    Ambiguous,
}

impl VerdictKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Consistent => "consistent",
            VerdictKind::ConsistentByRounding => "consistent_by_rounding",
            VerdictKind::Inconsistent => "inconsistent",
            VerdictKind::Unverifiable => "unverifiable",
            VerdictKind::Ambiguous => "ambiguous",
        }
    }
}

/// How bad an inconsistency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Off, but within a factor of 1.5.
    Minor,
    /// Far off, or a scale slip (thousand/million/billion, percent read as points).
    Gross,
}

impl Severity {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Gross => "gross",
        }
    }
}

/// Which check decided a verdict: one per rule in `check/rules/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// A figure and its conversion into other units ("€1bn ($1.2bn)").
    Conversion,
    /// A percentage of two counts ("30 of 120 staff, or 25%").
    Share,
    /// A figure against the reference facts and country statistics.
    Reference,
    /// The same quantity stated twice with different values.
    Restated,
}

impl CheckId {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Conversion => "conversion",
            CheckId::Share => "share",
            CheckId::Reference => "reference",
            CheckId::Restated => "restated",
        }
    }
}

/// The fact a verdict rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FactRef {
    /// The fact's id in its table.
    pub id: String,
    /// What it is about ("Soviet war in Afghanistan").
    pub entity: String,
    /// What it measures ("troops deployed").
    pub measure: String,
    /// The value, or the low end of a range of estimates.
    pub low: Decimal,
    /// The high end (equal to `low` for a single value).
    pub high: Decimal,
    /// The value as the table writes it.
    pub value_text: String,
    /// The unit, if the fact has one.
    #[serde(skip)]
    pub unit: Option<UnitId>,
    /// The unit as the table writes it.
    pub unit_text: String,
    /// What is counted, singular, for counts.
    pub counted: Option<String>,
    /// When the fact was true.
    #[serde(serialize_with = "opt_date")]
    pub as_of: Option<Date>,
    /// Where it comes from.
    pub source: String,
}

impl FactRef {
    pub(crate) fn of(f: &Fact) -> FactRef {
        FactRef {
            id: f.id.clone(),
            entity: f.entity.clone(),
            measure: f.measure.clone(),
            low: f.low,
            high: f.high,
            value_text: f.value_text.clone(),
            unit: f.unit,
            unit_text: f.unit_text.clone(),
            counted: f.counted.clone(),
            as_of: f.as_of,
            source: f.source.clone(),
        }
    }
}

fn opt_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// Why a fact was linked to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// A word (or name) of the claim's context that the fact also has.
    Word(String),
    /// The year the sentence names is the fact's year.
    Year(i32),
    /// The claim counts what the fact counts.
    Counted(String),
}

/// The distance between a claim and what it was checked against.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Gap {
    /// Distance from the claim's interval to the expected value, in the claim's unit.
    pub absolute: Decimal,
    /// (stated − expected) / expected.
    pub relative: Option<Decimal>,
}

/// A ratio close to a power of a thousand: "million written for billion".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScaleSlip {
    /// The power of a thousand: 1 (thousand), 2 (million) or 3 (billion).
    pub thousands: u8,
    /// The stated figure is that much too large (else too small).
    pub too_large: bool,
}

/// What the conversion rule found (see `check/rules/conversion.rs`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversionEvidence {
    /// The first figure could not be converted into the unit of the second.
    CannotConvert {
        /// The claim converted from.
        from: usize,
        /// Why not.
        error: ConvertError,
    },
    /// The first figure converted into the unit of the second.
    Converted {
        /// The claim converted from.
        from: usize,
        /// Its value in the unit of the claim.
        converted: Decimal,
        /// The exchange rate, for currencies.
        rate: Option<RateUsed>,
        /// The fraction a currency conversion may be off by.
        tolerance: Decimal,
        /// How the stated figure compares.
        outcome: ConversionOutcome,
    },
}

/// How a stated conversion compares with the computed one.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversionOutcome {
    /// Exactly the converted value.
    Exact,
    /// The converted value, rounded.
    Rounded,
    /// Within the exchange-rate tolerance.
    WithinRate,
    /// Only the two figures' rounding intervals meet.
    BothRounded,
    /// Wrong.
    Mismatch {
        /// A thousand-fold slip, if the gap is one (gross errors only).
        scale_slip: Option<ScaleSlip>,
    },
}

/// What the share rule found (see `check/rules/share.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct ShareEvidence {
    /// The claim counting the part ("30").
    pub part: usize,
    /// The claim counting the whole ("120").
    pub whole: usize,
    /// part / whole × 100.
    pub share: Decimal,
    /// How the stated percentage compares.
    pub outcome: ShareOutcome,
}

/// How a stated share compares with the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareOutcome {
    /// Exactly the computed share.
    Exact,
    /// The computed share, rounded.
    Rounded,
    /// Wrong.
    Wrong,
}

/// What the reference rule found (see `check/rules/reference.rs`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceEvidence {
    /// The figure is too large or too precise to compare.
    Unrepresentable,
    /// No fact is about this claim.
    NoFact,
    /// Two facts fit about equally; the verdict's fact is the best.
    Ambiguous {
        /// Entity of the second best.
        second_entity: String,
        /// Measure of the second best.
        second_measure: String,
    },
    /// A level in percentage points where the fact is a percentage.
    PointsForPercent,
    /// The fact's unit cannot be converted into the claim's.
    CannotConvert {
        /// Why not.
        error: ConvertError,
    },
    /// The fact, in the claim's unit, compared with the claim.
    Compared {
        /// The fact's low end in the claim's unit.
        low: Decimal,
        /// The fact's high end in the claim's unit.
        high: Decimal,
        /// The exchange rate, for currencies.
        rate: Option<RateUsed>,
        /// The fraction allowed for exchange-rate movement (0 without a rate).
        slack: Decimal,
        /// How the claim compares.
        outcome: Comparison,
    },
}

/// How a claim compares with its fact.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The claim allows the fact's value.
    Agrees,
    /// Only as a rounded form of the fact.
    Rounded,
    /// Wrong.
    Wrong {
        /// The end of the fact nearest the claim.
        nearest: Decimal,
        /// The qualifier ("more than", "up to") is what makes it wrong.
        qualifier_flip: bool,
        /// A thousand-fold slip, if the gap is one.
        scale_slip: Option<ScaleSlip>,
    },
}

/// What the restated rule found (see `check/rules/restated.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct RestatedEvidence {
    /// The claim that stated the quantity first.
    pub earlier: usize,
}

/// The evidence of a verdict, by the check that decided it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// From the conversion rule.
    Conversion(ConversionEvidence),
    /// From the share rule.
    Share(ShareEvidence),
    /// From the reference rule.
    Reference(ReferenceEvidence),
    /// From the restated rule.
    Restated(RestatedEvidence),
}

impl Evidence {
    /// The check that found it.
    pub fn check(&self) -> CheckId {
        match self {
            Evidence::Conversion(_) => CheckId::Conversion,
            Evidence::Share(_) => CheckId::Share,
            Evidence::Reference(_) => CheckId::Reference,
            Evidence::Restated(_) => CheckId::Restated,
        }
    }
}

/// The verdict on one claim, with the evidence needed to explain it.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// Index into [`FileReport::claims`](super::FileReport::claims).
    pub claim: usize,
    /// What was found.
    pub kind: VerdictKind,
    /// How bad, for inconsistent claims.
    pub severity: Option<Severity>,
    /// What the deciding check found.
    pub evidence: Evidence,
    /// The fact the verdict rests on.
    pub fact: Option<FactRef>,
    /// Ids of other facts that fit equally (ambiguous verdicts).
    pub other_facts: Vec<String>,
    /// What linked claim and fact.
    pub linked_by: Vec<Link>,
    /// What the reference allows, in the claim's unit.
    pub expected: Option<Interval>,
    /// How far off an inconsistent claim is.
    pub gap: Option<Gap>,
    /// What silenced it: a `numcheck:` directive, a per-file ignore or a baseline
    /// (see [`crate::triage`]).
    pub suppressed: Option<Suppression>,
}

impl Verdict {
    pub(crate) fn new(claim: usize, kind: VerdictKind, evidence: Evidence) -> Verdict {
        Verdict {
            claim,
            kind,
            severity: None,
            evidence,
            fact: None,
            other_facts: Vec::new(),
            linked_by: Vec::new(),
            expected: None,
            gap: None,
            suppressed: None,
        }
    }

    /// Which check decided.
    pub fn check(&self) -> CheckId {
        self.evidence.check()
    }
}

/// A one-value interval.
pub(crate) fn point(v: Decimal) -> Interval {
    Interval {
        low: Some(v),
        high: Some(v),
        low_open: false,
        high_open: false,
    }
}
