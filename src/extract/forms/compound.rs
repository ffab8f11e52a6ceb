//! A number glued by a hyphen to a noun counts it: "a 20-member board", "a 3-judge panel"; other
//! such compounds are no claim ("3-D", "96th-minute").

use rust_decimal::Decimal;

use super::{Draft, Flow};
use crate::claim::{ClaimKind, Reading};
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::nouns::plain_word;
use crate::lexicon::{Ending, Role};

/// "a 20-member board": the noun after the hyphen is counted; "3-D" is skipped.
pub(super) fn number_noun(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let e = d.num.end;
    if d.kind != ClaimKind::Number || !ctx.seq(e, &[Pat::sym("-").glued(), Pat::WORD.glued()]) {
        return Flow::Go;
    }
    let n = e + 1;
    let w = ctx.low(n);
    let lang = ctx.lex.language();
    let whole = d
        .value
        .is_some_and(|v| v.fract().is_zero() && v > Decimal::ZERO && v <= Decimal::from(1000));
    let noun = !d.num.scaled
        && !d.num.vague
        && d.end == e
        && whole
        && plain_word(ctx, n)
        && ctx.change(n).is_none()
        && !ctx.at(n + 1, Pat::HYPHEN.glued())
        && !lang.ends_as(w, Ending::Ordinal)
        && !ctx.is(n, Role::MultiplierNoun)
        && !lang.ends_as(w, Ending::PastParticiple)
        && !lang.ends_as(w, Ending::Adverb)
        && ctx.is_word(n + 1);
    if !noun {
        // "96th-minute" style leftovers and "3-D"
        return Flow::Skip(e + 2);
    }
    d.kind = ClaimKind::Count;
    d.counted = Some(lang.singular(w));
    d.counted_phrase = Some(ctx.t(n).to_string());
    d.end = n + 1;
    Flow::Go
}
