//! Durations written as a time unit and "-long": "a decade-long war", "a year-long inquiry"
//! (about one of the unit).

use rust_decimal::Decimal;

use super::lead::Lead;
use super::{Step, is_time, sentence_span, span_of};
use crate::claim::{ClaimKind, Qualifier, Reading};
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::qualifiers::qualifier_before;
use crate::lexicon::Role;

/// The "decade-long" claim at the lead's token, if one is there.
pub(super) fn duration(ctx: &Cursor, lead: &Lead) -> Option<Step> {
    let j = lead.at;
    let form = [
        Pat::WORD,
        Pat::HYPHEN.glued(),
        Pat::role(Role::Long).glued(),
    ];
    if lead.currency.is_some() || !ctx.seq(j, &form) {
        return None;
    }
    let &unit = ctx.lex.unit_names.get(ctx.low(j))?;
    // "two decade-long wars", "a five-year-long" belong to the number before
    let number_before = j > 0 && ctx.number_word(j - 1).is_some();
    let hyphen_before = j > 0 && ctx.is_hyphen(j - 1) && ctx.glued(j);
    if !is_time(ctx, unit) || number_before || hyphen_before {
        return None;
    }
    let (qualifier, _) = qualifier_before(ctx, j).unwrap_or((Qualifier::Approximately, j));
    let claim = Reading {
        scan_span: span_of(ctx, j, j + 3),
        sentence: sentence_span(ctx, j),
        kind: ClaimKind::Duration,
        value: Some(Decimal::ONE),
        value_high: None,
        precision: Decimal::ONE,
        qualifier,
        vague: true,
        direction: None,
        unit: Some(unit),
        per: None,
        unit_note: None,
        counted: None,
        counted_phrase: None,
        problem: None,
    };
    Some(Step::Claim(Box::new(claim), j + 3))
}
