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
    if let Some(end) = indian_groups(b, i, first_group, syntax) {
        i = end;
        if i + 1 < b.len() && b[i] == syntax.decimal && b[i + 1].is_ascii_digit() {
            i = digits(i + 1);
        }
        return i;
    }
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

/// The end of Indian digit grouping after a lead of one or two digits ending at `i`: groups of
/// two, then a last group of three ("2,50,000", "12,34,56,789"), and no digit or group mark
/// after it. No number in the grouping of thousands is written so.
fn indian_groups(b: &[u8], mut i: usize, lead: usize, syntax: NumberSyntax) -> Option<usize> {
    let is_digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let run = |k: usize| (k..).take_while(|&x| is_digit(x)).count();
    if !(1..=2).contains(&lead) || syntax.group != b',' {
        return None;
    }
    let mut twos = 0;
    while b.get(i) == Some(&syntax.group) && run(i + 1) == 2 {
        i += 3;
        twos += 1;
    }
    let last = run(i + 1);
    let ends = b.get(i) == Some(&syntax.group) && last == 3;
    let after = i + 1 + last;
    let group_follows = b.get(after) == Some(&syntax.group) && is_digit(after + 1);
    let clean = !(is_digit(after) || group_follows);
    (twos >= 1 && ends && clean).then_some(after)
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
    foreign_decimal_mark(ctx, &mut n);
    mixed_fraction(ctx, &mut n);
    if power(ctx, &mut n)
        || times_ten_power(ctx, &mut n)
        || e_notation(ctx, &mut n)
        || slash_fraction(ctx, &mut n)
        || mixed_slash(ctx, &mut n)
    {
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

/// Two digits after the grouping mark, which cannot be a group of the article's syntax: "5,00
/// euros" in an English article is 5.00 written with a decimal comma. Read so, with the problem
/// named (not 5 and then 0); "1,2,3" and "12,345" are not this.
fn foreign_decimal_mark(ctx: &Cursor, n: &mut Number) {
    let j = n.end;
    let group = ctx.syntax.group as char;
    let mark = ctx.t(j).len() == 1 && ctx.t(j).starts_with(group);
    if !mark || !ctx.glued(j) || !ctx.at(j + 1, Pat::NUM.glued()) {
        return;
    }
    let frac = ctx.t(j + 1);
    let list = ctx.glued(j + 2) && (ctx.is_num(j + 2) || ctx.t(j + 2).starts_with(group));
    let before = n.first > 0 && ctx.glued(n.first) && ctx.t(n.first - 1).starts_with(group);
    if frac.len() != 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || list
        || before
        || n.has_separator
        || n.decimals > 0
    {
        return;
    }
    let whole = ctx.t(n.first);
    let Ok(v) = Decimal::from_str(&format!("{whole}.{frac}")) else {
        return;
    };
    n.value = Some(v);
    n.decimals = 2;
    n.precision = Decimal::new(1, 2);
    n.problem = Some(format!(
        "'{whole}{group}{frac}' has a decimal comma, which this article's number syntax does not use: read as {whole}.{frac}"
    ));
    n.end = j + 2;
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
        // a value below the 28 decimal places of exact arithmetic would round to 0
        let nonzero = clean.bytes().any(|b| (b'1'..=b'9').contains(&b));
        let value = Decimal::from_str(&clean)
            .ok()
            .filter(|v| !(v.is_zero() && nonzero));
        Digits {
            value,
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

/// E-notation glued to the digits: "1.5e3", "2E6", "4e14", "1.5E-5", "1e309" (a value past
/// exact decimal arithmetic is a claim with no value, and the problem named).
fn e_notation(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    if !ctx.at(j, Pat::WORD.glued()) || !matches!(ctx.t(j), "e" | "E") {
        return false;
    }
    let mut k = j + 1;
    let neg = ctx.at(k, Pat::sym("-").glued()) || ctx.at(k, Pat::sym("−").glued());
    if neg || ctx.at(k, Pat::sym("+").glued()) {
        k += 1;
    }
    // the exponent is plain digits, and nothing letter-like is glued after it ("1e3x" is a code)
    let plain = ctx.t(k).bytes().all(|b| b.is_ascii_digit());
    if !ctx.at(k, Pat::NUM.glued()) || !plain || (ctx.glued(k + 1) && ctx.is_word(k + 1)) {
        return false;
    }
    let exp: i64 = ctx.t(k).parse().unwrap_or(i64::MAX);
    let mant = n.value.unwrap_or(Decimal::ONE);
    let decimals = n.decimals as i64;
    apply_power(n, mant, exp, neg, ctx.t(n.first));
    if n.value.is_some() {
        // "1.5e3", "1.5E-5": the mantissa's last digit, scaled
        let place = if neg { -exp - decimals } else { exp - decimals };
        n.precision = if place >= 0 {
            pow10(place.min(28) as u32)
        } else {
            Decimal::ONE / pow10((-place).min(28) as u32)
        };
    }
    n.scaled = true;
    n.end = k + 1;
    true
}

/// `mant` × 10^±`exp`, or the problem that it cannot be represented.
fn apply_power(n: &mut Number, mant: Decimal, exp: i64, neg: bool, text: &str) {
    let mut v = Some(mant);
    // past 28 decimal places a value rounds towards 0: it cannot be represented
    if exp > 60 || (neg && exp.saturating_add(i64::from(mant.scale())) > 28) {
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

/// A fraction in digits before "of" or a unit: "1/16 of a pint", "3/4 cup", "a 1/4 mile
/// lap"; after a whole number it is a mixed number: "10 1/2 miles", "2 1/2 in". A fraction
/// is less than one (so "24/7" and "9/11" are none).
fn slash_fraction(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    let slash = ctx.at(j, Pat::sym("/").glued()) || ctx.at(j, Pat::sym("⁄").glued());
    if !slash
        || !ctx.at(j + 1, Pat::NUM.glued())
        || !(ctx.is(j + 2, Role::Of) || unit_follows(ctx, j + 2))
    {
        return false;
    }
    let (Some(a), Ok(b)) = (n.value, Decimal::from_str(ctx.t(j + 1))) else {
        return false;
    };
    if b.is_zero() || (!ctx.is(j + 2, Role::Of) && a >= b) {
        return false;
    }
    n.value = a.checked_div(b);
    n.fraction = true;
    n.precision = Decimal::ZERO;
    n.end = j + 2;
    true
}

/// Does a unit start at token `k` ("cup", "miles", "in")?
fn unit_follows(ctx: &Cursor, k: usize) -> bool {
    ctx.is_word(k)
        && ctx.ws(k) <= 1
        && (ctx.lex.unit_names.contains_key(ctx.low(k))
            || ctx.lex.unit_symbols.contains_key(ctx.t(k)))
}

/// A whole number, a space and a fraction before a unit: "10 1/2 miles" (not "5 3/4" alone, nor
/// after a number with decimals or separators).
fn mixed_slash(ctx: &Cursor, n: &mut Number) -> bool {
    let j = n.end;
    if n.decimals > 0 || n.has_separator || !ctx.at(j, Pat::NUM.spaced()) || ctx.ws(j) != 1 {
        return false;
    }
    let slash = ctx.at(j + 1, Pat::sym("/").glued()) || ctx.at(j + 1, Pat::sym("⁄").glued());
    if !slash || !ctx.at(j + 2, Pat::NUM.glued()) || !unit_follows(ctx, j + 3) {
        return false;
    }
    let (Some(w), Ok(a), Ok(b)) = (
        n.value,
        Decimal::from_str(ctx.t(j)),
        Decimal::from_str(ctx.t(j + 2)),
    ) else {
        return false;
    };
    if b.is_zero() || a >= b {
        return false;
    }
    n.value = a.checked_div(b).and_then(|f| w.checked_add(f));
    n.precision = Decimal::ZERO;
    n.end = j + 3;
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
    fn indian_grouping() {
        assert_eq!(extent("3,40,000 rupees"), "3,40,000");
        assert_eq!(extent("98,76,54,321."), "98,76,54,321");
        assert_eq!(extent("7,25,000.50 each"), "7,25,000.50");
        // not Indian grouping: a last group of two, a lead of three, a digit run after
        assert_eq!(extent("4,20,60"), "4");
        assert_eq!(extent("420,60,000"), "420");
        assert_eq!(extent("4,20,6000"), "4");
        let d = Digits::parse("3,40,000", NumberSyntax::default());
        assert_eq!(d.value, Some(Decimal::from(340_000)));
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
