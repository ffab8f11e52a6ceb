//! The English of the reference rule's verdicts.

use rust_decimal::prelude::ToPrimitive;

use super::words::{
    convert_error, describe_subject, human_range, oneline, percent_of, qualifier_words, read_as,
    scale_slip, unit_label, with_unit,
};
use super::{Prose, Subject, linked_by};
use crate::check::{Comparison, FactRef, ReferenceEvidence};
use crate::claim::{ClaimKind, Qualifier, fmt_num};
use crate::reference::RateUsed;
use crate::statistics::Tolerance;

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
        (
            ReferenceEvidence::Ambiguous {
                second_entity,
                second_measure,
            },
            Some(f),
        ) => Prose {
            summary: format!(
                "two facts fit equally: {} {} and {second_entity} {second_measure}",
                f.entity, f.measure
            ),
            ..Prose::default()
        },
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
                    linked_by(v),
                ],
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
                outcome,
            },
            Some(f),
        ) => compared(s, f, (*low, *high), rate.as_ref(), *slack, outcome),
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
                p.explanation.push(read_as(lex, c, interval));
            }
            if let Some(note) = &c.reading.unit_note {
                p.explanation.push(note.clone());
            }
            p
        }
    }
}

/// The claim against its fact: how it was read, the fact, the conversion, the links, the gap.
fn compared(
    s: &Subject,
    f: &FactRef,
    (flo, fhi): (rust_decimal::Decimal, rust_decimal::Decimal),
    rate: Option<&RateUsed>,
    slack: rust_decimal::Decimal,
    outcome: &Comparison,
) -> Prose {
    let (lex, c, v) = (s.lex, s.claim, s.verdict);
    let text = oneline(&c.text);
    let unit = unit_label(lex, c);
    let mut p = Prose::default();
    if let Some(interval) = &c.interval {
        p.explanation.push(read_as(lex, c, interval));
    }
    p.explanation.push(fact_line(s, f));
    p.explanation.extend(statistic_lines(f));
    if let Some(r) = rate {
        p.explanation.push(format!(
            "converted at {} {}/{} ({}): {}",
            r.rate.round_dp(6).normalize(),
            r.to,
            r.from,
            r.source(),
            with_unit(lex, c.reading.unit, None, &human_range(flo, fhi))
        ));
        p.explanation.push(format!(
            "allowing {}% for exchange-rate movement",
            percent_of(slack)
        ));
    } else if f.unit != c.reading.unit {
        p.explanation.push(format!(
            "in {}: {}",
            if unit.is_empty() {
                "the claim's unit"
            } else {
                &unit
            },
            human_range(flo, fhi)
        ));
    }
    p.explanation.push(linked_by(v));
    let counted = c.reading.counted.as_deref();
    match outcome {
        Comparison::Rounded => {
            p.summary = format!(
                "{text} is a rounded form of {}",
                with_unit(lex, c.reading.unit, counted, &human_range(flo, fhi))
            );
        }
        Comparison::Agrees => {
            p.summary = format!("{text} agrees with {} {}", f.entity, f.measure);
        }
        Comparison::WithinTolerance { margin } => {
            p.summary = format!(
                "{text} is within the source's tolerance of {}",
                with_unit(lex, c.reading.unit, counted, &human_range(flo, fhi))
            );
            let allowed = match f.statistic.as_ref().map(|st| st.tolerance) {
                Some(t @ (Tolerance::Relative(_) | Tolerance::Points(_))) => t.to_string(),
                _ => with_unit(lex, c.reading.unit, None, &fmt_num(margin.round_dp(4))),
            };
            p.explanation.push(format!(
                "allowing ±{allowed} (sources of this statistic differ by that much)"
            ));
        }
        Comparison::Wrong {
            qualifier_flip,
            scale_slip: slip,
            ..
        } => {
            let stated = c.reading.value.unwrap_or_default();
            let correct = with_unit(
                lex,
                c.reading.unit,
                counted.or(f.counted.as_deref()),
                &human_range(flo, fhi),
            );
            p.summary = if f.statistic.as_ref().is_some_and(|st| st.projection) {
                format!(
                    "{text} differs from the projection {correct}; a projection cannot show it wrong"
                )
            } else if *qualifier_flip {
                format!(
                    "{text} is wrong: the reference gives {correct}, which is not {} {}",
                    qualifier_words(c.reading.qualifier),
                    with_unit(lex, c.reading.unit, counted, &fmt_num(stated))
                )
            } else {
                format!("{text} is wrong: the reference gives {correct}")
            };
            if let Some(g) = v.gap
                && let Some(r) = g.relative
            {
                p.explanation.push(
                    format!(
                        "gap: {} {} ({:+.1}% from the fact)",
                        fmt_num(g.absolute.round_dp(4)),
                        unit,
                        r.to_f64().unwrap_or(0.0) * 100.0
                    )
                    .replace("  ", " "),
                );
            }
            if let Some(slip) = slip {
                p.explanation
                    .push(format!("looks like a scale slip: {}", scale_slip(*slip)));
            }
            p.suggestion = Some(match c.reading.qualifier {
                Qualifier::Exact | Qualifier::Range => correct,
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
        fmt_num(f.low)
    } else {
        format!("{}–{}", fmt_num(f.low), fmt_num(f.high))
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
    format!(
        "fact: {}, {} = {}{as_of} — {}",
        f.entity,
        f.measure,
        with_unit(s.lex, f.unit, f.counted.as_deref(), &value),
        f.source
    )
}
