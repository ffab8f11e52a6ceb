//! Finds phrases from a table in running text (one Aho-Corasick automaton over all of them):
//! whole words only, the longest phrase where several start at the same place, and, where
//! asked, the capitals of a phrase kept ("US" is not "us", "Turkey" is not "turkey").

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A set of phrases to find.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern, the caller's phrase index.
    phrase_of: Vec<usize>,
    /// The patterns, as added (used for the case rule).
    patterns: Vec<String>,
    keep_capitals: bool,
}

/// One phrase found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The caller's index of the phrase.
    pub phrase: usize,
    /// Byte range in the text.
    pub span: Range<usize>,
}

impl PhraseMatcher {
    /// Builds a matcher over `phrases`. With `keep_capitals`, an upper-case letter in a phrase
    /// must be upper case in the text; otherwise ASCII case is ignored. A phrase with an
    /// apostrophe also matches with a typographic one (’).
    pub fn new(phrases: &[String], keep_capitals: bool) -> PhraseMatcher {
        let mut patterns = Vec::with_capacity(phrases.len());
        let mut phrase_of = Vec::with_capacity(phrases.len());
        for (i, p) in phrases.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            patterns.push(p.clone());
            phrase_of.push(i);
            if p.contains('\'') {
                patterns.push(p.replace('\'', "’"));
                phrase_of.push(i);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        PhraseMatcher {
            ac,
            phrase_of,
            patterns,
            keep_capitals,
        }
    }

    /// The phrases in `text`, left to right, never overlapping: at each place the longest
    /// phrase that stands as whole words (and keeps its capitals, if asked).
    pub fn find(&self, text: &str) -> Vec<Found> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut all: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(text)
            .filter(|m| whole_words(text, m.start(), m.end()))
            .filter(|m| {
                !self.keep_capitals
                    || capitals_kept(&self.patterns[m.pattern().as_usize()], &text[m.range()])
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out: Vec<Found> = Vec::new();
        let mut taken_to = 0;
        for (start, end, pat) in all {
            if start < taken_to {
                // a second phrase over exactly the same span: keep it too (same words)
                if let Some(last) = out.last()
                    && last.span == (start..end)
                    && last.phrase != self.phrase_of[pat]
                {
                    out.push(Found {
                        phrase: self.phrase_of[pat],
                        span: start..end,
                    });
                }
                continue;
            }
            out.push(Found {
                phrase: self.phrase_of[pat],
                span: start..end,
            });
            taken_to = end;
        }
        out
    }
}

/// A set of names to find, indexed by their first word: built in a few milliseconds even for
/// tens of thousands of names (an automaton over 36,000 city names takes far longer to build),
/// and as fast to search, since a name can only start where a word starts. Upper-case letters
/// of a name must be upper case in the text; other letters match either case (ASCII).
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {
    /// (hash of the lower-case first word, index into `names`), sorted by hash, longest name
    /// first within a hash.
    by_first_word: Vec<(u64, u32)>,
    /// All names one after the other (one allocation for tens of thousands of names).
    buffer: String,
    /// Each name (and typographic-apostrophe variant) as (start, end) in `buffer`, with the
    /// caller's index.
    names: Vec<(u32, u32, u32)>,
}

impl NameMatcher {
    /// Builds a matcher over `names` (a name with an apostrophe also matches a typographic one).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameMatcher {
        let mut m = NameMatcher::default();
        for (i, n) in names.into_iter().enumerate() {
            m.push(n, i as u32);
            if n.contains('\'') {
                m.push(&n.replace('\'', "’"), i as u32);
            }
        }
        let mut by_first_word: Vec<(u64, u32)> = (0..m.names.len() as u32)
            .filter_map(|k| first_word(m.name(k)).map(|w| (word_hash(w), k)))
            .collect();
        by_first_word.sort_unstable_by(|a, b| {
            let len = |k: u32| m.name(k).len();
            a.0.cmp(&b.0)
                .then(len(b.1).cmp(&len(a.1)))
                .then(a.1.cmp(&b.1))
        });
        m.by_first_word = by_first_word;
        m
    }

    fn push(&mut self, name: &str, phrase: u32) {
        let start = self.buffer.len() as u32;
        self.buffer.push_str(name);
        self.names.push((start, self.buffer.len() as u32, phrase));
    }

    fn name(&self, k: u32) -> &str {
        let (a, b, _) = self.names[k as usize];
        &self.buffer[a as usize..b as usize]
    }

    /// The names whose first word hashes like `word`, longest first.
    fn starting_with(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        let h = word_hash(word);
        let from = self.by_first_word.partition_point(|e| e.0 < h);
        self.by_first_word[from..]
            .iter()
            .take_while(move |e| e.0 == h)
            .map(|e| e.1)
    }

    /// The names in `text`, left to right, never overlapping: at each word the longest name that
    /// stands as whole words and keeps its capitals.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(start) = next_word_start(text, pos) else {
                break;
            };
            let first = first_word(&text[start..]).unwrap_or("");
            let matched = self
                .starting_with(first)
                .find_map(|k| self.match_at(text, start, k));
            match matched {
                Some(found) => {
                    pos = found.span.end;
                    out.push(found);
                }
                None => pos = start + first.len().max(1),
            }
        }
        out
    }

    /// Name `k` at `start` of `text`, if it is there as whole words with its capitals.
    fn match_at(&self, text: &str, start: usize, k: u32) -> Option<Found> {
        let name = self.name(k);
        let phrase = self.names[k as usize].2;
        let end = start + name.len();
        let candidate = text.get(start..end)?;
        (candidate.eq_ignore_ascii_case(name)
            && whole_words(text, start, end)
            && capitals_kept(name, candidate))
        .then_some(Found {
            phrase: phrase as usize,
            span: start..end,
        })
    }
}

/// A hash of a word, ASCII case ignored.
fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for b in word.bytes() {
        b.to_ascii_lowercase().hash(&mut h);
    }
    h.finish()
}

/// The leading run of letters and digits of `s`.
fn first_word(s: &str) -> Option<&str> {
    let ascii_end = s
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    let end = if s.as_bytes().get(ascii_end).is_some_and(|b| !b.is_ascii()) {
        // a non-ASCII letter ("Zürich"): go on by characters
        s[ascii_end..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(s.len(), |(i, _)| ascii_end + i)
    } else {
        ascii_end
    };
    (end > 0).then(|| &s[..end])
}

/// The byte offset of the first word start at or after `pos`.
fn next_word_start(text: &str, pos: usize) -> Option<usize> {
    let mut prev_alnum = text[..pos]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    for (i, c) in text[pos..].char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            return Some(pos + i);
        }
        prev_alnum = alnum;
    }
    None
}

/// Whether `text[start..end]` is not part of a longer word.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // a no-break space mis-read as "Ã‚" ends a word ("GDPÃ‚ in")
    let after = after.filter(|_| crate::document::mojibake_space_len(&text[end..]) == 0);
    // a phrase that starts or ends with punctuation ("U.S.") needs no boundary there
    (!word(before) || !word(inner_first)) && (!word(after) || !word(inner_last))
}

/// Whether every upper-case letter of `pattern` is upper case in `found`.
fn capitals_kept(pattern: &str, found: &str) -> bool {
    pattern
        .chars()
        .zip(found.chars())
        .all(|(p, f)| !p.is_uppercase() || f.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn longest_whole_words_with_capitals() {
        let m = PhraseMatcher::new(
            &phrases(&["Guinea", "Papua New Guinea", "US", "Niger"]),
            true,
        );
        let text = "Papua New Guinea and the US, not us, nor Nigeria or Niger.";
        let found: Vec<&str> = m.find(text).iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(found, ["Papua New Guinea", "US", "Niger"]);
    }

    #[test]
    fn a_mis_read_no_break_space_ends_a_word() {
        let m = PhraseMatcher::new(&phrases(&["debt", "unemployment"]), false);
        let text = "public debtÃ‚ rose while unemploymentÃ©s did not, nor debts";
        let found: Vec<&str> = m.find(text).iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(found, ["debt"]);
    }

    #[test]
    fn names_by_first_word() {
        let m = NameMatcher::new([
            "Guinea",
            "Papua New Guinea",
            "US",
            "Niger",
            "U.S.",
            "Côte d'Ivoire",
        ]);
        let text = "Papua New Guinea and the US, not us; U.S. firms, Nigeria, Niger, côte d’Ivoire, Côte d’Ivoire.";
        let found: Vec<&str> = m.find(text).iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(
            found,
            ["Papua New Guinea", "US", "U.S.", "Niger", "Côte d’Ivoire"]
        );
    }

    #[test]
    fn case_ignored_without_capitals_and_curly_apostrophes() {
        let m = PhraseMatcher::new(&phrases(&["women's life expectancy", "GDP"]), false);
        let text = "Women’s life expectancy rose as gdp fell";
        let found: Vec<usize> = m.find(text).iter().map(|f| f.phrase).collect();
        assert_eq!(found, [0, 1]);
    }
}
