//! **Share**: a percentage given for a part of a whole must be part / whole × 100.
//!
//! Why: "30 of 120 staff, or 25%" states the same thing twice, and the percentage is worked out
//! by hand; a slip in it goes unnoticed by readers who trust the arithmetic.
//!
//! How: the part and the whole are the two counts the percentage is related to as shares of
//! the same whole (found by `check/relate/shares.rs`: "A of B, or C%", "A out of B (C%)"); the
//! part may be a number word ("Twelve of the 60 shops, or 25%"). The percentage agrees if its
//! rounding interval holds the computed share. Off by more than 10% of the share is an error,
//! less a warning.
//!
//! Example: "40 of 120 doctors, or 50%, stayed" is inconsistent: 40 of 120 is 33.3%.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::severity;
use crate::check::verdict::{
    CheckId, Evidence, Gap, ShareEvidence, ShareOutcome, Verdict, VerdictKind, point,
};
use crate::claim::{ClaimKind, RelationKind};

/// The share rule.
pub(crate) struct Share;

impl Rule for Share {
    fn id(&self) -> CheckId {
        CheckId::Share
    }

    fn check(&self, ctx: &Context, i: usize, _earlier: Option<&Verdict>) -> Option<Verdict> {
        // the percentage is checked; the part, a share of the same whole, is a count
        if ctx.claims[i].reading.kind != ClaimKind::Percent {
            return None;
        }
        let (part, part_value, part_text, whole) = match ctx.word_share(i) {
            Some(w) => (None, w.value, w.text.clone(), w.whole),
            None => {
                let whole = ctx.related(i, RelationKind::ShareOf).next()?;
                let part = ctx
                    .related_to(whole, RelationKind::ShareOf)
                    .find(|&p| p != i)?;
                let pc = &ctx.claims[part];
                (Some(part), pc.reading.value?, pc.text.clone(), whole)
            }
        };
        let (b, c) = (&ctx.claims[whole], &ctx.claims[i]);
        let vb = b.reading.value?;
        if vb.is_zero() {
            return None;
        }
        let share = part_value
            .checked_div(vb)?
            .checked_mul(Decimal::ONE_HUNDRED)?;
        let ci = c.interval?;
        let (kind, outcome) = if !ci.contains(share) {
            (VerdictKind::Inconsistent, ShareOutcome::Wrong)
        } else if c.reading.value == Some(share) {
            (VerdictKind::Consistent, ShareOutcome::Exact)
        } else {
            (VerdictKind::ConsistentByRounding, ShareOutcome::Rounded)
        };
        let evidence = ShareEvidence {
            part,
            part_value,
            part_text,
            whole,
            share,
            outcome,
        };
        let mut v = Verdict::new(i, kind, Evidence::Share(evidence));
        v.expected = Some(point(share));
        if outcome == ShareOutcome::Wrong {
            let stated = c.reading.value.unwrap_or_default();
            v.severity = Some(severity(stated, share));
            v.gap = Some(Gap::between(stated, share));
        }
        Some(v)
    }
}
