//! Numbers written in digits: the extent of a number token (grouping and decimal marks of the
//! document's number syntax), its value and the rounding its digits imply, a mixed fraction
//! ("2½"), a power of ten ("10^40", "1.99×10−30") or a fraction ("1/16 of").

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Number, pow10, scale};
use crate::extract::cursor::{Cursor, Pat};
use crate::lexicon::Role;

pub use crate::lexicon::NumberSyntax;

fn is_space_sep(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// The end of the number starting at byte `start`: digits with thousands separators
/// (`14,000`, `14 000`) and a decimal part.
pub(crate) fn scan_number(text: &str, start: usize, syntax: NumberSyntax) -> usize {
    let b = text.as_bytes();
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if b[start] == syntax.decimal {
        return digits(start + 1);
    }
    let mut i = digits(start);
    let first_group = i - start;
    let mut grouped = false;
    // groups after the group mark: "14,000,000"; a lead of more than three digits takes none
    while i + 3 < b.len() && b[i] == syntax.group && (first_group <= 3 || grouped) {
        let j = digits(i + 1);
        if j - (i + 1) != 3 {
            break;
        }
        i = j;
        grouped = true;
    }
    if !grouped && first_group <= 3 {
        i = space_groups(text, start, i, syntax);
    }
    // decimals
    if i + 1 < b.len() && b[i] == syntax.decimal && b[i + 1].is_ascii_digit() {
        i = digits(i + 1);
    }
    i
}

/// Groups after spaces: narrow and no-break spaces always, a plain space only after a clean
/// lead of one to three digits and before exactly three digits that end the number.
fn space_groups(text: &str, start: usize, mut i: usize, syntax: NumberSyntax) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    loop {
        let rest = &text[i..];
        let sep_len = match rest.chars().next() {
            Some(c) if is_space_sep(c) => c.len_utf8(),
            Some(' ') => 1,
            _ => return i,
        };
        let j = digits(i + sep_len);
        let plain = sep_len == 1;
        let next_ok = j >= n
            || !(b[j].is_ascii_digit()
                || b[j] == syntax.group
                || (b[j] == syntax.decimal && j + 1 < n && b[j + 1].is_ascii_digit()));
        if j - (i + sep_len) == 3
            && next_ok
            && (!plain || start == 0 || !b[start - 1].is_ascii_digit())
        {
            i = j;
            continue;
        }
        return i;
    }
}

/// The number in digits at token `i`, with what is glued to it.
pub(crate) fn read(ctx: &Cursor, i: usize) -> Number {
    let mut n = plain(ctx, i);
    mixed_fraction(ctx, &mut n);
    if power(ctx, &mut n) || times_ten_power(ctx, &mut n) || slash_fraction(ctx, &mut n) {
        return n;
    }
    scale::after_digits(ctx, &mut n);
    n
}

/// The digits of token `i` alone: value, separators, decimals and the rounding they imply.
fn plain(ctx: &Cursor, i: usize) -> Number {
    let s = ctx.t(i);
    let digits = Digits::parse(s, ctx.syntax);
    let mut n = Number::at(i, false);
    n.end = i + 1;
    n.value = digits.value;
    n.integer_digits = Some(digits.integer.len() as u32);
    n.has_separator = digits.separated;
    n.decimals = digits.decimals;
    n.precision = if digits.decimals > 0 {
        Decimal::ONE / pow10(digits.decimals)
    } else {
        integer_precision(&digits.integer)
    };
    if n.value.is_none() {
        n.problem = Some(format!(
            "'{s}' is beyond the range of exact decimal arithmetic"
        ));
    }
    n
}

/// The parts of a number token.
#[derive(Debug, PartialEq)]
pub(crate) struct Digits {
    /// The value (`None` beyond exact decimal arithmetic).
    pub value: Option<Decimal>,
    /// The integer digits, leading zeros dropped.
    pub integer: String,
    /// Any mark other than digits and the decimal mark.
    pub separated: bool,
    /// Digits after the decimal mark.
    pub decimals: u32,
}

impl Digits {
    /// Reads a number token written in `syntax`.
    pub fn parse(s: &str, syntax: NumberSyntax) -> Digits {
        let mut clean = String::with_capacity(s.len() + 1);
        let mut separated = false;
        for c in s.chars() {
            if c.is_ascii_digit() {
                clean.push(c);
            } else if c == syntax.decimal as char {
                clean.push('.');
            } else {
                separated = true;
            }
        }
        let (int_part, dec_part) = clean.split_once('.').unwrap_or((clean.as_str(), ""));
        let integer = int_part.trim_start_matches('0').to_string();
        let decimals = dec_part.len() as u32;
        if clean.starts_with('.') {
            clean.insert(0, '0');
        }
        Digits {
            value: Decimal::from_str(&clean).ok(),
            integer,
            separated,
            decimals,
        }
    }
}

/// Two significant figures at least: "14,000" is ±500, "2,000" ±100, "10" ±0.5.
fn integer_precision(digits: &str) -> Decimal {
    let nd = digits.len() as u32;
    let tz = digits.bytes().rev().take_while(|&b| b == b'0').count() as u32;
    if tz == 0 || nd <= 2 {
        return Decimal::ONE;
    }
    pow10(tz.min(nd - 2))
}

/// A vulgar fraction glued after the digits: "2½".
fn mixed_fraction(ctx: &Cursor, n: &mut Number) {
    let i = n.end;
    if !ctx.at(i, Pat::sym("½").glued())
        && !ctx.at(i, Pat::sym("¼").glued())
        && !ctx.at(i, Pat::sym("¾").glued())
    {
        return;
    }
    let f = match ctx.t(i) {
        "½" => Decimal::new(5, 1),
        "¼" => Decimal::new(25, 2),
        _ => Decimal::new(75, 2),
    };
    if let Some(v) = n.value {
        n.value = v.checked_add(f);
        n.precision = Decimal::new(25, 2);
        n.end = i + 1;
    }
}

/// A power written with a caret: "2^10", "10^40" (the digits before the caret are the base).
fn power(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    if !ctx.seq(j, &[Pat::sym("^"), Pat::NUM]) {
        return false;
    }
    n.end = j + 2;
    let Some(base) = n.value else {
        return true;
    };
    let exp = ctx.t(j + 1).parse::<u64>().ok();
    match exp.and_then(|e| checked_pow(base, e)) {
        Some(v) => n.value = Some(v),
        None => {
            n.value = None;
            n.problem = Some(format!(
                "'{}^{}' is beyond the range of exact decimal arithmetic",
                ctx.t(n.first),
                ctx.t(j + 1)
            ));
        }
    }
    true
}

/// `base` to the power `exp`, by squaring; `None` when it overflows.
fn checked_pow(mut base: Decimal, mut exp: u64) -> Option<Decimal> {
    let mut acc = Decimal::ONE;
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.checked_mul(base)?;
        }
        exp >>= 1;
        if exp > 0 {
            base = base.checked_mul(base)?;
        }
    }
    Some(acc)
}

/// Scientific notation: "1.99×10−30", "3 x 10^6".
fn times_ten_power(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    let times = ctx.is_sym(j, "×") || ctx.is(j, Role::Times);
    if !times || !ctx.is_num(j + 1) || ctx.t(j + 1) != "10" {
        return false;
    }
    let mut k = j + 2;
    if ctx.is_sym(k, "^") {
        k += 1;
    }
    let neg = ctx.is_sym(k, "-") || ctx.is_sym(k, "−") || ctx.is_sym(k, "⁻");
    if neg {
        k += 1;
    }
    if !ctx.at(k, Pat::NUM.glued()) {
        return false;
    }
    let exp: i64 = ctx.t(k).parse().unwrap_or(i64::MAX);
    let mant = n.value.unwrap_or(Decimal::ONE);
    apply_power(n, mant, exp, neg, ctx.t(n.first));
    n.end = k + 1;
    true
}

/// `mant` × 10^±`exp`, or the problem that it cannot be represented.
fn apply_power(n: &mut Number, mant: Decimal, exp: i64, neg: bool, text: &str) {
    let mut v = Some(mant);
    if exp > 60 {
        v = None;
    } else {
        for _ in 0..exp {
            v = v.and_then(|x| {
                if neg {
                    Some(x / Decimal::TEN)
                } else {
                    x.checked_mul(Decimal::TEN)
                }
            });
        }
    }
    match v {
        Some(x) if !(neg && x.is_zero()) => {
            n.value = Some(x);
            if neg {
                n.precision = Decimal::ZERO;
            }
        }
        _ => {
            n.value = None;
            n.problem = Some(format!(
                "'{text}' × 10^{}{exp} is beyond the range of exact decimal arithmetic",
                if neg { "-" } else { "" }
            ));
        }
    }
}

/// A fraction in digits before "of": "1/16 of a pint".
fn slash_fraction(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    let slash = ctx.at(j, Pat::sym("/").glued()) || ctx.at(j, Pat::sym("⁄").glued());
    if !slash || !ctx.at(j + 1, Pat::NUM.glued()) || !ctx.is(j + 2, Role::Of) {
        return false;
    }
    let (Some(a), Ok(b)) = (n.value, Decimal::from_str(ctx.t(j + 1))) else {
        return false;
    };
    if b.is_zero() {
        return false;
    }
    n.value = a.checked_div(b);
    n.fraction = true;
    n.precision = Decimal::ZERO;
    n.end = j + 2;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extent(text: &str) -> &str {
        &text[..scan_number(text, 0, NumberSyntax::default())]
    }

    #[test]
    fn groups_and_decimals() {
        assert_eq!(extent("14,000 troops"), "14,000");
        assert_eq!(extent("1,234,567.89m"), "1,234,567.89");
        assert_eq!(extent("12,34"), "12");
        assert_eq!(extent("2014,500"), "2014");
        assert_eq!(extent("14 000 km"), "14 000");
        assert_eq!(
            extent("14\u{202f}000\u{202f}000"),
            "14\u{202f}000\u{202f}000"
        );
        assert_eq!(extent("5 100m"), "5 100");
        assert_eq!(extent("5 1000"), "5");
        assert_eq!(extent("3.5."), "3.5");
        assert_eq!(extent(".5%"), ".5");
    }

    #[test]
    fn values_separators_and_decimals() {
        let d = |s: &str| Digits::parse(s, NumberSyntax::default());
        let x = d("14,000");
        assert_eq!(x.value, Some(Decimal::from(14000)));
        assert_eq!(
            (x.integer.as_str(), x.separated, x.decimals),
            ("14000", true, 0)
        );
        let x = d("007.250");
        assert_eq!(x.value, Some(Decimal::new(7250, 3)));
        assert_eq!(
            (x.integer.as_str(), x.separated, x.decimals),
            ("7", false, 3)
        );
        assert_eq!(d(".5").value, Some(Decimal::new(5, 1)));
        assert!(d("14\u{202f}000").separated);
        assert_eq!(d(&"9".repeat(40)).value, None);
    }

    #[test]
    fn rounding_implied_by_trailing_zeros() {
        assert_eq!(integer_precision("14000"), Decimal::from(1000));
        assert_eq!(integer_precision("2000"), Decimal::from(100));
        assert_eq!(integer_precision("10"), Decimal::ONE);
        assert_eq!(integer_precision("14"), Decimal::ONE);
        assert_eq!(integer_precision("1234"), Decimal::ONE);
    }

    /// (value, precision, tokens read) of the number at the first token.
    fn number(text: &str) -> (Option<String>, String, usize) {
        crate::extract::cursor::on_text(text, |c| {
            let n = read(c, 0);
            (
                n.value.map(|v| v.normalize().to_string()),
                n.precision.normalize().to_string(),
                n.end,
            )
        })
    }

    #[test]
    fn glued_fractions_powers_and_slashes() {
        assert_eq!(number("2½ miles"), (Some("2.5".into()), "0.25".into(), 2));
        assert_eq!(
            number("1/16 of a pint"),
            (Some("0.0625".into()), "0".into(), 3)
        );
        assert_eq!(number("1/0 of"), (Some("1".into()), "1".into(), 1));
        assert_eq!(
            number("3 x 10^6 cells"),
            (Some("3000000".into()), "1".into(), 5)
        );
        assert_eq!(number("1.5×10−3 g"), (Some("0.0015".into()), "0".into(), 5));
        assert_eq!(number("10^40").0, None);
        assert_eq!(number("2^10 bytes"), (Some("1024".into()), "1".into(), 3));
        assert_eq!(number("10^3"), (Some("1000".into()), "1".into(), 3));
        assert_eq!(number("1^9999999999999").0, Some("1".into()));
        assert_eq!(number("2^1,000").0, None);
    }

    #[test]
    fn another_syntax_swaps_the_marks() {
        let de = NumberSyntax {
            decimal: b',',
            group: b'.',
        };
        let t = "1.234,5 Euro";
        assert_eq!(&t[..scan_number(t, 0, de)], "1.234,5");
        assert_eq!(
            Digits::parse("1.234,5", de).value,
            Some(Decimal::new(12345, 1))
        );
    }
}
