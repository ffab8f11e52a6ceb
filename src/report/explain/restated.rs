//! The English of the restated rule's verdicts.

use super::words::{gap_words, oneline};
use super::{Prose, Subject};
use crate::check::RestatedEvidence;
use crate::claim::fmt_num;

pub(crate) fn explain(s: &Subject, e: &RestatedEvidence) -> Prose {
    let (first, c) = (&s.claims[e.earlier], s.claim);
    let shown = |c: &crate::claim::Claim| {
        format!(
            "{} → {}",
            fmt_num(c.reading.value.unwrap_or_default()),
            c.interval.map(|i| i.display()).unwrap_or_default()
        )
    };
    let gap = s
        .verdict
        .gap
        .map(|g| format!(": {}", gap_words(s.lex, c, &s.style(c), &g)))
        .unwrap_or_default();
    Prose {
        summary: format!(
            "{} contradicts {} earlier (line {}){gap}",
            oneline(&c.text),
            oneline(&first.text),
            first.line
        ),
        explanation: Vec::new(),
        details: vec![
            format!("read as: {}", shown(c)),
            format!("earlier: {}", shown(first)),
        ],
        suggestion: Some(oneline(&first.text)),
        source_note: None,
    }
}
