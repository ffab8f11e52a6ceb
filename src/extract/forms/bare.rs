//! Bare numbers that state nothing: small word numbers with nothing counted ("two of them"
//! aside), vague amounts without "of" ("thousands"), and ranges of days ("from 6 to 9
//! January").

use rust_decimal::Decimal;

use super::{Draft, Flow};
use crate::claim::{ClaimKind, Reading};
use crate::extract::cursor::Cursor;
use crate::lexicon::Role;

/// A small number in words, or a fraction or vague amount in words, with nothing counted.
pub(super) fn word_numbers(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let n = &d.num;
    if !n.words || d.kind != ClaimKind::Number {
        return Flow::Go;
    }
    let small = d.value.is_some_and(|v| v < Decimal::from(100));
    if !n.vague && (small || n.fraction) {
        return Flow::Skip(n.end);
    }
    if n.vague && !ctx.is(n.end, Role::Of) {
        return Flow::Skip(n.end);
    }
    Flow::Go
}

/// "from 6 to 9 January": a range of days.
pub(super) fn day_range(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let day = |v: Decimal| v <= Decimal::from(31);
    if d.kind == ClaimKind::Number
        && ctx.is(d.end, Role::Month)
        && ctx.capitalized(d.end)
        && d.value.is_some_and(day)
        && d.high.is_none_or(day)
    {
        Flow::Skip(d.end + 1)
    } else {
        Flow::Go
    }
}
