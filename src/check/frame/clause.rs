//! The clause of a figure: the part of its sentence between the punctuation (commas, semicolons,
//! colons, brackets, dashes) and the boundary words of the frames table ("and", "but", "which")
//! nearest it on either side. A comma or colon between two digits ("14,000", "3:1") ends nothing.
//! A full stop, question or exclamation mark followed by a space or a quote mark ends a clause
//! too: a quotation run into the sentence before it ("… of $660m. \"It could cost more\"") is
//! not the figure's clause.

use crate::claim::Span;

use super::table::Hit;

/// Does the character at byte `i` of `src` end a clause?
fn ends_clause(src: &[u8], i: usize) -> Option<usize> {
    let digit = |j: usize| src.get(j).is_some_and(u8::is_ascii_digit);
    match src[i] {
        b',' | b':' if i > 0 && digit(i - 1) && digit(i + 1) => None,
        b',' | b';' | b':' | b'(' | b')' | b'[' | b']' => Some(1),
        b'.' | b'!' | b'?'
            if matches!(src.get(i + 1), Some(b' ' | b'\n' | b'"'))
                || src[i + 1..].starts_with("\u{201D}".as_bytes()) =>
        {
            Some(1)
        }
        // an en or em dash (U+2013, U+2014) written with spaces or none
        0xE2 if src.get(i + 1) == Some(&0x80) && matches!(src.get(i + 2), Some(0x93 | 0x94)) => {
            Some(3)
        }
        _ => None,
    }
}

/// The clause around `claim` within `sentence`: from just after the nearest clause end before
/// the claim to just before the nearest one after it. `boundaries` are the boundary words found
/// in the sentence.
pub(crate) fn bounds(src: &str, sentence: Span, claim: Span, boundaries: &[Hit]) -> Span {
    let b = src.as_bytes();
    let (s_start, s_end) = (sentence.start.min(claim.start), sentence.end.max(claim.end));
    let mut start = s_start;
    let mut i = claim.start.min(b.len());
    while i > s_start {
        i -= 1;
        if let Some(n) = ends_clause(b, i) {
            start = i + n;
            break;
        }
    }
    let mut end = s_end.min(b.len());
    let mut j = claim.end;
    while j < end {
        if ends_clause(b, j).is_some() {
            end = j;
            break;
        }
        j += 1;
    }
    for h in boundaries {
        if h.end <= claim.start && h.end > start {
            start = h.end;
        } else if h.start >= claim.end && h.start < end {
            end = h.start;
        }
    }
    Span { start, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause<'a>(text: &'a str, claim: &str) -> &'a str {
        let at = text.find(claim).unwrap();
        let span = bounds(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
            Span {
                start: at,
                end: at + claim.len(),
            },
            &[],
        );
        text[span.start..span.end].trim()
    }

    #[test]
    fn punctuation_ends_a_clause_but_not_inside_a_number() {
        let t = "The city, home to 14,000 people, grew; now 3:1 odds — 20 (about £5) remain.";
        assert_eq!(clause(t, "14,000"), "home to 14,000 people");
        assert_eq!(clause(t, "3:1"), "now 3:1 odds");
        assert_eq!(clause(t, "20"), "20");
        assert_eq!(clause(t, "£5"), "about £5");
    }

    #[test]
    fn a_quotation_run_into_the_sentence_is_another_clause() {
        let t = "The island's output is $90m. \"The repairs will cost more,\" she said.";
        assert_eq!(clause(t, "$90m"), "The island's output is $90m");
        assert_eq!(
            clause("It was 3.5 times more", "3.5"),
            "It was 3.5 times more"
        );
    }
}
