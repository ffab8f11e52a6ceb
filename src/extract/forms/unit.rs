//! The unit right after the number ("10 km", "3.5%", "500 roubles"), adjectival units
//! ("18-month", "five-year", "a 50-year-old") and a dollar amount in brackets after another
//! dollar ("10.5 million Australian dollars ($7.5 million)").

use super::{Draft, Flow};
use crate::claim::{ClaimKind, Reading};
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::units::read_unit;
use crate::lexicon::Role;

/// The sign of a dollar amount in brackets after an amount in another dollar, and the currency
/// such a conversion is into: news converts into US dollars.
const CONVERSION_SIGN: &str = "$";
/// See [`CONVERSION_SIGN`].
const CONVERSION_CODE: &str = "USD";

/// A percent sign or a unit after the number (attached or spaced), before a range partner.
pub(super) fn after_number(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    if d.unit.is_some() {
        return Flow::Go;
    }
    if ctx.is_sym(d.end, "%") && ctx.ws(d.end) <= 1 {
        d.unit = Some(ctx.lex.percent);
        d.end += 1;
    } else if let Some(u) = read_unit(ctx, d.end, false) {
        d.take_unit(&u);
        d.unit_read = Some(u);
    }
    Flow::Go
}

/// "18-month", "five-year", "10-page", "185-hp", "50-year-old".
pub(super) fn adjectival(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    if d.unit.is_some() || !ctx.at(d.end, Pat::HYPHEN.glued()) || !ctx.glued(d.end + 1) {
        return Flow::Go;
    }
    let Some(u) = read_unit(ctx, d.end + 1, false) else {
        return Flow::Go;
    };
    d.take_unit(&u);
    d.unit_read = Some(u);
    // "-year-old"
    if ctx.seq(d.end, &[Pat::HYPHEN.glued(), Pat::role(Role::Old)]) {
        d.age = true;
        d.end += 2;
    }
    Flow::Go
}

/// "10.5 million Australian dollars ($7.5 million)": the bracketed dollar amount is a
/// conversion into US dollars, whatever cue the sentence has.
pub(super) fn bracketed_conversion(d: &mut Draft, ctx: &Cursor, prior: &[Reading]) -> Flow {
    let s = d.start;
    if !d.had_currency || s < 2 || !ctx.is_sym(s - 1, "(") || ctx.t(s) != CONVERSION_SIGN {
        return Flow::Go;
    }
    let (Some(prev), Some(&usd)) = (prior.last(), ctx.lex.currency_codes.get(CONVERSION_CODE))
    else {
        return Flow::Go;
    };
    let before = ctx.toks[s - 2].e as usize;
    if prev.scan_span.end == before
        && prev.kind == ClaimKind::Currency
        && prev.unit == d.unit
        && d.unit != Some(usd)
    {
        d.unit = Some(usd);
        d.unit_note = Some(format!(
            "'{CONVERSION_SIGN}' read as {CONVERSION_CODE}: a conversion in brackets after another dollar"
        ));
    }
    Flow::Go
}
