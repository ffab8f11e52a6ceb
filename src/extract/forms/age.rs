//! Ages: "aged 25", "over the age of 21", "who was 10", "he will be 35 by then" — and the
//! appositive age after a name ("Smith, 25,") that states nothing to check.

use rust_decimal::Decimal;

use super::{Draft, Flow};
use crate::claim::{ClaimKind, Qualifier, Reading};
use crate::extract::cursor::Cursor;
use crate::extract::tokens::TokKind;
use crate::lexicon::Role;

/// "aged 25", "over the age of 21"; "men aged 18 to 34" defines a group and states nothing.
pub(super) fn aged(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let f = d.first;
    if d.unit.is_some() || d.num.words || f < 1 || !ctx.is_word(f - 1) {
        return Flow::Go;
    }
    let aged = ctx.is(f - 1, Role::Aged)
        || (f >= 2 && ctx.is(f - 1, Role::Of) && ctx.is(f - 2, Role::Age));
    if aged && d.high.is_some() {
        return Flow::Skip(d.end.max(d.num.end));
    }
    if aged
        && d.value
            .is_some_and(|v| v > Decimal::ZERO && v < Decimal::from(130))
    {
        d.unit = Some(ctx.lex.year);
        d.age = true;
    }
    Flow::Go
}

/// "who was 10", "she is 35.", "he will be 35 by then": a person's age stated with a be-verb.
pub(super) fn by_be(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let n = &d.num;
    if d.bare()
        && !n.words
        && n.decimals == 0
        && d.qualifier == Qualifier::Exact
        && d.value
            .is_some_and(|v| v >= Decimal::ONE && v <= Decimal::from(120))
        && person_is(ctx, n.first, n.end)
    {
        d.unit = Some(ctx.lex.year);
        d.age = true;
    }
    Flow::Go
}

/// A person, a be-verb ("was", "turned", "will be"), then the number ends the clause.
fn person_is(ctx: &Cursor, first: usize, end: usize) -> bool {
    if first < 2 || !ctx.same_sentence(first - 2, first) || !ctx.is(first - 1, Role::AgeVerb) {
        return false;
    }
    let mut s = first - 2;
    if ctx.is(first - 1, Role::Be) {
        // "will be", "would be", "to be"
        if !ctx.is(s, Role::Modal) || s == 0 {
            return false;
        }
        s -= 1;
    }
    if !ctx.is(s, Role::Person) {
        return false;
    }
    // the clause ends with the number
    match ctx.kind(end) {
        None => true,
        Some(TokKind::Sym) => matches!(ctx.t(end), "." | "," | ";" | "!" | "?" | ")"),
        Some(TokKind::Word) => ctx.is(end, Role::AfterAge),
        Some(TokKind::Num) => false,
    }
}

/// "Smith, 25, said": an appositive age is no claim.
pub(super) fn appositive(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let n = &d.num;
    if d.kind == ClaimKind::Number
        && !n.words
        && n.first >= 2
        && ctx.is_sym(n.first - 1, ",")
        && ctx.capitalized(n.first - 2)
        && ctx.is_sym(n.end, ",")
        && d.value
            .is_some_and(|v| v < Decimal::from(120) && v.fract().is_zero())
    {
        Flow::Skip(n.end)
    } else {
        Flow::Go
    }
}
