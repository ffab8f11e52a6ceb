//! **Reference**: a figure must agree with the reference fact it speaks of.
//!
//! Why: most wrong figures in news copy are wrong against the world, not against the article:
//! a mistyped death toll, an old population, a budget in millions written for billions.
//!
//! How: the claim is linked to a fact by the words of its context (`check/link/`); the fact is
//! converted into the claim's unit (money at the ECB rate of the article's date, with the
//! exchange-rate tolerance), and the claim's interval is compared with it. A claim that is
//! right only as a rounded form of the fact is consistent by rounding; a wrong one is graded
//! (a scale slip or a factor of 1.5 is gross). Two facts that fit equally make it ambiguous;
//! no fact leaves it unverifiable.
//!
//! Example: with the fact "Danube, length, 2,850 km", "The Danube flows for 2,580 km" is
//! inconsistent (minor): the reference gives 2,850 km.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::link::{self, Candidate, Choice};
use crate::check::magnitude::{scale_slip, severity};
use crate::check::verdict::{
    CheckId, Comparison, Evidence, FactRef, Gap, ReferenceEvidence, Severity, Verdict, VerdictKind,
};
use crate::claim::{Claim, Interval, Qualifier};
use crate::reference::Fact;
use crate::statistics::Tolerance;

/// The reference rule.
pub(crate) struct Reference;

impl Rule for Reference {
    fn id(&self) -> CheckId {
        CheckId::Reference
    }

    fn check(&self, ctx: &Context, i: usize, _earlier: Option<&Verdict>) -> Option<Verdict> {
        let c = &ctx.claims[i];
        ctx.linker.enter(ctx, c);
        let verdict = |kind, e| Verdict::new(i, kind, Evidence::Reference(e));
        let Some(interval) = c.interval else {
            return Some(verdict(
                VerdictKind::Unverifiable,
                ReferenceEvidence::Unrepresentable,
            ));
        };
        Some(match ctx.linker.link(ctx, c) {
            Choice::Nothing => verdict(VerdictKind::Unverifiable, ReferenceEvidence::NoFact),
            Choice::Ambiguous { best, others } => {
                let mut v = verdict(
                    VerdictKind::Ambiguous,
                    ReferenceEvidence::Ambiguous {
                        second_entity: others[0].fact.entity.clone(),
                        second_measure: others[0].fact.measure.clone(),
                    },
                );
                v.other_facts = others.iter().map(|k| k.fact.id.clone()).collect();
                v.fact = Some(FactRef::of(&best.fact));
                v.linked_by = best.linked_by;
                v
            }
            Choice::One(best) => compare(ctx, i, c, interval, best),
        })
    }
}

/// The claim against the one fact it is linked to.
fn compare(ctx: &Context, i: usize, c: &Claim, interval: Interval, best: Candidate) -> Verdict {
    let f = &best.fact;
    let mut v = Verdict::new(
        i,
        VerdictKind::Unverifiable,
        Evidence::Reference(ReferenceEvidence::NoFact),
    );
    v.fact = Some(FactRef::of(f));
    v.linked_by = best.linked_by.clone();
    if link::points_for_percent(ctx.lex, f.unit, c) {
        v.kind = VerdictKind::Inconsistent;
        v.severity = Some(Severity::Gross);
        v.evidence = Evidence::Reference(ReferenceEvidence::PointsForPercent);
        return v;
    }
    // the fact in the claim's unit
    let date = ctx.dates.rate_date(f.as_of);
    let (flo, fhi, rate) = match (f.unit, c.reading.unit) {
        (Some(fu), Some(cu)) => match (
            ctx.convert(f.low, fu, cu, date),
            ctx.convert(f.high, fu, cu, date),
        ) {
            (Ok((lo, r)), Ok((hi, _))) => (lo, hi, r),
            (Err(error), _) | (_, Err(error)) => {
                v.evidence = Evidence::Reference(ReferenceEvidence::CannotConvert { error });
                return v;
            }
        },
        _ => (f.low, f.high, None),
    };
    let slack = if rate.is_some() {
        ctx.rate_tolerance(rate.as_ref())
    } else {
        Decimal::ZERO
    };
    let fact_iv = Interval {
        low: Some(flo.min(fhi).saturating_mul(Decimal::ONE - slack)),
        high: Some(flo.max(fhi).saturating_mul(Decimal::ONE + slack)),
        low_open: false,
        high_open: false,
    };
    v.expected = Some(fact_iv);
    let margin = source_margin(f, flo, fhi, rate.is_some() || f.unit != c.reading.unit);
    let (kind, outcome) = if interval.overlaps(&fact_iv) {
        if rounded_only(c, flo, fhi) {
            (VerdictKind::ConsistentByRounding, Comparison::Rounded)
        } else {
            (VerdictKind::Consistent, Comparison::Agrees)
        }
    } else if let Some(margin) = margin
        && interval.overlaps(&widened(&fact_iv, margin))
    {
        (
            VerdictKind::ConsistentByRounding,
            Comparison::WithinTolerance { margin },
        )
    } else {
        let stated = c.reading.value.unwrap_or_default();
        let nearest = if stated < fact_iv.low.unwrap_or(stated) {
            flo.min(fhi)
        } else {
            flo.max(fhi)
        };
        let qualifier_flip = !matches!(
            c.reading.qualifier,
            Qualifier::Exact | Qualifier::Approximately | Qualifier::Range | Qualifier::Nearly
        ) && stated.saturating_sub(nearest).abs()
            <= nearest.abs() * Decimal::new(5, 1);
        v.severity = Some(severity(stated, nearest));
        v.gap = Some(Gap {
            absolute: gap_between(&interval, &fact_iv),
            relative: if nearest.is_zero() {
                None
            } else {
                stated
                    .checked_sub(nearest)
                    .and_then(|d| d.checked_div(nearest))
            },
        });
        let wrong = Comparison::Wrong {
            nearest,
            qualifier_flip,
            scale_slip: scale_slip(stated, nearest),
        };
        // a projection alone never shows a figure wrong
        let projection = f.statistic.as_ref().is_some_and(|st| st.projection);
        let kind = if projection {
            v.severity = None;
            VerdictKind::Unverifiable
        } else {
            VerdictKind::Inconsistent
        };
        (kind, wrong)
    };
    v.kind = kind;
    v.evidence = Evidence::Reference(ReferenceEvidence::Compared {
        low: flo,
        high: fhi,
        rate,
        slack,
        outcome,
    });
    v
}

/// How far a claim may be from a statistic and still agree, in the claim's unit: the measure's
/// tolerance (a population estimate ± 2%, growth ± 0.3 points). Points and absolute margins are
/// in the statistic's unit, so after a conversion only a relative one applies. `None` for a
/// fact that is not a statistic.
fn source_margin(f: &Fact, flo: Decimal, fhi: Decimal, converted: bool) -> Option<Decimal> {
    let st = f.statistic.as_ref()?;
    match st.tolerance {
        Tolerance::Relative(_) => Some(st.tolerance.margin(flo.abs().max(fhi.abs()))),
        _ if converted => None,
        t => Some(t.margin(flo)),
    }
    .filter(|m| !m.is_zero())
}

/// `iv` widened by `margin` on both sides.
fn widened(iv: &Interval, margin: Decimal) -> Interval {
    Interval {
        low: iv.low.map(|x| x.saturating_sub(margin)),
        high: iv.high.map(|x| x.saturating_add(margin)),
        low_open: false,
        high_open: false,
    }
}

/// An exact, precise claim whose stated value (or range) misses the fact's own range agrees
/// only as a rounded form of it.
fn rounded_only(c: &Claim, flo: Decimal, fhi: Decimal) -> bool {
    let stated = c.reading.value.unwrap_or_default();
    let raw_iv = Interval {
        low: Some(flo.min(fhi)),
        high: Some(flo.max(fhi)),
        low_open: false,
        high_open: false,
    };
    let point_ok = raw_iv.contains(stated)
        || c.reading.value_high.is_some_and(|h| {
            raw_iv.overlaps(&Interval {
                low: Some(stated.min(h)),
                high: Some(stated.max(h)),
                low_open: false,
                high_open: false,
            })
        });
    c.reading.qualifier == Qualifier::Exact && !c.reading.vague && !point_ok
}

/// The distance between two intervals (0 when they meet).
fn gap_between(a: &Interval, b: &Interval) -> Decimal {
    if let (Some(ah), Some(bl)) = (a.high, b.low)
        && ah < bl
    {
        return bl.saturating_sub(ah);
    }
    if let (Some(bh), Some(al)) = (b.high, a.low)
        && bh < al
    {
        return al.saturating_sub(bh);
    }
    Decimal::ZERO
}
