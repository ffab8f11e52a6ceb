//! Years and era-marked years: "in 2019", "2014-15", "its 2018 sales", "AD 1000", "500 BC",
//! "between A.D. 1000 and 1260".

use rust_decimal::Decimal;

use super::{Reason, Seen, Verdict, drop_if};
use crate::extract::cursor::Cursor;
use crate::extract::nouns::counted_phrase;
use crate::extract::units::read_unit;
use crate::lexicon::{DimensionRole, Role, UnitKind};

/// Four plain digits from 1500 to 2100: a year, unless what follows makes it a quantity
/// ("2000 hp", "more than 2000 people"); then a quantity, whatever later filters say.
pub(super) fn year(s: &Seen) -> Verdict {
    let n = s.n;
    let four_digits = n.decimals == 0
        && !n.has_separator
        && !n.scaled
        && !s.currency
        && n.integer_digits == Some(4)
        && n.value
            .is_some_and(|v| v >= Decimal::from(1500) && v <= Decimal::from(2100));
    if !four_digits {
        Verdict::Pass
    } else if looks_like_year(s) {
        Verdict::Drop(Reason::Year)
    } else {
        Verdict::Keep
    }
}

/// Is a four-digit number a year, by what stands around it?
fn looks_like_year(s: &Seen) -> bool {
    let (c, i, end) = (s.ctx, s.i(), s.next());
    // a unit, percent or currency after makes it a quantity: "2000 hp", "1500 km"
    if c.is_sym(end, "%") {
        return false;
    }
    if let Some(id) = read_unit(c, end, false).and_then(|u| u.unit) {
        let unit = c.lex.unit(id);
        if unit.kind != UnitKind::Physical || unit.role != DimensionRole::Time {
            return false;
        }
    }
    if let Some(p) = i.checked_sub(1).filter(|&p| c.is_word(p)) {
        if c.is(p, Role::YearBefore | Role::Month) {
            return true;
        }
        let w = c.low(p);
        let qualifier = c
            .lex
            .qualifiers_by_last
            .get(w)
            .is_some_and(|ps| ps.iter().any(|(q, _)| q.last().is_some_and(|l| l == w)));
        if qualifier {
            // "more than 2000 people" vs "around 2010": a plural noun decides
            return counted_phrase(c, end, false).is_none();
        }
    }
    // "2014-15", "2019/20"
    if (c.is_hyphen(end) || c.is_sym(end, "/")) && c.is_num(end + 1) {
        return true;
    }
    // followed by a plural noun: a count ("1999 votes") unless it reads as a year label
    if counted_phrase(c, end, false).is_some() {
        // "its 2018 sales": counts this size are written with a separator ("2,018 votes")
        let modern =
            s.n.value
                .is_some_and(|v| v >= Decimal::from(1900) && v <= Decimal::from(2035));
        return modern || c.capitalized(end);
    }
    true
}

/// An era word in capitals ("AD", "BC", "CE", "BCE") or written with full stops ("A.D.") just
/// before token `end`.
fn era_before(c: &Cursor, end: usize) -> bool {
    let word = end >= 1 && c.is(end - 1, Role::Era) && c.t(end - 1).chars().all(char::is_uppercase);
    word || c
        .lex
        .dotted_words(Role::Era.into())
        .any(|w| c.spells_before(end, w, true))
}

/// An era word in capitals or with full stops from token `i` on ("BC", "B.C.").
fn era_at(c: &Cursor, i: usize) -> bool {
    let word = c.is(i, Role::Era) && c.t(i).chars().all(char::is_uppercase);
    word || c
        .lex
        .dotted_words(Role::Era.into())
        .any(|w| c.spells(i, w, true))
}

/// An era marked before or after it: "AD 1000", "A.D. 1000", "500 BC", "500 B.C.".
pub(super) fn era_marked(s: &Seen) -> Verdict {
    drop_if(
        era_before(s.ctx, s.i()) || era_at(s.ctx, s.next()),
        Reason::Era,
    )
}

/// The partner of an era-marked year: "between A.D. 1000 and 1260", "AD 800-900".
pub(super) fn era_partner(s: &Seen) -> Verdict {
    let (c, i, n) = (s.ctx, s.i(), s.n);
    if n.decimals != 0 || n.has_separator || n.value.is_none_or(|v| v > Decimal::from(2100)) {
        return Verdict::Pass;
    }
    let Some(p) = s
        .prev()
        .filter(|&p| c.is(p, Role::And | Role::To) || c.is_hyphen(p))
    else {
        return Verdict::Pass;
    };
    let q = p.wrapping_sub(1);
    drop_if(
        c.is_num(q) && c.same_sentence(q, i) && era_before(c, q),
        Reason::Era,
    )
}
