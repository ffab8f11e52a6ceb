//! The words around a claim that can link it to a fact, weighted by nearness: its clause, the
//! rest of its sentence, the text just before, and the article's opening.

use rustc_hash::FxHashMap;

use crate::claim::Claim;
use crate::document::Document;
use crate::reference::ReferenceSet;

/// The terms of a sentence with their byte offsets, computed once per sentence.
pub(crate) type SentenceTerms = Vec<(usize, String)>;

/// Context terms of a claim with their weights.
pub(crate) type ContextTerms<'t> = FxHashMap<&'t str, f64>;

/// Marks a term of the article's opening (weight 0.25) among the preceding terms.
pub(crate) const LEAD: usize = usize::MAX;

/// The terms of `src[start..end]` that some fact could use, with their byte offsets. Other
/// words are dropped without allocating.
pub(crate) fn sentence_terms(
    src: &str,
    start: usize,
    end: usize,
    reference: &ReferenceSet,
) -> SentenceTerms {
    let word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut out = Vec::new();
    let text = src.get(start..end).unwrap_or("");
    let mut pos = start;
    let mut buf = String::new();
    for piece in text.split_inclusive(|c: char| !word_char(c)) {
        let w_start = pos;
        pos += piece.len();
        let word = piece.trim_end_matches(|c: char| !word_char(c));
        for part in word.split('-') {
            if crate::reference::term_into(part, &mut buf)
                && reference.index.contains_key(buf.as_str())
            {
                out.push((w_start, buf.clone()));
            }
        }
    }
    out
}

/// Context terms of a claim with proximity weights: 3 in its clause, 1 elsewhere in the
/// sentence, 0.5 in the text before it, 0.25 in the article's opening.
pub(crate) fn context_terms<'t>(
    doc: &Document,
    claim: &Claim,
    sentence: &'t SentenceTerms,
    before: &'t SentenceTerms,
) -> ContextTerms<'t> {
    let src = &doc.source;
    let mut out: ContextTerms<'t> = FxHashMap::default();
    let s = claim.sentence.start.min(claim.span.start);
    let e = claim.sentence.end.max(claim.span.end).min(src.len());
    let (cs, ce) = clause_bounds(src, (s, e), (claim.span.start, claim.span.end));
    for (pos, t) in sentence {
        let w = if *pos >= cs && *pos < ce { 3.0 } else { 1.0 };
        let e = out.entry(t.as_str()).or_insert(0.0);
        if *e < w {
            *e = w;
        }
    }
    for (pos, t) in before {
        out.entry(t.as_str())
            .or_insert(if *pos == LEAD { 0.25 } else { 0.5 });
    }
    out
}

/// The clause around a claim: from the last , ; : ( or "and"/"but" before it to the next after it.
pub(crate) fn clause_bounds(
    src: &str,
    sentence: (usize, usize),
    span: (usize, usize),
) -> (usize, usize) {
    let is_delim = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let before = src.get(sentence.0..span.0).unwrap_or("");
    let mut start = sentence.0;
    for (i, c) in before.char_indices().rev() {
        if is_delim(c) {
            start = sentence.0 + i + c.len_utf8();
            break;
        }
        let rest = &before[i..];
        if (rest.starts_with(" and ") || rest.starts_with(" but ") || rest.starts_with("\nand "))
            && i + 5 <= before.len()
        {
            start = sentence.0 + i + 4;
            break;
        }
    }
    let after = src.get(span.1..sentence.1.max(span.1)).unwrap_or("");
    let mut end = sentence.1.max(span.1);
    for (i, c) in after.char_indices() {
        if is_delim(c)
            || after[i..].starts_with(" and ")
            || after[i..].starts_with(" but ")
            || after[i..].starts_with("\nand ")
        {
            end = span.1 + i;
            break;
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::clause_bounds;

    #[test]
    fn a_clause_ends_at_commas_and_conjunctions() {
        let s = "Sales rose, and profit fell 5% to £2m, the firm said.";
        let at = s.find("5%").unwrap();
        let (a, b) = clause_bounds(s, (0, s.len()), (at, at + 2));
        assert_eq!(&s[a..b], " profit fell 5% to £2m");
    }
}
