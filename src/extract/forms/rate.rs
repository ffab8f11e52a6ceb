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
    // "a 12-cent-a-share dividend", "$ 70 - a - share": money, then "a" and a noun in hyphens
    let hyphened = [Pat::HYPHEN, Pat::role(Role::A), Pat::HYPHEN, Pat::WORD];
    if money(d, ctx) && ctx.seq(p, &hyphened) && is_noun(ctx, p + 3) {
        d.per = Some(ctx.lex.language().singular(ctx.low(p + 3)));
        d.end = p + 4;
        return Flow::Go;
    }
    if let Some((per, end)) = per_time_after_good(d, ctx, p) {
        d.per = Some(per);
        d.end = end;
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
        && (ctx.number_word(p + 1).is_none() || money_a_noun(d, ctx, p))
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
    let money = money(d, ctx);
    let noun = p + 1;
    let next = noun + 1;
    let ends = !ctx.is_word(next) || ctx.ws(next) >= 2 || ctx.is(next, Role::RateEnd);
    money && ctx.is(p, Role::A) && is_noun(ctx, noun) && ends
}

/// "2.4 billion gallons of jet fuel a year", "300 tonnes of coal per day": a measure, "of", up
/// to three words naming the good, then "a" or "per" and a unit of time that ends the phrase
/// (not "a year earlier"). The rate's time unit and the token after it.
fn per_time_after_good(d: &Draft, ctx: &Cursor, p: usize) -> Option<(String, usize)> {
    let physical = d
        .unit
        .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Physical);
    if !physical || !ctx.is_word(p) || !ctx.is(p, Role::Of) {
        return None;
    }
    let mut k = p + 1;
    while k < p + 4 && ctx.is_word(k) && ctx.ws(k) == 1 && is_plain(ctx, k) {
        k += 1;
    }
    if k == p + 1 || !ctx.is_word(k) || !ctx.is(k, Role::Per | Role::A) || !ctx.is_word(k + 1) {
        return None;
    }
    let &id = ctx.lex.unit_names.get(ctx.low(k + 1))?;
    let ends = !ctx.is_word(k + 2) || !ctx.is(k + 2, Role::TimeAgo);
    (is_time(ctx, id) && ends).then(|| (ctx.lex.unit(id).code.clone(), k + 2))
}

/// A word in lower case that is no function word, number or unit of time.
fn is_plain(ctx: &Cursor, j: usize) -> bool {
    ctx.t(j) == ctx.low(j)
        && !ctx.is(j, Role::Stop)
        && ctx.number_word(j).is_none()
        && !ctx
            .lex
            .unit_names
            .get(ctx.low(j))
            .is_some_and(|&id| is_time(ctx, id))
}

/// The claim is an amount of money.
fn money(d: &Draft, ctx: &Cursor) -> bool {
    d.unit
        .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency)
}

/// A singular noun in lower case at `j` ("share", "dozen"), no function word.
fn is_noun(ctx: &Cursor, j: usize) -> bool {
    let w = ctx.low(j);
    ctx.is_word(j) && ctx.t(j) == w && ctx.lex.language().singular(w) == w && !ctx.is(j, Role::Stop)
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
