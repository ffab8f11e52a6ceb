//! Currency written before a number: "$", "US$", "€", "USD", "Rs", "RM".

use super::readings::resolve;
use crate::extract::cursor::Cursor;
use crate::extract::number::scale;
use crate::lexicon::UnitId;

/// A currency sign or code before a number.
#[derive(Debug, Clone)]
pub(crate) struct Prefix {
    /// The token after it (where the number starts).
    pub after: usize,
    /// The currency.
    pub unit: UnitId,
    /// How an ambiguous sign was read.
    pub note: Option<String>,
}

/// The currency written at token `i` before a number, if one is.
pub(crate) fn prefix(ctx: &Cursor, i: usize) -> Option<Prefix> {
    if !ctx.lex.currency_starts.contains(ctx.t(i)) {
        return None;
    }
    // up to three adjacent tokens: "US" "$", "HK" "$", "$" "US", "A" "$"
    (1..=3).rev().find_map(|k| sign_of(ctx, i, k))
}

/// The currency sign or code of the `k` glued tokens from `i`, when a number follows.
fn sign_of(ctx: &Cursor, i: usize, k: usize) -> Option<Prefix> {
    if i + k > ctx.len() || (1..k).any(|j| !ctx.glued(i + j)) {
        return None;
    }
    let form = &ctx.text[ctx.toks[i].s as usize..ctx.toks[i + k - 1].e as usize];
    let word = ctx.is_word(i);
    if k == 1 && word && form.len() < 2 {
        return None;
    }
    let cf = ctx.lex.currency_symbols.get(form)?;
    // a word form (code, "Rs", "RM") must be followed by a number on the same line
    let after = i + k;
    let number = ctx.is_num(after) || (ctx.ws(after) > 0 && ctx.number_word(after).is_some());
    if !number || (word && ctx.ws(after) > 1) {
        return None;
    }
    // a sign that is also a name ("PS2") counts only before a scaled number ("PS2.7m")
    let scaled_only = cf
        .readings
        .iter()
        .any(|r| r.1.iter().any(|c| c == "@scaled"));
    if scaled_only && !scale::follows(ctx, after) {
        return None;
    }
    let r = resolve(ctx, i, &cf.readings);
    Some(Prefix {
        after,
        unit: r.unit,
        note: r.note(ctx, form),
    })
}
