//! A number left hanging on a hyphen shares the unit or noun of the last number in its
//! series: "four-, five- and six-cylinder engines", "7- or 8-inch screens".

use super::{Draft, Flow};
use crate::claim::Reading;
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::nouns::plain_word;
use crate::extract::units::{UnitRead, read_unit};
use crate::lexicon::{Ending, NumberWordKind, Role};

/// What the last number of a series is of.
enum Shared {
    Unit(UnitRead),
    Noun(String),
}

/// "four-," or "7- or": takes the unit or noun of the number ending the series.
pub(super) fn hanging_hyphen(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let e = d.num.end;
    let link = ctx.is_sym(e + 1, ",")
        || (ctx.ws(e + 1) > 0 && ctx.is(e + 1, Role::And | Role::Or | Role::To));
    if !d.bare() || !ctx.at(e, Pat::HYPHEN.glued()) || !link {
        return Flow::Go;
    }
    match shared(ctx, e + 1) {
        Some(Shared::Unit(u)) => {
            d.unit = u.unit;
            d.unit_note = u.note;
            d.age = u.age;
        }
        Some(Shared::Noun(w)) => {
            d.counted = Some(ctx.lex.language().singular(&w));
            d.counted_phrase = Some(w);
        }
        None => return Flow::Go,
    }
    d.end = e + 1;
    Flow::Go
}

/// After a hanging "four-": the unit ("8-inch") or noun ("six-cylinder") of the number that
/// ends the series, when only numbers, hyphens, commas and "and"/"or"/"to" come between.
fn shared(ctx: &Cursor, from: usize) -> Option<Shared> {
    let mut k = from;
    while k < from + 10 && ctx.same_sentence(from, k) {
        let number = ctx.is_num(k)
            || ctx
                .number_word(k)
                .is_some_and(|nw| matches!(nw.kind, NumberWordKind::Unit | NumberWordKind::Ten));
        if number && ctx.at(k + 1, Pat::HYPHEN.glued()) && ctx.glued(k + 2) {
            return last_of_series(ctx, k + 2);
        }
        let link = number
            || ctx.is_sym(k, ",")
            || ctx.is_hyphen(k)
            || ctx.is(k, Role::And | Role::Or | Role::To);
        if !link {
            return None;
        }
        k += 1;
    }
    None
}

/// The unit or noun glued by a hyphen to the last number of a series, at token `k`.
fn last_of_series(ctx: &Cursor, k: usize) -> Option<Shared> {
    if !ctx.is_word(k) {
        return None;
    }
    if let Some(u) = read_unit(ctx, k, false) {
        return u.unit.is_some().then_some(Shared::Unit(u));
    }
    let lang = ctx.lex.language();
    let w = ctx.low(k);
    let noun = plain_word(ctx, k)
        && !lang.ends_as(w, Ending::Adverb)
        && !lang.ends_as(w, Ending::Ordinal)
        && !ctx.at(k + 1, Pat::HYPHEN.glued());
    noun.then(|| Shared::Noun(ctx.t(k).to_string()))
}
