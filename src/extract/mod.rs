//! Stage 2: finding quantitative claims. The scan text is cut into [`tokens`] and
//! [`sentences`]; a [`cursor`] over them knows what the lexicon says of each word and matches
//! small token patterns. From every token that may start a claim, the claim [`forms`] read the
//! lead (currency sign, minus), the [`number`] (digits, words, scale), then qualifiers,
//! [`units`], ranges, rates and the counted noun ([`nouns`]); the [`filters`] drop what is not
//! a claim (dates, times, years, labels, identifiers, list numbers).

pub(crate) mod cursor;
pub(crate) mod filters;
pub(crate) mod forms;
pub(crate) mod marks;
pub(crate) mod nouns;
pub(crate) mod number;
pub(crate) mod qualifiers;
pub(crate) mod sentences;
pub(crate) mod tokens;
pub(crate) mod units;

#[cfg(test)]
mod tests;

pub use crate::claim::{ClaimKind, Reading, Span};
use crate::document::Document;
use crate::lexicon::Lexicon;
use cursor::Buffers;
use forms::{Step, parse_at};

/// Lower-case singular of a noun ("troops" -> "troop", "countries" -> "country"), by the
/// shipped English tables. Prefer `lex.language().singular(w)`, which follows the tables in use.
pub fn singularise(w: &str) -> String {
    Lexicon::embedded().language().singular(w)
}

/// Extracts claims from documents, reusing its buffers across calls.
pub struct Extractor<'l> {
    lex: &'l Lexicon,
    buffers: Buffers<'l>,
}

impl<'l> Extractor<'l> {
    /// An extractor over the given tables.
    pub fn new(lex: &'l Lexicon) -> Self {
        Extractor {
            lex,
            buffers: Buffers::default(),
        }
    }

    /// All claims in a document, in text order.
    pub fn extract(&mut self, doc: &Document) -> Vec<Reading> {
        let text = doc.scan.as_str();
        let syntax = self.lex.number_syntax(doc.locale.as_deref());
        self.buffers.fill(text, syntax, self.lex);
        let ctx = self
            .buffers
            .cursor(text, self.lex, syntax, doc.locale.as_deref());
        let mut claims: Vec<Reading> = Vec::new();
        let mut i = 0;
        while i < ctx.len() {
            match parse_at(&ctx, i, &claims) {
                Step::Claim(c, next) => {
                    claims.push(*c);
                    i = next.max(i + 1);
                }
                Step::Skip(next) => i = next.max(i + 1),
            }
        }
        forms::inherit::from_figure_after(text, self.lex.language(), &mut claims);
        claims
    }
}
