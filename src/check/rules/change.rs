//! **Change**: a stated change must be what its levels imply.
//!
//! Why: "rose 10% to £240m from £200m" states the change twice, as a rate and as two levels,
//! and one of the three is worked out by hand. A slip (a transposed digit in a level, a rate
//! computed from the wrong base) leaves the sentence contradicting itself.
//!
//! How: the levels and the change are found by `check/relate/changes.rs` ("P to B from A",
//! "P from A to B", "from A to B, a rise of P", "B, P above A", "lost N, or P, to B", "doubled
//! from A to B"). The change the levels imply is computed over every value their rounding
//! allows: (B − A) / A for a percentage, B − A for percentage points, B / A for a multiplier
//! (which is read as approximate: "doubled" allows 1.8 to 2.2). A percentage between two
//! percentages may also be their difference in points. The stated change agrees if its own
//! interval meets that range; a change whose levels move the other way is wrong in direction.
//! Off by more than 10% of the implied change, or in the wrong direction, is an error.
//!
//! Example: "The deficit was $671.7bn, 24.4% above the previous record of $496.5bn" is
//! inconsistent: $496.5bn plus 24.4% is $617.6bn; the levels imply a rise of 35.3%.

use rust_decimal::Decimal;

use super::Rule;
use crate::check::context::Context;
use crate::check::magnitude::severity;
use crate::check::relate;
use crate::check::verdict::{
    ChangeEvidence, ChangeForm, ChangeOutcome, CheckId, Evidence, Gap, Level, Severity, Verdict,
    VerdictKind, point,
};
use crate::claim::{Claim, ClaimKind, Interval};
use crate::lexicon::UnitKind;
use crate::normalise::interval_for;

/// The change rule.
pub(crate) struct Change;

/// A closed range of values.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: Decimal,
    hi: Decimal,
}

impl Range {
    fn of(i: &Interval) -> Option<Range> {
        Some(Range {
            lo: i.low?,
            hi: i.high?,
        })
    }

    fn meets(&self, o: &Range) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    fn neg(self) -> Range {
        Range {
            lo: -self.hi,
            hi: -self.lo,
        }
    }
}

/// A level's value and the range its rounding allows.
fn level(ctx: &Context, l: Level) -> Option<(Decimal, Range)> {
    let c = &ctx.claims[l.claim];
    if c.reading.value_high.is_some() {
        let v = if l.high_end {
            c.reading.value_high?
        } else {
            c.reading.value?
        };
        let half = c.reading.precision / Decimal::TWO;
        return Some((
            v,
            Range {
                lo: v - half,
                hi: v + half,
            },
        ));
    }
    Some((c.reading.value?, Range::of(&c.interval?)?))
}

fn is_percent(ctx: &Context, c: &Claim) -> bool {
    c.reading
        .unit
        .is_some_and(|u| ctx.lex.unit(u).kind == UnitKind::Percent)
}

/// What the levels imply, as a value and a range, in the stated change's form.
struct Implied {
    from: Decimal,
    value: Decimal,
    range: Range,
    /// The difference in points, when both levels are percentages and the change is one.
    points: Option<Range>,
}

/// The change the levels (or the amount and the new level) imply.
fn implied(ctx: &Context, ch: &relate::Change, form: ChangeForm) -> Option<Implied> {
    let hundred = Decimal::ONE_HUNDRED;
    let (b, br) = level(ctx, ch.to)?;
    if let Some(by) = ch.by {
        // "lost N, or P, to B": the old level is B + N (a fall) or B − N (a rise)
        let nc = &ctx.claims[by];
        let (n, nr) = (nc.reading.value?.abs(), Range::of(&nc.interval?)?);
        let down = ch.sign? < 0;
        let a = if down { b + n } else { b - n };
        let (lo_base, hi_base) = if down {
            (br.hi + nr.lo, br.lo + nr.hi)
        } else {
            (br.hi - nr.lo, br.lo - nr.hi)
        };
        if a <= Decimal::ZERO || lo_base <= Decimal::ZERO || hi_base <= Decimal::ZERO {
            return None;
        }
        let s = if down { -Decimal::ONE } else { Decimal::ONE };
        let r = Range {
            lo: nr.lo.checked_div(lo_base)? * hundred,
            hi: nr.hi.checked_div(hi_base)? * hundred,
        };
        return Some(Implied {
            from: a,
            value: s * n.checked_div(a)? * hundred,
            range: if down { r.neg() } else { r },
            points: None,
        });
    }
    let (a, ar) = level(ctx, ch.from?)?;
    if a <= Decimal::ZERO || ar.lo <= Decimal::ZERO || br.lo < Decimal::ZERO {
        return None;
    }
    let ratio = Range {
        lo: br.lo.checked_div(ar.hi)?,
        hi: br.hi.checked_div(ar.lo)?,
    };
    let diff = Range {
        lo: br.lo - ar.hi,
        hi: br.hi - ar.lo,
    };
    let both_percent = is_percent(ctx, &ctx.claims[ch.to.claim])
        && ch
            .from
            .is_some_and(|f| is_percent(ctx, &ctx.claims[f.claim]));
    let (value, range, points) = match form {
        ChangeForm::Percent => (
            (b.checked_div(a)? - Decimal::ONE) * hundred,
            Range {
                lo: (ratio.lo - Decimal::ONE) * hundred,
                hi: (ratio.hi - Decimal::ONE) * hundred,
            },
            both_percent.then_some(diff),
        ),
        ChangeForm::Points => (b - a, diff, None),
        ChangeForm::Multiplier => (b.checked_div(a)?, ratio, None),
    };
    Some(Implied {
        from: a,
        value,
        range,
        points,
    })
}

impl Rule for Change {
    fn id(&self) -> CheckId {
        CheckId::Change
    }

    fn check(&self, ctx: &Context, i: usize, _earlier: Option<&Verdict>) -> Option<Verdict> {
        let ch = ctx.change(i)?;
        let c = &ctx.claims[i];
        let form = match c.reading.kind {
            ClaimKind::Percent => ChangeForm::Percent,
            ClaimKind::PercentagePoint => ChangeForm::Points,
            _ => ChangeForm::Multiplier,
        };
        let imp = implied(ctx, ch, form)?;
        let value = c.reading.value?;
        let tol = &ctx.options.tolerances;
        let own = match form {
            // "doubled" is a word for about twice
            ChangeForm::Multiplier => interval_for(
                value,
                None,
                c.reading.precision,
                c.reading.qualifier,
                true,
                tol,
            ),
            _ => c.interval?,
        };
        let own = Range::of(&own)?;
        let (sign, signed_known) = match ch.sign {
            Some(s) if s < 0 => (-Decimal::ONE, true),
            Some(_) => (Decimal::ONE, true),
            None => (Decimal::ONE, false),
        };
        let stated = if form == ChangeForm::Multiplier {
            value
        } else {
            sign * value
        };
        let stated_range = if sign.is_sign_negative() {
            own.neg()
        } else {
            own
        };
        let agrees = stated_range.meets(&imp.range)
            || imp.points.is_some_and(|p| stated_range.meets(&p))
            || (!signed_known && form != ChangeForm::Multiplier && own.meets(&imp.range.neg()));
        let outcome = if agrees {
            if stated == imp.value || imp.points.is_some_and(|p| p.lo == p.hi && p.lo == stated) {
                ChangeOutcome::Exact
            } else {
                ChangeOutcome::Rounded
            }
        } else if signed_known
            && form != ChangeForm::Multiplier
            && !stated.is_zero()
            && !imp.value.is_zero()
            && stated.is_sign_negative() != imp.value.is_sign_negative()
        {
            ChangeOutcome::WrongDirection
        } else {
            ChangeOutcome::Wrong
        };
        let implied_to = match form {
            ChangeForm::Percent => imp.from * (Decimal::ONE + stated / Decimal::ONE_HUNDRED),
            ChangeForm::Points => imp.from + stated,
            ChangeForm::Multiplier => imp.from * stated,
        };
        let kind = match outcome {
            ChangeOutcome::Exact => VerdictKind::Consistent,
            ChangeOutcome::Rounded => VerdictKind::ConsistentByRounding,
            _ => VerdictKind::Inconsistent,
        };
        let evidence = ChangeEvidence {
            from: ch.from,
            from_value: imp.from,
            to: ch.to,
            by: ch.by,
            form,
            stated,
            computed: imp.value,
            implied_to,
            outcome,
        };
        let mut v = Verdict::new(i, kind, Evidence::Change(evidence));
        v.expected = Some(point(imp.value));
        if kind == VerdictKind::Inconsistent {
            v.severity = Some(if outcome == ChangeOutcome::WrongDirection {
                Severity::Error
            } else {
                severity(stated, imp.value)
            });
            v.gap = Some(Gap::between(stated, imp.value));
        }
        Some(v)
    }
}
