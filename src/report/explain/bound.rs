//! The English of the loose-bound rule's verdicts.

use rust_decimal::Decimal;

use super::words::{Digits, oneline, qualifier_words};
use super::{Prose, Subject, linked_by};
use crate::check::LooseBoundEvidence;
use crate::claim::Qualifier;

/// The bound that would be tight: "more than 14,000" for 14,453 (at the step the claim was
/// written), "at most about 2 million" for a top of 2 million.
fn tight_bound(s: &Subject, e: &LooseBoundEvidence) -> String {
    let c = s.claim;
    let st = s.style(c);
    let q = c.reading.qualifier;
    if q == Qualifier::UpTo {
        let top = e.nearest.round_sf(2).unwrap_or(e.nearest);
        return format!("at most about {}", st.amount(top));
    }
    let step = crate::check::written_step(c.reading.value.unwrap_or(Decimal::ONE));
    let below = (e.nearest / step).floor() * step;
    format!("{} {}", qualifier_words(q), st.amount(below))
}

pub(crate) fn explain(s: &Subject, e: &LooseBoundEvidence) -> Prose {
    let (c, v) = (s.claim, s.verdict);
    let st = s.style(c);
    let fact = if e.low == e.high {
        st.amount_with(e.low, Digits::Exact)
    } else {
        st.range(e.low, e.high, Digits::Three)
    };
    let suggestion = tight_bound(s, e);
    let mut p = Prose {
        summary: format!(
            "{} is true but loose: the reference gives {fact}; {suggestion} would say so",
            oneline(&c.text)
        ),
        suggestion: Some(suggestion),
        ..Prose::default()
    };
    if let Some(f) = &v.fact {
        p.explanation
            .push(format!("fact: {}, {} — {}", f.entity, f.measure, f.source));
    }
    p.details.push(format!(
        "read tightly: {} → {}",
        oneline(&c.text),
        e.tight.display()
    ));
    p.details.push(linked_by(v));
    p
}
