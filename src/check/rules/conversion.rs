//! **Conversion**: a figure followed in brackets by the same quantity in other units must
//! convert to it.
//!
//! Why: newsrooms convert currencies and units for their readers by hand, and the bracketed
//! figure is often worked out at the wrong rate, with the wrong factor or the wrong scale.
//!
//! How: the first figure is converted into the unit of the second, by the units table's factors
//! or, for money, at the ECB reference rate of the article's date (for a currency the ECB does
//! not quote, the World Bank's annual average rate of the article's year). The second figure
//! agrees if its rounding interval holds the result; currencies may also be off by the
//! exchange-rate tolerance (rates move within days, and newsrooms use their own; wider for an
//! annual average), and two rounded figures agree if their intervals meet.
//!
//! A dollar sign read as another dollar by a cue of its sentence ("an Australian firm paid
//! $1.1bn (£568m)") is also tried as the sign's default reading: newsrooms write US dollars
//! beside foreign names, and a conversion that fits that reading is not a finding.
//!
//! Severity: a currency conversion off by more than the exchange-rate slack is an error; a unit
//! conversion is an error when off by more than 10% (or a scale slip), else a warning.
//!
//! Example: "The trail is 10 km (6 miles) long" is consistent by rounding (6.21 miles);
//! "the lake is 5 km (9 miles) wide" is inconsistent: it should be about 3.11 miles.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::{scale_slip, severity};
use crate::check::verdict::{
    CheckId, ConversionEvidence, ConversionOutcome, Evidence, Gap, Severity, Verdict, VerdictKind,
    point,
};
use crate::claim::{Claim, Interval, RelationKind};
use crate::lexicon::UnitId;

/// The conversion rule.
pub(crate) struct Conversion;

impl Rule for Conversion {
    fn id(&self) -> CheckId {
        CheckId::Conversion
    }

    fn check(&self, ctx: &Context, i: usize, _earlier: Option<&Verdict>) -> Option<Verdict> {
        let from = ctx.related(i, RelationKind::ConvertedFrom).next()?;
        let (a, b) = (&ctx.claims[from], &ctx.claims[i]);
        let (ua, ub) = (a.reading.unit?, b.reading.unit?);
        let v = compare(ctx, i, from, ua, ub)?;
        if v.kind != VerdictKind::Inconsistent {
            return Some(v);
        }
        // a sign read by a cue of its sentence, tried as its default reading
        let other_a = default_reading(ctx, a).map(|u| (u, ub));
        let other_b = default_reading(ctx, b).map(|u| (ua, u));
        other_a
            .into_iter()
            .chain(other_b)
            .filter_map(|(ua, ub)| compare(ctx, i, from, ua, ub))
            .find(|w| w.kind != VerdictKind::Inconsistent)
            .or(Some(v))
    }
}

/// The default reading of a claim's currency sign, when a cue of its sentence read it as
/// another currency ("$" read as AUD beside "Australian").
fn default_reading(ctx: &Context, c: &Claim) -> Option<UnitId> {
    let unit = c.reading.unit?;
    c.reading.unit_note.as_ref()?;
    ctx.lex
        .currency_symbols
        .iter()
        .filter(|(sign, r)| {
            c.text.contains(sign.as_str()) && r.readings.iter().any(|x| x.0 == unit)
        })
        .find_map(|(_, r)| r.readings.iter().find(|x| x.1.is_empty()).map(|x| x.0))
        .filter(|&d| d != unit)
}

/// Claim `i` against the conversion of claim `from`, reading them in units `ua` and `ub`.
fn compare(ctx: &Context, i: usize, from: usize, ua: UnitId, ub: UnitId) -> Option<Verdict> {
    let (a, b) = (&ctx.claims[from], &ctx.claims[i]);
    let (va, vb) = (a.reading.value?, b.reading.value?);
    let bi = b.interval?;
    let date = ctx.dates.article();
    let (converted, rate) = match ctx.convert(va, ua, ub, date) {
        Ok(x) => x,
        Err(error) => {
            let e = ConversionEvidence::CannotConvert { from, error };
            return Some(Verdict::new(
                i,
                VerdictKind::Unverifiable,
                Evidence::Conversion(e),
            ));
        }
    };
    // the first figure's own rounding interval, converted
    let a_range = a.interval.map(|ai| {
        let conv = |x: Option<Decimal>| {
            x.and_then(|x| ctx.convert(x, ua, ub, date).ok())
                .map(|x| x.0)
        };
        Interval {
            low: conv(ai.low),
            high: conv(ai.high),
            ..ai
        }
    });
    let tolerance = ctx.rate_tolerance(rate.as_ref());
    let currency = rate.is_some();
    let rate_slack = if rate.is_some() {
        converted.abs().saturating_mul(tolerance).round_dp(6)
    } else {
        Decimal::ZERO
    };
    let with_slack = Interval {
        low: Some(converted.saturating_sub(rate_slack)),
        high: Some(converted.saturating_add(rate_slack)),
        low_open: false,
        high_open: false,
    };
    let (kind, outcome) = if bi.contains(converted) {
        if converted == vb {
            (VerdictKind::Consistent, ConversionOutcome::Exact)
        } else {
            (
                VerdictKind::ConsistentByRounding,
                ConversionOutcome::Rounded,
            )
        }
    } else if !rate_slack.is_zero() && bi.overlaps(&with_slack) {
        (
            VerdictKind::ConsistentByRounding,
            ConversionOutcome::WithinRate,
        )
    } else if a_range.is_some_and(|ar| ar.overlaps(&bi)) {
        (
            VerdictKind::ConsistentByRounding,
            ConversionOutcome::BothRounded,
        )
    } else {
        (
            VerdictKind::Inconsistent,
            ConversionOutcome::Mismatch {
                scale_slip: scale_slip(vb, converted),
            },
        )
    };
    let evidence = ConversionEvidence::Converted {
        from,
        converted,
        rate,
        tolerance,
        outcome,
    };
    let mut v = Verdict::new(i, kind, Evidence::Conversion(evidence));
    v.expected = Some(point(converted));
    if kind == VerdictKind::Inconsistent {
        v.severity = Some(if currency {
            Severity::Error
        } else {
            severity(vb, converted)
        });
        v.gap = Some(Gap::between(vb, converted));
    }
    Some(v)
}
