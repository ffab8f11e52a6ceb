//! What the claim states, from its unit or counted noun: money, percent, an age, a duration, a
//! measure, a count, a multiplier ("three times"), a fraction, or a number that cannot be
//! represented.

use rust_decimal::Decimal;

use super::{Draft, Flow, is_time};
use crate::claim::{ClaimKind, Reading};
use crate::extract::cursor::Cursor;
use crate::lexicon::{Role, UnitKind};

/// Decides the kind; a minor unit ("12 cents") divides the value by 100.
pub(super) fn decide(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    if let Some(id) = d.unit {
        d.kind = match ctx.lex.unit(id).kind {
            UnitKind::Currency => ClaimKind::Currency,
            UnitKind::Percent => ClaimKind::Percent,
            UnitKind::PercentagePoint => ClaimKind::PercentagePoint,
            UnitKind::Physical if d.age => ClaimKind::Age,
            UnitKind::Physical if is_time(ctx, id) => ClaimKind::Duration,
            UnitKind::Physical => ClaimKind::Physical,
        };
        if d.unit_read.as_ref().is_some_and(|r| r.minor) {
            d.value = d.value.map(|v| v / Decimal::ONE_HUNDRED);
            d.high = d.high.map(|v| v / Decimal::ONE_HUNDRED);
            d.precision /= Decimal::ONE_HUNDRED;
        }
    } else if let Some(head) = d.counted.as_deref() {
        // "three times": the noun of a multiplier
        d.kind = if ctx.lex.roles(head).has(Role::MultiplierNoun) {
            ClaimKind::Multiplier
        } else {
            ClaimKind::Count
        };
    }
    if d.num.multiplier {
        d.kind = ClaimKind::Multiplier;
        d.counted = None;
        d.counted_phrase = None;
        d.unit = None;
    } else if d.num.fraction && d.unit.is_none() {
        d.kind = ClaimKind::Fraction;
    }
    if d.num.value.is_none() {
        d.kind = ClaimKind::Unrepresentable;
    }
    Flow::Go
}
