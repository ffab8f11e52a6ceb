//! Share-of: "A of B, or C%" (also "A out of B (C%)", "A of the B C%") in one sentence, A and B
//! counts: both A and C are shares of B. The part may be a number word the extractor does not
//! read as a claim before "of" ("Twelve of the 60 shops, or 25%").

use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimKind, Relation, RelationKind};
use crate::document::Document;
use crate::lexicon::{Lexicon, NumberWordKind};

/// A share whose part is written in words: the percentage claim, the whole, and the part.
#[derive(Debug, Clone)]
pub(crate) struct WordShare {
    /// The percentage.
    pub(crate) percent: usize,
    /// The whole.
    pub(crate) whole: usize,
    /// The part's value.
    pub(crate) value: Decimal,
    /// The part as written ("Twelve").
    pub(crate) text: String,
}

fn counts(k: ClaimKind) -> bool {
    matches!(k, ClaimKind::Count | ClaimKind::Number)
}

/// Is the text between a part and its whole "of", "out of" or "of the" (with at most one more
/// word)?
fn part_of(between: &str) -> bool {
    let t = between.trim();
    t == "of" || t == "out of" || t.starts_with("of the") && t.split_whitespace().count() <= 3
}

/// Is the text between a whole and its percentage "or", "(", "," or nothing?
fn then_percent(between: &str) -> bool {
    let t = between.trim().trim_start_matches(',').trim();
    t == "or" || t == "(" || t == "," || t.is_empty()
}

/// Adds the share-of relations between claims, and returns the shares whose part is in words.
pub(super) fn find(
    doc: &Document,
    claims: &[Claim],
    lex: &Lexicon,
    out: &mut Vec<Relation>,
) -> Vec<WordShare> {
    let mut words = Vec::new();
    for i in 1..claims.len() {
        let c = &claims[i];
        let b = &claims[i - 1];
        if c.reading.kind != ClaimKind::Percent
            || b.sentence != c.sentence
            || !counts(b.reading.kind)
        {
            continue;
        }
        let Some(bc) = doc.source.get(b.span.end..c.span.start) else {
            continue;
        };
        if !then_percent(&bc.to_lowercase()) {
            continue;
        }
        if i >= 2 {
            let a = &claims[i - 2];
            let ab = doc.source.get(a.span.end..b.span.start).unwrap_or("");
            if a.sentence == c.sentence && counts(a.reading.kind) && part_of(&ab.to_lowercase()) {
                for from in [i - 2, i] {
                    out.push(Relation {
                        kind: RelationKind::ShareOf,
                        from,
                        to: i - 1,
                    });
                }
                continue;
            }
        }
        if let Some((value, text)) = word_part(doc, lex, b) {
            words.push(WordShare {
                percent: i,
                whole: i - 1,
                value,
                text,
            });
        }
    }
    words
}

/// A number word (or two joined by a hyphen: "twenty-five") right before "of" or "of the" and
/// the whole, within the whole's sentence.
fn word_part(doc: &Document, lex: &Lexicon, whole: &Claim) -> Option<(Decimal, String)> {
    let before = doc.source.get(whole.sentence.start..whole.span.start)?;
    let rest = before.trim_end();
    let rest = rest
        .strip_suffix("of the")
        .or_else(|| rest.strip_suffix("of"))?
        .trim_end();
    let start = rest
        .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |k| {
            k + rest[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &rest[start..];
    let mut value = Decimal::ZERO;
    for part in word.to_lowercase().split('-') {
        let n = lex.number_words.get(part)?;
        if !matches!(n.kind, NumberWordKind::Unit | NumberWordKind::Ten) {
            return None;
        }
        value += n.value;
    }
    (!word.is_empty() && value > Decimal::ZERO).then(|| (value, word.to_string()))
}
