//! The English of the reference rule's verdicts.

use rust_decimal::Decimal;

use super::words::{
    Digits, Style, convert_error, describe_subject, gap_words_as, human_range, oneline, percent_of,
    qualifier_words, read_as, scale_slip, unit_label, with_unit,
};
use super::{Prose, Subject, linked_by};
use crate::check::{Comparison, FactRef, Frame, FrameKind, ReferenceEvidence};
use crate::claim::{ClaimKind, Qualifier};
use crate::reference::RateUsed;

pub(crate) fn explain(s: &Subject, e: &ReferenceEvidence) -> Prose {
    let (lex, c, v) = (s.lex, s.claim, s.verdict);
    let text = oneline(&c.text);
    match (e, &v.fact) {
        (ReferenceEvidence::Unrepresentable, _) => Prose {
            summary: c
                .reading
                .problem
                .clone()
                .unwrap_or_else(|| "the figure cannot be represented".into()),
            ..Prose::default()
        },
        (ReferenceEvidence::Framed { frame }, _) => framed(s, frame),
        (ReferenceEvidence::Ambiguous { others }, Some(f)) => {
            let named: Vec<String> = std::iter::once(f)
                .chain(others)
                .map(|f| fact_value(s, f))
                .collect();
            let mut p = Prose {
                summary: format!("facts fit equally: {}", named.join("; ")),
                ..Prose::default()
            };
            p.details.push(linked_by(v));
            p
        }
        (ReferenceEvidence::PointsForPercent, Some(f)) => {
            let pct = human_range(f.low, f.high);
            Prose {
                summary: format!(
                    "{text} gives percentage points, but {} {} is a percentage ({pct}%)",
                    f.entity, f.measure
                ),
                explanation: vec![
                    format!("fact: {}, {} = {pct}% — {}", f.entity, f.measure, f.source),
                    "a percent read as points: points measure a difference between two percentages"
                        .into(),
                ],
                details: vec![linked_by(v)],
                suggestion: Some(format!("{pct}%")),
                source_note: None,
            }
        }
        (ReferenceEvidence::CannotConvert { error }, Some(f)) => Prose {
            summary: format!(
                "linked to {} {}, but cannot convert: {}",
                f.entity,
                f.measure,
                convert_error(error)
            ),
            ..Prose::default()
        },
        (
            ReferenceEvidence::Compared {
                low,
                high,
                rate,
                slack,
                hedge,
                outcome,
                ..
            },
            Some(f),
        ) => compared(
            s,
            f,
            (*low, *high),
            rate.as_ref(),
            *slack,
            hedge.as_deref(),
            outcome,
        ),
        // no fact (the only evidence that comes without one)
        _ => {
            let mut p = Prose {
                summary: match c.reading.kind {
                    ClaimKind::Number => {
                        "no reference fact; nothing says what the number counts".into()
                    }
                    _ => format!("no reference fact about {}", describe_subject(lex, c)),
                },
                ..Prose::default()
            };
            if let Some(interval) = &c.interval {
                p.details.push(read_as(lex, c, interval));
            }
            if let Some(note) = &c.reading.unit_note {
                p.explanation.push(note.clone());
            }
            p
        }
    }
}

/// Why a framed claim was not compared.
fn framed(s: &Subject, f: &Frame) -> Prose {
    let cue = f.cue.replace("{year}", "");
    let cue = cue.trim();
    let summary = match f.kind {
        FrameKind::Projection => match f.year {
            Some(y) => format!("a forecast for {y} (\"{cue} {y}\"): no fact for that year"),
            None => format!("a forecast (\"{cue}\"): not compared with figures of today"),
        },
        FrameKind::PartOfTotal => {
            format!("a part of a total (\"{cue}\"): not compared with the whole's figures")
        }
        FrameKind::Subset => {
            format!("some of a population (\"{cue}\"): not compared with the whole's figures")
        }
        FrameKind::OtherEntity => {
            format!("about another place or body (\"{cue}\"): not compared")
        }
        FrameKind::MeasureMismatch => format!(
            "{cue} is not {}: not compared with it",
            f.excludes.first().map_or("the fact", String::as_str)
        ),
        _ => format!("not compared (\"{cue}\")"),
    };
    let mut p = Prose {
        summary,
        ..Prose::default()
    };
    if let Some(interval) = &s.claim.interval {
        p.details.push(read_as(s.lex, s.claim, interval));
    }
    p
}

/// A fact with its value, as an ambiguous verdict lists it: "Danube, length: 2,850 km".
fn fact_value(s: &Subject, f: &FactRef) -> String {
    format!(
        "{}, {}: {}",
        f.entity,
        f.measure,
        with_unit(
            s.lex,
            f.unit,
            f.counted.as_deref(),
            &human_range(f.low, f.high)
        )
    )
}

/// A fact's range in a claim's style: "$1.16bn", "560,000–2 million Afghans", "14,453 troops".
/// A fact in the claim's own unit with five significant digits or fewer is written as it is;
/// a converted or longer one to three significant digits.
fn in_style(
    st: &Style,
    f: &FactRef,
    c_unit: Option<crate::lexicon::UnitId>,
    lo: Decimal,
    hi: Decimal,
) -> String {
    let digits = digits_for(f, c_unit, lo, hi);
    if lo == hi {
        st.amount_with(lo, digits)
    } else {
        st.range(lo.min(hi), lo.max(hi), digits)
    }
}

/// The digits a fact is written with: as it is when in the claim's unit with five significant
/// digits or fewer, else three.
fn digits_for(
    f: &FactRef,
    c_unit: Option<crate::lexicon::UnitId>,
    lo: Decimal,
    hi: Decimal,
) -> Digits {
    let short = |v: Decimal| {
        let mut m = v.normalize().mantissa().unsigned_abs();
        while m >= 10 && m.is_multiple_of(10) {
            m /= 10;
        }
        m < 100_000
    };
    if f.unit == c_unit && short(lo) && short(hi) {
        Digits::Exact
    } else {
        Digits::Three
    }
}

/// The claim against its fact: the fact, the conversion, the gap; how it was read and linked.
fn compared(
    s: &Subject,
    f: &FactRef,
    (flo, fhi): (Decimal, Decimal),
    rate: Option<&RateUsed>,
    slack: Decimal,
    hedge: Option<&str>,
    outcome: &Comparison,
) -> Prose {
    let (lex, c, v) = (s.lex, s.claim, s.verdict);
    let text = oneline(&c.text);
    let st = s.style(c);
    let fact = in_style(&st, f, c.reading.unit, flo, fhi);
    let mut p = Prose::default();
    if let Some(interval) = &c.interval {
        p.details.push(read_as(lex, c, interval));
    }
    p.explanation.push(fact_line(s, f));
    p.explanation.extend(statistic_lines(f));
    if let Some(r) = rate {
        p.explanation.push(format!(
            "converted at {} {}/{} ({}): {fact}, allowing {}% for exchange-rate movement",
            r.rate.round_dp(6).normalize(),
            r.to,
            r.from,
            r.source(),
            percent_of(slack)
        ));
    } else if f.unit != c.reading.unit {
        let unit = unit_label(lex, c);
        p.details.push(format!(
            "in {}: {}",
            if unit.is_empty() {
                "the claim's unit"
            } else {
                &unit
            },
            human_range(flo, fhi)
        ));
    }
    p.details.push(linked_by(v));
    match outcome {
        Comparison::Rounded => {
            // the fact as it is when short, else one digit finer than the claim, so that the
            // rounding shows
            let finer = Digits::Step(c.reading.precision / Decimal::TEN);
            let shown = match digits_for(f, c.reading.unit, flo, fhi) {
                Digits::Exact => fact.clone(),
                _ if flo == fhi => st.amount_with(flo, finer),
                _ => st.range(flo.min(fhi), flo.max(fhi), finer),
            };
            p.summary = format!("{text} is a rounded form of {shown}");
        }
        Comparison::Agrees => {
            p.summary = format!("{text} agrees with {} {}", f.entity, f.measure);
        }
        Comparison::WithinTolerance => {
            let tol = f.tolerance.map(|t| t.to_string()).unwrap_or_default();
            p.summary = format!(
                "{text} is within {tol} of {fact}: sources of {} differ by that much",
                f.measure.to_lowercase()
            );
        }
        Comparison::Hedged => {
            p.summary = format!(
                "{text} is given as approximate (\"{}\"): {fact} is within it",
                hedge.unwrap_or("")
            );
        }
        Comparison::Wrong {
            qualifier_flip,
            scale_slip: slip,
            nearest,
        } => {
            let stated = c.reading.value.unwrap_or_default();
            p.summary = if f.statistic.as_ref().is_some_and(|st| st.projection) {
                format!(
                    "{text} differs from the projection {fact}; a projection cannot show it wrong"
                )
            } else if *qualifier_flip {
                format!(
                    "{text} is wrong: the reference gives {fact}, which is not {} {}",
                    qualifier_words(c.reading.qualifier),
                    st.amount(stated)
                )
            } else {
                match v.gap {
                    Some(g) => format!(
                        "{text} is {} — the reference gives {fact}",
                        gap_words_as(lex, c, &st, &g, true)
                    ),
                    None => format!("{text} is wrong: the reference gives {fact}"),
                }
            };
            if let Some(slip) = slip {
                p.explanation
                    .push(format!("looks like a scale slip: {}", scale_slip(*slip)));
            }
            let correct = if flo == fhi {
                in_style(&st, f, c.reading.unit, *nearest, *nearest)
            } else {
                fact.clone()
            };
            // a bound the fact is on the wrong side of is corrected by the fact itself
            p.suggestion = Some(match c.reading.qualifier {
                Qualifier::Exact | Qualifier::Range => correct,
                _ if *qualifier_flip => correct,
                q => format!("{} {}", qualifier_words(q), correct),
            });
        }
    }
    p
}

/// For a statistic: which year was used and why, what the source measures, its note on this
/// place, and whether the figure is a projection.
fn statistic_lines(f: &FactRef) -> Vec<String> {
    let Some(st) = &f.statistic else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(y) = st.year {
        let why = match st.year_from {
            "sentence" => "the year the sentence names",
            "latest_complete" => "the last full year before the article",
            _ => "the article's year",
        };
        let projection = if st.projection { ", a projection" } else { "" };
        out.push(format!("year: {y} ({why}{projection})"));
    }
    if !st.definition.is_empty() {
        out.push(format!("the statistic: {}", st.definition));
    }
    if let Some(n) = &st.note {
        out.push(format!("note: {n}"));
    }
    out
}

/// "fact: Danube, length = 2,850 km (as of 2020) — source".
fn fact_line(s: &Subject, f: &FactRef) -> String {
    let value = if f.low == f.high {
        crate::claim::fmt_num(f.low)
    } else {
        format!(
            "{}–{}",
            crate::claim::fmt_num(f.low),
            crate::claim::fmt_num(f.high)
        )
    };
    let as_of = f
        .as_of
        .map(|d| {
            let when = if d.month == 1 && d.day == 1 {
                d.year.to_string()
            } else {
                d.to_string()
            };
            format!(" (as of {when})")
        })
        .unwrap_or_default();
    let tolerance = f.tolerance.map(|t| format!(", ± {t}")).unwrap_or_default();
    format!(
        "fact: {}, {} = {}{as_of}{tolerance} — {}",
        f.entity,
        f.measure,
        with_unit(s.lex, f.unit, f.counted.as_deref(), &value),
        f.source
    )
}
