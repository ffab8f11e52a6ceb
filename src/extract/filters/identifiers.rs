//! Identifiers, codes, paths, versions and phone numbers: "G20", "/2019/", "1.2.3", "5G",
//! "9AB8", "555-1234", "0401".

use super::{Reason, Seen, Verdict, drop_if};

/// Glued to letters or digits before it: "G20", "S23", "XC40", "mk5" (not after a currency
/// code: "USD10").
pub(super) fn glued_to_letters(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let c = s.ctx;
    drop_if(
        s.glued_before() && (c.is_word(p) || c.is_num(p)) && !s.currency,
        Reason::GluedToLetters,
    )
}

/// After a slash, hash, underscore or at sign: "/2019/", "#5", "user_3", "@3".
pub(super) fn path_or_handle(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let c = s.ctx;
    let mark = ["/", "#", "_", "@"].iter().any(|m| c.is_sym(p, m));
    drop_if(s.glued_before() && mark && !s.currency, Reason::Identifier)
}

/// The later part of a version: "1.2.3".
pub(super) fn after_dot(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let c = s.ctx;
    drop_if(
        s.glued_before() && c.is_sym(p, ".") && p >= 1 && c.is_num(p - 1),
        Reason::Identifier,
    )
}

/// Joined to digits after it by a slash, dot or underscore: "1/2", "3.1.4", "2_000".
pub(super) fn joined_by_mark(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    let mark = ["/", ".", "_"].iter().any(|m| c.is_sym(next, m));
    drop_if(
        c.glued(next) && mark && c.is_num(next + 1) && c.glued(next + 1),
        Reason::Identifier,
    )
}

/// Before an at sign or underscore: "3@", "5_".
pub(super) fn before_handle(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.glued(next) && (c.is_sym(next, "@") || c.is_sym(next, "_")),
        Reason::Identifier,
    )
}

/// Digits glued to letters that are no unit, scale or time: "3ami", "5G", "3D", "4x4".
pub(super) fn glued_code(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.is_word(next)
            && c.glued(next)
            && !c.lex.scales.contains_key(c.t(next))
            && crate::extract::units::read_unit(c, next, true).is_none()
            && !c.is(next, crate::lexicon::Role::TimeMarker),
        Reason::Identifier,
    )
}

/// Letters glued between digits: "9AB8", "3G4".
pub(super) fn letters_between_digits(s: &Seen) -> Verdict {
    let (c, end) = (s.ctx, s.next());
    drop_if(
        c.glued(end) && c.is_word(end) && c.glued(end + 1) && c.is_num(end + 1),
        Reason::Identifier,
    )
}

/// A phone number: "555-1234" (three digits or more, a hyphen, four digits).
pub(super) fn phone(s: &Seen) -> Verdict {
    let (c, end) = (s.ctx, s.next());
    if !(c.is_hyphen(end) && c.glued(end) && c.is_num(end + 1) && c.glued(end + 1)) {
        return Verdict::Pass;
    }
    let a = c.t(s.i());
    let b = c.t(end + 1);
    let group = c.syntax.group as char;
    drop_if(
        a.len() >= 3
            && b.len() == 4
            && !a.contains(group)
            && !b.contains(group)
            && s.n.integer_digits != Some(4),
        Reason::Phone,
    )
}

/// A leading zero: "0401", "007".
pub(super) fn leading_zero(s: &Seen) -> Verdict {
    let t = s.ctx.t(s.i());
    let decimal = s.ctx.syntax.decimal as char;
    drop_if(
        t.starts_with('0') && t.len() >= 3 && !t.contains(decimal),
        Reason::Identifier,
    )
}
