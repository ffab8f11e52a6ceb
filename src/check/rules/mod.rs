//! The verdict rules, one file each, run from one ordered list.
//!
//! Precedence: for each claim the rules of [`RULES`] run in order. The first rule that gives a
//! verdict decides the claim; a later rule runs only if it [overrides](Rule::overrides) that
//! verdict. So an internal check (a bracketed conversion, a share, a change, a total) is
//! preferred to the reference, a loose bound overturns a reference verdict that the bound only
//! passes loosely, and a contradicted restatement overturns a claim the reference could not
//! verify.
//!
//! Then two passes over all verdicts: a claim the reference left unverifiable that is the base of
//! another claim's internal check (the euros of "€1bn ($1.2bn)", the whole of a share, the levels
//! of a change, the parts of a total) is marked checked through it, not unverifiable; and every
//! verdict gets its severity (see [`Severity`](super::Severity)).

mod bound;
mod change;
mod conversion;
mod reference;
mod restated;
mod share;
mod total;

use super::context::Context;
use super::verdict::{
    BaseEvidence, CheckId, Comparison, ConversionEvidence, Evidence, ReferenceEvidence, Severity,
    Verdict, VerdictKind,
};

pub(crate) use bound::{LooseBound, written_step};
pub(crate) use change::Change;
pub(crate) use conversion::Conversion;
pub(crate) use reference::Reference;
pub(crate) use restated::Restated;
pub(crate) use share::Share;
pub(crate) use total::Total;

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
pub(crate) const RULES: [&dyn Rule; 7] = [
    &Conversion,
    &Share,
    &Change,
    &Total,
    &Reference,
    &LooseBound,
    &Restated,
];

/// A verdict on every claim of the context.
pub(crate) fn run(ctx: &Context) -> Vec<Verdict> {
    let mut verdicts: Vec<Verdict> = (0..ctx.claims.len())
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
        .collect();
    mark_bases(&mut verdicts);
    for v in &mut verdicts {
        v.severity = severity(v);
    }
    verdicts
}

/// The claims an internal verdict was computed from.
fn bases_of(v: &Verdict) -> Vec<usize> {
    match &v.evidence {
        Evidence::Conversion(ConversionEvidence::Converted { from, .. }) => vec![*from],
        Evidence::Share(e) => e.part.into_iter().chain([e.whole]).collect(),
        Evidence::Change(e) => e
            .from
            .map(|l| l.claim)
            .into_iter()
            .chain([e.to.claim])
            .chain(e.by)
            .collect(),
        Evidence::Total(e) => e.parts.clone(),
        _ => Vec::new(),
    }
}

/// Marks the claims the reference left unverifiable that an internal check was computed from.
fn mark_bases(verdicts: &mut [Verdict]) {
    let mut marks: Vec<(usize, Verdict)> = Vec::new();
    for v in verdicts.iter() {
        if !matches!(
            v.check(),
            CheckId::Conversion | CheckId::Share | CheckId::Change | CheckId::Total
        ) {
            continue;
        }
        for b in bases_of(v) {
            let base = &verdicts[b];
            let unchecked = base.kind == VerdictKind::Unverifiable
                && matches!(
                    base.evidence,
                    Evidence::Reference(
                        ReferenceEvidence::NoFact | ReferenceEvidence::Framed { .. }
                    )
                );
            if unchecked && !marks.iter().any(|(k, _)| *k == b) {
                let mut m = Verdict::new(
                    b,
                    VerdictKind::Consistent,
                    Evidence::Base(BaseEvidence {
                        check: v.check(),
                        of: v.claim,
                        agrees: v.kind != VerdictKind::Inconsistent,
                    }),
                );
                m.frames = base.frames.clone();
                marks.push((b, m));
            }
        }
    }
    for (b, m) in marks {
        verdicts[b] = m;
    }
}

/// The severity a verdict weighs with: a wrong figure's was set by its rule (an error when
/// nothing set it); consistent only by rounding, within the source's tolerance or as a hedged
/// figure, ambiguous and unverifiable claims are notes; plainly consistent ones have none.
fn severity(v: &Verdict) -> Option<Severity> {
    match v.kind {
        VerdictKind::Inconsistent => Some(v.severity.unwrap_or(Severity::Error)),
        VerdictKind::ConsistentByRounding | VerdictKind::Unverifiable | VerdictKind::Ambiguous => {
            Some(Severity::Note)
        }
        VerdictKind::Consistent => match &v.evidence {
            Evidence::Reference(ReferenceEvidence::Compared {
                outcome: Comparison::WithinTolerance | Comparison::Hedged,
                ..
            }) => Some(Severity::Note),
            _ => None,
        },
    }
}
