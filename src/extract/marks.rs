//! Invisible characters at a claim: a zero-width character or a bidirectional control inside or
//! beside a number means what is displayed may not be what is read. The readers already keep
//! them out of the numbers (see `document::invisible`); here each claim they touch gets a note
//! in its `problem`, so a reviewer is told rather than left to trust the display.

use crate::claim::Claim;
use crate::document::{Document, InvisibleKind};

/// Adds a note to every claim whose span touches an invisible mark of `doc`.
pub(crate) fn note_invisible_marks(doc: &Document, claims: &mut [Claim]) {
    if doc.invisible_marks().is_empty() {
        return;
    }
    for c in claims {
        let marks = doc.invisible_marks_near(c.span.start..c.span.end);
        let Some(kind) = marks.iter().map(|m| m.kind).max() else {
            continue;
        };
        let note = message(kind);
        c.reading.problem = Some(match c.reading.problem.take() {
            Some(p) => format!("{p}; {note}"),
            None => note.to_string(),
        });
    }
}

/// The note for the strongest kind of mark at a claim.
fn message(kind: InvisibleKind) -> &'static str {
    match kind {
        InvisibleKind::ZeroWidth => {
            "an invisible zero-width character is in or beside this number: it was read as \
             displayed, without it"
        }
        InvisibleKind::DirectionMark => {
            "a Unicode direction mark is in or beside this number: its digits may display in \
             another order than they are read"
        }
        InvisibleKind::Embedding => {
            "this number is inside a Unicode bidirectional embedding: it may display in another \
             order than it is read"
        }
        InvisibleKind::Reversed => {
            "text beside this number is under a right-to-left override: it displays reversed and \
             was not read"
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};
    use crate::lexicon::Lexicon;
    use crate::normalise::Tolerances;

    fn problems(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::from_text("t", text.to_string(), Format::Text);
        crate::extract_claims(&doc, Lexicon::embedded(), &Tolerances::default())
            .into_iter()
            .map(|c| (c.text.clone(), c.reading.problem.clone()))
            .collect()
    }

    #[test]
    fn a_claim_beside_an_invisible_character_carries_a_note() {
        let zw = problems("The hall seats 1\u{200b}500 people. A fee of 20 pounds.");
        assert!(zw[0].1.as_deref().unwrap().contains("zero-width"), "{zw:?}");
        assert_eq!(zw[1].1, None, "{zw:?}");
        let rlo = problems("Turnout was \u{202e}%05\u{202c} and 12 seats changed hands.");
        assert!(
            rlo.iter().all(|(t, _)| !t.contains("05")),
            "reversed text is not read: {rlo:?}"
        );
        let lrm = problems("It cost 5\u{200f}000 euros.");
        assert!(
            lrm.iter()
                .any(|(_, p)| p.as_deref().is_some_and(|p| p.contains("direction mark"))),
            "{lrm:?}"
        );
    }
}
