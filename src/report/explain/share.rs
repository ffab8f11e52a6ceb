//! The English of the share rule's verdicts.

use super::words::oneline;
use super::{Prose, Subject};
use crate::check::{ShareEvidence, ShareOutcome};
use crate::claim::fmt_num;

pub(crate) fn explain(s: &Subject, e: &ShareEvidence) -> Prose {
    let (a, b, c) = (&s.claims[e.part], &s.claims[e.whole], s.claim);
    let va = a.reading.value.unwrap_or_default();
    let vb = b.reading.value.unwrap_or_default();
    let mut p = Prose::default();
    p.explanation.push(format!(
        "computed: {} / {} × 100 = {}%",
        fmt_num(va),
        fmt_num(vb),
        fmt_num(e.share.round_dp(2))
    ));
    match e.outcome {
        ShareOutcome::Exact => {
            p.summary = format!(
                "{} is {} of {}",
                oneline(&c.text),
                oneline(&a.text),
                oneline(&b.text)
            );
        }
        ShareOutcome::Rounded => {
            p.summary = format!(
                "{} rounds {}% correctly",
                oneline(&c.text),
                fmt_num(e.share.round_dp(2))
            );
        }
        ShareOutcome::Wrong => {
            let share = fmt_num(e.share.round_dp(1));
            p.summary = format!(
                "{} of {} is {share}%, not {}",
                oneline(&a.text),
                oneline(&b.text),
                oneline(&c.text)
            );
            p.suggestion = Some(format!("{share}%"));
        }
    }
    p
}
