//! The English of a verdict, written from its evidence: a one-line summary, the arithmetic in
//! lines a sub-editor understands, the details a reviewer of the tool wants (how the claim was
//! read as an interval, what linked it to its fact: shown with `--verbose`), a suggested
//! correction, and where internal figures come from. One file per check, as in `check/rules/`.
//! Amounts are written as the claim writes them ("$54bn", "270 km"), to three significant
//! digits; exact values stay in the JSON.

mod base;
mod bound;
mod change;
mod conversion;
mod reference;
mod restated;
mod share;
mod total;
pub(crate) mod words;

use crate::check::{Evidence, FileReport, Link, Verdict};
use crate::claim::Claim;
use crate::document::Document;
use crate::lexicon::Lexicon;

/// A verdict in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    /// One line: what is wrong or right.
    pub summary: String,
    /// The arithmetic and the fact, one line each.
    pub explanation: Vec<String>,
    /// How the claim was read (its interval) and what linked it to its fact, one line each.
    pub details: Vec<String>,
    /// A corrected figure to write instead.
    pub suggestion: Option<String>,
    /// Where the figures of an internal check come from (an exchange rate, a unit factor).
    pub source_note: Option<String>,
}

/// What an explanation reads: the verdict, its claim and the document's other claims.
pub(crate) struct Subject<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) doc: &'a Document,
    pub(crate) verdict: &'a Verdict,
    pub(crate) claim: &'a Claim,
    pub(crate) claims: &'a [Claim],
}

/// Writes the English of one verdict of a file.
pub fn explain(file: &FileReport, v: &Verdict, lex: &Lexicon) -> Prose {
    let s = Subject {
        lex,
        doc: file.doc,
        verdict: v,
        claim: &file.claims[v.claim],
        claims: &file.claims,
    };
    match &v.evidence {
        Evidence::Conversion(e) => conversion::explain(&s, e),
        Evidence::Share(e) => share::explain(&s, e),
        Evidence::Change(e) => change::explain(&s, e),
        Evidence::Total(e) => total::explain(&s, e),
        Evidence::Reference(e) => reference::explain(&s, e),
        Evidence::LooseBound(e) => bound::explain(&s, e),
        Evidence::Restated(e) => restated::explain(&s, e),
        Evidence::Base(e) => base::explain(&s, e),
    }
}

impl Subject<'_> {
    /// How a claim of the document writes its amounts.
    pub(crate) fn style(&self, c: &Claim) -> words::Style {
        let written = self
            .doc
            .scan
            .get(c.reading.scan_span.start..c.reading.scan_span.end)
            .unwrap_or(&c.text);
        words::style(self.lex, c, written)
    }
}

/// How a link is shown: the word itself, "year 2019", "counted: troop".
pub fn link_label(l: &Link) -> String {
    match l {
        Link::Word(w) => w.clone(),
        Link::Year(y) => format!("year {y}"),
        Link::Counted(c) => format!("counted: {c}"),
    }
}

/// "linked by: soviet, troop, year 1989".
fn linked_by(v: &Verdict) -> String {
    let labels: Vec<String> = v.linked_by.iter().map(link_label).collect();
    format!("linked by: {}", labels.join(", "))
}
