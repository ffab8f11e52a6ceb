//! The English of a verdict, written from its evidence: a one-line summary, the arithmetic in
//! lines a sub-editor understands, a suggested correction, and where internal figures come
//! from. One file per check, as in `check/rules/`.

mod conversion;
mod reference;
mod restated;
mod share;
pub(crate) mod words;

use crate::check::{Evidence, FileReport, Link, Verdict};
use crate::claim::Claim;
use crate::lexicon::Lexicon;

/// A verdict in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    /// One line: what is wrong or right.
    pub summary: String,
    /// The arithmetic, one line each.
    pub explanation: Vec<String>,
    /// A corrected figure to write instead.
    pub suggestion: Option<String>,
    /// Where the figures of an internal check come from (an exchange rate, a unit factor).
    pub source_note: Option<String>,
}

/// What an explanation reads: the verdict, its claim and the document's other claims.
pub(crate) struct Subject<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) verdict: &'a Verdict,
    pub(crate) claim: &'a Claim,
    pub(crate) claims: &'a [Claim],
}

/// Writes the English of one verdict of a file.
pub fn explain(file: &FileReport, v: &Verdict, lex: &Lexicon) -> Prose {
    let s = Subject {
        lex,
        verdict: v,
        claim: &file.claims[v.claim],
        claims: &file.claims,
    };
    match &v.evidence {
        Evidence::Conversion(e) => conversion::explain(&s, e),
        Evidence::Share(e) => share::explain(&s, e),
        Evidence::Reference(e) => reference::explain(&s, e),
        Evidence::Restated(e) => restated::explain(&s, e),
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
