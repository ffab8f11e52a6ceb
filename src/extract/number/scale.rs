//! Scale words and suffixes after digits: "1.2bn", "1.2 billion", "4 hundred" — unless an
//! attached suffix that is also a length symbol reads as the length ("the 10,000m", "37m
//! (121ft)").

use rust_decimal::Decimal;

use super::Number;
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::nouns::is_plural;
use crate::lexicon::{DimensionRole, NumberWordKind, Role};

/// Multiplies the digits by a scale word or suffix after them.
pub(crate) fn after_digits(ctx: &Cursor, n: &mut Number) {
    let j = n.end;
    if !ctx.is_word(j) {
        return;
    }
    let attached = ctx.glued(j);
    let sc = ctx.lex.scales.get(ctx.t(j)).copied().or_else(|| {
        if attached {
            None
        } else {
            ctx.lex.scales.get(ctx.low(j)).copied().filter(|s| s.spaced)
        }
    });
    let hundred = !attached
        && ctx
            .number_word(j)
            .is_some_and(|nw| matches!(nw.kind, NumberWordKind::Hundred | NumberWordKind::Scale));
    let usable = match sc {
        Some(sc) if attached => sc.attached && suffix_is_scale(ctx, j),
        Some(sc) => sc.spaced,
        None => false,
    };
    if usable || hundred {
        let mult = sc
            .map(|s| s.multiplier)
            .or_else(|| ctx.number_word(j).map(|nw| nw.value))
            .unwrap_or(Decimal::ONE);
        apply_scale(n, mult);
        n.end = j + 1;
    }
}

/// Is the attached suffix at `j` a scale rather than a length symbol? "the 10,000m" (a race)
/// and "37m (121ft)", "10m-long", "5m away" are metres; "the £5m deal", "the 2m viewers" are
/// millions.
fn suffix_is_scale(ctx: &Cursor, j: usize) -> bool {
    let is_length = ctx
        .lex
        .unit_symbols
        .get(ctx.t(j))
        .is_some_and(|&id| ctx.lex.unit(id).role == DimensionRole::Length);
    if !is_length {
        return true;
    }
    let num = j.saturating_sub(1);
    let currency_before = num >= 1 && ctx.lex.currency_starts.contains(ctx.t(num - 1));
    if !currency_before && num >= 1 && ctx.is(num - 1, Role::The) {
        let next = j + 1;
        let noun_after = ctx.is_word(next) && ctx.ws(next) == 1 && is_plural(ctx, next + 1);
        if !noun_after {
            return false;
        }
    }
    let next = j + 1;
    // a conversion into feet or inches follows
    if ctx.seq(next, &[Pat::sym("("), Pat::NUM]) {
        let unit = (next + 2..next + 4).find(|&k| ctx.is_word(k));
        if unit.is_some_and(|k| ctx.is(k, Role::ImperialLength) && ctx.t(k) == ctx.low(k)) {
            return false;
        }
    }
    let size = Role::MeasureAdjective;
    if ctx.seq(next, &[Pat::HYPHEN, Pat::WORD]) && ctx.is(next + 1, size | Role::MetreName) {
        return false;
    }
    !ctx.is(next, size | Role::DistanceContext)
}

/// Multiplies a number by a scale; the rounding is the mantissa's times the scale.
pub(crate) fn apply_scale(n: &mut Number, mult: Decimal) {
    n.value = n.value.and_then(|v| v.checked_mul(mult));
    if n.value.is_none() && n.problem.is_none() {
        n.problem = Some("the scaled value is beyond the range of exact decimal arithmetic".into());
    }
    n.high = n.high.and_then(|v| v.checked_mul(mult));
    // "5 million": the mantissa's rounding times the scale
    let mantissa_precision = if n.decimals > 0 || n.words {
        n.precision
    } else {
        Decimal::ONE
    };
    n.precision = mantissa_precision.checked_mul(mult).unwrap_or(Decimal::MAX);
    n.scaled = true;
    n.scale = Some(mult);
}

/// Is the number at `i` followed by a scale word ("2.7m", "6 million", "8.1bn")?
pub(crate) fn follows(ctx: &Cursor, i: usize) -> bool {
    if !ctx.is_num(i) || !ctx.is_word(i + 1) {
        return false;
    }
    match ctx
        .lex
        .scales
        .get(ctx.t(i + 1))
        .or_else(|| ctx.lex.scales.get(ctx.low(i + 1)))
    {
        Some(sc) if ctx.glued(i + 1) => sc.attached,
        Some(sc) => sc.spaced,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::cursor::on_text;
    use crate::extract::number::read;

    /// (value, precision) of the number at token `at`.
    fn number(text: &str, at: usize) -> (String, String) {
        on_text(text, |c| {
            let n = read(c, at).unwrap();
            (
                n.value.unwrap().normalize().to_string(),
                n.precision.normalize().to_string(),
            )
        })
    }

    #[test]
    fn scales_multiply_and_set_the_rounding() {
        assert_eq!(
            number("1.2bn", 0),
            ("1200000000".into(), "100000000".into())
        );
        assert_eq!(number("5 million", 0), ("5000000".into(), "1000000".into()));
        assert_eq!(number("4 hundred", 0), ("400".into(), "100".into()));
        assert_eq!(number("20k", 0), ("20000".into(), "1000".into()));
        // spaced suffixes that may only be attached are not scales
        assert_eq!(number("20 k", 0).0, "20");
    }

    #[test]
    fn m_after_digits_is_metres_where_a_length_is_meant() {
        assert_eq!(number("the 2m viewers", 1).0, "2000000");
        assert_eq!(number("the £5m deal", 2).0, "5000000");
        assert_eq!(number("the 10,000m final", 1).0, "10000");
        assert_eq!(number("a 37m (121ft) skeleton", 1).0, "37");
        assert_eq!(number("a 5m-high wall", 1).0, "5");
        assert_eq!(number("it is 5m away", 2).0, "5");
        assert_eq!(number("it raised 5m today", 2).0, "5000000");
    }
}
