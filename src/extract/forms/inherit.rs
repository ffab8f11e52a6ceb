//! A bare figure takes the unit or noun of a comparable figure in the same sentence: one
//! before it ("6 million homes, including 1.5 million in the capital", "460 cars, compared
//! with 63") or, after the document is read, one a few words after it ("280 million of the 1.5
//! billion shekels").

use rust_decimal::Decimal;

use super::{Draft, Flow, is_time, sentence_span};
use crate::claim::{ClaimKind, Reading};
use crate::extract::cursor::Cursor;
use crate::lexicon::{Language, Role};

/// Are two values within a factor of 100 of each other (neither zero)?
fn comparable(a: Decimal, b: Decimal) -> bool {
    let (a, b) = (a.abs(), b.abs());
    !a.is_zero()
        && !b.is_zero()
        && a.min(b)
            .checked_mul(Decimal::ONE_HUNDRED)
            .is_some_and(|m| a.max(b) <= m)
}

/// The unit, noun and rate of the claim just before, in the same sentence, when the figures
/// are comparable and that claim is a count, a percentage or (for a scaled figure) money.
pub(super) fn from_figure_before(d: &mut Draft, ctx: &Cursor, prior: &[Reading]) -> Flow {
    let n = &d.num;
    if d.kind != ClaimKind::Number
        || n.vague
        || n.fraction
        || d.unit.is_some()
        || d.counted.is_some()
        || (n.words && !n.scaled)
    {
        return Flow::Go;
    }
    let sent = sentence_span(ctx, n.first);
    let (Some(prev), Some(v)) = (prior.last().filter(|c| c.sentence == sent), d.value) else {
        return Flow::Go;
    };
    let kind_ok = match prev.kind {
        ClaimKind::Count | ClaimKind::Percent | ClaimKind::PercentagePoint => true,
        ClaimKind::Currency => {
            n.scaled && prev.value.is_some_and(|pv| pv.abs() >= Decimal::from(1000))
        }
        _ => false,
    };
    if !kind_ok || !prev.value.is_some_and(|pv| comparable(pv, v)) {
        return Flow::Go;
    }
    d.kind = prev.kind;
    d.unit = prev.unit;
    d.counted = prev.counted.clone();
    d.counted_phrase = prev.counted_phrase.clone();
    if d.per.is_none() {
        d.per = prev.per.clone();
    }
    // "an average of 20 per week"
    let e = d.end;
    if d.per.is_none()
        && ctx.is(e, Role::Per)
        && ctx.is_word(e + 1)
        && let Some(&id) = ctx.lex.unit_names.get(ctx.low(e + 1))
        && is_time(ctx, id)
    {
        d.per = Some(ctx.lex.unit(id).code.clone());
        d.end += 2;
    }
    Flow::Go
}

/// "280 million of the 1.5 billion shekels", "at 2,483 while Florida had 1,385 strikes": a
/// bare figure in digits takes the unit of a comparable figure a few words later in the same
/// clause.
pub(crate) fn from_figure_after(text: &str, lang: &dyn Language, claims: &mut [Reading]) {
    for i in 1..claims.len() {
        let (before, after) = claims.split_at_mut(i);
        let c = &mut before[i - 1];
        let n = &after[0];
        if takes_from(text, lang, c, n) {
            c.kind = n.kind;
            c.unit = n.unit;
            c.unit_note = n.unit_note.clone();
            c.counted = n.counted.clone();
            c.counted_phrase = n.counted_phrase.clone();
            if c.per.is_none() {
                c.per = n.per.clone();
            }
        }
    }
}

/// Does the bare figure `c` take the unit of `n`, the claim after it?
fn takes_from(text: &str, lang: &dyn Language, c: &Reading, n: &Reading) -> bool {
    let bare = c.kind == ClaimKind::Number
        && c.unit.is_none()
        && c.counted.is_none()
        && !c.vague
        && c.value_high.is_none();
    let giver = n.sentence == c.sentence
        && matches!(
            n.kind,
            ClaimKind::Count | ClaimKind::Currency | ClaimKind::Physical
        )
        && n.value_high.is_none();
    let (Some(a), Some(b)) = (c.value, n.value) else {
        return false;
    };
    if !bare || !giver || !comparable(a, b) {
        return false;
    }
    // the figure is written in digits; the gap is a few words with no clause punctuation
    let own = text.get(c.scan_span.start..c.scan_span.end).unwrap_or("");
    let Some(gap) = text.get(c.scan_span.end..n.scan_span.start) else {
        return false;
    };
    own.bytes().any(|b| b.is_ascii_digit())
        && gap.split_whitespace().count() <= 7
        && !gap
            .bytes()
            .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'.' | b'!' | b'?'))
        && !gap.bytes().any(|b| b.is_ascii_digit())
        // "0.41 of its shares and $1.50": the figure counts a noun of its own
        && !gap
            .split_whitespace()
            .any(|w| w.len() > 3 && lang.regular_plural(w))
}
