//! The English of the conversion rule's verdicts.

use rust_decimal::Decimal;

use super::words::{Digits, convert_error, gap_words, oneline, percent_of, scale_slip};
use super::{Prose, Subject};
use crate::check::{ConversionEvidence, ConversionOutcome};
use crate::claim::fmt_num;

pub(crate) fn explain(s: &Subject, e: &ConversionEvidence) -> Prose {
    let (lex, b) = (s.lex, s.claim);
    let (from, converted, rate, tolerance, outcome) = match e {
        ConversionEvidence::CannotConvert { from, error } => {
            return Prose {
                summary: format!(
                    "cannot check the conversion of {}: {}",
                    oneline(&s.claims[*from].text),
                    convert_error(error)
                ),
                ..Prose::default()
            };
        }
        ConversionEvidence::Converted {
            from,
            converted,
            rate,
            tolerance,
            outcome,
        } => (*from, *converted, rate, *tolerance, outcome),
    };
    let a = &s.claims[from];
    let (text_a, text_b) = (oneline(&a.text), oneline(&b.text));
    let st = s.style(b);
    let about = st.amount(converted);
    let how = match rate {
        Some(r) => format!(
            "{text_a} × {} {}/{} ({}) = {about}",
            r.rate.round_dp(6).normalize(),
            r.to,
            r.from,
            r.source(),
        ),
        None => format!("{text_a} = {about} (units table factor)"),
    };
    let mut p = Prose {
        source_note: Some(match rate {
            Some(r) if r.annual.is_some() => {
                "World Bank, World Development Indicators, official exchange rate (PA.NUS.FCRF)"
                    .into()
            }
            Some(_) => "European Central Bank, euro foreign exchange reference rates".into(),
            None => "reference/units.csv conversion factors".into(),
        }),
        ..Prose::default()
    };
    p.explanation.push(format!("converted: {how}"));
    p.details.push(format!(
        "read as: {} → {}; converted exactly: {}",
        fmt_num(b.reading.value.unwrap_or_default()),
        b.interval.map(|i| i.display()).unwrap_or_default(),
        fmt_num(converted.round_dp(4))
    ));
    match outcome {
        ConversionOutcome::Exact => {
            p.summary = format!("the conversion of {text_a} is right");
        }
        ConversionOutcome::Rounded => {
            // one digit finer than the figure it rounds
            let finer = Digits::Step(b.reading.precision / Decimal::TEN);
            p.summary = format!(
                "{text_b} rounds {} correctly",
                st.amount_with(converted, finer)
            );
        }
        ConversionOutcome::WithinRate => {
            let pct = percent_of(tolerance);
            p.summary = format!(
                "{text_b} is within {pct}% of {about} at the {} rate",
                if rate.as_ref().is_some_and(|r| r.annual.is_some()) {
                    "annual average"
                } else {
                    "ECB"
                }
            );
            p.explanation.push(format!(
                "allowing {pct}% for exchange-rate movement and the newsroom's own rate"
            ));
        }
        ConversionOutcome::BothRounded => {
            p.summary = format!("{text_b} agrees with {text_a} only if both are rounded");
        }
        ConversionOutcome::Mismatch { scale_slip: slip } => {
            p.summary = match s.verdict.gap {
                Some(g) => format!(
                    "{text_b} should be about {about} for {text_a}: {}",
                    gap_words(lex, b, &st, &g)
                ),
                None => format!("{text_b} should be about {about} for {text_a}"),
            };
            p.suggestion = Some(about);
            if let Some(slip) = slip {
                p.explanation
                    .push(format!("looks like a scale slip: {}", scale_slip(*slip)));
            }
        }
    }
    p
}
