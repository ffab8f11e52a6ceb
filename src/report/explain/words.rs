//! Wording shared by the explanations: figures with their units as an editor writes them,
//! amounts in words, qualifiers, and the reasons a conversion fails.

use rust_decimal::Decimal;

use crate::check::{ConvertError, FactRef, ScaleSlip};
use crate::claim::{Claim, Interval, Qualifier, fmt_num};
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::RateError;

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
fn plural(noun: &str) -> String {
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
