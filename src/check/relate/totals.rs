//! Totals: a figure its clause calls a total ("200 in total", "a combined £40m", "a total of
//! 200") and the other figures of its sentence that state the same quantity, its parts ("120 in
//! London and 80 in Paris"): the run of such figures right before it, else right after it
//! ("a total of 200: 120 in London and 80 in Paris"). Bracketed conversions, changes and ranges
//! are no parts, and end a run; two parts at least.

use crate::check::frame::{Frame, FrameKind};
use crate::claim::{Claim, Qualifier};
use crate::document::Document;

use super::{same_quantity, sentences};

/// A total and its parts.
#[derive(Debug, Clone)]
pub(crate) struct Total {
    /// The claim stating the total.
    pub(crate) total: usize,
    /// The claims of the parts.
    pub(crate) parts: Vec<usize>,
    /// The sentence says the parts listed are not all of them ("including").
    pub(crate) partial: bool,
}

/// Could a claim be a part or a total: a level, exact or approximate, not a range?
fn level(c: &Claim) -> bool {
    c.reading.direction.is_none()
        && c.reading.value_high.is_none()
        && c.reading.value.is_some()
        && matches!(
            c.reading.qualifier,
            Qualifier::Exact | Qualifier::Approximately
        )
}

/// Every total of the document with its parts.
pub(super) fn find(
    _doc: &Document,
    claims: &[Claim],
    frames: &[Vec<Frame>],
    converted: &[bool],
) -> Vec<Total> {
    let mut out = Vec::new();
    for run in sentences(claims, converted) {
        for (pos, &t) in run.iter().enumerate() {
            let tc = &claims[t];
            if !level(tc) || !frames[t].iter().any(|f| f.kind == FrameKind::Total) {
                continue;
            }
            let part = |i: &&usize| level(&claims[**i]) && same_quantity(&claims[**i], tc);
            let mut parts: Vec<usize> = run[..pos].iter().rev().take_while(part).copied().collect();
            parts.reverse();
            if parts.len() < 2 {
                parts = run[pos + 1..].iter().take_while(part).copied().collect();
            }
            if parts.len() >= 2 {
                out.push(Total {
                    total: t,
                    parts,
                    partial: frames[t].iter().any(|f| f.kind == FrameKind::PartialList),
                });
            }
        }
    }
    out
}
