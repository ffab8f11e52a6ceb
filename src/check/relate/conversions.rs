//! Converted-from: "A (B)", "A (B; C)", "A (B, C or D)": each bracketed figure in a different
//! but comparable unit restates A. A price in another market is no conversion: a bracketed
//! figure whose clause says so ("$499 (£449 in the UK)") and, in the same sentence, the other
//! bracketed prices between the same two currencies ("… and $149 (£99)").

use crate::check::frame::{Frame, FrameKind};
use crate::claim::{Claim, Relation, RelationKind, Span};
use crate::document::Document;
use crate::lexicon::{Lexicon, UnitId};
use crate::reference::ReferenceSet;

/// What may stand between two figures of one bracketed list.
fn list_separator(s: &str) -> bool {
    matches!(s.trim(), ";" | "," | "/" | "or" | ", or" | "; or")
}

/// The figures of the bracket opened right after claim `i`: each followed by a separator and
/// another, the last by ")". Empty when there is no such bracket.
fn bracket_list(src: &str, claims: &[Claim], i: usize) -> Vec<usize> {
    let opens = claims
        .get(i + 1)
        .and_then(|n| src.get(claims[i].span.end..n.span.start))
        .is_some_and(|s| s.trim() == "(");
    if !opens {
        return Vec::new();
    }
    let mut list = Vec::new();
    let mut j = i + 1;
    loop {
        let b = &claims[j];
        list.push(j);
        if src
            .get(b.span.end..)
            .is_some_and(|r| r.trim_start().starts_with(')'))
        {
            return list;
        }
        let sep = claims
            .get(j + 1)
            .and_then(|n| src.get(b.span.end..n.span.start));
        if !sep.is_some_and(list_separator) {
            return Vec::new();
        }
        j += 1;
    }
}

/// Adds a converted-from relation for each figure of a bracketed list after another figure.
pub(super) fn find(
    doc: &Document,
    claims: &[Claim],
    lex: &Lexicon,
    frames: &[Vec<Frame>],
    out: &mut Vec<Relation>,
) {
    // (sentence, currency pair) of the prices in another market
    let local: Vec<(Span, UnitId, UnitId)> = local_prices(doc, claims, frames);
    let mut i = 0;
    while i + 1 < claims.len() {
        let list = bracket_list(&doc.source, claims, i);
        let a = &claims[i];
        for &k in &list {
            let b = &claims[k];
            let (Some(ua), Some(ub)) = (a.reading.unit, b.reading.unit) else {
                continue;
            };
            let elsewhere = local
                .iter()
                .any(|&(s, la, lb)| s == b.sentence && la == ua && lb == ub);
            if ua != ub && !elsewhere && ReferenceSet::comparable(lex, Some(ua), Some(ub)) {
                out.push(Relation {
                    kind: RelationKind::ConvertedFrom,
                    from: k,
                    to: i,
                });
            }
        }
        i = list.last().map_or(i + 1, |&k| k + 1);
    }
}

/// The bracketed prices marked as prices in another market, with their sentence and the units
/// of the price before the bracket and of the bracketed one.
fn local_prices(
    doc: &Document,
    claims: &[Claim],
    frames: &[Vec<Frame>],
) -> Vec<(Span, UnitId, UnitId)> {
    let mut out = Vec::new();
    for (k, f) in frames.iter().enumerate() {
        if k == 0 || !f.iter().any(|x| x.kind == FrameKind::LocalPrice) {
            continue;
        }
        let (a, b) = (&claims[k - 1], &claims[k]);
        let opens = doc
            .source
            .get(a.span.end..b.span.start)
            .is_some_and(|s| s.trim() == "(");
        if let (true, Some(ua), Some(ub)) = (opens, a.reading.unit, b.reading.unit) {
            out.push((b.sentence, ua, ub));
        }
    }
    out
}
