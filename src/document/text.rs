//! Plain text, including text extracted from PDF: hard line breaks inside sentences are kept
//! (the extractor reads across them), and words hyphenated at a line end are joined.

use super::scan::ScanBuilder;

/// Reads `source[start..end]` as plain text.
pub(super) fn read(b: &mut ScanBuilder, start: usize, end: usize) {
    let text = &b.source()[start..end];
    let bytes = text.as_bytes();
    let mut last = 0;
    for p in memchr::memmem::find_iter(bytes, b"-\n") {
        if p < last {
            continue;
        }
        let before = text[..p].chars().next_back();
        let after_start = p
            + 2
            + bytes[p + 2..]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        let after = text[after_start..].chars().next();
        let joinable = matches!(before, Some(c) if c.is_lowercase())
            && matches!(after, Some(c) if c.is_lowercase())
            && !is_compound_tail(&text[after_start..]);
        if joinable {
            b.copy(start + last, start + p);
            // drop "-\n" and the next line's indentation
            b.skip(start + after_start);
            last = after_start;
        }
    }
    b.copy(start + last, end);
}

/// Second halves of hyphenated compounds that keep their hyphen across a line break.
fn is_compound_tail(rest: &str) -> bool {
    const TAILS: &[&str] = &[
        "long", "old", "year", "month", "week", "day", "based", "term", "time", "run", "scale",
        "wide", "owned", "led", "backed", "style", "like", "free", "related", "made", "born",
        "hour", "minute", "point", "strong", "member", "page", "mile", "metre", "meter",
    ];
    // the word at the start of `rest`, if it is short enough to be one of the tails
    let mut word_end = rest.len();
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if !c.is_alphabetic() {
            word_end = i;
            break;
        }
        if n == 8 {
            return false;
        }
    }
    TAILS.contains(&&rest[..word_end])
}

#[cfg(test)]
mod tests {
    use super::super::scan::{ScanBuilder, back};
    use super::*;

    fn scan(src: &str) -> (String, super::super::scan::Built) {
        let mut b = ScanBuilder::new(src, true);
        read(&mut b, 0, src.len());
        let built = b.finish();
        (built.scan.clone(), built)
    }

    #[test]
    fn hyphenation_joined_and_compounds_kept() {
        let src = "the neigh-\n  bouring states and a decade-\nlong war, a well-\nknown";
        let (s, built) = scan(src);
        assert!(s.contains("neighbouring states"), "{s:?}");
        assert!(s.contains("decade-\nlong"), "{s:?}");
        assert!(s.contains("wellknown"), "{s:?}");
        let at = s.find("states").unwrap();
        assert_eq!(&src[back(&built, src, at..at + 6)], "states");
        let at = s.find("neighbouring").unwrap();
        assert_eq!(&src[back(&built, src, at..at + 12)], "neigh-\n  bouring");
    }

    #[test]
    fn compound_tails() {
        assert!(is_compound_tail("long war"));
        assert!(is_compound_tail("old"));
        assert!(!is_compound_tail("longer"));
        assert!(!is_compound_tail("bouring"));
        assert!(!is_compound_tail("oldest-ever"));
    }
}
