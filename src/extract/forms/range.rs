//! Ranges: "5-7 million", "between 5 and 7", "from 10 to 12", "$7m-$9m", "three or four",
//! "from $75 U.S. per barrel to $45.88" — and the score a hyphenated pair is in a sports
//! sentence ("2-1", "89-89").

use rust_decimal::Decimal;

use super::{Draft, Flow, Opener, is_time};
use crate::claim::{Qualifier, Reading};
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::nouns::counted_phrase;
use crate::extract::number::{self, Number};
use crate::extract::tokens::TokKind;
use crate::extract::units::currency::prefix;
use crate::extract::units::read_unit;
use crate::lexicon::{NumberWordKind, Role, UnitId};

/// What joins the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connector {
    /// "5-7".
    Hyphen,
    /// "10 to 12", "from 450 up to 900".
    To,
    /// "between 5 and 7".
    And,
    /// "three or four".
    Or,
}

/// The partner of a range and what it shares with the first number (scale, unit).
pub(super) fn partner(d: &mut Draft, ctx: &Cursor, _: &[Reading]) -> Flow {
    let Some((conn, at)) = connector(d, ctx) else {
        return Flow::Go;
    };
    let mut k = at + 1;
    let mut partner_currency = None;
    if let Some(p) = prefix(ctx, k) {
        partner_currency = Some(p.unit);
        k = p.after;
    }
    let Some(n2) = number::read(ctx, k).filter(|c| c.first == k && !c.multiplier) else {
        return Flow::Go;
    };
    if conn == Connector::Hyphen && score(d, ctx, &n2) {
        let mut next = n2.end;
        while ctx.glued(next) && matches!(ctx.kind(next), Some(TokKind::Word | TokKind::Num)) {
            next += 1;
        }
        return Flow::Skip(next);
    }
    let tight =
        conn != Connector::Hyphen || ctx.ws(d.num.end.min(d.end)) == ctx.ws(k) || ctx.glued(k);
    let (second_unit, end2) = match partner_currency {
        Some(c) => (Some(c), n2.end),
        None => partner_unit(d, ctx, n2.end),
    };
    let compatible = match (d.unit, second_unit) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => {
            conn == Connector::Hyphen || d.opener.is_some() || partner_currency.is_some()
        }
        (None, _) => true,
    };
    // "rose 2% to $11.1bn": a change then a level, not a range
    let level_after_change = conn == Connector::To && d.direction.is_some() && d.opener.is_none();
    // "2014 to 2016"
    let year_pair = !d.num.words
        && d.num.integer_digits == Some(4)
        && !d.num.has_separator
        && d.num.decimals == 0
        && d.unit.is_none()
        && !d.had_currency;
    if compatible
        && tight
        && !level_after_change
        && !year_pair
        && let (Some(lo), Some(hi)) = (d.value, n2.value)
    {
        let p = Partner {
            n2: &n2,
            currency: partner_currency.is_some(),
            unit: second_unit,
            end: end2,
        };
        d.join(lo, hi, &p);
    }
    Flow::Go
}

/// The second end of a range as read.
struct Partner<'n> {
    n2: &'n Number,
    /// It has a currency sign of its own ("$7m-$9m").
    currency: bool,
    /// Its unit.
    unit: Option<UnitId>,
    /// One past its last token.
    end: usize,
}

/// The connector after the first number and its token.
fn connector(d: &Draft, ctx: &Cursor) -> Option<(Connector, usize)> {
    let k = d.end;
    let unit_after_first = d.unit.is_some() && d.unit_read.is_some();
    let from = d.opener == Some(Opener::From);
    let conn = if ctx.is_hyphen(k) {
        Some((Connector::Hyphen, k))
    } else if ctx.is(k, Role::To) {
        Some((Connector::To, k))
    } else if ctx.is(k, Role::And) && d.opener == Some(Opener::Between) {
        Some((Connector::And, k))
    } else if ctx.is(k, Role::Or) && !unit_after_first && d.num.words {
        Some((Connector::Or, k))
    } else if from && ctx.is(k, Role::Up) && ctx.is(k + 1, Role::To) {
        // "from 450 sq ft up to 900 sq ft"
        Some((Connector::To, k + 1))
    } else {
        None
    };
    // "from $36,040 at 10.45pm last night to $34,935", "from 21 mpg combined to 23": a few
    // words may part the ends of a from-to range
    conn.or_else(|| {
        from.then(|| split_range_to(ctx, d.end))
            .flatten()
            .map(|to| (Connector::To, to))
    })
}

/// "2-1" anywhere; "89-89", "24-17" where the sentence talks sport: a score, not a range.
fn score(d: &Draft, ctx: &Cursor, n2: &Number) -> bool {
    let n = &d.num;
    let plain = !n.scaled
        && !n2.scaled
        && !d.had_currency
        && d.unit.is_none()
        && n.decimals == 0
        && n2.decimals == 0
        && d.opener.is_none()
        && !n.words;
    if !plain
        || read_unit(ctx, n2.end, false).is_some()
        || counted_phrase(ctx, n2.end, false).is_some()
    {
        return false;
    }
    let both = |max: i64| {
        d.value.is_some_and(|v| v <= Decimal::from(max))
            && n2.value.is_some_and(|v| v <= Decimal::from(max))
    };
    let in_sport = || {
        (ctx.sentence_first(d.start)..ctx.sentence_end(d.start)).any(|j| ctx.is(j, Role::Sports))
    };
    both(20) || (both(200) && in_sport())
}

/// The unit after the partner ("%", "euros", "-year-olds" as in "16 to 20-year-olds") and the
/// token after it. A first number with no unit takes the partner's note and age.
fn partner_unit(d: &mut Draft, ctx: &Cursor, end: usize) -> (Option<UnitId>, usize) {
    if ctx.is_sym(end, "%") {
        return (Some(ctx.lex.percent), end + 1);
    }
    let u2 = read_unit(ctx, end, false).or_else(|| {
        // "16 to 20-year-olds", "5- to 7-inch"
        (ctx.at(end, Pat::HYPHEN.glued()) && ctx.glued(end + 1))
            .then(|| read_unit(ctx, end + 1, false))
            .flatten()
    });
    let Some(u2) = u2 else {
        return (None, end);
    };
    if d.unit.is_none() {
        d.unit_note = u2.note.clone();
        d.age = u2.age;
    }
    (u2.unit, u2.end)
}

impl Draft {
    /// Makes the claim the range `lo`..`hi`.
    fn join(&mut self, mut lo: Decimal, hi: Decimal, p: &Partner) {
        // shared scale: "5-7 million", "four to five thousand" — but not "$250,000 to
        // $1 million" or "from $200 to $4 million"
        let own_figure = self.num.has_separator
            || (p.currency
                && p.n2
                    .scale
                    .and_then(|m| lo.checked_mul(m))
                    .is_none_or(|l| l > hi));
        if p.n2.scaled
            && !self.num.scaled
            && !own_figure
            && let Some(m) = p.n2.scale
        {
            lo = lo.checked_mul(m).unwrap_or(lo);
            self.precision = self.precision.checked_mul(m).unwrap_or(self.precision);
        }
        self.value = Some(lo);
        self.high = Some(hi);
        self.vague = false;
        if self.unit.is_none() {
            self.unit = p.unit;
        }
        self.end = p.end;
        self.qualify(Qualifier::Range);
        if self.opener.is_some() {
            self.first = self.start - 1;
        }
    }
}

/// The "to" of a from-to range whose ends a few words part ("from $75 U.S. per barrel to
/// $45.88"): the index of "to" when a number follows it within the clause.
fn split_range_to(ctx: &Cursor, from: usize) -> Option<usize> {
    const MAX_GAP: usize = 7;
    let mut k = from;
    while k < from + MAX_GAP + 1 && k < ctx.len() && ctx.same_sentence(from, k) {
        match ctx.kind(k)? {
            TokKind::Word if ctx.is(k, Role::To) => {
                if k == from {
                    return None;
                }
                let n = prefix(ctx, k + 1).map(|p| p.after).unwrap_or(k + 1);
                let number = ctx.is_num(n)
                    || ctx.number_word(n).is_some_and(|nw| {
                        !matches!(nw.kind, NumberWordKind::Vague | NumberWordKind::Multiplier)
                    });
                return number.then_some(k);
            }
            TokKind::Word if ctx.is(k, Role::ClauseBreak) => return None,
            TokKind::Word => {}
            TokKind::Num => {
                // "from 80mg per 100ml of blood to 50mg": a measure between is a claim of its
                // own
                let measure = read_unit(ctx, k + 1, false)
                    .and_then(|u| u.unit)
                    .is_some_and(|id| !is_time(ctx, id));
                if ctx.is_sym(k + 1, "%") || measure {
                    return None;
                }
            }
            TokKind::Sym => {
                if !matches!(ctx.t(k), "." | "'" | "’") {
                    return None;
                }
            }
        }
        k += 1;
    }
    None
}
