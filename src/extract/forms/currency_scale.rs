//! A scale word after a currency written after its number: "75 USD million", "40 euros
//! billion" — the order tables and some wire copy use ("USD million" as a column's unit).

use super::{Draft, Flow};
use crate::claim::Reading;
use crate::extract::cursor::Cursor;
use crate::extract::number::scale::apply_scale;
use crate::lexicon::UnitKind;

/// After "N USD" (a currency read after a number that has no scale of its own): a scale word
/// written apart ("million", "bn") multiplies the amount, and the claim ends after it.
pub(super) fn after_currency(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let (Some(unit), Some(read)) = (d.unit, d.unit_read.as_ref()) else {
        return Flow::Go;
    };
    let j = d.end;
    if read.minor
        || d.num.scaled
        || d.high.is_some()
        || ctx.lex.unit(unit).kind != UnitKind::Currency
        || !ctx.is_word(j)
        || ctx.ws(j) != 1
        || !ctx.same_sentence(d.num.first, j)
    {
        return Flow::Go;
    }
    let Some(scale) = ctx.lex.scales.get(ctx.low(j)).filter(|s| s.spaced) else {
        return Flow::Go;
    };
    apply_scale(&mut d.num, scale.multiplier);
    d.value = d.num.value;
    d.precision = d.num.precision;
    d.end = j + 1;
    Flow::Go
}
