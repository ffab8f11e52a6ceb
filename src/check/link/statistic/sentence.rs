//! What the statistics linker reads in one sentence, once for all its claims: the places it
//! names (countries and aggregates; cities only when a claim asks), the measures its phrases
//! name, the linking cues, the years it writes, and its claims in order.

use std::cell::OnceCell;
use std::ops::Range;

use crate::check::context::{relative_years, written_years};
use crate::claim::Claim;
use crate::document::Date;
use crate::statistics::{CueKind, EntityRef, Mention, Statistics};

/// A place named in the sentence (byte range in the document).
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub(crate) span: Range<usize>,
    /// The words as written.
    pub(crate) text: String,
    /// The places the words name, the usual reading first.
    pub(crate) entities: Vec<EntityRef>,
}

/// A phrase of a measure (byte range in the document).
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) span: Range<usize>,
    /// The measure's id.
    pub(crate) measure: String,
    /// The phrase is the measure's name.
    pub(crate) primary: bool,
    /// A single word that is not the measure's name ("grew", "exports"): it names the measure
    /// only next to the place it is about.
    pub(crate) weak: bool,
}

/// A cue (byte range in the document).
#[derive(Debug, Clone)]
pub(crate) struct CueAt {
    pub(crate) span: Range<usize>,
    pub(crate) kind: CueKind,
    /// The measures a select cue picks.
    pub(crate) measures: Vec<String>,
}

/// What may stand between two things tied together besides linking words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gap {
    /// A comma, colon or opening bracket ("Kenya, with", "Peru: 33 million", "Chile (1.85)"); a
    /// closing bracket, a semicolon or a dash always ends a tie.
    pub(crate) punctuation: bool,
    /// Place names ("exports from China reached").
    pub(crate) places: bool,
    /// Measure phrases ("Canada covers an area of").
    pub(crate) phrases: bool,
    /// At most this many words.
    pub(crate) max_words: usize,
    /// Words that carry a measure from one figure to the next ("and", "against", "women").
    pub(crate) carrying: bool,
}

impl Gap {
    /// Linking words only, no punctuation, places or phrases.
    pub(crate) const fn words(max_words: usize) -> Gap {
        Gap {
            punctuation: false,
            places: false,
            phrases: false,
            max_words,
            carrying: false,
        }
    }
}

/// One sentence as the statistics linker reads it; every position is a byte offset in the
/// document.
pub(crate) struct StatSentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    text: String,
    pub(crate) places: Vec<Place>,
    pub(crate) phrases: Vec<Phrase>,
    pub(crate) cues: Vec<CueAt>,
    /// Years written in the sentence or counted from the article ("last year").
    pub(crate) years: Vec<(usize, i32)>,
    /// Spans of the sentence's claims, in order.
    pub(crate) claims: Vec<Range<usize>>,
    cities: OnceCell<Vec<Place>>,
}

/// The phrases not inside a longer phrase of another measure: "land area" names the land area,
/// not the area; "GDP per capita grew" the growth per head, not the economy's growth.
fn outermost(phrases: Vec<Phrase>) -> Vec<Phrase> {
    let inside = |p: &Phrase, q: &Phrase| {
        q.measure != p.measure
            && q.span.start <= p.span.start
            && p.span.end <= q.span.end
            && q.span.len() > p.span.len()
    };
    phrases
        .iter()
        .filter(|p| !phrases.iter().any(|q| inside(p, q)))
        .cloned()
        .collect()
}

impl StatSentence {
    /// Reads the sentence `src[start..end]` whose claims are `claims` (in document order).
    pub(crate) fn read(
        stats: &Statistics,
        src: &str,
        (start, end): (usize, usize),
        claims: &[Claim],
        article: Option<Date>,
    ) -> StatSentence {
        let text = src.get(start..end).unwrap_or("");
        let places: Vec<Place> = stats
            .gazetteer()
            .mentions(text)
            .into_iter()
            .filter(|m| !compound(text, m.span.start))
            .map(|m| place(m, start))
            .collect();
        let cues = stats.cues();
        let phrases = stats
            .catalogue()
            .measures_for_phrase(text)
            .into_iter()
            .map(|m| Phrase {
                span: m.span.start + start..m.span.end + start,
                measure: m.measure.id.clone(),
                primary: m.primary,
                weak: cues.is_weak(m.phrase)
                    || (!m.primary && !m.phrase.contains(' ') && !m.phrase.contains('-')),
            })
            .collect();
        let phrases = outermost(phrases);
        let cues: Vec<CueAt> = stats
            .cues()
            .find(text)
            .into_iter()
            .map(|m| CueAt {
                span: m.span.start + start..m.span.end + start,
                kind: m.cue.kind,
                measures: m.cue.measures.clone(),
            })
            .collect();
        let mut years: Vec<(usize, i32)> = written_years(text)
            .into_iter()
            .chain(relative_years(text, article))
            .map(|(at, y)| (at + start, y))
            .collect();
        years.sort_unstable();
        let first = claims.partition_point(|c| c.span.start < start);
        let claims = claims[first..]
            .iter()
            .take_while(|c| c.span.start < end)
            .map(|c| c.span.start..c.span.end)
            .collect();
        let places = with_anaphors(places, &cues, text, start);
        StatSentence {
            start,
            end,
            text: text.to_string(),
            places,
            phrases,
            cues,
            years,
            claims,
            cities: OnceCell::new(),
        }
    }

    /// The text between two document offsets within the sentence.
    pub(crate) fn slice(&self, from: usize, to: usize) -> &str {
        let (a, b) = (from.max(self.start), to.min(self.end));
        if a >= b {
            return "";
        }
        self.text.get(a - self.start..b - self.start).unwrap_or("")
    }

    /// The cities the sentence names (read on first use), leaving out words that name a
    /// country or aggregate ("Singapore", "Mexico").
    pub(crate) fn cities(&self, stats: &Statistics) -> &[Place] {
        self.cities.get_or_init(|| {
            stats
                .gazetteer()
                .city_mentions(&self.text)
                .into_iter()
                .filter(|m| !compound(&self.text, m.span.start))
                .map(|m| place(m, self.start))
                .filter(|c| {
                    !self
                        .places
                        .iter()
                        .any(|p| p.span.start < c.span.end && c.span.start < p.span.end)
                })
                .collect()
        })
    }

    /// Whether the text of `range` is only linking words and spaces: the cues that may stand
    /// between a place, a phrase and a figure ("has", "with", "'s", "of GDP", "per head", "live
    /// in"), and what `gap` allows besides.
    pub(crate) fn linking_only(&self, range: Range<usize>, gap: Gap) -> bool {
        let text = self.slice(range.start, range.end);
        let stops = |c: char| match c {
            ',' | ':' | '(' => !gap.punctuation,
            ')' | ';' | '!' | '?' | '—' | '–' => true,
            _ => false,
        };
        if text.chars().any(stops) || text.contains(" - ") {
            return false;
        }
        let mut covered = vec![false; text.len()];
        let mut cover = |span: &Range<usize>| {
            if span.start >= range.start && span.end <= range.end {
                for b in &mut covered[span.start - range.start..span.end - range.start] {
                    *b = true;
                }
            }
        };
        let linking = |k: CueKind| {
            matches!(
                k,
                CueKind::Attach | CueKind::Live | CueKind::ShareOfGdp | CueKind::PerCapita
            ) || (gap.carrying
                && matches!(
                    k,
                    CueKind::Select | CueKind::NotPlace | CueKind::Coordination
                ))
        };
        self.cues
            .iter()
            .filter(|c| linking(c.kind))
            .for_each(|c| cover(&c.span));
        if gap.places {
            self.places.iter().for_each(|p| cover(&p.span));
        }
        if gap.phrases {
            self.phrases.iter().for_each(|p| cover(&p.span));
        }
        // years ("Ghana in 2010 had 24 million people")
        for &(at, _) in &self.years {
            cover(&(at..at + 4));
        }
        let mut words = 0;
        let mut in_word = false;
        for (i, ch) in text.char_indices() {
            let part_of_word = ch.is_alphanumeric();
            if part_of_word && !covered[i] {
                return false;
            }
            if part_of_word && !in_word {
                words += 1;
            }
            in_word = part_of_word;
        }
        words <= gap.max_words
    }

    /// Whether a cue of `kind` ends right before `at` (nothing but spaces between).
    pub(crate) fn cue_before(&self, kind: CueKind, at: usize) -> bool {
        self.cues.iter().any(|c| {
            c.kind == kind && c.span.end <= at && self.slice(c.span.end, at).trim().is_empty()
        })
    }

    /// Whether a cue of `kind` lies in `range`.
    pub(crate) fn has_cue(&self, kind: CueKind, range: Range<usize>) -> bool {
        self.cues
            .iter()
            .any(|c| c.kind == kind && c.span.start >= range.start && c.span.end <= range.end)
    }
}

/// The places, with a place for each word that stands for the one place named before it
/// ("Japan ... the country's 127 million people").
fn with_anaphors(mut places: Vec<Place>, cues: &[CueAt], text: &str, start: usize) -> Vec<Place> {
    for c in cues.iter().filter(|c| c.kind == CueKind::Anaphor) {
        let before: Vec<&Place> = places
            .iter()
            .filter(|p| p.span.end <= c.span.start)
            .collect();
        let Some(first) = before.first() else {
            continue;
        };
        if before.iter().any(|p| p.entities != first.entities) {
            continue;
        }
        let entities = first.entities.clone();
        places.push(Place {
            span: c.span.clone(),
            text: text[c.span.start - start..c.span.end - start].to_string(),
            entities,
        });
    }
    places.sort_by_key(|p| p.span.start);
    places
}

/// Is a name at `at` the second part of a compound ("Inter-American", "pan-African"): no place?
fn compound(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    before.next() == Some('-') && before.next().is_some_and(char::is_alphabetic)
}

fn place(m: Mention, offset: usize) -> Place {
    Place {
        span: m.span.start + offset..m.span.end + offset,
        text: m.text,
        entities: m.entities,
    }
}
