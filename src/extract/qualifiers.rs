//! What stands before a number and bounds or directs it: qualifier phrases ("more than",
//! "about", "approx.") and the change a verb states ("rose by 5%").

use super::cursor::Cursor;
use super::tokens::TokKind;
use crate::claim::{Direction, Qualifier};
use crate::lexicon::Role;

/// The qualifier phrase ending just before token `i` (`qualifiers.csv`, longest first) and
/// its first token. A phrase ending in a full stop ("approx.", "c.") may be written with it.
pub(crate) fn qualifier_before(ctx: &Cursor, i: usize) -> Option<(Qualifier, usize)> {
    if let Some(found) = sign_before(ctx, i) {
        return Some(found);
    }
    if i >= 1
        && ctx.is_word(i - 1)
        && let Some(found) = phrase_ending(ctx, i, false)
    {
        return Some(found);
    }
    if i >= 2 && ctx.is_sym(i - 1, ".") && ctx.is_word(i - 2) {
        return phrase_ending(ctx, i - 1, true);
    }
    None
}

/// A sign the table lists as a qualifier right before the number ("~5%", "< 200", "≥ 3"), not
/// at the start of a line (where "> " marks a quoted line).
fn sign_before(ctx: &Cursor, i: usize) -> Option<(Qualifier, usize)> {
    let s = i.checked_sub(1)?;
    let at_line_start = s == 0 || ctx.ws(s) >= 2;
    if ctx.kind(s) != Some(TokKind::Sym) || ctx.ws(i) > 1 || at_line_start {
        return None;
    }
    let phrases = ctx.lex.qualifiers_by_last.get(ctx.t(s))?;
    phrases
        .iter()
        .find(|(words, _)| words.len() == 1)
        .map(|(_, q)| (*q, s))
}

/// A qualifier phrase whose last word is token `i - 1`; with `dotted`, only one whose last word
/// is written with a full stop in the table, and no matter where the sentence splitter put it.
fn phrase_ending(ctx: &Cursor, i: usize, dotted: bool) -> Option<(Qualifier, usize)> {
    let phrases = ctx.lex.qualifiers_by_last.get(ctx.low(i - 1))?;
    phrases.iter().find_map(|(words, q)| {
        let k = words.len();
        if i < k || (dotted && !words[k - 1].ends_with('.')) {
            return None;
        }
        let start = i - k;
        let ok = words.iter().enumerate().all(|(x, w)| {
            let t = start + x;
            ctx.is_word(t) && ctx.low(t) == w.trim_end_matches('.')
        });
        let end = if dotted { i + 1 } else { i };
        (ok && (dotted || ctx.same_sentence(start, end))).then_some((*q, start))
    })
}

/// The direction of a change stated just before token `i`: a change word a few filler words
/// back ("rose by about 5%", "fell sharply to"), or a plus sign glued to it.
pub(crate) fn direction_before(ctx: &Cursor, i: usize) -> Option<Direction> {
    let first = ctx.sentence_first(i);
    let mut j = i;
    while j > first && i - j < 4 {
        j -= 1;
        if !ctx.is_word(j) {
            return (ctx.is_sym(j, "+") && j + 1 == i).then_some(Direction::Up);
        }
        if let Some(d) = ctx.change(j) {
            return Some(d);
        }
        if !ctx.is(j, Role::ChangeGap) {
            return None;
        }
    }
    None
}
