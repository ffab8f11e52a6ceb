//! Choosing among the readings of an ambiguous sign or name ("$", "¥", "kr", "tons",
//! "gallons"): a cue word in the sentence, the article's locale, a £ sign in the article, or
//! the table's default.

use crate::extract::cursor::Cursor;
use crate::lexicon::UnitId;

/// Why a reading was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// The form has one reading (or no cue could select another).
    Only,
    /// A cue word of the sentence, at this token.
    Cue(usize),
    /// The article's locale.
    Locale,
    /// The article uses a £ sign somewhere (British usage).
    PoundSign,
    /// No cue for another reading: the table's default.
    Default,
}

/// The reading chosen for a form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved {
    /// The unit it is read as.
    pub unit: UnitId,
    /// Why.
    pub why: Why,
}

impl Resolved {
    /// How the form was read, for the claim's unit note ("'$' read as AUD: the sentence says
    /// 'Sydney'"); none when the form has one reading.
    pub fn note(&self, ctx: &Cursor, form: &str) -> Option<String> {
        let code = &ctx.lex.unit(self.unit).code;
        let why = match self.why {
            Why::Only => return None,
            Why::Cue(j) => format!("the sentence says '{}'", ctx.t(j)),
            Why::Locale => format!("the article's locale is {}", ctx.locale.unwrap_or("")),
            Why::PoundSign => "the article uses £ (British usage)".to_string(),
            Why::Default => "no cue for another reading".to_string(),
        };
        Some(format!("'{form}' read as {code}: {why}"))
    }
}

/// Picks the reading of the form at token `at` from cue words in its sentence, the article's
/// locale and its £ signs. `readings` are (unit, cue words) in table order.
pub(crate) fn resolve(ctx: &Cursor, at: usize, readings: &[(UnitId, Vec<String>)]) -> Resolved {
    let pick = |r: usize, why: Why| Resolved {
        unit: readings[r].0,
        why,
    };
    // readings no cue can select are not alternatives: the form is not ambiguous
    if readings.len() == 1 || readings.iter().skip(1).all(|(_, cues)| cues.is_empty()) {
        return pick(0, Why::Only);
    }
    let best = sentence_cue(ctx, at, readings);
    if best.is_none() && !ctx.locale_cues.is_empty() {
        let by_locale = readings
            .iter()
            .skip(1)
            .position(|(_, cues)| cues.iter().any(|c| ctx.locale_cues.contains(c)));
        if let Some(r) = by_locale {
            return pick(r + 1, Why::Locale);
        }
    }
    if ctx.doc_has_pound_sign {
        let upto = best.map(|(b, _)| b).unwrap_or(readings.len());
        let british = (1..upto).find(|&r| readings[r].1.iter().any(|c| c == "£"));
        if let Some(r) = british {
            return pick(r, Why::PoundSign);
        }
    }
    if let Some((r, j)) = best {
        return pick(r, Why::Cue(j));
    }
    let default = readings.iter().position(|(_, c)| c.is_empty()).unwrap_or(0);
    pick(default, Why::Default)
}

/// The earliest reading (in table order, the default aside) with a cue word anywhere in the
/// sentence of token `at`, and the token of the cue. A cue may be two words ("new zealand").
fn sentence_cue(
    ctx: &Cursor,
    at: usize,
    readings: &[(UnitId, Vec<String>)],
) -> Option<(usize, usize)> {
    let first = ctx.sentence_first(at);
    let last = ctx.sentence_end(at);
    let mut best: Option<(usize, usize)> = None;
    for j in first..last {
        if !ctx.is_word(j) || !ctx.lex.cue_words.contains(ctx.low(j)) {
            continue;
        }
        let w = ctx.low(j);
        let upto = best.map(|(b, _)| b).unwrap_or(readings.len());
        let hit = (1..upto).find(|&r| {
            readings[r].1.iter().any(|c| match c.split_once(' ') {
                Some((a, b)) => a == w && j + 1 < last && ctx.low(j + 1) == b,
                None => c == w,
            })
        });
        if let Some(r) = hit {
            best = Some((r, j));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::extract::cursor::{Buffers, on_text};
    use crate::extract::number::digits::NumberSyntax;
    use crate::extract::units::currency::prefix;
    use crate::lexicon::Lexicon;

    /// (code, note) of the currency sign at token `at`.
    fn sign(text: &str, at: usize) -> (String, Option<String>) {
        on_text(text, |c| {
            let p = prefix(c, at).unwrap();
            (c.lex.unit(p.unit).code.clone(), p.note)
        })
    }

    #[test]
    fn a_cue_a_pound_sign_or_the_default() {
        assert_eq!(
            sign("In Sydney the flat costs $900 a week.", 5),
            (
                "AUD".into(),
                Some("'$' read as AUD: the sentence says 'Sydney'".into())
            )
        );
        assert_eq!(
            sign("The flat costs $900 a week.", 3).1.as_deref(),
            Some("'$' read as USD: no cue for another reading")
        );
        assert_eq!(sign("It costs €9.", 2), ("EUR".into(), None));
    }

    #[test]
    fn the_locale_holds_for_every_sentence() {
        let lex = Lexicon::embedded();
        let text = "The flat costs $900 a week.";
        let mut b = Buffers::default();
        b.fill(text, NumberSyntax::default(), lex);
        let c = b.cursor(text, lex, NumberSyntax::default(), Some("en-AU"));
        let p = prefix(&c, 3).unwrap();
        assert_eq!(lex.unit(p.unit).code, "AUD");
        assert_eq!(
            p.note.as_deref(),
            Some("'$' read as AUD: the article's locale is en-AU")
        );
    }
}
