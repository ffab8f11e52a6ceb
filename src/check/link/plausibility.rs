//! Magnitude: a figure far from a fact (more than [`MAX_RATIO`] times larger or smaller) is
//! about something else, unless the gap is a clean thousand-fold scale slip.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::check::context::Context;
use crate::check::magnitude::scale_slip;
use crate::claim::Claim;
use crate::reference::Fact;

/// A claim more than this many times larger or smaller than a fact is not about it.
pub(crate) const MAX_RATIO: f64 = 20.0;

/// Could the claim be a statement (right or wrong) of this fact, judging by magnitude?
pub(crate) fn plausible(ctx: &Context, c: &Claim, f: &Fact) -> bool {
    let Some(stated) = c.reading.value else {
        return true;
    };
    let date = ctx.dates.rate_date(f.as_of);
    let conv = |x: Decimal| match (f.unit, c.reading.unit) {
        (Some(fu), Some(cu)) => ctx.convert(x, fu, cu, date).map(|r| r.0).ok(),
        _ => Some(x),
    };
    let (Some(lo), Some(hi)) = (conv(f.low), conv(f.high)) else {
        return true; // reported as a conversion problem
    };
    let stated_hi = c.reading.value_high.unwrap_or(stated);
    near(stated, lo, hi) || near(stated_hi, lo, hi)
}

/// Is `v` within [`MAX_RATIO`] of the nearer of `lo` and `hi`, or a scale slip of it?
fn near(v: Decimal, lo: Decimal, hi: Decimal) -> bool {
    let nearest = if v.saturating_sub(lo).abs() < v.saturating_sub(hi).abs() {
        lo
    } else {
        hi
    };
    if nearest.is_zero() || v.is_zero() {
        return true;
    }
    let r = v
        .checked_div(nearest)
        .and_then(|r| r.abs().to_f64())
        .unwrap_or(f64::INFINITY);
    (1.0 / MAX_RATIO..=MAX_RATIO).contains(&r) || scale_slip(v, nearest).is_some()
}

#[cfg(test)]
mod tests {
    use super::near;
    use rust_decimal::Decimal;

    #[test]
    fn twenty_times_or_a_scale_slip() {
        let d = |x: i64| Decimal::from(x);
        assert!(near(d(190), d(10), d(10)));
        assert!(!near(d(210), d(10), d(10)));
        // a thousand-fold slip is still about the fact
        assert!(near(d(10_000), d(10), d(10)));
        // the nearer end of a range counts
        assert!(near(d(900), d(10), d(100)));
    }
}
