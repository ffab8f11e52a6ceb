//! Sentence boundaries over the tokens: a stop, then a capital, digit or opening quote; a blank
//! line; never after an abbreviation, an initial or a month ("Oct. 31"). Runaway sentences are
//! cut so that the work per claim stays bounded.

use super::tokens::{Tok, TokKind};
use crate::lexicon::{Role, WordInfo};

/// Past this many tokens a sentence ends at the next stop or line break.
const SOFT_SENTENCE_TOKENS: usize = 150;
/// Past this many tokens a sentence ends wherever it is.
const HARD_SENTENCE_TOKENS: usize = 400;

/// The index of the first token of each sentence; `info` holds what the lexicon knows about
/// each word token.
pub(crate) fn sentence_starts(text: &str, toks: &[Tok], info: &[Option<&WordInfo>]) -> Vec<usize> {
    let sym = |t: Tok| {
        if t.kind == TokKind::Sym {
            &text[t.s as usize..t.e as usize]
        } else {
            ""
        }
    };
    let mut starts = vec![0];
    for i in 1..toks.len() {
        let t = toks[i];
        let p = sym(toks[i - 1]);
        let len = i - starts.last().copied().unwrap_or(0);
        let ends = t.ws >= 3
            || len >= HARD_SENTENCE_TOKENS
            || (len >= SOFT_SENTENCE_TOKENS && (t.ws >= 2 || matches!(p, "." | "!" | "?" | ";")))
            || (t.ws > 0 && stop_then_start(text, toks, info, i, p));
        if ends {
            starts.push(i);
        }
    }
    starts
}

/// Does a sentence end between token `i - 1` (the symbol `p`, or "") and token `i`?
fn stop_then_start(
    text: &str,
    toks: &[Tok],
    info: &[Option<&WordInfo>],
    i: usize,
    p: &str,
) -> bool {
    let t = toks[i];
    if !matches!(p, "." | "!" | "?" | "…") {
        // a closing quote after the stop
        if matches!(p, "\"" | "”" | "’" | "'" | ")") && i >= 2 {
            let pp = toks[i - 2];
            let ppc = &text[pp.s as usize..pp.e as usize];
            return matches!(ppc, "." | "!" | "?") && starts_with_upper(text, t);
        }
        return false;
    }
    if !(starts_with_upper(text, t) || t.kind == TokKind::Num || is_open_quote(text, t)) {
        return false;
    }
    // "Mr. Smith", "J. Smith", "Oct. 31": a full stop glued to an abbreviation, an initial or
    // a month ends nothing
    if p == "." && i >= 2 {
        let w = toks[i - 2];
        if w.kind == TokKind::Word && toks[i - 1].ws == 0 {
            let one_letter = w.e - w.s == 1;
            let roles = info[i - 2].map(|w| w.roles).unwrap_or_default();
            if one_letter || roles.any(Role::Abbreviation | Role::Month) {
                return false;
            }
        }
    }
    true
}

fn starts_with_upper(text: &str, t: Tok) -> bool {
    text[t.s as usize..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

fn is_open_quote(text: &str, t: Tok) -> bool {
    matches!(
        &text[t.s as usize..t.e as usize],
        "\"" | "“" | "‘" | "'" | "("
    )
}
