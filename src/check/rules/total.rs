//! **Total**: a figure the sentence calls a total must be the sum of the parts it lists.
//!
//! Why: "120 staff in London and 80 in Paris, 200 in total" adds up by hand; when one part is
//! updated in a later edit, the total often is not.
//!
//! How: the total ("in total", "combined", "a total of", "altogether": cues of the frames table)
//! and its parts (the run of figures of the same quantity next to it) are found by
//! `check/relate/totals.rs`. The total agrees if its own rounding interval holds the sum of the
//! parts as stated, or the sum of the parts' intervals holds the total as stated (a total
//! rounded from exact parts, or exact from rounded ones). When the sentence says the parts
//! listed are only some of them ("including", "such as"), a total larger than the parts is no
//! finding; a total smaller than its parts always is. Off by more than 10% of the sum is an
//! error, less a warning.
//!
//! Example: "Sales were £20m in France and £15m in Spain, a combined £40m" is inconsistent: the
//! parts add up to £35m.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::severity;
use crate::check::verdict::{
    CheckId, Evidence, Gap, ShareOutcome, TotalEvidence, Verdict, VerdictKind, point,
};

/// The total rule.
pub(crate) struct Total;

impl Rule for Total {
    fn id(&self) -> CheckId {
        CheckId::Total
    }

    fn check(&self, ctx: &Context, i: usize, _earlier: Option<&Verdict>) -> Option<Verdict> {
        let t = ctx.total(i)?;
        let c = &ctx.claims[i];
        let (mut sum, mut lo, mut hi) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for &p in &t.parts {
            let pc = &ctx.claims[p];
            let iv = pc.interval?;
            sum = sum.checked_add(pc.reading.value?)?;
            lo = lo.checked_add(iv.low?)?;
            hi = hi.checked_add(iv.high?)?;
        }
        let own = c.interval?;
        let stated = c.reading.value?;
        // a total rounded from exact parts, or exact from rounded parts
        let meets = own.contains(sum) || (lo <= stated && stated <= hi);
        let larger_than_listed = stated > hi;
        if !meets && t.partial && larger_than_listed {
            return None;
        }
        let outcome = if !meets {
            ShareOutcome::Wrong
        } else if stated == sum {
            ShareOutcome::Exact
        } else {
            ShareOutcome::Rounded
        };
        let kind = match outcome {
            ShareOutcome::Exact => VerdictKind::Consistent,
            ShareOutcome::Rounded => VerdictKind::ConsistentByRounding,
            ShareOutcome::Wrong => VerdictKind::Inconsistent,
        };
        let mut v = Verdict::new(
            i,
            kind,
            Evidence::Total(TotalEvidence {
                parts: t.parts.clone(),
                sum,
                outcome,
            }),
        );
        v.expected = Some(point(sum));
        if kind == VerdictKind::Inconsistent {
            v.severity = Some(severity(stated, sum));
            v.gap = Some(Gap::between(stated, sum));
        }
        Some(v)
    }
}
