//! **Restated**: a quantity re-mentioned later in the article must keep its value.
//!
//! Why: copy edited in several hands drifts — "14,000 Soviet troops" in the second paragraph
//! becomes "the 15,000 Soviet troops" in the seventh — and no reference may know the figure.
//!
//! How: a definite re-mention ("the", "those", "these", "its", "their", "all") of a counted noun
//! phrase of two words or more, introduced earlier with another figure, is found by
//! `check/relate.rs`. If the two figures' intervals do not meet, the later one is inconsistent.
//! This rule only overturns verdicts the reference could not verify.
//!
//! Example: "Some 400 Danish soldiers went. Later, the 700 Danish soldiers came home." — the
//! 700 contradicts the 400 stated earlier.

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::severity;
use crate::check::verdict::{CheckId, Evidence, Gap, RestatedEvidence, Verdict, VerdictKind};
use crate::claim::RelationKind;

/// The restated rule.
pub(crate) struct Restated;

impl Rule for Restated {
    fn id(&self) -> CheckId {
        CheckId::Restated
    }

    fn overrides(&self, earlier: &Verdict) -> bool {
        earlier.kind == VerdictKind::Unverifiable
    }

    fn check(&self, ctx: &Context, i: usize, earlier: Option<&Verdict>) -> Option<Verdict> {
        let earlier_verdict = earlier?;
        let first = ctx.related(i, RelationKind::Restates).next()?;
        let (f, c) = (&ctx.claims[first], &ctx.claims[i]);
        let (Some(a), Some(b)) = (f.interval, c.interval) else {
            return None;
        };
        if a.overlaps(&b) {
            return None;
        }
        let (sa, sb) = (
            f.reading.value.unwrap_or_default(),
            c.reading.value.unwrap_or_default(),
        );
        // what the reference found (a fact it could not convert to) stays on the verdict
        let mut v = earlier_verdict.clone();
        v.kind = VerdictKind::Inconsistent;
        v.evidence = Evidence::Restated(RestatedEvidence { earlier: first });
        v.severity = Some(severity(sb, sa));
        v.gap = Some(Gap::between(sb, sa));
        Some(v)
    }
}
