//! Restates: a definite re-mention ("the 15,000 Soviet troops") of a counted noun phrase of two
//! words or more, written in the claim itself, first introduced with another figure. A sentence
//! that names a body the first mention's sentence does not (a run of capitalised words: "their 12
//! principal dancers" after "the English National Ballet") speaks of another body's figure: no
//! restatement. "All the N …" names the whole of its class: an earlier, smaller figure of the
//! same noun may be a part of it ("closed 12,575 net cafes" … "all the 100,000 net cafes in the
//! country"), so a whole larger than the first mention is no restatement.

use rustc_hash::FxHashMap;

use crate::claim::{Claim, Qualifier, Relation, RelationKind};
use crate::document::Document;

/// Adds a restates relation from each definite re-mention to the first mention.
pub(super) fn find(doc: &Document, claims: &[Claim], out: &mut Vec<Relation>) {
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        let Some(phrase) = c.reading.counted_phrase.as_ref() else {
            continue;
        };
        // the phrase must be written in the claim itself (not carried over) and be specific
        if phrase.split_whitespace().count() < 2
            || !c.text.contains(phrase.as_str())
            || c.reading.direction.is_some()
            || c.reading.value_high.is_some()
            || !matches!(
                c.reading.qualifier,
                Qualifier::Exact | Qualifier::Approximately
            )
        {
            continue;
        }
        let key = phrase
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, i);
            continue;
        };
        let before = doc.source.get(..c.span.start).unwrap_or("");
        let mut words = before
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase);
        let prev_word = words.next().unwrap_or_default();
        let whole =
            prev_word == "all" || (prev_word == "the" && words.next().as_deref() == Some("all"));
        if whole && c.reading.value > claims[first].reading.value {
            continue;
        }
        if matches!(
            prev_word.as_str(),
            "the" | "those" | "these" | "its" | "their" | "all"
        ) && !names_another(doc, &claims[first], c)
        {
            out.push(Relation {
                kind: RelationKind::Restates,
                from: i,
                to: first,
            });
        }
    }
}

/// The names of a sentence: runs of two or more capitalised words, its first word left out
/// ("English National Ballet", "BBC News"; not "Friday").
fn names(doc: &Document, c: &Claim) -> Vec<String> {
    let sentence = doc
        .source
        .get(c.sentence.start..c.sentence.end)
        .unwrap_or("");
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let words = sentence
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\'' || ch == '’'))
        .filter(|w| !w.is_empty())
        .skip(1);
    for w in words.chain([""]) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            run.push(w.trim_end_matches("'s").trim_end_matches("’s"));
            continue;
        }
        if run.len() >= 2 {
            out.push(run.join(" "));
        }
        run.clear();
    }
    out
}

/// Does the later claim's sentence name someone or something the first's does not?
fn names_another(doc: &Document, first: &Claim, later: &Claim) -> bool {
    if first.sentence == later.sentence {
        return false;
    }
    let known = names(doc, first);
    let phrase = later.reading.counted_phrase.as_deref().unwrap_or("");
    names(doc, later)
        .iter()
        .any(|n| !known.contains(n) && !phrase.contains(n.as_str()))
}
