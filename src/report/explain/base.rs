//! The English of a claim checked as the base of another claim's internal check.

use super::words::oneline;
use super::{Prose, Subject};
use crate::check::{BaseEvidence, CheckId};

pub(crate) fn explain(s: &Subject, e: &BaseEvidence) -> Prose {
    let other = &s.claims[e.of];
    let how = match e.check {
        CheckId::Conversion => "converted to",
        CheckId::Share => "the base of the share",
        CheckId::Change => "a level of the change",
        CheckId::Total => "a part of the total",
        _ => "checked with",
    };
    let result = if e.agrees {
        "which agrees"
    } else {
        "which does not: see that finding"
    };
    Prose {
        summary: format!(
            "{} is {how} {} (line {}), {result}",
            oneline(&s.claim.text),
            oneline(&other.text),
            other.line
        ),
        ..Prose::default()
    }
}
