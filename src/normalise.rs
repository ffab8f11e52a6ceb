//! Stage 3: turning a raw claim into a quantity: exact value, unit, dimension, the precision
//! implied by how it was written and the interval of true values it is consistent with
//! (DESIGN.md §3).

use rust_decimal::Decimal;

pub use crate::claim::{Claim, Interval, fmt_num};
use crate::claim::{Qualifier, Reading, Span};
use crate::document::Document;
use crate::lexicon::{Lexicon, UnitKind};

/// How far "about", "nearly" and vague forms widen a value (a fraction of it).
#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tolerances {
    /// "about 2,000": ± this fraction. Default 0.10.
    pub approximately: Decimal,
    /// "nearly 20": down to this fraction below. Default 0.10.
    pub nearly: Decimal,
    /// A currency conversion may differ from the ECB rate of the day by this fraction (rates
    /// move within days, and newsrooms convert at their own rate, often a week or more old:
    /// sterling moved 3–4% against the dollar within single months of 2004–05). Default 0.05.
    pub currency_rate: Decimal,
    /// A conversion involving a currency the ECB does not quote is checked at the World Bank's
    /// annual average rate, and may differ from it by this fraction (a year's average is far
    /// from some days' rates). Default 0.10.
    pub annual_rate: Decimal,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            approximately: Decimal::new(10, 2),
            nearly: Decimal::new(10, 2),
            currency_rate: Decimal::new(5, 2),
            annual_rate: Decimal::new(10, 2),
        }
    }
}

impl Tolerances {
    /// Each tolerance is a fraction from 0 up to (not including) 1: a negative one would
    /// narrow "about" below the written value, and 1 or more would allow anything down to 0.
    /// The first that is not, by its key, and why.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        let fields = [
            ("approximately", self.approximately),
            ("nearly", self.nearly),
            ("currency_rate", self.currency_rate),
            ("annual_rate", self.annual_rate),
        ];
        for (key, v) in fields {
            if v.is_sign_negative() && !v.is_zero() {
                return Err((
                    key,
                    format!("{v} is negative (a tolerance is a fraction, 0 to 1)"),
                ));
            }
            if v >= Decimal::ONE {
                return Err((
                    key,
                    format!("{v} is not below 1 (a tolerance is a fraction)"),
                ));
            }
        }
        Ok(())
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
pub fn normalise(doc: &Document, raw: Vec<Reading>, lex: &Lexicon, tol: &Tolerances) -> Vec<Claim> {
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
                reading: r,
                span: Span { start, end },
                line,
                column,
                text,
                sentence,
                interval,
                si_value,
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
    fn the_annual_rate_tolerance_is_checked_like_the_others() {
        let t = Tolerances {
            annual_rate: Decimal::new(15, 1),
            ..Tolerances::default()
        };
        assert_eq!(t.validate().map_err(|e| e.0), Err("annual_rate"));
        assert!(Tolerances::default().validate().is_ok());
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
