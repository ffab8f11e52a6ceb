//! Wording shared by the explanations: figures with their units as an editor writes them,
//! amounts in words, qualifiers, and the reasons a conversion fails.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::check::{ConvertError, FactRef, Gap, ScaleSlip};
use crate::claim::{Claim, ClaimKind, Interval, Qualifier, fmt_num};
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::RateError;

/// A number to three significant digits, with separators: 2,850 · 54.2 · 0.0123 · 1,230.
pub(crate) fn sig3(v: Decimal) -> String {
    if v.is_zero() {
        return "0".into();
    }
    fmt_num(v.round_sf(3).unwrap_or(v))
}

/// How a claim writes its amounts: a currency sign before the number ("$", "US$", "£"), a scale
/// after it ("bn", " million") and a unit after that ("km", "%", "troops", "euros").
#[derive(Debug, Clone, Default)]
pub(crate) struct Style {
    prefix: String,
    scale: Option<(String, Decimal)>,
    /// The unit after the number, with its leading space ("%" has none).
    unit: Unit,
}

/// A unit written after a number, singular and plural.
#[derive(Debug, Clone, Default)]
struct Unit {
    one: String,
    many: String,
}

impl Unit {
    fn same(s: &str) -> Unit {
        Unit {
            one: s.into(),
            many: s.into(),
        }
    }
}

/// The unit of a claim as reports write it after a number: a short symbol ("km", "mi"), a
/// currency's code when the claim writes no sign, "%", or the counted noun.
fn unit_after(lex: &Lexicon, c: &Claim, has_prefix: bool, rest: &str) -> Unit {
    match c.reading.unit.map(|u| lex.unit(u)) {
        Some(u) if u.kind == UnitKind::Percent => Unit::same("%"),
        Some(u) if u.kind == UnitKind::PercentagePoint => Unit {
            one: " point".into(),
            many: " points".into(),
        },
        Some(u) if u.kind == UnitKind::Currency => {
            if has_prefix {
                return Unit::default();
            }
            // the currency's name as the claim writes it ("euros", "baht"), else its code
            let named = rest
                .split_whitespace()
                .map(|w| w.trim_matches(|ch: char| !ch.is_alphabetic()))
                .find(|w| !w.is_empty() && lex.resolve_unit(w) == c.reading.unit);
            match named {
                Some(w) => Unit::same(&format!(" {w}")),
                None => Unit::same(&format!(" {}", u.code)),
            }
        }
        Some(u) => match u.symbol.as_deref() {
            Some(sym) if (2..=4).contains(&sym.chars().count()) && !sym.contains('|') => {
                Unit::same(&format!(" {sym}"))
            }
            _ => Unit {
                one: format!(" {}", u.name),
                many: format!(" {}", plural_name(&u.name)),
            },
        },
        None => match c.reading.counted.as_deref() {
            Some(n) => {
                // the noun as the claim writes it, capitals kept ("Afghans")
                let many = plural(n);
                let written = c
                    .reading
                    .counted_phrase
                    .as_deref()
                    .and_then(|p| p.split_whitespace().last())
                    .filter(|w| w.to_lowercase() == many);
                match written {
                    Some(w) if w.starts_with(char::is_uppercase) => {
                        let mut one = n.to_string();
                        if let Some(first) = one.get_mut(..1) {
                            first.make_ascii_uppercase();
                        }
                        Unit {
                            one: format!(" {one}"),
                            many: format!(" {w}"),
                        }
                    }
                    _ => Unit {
                        one: format!(" {n}"),
                        many: format!(" {many}"),
                    },
                }
            }
            None => Unit::default(),
        },
    }
}

/// The plural of a unit name: its first word ("kilometres per hour", "tonnes of oil").
fn plural_name(name: &str) -> String {
    match name.split_once(' ') {
        Some((first, rest)) if rest.starts_with("per ") || rest.starts_with("of ") => {
            format!("{} {rest}", plural(first))
        }
        _ => plural(name),
    }
}

/// How claim `c` writes its amounts; `written` is the claim as the extractor read it (entities
/// decoded).
pub(crate) fn style(lex: &Lexicon, c: &Claim, written: &str) -> Style {
    let text = oneline(written);
    let Some(d) = text.find(|ch: char| ch.is_ascii_digit()) else {
        // written in words ("one billion euros"): amounts in words with the claim's unit
        return Style {
            prefix: String::new(),
            scale: None,
            unit: unit_after(lex, c, false, &text),
        };
    };
    let before = &text[..d];
    let token = before.rsplit(' ').next().unwrap_or("");
    let prefix = if !token.is_empty() && !token.chars().all(char::is_alphabetic) {
        token.to_string()
    } else {
        let word = before.trim_end().rsplit(' ').next().unwrap_or("");
        if before.ends_with(' ')
            && word.len() == 3
            && word.chars().all(|ch| ch.is_ascii_uppercase())
            && lex.unit_by_code(word) == c.reading.unit
        {
            format!("{word} ")
        } else {
            String::new()
        }
    };
    let after =
        text[d..].trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == ',' || ch == '.');
    let (scale, rest) = scale_after(lex, after);
    let has = !prefix.is_empty();
    Style {
        unit: unit_after(lex, c, has, rest),
        prefix,
        scale,
    }
}

/// The scale right after a number ("bn", " million") and the text after it.
fn scale_after<'t>(lex: &Lexicon, after: &'t str) -> (Option<(String, Decimal)>, &'t str) {
    let attached: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
    if let Some(s) = lex
        .scales
        .get(&attached)
        .filter(|s| s.attached && !attached.is_empty())
    {
        return (
            Some((attached.clone(), s.multiplier)),
            &after[attached.len()..],
        );
    }
    if let Some(spaced) = after.strip_prefix(' ') {
        let word: String = spaced.chars().take_while(|ch| ch.is_alphabetic()).collect();
        if let Some(s) = lex
            .scales
            .get(&word)
            .filter(|s| s.spaced && !word.is_empty())
        {
            return (
                Some((format!(" {word}"), s.multiplier)),
                &spaced[word.len()..],
            );
        }
    }
    (None, after)
}

/// How many digits an amount is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Digits {
    /// Three significant digits (a computed or converted figure).
    Three,
    /// Rounded to this step (one finer than the claim it is compared with).
    Step(Decimal),
    /// As it is (a fact's own figure).
    Exact,
}

impl Digits {
    /// The same digits for a figure written in units of `m` (millions, billions).
    fn per(self, m: Decimal) -> Digits {
        match self {
            Digits::Step(step) if !m.is_zero() => Digits::Step(step / m),
            d => d,
        }
    }

    fn write(self, v: Decimal) -> String {
        match self {
            Digits::Three => sig3(v),
            Digits::Step(step) if !step.is_zero() => {
                let n = (v / step).round_dp_with_strategy(
                    0,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                fmt_num(n * step)
            }
            _ => fmt_num(v),
        }
    }
}

impl Style {
    /// `v` written as the claim writes its numbers, without the unit after them: "$54bn",
    /// "270", "1.2 billion". The claim's scale is kept for amounts of one unit of it or more.
    fn number(&self, v: Decimal, digits: Digits) -> String {
        let (num, scale) = match &self.scale {
            Some((word, m))
                if !m.is_zero() && v.abs() >= *m && v.abs() < *m * Decimal::ONE_THOUSAND =>
            {
                (digits.per(*m).write(v / *m), word.clone())
            }
            _ if v.abs() >= Decimal::from(1_000_000) => {
                let (m, w) = word_scale(v);
                (digits.per(m).write(v / m), format!(" {w}"))
            }
            _ => (digits.write(v), String::new()),
        };
        format!("{}{num}{scale}", self.prefix)
    }

    /// `v` written as the claim writes its amounts, to three significant digits: "$54bn",
    /// "270 km", "453 troops", "10.9%", "1.2 billion euros".
    pub(crate) fn amount(&self, v: Decimal) -> String {
        self.amount_with(v, Digits::Three)
    }

    /// `v` written as the claim writes its amounts, with these digits.
    pub(crate) fn amount_with(&self, v: Decimal, digits: Digits) -> String {
        let n = self.number(v, digits);
        let one = n.trim_start_matches(|ch: char| !ch.is_ascii_digit()) == "1";
        format!("{n}{}", if one { &self.unit.one } else { &self.unit.many })
    }

    /// A range in the claim's style: "560,000–2 million Afghans", "$1.1bn–$1.2bn".
    pub(crate) fn range(&self, lo: Decimal, hi: Decimal, digits: Digits) -> String {
        format!(
            "{}–{}{}",
            self.number(lo, digits),
            self.number(hi, digits),
            self.unit.many
        )
    }
}

/// The word scale for a large amount: (a billion, "billion").
fn word_scale(v: Decimal) -> (Decimal, &'static str) {
    for (scale, word) in [
        (Decimal::from(1_000_000_000_000u64), "trillion"),
        (Decimal::from(1_000_000_000u64), "billion"),
    ] {
        if v.abs() >= scale {
            return (scale, word);
        }
    }
    (Decimal::from(1_000_000u64), "million")
}

/// A gap in the claim's own terms (`st`, its style): "$99m (18%) too high", "12 points (31%)
/// too low".
pub(crate) fn gap_words(lex: &Lexicon, c: &Claim, st: &Style, gap: &Gap) -> String {
    gap_words_as(lex, c, st, gap, false)
}

/// A gap in the claim's own terms, a length's as "270 km (9.5%) short" when `lengthwise`.
pub(crate) fn gap_words_as(
    lex: &Lexicon,
    c: &Claim,
    st: &Style,
    gap: &Gap,
    lengthwise: bool,
) -> String {
    let amount = match c.reading.kind {
        // a gap between percentages is in points
        ClaimKind::Percent => format!("{} points", sig3(gap.absolute)),
        _ => st.amount(gap.absolute),
    };
    let length = lengthwise
        && c.reading
            .unit
            .is_some_and(|u| lex.unit(u).dimension == "length");
    let Some(r) = gap.relative else {
        return format!("{amount} off");
    };
    let (low, high) = if length {
        ("short", "long")
    } else {
        ("too low", "too high")
    };
    format!(
        "{amount} ({}) {}",
        percent_words(r.abs()),
        if r.is_sign_negative() { low } else { high }
    )
}

/// A fraction as a percentage an editor reads: 0.0947 → "9.5%", 0.18 → "18%", 0.004 → "0.4%".
pub(crate) fn percent_words(fraction: Decimal) -> String {
    let p = fraction.to_f64().unwrap_or(0.0) * 100.0;
    if p >= 10.0 {
        format!("{p:.0}%")
    } else if p >= 0.1 {
        format!("{p:.1}%")
    } else {
        format!("{p:.2}%")
    }
}

/// "1.16 billion", "83.3 million", "14,453".
pub(crate) fn human_amount(v: Decimal) -> String {
    let a = v.abs();
    for (scale, word) in [
        (Decimal::from(1_000_000_000_000u64), "trillion"),
        (Decimal::from(1_000_000_000u64), "billion"),
        (Decimal::from(1_000_000u64), "million"),
    ] {
        if a >= scale {
            let x = (v / scale).round_sf(3).unwrap_or(v / scale);
            return format!("{} {word}", fmt_num(x));
        }
    }
    fmt_num(v.round_dp(2))
}

/// "1.16 billion" or "560,000–2 million".
pub(crate) fn human_range(lo: Decimal, hi: Decimal) -> String {
    if lo == hi {
        human_amount(lo)
    } else {
        format!("{}–{}", human_amount(lo.min(hi)), human_amount(lo.max(hi)))
    }
}

/// The unit of a claim as reports name it: its code, or the counted noun.
pub(crate) fn unit_label(lex: &Lexicon, c: &Claim) -> String {
    match c.reading.unit {
        Some(u) => lex.unit(u).code.clone(),
        None => c.reading.counted.clone().unwrap_or_default(),
    }
}

/// A figure with its unit as an editor writes it: "USD 541 million", "2,850 km", "14,453 troops".
pub(crate) fn with_unit(
    lex: &Lexicon,
    unit: Option<UnitId>,
    counted: Option<&str>,
    v: &str,
) -> String {
    let one = v == "1";
    match unit {
        Some(u) => {
            let u = lex.unit(u);
            match u.kind {
                UnitKind::Currency => format!("{} {v}", u.code),
                UnitKind::Percent => format!("{v}%"),
                _ => match &u.symbol {
                    Some(sym) if sym.chars().count() <= 4 && !sym.contains('|') => {
                        format!("{v} {sym}")
                    }
                    _ if one => format!("{v} {}", u.name),
                    _ => format!("{v} {}", plural(&u.name)),
                },
            }
        }
        None => match counted {
            Some(c) if one => format!("{v} {c}"),
            Some(c) => format!("{v} {}", plural(c)),
            None => v.to_string(),
        },
    }
}

/// English plural of a singular noun, good enough for reports.
pub(crate) fn plural(noun: &str) -> String {
    match noun {
        "person" => "people".into(),
        "foot" => "feet".into(),
        "man" => "men".into(),
        "woman" => "women".into(),
        "child" => "children".into(),
        "staff" | "police" | "personnel" | "sheep" | "fish" => noun.into(),
        n if n.ends_with('y') && !n.ends_with("ay") && !n.ends_with("ey") && !n.ends_with("oy") => {
            format!("{}ies", &n[..n.len() - 1])
        }
        n if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') => {
            format!("{n}es")
        }
        n => format!("{n}s"),
    }
}

/// The words of a qualifier ("more than"); none for exact figures and ranges.
pub(crate) fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact | Qualifier::Range => "",
        Qualifier::Approximately => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::UpTo => "up to",
        Qualifier::LessThan => "less than",
        Qualifier::AtMost => "at most",
    }
}

/// Text on one line, runs of white space made one space.
pub(crate) fn oneline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "read as: more than 14,000 troops → (14,000, ∞)": how a claim was understood.
pub(crate) fn read_as(lex: &Lexicon, c: &Claim, interval: &Interval) -> String {
    format!(
        "read as: {} {} → {}",
        qualifier_words(c.reading.qualifier),
        with_unit(
            lex,
            c.reading.unit,
            c.reading.counted.as_deref(),
            &claim_value_text(c)
        ),
        interval.display()
    )
    .replace("  ", " ")
}

fn claim_value_text(c: &Claim) -> String {
    match (c.reading.value, c.reading.value_high) {
        (Some(a), Some(b)) => format!("{}–{}", fmt_num(a), fmt_num(b)),
        (Some(a), None) => fmt_num(a),
        _ => "?".into(),
    }
}

/// A short description of what a claim states: "USD 1,200,000,000", "14,000 troop".
pub(crate) fn describe_value(c: &Claim, lex: &Lexicon) -> String {
    let v = match (c.reading.value, c.reading.value_high) {
        (Some(a), Some(b)) => format!("{}–{}", fmt_num(a), fmt_num(b)),
        (Some(a), None) => fmt_num(a),
        _ => "(unrepresentable)".into(),
    };
    let per = c
        .reading
        .per
        .as_ref()
        .map(|p| format!(" per {p}"))
        .unwrap_or_default();
    let unit = match c.reading.unit {
        Some(u) => {
            let u = lex.unit(u);
            match u.kind {
                UnitKind::Currency => return format!("{} {v}{per}", u.code),
                UnitKind::Percent => return format!("{v}%{per}"),
                _ => u.code.clone(),
            }
        }
        None => c.reading.counted.clone().unwrap_or_default(),
    };
    if unit.is_empty() {
        v
    } else {
        format!("{v} {unit}{per}")
    }
}

/// The unit of a fact as reports show it: as its table writes it, or what it counts.
pub(crate) fn fact_unit(f: &FactRef) -> &str {
    if f.unit_text.is_empty() {
        f.counted.as_deref().unwrap_or_default()
    } else {
        &f.unit_text
    }
}

/// "\"Soviet troops\"", "this length figure", "this figure".
pub(crate) fn describe_subject(lex: &Lexicon, c: &Claim) -> String {
    match (&c.reading.counted_phrase, c.reading.unit) {
        (Some(p), _) => format!("\"{}\"", oneline(p)),
        (None, Some(u)) => format!("this {} figure", lex.unit(u).dimension.replace('_', " ")),
        _ => "this figure".into(),
    }
}

/// A fraction as a percentage: 0.03 → "3".
pub(crate) fn percent_of(fraction: Decimal) -> String {
    fmt_num(fraction.saturating_mul(Decimal::ONE_HUNDRED))
}

/// "the figure is about 1000 times too large (a thousand-fold slip: …)".
pub(crate) fn scale_slip(s: ScaleSlip) -> String {
    let (k, name) = match s.thousands {
        1 => ("1000", "thousand"),
        2 => ("1000000", "million"),
        _ => ("1000000000", "billion"),
    };
    let word = if s.too_large {
        "too large"
    } else {
        "too small"
    };
    let example = match name {
        "thousand" => "thousand for million, or million for billion",
        _ => "units of a different scale",
    };
    format!("the figure is about {k} times {word} (a {name}-fold slip: {example})")
}

/// Why a conversion failed, in a sub-editor's words.
pub(crate) fn convert_error(e: &ConvertError) -> String {
    match e {
        ConvertError::NoDate => {
            "the article has no date to take an exchange rate from (give --date)".into()
        }
        ConvertError::Rate(r) => rate_error(r),
        ConvertError::AmountTooLarge => "the converted amount is too large".into(),
        ConvertError::ValueTooLarge => "the converted value is too large".into(),
        ConvertError::ZeroFactor { unit } => format!("unit {unit} has a zero factor"),
        ConvertError::Incomparable { from, to } => {
            format!("{from} and {to} measure different things")
        }
    }
}

fn rate_error(e: &RateError) -> String {
    match e {
        RateError::NotPublished { code } => {
            format!("the ECB publishes no reference rate for {code}")
        }
        RateError::BeforeHistory { date, first } => format!(
            "{date} is before the ECB rate history ({} onwards)",
            first.map(|d| d.to_string()).unwrap_or_default()
        ),
        RateError::AfterHistory { date, last } => {
            format!("{date} is after the end of the ECB rate history ({last})")
        }
        RateError::NoRateNear { code, date } => {
            format!("the ECB published no {code} rate on or shortly before {date}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_words() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(human_amount(d("1162300000")), "1.16 billion");
        assert_eq!(human_amount(d("83333333")), "83.3 million");
        assert_eq!(human_amount(d("14453")), "14,453");
        assert_eq!(human_amount(d("3.14159")), "3.14");
        assert_eq!(human_range(d("560000"), d("2000000")), "560,000–2 million");
    }

    #[test]
    fn plurals_for_reports() {
        assert_eq!(plural("troop"), "troops");
        assert_eq!(plural("ferry"), "ferries");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("bus"), "buses");
        assert_eq!(plural("person"), "people");
        assert_eq!(plural("staff"), "staff");
    }

    #[test]
    fn slips_name_their_scale() {
        let s = scale_slip(ScaleSlip {
            thousands: 2,
            too_large: false,
        });
        assert_eq!(
            s,
            "the figure is about 1000000 times too small (a million-fold slip: units of a different scale)"
        );
    }
}
