//! Ordinals, decades and list numbering: "3rd", "1980s", "80's", "1." at the start of a line,
//! "(1)".

use rust_decimal::Decimal;

use super::{Reason, Seen, Verdict, drop_if};
use crate::lexicon::{Ending, Role};

/// An ordinal or decade suffix glued to it: "3rd", "1980s", "20s".
pub(super) fn ordinal_suffix(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.glued(next) && c.is(next, Role::NumberSuffix),
        Reason::Ordinal,
    )
}

/// A decade written with an apostrophe: "the 80's".
pub(super) fn decade_apostrophe(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    if !c.is_sym(next, "'") || !c.is_word(next + 1) || c.low(next + 1).len() != 1 {
        return Verdict::Pass;
    }
    let written = format!("'{}", c.low(next + 1));
    drop_if(
        c.lex.language().ends_as(&written, Ending::Possessive),
        Reason::Ordinal,
    )
}

/// "1." or "2)" at the start of a line.
pub(super) fn list_number(s: &Seen) -> Verdict {
    let (c, i, next) = (s.ctx, s.i(), s.next());
    drop_if(
        (c.ws(i) >= 2 || i == 0)
            && (c.is_sym(next, ".") || c.is_sym(next, ")"))
            && c.glued(next)
            && c.ws(next + 1) >= 1
            && s.n.decimals == 0,
        Reason::ListMarker,
    )
}

/// "(1)" as a list marker: a small number in brackets, no word after.
pub(super) fn bracketed_list_number(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.is_sym(p, "(")
            && c.is_sym(next, ")")
            && s.n.value.is_some_and(|v| v < Decimal::from(10))
            && !c.is_word(next + 1),
        Reason::ListMarker,
    )
}
