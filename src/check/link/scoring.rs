//! Choosing among candidate facts: a link needs a minimum score; within a group (the same
//! entity and measure) the fact whose time fits wins; two groups that score about the same are
//! ambiguous.

use super::Candidate;
use crate::check::verdict::Link;
use crate::document::Date;

/// A candidate scoring below this is not linked.
pub(crate) const THRESHOLD: f64 = 7.0;

/// Two facts whose link scores differ by less than this are equally good.
pub(crate) const AMBIGUITY_MARGIN: f64 = 2.0;

/// What the linking found for a claim.
pub(crate) enum Choice<'r> {
    /// No fact.
    Nothing,
    /// One fact is best.
    One(Candidate<'r>),
    /// Facts of other groups score about as well as the best.
    Ambiguous {
        /// The best.
        best: Candidate<'r>,
        /// The others within [`AMBIGUITY_MARGIN`], best first.
        others: Vec<Candidate<'r>>,
    },
}

/// Scores how well each fact's time fits: the year the sentence names (a bonus when it is the
/// fact's year or in its period, a penalty by distance otherwise), else the latest fact not
/// after the article.
pub(crate) fn fit_time(cands: &mut [Candidate], year: Option<i32>, article: Option<Date>) {
    let article_days = article.map(|d| d.days());
    for k in cands {
        // a statistic's year was chosen when it was linked
        if k.linked_by.iter().any(|l| matches!(l, Link::Year(_))) {
            continue;
        }
        if let (Some(y), Some(fy)) = (year, k.fact.year()) {
            let in_period = k
                .fact
                .period
                .is_some_and(|(a, b)| a.year <= y && y <= b.year);
            if fy == y || in_period {
                k.score += 3.0;
                k.linked_by.push(Link::Year(y));
            } else {
                k.score -= (fy - y).abs().min(10) as f64 * 0.2;
            }
        } else if let (Some(ad), Some(d)) = (article_days, k.fact.as_of) {
            // the latest fact not after the article
            let delta = ad - d.days();
            k.score -= if delta < 0 {
                1.0 + (-delta as f64) / 3650.0
            } else {
                (delta as f64) / 36500.0
            };
        }
    }
}

/// The best candidate of each group, best first; ambiguous if the second is within the margin.
pub(crate) fn choose(mut cands: Vec<Candidate>) -> Choice {
    cands.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut best_per_group: Vec<Candidate> = Vec::new();
    for k in cands {
        if !best_per_group.iter().any(|b| b.group == k.group) {
            best_per_group.push(k);
        }
    }
    let mut groups = best_per_group.into_iter();
    let Some(best) = groups.next() else {
        return Choice::Nothing;
    };
    let others: Vec<Candidate> = groups
        .filter(|k| k.score >= best.score - AMBIGUITY_MARGIN)
        .collect();
    if others.is_empty() {
        Choice::One(best)
    } else {
        Choice::Ambiguous { best, others }
    }
}
