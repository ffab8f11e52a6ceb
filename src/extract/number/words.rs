//! Spelled-out numbers: "two million", "twenty-eight thousand six hundred", "half a million",
//! "a third", "two-thirds", "a dozen", "tens of thousands", "hundreds", "doubled".

use rust_decimal::Decimal;

use super::Number;
use crate::extract::cursor::{Cursor, Pat};
use crate::extract::units::read_unit;
use crate::lexicon::{Ending, NumberWord, NumberWordKind as K, Role};

/// What one reader makes of the words at a token.
enum Answer {
    /// A number.
    Number(Number),
    /// No number starts here: stop looking.
    NoNumber,
    /// Not this reader's form: ask the next.
    NotMine,
}

/// The spelled-out number at token `i`; `None` if there is none.
pub(crate) fn read(ctx: &Cursor, i: usize) -> Option<Number> {
    for reader in [vague, multiplier, half_of_one, half_a_scale] {
        match reader(ctx, i) {
            Answer::Number(n) => return Some(n),
            Answer::NoNumber => return None,
            Answer::NotMine => {}
        }
    }
    compose(ctx, i)
}

/// Vague orders of magnitude: "dozens", "tens of thousands", "hundreds of millions". A bare
/// "thousands" after "the" is a verb's object ("in the thousands"), not a claim.
fn vague(ctx: &Cursor, i: usize) -> Answer {
    let Some(nw) = ctx.number_word(i).filter(|nw| nw.kind == K::Vague) else {
        return Answer::NotMine;
    };
    let mut low = nw.value;
    let mut end = i + 1;
    while ctx.is(end, Role::Of) {
        match ctx.number_word(end + 1) {
            Some(n2) if n2.kind == K::Vague && n2.value > low => {
                let Some(l) = low.checked_mul(n2.value) else {
                    return Answer::NoNumber;
                };
                low = l;
                end += 2;
            }
            _ => break,
        }
    }
    if i > 0 && ctx.is(i - 1, Role::The) {
        return Answer::NoNumber;
    }
    let mut n = Number::at(i, true);
    n.value = Some(low);
    n.high = low.checked_mul(Decimal::TEN);
    n.vague = true;
    n.precision = Decimal::ZERO;
    n.end = end;
    Answer::Number(n)
}

/// A multiplier word: "twice", "doubled", "threefold".
fn multiplier(ctx: &Cursor, i: usize) -> Answer {
    let Some(nw) = ctx.number_word(i).filter(|nw| nw.kind == K::Multiplier) else {
        return Answer::NotMine;
    };
    let mut n = Number::at(i, true);
    n.value = Some(nw.value);
    n.multiplier = true;
    n.precision = Decimal::ZERO;
    n.end = i + 1;
    Answer::Number(n)
}

/// "half an hour", "half a mile": half of one unit.
fn half_of_one(ctx: &Cursor, i: usize) -> Answer {
    if !ctx.is(i, Role::Half)
        || !ctx.is(i + 1, Role::A)
        || ctx.number_word(i + 2).is_some()
        || read_unit(ctx, i + 2, false).is_none()
    {
        return Answer::NotMine;
    }
    let mut n = Number::at(i, true);
    n.value = Some(Decimal::new(5, 1));
    n.precision = Decimal::ZERO;
    n.end = i + 2;
    Answer::Number(n)
}

/// "half a million", "half a dozen": a round figure, ±10% of the whole.
fn half_a_scale(ctx: &Cursor, i: usize) -> Answer {
    if !ctx.is(i, Role::Half) || !ctx.is(i + 1, Role::A) {
        return Answer::NotMine;
    }
    let Some(nw) = ctx
        .number_word(i + 2)
        .filter(|nw| matches!(nw.kind, K::Scale | K::Dozen | K::Hundred))
    else {
        return Answer::NotMine;
    };
    let mut n = Number::at(i, true);
    n.value = Some(nw.value / Decimal::TWO);
    n.precision = nw.value / Decimal::TEN;
    n.scaled = nw.kind == K::Scale;
    n.scale = n.scaled.then_some(nw.value);
    n.vague = nw.kind == K::Dozen;
    n.end = i + 3;
    Answer::Number(n)
}

/// A number composed of number words: "two hundred and fifty thousand", "a dozen",
/// "one and a half million", "two-thirds".
fn compose(ctx: &Cursor, i: usize) -> Option<Number> {
    let mut sum = Sum::new(i);
    if ctx.is(i, Role::A) && ctx.ws(i + 1) > 0 {
        // "a hundred", "a dozen", "a third"; "a" before anything else starts no number
        ctx.number_word(i + 1).filter(|nw| {
            matches!(
                nw.kind,
                K::Hundred | K::Scale | K::Dozen | K::Denominator | K::Fraction
            )
        })?;
        sum.article = true;
        sum.current = Decimal::ONE;
        sum.j = i + 1;
    }
    while ctx.is_word(sum.j) {
        let j = sum.j;
        let Some(nw) = ctx.number_word(j) else {
            if sum.and_inside(ctx)? {
                continue;
            }
            break;
        };
        // words must be separated by a space or a hyphen
        if j > i && !(ctx.ws(j) > 0 || ctx.is_hyphen(j - 1)) {
            break;
        }
        match sum.take(ctx, nw)? {
            Take::Next => {}
            Take::Stop => break,
        }
        sum.any = true;
        sum.last_kind = Some(nw.kind);
        sum.j += 1;
        // hyphenated: "twenty-eight", "two-thirds"
        let k = sum.j;
        if ctx.at(k, Pat::HYPHEN.glued()) && ctx.glued(k + 1) && ctx.number_word(k + 1).is_some() {
            sum.j += 1;
        }
    }
    sum.finish(ctx)
}

/// After one number word: read on, or the number ends.
enum Take {
    Next,
    Stop,
}

/// The running sum of a spelled-out number.
struct Sum {
    n: Number,
    /// The next token to read.
    j: usize,
    /// Completed groups ("two million" once "three hundred" follows).
    total: Decimal,
    /// The group being read.
    current: Decimal,
    /// Some number word was read.
    any: bool,
    last_kind: Option<K>,
    /// The number began with "a"/"an" ("a dozen").
    article: bool,
    precision: Decimal,
}

impl Sum {
    fn new(i: usize) -> Sum {
        Sum {
            n: Number::at(i, true),
            j: i,
            total: Decimal::ZERO,
            current: Decimal::ZERO,
            any: false,
            last_kind: None,
            article: false,
            precision: Decimal::ONE,
        }
    }

    /// "and" inside a number: "two hundred and fifty", "one and a half". `Some(true)` when it
    /// was read, `None` when the sum overflows.
    fn and_inside(&mut self, ctx: &Cursor) -> Option<bool> {
        let j = self.j;
        if !(ctx.at(j, Pat::role(Role::And).spaced()) && self.any) {
            return Some(false);
        }
        if let Some(n2) = ctx.number_word(j + 1)
            && matches!(n2.kind, K::Unit | K::Ten)
            && self.last_kind == Some(K::Hundred)
        {
            self.j += 1;
            return Some(true);
        }
        if ctx.is(j + 1, Role::A) && ctx.is(j + 2, Role::Half) {
            self.current = self.current.checked_add(Decimal::new(5, 1))?;
            self.precision = Decimal::new(5, 1);
            self.j += 3;
            self.last_kind = Some(K::Fraction);
            return Some(true);
        }
        Some(false)
    }

    /// Adds the number word at `self.j`; `None` when no number starts here after all.
    fn take(&mut self, ctx: &Cursor, nw: NumberWord) -> Option<Take> {
        match nw.kind {
            K::Unit | K::Ten => {
                let after_unit = matches!(self.last_kind, Some(K::Unit));
                let after_ten = matches!(self.last_kind, Some(K::Ten)) && nw.kind == K::Ten;
                if after_unit || after_ten {
                    return Some(Take::Stop);
                }
                self.current = self.current.checked_add(nw.value)?;
                self.precision = Decimal::ONE;
            }
            K::Hundred => {
                self.current = self.current_or_one().checked_mul(nw.value)?;
                self.precision = nw.value;
            }
            K::Scale => self.scale(nw.value)?,
            K::Dozen => {
                self.current = self.current_or_one().checked_mul(nw.value)?;
                self.n.vague = self.article || self.n.vague;
                self.precision = Decimal::ONE;
            }
            K::Fraction => return self.half(ctx, nw.value),
            K::Denominator => return self.denominator(ctx, nw.value),
            K::Vague | K::Multiplier => return Some(Take::Stop),
        }
        Some(Take::Next)
    }

    fn current_or_one(&self) -> Decimal {
        if self.current.is_zero() {
            Decimal::ONE
        } else {
            self.current
        }
    }

    /// "thousand", "million": closes a group. A bare "million" is no number.
    fn scale(&mut self, value: Decimal) -> Option<()> {
        if self.current.is_zero() && !self.any {
            return None;
        }
        // stacked scales multiply: "a thousand million" is a billion, "a trillion trillion"
        // 10^24; beyond exact arithmetic the number has no value, and says why
        if self.current.is_zero() && self.last_kind == Some(K::Scale) {
            match self.total.checked_mul(value) {
                Some(t) => self.total = t,
                None => {
                    self.n.problem = Some(
                        "stacked scale words beyond the range of exact decimal arithmetic".into(),
                    );
                }
            }
            self.precision = self.precision.checked_mul(value).unwrap_or(Decimal::MAX);
            self.n.scale = self.n.scale.and_then(|s| s.checked_mul(value));
            return Some(());
        }
        let group = self.current_or_one().checked_mul(value)?;
        self.total = self.total.checked_add(group)?;
        // "one and a half million": half a million; "two million": a million
        self.precision = self
            .precision
            .checked_mul(value)
            .unwrap_or(value)
            .min(value);
        self.current = Decimal::ZERO;
        self.n.scaled = true;
        self.n.scale = Some(value);
        Some(())
    }

    /// "half": on its own a share ("half of the staff", "cut by half"), after "a" one half.
    fn half(&mut self, ctx: &Cursor, value: Decimal) -> Option<Take> {
        if self.any || self.article {
            if self.article && !self.any {
                self.current = Decimal::new(5, 1);
                self.n.fraction = true;
                self.j += 1;
                self.any = true;
            }
            return Some(Take::Stop);
        }
        if !fraction_context(ctx, self.j + 1, true) {
            return None;
        }
        self.current = value;
        self.n.fraction = true;
        self.j += 1;
        self.any = true;
        Some(Take::Stop)
    }

    /// "a third", "two-thirds", "three quarters"; a bare "third" is an ordinal, and so are
    /// "a third defendant", "a fifth series".
    fn denominator(&mut self, ctx: &Cursor, value: Decimal) -> Option<Take> {
        if !(self.any || self.article) {
            return None;
        }
        if !self.total.is_zero() {
            return Some(Take::Stop);
        }
        let num = self.current_or_one();
        if num > Decimal::from(20) {
            return Some(Take::Stop);
        }
        let plural = ctx.lex.language().regular_plural(ctx.low(self.j));
        if !plural && !fraction_context(ctx, self.j + 1, false) {
            return None;
        }
        self.current = num / value;
        self.n.fraction = true;
        self.precision = Decimal::ZERO;
        self.j += 1;
        self.any = true;
        Some(Take::Stop)
    }

    fn finish(mut self, ctx: &Cursor) -> Option<Number> {
        if !self.any {
            return None;
        }
        let mut j = self.j;
        if ctx.is_hyphen(j - 1) {
            j -= 1;
        }
        self.n.value = self
            .total
            .checked_add(self.current)
            .filter(|_| self.n.problem.is_none());
        self.n.precision = if self.n.fraction {
            Decimal::ZERO
        } else {
            self.precision
        };
        self.n.end = j;
        Some(self.n)
    }
}

/// Does what follows a fraction word make it a share ("a third of", "half the", "a quarter
/// mile") rather than an ordinal or a noun ("a third defendant", "the second half")?
pub(crate) fn fraction_context(ctx: &Cursor, k: usize, half: bool) -> bool {
    // "the second half", "their half": a part of a match or a pitch
    if half && k >= 2 && ctx.is(k - 2, Role::WhichHalf | Role::Determiner) {
        return false;
    }
    if !ctx.is_word(k) {
        return true; // "cut by half,", "fell by a quarter."
    }
    if ctx.is(k, Role::Of | Role::Comparative) {
        return true;
    }
    if ctx.is(k, Role::Determiner) {
        return half;
    }
    // a noun or adjective after it makes an ordinal: "a third quarter", "a sixth straight"
    ctx.is(k, Role::Stop)
        || ctx.change(k).is_some()
        || (ctx
            .lex
            .language()
            .ends_as(ctx.low(k), Ending::PastParticiple)
            && ctx.number_word(k).is_none())
        || read_unit(ctx, k, false).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cursor::on_text;

    /// (value, precision, tokens read, vague) of the number at the first token.
    fn word_number(text: &str) -> Option<(String, String, usize, bool)> {
        on_text(text, |c| {
            read(c, 0).map(|n| {
                let v = n
                    .value
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default();
                (v, n.precision.normalize().to_string(), n.end, n.vague)
            })
        })
    }

    fn value(text: &str) -> Option<String> {
        word_number(text).map(|n| n.0)
    }

    #[test]
    fn composed_numbers() {
        assert_eq!(
            word_number("two hundred and fifty thousand people"),
            Some(("250000".into(), "1000".into(), 5, false))
        );
        assert_eq!(
            value("twenty-eight thousand six hundred"),
            Some("28600".into())
        );
        assert_eq!(
            word_number("one and a half million"),
            Some(("1500000".into(), "500000".into(), 5, false))
        );
        assert_eq!(value("seven twenty"), Some("7".into()));
        assert_eq!(value("twenty thirty"), Some("20".into()));
        // a bare scale word, or "a" before anything but a scale, is no number
        assert_eq!(value("million people"), None);
        assert_eq!(value("a man"), None);
    }

    #[test]
    fn vague_amounts_and_round_halves() {
        assert_eq!(
            word_number("a dozen eggs"),
            Some(("12".into(), "1".into(), 2, true))
        );
        let tens = on_text("tens of thousands of people", |c| {
            let n = read(c, 0).unwrap();
            (n.value, n.high, n.end)
        });
        assert_eq!(
            tens,
            (Some(Decimal::from(10_000)), Some(Decimal::from(100_000)), 3)
        );
        assert_eq!(
            word_number("half a million"),
            Some(("500000".into(), "100000".into(), 3, false))
        );
        assert!(on_text("in the thousands", |c| read(c, 2).is_none()));
    }

    #[test]
    fn fractions_shares_and_ordinals() {
        assert_eq!(
            value("two-thirds of voters").map(|v| v[..6].to_string()),
            Some("0.6666".into())
        );
        assert_eq!(value("a quarter of the staff"), Some("0.25".into()));
        assert_eq!(value("half the staff"), Some("0.5".into()));
        assert_eq!(value("a third defendant"), None);
        assert!(on_text("the second half ended", |c| read(c, 2).is_none()));
    }

    #[test]
    fn multipliers_and_units_of_one() {
        let doubled = on_text("doubled", |c| read(c, 0).map(|n| (n.value, n.multiplier)));
        assert_eq!(doubled, Some((Some(Decimal::TWO), true)));
        assert_eq!(
            word_number("half an hour"),
            Some(("0.5".into(), "0".into(), 2, false))
        );
    }
}
