//! Claim forms: from a token that may start a claim, the lead (a currency sign, a minus), the
//! number, then each form in [`PHASES`] in turn, read top to bottom, on one [`Draft`]. A phase
//! adds what its form finds (a unit, a range partner, a counted noun …) or says that what was
//! read is no claim after all.

mod age;
mod bare;
mod cents;
mod compound;
mod counted;
mod currency_scale;
mod guards;
pub(crate) mod inherit;
mod kind;
mod lead;
mod long;
mod qualifier;
mod range;
mod rate;
mod series;
mod unit;

use rust_decimal::Decimal;

use super::cursor::Cursor;
use super::number::{self, Number};
use super::tokens::TokKind;
use super::units::UnitRead;
use crate::claim::{ClaimKind, Direction, Qualifier, Reading, Span};
use crate::lexicon::{DimensionRole, Role, UnitId};

/// What reading at a token gives.
pub(crate) enum Step {
    /// A claim, and the token to read on from.
    Claim(Box<Reading>, usize),
    /// No claim: the token to read on from.
    Skip(usize),
}

/// What a phase says.
pub(crate) enum Flow {
    /// Go on with the next phase.
    Go,
    /// No claim here: read on from this token.
    Skip(usize),
}

/// A phase: one step of one form, on the draft.
pub(crate) type Phase = fn(&mut Draft, &Cursor, &[Reading]) -> Flow;

/// The phases, in the order they run.
pub(crate) const PHASES: &[(&str, Phase)] = &[
    ("number words that are no number", guards::word_number),
    ("fraction in a compound", guards::fraction_compound),
    ("not a claim", guards::not_a_claim),
    ("sign", lead::apply_sign),
    ("qualifier before", qualifier::before),
    ("unit after the number", unit::after_number),
    ("cents after the currency", cents::after_major),
    ("scale after the currency", currency_scale::after_currency),
    ("adjectival unit", unit::adjectival),
    ("bracketed dollar conversion", unit::bracketed_conversion),
    ("range", range::partner),
    ("aged", age::aged),
    ("rate", rate::per_unit),
    ("qualifier after", qualifier::after),
    ("counted noun", counted::noun),
    ("hanging hyphen series", series::hanging_hyphen),
    ("noun as modifier", counted::attributive),
    ("age stated with a be-verb", age::by_be),
    ("unit at the head of the counted noun", counted::unit_head),
    ("count per time", rate::count_per_time),
    ("kind", kind::decide),
    ("number-noun compound", compound::number_noun),
    ("unit of a figure before", inherit::from_figure_before),
    ("bare word numbers", bare::word_numbers),
    ("appositive age", age::appositive),
    ("range of days", bare::day_range),
];

/// A range opener before the first number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// "between 5 and 7".
    Between,
    /// "from 10 to 12".
    From,
}

/// A claim being read: what the forms have found so far.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// Where reading started (a currency sign or the number).
    pub start: usize,
    /// The first token of the claim (a qualifier, a range opener).
    pub first: usize,
    /// One past the last token of the claim.
    pub end: usize,
    /// The first number.
    pub num: Number,
    /// A minus before it.
    pub negative: bool,
    /// A currency sign or code came before it.
    pub had_currency: bool,
    /// The value (the low end of a range).
    pub value: Option<Decimal>,
    /// The high end of a range.
    pub high: Option<Decimal>,
    /// The rounding step.
    pub precision: Decimal,
    /// The amount is vague.
    pub vague: bool,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// "between" or "from" before it.
    pub opener: Option<Opener>,
    /// The direction of a change.
    pub direction: Option<Direction>,
    /// The unit or currency.
    pub unit: Option<UnitId>,
    /// How an ambiguous unit was read.
    pub unit_note: Option<String>,
    /// The unit read right after the number (or adjectivally), if one was.
    pub unit_read: Option<UnitRead>,
    /// The claim states an age.
    pub age: bool,
    /// The denominator of a rate ("month", "share").
    pub per: Option<String>,
    /// The counted noun, singular.
    pub counted: Option<String>,
    /// The counted noun phrase as written.
    pub counted_phrase: Option<String>,
    /// What the claim states.
    pub kind: ClaimKind,
}

impl Draft {
    fn new(lead: &lead::Lead, num: Number) -> Draft {
        Draft {
            start: lead.start,
            first: lead.start,
            end: num.end,
            negative: lead.negative,
            had_currency: lead.currency.is_some(),
            value: num.value,
            high: num.high,
            precision: num.precision,
            vague: num.vague,
            qualifier: Qualifier::Exact,
            opener: None,
            direction: None,
            unit: lead.currency.as_ref().map(|c| c.unit),
            unit_note: lead.currency.as_ref().and_then(|c| c.note.clone()),
            unit_read: None,
            age: false,
            per: None,
            counted: None,
            counted_phrase: None,
            kind: ClaimKind::Number,
            num,
        }
    }

    /// Nothing is said yet about what the number counts or measures, and nothing follows it.
    fn bare(&self) -> bool {
        self.unit.is_none()
            && self.counted.is_none()
            && self.high.is_none()
            && self.end == self.num.end
    }

    /// Takes a unit read after the number.
    fn take_unit(&mut self, u: &UnitRead) {
        self.unit = u.unit;
        self.unit_note = u.note.clone();
        self.age = u.age;
        self.end = u.end;
    }

    /// The reading of the claim.
    fn reading(self, ctx: &Cursor) -> Reading {
        let span = span_of(
            ctx,
            self.first.min(self.num.first),
            self.end.max(self.num.end),
        );
        Reading {
            scan_span: span,
            sentence: sentence_span(ctx, self.num.first),
            kind: self.kind,
            value: self.value,
            value_high: self.high,
            precision: self.precision,
            qualifier: self.qualifier,
            vague: self.vague,
            direction: self.direction,
            unit: self.unit,
            per: self.per,
            unit_note: self.unit_note,
            counted: self.counted,
            counted_phrase: self.counted_phrase,
            problem: self.num.problem,
        }
    }
}

/// Reads the claim that starts at token `i`, if one does; `prior` are the claims of the
/// document before it.
pub(crate) fn parse_at(ctx: &Cursor, i: usize, prior: &[Reading]) -> Step {
    if !may_start(ctx, i) {
        return Step::Skip(i + 1);
    }
    let lead = match lead::read(ctx, i) {
        Ok(lead) => lead,
        Err(next) => return Step::Skip(next),
    };
    if let Some(claim) = long::duration(ctx, &lead) {
        return claim;
    }
    let Some(num) = number::read(ctx, lead.at) else {
        return Step::Skip(i + 1);
    };
    let mut d = Draft::new(&lead, num);
    for (_, phase) in PHASES {
        if let Flow::Skip(next) = phase(&mut d, ctx, prior) {
            return Step::Skip(next);
        }
    }
    let next = d.end.max(d.num.end);
    Step::Claim(Box::new(d.reading(ctx)), next)
}

/// Can token `i` start a claim? One probe rejects most words.
fn may_start(ctx: &Cursor, i: usize) -> bool {
    match ctx.kind(i) {
        Some(TokKind::Num) => true,
        Some(TokKind::Sym) => {
            matches!(ctx.t(i), "-" | "−") || ctx.lex.currency_starts.contains(ctx.t(i))
        }
        Some(TokKind::Word) => {
            ctx.number_word(i).is_some()
                || ctx.is(i, Role::A | Role::Half | Role::Minus)
                || ctx.lex.currency_starts.contains(ctx.t(i))
                || ctx.t(i + 1) == "$"
                || (ctx.is_hyphen(i + 1) && ctx.lex.unit_names.contains_key(ctx.low(i)))
        }
        None => false,
    }
}

/// The byte span of tokens `first..end`.
pub(crate) fn span_of(ctx: &Cursor, first: usize, end: usize) -> Span {
    Span {
        start: ctx.toks[first].s as usize,
        end: ctx.toks[end - 1].e as usize,
    }
}

/// The byte span of the sentence of token `i`.
pub(crate) fn sentence_span(ctx: &Cursor, i: usize) -> Span {
    let first = ctx.sentence_first(i);
    let last = ctx.sentence_end(i) - 1;
    Span {
        start: ctx.toks[first].s as usize,
        end: ctx.toks[last].e as usize,
    }
}

/// Is the unit a time unit ("year", "month")?
pub(crate) fn is_time(ctx: &Cursor, id: UnitId) -> bool {
    ctx.lex.unit(id).role == DimensionRole::Time
}
