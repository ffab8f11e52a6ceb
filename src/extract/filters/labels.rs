//! Labels and names: "page 5", "No. 10", "Boeing 747", "#3", "Covid-19", "787 Dreamliner".

use super::{Reason, Seen, Verdict, drop_if};
use crate::extract::cursor::Pat;
use crate::extract::nouns::counted_phrase;
use crate::extract::qualifiers::qualifier_before;
use crate::extract::units::read_unit;
use crate::lexicon::Role;

/// A word, a hyphen, the number: "Covid-19", "F-16", "last-32" (not "minus-5", "sub-300").
pub(super) fn hyphenated_name(s: &Seen) -> Verdict {
    let (c, i) = (s.ctx, s.i());
    drop_if(
        s.glued_before()
            && c.seq_before(i, &[Pat::WORD, Pat::HYPHEN.glued()])
            && !c.is(i - 2, Role::NumberAfterHyphen),
        Reason::Name,
    )
}

/// A name in capitals, a dash, the number: "COVID -19".
pub(super) fn capitals_dash(s: &Seen) -> Verdict {
    let (c, i) = (s.ctx, s.i());
    drop_if(
        s.glued_before()
            && c.seq_before(i, &[Pat::WORD, Pat::HYPHEN])
            && c.t(i - 2).chars().all(char::is_uppercase)
            && c.t(i - 2).len() >= 2,
        Reason::Name,
    )
}

/// A label word ("page 5", "Section 427", "Game 2"), a proper noun inside the sentence
/// ("Boeing 747") or in mixed case ("iPhone 15"), or a code in capitals ("ISO 9001") before it — unless, after a name, a unit
/// follows ("the Thames 5 km away").
pub(super) fn label(s: &Seen) -> Verdict {
    let (c, i, end) = (s.ctx, s.i(), s.next());
    let Some(p) = s.prev().filter(|&p| !s.currency && c.same_sentence(p, i)) else {
        return Verdict::Pass;
    };
    let label = c.is(p, Role::Label);
    let one_word_qualifier = c
        .lex
        .qualifiers_by_last
        .get(c.low(p))
        .is_some_and(|ps| ps.iter().any(|(w, _)| w.len() == 1 && w[0] == c.low(p)));
    // a name written in mixed case ("iPhone 15", "eBay") is one even first in the sentence
    let mixed = c.is_word(p)
        && c.t(p).starts_with(char::is_lowercase)
        && c.t(p).chars().any(char::is_uppercase);
    let proper = (c.capitalized(p) && p != c.sentence_first(i) || mixed)
        && c.ws(i) == 1
        && !one_word_qualifier
        && !c.is(p, Role::Month);
    let caps_code = c.is_word(p)
        && c.t(p).len() >= 2
        && c.t(p).chars().all(|x| x.is_ascii_uppercase())
        && c.ws(i) == 1;
    if !((label && c.ws(i) <= 1) || proper || caps_code) {
        return Verdict::Pass;
    }
    // a figure with decimals that ends its sentence after a name is the name's value, as in
    // a table row ("Norway 1.56"), not a model or a version ("Python 3.12 adds …")
    if proper && !label && !caps_code && s.n.decimals > 0 && ends_sentence(s) {
        return Verdict::Pass;
    }
    let measure = c.is_word(end) && c.ws(end) <= 1 && read_unit(c, end, false).is_some();
    if measure && !label {
        Verdict::Keep
    } else {
        Verdict::Drop(Reason::Label)
    }
}

/// Nothing but punctuation follows the number in its sentence.
fn ends_sentence(s: &Seen) -> bool {
    let c = s.ctx;
    (s.next()..c.sentence_end(s.i())).all(|k| !(c.is_word(k) || c.is_num(k)))
}

/// A label abbreviated with a full stop: "No. 10", "p. 5", "Fig. 3".
pub(super) fn abbreviated_label(s: &Seen) -> Verdict {
    let (c, i) = (s.ctx, s.i());
    let Some(p) = s.prev().filter(|&p| !s.currency && c.same_sentence(p, i)) else {
        return Verdict::Pass;
    };
    drop_if(
        c.is_sym(p, ".") && p >= 1 && c.is(p - 1, Role::LabelAbbreviation) && c.glued(p),
        Reason::Label,
    )
}

/// A hash before it: "#3".
pub(super) fn hash_label(s: &Seen) -> Verdict {
    let (c, i) = (s.ctx, s.i());
    let Some(p) = s.prev().filter(|&p| !s.currency && c.same_sentence(p, i)) else {
        return Verdict::Pass;
    };
    drop_if(c.is_sym(p, "#"), Reason::Label)
}

/// A number naming something: "787 Dreamliner", "49 Zorro Ranch Road", "12 Pro Max" — a
/// capitalised word after it that is no month, weekday, unit or counted noun.
pub(super) fn name_after(s: &Seen) -> Verdict {
    let (c, i, end) = (s.ctx, s.i(), s.next());
    let n = s.n;
    drop_if(
        !s.currency
            && n.decimals == 0
            && !n.has_separator
            && !n.scaled
            && c.ws(end) == 1
            && c.capitalized(end)
            && c.same_sentence(i, end)
            && !c.is(end, Role::Month | Role::Weekday)
            && read_unit(c, end, false).is_none()
            && !c.lex.unit_symbols.contains_key(c.t(end))
            && counted_phrase(c, end, false).is_none()
            && qualifier_before(c, i).is_none(),
        Reason::Name,
    )
}
