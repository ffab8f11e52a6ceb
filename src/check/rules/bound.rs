//! **Loose bound**: a bound must be tight, as readers take it.
//!
//! Why: "up to two million" tells a reader the top of the range is about two million, and "more
//! than 3,000" that the figure is past 3,000 but short of 4,000. A bound that is true but far
//! from the figure ("up to 5 million" where the published estimates top out at 2 million; "over 1
//! million" for 2.6 million) misleads as much as a wrong figure, and the reference rule lets it
//! pass.
//!
//! How: after the reference rule found a bound consistent with its fact, the bound is read
//! tightly: "more than / over X" as past X but below the next step at the precision X was written
//! (the last non-zero digit: "more than 3,000" → (3,000, 4,000), "more than 10,000" → (10,000,
//! 20,000), "more than 2.5 million" → (2.5, 2.6 million)); "at least X" the same with X included;
//! "up to / as many as X" as a top of about X (X less the approximation tolerance or half a step,
//! whichever is more, to X plus half a step). If that misses what the fact (with its tolerance)
//! allows, the bound is loose: inconsistent, with the bound that would be tight as a suggestion.
//! An error when the fact is more than 10% beyond the tight reading, else a warning. Vague bounds
//! ("more than a dozen", "thousands") are not read tightly.
//!
//! Example: with Afghan deaths in the Soviet war estimated at 0.56–2 million, "killed up to five
//! million Afghans" is a loose bound; "at most about 2 million" would be tight.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::severity;
use crate::check::verdict::{
    CheckId, Comparison, Evidence, Gap, LooseBoundEvidence, ReferenceEvidence, Verdict, VerdictKind,
};
use crate::claim::{Claim, Interval, Qualifier};
use crate::normalise::Tolerances;

/// The loose-bound rule.
pub(crate) struct LooseBound;

/// The step at the precision a value was written: the place of its last non-zero digit (3,000 →
/// 1,000; 10,000 → 10,000; 2.5 → 0.1; 14,453 → 1).
pub(crate) fn written_step(v: Decimal) -> Decimal {
    let v = v.normalize();
    let mut m = v.mantissa().unsigned_abs();
    if m == 0 {
        return Decimal::ONE;
    }
    let mut zeros = 0i64;
    while m.is_multiple_of(10) {
        m /= 10;
        zeros += 1;
    }
    let exp = zeros - i64::from(v.scale());
    let mut step = Decimal::ONE;
    for _ in 0..exp.unsigned_abs() {
        step = if exp > 0 {
            step.saturating_mul(Decimal::TEN)
        } else {
            step / Decimal::TEN
        };
    }
    step
}

/// What a bound says as readers take it, or `None` for claims that are no bound read tightly.
pub(crate) fn tight_interval(c: &Claim, tol: &Tolerances) -> Option<Interval> {
    let r = &c.reading;
    if r.vague || r.value_high.is_some() {
        return None;
    }
    let v = r.value?;
    if v <= Decimal::ZERO {
        return None;
    }
    let step = written_step(v);
    let half = step / Decimal::TWO;
    Some(match r.qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => Interval {
            low: Some(v),
            high: Some(v.saturating_add(step)),
            low_open: r.qualifier == Qualifier::MoreThan,
            high_open: true,
        },
        Qualifier::UpTo => Interval {
            low: Some(v - v.saturating_mul(tol.approximately).max(half)),
            high: Some(v.saturating_add(half)),
            low_open: false,
            high_open: false,
        },
        _ => return None,
    })
}

impl Rule for LooseBound {
    fn id(&self) -> CheckId {
        CheckId::LooseBound
    }

    fn overrides(&self, earlier: &Verdict) -> bool {
        matches!(
            earlier.kind,
            VerdictKind::Consistent | VerdictKind::ConsistentByRounding
        ) && matches!(
            earlier.evidence,
            Evidence::Reference(ReferenceEvidence::Compared { .. })
        )
    }

    fn check(&self, ctx: &Context, i: usize, earlier: Option<&Verdict>) -> Option<Verdict> {
        let earlier = earlier?;
        let Evidence::Reference(ReferenceEvidence::Compared {
            low,
            high,
            slack,
            allowed_low,
            allowed_high,
            outcome,
            ..
        }) = &earlier.evidence
        else {
            return None;
        };
        if matches!(outcome, Comparison::Wrong { .. }) {
            return None;
        }
        let c = &ctx.claims[i];
        let tight = tight_interval(c, &ctx.options.tolerances)?;
        let allowed = Interval {
            low: Some(allowed_low.saturating_mul(Decimal::ONE - slack)),
            high: Some(allowed_high.saturating_mul(Decimal::ONE + slack)),
            low_open: false,
            high_open: false,
        };
        if tight.overlaps(&allowed) {
            return None;
        }
        let (lo, hi) = ((*low).min(*high), (*low).max(*high));
        // the fact lies past a "more than" bound's next step, or below an "up to" bound's top
        let (nearest, edge) = if c.reading.qualifier == Qualifier::UpTo {
            (hi, tight.low?)
        } else {
            (lo, tight.high?)
        };
        let stated = c.reading.value?;
        let mut v = earlier.clone();
        v.kind = VerdictKind::Inconsistent;
        v.evidence = Evidence::LooseBound(LooseBoundEvidence {
            tight,
            low: lo,
            high: hi,
            nearest,
        });
        v.severity = Some(severity(edge, nearest));
        v.gap = Some(Gap::between(stated, nearest));
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_step_is_the_last_written_digit() {
        assert_eq!(written_step(d("3000")), d("1000"));
        assert_eq!(written_step(d("10000")), d("10000"));
        assert_eq!(written_step(d("14000")), d("1000"));
        assert_eq!(written_step(d("2500000")), d("100000"));
        assert_eq!(written_step(d("2.5")), d("0.1"));
        assert_eq!(written_step(d("14453")), d("1"));
        assert_eq!(written_step(d("2.50")), d("0.1"));
    }
}
