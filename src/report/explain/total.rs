//! The English of the total rule's verdicts.

use super::words::{gap_words, oneline};
use super::{Prose, Subject};
use crate::check::{ShareOutcome, TotalEvidence};

pub(crate) fn explain(s: &Subject, e: &TotalEvidence) -> Prose {
    let c = s.claim;
    let parts: Vec<String> = e
        .parts
        .iter()
        .map(|&k| oneline(&s.claims[k].text))
        .collect();
    let sum = s.style(c).amount(e.sum);
    let mut p = Prose::default();
    p.explanation
        .push(format!("the parts: {} = {sum}", parts.join(" + ")));
    let text = oneline(&c.text);
    match e.outcome {
        ShareOutcome::Exact => p.summary = format!("{text} is the sum of its parts"),
        ShareOutcome::Rounded => {
            p.summary = format!("{text} is the sum of its parts, {sum}, rounded")
        }
        ShareOutcome::Wrong => {
            p.summary = match s.verdict.gap {
                Some(g) => format!(
                    "{text} is not the sum of its parts, {sum}: {}",
                    gap_words(s.lex, c, &s.style(c), &g)
                ),
                None => format!("{text} is not the sum of its parts, {sum}"),
            };
            p.suggestion = Some(sum);
        }
    }
    p
}
