//! Qualifiers: before the number ("more than", "about", "up to", "sub-300") with the range
//! opener ("between", "from") and the direction of a change ("rose 5%"); after it ("or more",
//! "or so", "5,000+", "50-plus").

use super::{Draft, Flow, Opener};
use crate::claim::{Qualifier, Reading};
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::qualifiers::{direction_before, qualifier_before};
use crate::lexicon::Role;

/// The qualifier phrase or range opener before the claim, "sub-", and the change it states.
pub(super) fn before(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let s = d.start;
    if let Some((q, first)) = qualifier_before(ctx, s) {
        d.qualifier = q;
        d.first = first;
    } else if s > 0 && ctx.is(s - 1, Role::Between) {
        d.opener = Some(Opener::Between);
    } else if s > 0 && ctx.is(s - 1, Role::From) {
        d.opener = Some(Opener::From);
    }
    // "sub-300": below
    if ctx.glued(s) && ctx.seq_before(s, &[Pat::role(Role::Sub), Pat::HYPHEN]) {
        d.qualifier = Qualifier::LessThan;
        d.first = s - 2;
    }
    d.direction = direction_before(ctx, d.first);
    Flow::Go
}

/// A qualifier after the claim: a phrase of `qualifiers.csv` ("or more"), a glued "+", "-plus".
pub(super) fn after(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let e = d.end;
    let phrase = ctx.lex.qualifiers_after.iter().find(|(words, _)| {
        words
            .iter()
            .enumerate()
            .all(|(x, w)| ctx.is_word(e + x) && ctx.low(e + x) == w)
    });
    if let Some((words, q)) = phrase {
        d.qualify(*q);
        d.end += words.len();
    }
    if ctx.at(d.end, Pat::sym("+").glued()) && d.qualifier == Qualifier::Exact {
        d.qualifier = Qualifier::AtLeast;
        d.end += 1;
    }
    if ctx.seq(d.end, &[Pat::HYPHEN.glued(), Pat::role(Role::Plus)]) {
        d.qualify(Qualifier::AtLeast);
        d.end += 2;
    }
    Flow::Go
}

impl Draft {
    /// Sets the qualifier unless one is set.
    pub(super) fn qualify(&mut self, q: Qualifier) {
        if self.qualifier == Qualifier::Exact {
            self.qualifier = q;
        }
    }
}
