//! Reading numbers: digits with their scale, exponent or fraction ([`digits`], [`scale`]) and
//! spelled-out numbers ([`words`]). A [`Number`] is what a claim form starts from: its value,
//! the rounding its writing implies, and the tokens it covers.

pub(crate) mod digits;
pub(crate) mod scale;
pub(crate) mod words;

use rust_decimal::Decimal;

use super::cursor::Cursor;
use super::tokens::TokKind;

/// A number read at a token, before what follows it (unit, range partner, counted noun).
#[derive(Debug, Clone)]
pub(crate) struct Number {
    /// Its first token.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// The value, fully scaled (the low end of a vague range); `None` if unrepresentable.
    pub value: Option<Decimal>,
    /// The high end of a vague magnitude ("tens of thousands": 100,000).
    pub high: Option<Decimal>,
    /// The rounding step its writing implies ("1.2 billion": 0.1 billion).
    pub precision: Decimal,
    /// Spelled out in words.
    pub words: bool,
    /// A vague amount ("a dozen", "thousands").
    pub vague: bool,
    /// A scale word or suffix multiplied it.
    pub scaled: bool,
    /// The multiplier of the last scale word or suffix ("million": 1,000,000).
    pub scale: Option<Decimal>,
    /// Digits before the decimal mark, leading zeros aside (digits only).
    pub integer_digits: Option<u32>,
    /// Written with a thousands separator.
    pub has_separator: bool,
    /// Digits after the decimal mark.
    pub decimals: u32,
    /// A fraction ("a third", "1/16 of").
    pub fraction: bool,
    /// A multiplier word ("doubled", "twice").
    pub multiplier: bool,
    /// Why the value could not be represented.
    pub problem: Option<String>,
}

impl Number {
    /// An empty reading starting at token `first`, written in words or digits.
    pub fn at(first: usize, words: bool) -> Number {
        Number {
            first,
            end: first,
            value: None,
            high: None,
            precision: Decimal::ONE,
            words,
            vague: false,
            scaled: false,
            scale: None,
            integer_digits: None,
            has_separator: false,
            decimals: 0,
            fraction: false,
            multiplier: false,
            problem: None,
        }
    }
}

/// The number at token `i` (digits or words); `None` if there is none.
pub(crate) fn read(ctx: &Cursor, i: usize) -> Option<Number> {
    match ctx.kind(i)? {
        TokKind::Num => Some(digits::read(ctx, i)),
        TokKind::Word => words::read(ctx, i),
        TokKind::Sym => None,
    }
}

/// 10 to the power `n` (at most 10^28).
pub(crate) fn pow10(n: u32) -> Decimal {
    let mut d = Decimal::ONE;
    for _ in 0..n.min(28) {
        d *= Decimal::TEN;
    }
    d
}
