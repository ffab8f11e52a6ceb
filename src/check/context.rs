//! What every rule of one document's check reads: the claims, the relations between them, the
//! lexicon and reference, and the one date policy.

use rust_decimal::Decimal;

use super::convert::{self, ConvertError};
use super::frame::{Frame, FrameKind};
use super::link::Linker;
use super::relate::{Change, Relations, Total, WordShare};
use super::{CheckOptions, Checker};
use crate::claim::{Claim, RelationKind};
use crate::document::{Date, Document};
use crate::lexicon::{Lexicon, UnitId};
use crate::reference::{RateUsed, ReferenceSet};

/// The one date policy of a check. Two dates matter: the article's (from `--date`, front matter
/// or HTML meta), and the year a claim's sentence names ("in 2019", "last year").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dates {
    article: Option<Date>,
}

impl Dates {
    /// The article's date.
    pub(crate) fn article(&self) -> Option<Date> {
        self.article
    }

    /// The year a sentence names: its first year written out ("in 2019"), else "last year" or
    /// "this year" counted from the article's date.
    pub(crate) fn sentence_year(&self, sentence: &str) -> Option<i32> {
        sentence_years(sentence, self.article).first().copied()
    }

    /// The date exchange rates are taken at when comparing with a fact: the article's, else the
    /// fact's own.
    pub(crate) fn rate_date(&self, fact_as_of: Option<Date>) -> Option<Date> {
        self.article.or(fact_as_of)
    }

    /// Is a fact dated too late (more than a year after the article) for the article to state it?
    pub(crate) fn after_article(&self, fact_as_of: Option<Date>) -> bool {
        matches!((self.article, fact_as_of), (Some(a), Some(f)) if f.days() > a.days() + 366)
    }
}

/// Years stated in a sentence ("in 2019"), and "last year"/"this year" against the article date.
fn sentence_years(sentence: &str, article: Option<Date>) -> Vec<i32> {
    let mut years: Vec<(usize, i32)> = written_years(sentence);
    years.extend(relative_years(sentence, article));
    years.into_iter().map(|(_, y)| y).collect()
}

/// The years written out in a sentence (1900–2100), with their byte offsets: four digits not
/// part of a longer number ("1,2019", "3.2019" are not years).
pub(crate) fn written_years(sentence: &str) -> Vec<(usize, i32)> {
    let mut years = Vec::new();
    let b = sentence.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b',' && b[i - 1] != b'.')
            && (i + 4 == b.len()
                || !(b[i + 4].is_ascii_digit()
                    || b[i + 4] == b',' && b.get(i + 5).is_some_and(u8::is_ascii_digit)))
        {
            if let Ok(y) = sentence[i..i + 4].parse::<i32>()
                && (1900..=2100).contains(&y)
            {
                years.push((i, y));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    years
}

/// "last year", "this year" and "next year" in a sentence, as years counted from the
/// article's date, with their byte offsets.
pub(crate) fn relative_years(sentence: &str, article: Option<Date>) -> Vec<(usize, i32)> {
    let Some(d) = article else {
        return Vec::new();
    };
    let lower = sentence.to_ascii_lowercase();
    let mut years = Vec::new();
    for (phrase, delta) in [("last year", -1), ("this year", 0), ("next year", 1)] {
        if let Some(at) = lower.find(phrase) {
            years.push((at, d.year + delta));
        }
    }
    years
}

/// One document's check: everything a rule reads.
pub(crate) struct Context<'c> {
    pub(crate) lex: &'c Lexicon,
    pub(crate) reference: &'c ReferenceSet,
    pub(crate) options: &'c CheckOptions,
    pub(crate) doc: &'c Document,
    pub(crate) claims: &'c [Claim],
    /// The relations between claims (pairs sorted by `from`).
    relations: &'c Relations,
    /// Indices into `relations.pairs`, sorted by `to`: so that the relations into a claim are
    /// found without reading all of them.
    by_to: Vec<usize>,
    /// The frames of each claim, in claim order.
    frames: &'c [Vec<Frame>],
    pub(crate) dates: Dates,
    /// Links claims to facts (with a cache of sentence terms).
    pub(crate) linker: Linker,
}

impl<'c> Context<'c> {
    pub(crate) fn new(
        checker: &'c Checker<'c>,
        doc: &'c Document,
        claims: &'c [Claim],
        relations: &'c Relations,
        frames: &'c [Vec<Frame>],
    ) -> Context<'c> {
        let pairs = &relations.pairs;
        let mut by_to: Vec<usize> = (0..pairs.len()).collect();
        by_to.sort_by_key(|&i| (pairs[i].to, i));
        Context {
            lex: checker.lex,
            reference: checker.reference,
            options: &checker.options,
            doc,
            claims,
            relations,
            by_to,
            frames,
            dates: Dates { article: doc.date },
            linker: Linker::new(doc, checker.reference),
        }
    }

    /// The claims `claim` is related to by `kind`.
    pub(crate) fn related(
        &self,
        claim: usize,
        kind: RelationKind,
    ) -> impl Iterator<Item = usize> + '_ {
        let pairs = &self.relations.pairs;
        let start = pairs.partition_point(|r| r.from < claim);
        pairs[start..]
            .iter()
            .take_while(move |r| r.from == claim)
            .filter(move |r| r.kind == kind)
            .map(|r| r.to)
    }

    /// The claims related to `claim` by `kind` (the other direction).
    pub(crate) fn related_to(
        &self,
        claim: usize,
        kind: RelationKind,
    ) -> impl Iterator<Item = usize> + '_ {
        let pairs = &self.relations.pairs;
        let start = self.by_to.partition_point(|&i| pairs[i].to < claim);
        self.by_to[start..]
            .iter()
            .map(move |&i| &pairs[i])
            .take_while(move |r| r.to == claim)
            .filter(move |r| r.kind == kind)
            .map(|r| r.from)
    }

    /// The frames of a claim.
    pub(crate) fn frames(&self, claim: usize) -> &'c [Frame] {
        self.frames.get(claim).map_or(&[], Vec::as_slice)
    }

    /// The claim's frame of a kind, if it has one.
    pub(crate) fn frame(&self, claim: usize, kind: FrameKind) -> Option<&'c Frame> {
        self.frames(claim).iter().find(|f| f.kind == kind)
    }

    /// The change a claim states, if it states one.
    pub(crate) fn change(&self, claim: usize) -> Option<&'c Change> {
        self.relations.changes.iter().find(|c| c.stated == claim)
    }

    /// The total a claim states, with its parts.
    pub(crate) fn total(&self, claim: usize) -> Option<&'c Total> {
        self.relations.totals.iter().find(|t| t.total == claim)
    }

    /// The share in words a percentage states, if it states one.
    pub(crate) fn word_share(&self, claim: usize) -> Option<&'c WordShare> {
        self.relations
            .word_shares
            .iter()
            .find(|s| s.percent == claim)
    }

    /// The sentence of a claim, as written.
    pub(crate) fn sentence(&self, c: &Claim) -> &'c str {
        self.doc
            .source
            .get(c.sentence.start..c.sentence.end)
            .unwrap_or("")
    }

    /// How far a conversion at `rate` may be off: the ECB tolerance, or the wider one of an
    /// annual average rate.
    pub(crate) fn rate_tolerance(&self, rate: Option<&RateUsed>) -> Decimal {
        let t = &self.options.tolerances;
        if rate.is_some_and(|r| r.annual.is_some()) {
            t.annual_rate
        } else {
            t.currency_rate
        }
    }

    /// Converts `value` between units; currencies at `date`.
    pub(crate) fn convert(
        &self,
        value: Decimal,
        from: UnitId,
        to: UnitId,
        date: Option<Date>,
    ) -> Result<(Decimal, Option<RateUsed>), ConvertError> {
        convert::convert(self.lex, self.reference, value, from, to, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_names_the_year() {
        let d = Dates {
            article: Date::parse("2021-06-01"),
        };
        assert_eq!(
            d.sentence_year("In 2019 the plant made 40,000 cars."),
            Some(2019)
        );
        assert_eq!(d.sentence_year("Last year it made 40,000."), Some(2020));
        assert_eq!(d.sentence_year("This year it made 40,000."), Some(2021));
        // a number with a thousands separator or a decimal is not a year
        assert_eq!(
            d.sentence_year("It made 1,2019 cars and 3.2019 tonnes and 2019,500 more."),
            None
        );
        // a year before a comma is still a year
        assert_eq!(d.sentence_year("In 2019, it made 40,000."), Some(2019));
        let undated = Dates { article: None };
        assert_eq!(undated.sentence_year("Last year it made 40,000."), None);
        assert_eq!(
            undated.rate_date(Date::parse("2020-01-01")),
            Date::parse("2020-01-01")
        );
    }

    #[test]
    fn a_fact_from_after_the_article_is_too_late() {
        let d = Dates {
            article: Date::parse("2021-06-01"),
        };
        assert!(!d.after_article(Date::parse("2022-06-01")));
        assert!(d.after_article(Date::parse("2022-06-03")));
        assert!(!d.after_article(None));
    }
}
