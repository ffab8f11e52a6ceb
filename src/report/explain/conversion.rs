//! The English of the conversion rule's verdicts.

use rust_decimal::prelude::ToPrimitive;

use super::words::{convert_error, human_amount, oneline, percent_of, scale_slip, with_unit};
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
    let (ua, ub) = (a.reading.unit, b.reading.unit);
    let va = a.reading.value.unwrap_or_default();
    let vb = b.reading.value.unwrap_or_default();
    let stated_a = with_unit(lex, ua, None, &fmt_num(va));
    let result = with_unit(lex, ub, None, &fmt_num(converted.round_dp(4)));
    let how = match rate {
        Some(r) => format!(
            "{stated_a} × {} {}/{} ({}) = {result}",
            r.rate.round_dp(6).normalize(),
            r.to,
            r.from,
            r.source(),
        ),
        None => format!("{stated_a} = {result} (units table factor)"),
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
    p.explanation.push(format!(
        "read as: {} → {}",
        with_unit(lex, ub, None, &fmt_num(vb)),
        b.interval.map(|i| i.display()).unwrap_or_default()
    ));
    let about = with_unit(lex, ub, None, &human_amount(converted));
    match outcome {
        ConversionOutcome::Exact => {
            p.summary = format!("the conversion of {} is right", oneline(&a.text));
        }
        ConversionOutcome::Rounded => {
            p.summary = format!("{} rounds {about} correctly", oneline(&b.text));
        }
        ConversionOutcome::WithinRate => {
            let pct = percent_of(tolerance);
            p.summary = format!(
                "{} is within {pct}% of {about} at the {} rate",
                oneline(&b.text),
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
            p.summary = format!(
                "{} agrees with {} only if both are rounded",
                oneline(&b.text),
                oneline(&a.text)
            );
        }
        ConversionOutcome::Mismatch { scale_slip: slip } => {
            p.summary = format!(
                "{} does not match {}: it should be about {about}",
                oneline(&b.text),
                oneline(&a.text)
            );
            p.suggestion = Some(about);
            if let Some(g) = s.verdict.gap
                && let Some(r) = g.relative
            {
                p.explanation.push(format!(
                    "gap: {} ({:+.1}%)",
                    fmt_num(g.absolute.round_dp(4)),
                    r.to_f64().unwrap_or(0.0) * 100.0
                ));
            }
            if let Some(slip) = slip {
                p.explanation
                    .push(format!("looks like a scale slip: {}", scale_slip(*slip)));
            }
        }
    }
    p
}
