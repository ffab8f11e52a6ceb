//! What a check finds about a claim: the verdict, the check that decided it, and the evidence
//! it rests on (numbers, units, the fact, the rate used, the gap). Verdicts carry no prose: the
//! report stage writes the English from the evidence.

use rust_decimal::Decimal;
use serde::Serialize;

use super::convert::ConvertError;
use super::frame::Frame;
use crate::claim::Interval;
use crate::document::Date;
use crate::lexicon::UnitId;
use crate::reference::{Fact, RateUsed, StatisticRef};
use crate::statistics::Tolerance;
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

/// How much a verdict weighs for an editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing to correct: consistent only by rounding or within the source's
    /// tolerance, a hedged figure, an ambiguous or unverifiable claim.
    Note,
    /// Wrong, but by less than [`ERROR_GAP`](super::magnitude::ERROR_GAP) (outside the source's
    /// tolerance, or a bound that is true but loose by a little).
    Warning,
    /// Wrong by more than [`ERROR_GAP`](super::magnitude::ERROR_GAP), a scale slip, a percent read
    /// as points, or a conversion off by more than the exchange-rate slack.
    Error,
}

impl Severity {
    /// The name used in reports, JSON and SARIF levels.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
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
    /// A change and the levels it leads from and to ("rose 10% to £240m from £200m").
    Change,
    /// Parts and the total the sentence gives for them ("… 200 in total").
    Total,
    /// A figure against the reference facts and country statistics.
    Reference,
    /// A bound that is true but loose ("up to 5 million" where the estimates top out at 2).
    LooseBound,
    /// The same quantity stated twice with different values.
    Restated,
}

impl CheckId {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::Conversion => "conversion",
            CheckId::Share => "share",
            CheckId::Change => "change",
            CheckId::Total => "total",
            CheckId::Reference => "reference",
            CheckId::LooseBound => "loose_bound",
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
    /// Which statistic it is (facts from the statistics tables only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statistic: Option<StatisticRef>,
    /// How far a figure may be from it and still agree: sources of the statistic differ by that
    /// much (`None`: exact).
    pub tolerance: Option<Tolerance>,
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
            statistic: f.statistic.clone(),
            tolerance: f.tolerance,
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

/// The distance between a claim and what it was checked against, from the value as stated (not
/// from the edge of its rounding).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Gap {
    /// |stated − expected|, in the claim's unit.
    pub absolute: Decimal,
    /// (stated − expected) / expected: negative when the claim is too low.
    pub relative: Option<Decimal>,
}

impl Gap {
    /// The gap between a stated value and the value it should have been.
    pub(crate) fn between(stated: Decimal, expected: Decimal) -> Gap {
        Gap {
            absolute: stated.saturating_sub(expected).abs(),
            relative: if expected.is_zero() {
                None
            } else {
                stated
                    .checked_sub(expected)
                    .and_then(|d| d.checked_div(expected))
            },
        }
    }
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
    /// The claim counting the part ("30"), or none when the part is written in words the
    /// extractor does not read as a claim ("Twelve of the 60 shops").
    pub part: Option<usize>,
    /// The part's value.
    pub part_value: Decimal,
    /// The part as written.
    pub part_text: String,
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

/// One level of a change: a claim, or one end of a range claim ("from £20m to £40m").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Level {
    /// The claim that states it.
    pub claim: usize,
    /// It is the high end of the claim's range ("to £40m" of "from £20m to £40m").
    pub high_end: bool,
}

/// How a change is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeForm {
    /// A percentage of the earlier level ("rose 10%").
    Percent,
    /// Percentage points between two percentages ("rose 2 points to 7%").
    Points,
    /// A multiple of the earlier level ("doubled", "three times").
    Multiplier,
}

/// What the change rule found (see `check/rules/change.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct ChangeEvidence {
    /// The level before the change (none when the sentence gives the amount of the change).
    pub from: Option<Level>,
    /// Its value (the new level less the amount, when the sentence gives the amount).
    pub from_value: Decimal,
    /// The level after it.
    pub to: Level,
    /// The amount of the change, when the sentence states it ("lost 65 cents, or 25%").
    pub by: Option<usize>,
    /// How the change is stated.
    pub form: ChangeForm,
    /// The stated change, signed (a fall is negative), in its form's unit.
    pub stated: Decimal,
    /// The change the levels imply, in the same form.
    pub computed: Decimal,
    /// The level the stated change leads to from the earlier level.
    pub implied_to: Decimal,
    /// How the stated change compares.
    pub outcome: ChangeOutcome,
}

/// How a stated change compares with the levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOutcome {
    /// Exactly what the levels imply.
    Exact,
    /// What the levels imply, once every figure's rounding is allowed for.
    Rounded,
    /// The levels move the other way ("rose" from a higher level to a lower one).
    WrongDirection,
    /// Wrong.
    Wrong,
}

/// What the total rule found (see `check/rules/total.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct TotalEvidence {
    /// The claims of the parts.
    pub parts: Vec<usize>,
    /// Their sum.
    pub sum: Decimal,
    /// How the stated total compares.
    pub outcome: ShareOutcome,
}

/// What the reference rule found (see `check/rules/reference.rs`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceEvidence {
    /// The figure is too large or too precise to compare.
    Unrepresentable,
    /// No fact is about this claim.
    NoFact,
    /// The claim's frame keeps it from being compared: a forecast with no fact for its period,
    /// a part of a total, a subset, another entity, a measure the fact is not.
    Framed {
        /// The frame.
        frame: Frame,
    },
    /// Two facts fit about equally; the verdict's fact is the best.
    Ambiguous {
        /// The others that fit as well, best first.
        others: Vec<FactRef>,
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
        /// The fact's tolerance (how much sources of it differ).
        tolerance: Option<Tolerance>,
        /// The low end the tolerance allows, in the claim's unit.
        allowed_low: Decimal,
        /// The high end the tolerance allows, in the claim's unit.
        allowed_high: Decimal,
        /// The hedge that makes an exact figure approximate ("estimated", "census").
        hedge: Option<String>,
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
    /// Within the fact's tolerance: sources of it differ by that much.
    WithinTolerance,
    /// Only read as approximate because it is hedged ("estimated", "according to").
    Hedged,
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

/// What the loose-bound rule found (see `check/rules/bound.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct LooseBoundEvidence {
    /// What the bound says as readers take it ("more than 3,000": past 3,000, below 4,000).
    pub tight: Interval,
    /// The fact's low end in the claim's unit.
    pub low: Decimal,
    /// The fact's high end in the claim's unit.
    pub high: Decimal,
    /// The end of the fact the bound should have named.
    pub nearest: Decimal,
}

/// A claim checked as the base of another's internal check (see `check/rules/mod.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct BaseEvidence {
    /// The check that used it.
    pub check: CheckId,
    /// The claim whose verdict that check gave.
    pub of: usize,
    /// That claim was found consistent with it.
    pub agrees: bool,
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
    /// From the change rule.
    Change(ChangeEvidence),
    /// From the total rule.
    Total(TotalEvidence),
    /// From the reference rule.
    Reference(ReferenceEvidence),
    /// From the loose-bound rule.
    LooseBound(LooseBoundEvidence),
    /// From the restated rule.
    Restated(RestatedEvidence),
    /// The claim is the base of another claim's internal check.
    Base(BaseEvidence),
}

impl Evidence {
    /// The check that found it.
    pub fn check(&self) -> CheckId {
        match self {
            Evidence::Conversion(_) => CheckId::Conversion,
            Evidence::Share(_) => CheckId::Share,
            Evidence::Change(_) => CheckId::Change,
            Evidence::Total(_) => CheckId::Total,
            Evidence::Reference(_) => CheckId::Reference,
            Evidence::LooseBound(_) => CheckId::LooseBound,
            Evidence::Restated(_) => CheckId::Restated,
            Evidence::Base(b) => b.check,
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
    /// How much it weighs for an editor (`None` for a plainly consistent claim).
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
    /// What the claim's clause says it is (a forecast, a part of a total …), decided before
    /// linking.
    pub frames: Vec<Frame>,
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
            frames: Vec::new(),
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
