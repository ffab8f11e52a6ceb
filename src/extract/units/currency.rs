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
    let glued_dollar = ctx.is_word(i) && ctx.t(i + 1) == "$" && ctx.glued(i + 1);
    if !ctx.lex.currency_starts.contains(ctx.t(i)) && !tokenised_sign(ctx, i) && !glued_dollar {
        return None;
    }
    // up to three adjacent tokens: "US" "$", "HK" "$", "$" "US", "A" "$"
    (1..=3).rev().find_map(|k| sign_of(ctx, i, k))
}

/// The currency sign or code of the `k` glued tokens from `i`, when a number follows. Two
/// tokens may stand apart as tokenised text writes them ("c $ 16.4 million", "hk $ 10"), but
/// not after "a" ("a $5m deal" is no Australian dollar); a code glued to a dollar sign names the
/// dollar ("aud$ 15", "NZD$15").
fn sign_of(ctx: &Cursor, i: usize, k: usize) -> Option<Prefix> {
    if i + k > ctx.len() {
        return None;
    }
    let apart = k == 2 && tokenised_sign(ctx, i);
    if !apart && (1..k).any(|j| !ctx.glued(i + j)) {
        return None;
    }
    let joined;
    let form = if apart || (k == 2 && ctx.is_word(i) && ctx.t(i + 1) == "$") {
        joined = code_dollar(ctx, i);
        joined.as_str()
    } else {
        &ctx.text[ctx.toks[i].s as usize..ctx.toks[i + k - 1].e as usize]
    };
    let word = ctx.is_word(i);
    if k == 1 && word && form.len() < 2 {
        return None;
    }
    let lower = form.to_lowercase();
    let cf = ctx
        .lex
        .currency_symbols
        .get(form)
        .or_else(|| {
            // "c $", "hk$": a dollar the currency table names in lower case
            let named = ctx.lex.currency_names.get(&lower);
            named.or_else(|| ctx.lex.currency_names.get(&lower.replace('$', " $")))
        })
        .or_else(|| {
            // "aud$", "NZD$": the code's currency
            let code = form.strip_suffix('$')?;
            ctx.lex.currency_symbols.get(code)
        })?;
    // a word form (code, "Rs", "RM") must be followed by a number on the same line
    let after = i + k;
    let signed = matches!(ctx.t(after), "-" | "−")
        && !word
        && ctx.glued(after)
        && ctx.is_num(after + 1)
        && ctx.glued(after + 1);
    let number =
        ctx.is_num(after) || signed || (ctx.ws(after) > 0 && ctx.number_word(after).is_some());
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
    if cf.readings.is_empty() {
        return None;
    }
    let r = resolve(ctx, i, &cf.readings);
    Some(Prefix {
        after,
        unit: r.unit,
        note: r.note(ctx, form),
    })
}

/// Letters then a dollar sign written apart, as tokenised text writes them ("c $", "hk $", "US
/// $"): not the article "a".
fn tokenised_sign(ctx: &Cursor, i: usize) -> bool {
    let w = ctx.t(i);
    ctx.is_word(i)
        && ctx.t(i + 1) == "$"
        && ctx.ws(i + 1) == 1
        && (1..=3).contains(&w.len())
        && !w.eq_ignore_ascii_case("a")
        && (w.bytes().all(|b| b.is_ascii_lowercase()) || w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The letters before a dollar sign joined to it ("hk $" -> "hk$", "AUD$").
fn code_dollar(ctx: &Cursor, i: usize) -> String {
    let w = ctx.t(i);
    if w.len() == 3 {
        format!("{}$", w.to_ascii_uppercase())
    } else {
        format!("{w}$")
    }
}
