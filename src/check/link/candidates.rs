//! Facts of the reference tables a claim could be about: found through the index by the words
//! of its context, kept when the dimension fits, the entity is named and what is measured is in
//! the sentence.

use std::borrow::Cow;

use super::Candidate;
use super::terms::ContextTerms;
use crate::check::context::Context;
use crate::check::verdict::Link;
use crate::claim::Claim;
use crate::reference::{Fact, ReferenceSet};

/// Candidate facts from the reference tables, with their link scores.
pub(crate) fn fact_candidates<'r>(
    ctx: &Context<'r>,
    c: &Claim,
    context: &ContextTerms,
) -> Vec<Candidate<'r>> {
    let r = ctx.reference;
    let mut keys: Vec<&str> = context.keys().copied().collect();
    if let Some(cn) = &c.reading.counted {
        keys.push(cn.as_str());
    }
    let mut out = Vec::new();
    for id in r.candidates(&keys) {
        let f = &r.facts[id as usize];
        if !dimension_fits(ctx, c, f) || ctx.dates.after_article(f.as_of) {
            continue;
        }
        if let Some(k) = linked(ctx, c, f, context) {
            out.push(k);
        }
    }
    out
}

/// Counts against counts of the same thing, units against comparable units.
fn dimension_fits(ctx: &Context, c: &Claim, f: &Fact) -> bool {
    match (&f.counted, f.unit) {
        (Some(fc), None) => {
            let Some(cc) = &c.reading.counted else {
                return false;
            };
            c.reading.unit.is_none()
                && (cc == fc
                    || f.aliases
                        .iter()
                        .any(|a| ctx.lex.language().singular(a) == *cc))
        }
        (None, None) => c.reading.unit.is_none(),
        (_, Some(_)) => {
            ReferenceSet::comparable(ctx.lex, f.unit, c.reading.unit)
                || super::points_for_percent(ctx.lex, f.unit, c)
        }
    }
}

/// The fact as a candidate, if the context names its entity and what it measures.
fn linked<'r>(
    ctx: &Context<'r>,
    c: &Claim,
    f: &'r Fact,
    context: &ContextTerms,
) -> Option<Candidate<'r>> {
    let r = ctx.reference;
    let mut score = 0.0;
    let mut linked = Vec::new();
    for t in &f.terms {
        if let Some(w) = context.get(t.as_str()) {
            score += w * r.weight(t);
            linked.push(t.clone());
        }
    }
    // a link needs the entity named in the sentence or the one before ("Soviet",
    // "Brussels") and, in the sentence itself, what is measured: a word of the
    // measure or keywords, or the counted noun
    let present = f
        .entity_terms
        .iter()
        .filter(|t| context.contains_key(t.as_str()))
        .count();
    let needed = if f.entity_is_name {
        f.entity_terms.len()
    } else {
        f.entity_terms.len().min(2)
    };
    let names_entity = (needed > 0 && present >= needed)
        || f.alias_terms
            .iter()
            .any(|a| a.iter().all(|t| context.contains_key(t.as_str())));
    let measure_here = f.counted.is_some()
        || linked.iter().any(|t| {
            Some(t.as_str()) != c.reading.counted.as_deref()
                && !f.entity_terms.contains(t)
                && context.get(t.as_str()).is_some_and(|w| *w >= 1.0)
        });
    if !names_entity || !measure_here {
        return None;
    }
    let mut linked_by: Vec<Link> = linked.into_iter().map(Link::Word).collect();
    if f.counted.is_some() {
        score += 4.0;
        linked_by.push(Link::Counted(c.reading.counted.clone().unwrap_or_default()));
    }
    Some(Candidate {
        fact: Cow::Borrowed(f),
        score,
        linked_by,
        group: format!("{}|{}", f.entity.to_lowercase(), f.measure.to_lowercase()),
    })
}
