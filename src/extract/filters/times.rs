//! Clock times and ratios: "10:30", "3:1", "5pm", "11 a.m.", "0401 GMT".

use super::{Reason, Seen, Verdict, drop_if};
use crate::lexicon::Role;

/// The part after a colon: "10:30", "3:1".
pub(super) fn after_colon(s: &Seen) -> Verdict {
    let Some(p) = s.prev() else {
        return Verdict::Pass;
    };
    let c = s.ctx;
    drop_if(
        c.is_sym(p, ":") && s.glued_before() && p >= 1 && c.is_num(p - 1),
        Reason::ClockTime,
    )
}

/// The part before a colon: "10:30".
pub(super) fn before_colon(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.glued(next) && c.is_sym(next, ":") && c.is_num(next + 1) && c.glued(next + 1),
        Reason::ClockTime,
    )
}

/// A time marker after it: "5pm", "0401 GMT" (`time_marker` in words.csv).
pub(super) fn time_marker(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    drop_if(
        c.ws(next) <= 1 && c.is(next, Role::TimeMarker),
        Reason::ClockTime,
    )
}

/// A time marker written with full stops after it: "11 a.m.".
pub(super) fn dotted_time_marker(s: &Seen) -> Verdict {
    let (c, next) = (s.ctx, s.next());
    let marker = c.is_word(next)
        && c.ws(next) <= 1
        && c.lex
            .dotted_words(Role::TimeMarker.into())
            .any(|w| c.spells(next, w, false));
    drop_if(marker, Reason::ClockTime)
}
