//! Units and currencies after a number ("10 km", "5m USD", "1,200€", "500 roubles", "12
//! cents", "a 50-year-old"), currency signs before it ([`currency`]), and how ambiguous signs
//! and names are read ([`readings`]).

pub(crate) mod currency;
pub(crate) mod readings;

use super::cursor::Cursor;
use super::tokens::TokKind;
use crate::lexicon::{Collision, Readings, Role, UnitId, normalise_name};
use readings::resolve;

/// The result of reading a unit after a number.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitRead {
    /// The unit.
    pub unit: Option<UnitId>,
    /// How an ambiguous form was read.
    pub note: Option<String>,
    /// One past its last token.
    pub end: usize,
    /// The form states an age ("year-old").
    pub age: bool,
    /// A minor unit of a currency ("cents"): the value is in hundredths.
    pub minor: bool,
}

/// Symbols a unit form may end with besides currency signs; any other symbol ends no unit.
const FORM_END_SYMBOLS: [&str; 12] = ["%", "°", "″", "′", "²", "³", "$", "€", "£", "/", ".", "\""];

/// The unit or currency written from token `j` on, longest form first (symbols as written,
/// names in any case); with `attached_only`, only one glued to what precedes it.
pub(crate) fn read_unit(ctx: &Cursor, j: usize, attached_only: bool) -> Option<UnitRead> {
    let n = ctx.len();
    if j >= n || ctx.ws(j) == 3 {
        return None;
    }
    if !(ctx.lex.form_starts.contains(ctx.t(j)) || ctx.lex.form_starts.contains(ctx.low(j))) {
        return None;
    }
    let max_k = (ctx.lex.max_name_words * 2 + 1).min(n - j);
    (1..=max_k)
        .rev()
        .find_map(|k| form_at(ctx, j, j + k - 1, attached_only))
}

/// The unit whose form spans tokens `j..=last`, if one does.
fn form_at(ctx: &Cursor, j: usize, last: usize, attached_only: bool) -> Option<UnitRead> {
    // no line-spanning gaps inside and no sentence break
    if (j + 1..=last).any(|x| ctx.ws(x) >= 3) || !ctx.same_sentence(j, last) {
        return None;
    }
    if ctx.kind(last) == Some(TokKind::Sym)
        && !FORM_END_SYMBOLS.contains(&ctx.t(last))
        && !ctx.lex.currency_symbols.contains_key(ctx.t(last))
    {
        return None;
    }
    // the form must end at a word boundary
    if ctx.is_word(last) && ctx.is_word(last + 1) && ctx.glued(last + 1) {
        return None;
    }
    let raw = &ctx.text[ctx.toks[j].s as usize..ctx.toks[last].e as usize];
    if raw.len() > 40 {
        return None;
    }
    let collapsed: String = if raw.contains(char::is_whitespace) {
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        raw.to_string()
    };
    let spaced = ctx.ws(j) > 0;
    let at = Span { j, last };
    if let Some(u) = symbol(ctx, &collapsed, at, attached_only) {
        return Some(u);
    }
    if let Some(u) = currency_symbol(ctx, &collapsed, at) {
        return Some(u);
    }
    if attached_only && spaced {
        return None;
    }
    named(ctx, &collapsed, at)
}

/// The tokens of a candidate form.
#[derive(Clone, Copy)]
struct Span {
    j: usize,
    last: usize,
}

impl Span {
    fn read(self, unit: UnitId, note: Option<String>) -> UnitRead {
        UnitRead {
            unit: Some(unit),
            note,
            end: self.last + 1,
            ..Default::default()
        }
    }

    fn resolved(self, ctx: &Cursor, form: &Readings, written: &str) -> UnitRead {
        let r = resolve(ctx, self.j, &form.readings);
        self.read(r.unit, r.note(ctx, written))
    }
}

/// A unit symbol, matched as written ("km", "°C", "W").
fn symbol(ctx: &Cursor, sym: &str, at: Span, attached_only: bool) -> Option<UnitRead> {
    let id = ctx.lex.unit_by_symbol(sym)?;
    let spaced = ctx.ws(at.j) > 0;
    let single_letter = sym.chars().count() == 1 && !matches!(sym, "%" | "″" | "°");
    let ok = !single_letter || !spaced || letter_alone_ok(ctx, at.last);
    (ok && !(attached_only && spaced) && symbol_context_ok(ctx, sym, at)).then(|| at.read(id, None))
}

/// A currency sign or code after the number: "5m USD", "1,200€".
fn currency_symbol(ctx: &Cursor, form: &str, at: Span) -> Option<UnitRead> {
    let cf = ctx.lex.currency_symbols.get(form)?;
    let code =
        at.last - at.j < 2 && form.len() == 3 && form.bytes().all(|c| c.is_ascii_uppercase());
    // a sign after its number: glued ("1,200€"), or apart when no number follows it ("10 $
    // each", "5 €,"), since "10 $ 30" may be a sign before the next number
    let next_is_number = ctx.is_num(at.last + 1) && ctx.ws(at.last + 1) < 2;
    let sign = !form.chars().any(char::is_alphanumeric) && (ctx.glued(at.j) || !next_is_number);
    (code || sign).then(|| at.resolved(ctx, cf, form))
}

/// A form read by name, case-insensitively: an age ("year-old"), a currency ("euros"), a minor
/// unit ("cents"), an ambiguous unit name ("tons") or a unit ("kilometres").
fn named(ctx: &Cursor, written: &str, at: Span) -> Option<UnitRead> {
    let name = normalise_name(written);
    let lex = ctx.lex;
    if let Some(&unit) = lex.age_forms.get(&name) {
        return Some(UnitRead {
            age: true,
            ..at.read(unit, None)
        });
    }
    // a cue in the sentence for a unit's reading of a currency's name ("lost 25 pounds")
    if let Some(form) = lex.unit_readings.get(&name) {
        let r = resolve(ctx, at.j, &form.readings);
        if matches!(r.why, readings::Why::Cue(_))
            && lex.unit(r.unit).kind != crate::lexicon::UnitKind::Currency
        {
            return Some(at.read(r.unit, r.note(ctx, written)));
        }
    }
    if let Some(cf) = lex.currency_names.get(&name) {
        let r = resolve(ctx, at.j, &cf.readings);
        // a currency name that is also a unit's ("pounds") is the unit unless a cue or a £ sign
        // in the article says otherwise
        let unit_too = lex.unit_by_name(&name).is_some() && !ctx.doc_has_pound_sign;
        if !(unit_too && r.why == readings::Why::Default) {
            return Some(at.read(r.unit, r.note(ctx, written)));
        }
    }
    if let Some(cf) = lex.minor_currency.get(&name) {
        // a one-letter minor unit is written glued ("50p")
        let letter = name.chars().count() == 1 && name.chars().all(char::is_alphabetic);
        if !letter || ctx.glued(at.j) {
            return Some(UnitRead {
                minor: true,
                ..at.resolved(ctx, cf, written)
            });
        }
    }
    if let Some(form) = lex.unit_readings.get(&name) {
        return Some(at.resolved(ctx, form, written));
    }
    // "degrees" followed by Celsius/Fahrenheit is taken by the longer form
    lex.unit_by_name(&name).map(|id| at.read(id, None))
}

/// A one-letter unit symbol written apart from its number ("5 W") must end the phrase, or come
/// before a name in capitals ("a 5 W USB-C charger").
fn letter_alone_ok(ctx: &Cursor, last: usize) -> bool {
    let next = last + 1;
    !ctx.is_word(next)
        || ctx.ws(next) >= 2
        || ctx.t(next).len() >= 2 && ctx.t(next).chars().all(|c| c.is_ascii_uppercase())
}

/// Symbols that are also words, letters or other units' symbols need their context: those in
/// `units.csv`'s `symbol_collisions` only glued to the number ("5t", "10h"); a straight quote is
/// inches only in specs ("a 15.6\" screen"), not closing a quote.
fn symbol_context_ok(ctx: &Cursor, sym: &str, at: Span) -> bool {
    if sym == "\"" {
        let first = ctx.sentence_first(at.j);
        let open_quotes = (first..at.j).filter(|&x| ctx.is_sym(x, "\"")).count();
        let next = at.last + 1;
        return ctx.glued(at.j)
            && open_quotes % 2 == 0
            && ctx.is_word(next)
            && ctx.ws(next) == 1
            && ctx.t(next).starts_with(|c: char| c.is_lowercase());
    }
    match ctx.lex.symbol_collisions.get(sym) {
        Some(Collision::Never) => inches_after_feet(ctx, at.j),
        Some(Collision::Glued) => ctx.glued(at.j) || apart_symbol_ends_phrase(ctx, sym, at),
        None => true,
    }
}

/// "6 ft 2 in", "3 yd 4 in": after an imperial length and a number, "in" is inches.
fn inches_after_feet(ctx: &Cursor, j: usize) -> bool {
    j >= 2
        && ctx.is_num(j - 1)
        && ctx.ws(j - 1) == 1
        && ctx.is_word(j - 2)
        && ctx.is(j - 2, Role::ImperialLength)
        && ctx.low(j - 2) != ctx.low(j)
}

/// A symbol of two or more letters that is also a word may stand apart from its number when it
/// ends the phrase: nothing but punctuation or a word that ends a noun phrase ("of", "in",
/// "later") follows ("12 min in total", "3 yds short"). Before a noun it is the word ("12 fur
/// coats"); a function word ("as", "am") is never a unit written apart ("six as well").
fn apart_symbol_ends_phrase(ctx: &Cursor, sym: &str, at: Span) -> bool {
    if sym.chars().filter(|c| c.is_alphabetic()).count() < 2 || ctx.is(at.j, Role::Stop) {
        return false;
    }
    let next = at.last + 1;
    !ctx.is_word(next) && !ctx.is_num(next) || ctx.is_word(next) && ctx.is(next, Role::Stop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cursor::on_text;
    use crate::lexicon::Lexicon;

    /// (unit code, tokens read, age, minor) of the unit at token `at`.
    fn unit(text: &str, at: usize) -> Option<(String, usize, bool, bool)> {
        on_text(text, |c| {
            read_unit(c, at, false).map(|u| {
                let code = u.unit.map(|id| c.lex.unit(id).code.clone());
                (code.unwrap_or_default(), u.end, u.age, u.minor)
            })
        })
    }

    #[test]
    fn symbols_names_ages_and_minor_units() {
        assert_eq!(
            unit("10 km road", 1),
            Some(("kilometre".into(), 2, false, false))
        );
        assert_eq!(
            unit("30 square miles", 1),
            Some(("square mile".into(), 3, false, false))
        );
        assert_eq!(
            unit("a 50-year-old man", 2),
            Some(("year".into(), 6, true, false))
        );
        assert_eq!(unit("12 cents", 1), Some(("USD".into(), 2, false, true)));
        assert_eq!(unit("50p each", 1), Some(("GBP".into(), 2, false, true)));
        assert_eq!(unit("50 p each", 1), None);
        assert_eq!(unit("5m USD", 2), Some(("USD".into(), 3, false, false)));
        assert_eq!(
            unit("1,200€ a month", 1),
            Some(("EUR".into(), 2, false, false))
        );
    }

    #[test]
    fn colliding_symbols_need_their_number() {
        assert_eq!(unit("5t of coal", 1).map(|u| u.0), Some("tonne".into()));
        assert_eq!(unit("5 t of coal", 1), None);
        assert_eq!(unit("10h later", 1).map(|u| u.0), Some("hour".into()));
        assert_eq!(unit("5in blade", 1), None);
        assert_eq!(unit("5 kt", 1).map(|u| u.0), Some("kilotonne".into()));
        // every symbol that is also a word or letter is listed in units.csv
        let lex = Lexicon::embedded();
        for sym in [
            "h", "d", "st", "mi", "ha", "ct", "cf", "bar", "pt", "min", "sec", "c.", "t", "B",
            "Mt", "LT", "PS", "cv", "ch", "N", "K",
        ] {
            assert_eq!(
                lex.symbol_collisions.get(sym),
                Some(&Collision::Glued),
                "{sym}"
            );
        }
        assert_eq!(lex.symbol_collisions.get("in"), Some(&Collision::Never));
    }

    #[test]
    fn a_straight_quote_is_inches_only_in_specs() {
        assert_eq!(unit("a 15.6\" screen", 2).map(|u| u.0), Some("inch".into()));
        assert_eq!(unit("the \"top 10\" list", 4), None);
    }

    #[test]
    fn currency_names_that_are_unit_names_too() {
        let lex = Lexicon::embedded();
        let mut both: Vec<&str> = lex
            .currency_names
            .keys()
            .filter(|n| lex.unit_names.contains_key(*n))
            .map(String::as_str)
            .collect();
        both.sort();
        assert_eq!(both, ["pound", "pounds"]);
        assert_eq!(unit("a 5 pound note", 2).map(|u| u.0), Some("GBP".into()));
    }
}
