//! Linking a claim to the reference fact it speaks of: the words of its context against the
//! facts' entity, measure, aliases and keywords ([`candidates`]), country statistics made on the
//! fly ([`country`]), a magnitude check ([`plausibility`]) and a choice by score and time
//! ([`scoring`]).

mod candidates;
mod country;
mod plausibility;
mod scoring;
mod terms;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

pub(crate) use scoring::Choice;

use super::context::Context;
use super::verdict::Link;
use crate::claim::Claim;
use crate::document::Document;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::{Fact, ReferenceSet};
use terms::{LEAD, SentenceTerms};

/// How much of the article's opening counts as context for every claim, in bytes.
const LEAD_CONTEXT: usize = 600;

/// How much text before a claim's sentence counts as its preceding context, in bytes.
const PRECEDING_CONTEXT: usize = 300;

/// A fact for a claim: a row of a fact table or a country statistic made on the fly.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'r> {
    pub(crate) fact: Cow<'r, Fact>,
    pub(crate) score: f64,
    pub(crate) linked_by: Vec<Link>,
    /// Entity and measure: facts of one group are the same quantity at other times.
    group: String,
}

/// The terms of the sentence last linked, kept while its claims are linked.
struct SentenceCache {
    key: (usize, usize),
    sentence: SentenceTerms,
    before: SentenceTerms,
    /// The year the sentence names, read once for all its claims when first asked for.
    year: OnceCell<Option<i32>>,
}

/// Links the claims of one document to facts.
pub(crate) struct Linker {
    /// Terms of the article's opening: it names what the article is about.
    lead: SentenceTerms,
    cache: RefCell<Option<SentenceCache>>,
}

impl Linker {
    pub(crate) fn new(doc: &Document, reference: &ReferenceSet) -> Linker {
        let mut lead_end = LEAD_CONTEXT.min(doc.source.len());
        while !doc.source.is_char_boundary(lead_end) {
            lead_end -= 1;
        }
        Linker {
            lead: terms::sentence_terms(&doc.source, 0, lead_end, reference),
            cache: RefCell::new(None),
        }
    }

    /// Reads the context of a claim's sentence, unless it is the sentence last read. The
    /// first claim of a sentence the reference rule sees sets where its context starts.
    pub(crate) fn enter(&self, ctx: &Context, c: &Claim) {
        let mut cache = self.cache.borrow_mut();
        let key = (c.sentence.start, c.sentence.end);
        if cache.as_ref().is_none_or(|k| k.key != key) {
            *cache = Some(self.sentence_cache(ctx, c, key));
        }
    }

    /// The fact (or facts) a claim speaks of.
    pub(crate) fn link<'r>(&self, ctx: &Context<'r>, c: &Claim) -> Choice<'r> {
        self.enter(ctx, c);
        let cache = self.cache.borrow();
        let Some(cached) = cache.as_ref() else {
            return Choice::Nothing;
        };
        let context = terms::context_terms(ctx.doc, c, &cached.sentence, &cached.before);
        let mut cands = candidates::fact_candidates(ctx, c, &context);
        // the year the sentence names, read only when a candidate needs it
        let year = SentenceYear {
            ctx,
            claim: c,
            year: &cached.year,
        };
        cands.extend(country::country_candidates(ctx, c, &context, &year));
        cands.retain(|k| k.score >= scoring::THRESHOLD);
        // a figure far from a fact is about something else
        cands.retain(|k| plausibility::plausible(ctx, c, &k.fact));
        if cands.is_empty() {
            return Choice::Nothing;
        }
        scoring::fit_time(&mut cands, year.get(), ctx.dates.article());
        scoring::choose(cands)
    }

    /// The terms of a claim's sentence and of the text before it (up to PRECEDING_CONTEXT
    /// bytes, the sentence or two before it, which can name the entity a figure is about),
    /// with the article's opening.
    fn sentence_cache(&self, ctx: &Context, c: &Claim, key: (usize, usize)) -> SentenceCache {
        let src = &ctx.doc.source;
        let start = key.0.min(c.span.start);
        let mut before_start = start.saturating_sub(PRECEDING_CONTEXT);
        while !src.is_char_boundary(before_start) {
            before_start += 1;
        }
        let mut before = if before_start < start {
            terms::sentence_terms(src, before_start, start, ctx.reference)
        } else {
            Vec::new()
        };
        before.extend(self.lead.iter().map(|(_, t)| (LEAD, t.clone())));
        SentenceCache {
            key,
            sentence: terms::sentence_terms(src, start, key.1.max(c.span.end), ctx.reference),
            before,
            year: OnceCell::new(),
        }
    }
}

/// The year a claim's sentence names, read once per sentence when first asked for.
pub(crate) struct SentenceYear<'a> {
    ctx: &'a Context<'a>,
    claim: &'a Claim,
    year: &'a OnceCell<Option<i32>>,
}

impl SentenceYear<'_> {
    pub(crate) fn get(&self) -> Option<i32> {
        *self.year.get_or_init(|| {
            let sentence = self.ctx.sentence(self.claim);
            self.ctx.dates.sentence_year(sentence)
        })
    }
}

/// A level stated in percentage points where the fact is a percentage ("the jobless rate is
/// 5 points"): a slip, unless the claim is a change ("fell 5 points").
pub(crate) fn points_for_percent(lex: &Lexicon, fact_unit: Option<UnitId>, c: &Claim) -> bool {
    let (Some(fu), Some(cu)) = (fact_unit, c.reading.unit) else {
        return false;
    };
    lex.unit(fu).kind == UnitKind::Percent
        && lex.unit(cu).kind == UnitKind::PercentagePoint
        && c.reading.direction.is_none()
}
