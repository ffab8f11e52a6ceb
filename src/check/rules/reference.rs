//! **Reference**: a figure must agree with the reference fact it speaks of.
//!
//! Why: most wrong figures in news copy are wrong against the world, not against the article:
//! a mistyped death toll, an old population, a budget in millions written for billions.
//!
//! How: first the claim's frame (`check/frame/`): a part of a total, a subset of a population or
//! a figure about another entity is not compared with the whole's fact, a forecast only with a
//! fact for its year, and a measure mismatch ("tax revenue") keeps out the facts it is not (GDP).
//! Then the claim is linked to a fact by the words of its context (`check/link/`); the fact is
//! converted into the claim's unit (money at the ECB rate of the article's date, with the
//! exchange-rate tolerance) and compared with the claim's interval. A claim that is right only
//! as a rounded form of the fact is consistent by rounding; one that is off by no more than the
//! fact's own tolerance (sources of the statistic differ by that much) is consistent with a note;
//! an exact figure its clause hedges ("according to the census", "estimated at") is read as
//! approximate. A wrong one is an error when off by more than 10% or a scale slip, else a
//! warning. Two facts that fit equally make it ambiguous; no fact leaves it unverifiable.
//!
//! Example: with the fact "Danube, length, 2,850 km", "The Danube flows for 2,580 km" is
//! inconsistent (a warning): 270 km (9.5%) short.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::frame::{Frame, FrameKind};
use crate::check::link::{self, Candidate, Choice};
use crate::check::magnitude::{scale_slip, severity};
use crate::check::verdict::{
    CheckId, Comparison, Evidence, FactRef, Gap, ReferenceEvidence, Severity, Verdict, VerdictKind,
};
use crate::claim::{Claim, ClaimKind, Interval, Qualifier};
use crate::normalise::interval_for;
use crate::reference::Fact;

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
        let framed = |frame: &Frame| {
            verdict(
                VerdictKind::Unverifiable,
                ReferenceEvidence::Framed {
                    frame: frame.clone(),
                },
            )
        };
        let Some(interval) = c.interval else {
            return Some(verdict(
                VerdictKind::Unverifiable,
                ReferenceEvidence::Unrepresentable,
            ));
        };
        // a part, a subset or another entity's figure is not the fact's; a forecast with no
        // year can match no fact
        let projection = ctx.frame(i, FrameKind::Projection);
        // (a percentage of the whole, "spent 4% of GDP on defence", is the share itself: a
        // statistic of its own, not a part of the whole's figure)
        let share = c.reading.kind == ClaimKind::Percent;
        if let Some(f) = ctx
            .frames(i)
            .iter()
            .find(|f| f.kind.keeps_from_linking() && !(share && f.kind == FrameKind::PartOfTotal))
        {
            return Some(framed(f));
        }
        if let Some(p) = projection.filter(|p| p.year.is_none()) {
            return Some(framed(p));
        }
        let mismatch = ctx.frame(i, FrameKind::MeasureMismatch);
        let (choice, kept_out) = keep_out(ctx.linker.link(ctx, c), mismatch, projection);
        Some(match choice {
            // a forecast for a year with no fact for that year says so
            Choice::Nothing => match kept_out.or(projection) {
                Some(f) => framed(f),
                None => verdict(VerdictKind::Unverifiable, ReferenceEvidence::NoFact),
            },
            Choice::Ambiguous { best, others } => {
                let mut v = verdict(
                    VerdictKind::Ambiguous,
                    ReferenceEvidence::Ambiguous {
                        others: others.iter().map(|k| FactRef::of(&k.fact)).collect(),
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

/// Is a fact one the claim's frames allow: not a measure the claim is not, and for a forecast,
/// a fact for its year?
fn allowed(f: &Fact, mismatch: Option<&Frame>, projection: Option<&Frame>) -> bool {
    if let Some(m) = mismatch {
        let measure = f.measure.to_lowercase();
        if m.excludes.iter().any(|w| measure.contains(w.as_str())) {
            return false;
        }
    }
    match projection.and_then(|p| p.year) {
        Some(y) => f.year() == Some(y) || f.period.is_some_and(|(a, b)| a.year <= y && y <= b.year),
        None => true,
    }
}

/// The linker's choice without the facts the frames keep out, and the frame that kept one out.
fn keep_out<'r, 'f>(
    choice: Choice<'r>,
    mismatch: Option<&'f Frame>,
    projection: Option<&'f Frame>,
) -> (Choice<'r>, Option<&'f Frame>) {
    if mismatch.is_none() && projection.is_none() {
        return (choice, None);
    }
    let all: Vec<Candidate> = match choice {
        Choice::Nothing => return (Choice::Nothing, None),
        Choice::One(b) => vec![b],
        Choice::Ambiguous { best, others } => std::iter::once(best).chain(others).collect(),
    };
    let n = all.len();
    let mut kept: Vec<Candidate> = Vec::with_capacity(n);
    let mut by = None;
    for k in all {
        if allowed(&k.fact, mismatch, projection) {
            kept.push(k);
        } else if by.is_none() {
            by = if mismatch.is_some_and(|m| !allowed(&k.fact, Some(m), None)) {
                mismatch
            } else {
                projection
            };
        }
    }
    let mut kept = kept.into_iter();
    let choice = match (kept.next(), kept.len()) {
        (None, _) => Choice::Nothing,
        (Some(b), 0) => Choice::One(b),
        (Some(best), _) => Choice::Ambiguous {
            best,
            others: kept.collect(),
        },
    };
    (choice, by)
}

/// The fact's range in the claim's unit, with the rate used.
type InUnit = (Decimal, Decimal, Option<crate::reference::RateUsed>);

/// Converts a fact's range (`low`, `high` in its unit) into the claim's unit.
fn in_claim_unit(
    ctx: &Context,
    c: &Claim,
    f: &Fact,
    low: Decimal,
    high: Decimal,
) -> Result<InUnit, crate::check::ConvertError> {
    let date = ctx.dates.rate_date(f.as_of);
    match (f.unit, c.reading.unit) {
        (Some(fu), Some(cu)) => {
            let (lo, r) = ctx.convert(low, fu, cu, date)?;
            let (hi, _) = ctx.convert(high, fu, cu, date)?;
            Ok((lo, hi, r))
        }
        _ => Ok((low, high, None)),
    }
}

/// `[low, high]` widened by a fraction either way.
fn widened(low: Decimal, high: Decimal, slack: Decimal) -> Interval {
    Interval {
        low: Some(low.min(high).saturating_mul(Decimal::ONE - slack)),
        high: Some(low.max(high).saturating_mul(Decimal::ONE + slack)),
        low_open: false,
        high_open: false,
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
        v.severity = Some(Severity::Error);
        v.evidence = Evidence::Reference(ReferenceEvidence::PointsForPercent);
        return v;
    }
    // the fact, and what its tolerance allows, in the claim's unit
    let (lo_t, hi_t) = match f.tolerance {
        Some(t) => (f.low - t.margin(f.low), f.high + t.margin(f.high)),
        None => (f.low, f.high),
    };
    let converted = in_claim_unit(ctx, c, f, f.low, f.high)
        .and_then(|(flo, fhi, rate)| Ok((flo, fhi, rate, in_claim_unit(ctx, c, f, lo_t, hi_t)?)));
    let (flo, fhi, rate, (alo, ahi, _)) = match converted {
        Ok(x) => x,
        Err(error) => {
            v.evidence = Evidence::Reference(ReferenceEvidence::CannotConvert { error });
            return v;
        }
    };
    let slack = if rate.is_some() {
        ctx.rate_tolerance(rate.as_ref())
    } else {
        Decimal::ZERO
    };
    let fact_iv = widened(flo, fhi, slack);
    let allowed_iv = widened(alo, ahi, slack);
    v.expected = Some(allowed_iv);
    let hedge = ctx
        .frame(i, FrameKind::Hedge)
        .filter(|_| c.reading.qualifier == Qualifier::Exact && !c.reading.vague);
    let hedged = hedge.and_then(|_| {
        let r = &c.reading;
        let tol = &ctx.options.tolerances;
        r.value.map(|x| {
            interval_for(
                x,
                r.value_high,
                r.precision,
                Qualifier::Approximately,
                false,
                tol,
            )
        })
    });
    let (kind, outcome) = if interval.overlaps(&fact_iv) {
        if rounded_only(c, flo, fhi) {
            (VerdictKind::ConsistentByRounding, Comparison::Rounded)
        } else {
            (VerdictKind::Consistent, Comparison::Agrees)
        }
    } else if interval.overlaps(&allowed_iv) {
        (VerdictKind::Consistent, Comparison::WithinTolerance)
    } else if hedged.is_some_and(|h| h.overlaps(&allowed_iv)) {
        (VerdictKind::Consistent, Comparison::Hedged)
    } else {
        let (wrong, gap, sev) = wrong(c, flo, fhi, &fact_iv);
        v.gap = Some(gap);
        // a projection alone never shows a figure wrong
        if f.statistic.as_ref().is_some_and(|st| st.projection) {
            (VerdictKind::Unverifiable, wrong)
        } else {
            v.severity = Some(sev);
            (VerdictKind::Inconsistent, wrong)
        }
    };
    v.kind = kind;
    v.evidence = Evidence::Reference(ReferenceEvidence::Compared {
        low: flo,
        high: fhi,
        rate,
        slack,
        tolerance: f.tolerance,
        allowed_low: alo.min(ahi),
        allowed_high: alo.max(ahi),
        hedge: match outcome {
            Comparison::Hedged => hedge.map(|h| h.cue.clone()),
            _ => None,
        },
        outcome,
    });
    v
}

/// How a wrong claim is wrong: the fact's end nearest it, the gap from the stated value (the end
/// of a stated range nearest the fact), and its severity.
fn wrong(c: &Claim, flo: Decimal, fhi: Decimal, fact_iv: &Interval) -> (Comparison, Gap, Severity) {
    let low = c.reading.value.unwrap_or_default();
    let high = c.reading.value_high.unwrap_or(low).max(low);
    let below = fact_iv.low.is_some_and(|l| high < l);
    let (stated, nearest) = if below {
        (high, flo.min(fhi))
    } else {
        (low.min(high), flo.max(fhi))
    };
    let qualifier_flip = !matches!(
        c.reading.qualifier,
        Qualifier::Exact | Qualifier::Approximately | Qualifier::Range | Qualifier::Nearly
    ) && stated.saturating_sub(nearest).abs()
        <= nearest.abs() * Decimal::new(5, 1);
    let outcome = Comparison::Wrong {
        nearest,
        qualifier_flip,
        scale_slip: scale_slip(stated, nearest),
    };
    (
        outcome,
        Gap::between(stated, nearest),
        severity(stated, nearest),
    )
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
