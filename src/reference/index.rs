//! The term index of facts: lower-case singular words of entity, measure, aliases and keywords,
//! each pointing at the facts that use it, weighted by how few facts share it.

use super::ReferenceSet;
use crate::extract::singularise;

/// A term that more facts than this share does not propose candidates on its own, so that
/// matching stays fast with a million facts.
pub(crate) const MAX_POSTINGS: usize = 5_000;

/// Terms of a fact or a context: lower-case, singular words of three letters or more.
pub(crate) fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter_map(term)
}

/// The term of one word, or `None` for short words and stop words.
pub(crate) fn term(word: &str) -> Option<String> {
    let mut out = String::new();
    term_into(word, &mut out).then_some(out)
}

/// Writes the term of one word into `out` (reusing its buffer); false for short words and
/// stop words.
pub(crate) fn term_into(word: &str, out: &mut String) -> bool {
    out.clear();
    // (strip_suffix: a pattern search would be set up anew for every word)
    let mut w = word;
    while let Some(x) = w.strip_suffix("'s") {
        w = x;
    }
    while let Some(x) = w.strip_suffix("’s") {
        w = x;
    }
    if w.is_ascii() {
        if w.len() < 3 {
            return false;
        }
        out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        if w.chars().count() < 3 {
            return false;
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    if is_stop_term(out) {
        return false;
    }
    let simple_plural = out.len() > 3
        && out.ends_with('s')
        && !out.ends_with("ss")
        && !out.ends_with("us")
        && !out.ends_with("is")
        && !out.ends_with("ies")
        && !out.ends_with("es");
    if simple_plural {
        out.pop();
    } else if out.ends_with("es")
        || out.ends_with("men")
        || out.ends_with("people")
        || out.ends_with("ies")
    {
        let s = singularise(out);
        out.clear();
        out.push_str(&s);
    }
    true
}

/// Words too common to tell facts apart (a `match`: called for every word of every article).
fn is_stop_term(term: &str) -> bool {
    matches!(
        term,
        "the"
            | "and"
            | "for"
            | "with"
            | "from"
            | "that"
            | "this"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "its"
            | "their"
            | "his"
            | "her"
            | "than"
            | "more"
            | "less"
            | "about"
            | "some"
            | "into"
            | "over"
            | "after"
            | "before"
            | "which"
            | "who"
            | "per"
            | "cent"
            | "percent"
            | "said"
            | "says"
            | "will"
            | "would"
            | "been"
            | "also"
            | "other"
            | "all"
            | "total"
    )
}

impl ReferenceSet {
    /// Rebuilds the term index after facts were added.
    pub fn rebuild_index(&mut self) {
        self.index.clear();
        for (i, f) in self.facts.iter_mut().enumerate() {
            let mut entity: Vec<String> = f
                .entity
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(term)
                .collect();
            entity.sort();
            entity.dedup();
            f.entity_is_name = f.entity.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
            f.alias_terms = f
                .aliases
                .iter()
                .map(|a| terms(a).collect::<Vec<_>>())
                .filter(|t| !t.is_empty())
                .collect();
            let mut ts: Vec<String> = terms(&f.entity)
                .chain(f.aliases.iter().flat_map(|a| terms(a)))
                .chain(terms(&f.measure))
                .chain(f.keywords.iter().flat_map(|a| terms(a)))
                .collect();
            ts.sort();
            ts.dedup();
            f.entity_terms = entity;
            let mut keys = ts.clone();
            if let Some(c) = &f.counted
                && !keys.contains(c)
            {
                keys.push(c.clone());
            }
            for t in keys {
                self.index.entry(t).or_default().push(i as u32);
            }
            f.terms = ts;
        }
    }

    /// Facts whose index terms include any of `context_terms`. Terms shared by more than
    /// [`MAX_POSTINGS`] facts are too common to propose candidates (they still score).
    pub(crate) fn candidates(&self, context_terms: &[&str]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for t in context_terms {
            if let Some(ids) = self.index.get(*t)
                && ids.len() <= MAX_POSTINGS
            {
                out.extend_from_slice(ids);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Inverse document frequency weight of a term among facts.
    pub(crate) fn weight(&self, term: &str) -> f64 {
        let df = self.index.get(term).map(|v| v.len()).unwrap_or(0) as f64;
        let n = self.facts.len().max(1) as f64;
        1.0 + (n / (1.0 + df)).ln().max(0.0)
    }
}
