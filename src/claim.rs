//! The types passed between the pipeline's stages: spans, what a claim states (its kind,
//! qualifier, direction), the [`Reading`] the extractor produces, relations between claims, the
//! normalised [`Claim`] and the [`Interval`] of true values it allows.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::lexicon::{Lexicon, UnitId};

/// A byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What sort of quantity a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A number of things ("14,000 troops").
    Count,
    /// Money ("$1.2 billion").
    Currency,
    /// A percentage ("3.5%").
    Percent,
    /// A difference of percentages ("2 percentage points").
    PercentagePoint,
    /// A physical measure ("10 km", "30 gigawatts").
    Physical,
    /// A length of time ("nearly 20 years", "decade-long").
    Duration,
    /// An age ("a 50-year-old man").
    Age,
    /// A multiplier ("doubled", "three times").
    Multiplier,
    /// A fraction ("a third of").
    Fraction,
    /// A number with nothing said about what it counts or measures.
    Number,
    /// A number too large or too precise to represent ("10^40").
    Unrepresentable,
}

impl ClaimKind {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Currency => "currency",
            ClaimKind::Percent => "percent",
            ClaimKind::PercentagePoint => "percentage_point",
            ClaimKind::Physical => "physical",
            ClaimKind::Duration => "duration",
            ClaimKind::Age => "age",
            ClaimKind::Multiplier => "multiplier",
            ClaimKind::Fraction => "fraction",
            ClaimKind::Number => "number",
            ClaimKind::Unrepresentable => "unrepresentable",
        }
    }
}

/// How a qualifier bounds the true value relative to the stated one (DESIGN.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier: the value as written, within its rounding.
    Exact,
    /// "about", "some", "around": within the approximation tolerance either way.
    Approximately,
    /// "nearly", "almost": up to the tolerance below.
    Nearly,
    /// "more than", "over": above, excluded.
    MoreThan,
    /// "at least": above, included.
    AtLeast,
    /// "up to": below, included.
    UpTo,
    /// "less than", "fewer than", "under": below, excluded.
    LessThan,
    /// "at most": below, included.
    AtMost,
    /// A range "between A and B", "A-B".
    Range,
}

impl Qualifier {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

impl FromStr for Qualifier {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "exactly" | "exact" => Qualifier::Exact,
            "approximately" => Qualifier::Approximately,
            "nearly" => Qualifier::Nearly,
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "up_to" => Qualifier::UpTo,
            "less_than" => Qualifier::LessThan,
            "at_most" => Qualifier::AtMost,
            other => return Err(format!("unknown qualifier '{other}'")),
        })
    }
}

/// Direction of a stated change ("rose 3%", "fell 2 points").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A rise.
    Up,
    /// A fall.
    Down,
}

/// A claim as the extractor reads it, before normalisation into an interval. Spans are in the
/// document's scan text.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Span in the document's scan text.
    pub scan_span: Span,
    /// Sentence span in the scan text.
    pub sentence: Span,
    /// What sort of quantity it states.
    pub kind: ClaimKind,
    /// The stated value, fully scaled (the low end of a range). `None` if unrepresentable.
    pub value: Option<Decimal>,
    /// The high end of a range.
    pub value_high: Option<Decimal>,
    /// The rounding step implied by how the number was written ("1.2 billion": 0.1 billion).
    pub precision: Decimal,
    /// How the qualifier bounds the true value.
    pub qualifier: Qualifier,
    /// The number was written vaguely ("a dozen", "thousands", "decade-long").
    pub vague: bool,
    /// A stated change's direction.
    pub direction: Option<Direction>,
    /// The unit or currency.
    pub unit: Option<UnitId>,
    /// "per month", "per share": the denominator of a rate.
    pub per: Option<String>,
    /// How an ambiguous sign or name was read ("$ read as USD: no other cue").
    pub unit_note: Option<String>,
    /// Head noun of what is counted, singular ("troop").
    pub counted: Option<String>,
    /// The counted noun phrase as written ("Soviet troops").
    pub counted_phrase: Option<String>,
    /// Why the value could not be represented.
    pub problem: Option<String>,
}

/// A normalised claim: the extractor's [`Reading`], where it is in the original input, and the
/// interval of true values it allows.
#[derive(Debug, Clone)]
pub struct Claim {
    /// What the extractor read (kind, value, precision, qualifier, unit, counted noun …).
    pub reading: Reading,
    /// Span in the ORIGINAL input.
    pub span: Span,
    /// 1-based line and column (characters) of the span's start.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The claim as written (the source text of the span).
    pub text: String,
    /// The sentence, in the original input.
    pub sentence: Span,
    /// The interval of true values consistent with the claim (None when unrepresentable).
    pub interval: Option<Interval>,
    /// The value in SI units for physical quantities.
    pub si_value: Option<Decimal>,
}

impl Claim {
    /// Canonical unit code ("USD", "kilometre", "percent"), or the counted noun for counts.
    pub fn unit_code<'a>(&'a self, lex: &'a Lexicon) -> Option<&'a str> {
        self.reading.unit.map(|u| lex.unit(u).code.as_str())
    }

    /// Dimension: the unit's, "count" for counted things, "number" otherwise.
    pub fn dimension<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match self.reading.unit {
            Some(u) => lex.unit(u).dimension.as_str(),
            None if self.reading.counted.is_some() => "count",
            None if self.reading.kind == ClaimKind::Multiplier => "multiplier",
            None if self.reading.kind == ClaimKind::Fraction => "fraction",
            None => "number",
        }
    }
}

/// How one claim relates to another of the same document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The claim restates another in other units ("one billion euros ($1.2 billion)").
    ConvertedFrom,
    /// The claim is a share of another ("30 of 120 staff, or 25%").
    ShareOf,
    /// The claim is the level a change leads to ("rose 10% to £240m").
    ChangeTo,
    /// The claim restates an earlier figure for the same thing.
    Restates,
}

/// A relation between two claims, by index into the document's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Relation {
    /// What the relation says.
    pub kind: RelationKind,
    /// The claim that depends on the other.
    pub from: usize,
    /// The claim it depends on.
    pub to: usize,
}

/// An interval of true values; `None` ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Interval {
    /// The low end.
    #[serde(with = "opt_dec")]
    pub low: Option<Decimal>,
    /// The high end.
    #[serde(with = "opt_dec")]
    pub high: Option<Decimal>,
    /// The low end is excluded ("more than").
    pub low_open: bool,
    /// The high end is excluded ("fewer than").
    pub high_open: bool,
}

mod opt_dec {
    use rust_decimal::Decimal;
    use serde::Serializer;
    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&d.normalize().to_string()),
            None => s.serialize_none(),
        }
    }
}

impl Interval {
    /// Does the interval hold `x`?
    pub fn contains(&self, x: Decimal) -> bool {
        let lo_ok = match self.low {
            None => true,
            Some(l) if self.low_open => x > l,
            Some(l) => x >= l,
        };
        let hi_ok = match self.high {
            None => true,
            Some(h) if self.high_open => x < h,
            Some(h) => x <= h,
        };
        lo_ok && hi_ok
    }

    /// Do two intervals share a value?
    pub fn overlaps(&self, other: &Interval) -> bool {
        let a_below_b = match (self.high, other.low) {
            (Some(h), Some(l)) => h < l || (h == l && (self.high_open || other.low_open)),
            _ => false,
        };
        let b_below_a = match (other.high, self.low) {
            (Some(h), Some(l)) => h < l || (h == l && (other.high_open || self.low_open)),
            _ => false,
        };
        !a_below_b && !b_below_a
    }

    /// Distance from `x` to the interval (0 inside).
    pub fn distance(&self, x: Decimal) -> Decimal {
        if let Some(l) = self.low
            && x < l
        {
            return l.saturating_sub(x);
        }
        if let Some(h) = self.high
            && x > h
        {
            return x.saturating_sub(h);
        }
        Decimal::ZERO
    }

    /// Multiplies both ends by a positive factor.
    pub fn scaled(&self, f: Decimal) -> Interval {
        Interval {
            low: self.low.and_then(|v| v.checked_mul(f)),
            high: self.high.and_then(|v| v.checked_mul(f)),
            ..*self
        }
    }

    /// Human form: "[1,150,000,000, 1,250,000,000]", "(14,000, ∞)".
    pub fn display(&self) -> String {
        let l = self.low.map(fmt_num).unwrap_or_else(|| "-∞".into());
        let h = self.high.map(fmt_num).unwrap_or_else(|| "∞".into());
        format!(
            "{}{}, {}{}",
            if self.low_open || self.low.is_none() {
                "("
            } else {
                "["
            },
            l,
            h,
            if self.high_open || self.high.is_none() {
                ")"
            } else {
                "]"
            }
        )
    }
}

/// A number with thousands separators and no trailing zeros: 1,162,300,000 · 0.5.
pub fn fmt_num(d: Decimal) -> String {
    let d = d.round_dp(6).normalize();
    let s = d.abs().to_string();
    let (int, frac) = match s.find('.') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s.as_str(), ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!(
        "{}{}{}",
        if d.is_sign_negative() && !d.is_zero() {
            "-"
        } else {
            ""
        },
        out,
        frac
    )
}
