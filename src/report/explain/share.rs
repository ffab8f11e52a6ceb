//! The English of the share rule's verdicts.

use super::words::{oneline, sig3};
use super::{Prose, Subject};
use crate::check::{ShareEvidence, ShareOutcome};
use crate::claim::fmt_num;

pub(crate) fn explain(s: &Subject, e: &ShareEvidence) -> Prose {
    let (b, c) = (&s.claims[e.whole], s.claim);
    let part = oneline(&e.part_text);
    let vb = b.reading.value.unwrap_or_default();
    let share = sig3(e.share);
    let mut p = Prose::default();
    p.explanation.push(format!(
        "computed: {} / {} × 100 = {share}%",
        fmt_num(e.part_value),
        fmt_num(vb),
    ));
    match e.outcome {
        ShareOutcome::Exact => {
            p.summary = format!("{} is {part} of {}", oneline(&c.text), oneline(&b.text));
        }
        ShareOutcome::Rounded => {
            p.summary = format!("{} rounds {share}% correctly", oneline(&c.text));
        }
        ShareOutcome::Wrong => {
            p.summary = format!(
                "{part} of {} is {share}%, not {}",
                oneline(&b.text),
                oneline(&c.text)
            );
            p.suggestion = Some(format!("{share}%"));
        }
    }
    p
}
