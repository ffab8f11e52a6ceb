//! What a number counts: "14,000 Soviet troops", "thousands of job cuts", "a third of those
//! screened", "tens of millions of dollars", "seven million more", "the 12 page document",
//! "517 rushing yards".

use rust_decimal::Decimal;

use super::{Draft, Flow, sentence_span};
use crate::claim::Reading;
use crate::extract::cursor::Cursor;
use crate::extract::nouns::{Counted, attributive_noun, counted_phrase};
use crate::extract::units::read_unit;
use crate::lexicon::{Role, UnitKind};

/// The counted noun after the number, or after "of".
pub(super) fn noun(d: &mut Draft, ctx: &Cursor, prior: &[Reading]) -> Flow {
    if d.unit.is_some() {
        return Flow::Go;
    }
    let n = &d.num;
    let singular = d.value.is_some_and(|v| v == Decimal::ONE) && d.high.is_none();
    if ctx.is(d.end, Role::Of) && (n.vague || n.fraction || n.words || n.scaled || singular) {
        of_phrase(d, ctx);
    } else {
        direct(d, ctx, prior, singular);
    }
    Flow::Go
}

/// "tens of millions of dollars", "a quarter of a mile", "a third of those screened", "one of
/// the best".
fn of_phrase(d: &mut Draft, ctx: &Cursor) {
    let mut q = d.end + 1;
    if let Some(u) = read_unit(ctx, q, false)
        && u.unit
            .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency)
    {
        d.unit = u.unit;
        d.unit_note = u.note;
        d.end = u.end;
    }
    // "1/16 of a US pint", "a quarter of a mile": a fraction of a unit is a measure
    if d.unit.is_none() && d.num.fraction && d.high.is_none() {
        let q2 = if ctx.is(q, Role::A) { q + 1 } else { q };
        let measure = read_unit(ctx, q2, false).filter(|u| {
            !u.age
                && !u.minor
                && u.unit
                    .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Physical)
        });
        if let Some(u) = measure {
            d.unit = u.unit;
            d.unit_note = u.note;
            d.end = u.end;
        }
    }
    if d.unit.is_some() {
        return;
    }
    // "of the", "of their", "of them"
    while ctx.is(q, Role::Determiner | Role::ObjectPronoun) && !ctx.is(q, Role::A) {
        q += 1;
    }
    if let Some(Counted { head, phrase, end }) = counted_phrase(ctx, q, false) {
        d.counted = Some(head);
        d.counted_phrase = Some(phrase);
        if !d.num.fraction {
            d.end = end;
        }
    }
}

/// "14,000 Soviet troops", "one man", "seven million more", "2,000 other staff".
fn direct(d: &mut Draft, ctx: &Cursor, prior: &[Reading], singular: bool) {
    let mut p = d.end;
    let mut more = false;
    if ctx.is(p, Role::Additional) {
        more = ctx.is(p, Role::ContinuesCount);
        p += 1;
    }
    if let Some(Counted { head, phrase, end }) = counted_phrase(ctx, p, singular) {
        // "seven million more than": no noun
        if !(more && ctx.is(p - 1, Role::Comparative) && ctx.is(p, Role::Stop)) {
            d.counted = Some(head);
            d.counted_phrase = Some(phrase);
            d.end = end;
        }
    } else if more {
        // "seven million more": the counted noun of the claim just before, in the sentence
        let sent = sentence_span(ctx, d.num.first);
        if let Some(prev) = prior
            .iter()
            .rev()
            .find(|c| c.sentence == sent && c.counted.is_some())
        {
            d.counted = prev.counted.clone();
            d.counted_phrase = prev.counted_phrase.clone();
            d.end = p;
        }
    }
}

/// "the 12 page document", "a 3 cylinder engine": a singular noun after a number greater than
/// one, used as a modifier, names what the number counts.
pub(super) fn attributive(d: &mut Draft, ctx: &Cursor, prior: &[Reading]) -> Flow {
    let n = &d.num;
    let small_whole = d
        .value
        .is_some_and(|v| v > Decimal::ONE && v <= Decimal::from(1000));
    if !d.bare() || n.words || n.scaled || n.decimals != 0 || !small_whole {
        return Flow::Go;
    }
    if !attributive_noun(ctx, n.end) || n.first == 0 {
        return Flow::Go;
    }
    // after a determiner, or right after another claim ("a 3, 4 or 5 bedroom house")
    let p = n.first - 1;
    let led = ctx.is(p, Role::Determiner | Role::Each)
        || prior
            .last()
            .is_some_and(|c| c.scan_span.end == ctx.toks[p].e as usize);
    if led {
        let w = ctx.t(n.end);
        d.counted = Some(ctx.lex.language().singular(w));
        d.counted_phrase = Some(w.to_string());
        d.end = n.end + 1;
    }
    Flow::Go
}

/// "517 rushing yards": a unit at the head of the counted phrase (written in lower case) is
/// the unit.
pub(super) fn unit_head(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    if d.unit.is_some() {
        return Flow::Go;
    }
    let Some(head) = d.counted.as_deref() else {
        return Flow::Go;
    };
    let lower_case = d.counted_phrase.as_deref().is_some_and(|p| {
        p.rsplit(' ')
            .next()
            .is_some_and(|w| !w.chars().any(char::is_uppercase))
    });
    let Some(&id) = ctx.lex.unit_names.get(head).filter(|_| lower_case) else {
        return Flow::Go;
    };
    if ctx.lex.unit(id).kind == UnitKind::Physical && !ctx.lex.currency_names.contains_key(head) {
        d.unit = Some(id);
        d.counted = None;
        d.counted_phrase = None;
    }
    Flow::Go
}
