//! What may come before the number: a currency sign or code ("$", "US$", "USD"), a minus sign
//! or the word "minus".

use super::{Draft, Flow};
use crate::claim::Reading;
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::tokens::TokKind;
use crate::extract::units::currency::{Prefix, prefix};
use crate::lexicon::Role;

/// What stands before the number.
#[derive(Debug, Clone)]
pub(crate) struct Lead {
    /// The token reading started at.
    pub start: usize,
    /// The token the number starts at.
    pub at: usize,
    /// A currency written before the number.
    pub currency: Option<Prefix>,
    /// A minus before the number.
    pub negative: bool,
}

/// The lead at token `i`; `Err(next)` when a minus sign there is a hyphen, not a sign.
pub(crate) fn read(ctx: &Cursor, i: usize) -> Result<Lead, usize> {
    if let Some(lead) = minus_before_currency(ctx, i) {
        return Ok(lead);
    }
    let currency = prefix(ctx, i);
    let mut lead = Lead {
        start: i,
        at: currency.as_ref().map(|c| c.after).unwrap_or(i),
        currency,
        negative: false,
    };
    minus_sign(ctx, &mut lead)?;
    minus_word(ctx, &mut lead);
    Ok(lead)
}

/// Is token `j` a minus sign?
fn is_minus(ctx: &Cursor, j: usize) -> bool {
    ctx.kind(j) == Some(TokKind::Sym) && matches!(ctx.t(j), "-" | "−")
}

/// A minus before a currency sign glued to its number: "-$5m", "−£3bn" (not after a word or
/// number it is glued to: "pre-$5m" is a hyphen).
fn minus_before_currency(ctx: &Cursor, i: usize) -> Option<Lead> {
    if !is_minus(ctx, i) || !ctx.glued(i + 1) || !(i == 0 || ctx.ws(i) > 0) {
        return None;
    }
    let currency = prefix(ctx, i + 1)?;
    if !ctx.at(currency.after, Pat::NUM.glued()) {
        return None;
    }
    Some(Lead {
        start: i,
        at: currency.after,
        currency: Some(currency),
        negative: true,
    })
}

/// A minus sign glued to the number, not after a number or glued to a word: "-5C", "−3%"; or
/// between a currency sign and its number: "$-5m", "€-3bn".
fn minus_sign(ctx: &Cursor, lead: &mut Lead) -> Result<(), usize> {
    let j = lead.at;
    if !is_minus(ctx, j) || !ctx.at(j + 1, Pat::NUM.glued()) {
        return Ok(());
    }
    if lead.currency.is_some() {
        if ctx.glued(j) {
            lead.negative = true;
            lead.at += 1;
        }
        return Ok(());
    }
    if !(ctx.ws(j) > 0 || j == 0) {
        return Ok(());
    }
    let after_number = j > 0 && ctx.is_num(j - 1);
    if after_number || (j > 0 && ctx.is_word(j - 1) && ctx.glued(j)) {
        return Err(lead.start + 1);
    }
    lead.negative = true;
    lead.at += 1;
    Ok(())
}

/// The word "minus": "minus 5", "minus-5".
fn minus_word(ctx: &Cursor, lead: &mut Lead) {
    let j = lead.at;
    if !ctx.is(j, Role::Minus) {
        return;
    }
    if ctx.is_num(j + 1) {
        lead.negative = true;
        lead.at += 1;
    } else if ctx.seq(j + 1, &[Pat::HYPHEN, Pat::NUM]) {
        lead.negative = true;
        lead.at += 2;
    }
}

/// Applies the minus, once the number is known to be a claim.
pub(super) fn apply_sign(d: &mut Draft, _: &Cursor, _: &[Reading]) -> Flow {
    if d.negative {
        d.num.value = d.num.value.map(|v| -v);
        d.value = d.num.value;
    }
    Flow::Go
}
