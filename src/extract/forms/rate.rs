//! Rates: "$14.95 a month", "per barrel", "12 cents per share", "/month", "£24 a-year",
//! "$30 per square foot", "$75 U.S. per barrel" — and counts per time ("3,000 tests a day").

use super::{Draft, Flow, is_time};
use crate::claim::Reading;
use crate::extract::cursor::{Cursor, Pat};
use crate::lexicon::{Role, UnitKind};

/// The denominator of a rate after an amount with a unit, or after any number.
pub(super) fn per_unit(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    if !(d.unit.is_some() || d.num.words || ctx.is_num(d.num.first)) {
        return Flow::Go;
    }
    let p = after_country(d, ctx);
    // "£24 a-year"
    let form = [Pat::role(Role::A), Pat::HYPHEN.glued(), Pat::WORD.glued()];
    if d.unit.is_some()
        && ctx.seq(p, &form)
        && let Some(&id) = ctx.lex.unit_names.get(ctx.low(p + 2))
        && is_time(ctx, id)
    {
        d.per = Some(ctx.lex.unit(id).code.clone());
        d.end = p + 3;
        return Flow::Go;
    }
    let per_word = ctx.is(p, Role::Per | Role::A | Role::Each)
        || ctx.seq(p, &[Pat::sym("/").glued(), Pat::WORD.glued()]);
    if !per_word || d.unit.is_none() || !ctx.is_word(p + 1) {
        return Flow::Go;
    }
    // "per square foot"
    let multi = crate::extract::units::read_unit(ctx, p + 1, false).filter(|u| {
        u.end > p + 2
            && u.unit
                .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Physical)
    });
    if let Some(u) = multi {
        d.per = u.unit.map(|id| ctx.lex.unit(id).code.clone());
        d.end = u.end;
        return Flow::Go;
    }
    let w = ctx.low(p + 1);
    let unit = ctx.lex.unit_names.get(w).copied();
    let is_unit = unit.is_some()
        || ctx.lex.unit_symbols.contains_key(ctx.t(p + 1))
        || money_a_noun(d, ctx, p);
    // "£125m a year earlier" is a time, not a rate
    let time_ago = ctx.is(p + 2, Role::TimeAgo);
    if (is_unit || !ctx.is(p, Role::A))
        && !time_ago
        && !ctx.is(p + 1, Role::Stop)
        && ctx.number_word(p + 1).is_none()
    {
        d.per = Some(match unit {
            Some(id) => ctx.lex.unit(id).code.clone(),
            None => ctx.lex.language().singular(w),
        });
        d.end = p + 2;
    }
    Flow::Go
}

/// "$1.40 a share", "12 cents a dozen", "470 pence a share,": money, "a", then a singular noun
/// that ends the phrase, is a price per that noun.
fn money_a_noun(d: &Draft, ctx: &Cursor, p: usize) -> bool {
    let money = d
        .unit
        .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency);
    let noun = p + 1;
    let w = ctx.low(noun);
    let next = noun + 1;
    let ends = !ctx.is_word(next) || ctx.ws(next) >= 2 || ctx.is(next, Role::RateEnd);
    money
        && ctx.is(p, Role::A)
        && ctx.t(noun) == w
        && ctx.lex.language().singular(w) == w
        && !ctx.is(noun, Role::Stop)
        && ends
}

/// "$75 U.S. per barrel", "$5 US a share": after an amount of money, the currency's country
/// may stand before the rate. The token the rate starts at.
fn after_country(d: &Draft, ctx: &Cursor) -> usize {
    let p = d.end;
    let money = d.had_currency
        || d.unit
            .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency);
    if !money {
        return p;
    }
    let country =
        |i: usize| ctx.is(i, Role::CurrencyCountry) && ctx.t(i).chars().all(char::is_uppercase);
    let dotted = ctx
        .lex
        .dotted_words(Role::CurrencyCountry.into())
        .map(|w| (w, 2 * w.matches('.').count()))
        .find(|&(w, n)| ctx.spells_before(p + n, w, true));
    let skip = match dotted {
        Some((_, n)) => n,
        None if country(p) => 1,
        None => 0,
    };
    if skip > 0 && ctx.is(p + skip, Role::Per | Role::A) && ctx.same_sentence(p, p + skip) {
        p + skip
    } else {
        p
    }
}

/// "3,000 tests per day", "20 flights a week": a count per unit of time.
pub(super) fn count_per_time(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let e = d.end;
    if d.unit.is_some()
        || d.counted.is_none()
        || d.per.is_some()
        || !ctx.is(e, Role::Per | Role::A | Role::Each)
        || !ctx.is_word(e + 1)
    {
        return Flow::Go;
    }
    if let Some(&id) = ctx.lex.unit_names.get(ctx.low(e + 1))
        && is_time(ctx, id)
    {
        d.per = Some(ctx.lex.unit(id).code.clone());
        d.end += 2;
    }
    Flow::Go
}
