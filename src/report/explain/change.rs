//! The English of the change rule's verdicts.

use rust_decimal::Decimal;

use super::words::{oneline, sig3};
use super::{Prose, Subject};
use crate::check::{ChangeEvidence, ChangeForm, ChangeOutcome, Level};

/// A level as the article writes it: the claim, or the end of its range in its style.
fn level(s: &Subject, l: Level) -> String {
    let c = &s.claims[l.claim];
    match (c.reading.value_high, l.high_end) {
        (Some(h), true) => s.style(c).amount(h),
        (Some(_), false) => s.style(c).amount(c.reading.value.unwrap_or_default()),
        (None, _) => oneline(&c.text),
    }
}

/// A change in words: "a rise of 35.3%", "a fall of 2 points", "a factor of 2.5".
fn change_words(form: ChangeForm, v: Decimal) -> String {
    match form {
        ChangeForm::Multiplier => format!("a factor of {}", sig3(v)),
        _ => {
            let unit = if form == ChangeForm::Points {
                " points"
            } else {
                "%"
            };
            let dir = if v.is_sign_negative() {
                "a fall"
            } else {
                "a rise"
            };
            format!("{dir} of {}{unit}", sig3(v.abs()))
        }
    }
}

pub(crate) fn explain(s: &Subject, e: &ChangeEvidence) -> Prose {
    let c = s.claim;
    let text = oneline(&c.text);
    let to = level(s, e.to);
    let to_style = s.style(&s.claims[e.to.claim]);
    let from = match e.from {
        Some(l) => level(s, l),
        None => to_style.amount(e.from_value),
    };
    let computed = change_words(e.form, e.computed);
    let mut p = Prose::default();
    match e.by {
        Some(by) => p.explanation.push(format!(
            "{} from {from} to {to} is {computed}",
            oneline(&s.claims[by].text)
        )),
        None => p
            .explanation
            .push(format!("from {from} to {to} is {computed}")),
    }
    let implied = to_style.amount(e.implied_to);
    let stated = change_words(e.form, e.stated);
    match e.outcome {
        ChangeOutcome::Exact => p.summary = format!("{text} fits {from} to {to}"),
        ChangeOutcome::Rounded => {
            p.summary = format!("{text} fits {from} to {to} ({computed}), rounded")
        }
        ChangeOutcome::WrongDirection => {
            p.summary = format!("{text} is stated as {stated}, but {from} to {to} is {computed}");
            p.suggestion = Some(computed.clone());
        }
        ChangeOutcome::Wrong => {
            p.summary = format!("{text} does not fit {from} to {to}: that is {computed}");
            p.explanation
                .push(format!("{from} with {stated} is {implied}, not {to}"));
            p.suggestion = Some(match e.form {
                ChangeForm::Multiplier => format!("×{}", sig3(e.computed)),
                ChangeForm::Points => format!("{} points", sig3(e.computed.abs())),
                ChangeForm::Percent => format!("{}%", sig3(e.computed.abs())),
            });
        }
    }
    p
}
