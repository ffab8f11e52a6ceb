//! Stage 3: turning a raw claim into a quantity: exact value, unit, dimension, the precision
//! implied by how it was written and the interval of true values it is consistent with
//! (DESIGN.md §3).

use rust_decimal::Decimal;

use crate::document::Document;
use crate::extract::{ClaimKind, RawClaim, Span};
use crate::lexicon::{Direction, Lexicon, Qualifier, UnitId, UnitKind};

/// How far "about", "nearly" and vague forms widen a value (a fraction of it).
#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct Tolerances {
    /// "about 2,000": ± this fraction. Default 0.10.
    pub approximately: Decimal,
    /// "nearly 20": down to this fraction below. Default 0.10.
    pub nearly: Decimal,
    /// A currency conversion may differ from the ECB rate of the day by this fraction (rates
    /// move within days, and newsrooms convert at their own rate). Default 0.03.
    pub currency_rate: Decimal,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            approximately: Decimal::new(10, 2),
            nearly: Decimal::new(10, 2),
            currency_rate: Decimal::new(3, 2),
        }
    }
}

/// An interval of true values; `None` ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Interval {
    #[serde(with = "opt_dec")]
    pub low: Option<Decimal>,
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
        if let Some(l) = self.low {
            if x < l {
                return l.saturating_sub(x);
            }
        }
        if let Some(h) = self.high {
            if x > h {
                return x.saturating_sub(h);
            }
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

/// A normalised claim: where it is, what it says and the interval it allows.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Span in the ORIGINAL input.
    pub span: Span,
    /// 1-based line and column (characters) of the span's start.
    pub line: usize,
    pub column: usize,
    /// The claim as written (the source text of the span).
    pub text: String,
    /// The sentence, in the original input.
    pub sentence: Span,
    pub kind: ClaimKind,
    pub value: Option<Decimal>,
    pub value_high: Option<Decimal>,
    pub precision: Decimal,
    pub qualifier: Qualifier,
    pub vague: bool,
    pub direction: Option<Direction>,
    pub unit: Option<UnitId>,
    pub per: Option<String>,
    pub unit_note: Option<String>,
    pub counted: Option<String>,
    pub counted_phrase: Option<String>,
    /// The interval of true values consistent with the claim (None when unrepresentable).
    pub interval: Option<Interval>,
    /// The value in SI units for physical quantities.
    pub si_value: Option<Decimal>,
    pub problem: Option<String>,
}

impl Claim {
    /// Canonical unit code ("USD", "kilometre", "percent"), or the counted noun for counts.
    pub fn unit_code<'a>(&'a self, lex: &'a Lexicon) -> Option<&'a str> {
        self.unit.map(|u| lex.unit(u).code.as_str())
    }

    /// Dimension: the unit's, "count" for counted things, "number" otherwise.
    pub fn dimension<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match self.unit {
            Some(u) => lex.unit(u).dimension.as_str(),
            None if self.counted.is_some() => "count",
            None if self.kind == ClaimKind::Multiplier => "multiplier",
            None if self.kind == ClaimKind::Fraction => "fraction",
            None => "number",
        }
    }
}

/// The interval a written value allows, per DESIGN.md §3.
pub fn interval_for(
    value: Decimal,
    high: Option<Decimal>,
    precision: Decimal,
    qualifier: Qualifier,
    vague: bool,
    tol: &Tolerances,
) -> Interval {
    let half = precision / Decimal::TWO;
    let approx = value.abs().saturating_mul(tol.approximately).max(half);
    let closed = |low: Option<Decimal>, high: Option<Decimal>| Interval {
        low,
        high,
        low_open: false,
        high_open: false,
    };
    if let Some(h) = high {
        let (lo, hi) = if value <= h { (value, h) } else { (h, value) };
        return match qualifier {
            Qualifier::UpTo | Qualifier::AtMost | Qualifier::LessThan => {
                closed(Some(Decimal::ZERO.min(lo)), Some(hi.saturating_add(half)))
            }
            Qualifier::MoreThan | Qualifier::AtLeast => closed(Some(lo.saturating_sub(half)), None),
            _ if vague => closed(Some(lo), Some(hi)),
            _ => closed(Some(lo.saturating_sub(half)), Some(hi.saturating_add(half))),
        };
    }
    match qualifier {
        Qualifier::Exact | Qualifier::Range if vague => closed(
            Some(value.saturating_sub(approx)),
            Some(value.saturating_add(approx)),
        ),
        Qualifier::Exact | Qualifier::Range => closed(
            Some(value.saturating_sub(half)),
            Some(value.saturating_add(half)),
        ),
        Qualifier::Approximately => closed(
            Some(value.saturating_sub(approx)),
            Some(value.saturating_add(approx)),
        ),
        Qualifier::Nearly => closed(
            Some(value.saturating_sub(value.abs().saturating_mul(tol.nearly).max(half))),
            Some(value),
        ),
        Qualifier::MoreThan => Interval {
            low: Some(value),
            high: None,
            low_open: true,
            high_open: false,
        },
        Qualifier::AtLeast => closed(Some(value), None),
        Qualifier::UpTo | Qualifier::AtMost => closed(
            Some(Decimal::ZERO.min(value)),
            Some(value.saturating_add(half)),
        ),
        Qualifier::LessThan => Interval {
            low: Some(Decimal::ZERO.min(value)),
            high: Some(value),
            low_open: false,
            high_open: true,
        },
    }
}

/// Normalises the raw claims of a document.
pub fn normalise(
    doc: &Document,
    raw: Vec<RawClaim>,
    lex: &Lexicon,
    tol: &Tolerances,
) -> Vec<Claim> {
    raw.into_iter()
        .map(|r| {
            let start = doc.to_source(r.scan_span.start);
            let end = doc.to_source(r.scan_span.end).max(start);
            let (line, column) = doc.line_col(start);
            let text = doc.source.get(start..end).unwrap_or("").to_string();
            let sentence = Span {
                start: doc.to_source(r.sentence.start),
                end: doc.to_source(r.sentence.end),
            };
            let interval = r
                .value
                .map(|v| interval_for(v, r.value_high, r.precision, r.qualifier, r.vague, tol));
            let si_value = match (r.value, r.unit) {
                (Some(v), Some(u)) if lex.unit(u).kind == UnitKind::Physical => v
                    .checked_mul(lex.unit(u).si_factor)
                    .and_then(|x| x.checked_add(lex.unit(u).si_offset)),
                _ => None,
            };
            Claim {
                span: Span { start, end },
                line,
                column,
                text,
                sentence,
                kind: r.kind,
                value: r.value,
                value_high: r.value_high,
                precision: r.precision,
                qualifier: r.qualifier,
                vague: r.vague,
                direction: r.direction,
                unit: r.unit,
                per: r.per,
                unit_note: r.unit_note,
                counted: r.counted,
                counted_phrase: r.counted_phrase,
                interval,
                si_value,
                problem: r.problem,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn intervals_follow_the_design() {
        let t = Tolerances::default();
        let exact = interval_for(
            d("1200000000"),
            None,
            d("100000000"),
            Qualifier::Exact,
            false,
            &t,
        );
        assert_eq!(
            (exact.low, exact.high),
            (Some(d("1150000000")), Some(d("1250000000")))
        );
        let more = interval_for(d("14000"), None, d("1000"), Qualifier::MoreThan, false, &t);
        assert!(more.contains(d("14453")) && !more.contains(d("14000")));
        let upto = interval_for(d("2000000"), None, d("1000000"), Qualifier::UpTo, false, &t);
        assert!(upto.contains(d("560000")) && !upto.contains(d("3000000")));
        let nearly = interval_for(d("20"), None, d("1"), Qualifier::Nearly, false, &t);
        assert!(nearly.contains(d("19.9")) && !nearly.contains(d("20.1")));
        let some = interval_for(
            d("2000"),
            None,
            d("100"),
            Qualifier::Approximately,
            false,
            &t,
        );
        assert!(some.contains(d("2150")) && !some.contains(d("2300")));
        let less = interval_for(d("14000"), None, d("1000"), Qualifier::LessThan, false, &t);
        assert!(!less.contains(d("14453")));
        let range = interval_for(
            d("5000000"),
            Some(d("7000000")),
            d("1000000"),
            Qualifier::Range,
            false,
            &t,
        );
        assert!(range.contains(d("7400000")) && !range.contains(d("7600000")));
    }

    #[test]
    fn numbers_print_with_separators() {
        assert_eq!(fmt_num(d("1162300000")), "1,162,300,000");
        assert_eq!(fmt_num(d("0.50")), "0.5");
        assert_eq!(fmt_num(d("-1234.5")), "-1,234.5");
    }
}
