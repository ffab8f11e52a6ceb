//! An amount in a currency and its minor unit written as one price: "3 dollars 50 cents",
//! "thirteen dollars and forty-five cents", "15 dollars 50", "17 USD 25".

use rust_decimal::Decimal;

use super::{Draft, Flow};
use crate::claim::Reading;
use crate::extract::cursor::Cursor;
use crate::extract::number;
use crate::lexicon::{Role, UnitKind, normalise_name};

/// After "N dollars" (a currency read after a whole number): an optional "and", then a whole
/// number below 100, then the currency's minor unit ("cents") or the end of the phrase (a
/// punctuation mark, a function word, the end). The price is N and that many hundredths.
pub(super) fn after_major(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let (Some(unit), Some(read), Some(value)) = (d.unit, d.unit_read.as_ref(), d.value) else {
        return Flow::Go;
    };
    if read.minor
        || d.high.is_some()
        || ctx.lex.unit(unit).kind != UnitKind::Currency
        || !value.fract().is_zero()
        || d.num.scaled
    {
        return Flow::Go;
    }
    let mut j = d.end;
    if ctx.is_word(j) && ctx.is(j, Role::And) && ctx.ws(j) == 1 {
        j += 1;
    }
    if ctx.ws(j) != 1 || !ctx.same_sentence(d.end, j) {
        return Flow::Go;
    }
    let Some(cents) = number::read(ctx, j) else {
        return Flow::Go;
    };
    let Some(c) = cents.value else {
        return Flow::Go;
    };
    if cents.high.is_some()
        || cents.scaled
        || !c.fract().is_zero()
        || c <= Decimal::ZERO
        || c >= Decimal::ONE_HUNDRED
        || (!cents.words && cents.integer_digits != Some(2) && !minor_of(ctx, cents.end, unit))
    {
        return Flow::Go;
    }
    let end = if minor_of(ctx, cents.end, unit) {
        cents.end + 1
    } else if ends_phrase(ctx, cents.end) {
        cents.end
    } else {
        return Flow::Go;
    };
    d.value = Some(value + c / Decimal::ONE_HUNDRED);
    d.precision = Decimal::new(1, 2);
    d.end = end;
    Flow::Go
}

/// Is the word at `j` a minor unit of `unit` ("cents" of the dollar)?
fn minor_of(ctx: &Cursor, j: usize, unit: crate::lexicon::UnitId) -> bool {
    ctx.is_word(j)
        && ctx.ws(j) == 1
        && ctx
            .lex
            .minor_currency
            .get(&normalise_name(ctx.t(j)))
            .is_some_and(|r| r.readings.iter().any(|(u, _)| *u == unit))
}

/// Nothing that a number could count or measure follows token `j`'s position.
fn ends_phrase(ctx: &Cursor, j: usize) -> bool {
    if ctx.is_num(j) {
        return false;
    }
    !ctx.is_word(j) || ctx.is(j, Role::Stop) && !ctx.is(j, Role::And)
}
