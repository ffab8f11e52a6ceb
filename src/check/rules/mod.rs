//! The verdict rules, one file each, run from one ordered list.
//!
//! Precedence: for each claim the rules of [`RULES`] run in order. The first rule that gives a
//! verdict decides the claim; a later rule runs only if it [overrides](Rule::overrides) that
//! verdict. So an internal check (a bracketed conversion, a share) is preferred to the reference,
//! and a contradicted restatement overturns a claim the reference could not verify.

mod conversion;
mod reference;
mod restated;
mod share;

use super::context::Context;
use super::verdict::{CheckId, Verdict};

pub(crate) use conversion::Conversion;
pub(crate) use reference::Reference;
pub(crate) use restated::Restated;
pub(crate) use share::Share;

/// One way of checking a claim.
pub(crate) trait Rule: Sync {
    /// The check id its verdicts carry.
    fn id(&self) -> CheckId;

    /// May this rule replace the verdict an earlier rule gave? By default it may not.
    fn overrides(&self, _earlier: &Verdict) -> bool {
        false
    }

    /// The verdict on claim `claim`, if this rule can decide it. `earlier` is the verdict of the
    /// rules before it (only when [`overrides`](Rule::overrides) allowed this rule to run).
    fn check(&self, ctx: &Context, claim: usize, earlier: Option<&Verdict>) -> Option<Verdict>;
}

/// The rules in order of precedence.
pub(crate) const RULES: [&dyn Rule; 4] = [&Conversion, &Share, &Reference, &Restated];

/// A verdict on every claim of the context.
pub(crate) fn run(ctx: &Context) -> Vec<Verdict> {
    (0..ctx.claims.len())
        .map(|i| {
            let mut verdict: Option<Verdict> = None;
            for rule in RULES {
                if verdict.as_ref().is_some_and(|v| !rule.overrides(v)) {
                    continue;
                }
                if let Some(v) = rule.check(ctx, i, verdict.as_ref()) {
                    debug_assert_eq!(v.check(), rule.id());
                    verdict = Some(v);
                }
            }
            verdict.expect("the reference rule gives every claim a verdict")
        })
        .collect()
}
