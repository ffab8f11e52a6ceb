//! Which place a figure is about. In order: the place that goes with it in a list read
//! "respectively"; a place tied to the figure by nothing but linking words ("Ghana has 33
//! million people", "Peru's 33 million residents", "Chile (1.85)", "33 million people live in
//! Ghana", "4% of GDP in Spain"); a place tied to the measure's phrase ("Japan's life
//! expectancy", "inflation in Spain"); a place in the figure's clause (its subject); a place
//! before it in the sentence, nearest first. A place after a word such as "than" is a
//! comparison, not the figure's; a figure about a list of places is about them together; a
//! figure named only by a counted noun or a weak phrase ("grew") needs a tie.

use std::ops::Range;

use super::Window;
use super::measure::MeasurePick;
use super::sentence::{Gap, Phrase, Place, StatSentence};
use crate::statistics::CueKind;

/// How firmly a place is tied to a figure (higher is firmer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tie {
    /// Named before it in the sentence.
    Sentence,
    /// Named in the figure's clause.
    Clause,
    /// Tied to the measure's phrase.
    Phrase,
    /// Tied to the figure itself.
    Figure,
    /// Paired with the figure in a list read in order.
    List,
}

/// The most words linking words may take between a place and what it is tied to.
const MAX_LINK_WORDS: usize = 6;

/// The longest apposition between a place and its figure, in bytes ("Lagos, Nigeria's biggest
/// city, has").
const MAX_APPOSITION: usize = 60;

/// The place a figure is about among `places` (the sentence's countries and aggregates, or its
/// cities), with how firmly it is tied; `None` when no place is tied firmly enough. `people`:
/// the figure counts people, so a place after it needs a cue such as "live in" ("33 million
/// people in Syria" are not Syria's population).
pub(crate) fn choose<'p>(
    s: &StatSentence,
    places: &'p [Place],
    w: &Window,
    pick: &MeasurePick,
    people: bool,
) -> Option<(&'p Place, Tie)> {
    let phrases = &pick.phrases;
    if let Some(listed) = listed(s, places, w) {
        return listed.map(|p| (p, Tie::List));
    }
    let figure = w.claim.clone();
    // the phrases off the figure, and whether all of them are weak
    let off: Vec<&Phrase> = phrases
        .iter()
        .filter(|p| !overlaps(&p.span, &figure))
        .collect();
    let on_figure = off.is_empty();
    let weak = off.iter().all(|p| p.weak);
    let mut best: Option<(&Place, Tie, usize)> = None;
    let mut to_phrase = false;
    let mut kept: Vec<&Place> = Vec::new();
    for p in places.iter().filter(|p| usable(s, p, w)) {
        let by_phrase = off
            .iter()
            .any(|ph| tied(s, p, &ph.span, false, people, false));
        let tie = if tied(s, p, &figure, true, people, !w.of_stretch) {
            Tie::Figure
        } else if by_phrase {
            Tie::Phrase
        } else if p.span.start >= w.clause.start && p.span.end <= w.clause.end {
            Tie::Clause
        } else {
            Tie::Sentence
        };
        // "than Americans": a comparison, unless the figure is its own ("than Kenya's 53 million")
        if tie < Tie::Figure && s.cue_before(CueKind::NotPlace, p.span.start) {
            continue;
        }
        kept.push(p);
        // nearest first, a place before the figure before one after it
        let distance = if p.span.end <= figure.start {
            figure.start - p.span.end
        } else {
            p.span.start - figure.end + 10_000
        };
        if best.is_none_or(|(_, t, d)| tie > t || (tie == t && distance < d)) {
            best = Some((p, tie, distance));
            to_phrase = by_phrase;
        }
    }
    let (p, tie, _) = best?;
    // "Kenya, Uganda and Tanzania have 170 million people": the figure is about them together
    if in_list(s, &kept, p) {
        return None;
    }
    // a counted noun needs the place by the figure ("Ghana has 33 million people"), a weak
    // phrase the place by the phrase ("China's exports", not "sales grew 5% in Germany")
    let enough = if on_figure || (pick.carried && weak) {
        tie >= Tie::Figure
    } else if weak {
        to_phrase
    } else {
        true
    };
    enough.then_some((p, tie))
}

/// Can a place be the figure's at all: not inside the figure ("US dollars"), after the figure
/// only in its clause, before it only if no new clause ("where", "which") starts between them.
fn usable(s: &StatSentence, p: &Place, w: &Window) -> bool {
    let figure = &w.claim;
    if overlaps(&p.span, figure) {
        return false;
    }
    if p.span.start >= figure.end {
        return p.span.end <= w.clause.end;
    }
    !s.has_cue(CueKind::Clause, p.span.end..figure.start)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// In a sentence read "respectively", the place paired with the figure: `Some(None)` when the
/// figure is in a list but no list of places of the same length pairs with it (then no place
/// is safe), `None` when the rule does not apply.
fn listed<'p>(s: &StatSentence, places: &'p [Place], w: &Window) -> Option<Option<&'p Place>> {
    let (index, run) = w.run.as_ref()?;
    if run.len() < 2 || !s.has_cue(CueKind::Respective, s.start..s.end) {
        return None;
    }
    let mut lists: Vec<Vec<&Place>> = Vec::new();
    for p in places {
        match lists.last_mut() {
            Some(l) if list_gap(s.slice(l[l.len() - 1].span.end, p.span.start)) => l.push(p),
            _ => lists.push(vec![p]),
        }
    }
    // the list of places of the same length nearest before the figures, else after them
    let first = run[0].start;
    let same: Vec<&Vec<&Place>> = lists.iter().filter(|l| l.len() == run.len()).collect();
    let chosen = same
        .iter()
        .filter(|l| l[0].span.start < first)
        .max_by_key(|l| l[0].span.start)
        .or_else(|| same.iter().find(|l| l[0].span.start > first));
    Some(chosen.map(|l| l[*index]))
}

/// Is a place one of a list of places ("Kenya, Uganda and Tanzania")?
fn in_list(s: &StatSentence, places: &[&Place], p: &Place) -> bool {
    places.iter().any(|q| {
        !std::ptr::eq(*q, p)
            && if q.span.end <= p.span.start {
                list_gap(s.slice(q.span.end, p.span.start))
            } else {
                q.span.start >= p.span.end && list_gap(s.slice(p.span.end, q.span.start))
            }
    })
}

/// Is the text between two places or figures nothing but a list separator ("," "and")?
pub(crate) fn list_gap(gap: &str) -> bool {
    gap.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .all(|w| w.is_empty() || w == "and" || w == "or" || w == "&")
}

/// Is a place tied to `target` (a figure or a phrase) by linking words only: before it
/// ("Ghana has", "Peru's", "Chile ("), or after it ("population of Kenya", "4% of GDP in
/// Spain"; after a count of people only through a cue such as "live in")?
fn tied(
    s: &StatSentence,
    p: &Place,
    target: &Range<usize>,
    figure: bool,
    people: bool,
    punctuation: bool,
) -> bool {
    let gap = Gap {
        phrases: true,
        ..Gap::words(MAX_LINK_WORDS)
    };
    if p.span.end <= target.start {
        let gap = Gap {
            punctuation: figure && punctuation,
            ..gap
        };
        let range = past_apposition(s, p.span.end..target.start);
        return s.linking_only(range, gap);
    }
    if p.span.start >= target.end {
        let range = target.end..p.span.start;
        if figure && people && !s.has_cue(CueKind::Live, range.clone()) {
            return false;
        }
        return s.linking_only(range, gap);
    }
    false
}

/// The part of `range` after an apposition right after a place ("Lagos, Nigeria's biggest
/// city, has …": from "has"); all of it when it starts with none.
fn past_apposition(s: &StatSentence, range: Range<usize>) -> Range<usize> {
    let text = s.slice(range.start, range.end);
    let Some(rest) = text.strip_prefix(", ") else {
        return range;
    };
    match rest.find(", ") {
        Some(i) if i <= MAX_APPOSITION && !rest[..i].contains(|c: char| c.is_ascii_digit()) => {
            range.start + 2 + i + 2..range.end
        }
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::list_gap;

    #[test]
    fn list_separators() {
        assert!(list_gap(", "));
        assert!(list_gap(" and "));
        assert!(list_gap(", and "));
        assert!(!list_gap(" is similar to that of "));
        assert!(!list_gap(" ("));
    }
}
