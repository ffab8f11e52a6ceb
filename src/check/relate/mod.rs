//! Relations between the claims of one document, found once before the rules run, so that no
//! rule re-reads the source text to find the claims it compares:
//! - converted-from: "€1bn ($1.2bn)": the bracketed figure restates the one before it in a
//!   comparable unit;
//! - share-of: "30 of 120 staff, or 25%": both 30 and 25% are shares of 120;
//! - restates: "the 15,000 Soviet troops" re-mentions "14,000 Soviet troops" stated earlier.

use rustc_hash::FxHashMap;

use crate::claim::{Claim, ClaimKind, Qualifier, Relation, RelationKind};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::reference::ReferenceSet;

/// Every relation between the claims of a document, sorted by the claim they start from.
pub(crate) fn relate(doc: &Document, claims: &[Claim], lex: &Lexicon) -> Vec<Relation> {
    let mut out = Vec::new();
    conversions(doc, claims, lex, &mut out);
    shares(doc, claims, &mut out);
    restatements(doc, claims, &mut out);
    out.sort_by_key(|r| r.from);
    out
}

/// "A (B)" where A and B have different but comparable units.
fn conversions(doc: &Document, claims: &[Claim], lex: &Lexicon, out: &mut Vec<Relation>) {
    for (i, pair) in claims.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(between) = doc.source.get(a.span.end..b.span.start) else {
            continue;
        };
        let Some(after) = doc.source.get(b.span.end..) else {
            continue;
        };
        if between.trim() != "(" || !after.trim_start().starts_with(')') {
            continue;
        }
        let (Some(ua), Some(ub)) = (a.reading.unit, b.reading.unit) else {
            continue;
        };
        if ua != ub && ReferenceSet::comparable(lex, Some(ua), Some(ub)) {
            out.push(Relation {
                kind: RelationKind::ConvertedFrom,
                from: i + 1,
                to: i,
            });
        }
    }
}

/// "A of B, or C%" (also "A out of B (C%)", "A of the B C%") in one sentence, A and B counts.
fn shares(doc: &Document, claims: &[Claim], out: &mut Vec<Relation>) {
    for i in 2..claims.len() {
        let c = &claims[i];
        if c.reading.kind != ClaimKind::Percent {
            continue;
        }
        let (a, b) = (&claims[i - 2], &claims[i - 1]);
        if a.sentence != c.sentence || b.sentence != c.sentence {
            continue;
        }
        let (Some(ab), Some(bc)) = (
            doc.source.get(a.span.end..b.span.start),
            doc.source.get(b.span.end..c.span.start),
        ) else {
            continue;
        };
        let (ab, bc) = (ab.to_lowercase(), bc.to_lowercase());
        let ab_words = ab.split_whitespace().count();
        if !(ab.trim() == "of"
            || ab.trim() == "out of"
            || ab.trim().starts_with("of the") && ab_words <= 3)
        {
            continue;
        }
        let bc_t = bc.trim().trim_start_matches(',').trim();
        if !(bc_t == "or" || bc_t == "(" || bc_t == "," || bc_t.is_empty()) {
            continue;
        }
        let counts = |k: ClaimKind| matches!(k, ClaimKind::Count | ClaimKind::Number);
        if !counts(a.reading.kind) || !counts(b.reading.kind) {
            continue;
        }
        for from in [i - 2, i] {
            out.push(Relation {
                kind: RelationKind::ShareOf,
                from,
                to: i - 1,
            });
        }
    }
}

/// A definite re-mention ("the 15,000 Soviet troops") of a counted noun phrase of two words or
/// more, written in the claim itself, first introduced with another figure.
fn restatements(doc: &Document, claims: &[Claim], out: &mut Vec<Relation>) {
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
        let prev_word = before
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if matches!(
            prev_word.as_str(),
            "the" | "those" | "these" | "its" | "their" | "all"
        ) {
            out.push(Relation {
                kind: RelationKind::Restates,
                from: i,
                to: first,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::normalise::Tolerances;

    /// The relations of a text, as (kind, from-claim text, to-claim text).
    fn relations(text: &str) -> Vec<(RelationKind, String, String)> {
        let lex = Lexicon::embedded();
        let doc = Document::from_text("t.txt", text.to_string(), Format::Text);
        let claims = crate::extract_claims(&doc, lex, &Tolerances::default());
        relate(&doc, &claims, lex)
            .into_iter()
            .map(|r| {
                (
                    r.kind,
                    claims[r.from].text.clone(),
                    claims[r.to].text.clone(),
                )
            })
            .collect()
    }

    fn rel(kind: RelationKind, from: &str, to: &str) -> (RelationKind, String, String) {
        (kind, from.to_string(), to.to_string())
    }

    #[test]
    fn a_bracketed_figure_in_other_units_is_converted_from_the_one_before() {
        assert_eq!(
            relations("The path is 10 km (6 miles) long and cost €2m ($2.2m)."),
            vec![
                rel(RelationKind::ConvertedFrom, "6 miles", "10 km"),
                rel(RelationKind::ConvertedFrom, "$2.2m", "€2m"),
            ]
        );
        // not in brackets, the same unit, or units of different things
        assert!(relations("The path is 10 km, 6 miles of it paved.").is_empty());
        assert!(relations("The path is 10 km (12 km with the loop) long.").is_empty());
        assert!(relations("The path is 10 km (45 minutes) long.").is_empty());
    }

    #[test]
    fn a_percentage_after_a_part_of_a_whole_is_a_share_of_it() {
        assert_eq!(
            relations("Of the staff, 30 of 120 nurses, or 25%, left."),
            vec![
                rel(RelationKind::ShareOf, "30", "120 nurses"),
                rel(RelationKind::ShareOf, "25%", "120 nurses"),
            ]
        );
        assert_eq!(
            relations("Some 9 out of 30 stations (30%) shut.").len(),
            2,
            "out of, in brackets"
        );
        // a percentage of something else
        assert!(relations("Of 120 nurses, 30 left and pay rose 25%.").is_empty());
    }

    #[test]
    fn a_definite_re_mention_restates_the_first_figure() {
        assert_eq!(
            relations(
                "Some 400 Danish soldiers went. Later, the 700 Danish soldiers came home. \
                 Then 12 Danish soldiers left."
            ),
            vec![rel(
                RelationKind::Restates,
                "700 Danish soldiers",
                "Some 400 Danish soldiers"
            )]
        );
        // one-word phrases are not specific enough
        assert!(relations("Some 400 soldiers went. Later, the 700 soldiers came home.").is_empty());
    }
}
