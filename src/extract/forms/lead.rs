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

/// A minus sign glued to the number, not after a number or glued to a word: "-5C", "−3%".
fn minus_sign(ctx: &Cursor, lead: &mut Lead) -> Result<(), usize> {
    let j = lead.at;
    let sign = ctx.kind(j) == Some(TokKind::Sym) && matches!(ctx.t(j), "-" | "−");
    if !sign
        || !ctx.at(j + 1, Pat::NUM.glued())
        || !(ctx.ws(j) > 0 || j == 0)
        || lead.currency.is_some()
    {
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
