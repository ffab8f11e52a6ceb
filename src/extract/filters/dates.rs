//! Days of dates: "20 October", "October 20", "Oct. 31", "the 20 of May".

use rust_decimal::Decimal;

use super::{Reason, Seen, Verdict, drop_if};
use crate::lexicon::Role;

/// A whole number from 1 to 31 written without decimals: a possible day.
fn day(s: &Seen) -> bool {
    s.n.decimals == 0
        && s.n
            .value
            .is_some_and(|v| v.fract().is_zero() && v >= Decimal::ONE && v <= Decimal::from(31))
}

/// A month after the day: "20 October" (a month that is also a verb counts capitalised only:
/// "20 may come").
pub(super) fn day_before_month(s: &Seen) -> Verdict {
    let (c, end) = (s.ctx, s.next());
    let verb = c.is(end, Role::MonthOrVerb) && c.t(end) == c.low(end);
    drop_if(day(s) && c.is(end, Role::Month) && !verb, Reason::Date)
}

/// "the 20 of May".
pub(super) fn day_of_month(s: &Seen) -> Verdict {
    let (c, end) = (s.ctx, s.next());
    drop_if(
        day(s) && c.is(end, Role::Of) && c.is(end + 1, Role::Month),
        Reason::Date,
    )
}

/// A capitalised month before the day: "October 20", "Oct. 31".
pub(super) fn day_after_month(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let c = s.ctx;
    let month = if c.is_sym(p, ".") && p >= 1 { p - 1 } else { p };
    drop_if(
        day(s) && c.is(month, Role::Month) && c.capitalized(month),
        Reason::Date,
    )
}
