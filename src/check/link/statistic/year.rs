//! Which year a figure is for: the year written nearest it in its own stretch of the sentence
//! ("in 2013", "as of 2011", "mid-1993", "(2009 estimate)", "last year"), else the nearest in
//! the sentence, else the article's. A year after a word that makes it another year ("since
//! 1991", "constant 2005 dollars", "by 2050") is not the figure's.

use super::Window;
use super::sentence::StatSentence;
use crate::statistics::CueKind;

/// Where the year of a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearFrom {
    /// Written in the sentence.
    Sentence(i32),
    /// The article's year (the sentence names none).
    Article(i32),
}

impl YearFrom {
    /// The year.
    pub(crate) fn year(self) -> i32 {
        match self {
            YearFrom::Sentence(y) | YearFrom::Article(y) => y,
        }
    }
}

/// The year of the figure, or `None` if neither the sentence nor the article gives one.
pub(crate) fn year_of(s: &StatSentence, w: &Window, article: Option<i32>) -> Option<YearFrom> {
    let usable: Vec<(usize, i32)> = s
        .years
        .iter()
        .copied()
        .filter(|(at, _)| !(w.claim.start <= *at && *at < w.claim.end))
        .filter(|(at, _)| !after_not_year(s, *at))
        .collect();
    let distance = |at: usize| {
        if at < w.claim.start {
            w.claim.start - at
        } else {
            at - w.claim.end
        }
    };
    let in_window = usable
        .iter()
        .filter(|(at, _)| w.holds(&(*at..*at + 4)))
        .min_by_key(|(at, _)| distance(*at));
    let nearest = in_window.or_else(|| usable.iter().min_by_key(|(at, _)| distance(*at)));
    match nearest {
        Some((_, y)) => Some(YearFrom::Sentence(*y)),
        None => article.map(YearFrom::Article),
    }
}

/// Is the year at `at` written right after a cue that makes it another year ("since 1991")?
fn after_not_year(s: &StatSentence, at: usize) -> bool {
    s.cues.iter().any(|c| {
        c.kind == CueKind::NotYear
            && c.span.end <= at
            && s.slice(c.span.end, at).chars().all(|ch| ch.is_whitespace())
    })
}
