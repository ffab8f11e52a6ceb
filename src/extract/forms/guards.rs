//! Numbers that are read but state nothing: number words in names and idioms ("BBC One", "no
//! one", "one another", "the second half"), a fraction in a compound ("half-staff"), and
//! numbers the filters drop (dates, times, years, labels, identifiers).

use super::{Draft, Flow};
use crate::claim::Reading;
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::filters;
use crate::extract::units::read_unit;
use crate::lexicon::Role;

/// A number word that is part of a pronoun, an idiom, a name or a period.
pub(super) fn word_number(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let n = &d.num;
    if !n.words {
        return Flow::Go;
    }
    let first = n.first;
    let skip = Flow::Skip(n.end);
    if first > 0 {
        let p = first - 1;
        // "the one", "every half"
        if ctx.is(p, Role::DeterminerBlock)
            && ctx.ws(first) > 0
            && ctx.is(first, Role::One | Role::Half)
        {
            return skip;
        }
        // "no-one", "any-one"
        if ctx.is_hyphen(p) && ctx.glued(first) {
            return skip;
        }
        // "BBC One", "Formula One", "Channel Four": a capitalised number word inside a
        // sentence is part of a name (unless a quote or bracket opens before it)
        let opens = ["\"", "“", "(", ":"].iter().any(|s| ctx.is_sym(p, s));
        if ctx.capitalized(first) && first != ctx.sentence_first(first) && !opens {
            return skip;
        }
        // "number one keeper", "chapter three", "the top ten"
        if ctx.at(p, Pat::role(Role::Label)) && ctx.same_sentence(p, first) {
            return skip;
        }
    }
    // "one another", "one day", "one way"
    if ctx.is(first, Role::One) && ctx.is(n.end, Role::AfterOne) {
        return skip;
    }
    // "the first half of 2004", "at half time": a period, not a share
    let half = ctx.is(first, Role::Half) && n.end == first + 1;
    let period =
        (first > 0 && ctx.is(first - 1, Role::WhichHalf)) || ctx.is(n.end, Role::PeriodAfterHalf);
    if half && period {
        return skip;
    }
    Flow::Go
}

/// A fraction word glued by a hyphen to a word that is no unit: "half-staff", "half-hearted".
pub(super) fn fraction_compound(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let n = &d.num;
    if n.words
        && n.fraction
        && ctx.seq(n.end, &[Pat::HYPHEN.glued(), Pat::WORD.glued()])
        && read_unit(ctx, n.end + 1, false).is_none()
    {
        Flow::Skip(n.end + 2)
    } else {
        Flow::Go
    }
}

/// Dates, times, years, labels, identifiers, list numbers: the filters.
pub(super) fn not_a_claim(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    match filters::non_claim(ctx, &d.num, d.had_currency) {
        Some(_) => Flow::Skip(filters::skip_glued(ctx, d.num.end)),
        None => Flow::Go,
    }
}
