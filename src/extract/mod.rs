//! Stage 2: finding quantitative claims. One pass of a byte-level tokenizer over the scan text,
//! then a parser that starts at every number (digits, number words, currency signs) and reads
//! the qualifier before it, the scale, range, unit, currency and counted noun after it, and
//! drops what is not a claim (dates, times, years, identifiers, scores, list numbers).

use rust_decimal::Decimal;

pub use crate::claim::{ClaimKind, Reading, Span};

/// Lower-case singular of a noun ("troops" -> "troop", "countries" -> "country"), by the
/// shipped English tables. Prefer `lex.language().singular(w)`, which follows the tables in use.
pub fn singularise(w: &str) -> String {
    Lexicon::embedded().language().singular(w)
}
use crate::claim::Qualifier;
use crate::document::Document;
use crate::lexicon::{Ending, Language, Lexicon, NumberWordKind, Role, UnitId, UnitKind};

mod cursor;
mod filters;
mod nouns;
mod number;
mod qualifiers;
mod sentences;
mod tokens;
mod units;

use cursor::{Buffers, Cursor, Pat};
use nouns::{attributive_noun, counted_phrase};
use number::digits::NumberSyntax;
use qualifiers::{direction_before, qualifier_before};
use tokens::TokKind;
use units::{UnitRead, read_unit};

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
        let syntax = NumberSyntax::default();
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
        inherit_forward(text, self.lex.language(), &mut claims);
        claims
    }
}

/// "280 million of the 1.5 billion shekels", "at 2,483 while Florida had 1,385 strikes": a bare
/// figure takes the unit of a comparable figure a few words later in the same clause.
fn inherit_forward(text: &str, lang: &dyn Language, claims: &mut [Reading]) {
    for i in 1..claims.len() {
        let (before, after) = claims.split_at_mut(i);
        let c = &mut before[i - 1];
        let n = &after[0];
        if c.kind != ClaimKind::Number
            || c.unit.is_some()
            || c.counted.is_some()
            || c.vague
            || c.value_high.is_some()
            || n.sentence != c.sentence
            || !matches!(
                n.kind,
                ClaimKind::Count | ClaimKind::Currency | ClaimKind::Physical
            )
            || n.value_high.is_some()
        {
            continue;
        }
        let (Some(a), Some(b)) = (c.value.map(|v| v.abs()), n.value.map(|v| v.abs())) else {
            continue;
        };
        if a.is_zero()
            || b.is_zero()
            || a.min(b)
                .checked_mul(Decimal::ONE_HUNDRED)
                .is_none_or(|m| a.max(b) > m)
        {
            continue;
        }
        // the figure is written in digits; the gap is a few words with no clause punctuation
        let own = text.get(c.scan_span.start..c.scan_span.end).unwrap_or("");
        let Some(gap) = text.get(c.scan_span.end..n.scan_span.start) else {
            continue;
        };
        if !own.bytes().any(|b| b.is_ascii_digit())
            || gap.split_whitespace().count() > 7
            || gap
                .bytes()
                .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'.' | b'!' | b'?'))
            || gap.bytes().any(|b| b.is_ascii_digit())
            // "0.41 of its shares and $1.50": the figure counts a noun of its own
            || gap
                .split_whitespace()
                .any(|w| w.len() > 3 && lang.regular_plural(w))
        {
            continue;
        }
        c.kind = n.kind;
        c.unit = n.unit;
        c.unit_note = n.unit_note.clone();
        c.counted = n.counted.clone();
        c.counted_phrase = n.counted_phrase.clone();
        if c.per.is_none() {
            c.per = n.per.clone();
        }
    }
}

enum Step {
    Claim(Box<Reading>, usize),
    Skip(usize),
}

fn span_of(ctx: &Cursor, first: usize, end: usize) -> Span {
    Span {
        start: ctx.toks[first].s as usize,
        end: ctx.toks[end - 1].e as usize,
    }
}

fn sentence_span(ctx: &Cursor, i: usize) -> Span {
    let first = ctx.sentence_first(i);
    let last = ctx.sentence_end(i) - 1;
    Span {
        start: ctx.toks[first].s as usize,
        end: ctx.toks[last].e as usize,
    }
}

/// Can token `i` start a claim? One probe rejects most words.
fn may_start(ctx: &Cursor, i: usize) -> bool {
    match ctx.kind(i) {
        Some(TokKind::Num) => true,
        Some(TokKind::Sym) => {
            matches!(ctx.t(i), "-" | "−") || ctx.lex.currency_starts.contains(ctx.t(i))
        }
        Some(TokKind::Word) => {
            let w = ctx.low(i);
            ctx.number_word(i).is_some()
                || matches!(w, "a" | "an" | "half" | "minus")
                || ctx.lex.currency_starts.contains(ctx.t(i))
                || (ctx.is_hyphen(i + 1) && ctx.lex.unit_names.contains_key(w))
        }
        None => false,
    }
}

fn parse_at(ctx: &Cursor, i: usize, prior: &[Reading]) -> Step {
    if !may_start(ctx, i) {
        return Step::Skip(i + 1);
    }
    let start_tok = i;
    // currency before the number
    let mut currency: Option<(UnitId, Option<String>)> = None;
    let mut j = i;
    if let Some(units::currency::Prefix {
        after,
        unit: id,
        note,
    }) = units::currency::prefix(ctx, i)
    {
        // a currency word glued after a number ("5m USD") is read as a suffix instead
        currency = Some((id, note));
        j = after;
    }
    // a minus sign
    let mut negative = false;
    if ctx.kind(j) == Some(TokKind::Sym)
        && matches!(ctx.t(j), "-" | "−")
        && ctx.is_num(j + 1)
        && ctx.ws(j + 1) == 0
        && (ctx.ws(j) > 0 || j == 0)
        && currency.is_none()
    {
        let prev_ok = j == 0 || !matches!(ctx.kind(j - 1), Some(TokKind::Num));
        if prev_ok && (j == 0 || !ctx.is_word(j - 1) || ctx.ws(j) > 0) {
            negative = true;
            j += 1;
        } else {
            return Step::Skip(i + 1);
        }
    }
    if ctx.is_word(j)
        && ctx.low(j) == "minus"
        && (ctx.is_num(j + 1) || (ctx.is_hyphen(j + 1) && ctx.is_num(j + 2)))
    {
        negative = true;
        j += if ctx.is_hyphen(j + 1) { 2 } else { 1 };
    }
    // "decade-long", "year-long"
    if currency.is_none()
        && ctx.seq(j, &[Pat::WORD, Pat::HYPHEN.glued(), Pat::WORD.glued()])
        && ctx.low(j + 2) == "long"
    {
        if let Some(&unit) = ctx.lex.unit_names.get(ctx.low(j)) {
            if ctx.lex.unit(unit).dimension == "time"
                && !(j > 0 && ctx.is_word(j - 1) && ctx.number_word(j - 1).is_some())
                && !(j > 0 && ctx.is_hyphen(j - 1) && ctx.ws(j) == 0)
            {
                let span = span_of(ctx, j, j + 3);
                let (qualifier, _) =
                    qualifier_before(ctx, j).unwrap_or((Qualifier::Approximately, j));
                return Step::Claim(
                    Box::new(Reading {
                        scan_span: span,
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
                    }),
                    j + 3,
                );
            }
        }
    }
    let Some(mut core) = number::read(ctx, j) else {
        return Step::Skip(i + 1);
    };
    // a word number directly glued to a preceding word ("someone") cannot happen; "one" needs care
    if core.words {
        let w = ctx.low(core.first);
        if core.first > 0 {
            let p = core.first - 1;
            if ctx.is(p, Role::DeterminerBlock)
                && ctx.ws(core.first) > 0
                && matches!(w, "one" | "half")
            {
                return Step::Skip(core.end);
            }
            // "no one", "any one", "one another"
            if ctx.is_hyphen(p) && ctx.ws(core.first) == 0 {
                return Step::Skip(core.end);
            }
            // "BBC One", "Formula One", "Channel Four": a capitalised number word inside a sentence
            // is part of a name
            if ctx.capitalized(core.first)
                && core.first != ctx.sentence_first(core.first)
                && !(ctx.is_sym(p, "\"")
                    || ctx.is_sym(p, "“")
                    || ctx.is_sym(p, "(")
                    || ctx.is_sym(p, ":"))
            {
                return Step::Skip(core.end);
            }
            // "number one keeper", "chapter three", "the top ten"
            if ctx.at(p, Pat::role(Role::Label)) && ctx.same_sentence(p, core.first) {
                return Step::Skip(core.end);
            }
        }
        if w == "one"
            && ctx.is_word(core.end)
            && matches!(
                ctx.low(core.end),
                "another" | "way" | "thing" | "day" | "time" | "point" | "side" | "hand"
            )
        {
            return Step::Skip(core.end);
        }
        // "the first half of 2004", "at half time": a period, not a share
        if w == "half"
            && core.end == core.first + 1
            && ((core.first > 0
                && ctx.is_word(core.first - 1)
                && matches!(
                    ctx.low(core.first - 1),
                    "first" | "second" | "latter" | "other" | "opening" | "final"
                ))
                || (ctx.is_word(core.end) && matches!(ctx.low(core.end), "time" | "term")))
        {
            return Step::Skip(core.end);
        }
    }
    if core.words
        && core.fraction
        && ctx.is_hyphen(core.end)
        && ctx.ws(core.end) == 0
        && ctx.is_word(core.end + 1)
        && ctx.ws(core.end + 1) == 0
        && read_unit(ctx, core.end + 1, false).is_none()
    {
        return Step::Skip(core.end + 2);
    }
    if filters::non_claim(ctx, &core, currency.is_some()).is_some() {
        return Step::Skip(filters::skip_glued(ctx, core.end));
    }
    if negative {
        core.value = core.value.map(|v| -v);
    }
    let mut claim_end = core.end;
    let mut unit: Option<UnitId> = currency.as_ref().map(|c| c.0);
    let had_currency = currency.is_some();
    let mut unit_note = currency.and_then(|c| c.1);
    let mut kind_age = false;
    let mut qualifier = Qualifier::Exact;
    let mut first_tok = start_tok;
    if negative && ctx.is_word(start_tok) && ctx.low(start_tok) == "minus" {
        first_tok = start_tok;
    }
    // qualifier before: "more than", "some", "up to"; and range openers "between"/"from"
    let mut range_opener: Option<&str> = None;
    if let Some((q, qs)) = qualifier_before(ctx, start_tok) {
        qualifier = q;
        first_tok = qs;
    } else if start_tok > 0 && ctx.is_word(start_tok - 1) {
        match ctx.low(start_tok - 1) {
            "between" => range_opener = Some("between"),
            "from" => range_opener = Some("from"),
            _ => {}
        }
    }
    // "sub-300": below
    if ctx.glued(start_tok)
        && ctx.seq_before(start_tok, &[Pat::WORD, Pat::HYPHEN])
        && ctx.low(start_tok - 2) == "sub"
    {
        qualifier = Qualifier::LessThan;
        first_tok = start_tok - 2;
    }
    let direction = direction_before(ctx, first_tok);

    // unit right after the first number (attached or spaced), before a range partner
    let mut high: Option<Decimal> = core.high;
    let mut precision = core.precision;
    let mut value = core.value;
    let mut vague = core.vague;
    let mut unit_read: Option<UnitRead> = None;
    if unit.is_none() {
        if ctx.is_sym(claim_end, "%") && ctx.ws(claim_end) <= 1 {
            unit = Some(ctx.lex.percent);
            claim_end += 1;
        } else if let Some(u) = read_unit(ctx, claim_end, false) {
            {
                unit = u.unit;
                unit_note = u.note.clone();
                kind_age = u.age;
                claim_end = u.end;
                unit_read = Some(u);
            }
        }
    }
    // adjectival "18-month", "five-year", "10-page", "185-hp", "50-year-old"
    if unit.is_none()
        && ctx.is_hyphen(claim_end)
        && ctx.ws(claim_end) == 0
        && ctx.ws(claim_end + 1) == 0
    {
        if let Some(u) = read_unit(ctx, claim_end + 1, false) {
            unit = u.unit;
            kind_age = u.age;
            claim_end = u.end;
            unit_note = u.note.clone();
            unit_read = Some(u);
            // "-year-old"
            if ctx.seq(claim_end, &[Pat::HYPHEN.glued(), Pat::WORD])
                && ctx.low(claim_end + 1) == "old"
            {
                kind_age = true;
                claim_end += 2;
            }
        }
    }
    // "10.5 million Australian dollars ($7.5 million)": the bracketed dollar amount is a
    // conversion into US dollars, whatever cue the sentence has
    if had_currency && start_tok >= 2 && ctx.is_sym(start_tok - 1, "(") && ctx.t(start_tok) == "$" {
        if let (Some(prev), Some(&usd)) = (prior.last(), ctx.lex.currency_codes.get("USD")) {
            let before = ctx.toks[start_tok - 2].e as usize;
            if prev.scan_span.end == before
                && prev.kind == ClaimKind::Currency
                && prev.unit == unit
                && unit != Some(usd)
            {
                unit = Some(usd);
                unit_note =
                    Some("'$' read as USD: a conversion in brackets after another dollar".into());
            }
        }
    }
    let unit_after_first = unit.is_some() && unit_read.is_some();

    // range partner: "5-7 million", "between 5 and 7", "from 10 to 12", "$7m-$9m", "three or four"
    let mut k = claim_end;
    let mut connector = if ctx.is_hyphen(k) {
        Some("-")
    } else if ctx.is_word(k) {
        match ctx.low(k) {
            "to" => Some("to"),
            "and" if range_opener == Some("between") => Some("and"),
            "or" if !unit_after_first && core.words => Some("or"),
            // "from 450 sq ft up to 900 sq ft"
            "up" if range_opener == Some("from")
                && ctx.is_word(k + 1)
                && ctx.low(k + 1) == "to" =>
            {
                k += 1;
                Some("to")
            }
            _ => None,
        }
    } else {
        None
    };
    // "from $36,040 at 10.45pm last night to $34,935", "from 21 mpg combined to 23": a few
    // words may part the ends of a from-to range
    if connector.is_none() && range_opener == Some("from") {
        if let Some(to) = split_range_to(ctx, claim_end) {
            k = to;
            connector = Some("to");
        }
    }
    if let Some(conn) = connector {
        k += 1;
        let mut partner_currency = None;
        if let Some(units::currency::Prefix {
            after, unit: id, ..
        }) = units::currency::prefix(ctx, k)
        {
            partner_currency = Some(id);
            k = after;
        }
        if let Some(core2) = number::read(ctx, k).filter(|c| c.first == k && !c.multiplier) {
            let tight =
                conn != "-" || (ctx.ws(core.end.min(claim_end)) == ctx.ws(k) || ctx.ws(k) == 0);
            let score_like = conn == "-"
                && !core.scaled
                && !core2.scaled
                && !had_currency
                && unit.is_none()
                && core.decimals == 0
                && core2.decimals == 0
                && range_opener.is_none()
                && !core.words
                && read_unit(ctx, core2.end, false).is_none()
                && counted_phrase(ctx, core2.end, false).is_none()
                && {
                    // "2-1" anywhere; "89-89", "24-17" where the sentence talks sport
                    let small = value.is_some_and(|v| v <= Decimal::from(20))
                        && core2.value.is_some_and(|v| v <= Decimal::from(20));
                    let points = value.is_some_and(|v| v <= Decimal::from(200))
                        && core2.value.is_some_and(|v| v <= Decimal::from(200));
                    small || (points && sentence_has_role(ctx, i, Role::Sports))
                };
            if score_like {
                let mut kk = core2.end;
                while ctx.ws(kk) == 0
                    && matches!(ctx.kind(kk), Some(TokKind::Word) | Some(TokKind::Num))
                {
                    kk += 1;
                }
                return Step::Skip(kk);
            }
            // "rose 2% to $11.1bn": a change then a level, not a range
            let mut second_unit: Option<UnitId> = partner_currency;
            let mut end2 = core2.end;
            if second_unit.is_none() {
                if ctx.is_sym(end2, "%") {
                    second_unit = Some(ctx.lex.percent);
                    end2 += 1;
                } else if let Some(u2) = read_unit(ctx, end2, false).or_else(|| {
                    // "16 to 20-year-olds", "5- to 7-inch"
                    (ctx.is_hyphen(end2) && ctx.ws(end2) == 0 && ctx.ws(end2 + 1) == 0)
                        .then(|| read_unit(ctx, end2 + 1, false))
                        .flatten()
                }) {
                    second_unit = u2.unit;
                    end2 = u2.end;
                    if unit.is_none() {
                        unit_note = u2.note.clone();
                        kind_age = u2.age;
                    }
                }
            }
            let compatible = match (unit, second_unit) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => {
                    conn == "-" || range_opener.is_some() || partner_currency.is_some()
                }
                (None, _) => true,
            };
            let level_after_change = conn == "to" && direction.is_some() && range_opener.is_none();
            let year_pair = !core.words
                && core.integer_digits == Some(4)
                && !core.has_separator
                && core.decimals == 0
                && unit.is_none()
                && !had_currency;
            if compatible
                && tight
                && !level_after_change
                && !year_pair
                && core2.value.is_some()
                && value.is_some()
            {
                let mut lo = value.unwrap_or_default();
                let hi = core2.value.unwrap_or_default();
                // shared scale: "5-7 million", "four to five thousand"
                // ... but not "$250,000 to $1 million" or "from $200 to $4 million"
                let own_figure = core.has_separator
                    || (partner_currency.is_some()
                        && core2
                            .scale
                            .and_then(|m| lo.checked_mul(m))
                            .is_none_or(|l| l > hi));
                if core2.scaled && !core.scaled && !own_figure {
                    let mult = core2.scale;
                    if let Some(m) = mult {
                        lo = lo.checked_mul(m).unwrap_or(lo);
                        precision = precision.checked_mul(m).unwrap_or(precision);
                    }
                }
                value = Some(lo);
                high = Some(hi);
                vague = false;
                if unit.is_none() {
                    unit = second_unit;
                }
                claim_end = end2;
                if qualifier == Qualifier::Exact {
                    qualifier = Qualifier::Range;
                }
                if range_opener.is_some() {
                    first_tok = start_tok - 1;
                }
            }
        }
    }

    // "aged 25", "over the age of 21"
    if unit.is_none() && !core.words && first_tok >= 1 && ctx.is_word(first_tok - 1) {
        let aged = ctx.low(first_tok - 1) == "aged"
            || (first_tok >= 2
                && ctx.low(first_tok - 1) == "of"
                && ctx.is_word(first_tok - 2)
                && ctx.low(first_tok - 2) == "age");
        // "men aged 18 to 34" defines a group; it states nothing to check
        if aged && high.is_some() {
            return Step::Skip(claim_end.max(core.end));
        }
        if aged && value.is_some_and(|v| v > Decimal::ZERO && v < Decimal::from(130)) {
            unit = Some(ctx.lex.year);
            kind_age = true;
        }
    }
    // per-unit: "$14.95 a month", "per barrel", "cents per share", "/month"
    let mut per: Option<String> = None;
    if unit.is_some() || core.words || ctx.is_num(core.first) {
        let mut p = claim_end;
        // "$75 U.S. per barrel", "$5 US a share": the currency's country, then the rate
        if had_currency || unit.is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency) {
            let dotted = ctx.is_word(p)
                && ctx.t(p) == "U"
                && ctx.is_sym(p + 1, ".")
                && ctx.is_word(p + 2)
                && ctx.t(p + 2) == "S"
                && ctx.is_sym(p + 3, ".");
            let skip = if dotted {
                4
            } else if ctx.is_word(p) && ctx.t(p) == "US" {
                1
            } else {
                0
            };
            if skip > 0
                && ctx.is_word(p + skip)
                && matches!(ctx.low(p + skip), "per" | "a" | "an")
                && ctx.same_sentence(p, p + skip)
            {
                p += skip;
            }
        }
        // "£24 a-year"
        let hyphen_rate = unit.is_some()
            && ctx.is_word(p)
            && ctx.low(p) == "a"
            && ctx.is_hyphen(p + 1)
            && ctx.ws(p + 1) == 0
            && ctx.ws(p + 2) == 0
            && ctx.is_word(p + 2)
            && ctx
                .lex
                .unit_names
                .get(ctx.low(p + 2))
                .is_some_and(|&id| ctx.lex.unit(id).dimension == "time");
        if hyphen_rate {
            let id = ctx.lex.unit_names[ctx.low(p + 2)];
            per = Some(ctx.lex.unit(id).code.clone());
            claim_end = p + 3;
            p = claim_end;
        }
        let per_word = per.is_none()
            && if ctx.is_word(p) && matches!(ctx.low(p), "per" | "a" | "an" | "each") {
                true
            } else {
                ctx.is_sym(p, "/") && ctx.ws(p) == 0 && ctx.ws(p + 1) == 0
            };
        let multi = if per_word && unit.is_some() && ctx.is_word(p + 1) {
            read_unit(ctx, p + 1, false).filter(|u| {
                u.end > p + 2
                    && u.unit
                        .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Physical)
            })
        } else {
            None
        };
        if let Some(u) = multi {
            // "per square foot"
            per = u.unit.map(|id| ctx.lex.unit(id).code.clone());
            claim_end = u.end;
        } else if per_word && unit.is_some() && ctx.is_word(p + 1) {
            let w = ctx.low(p + 1);
            let is_unit = ctx.lex.unit_names.contains_key(w)
                || ctx.lex.unit_symbols.contains_key(ctx.t(p + 1));
            let is_a = matches!(ctx.low(p), "a" | "an");
            // "£125m a year earlier" is a time, not a rate
            let time_ago = ctx.is_word(p + 2)
                && matches!(
                    ctx.low(p + 2),
                    "earlier" | "ago" | "before" | "later" | "previously" | "on"
                );
            if (is_unit || !is_a)
                && !time_ago
                && !ctx.is(p + 1, Role::Stop)
                && ctx.number_word(p + 1).is_none()
            {
                let u = ctx
                    .lex
                    .unit_names
                    .get(w)
                    .map(|&id| ctx.lex.unit(id).code.clone());
                per = Some(u.unwrap_or_else(|| ctx.lex.language().singular(w)));
                claim_end = p + 2;
            }
        }
    }

    // qualifier after: "or more", "or so"
    for (words, q) in &ctx.lex.qualifiers_after {
        let n = words.len();
        if (0..n).all(|x| ctx.is_word(claim_end + x) && ctx.low(claim_end + x) == words[x]) {
            if qualifier == Qualifier::Exact {
                qualifier = *q;
            }
            claim_end += n;
            break;
        }
    }
    if ctx.is_sym(claim_end, "+") && ctx.ws(claim_end) == 0 && qualifier == Qualifier::Exact {
        qualifier = Qualifier::AtLeast;
        claim_end += 1;
    }
    if ctx.is_hyphen(claim_end)
        && ctx.is_word(claim_end + 1)
        && ctx.low(claim_end + 1) == "plus"
        && ctx.ws(claim_end) == 0
    {
        if qualifier == Qualifier::Exact {
            qualifier = Qualifier::AtLeast;
        }
        claim_end += 2;
    }

    // what is counted: "14,000 Soviet troops", "thousands of job cuts", "seven million more"
    let mut counted = None;
    let mut counted_phrase_text = None;
    let mut kind = ClaimKind::Number;
    if unit.is_none() {
        let mut p = claim_end;
        let singular = value.is_some_and(|v| v == Decimal::ONE) && high.is_none();
        if ctx.is_word(p)
            && ctx.low(p) == "of"
            && (core.vague || core.fraction || core.words || core.scaled || singular)
        {
            // "tens of millions of dollars", "a third of those screened", "one of the best"
            let mut q = p + 1;
            if let Some(u) = read_unit(ctx, q, false) {
                if u.unit
                    .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Currency)
                {
                    unit = u.unit;
                    unit_note = u.note;
                    claim_end = u.end;
                }
            }
            // "1/16 of a US pint", "a quarter of a mile": a fraction of a unit is a measure
            if unit.is_none() && core.fraction && high.is_none() {
                let q2 = if ctx.is_word(q) && matches!(ctx.low(q), "a" | "an") {
                    q + 1
                } else {
                    q
                };
                if let Some(u) = read_unit(ctx, q2, false).filter(|u| !u.age && !u.minor) {
                    if u.unit
                        .is_some_and(|id| ctx.lex.unit(id).kind == UnitKind::Physical)
                    {
                        unit = u.unit;
                        unit_note = u.note;
                        claim_end = u.end;
                    }
                }
            }
            if unit.is_none() {
                while ctx.is_word(q)
                    && matches!(
                        ctx.low(q),
                        "the"
                            | "those"
                            | "these"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "your"
                            | "my"
                            | "them"
                            | "us"
                    )
                {
                    q += 1;
                }
                if let Some(nouns::Counted { head, phrase, end }) = counted_phrase(ctx, q, false) {
                    counted = Some(head);
                    counted_phrase_text = Some(phrase);
                    if !core.fraction {
                        claim_end = end;
                    }
                }
            }
        } else {
            // "seven million more", "2,000 other"
            let mut more = false;
            if ctx.is_word(p)
                && matches!(
                    ctx.low(p),
                    "more" | "other" | "others" | "additional" | "extra" | "fewer" | "new"
                )
            {
                more = matches!(ctx.low(p), "more" | "others");
                p += 1;
            }
            if let Some(nouns::Counted { head, phrase, end }) = counted_phrase(ctx, p, singular) {
                if !(more && ctx.low(p - 1) == "more" && ctx.is(p, Role::Stop)) {
                    counted = Some(head);
                    counted_phrase_text = Some(phrase);
                    claim_end = end;
                }
            } else if more {
                // inherit the counted noun of the claim just before, in the same sentence
                let sent = sentence_span(ctx, core.first);
                if let Some(prev) = prior
                    .iter()
                    .rev()
                    .find(|c| c.sentence == sent && c.counted.is_some())
                {
                    counted = prev.counted.clone();
                    counted_phrase_text = prev.counted_phrase.clone();
                    claim_end = p;
                }
            }
        }
    }

    // "four-, five- and six-cylinder engines", "7- or 8-inch screens": a number left hanging on
    // a hyphen shares the unit or noun of the last number in the series
    if unit.is_none()
        && counted.is_none()
        && high.is_none()
        && claim_end == core.end
        && ctx.is_hyphen(core.end)
        && ctx.ws(core.end) == 0
        && (ctx.is_sym(core.end + 1, ",")
            || (ctx.ws(core.end + 1) > 0
                && ctx.is_word(core.end + 1)
                && matches!(ctx.low(core.end + 1), "and" | "or" | "to")))
    {
        if let Some((u, noun)) = shared_hyphen_unit(ctx, core.end + 1) {
            match u {
                Some(u) => {
                    unit = u.unit;
                    unit_note = u.note;
                    kind_age = u.age;
                }
                None => {
                    counted_phrase_text = noun.clone();
                    counted = noun.map(|w| ctx.lex.language().singular(&w));
                }
            }
            claim_end = core.end + 1;
        }
    }
    // "the 12 page document", "a 3 cylinder engine": a singular noun after a number greater
    // than one is used as a modifier, and names what the number counts
    if unit.is_none()
        && counted.is_none()
        && high.is_none()
        && !core.words
        && !core.scaled
        && core.decimals == 0
        && claim_end == core.end
        && value.is_some_and(|v| v > Decimal::ONE && v <= Decimal::from(1000))
        && attributive_noun(ctx, core.end)
        && (core.first > 0 && {
            let p = core.first - 1;
            (ctx.is_word(p)
                && matches!(
                    ctx.low(p),
                    "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "each"
                ))
                || prior
                    .last()
                    .is_some_and(|c| c.scan_span.end == ctx.toks[p].e as usize)
        })
    {
        let w = ctx.t(core.end);
        counted = Some(ctx.lex.language().singular(w));
        counted_phrase_text = Some(w.to_string());
        claim_end = core.end + 1;
    }
    // "who was 10", "he will be 35 by then": a person's age stated without "years old"
    if unit.is_none()
        && counted.is_none()
        && high.is_none()
        && !core.words
        && core.decimals == 0
        && claim_end == core.end
        && qualifier == Qualifier::Exact
        && value.is_some_and(|v| v >= Decimal::ONE && v <= Decimal::from(120))
        && age_by_be(ctx, core.first, core.end)
    {
        unit = Some(ctx.lex.year);
        kind_age = true;
    }
    // "517 rushing yards": a unit at the head of the counted phrase
    if unit.is_none() {
        if let Some(head) = counted.as_deref() {
            let lower_case = counted_phrase_text.as_deref().is_some_and(|p| {
                p.rsplit(' ')
                    .next()
                    .is_some_and(|w| !w.chars().any(|c| c.is_uppercase()))
            });
            if let Some(&id) = ctx.lex.unit_names.get(head).filter(|_| lower_case) {
                if ctx.lex.unit(id).kind == UnitKind::Physical
                    && !ctx.lex.currency_names.contains_key(head)
                {
                    unit = Some(id);
                    counted = None;
                    counted_phrase_text = None;
                }
            }
        }
    }
    // "3,000 tests per day", "20 flights a week"
    if unit.is_none()
        && counted.is_some()
        && per.is_none()
        && ctx.is_word(claim_end)
        && matches!(ctx.low(claim_end), "per" | "a" | "an" | "each")
        && ctx.is_word(claim_end + 1)
    {
        if let Some(&id) = ctx.lex.unit_names.get(ctx.low(claim_end + 1)) {
            if ctx.lex.unit(id).dimension == "time" {
                per = Some(ctx.lex.unit(id).code.clone());
                claim_end += 2;
            }
        }
    }
    if let Some(id) = unit {
        let u = ctx.lex.unit(id);
        kind = match u.kind {
            UnitKind::Currency => ClaimKind::Currency,
            UnitKind::Percent => ClaimKind::Percent,
            UnitKind::PercentagePoint => ClaimKind::PercentagePoint,
            UnitKind::Physical if kind_age => ClaimKind::Age,
            UnitKind::Physical if u.dimension == "time" => ClaimKind::Duration,
            UnitKind::Physical => ClaimKind::Physical,
        };
        if unit_read.as_ref().is_some_and(|r| r.minor) {
            value = value.map(|v| v / Decimal::ONE_HUNDRED);
            high = high.map(|v| v / Decimal::ONE_HUNDRED);
            precision /= Decimal::ONE_HUNDRED;
        }
    } else if counted.is_some() {
        kind = ClaimKind::Count;
        if counted.as_deref() == Some("time") {
            kind = ClaimKind::Multiplier;
        }
    }
    if core.multiplier {
        kind = ClaimKind::Multiplier;
        counted = None;
        counted_phrase_text = None;
        unit = None;
    } else if core.fraction && unit.is_none() {
        kind = ClaimKind::Fraction;
    }
    if core.value.is_none() {
        kind = ClaimKind::Unrepresentable;
    }

    if kind == ClaimKind::Number
        && ctx.is_sym(core.end, "-")
        && ctx.ws(core.end) == 0
        && ctx.is_word(core.end + 1)
        && ctx.ws(core.end + 1) == 0
    {
        let n = core.end + 1;
        let w = ctx.low(n);
        let lang = ctx.lex.language();
        let noun = !core.scaled
            && !core.vague
            && claim_end == core.end
            && value.is_some_and(|v| {
                v.fract().is_zero() && v > Decimal::ZERO && v <= Decimal::from(1000)
            })
            && nouns::plain_word(ctx, n)
            && ctx.change(n).is_none()
            && !ctx.at(n + 1, Pat::HYPHEN.glued())
            && !lang.ends_as(w, Ending::Ordinal)
            && !ctx.is(n, Role::MultiplierNoun)
            && !lang.ends_as(w, Ending::PastParticiple)
            && !lang.ends_as(w, Ending::Adverb)
            && ctx.is_word(n + 1);
        if !noun {
            // "96th-minute" style leftovers and "3-D"
            return Step::Skip(core.end + 2);
        }
        kind = ClaimKind::Count;
        counted = Some(ctx.lex.language().singular(w));
        counted_phrase_text = Some(ctx.t(n).to_string());
        claim_end = n + 1;
    }
    // "6 million homes, including 1.5 million in the capital", "460 cars, compared with 63":
    // a bare figure takes the unit of a comparable figure before it in the sentence
    if kind == ClaimKind::Number
        && !core.vague
        && !core.fraction
        && unit.is_none()
        && counted.is_none()
        && (!core.words || core.scaled)
    {
        let sent = sentence_span(ctx, core.first);
        if let (Some(prev), Some(v)) = (prior.last().filter(|c| c.sentence == sent), value) {
            let comparable = prev.value.is_some_and(|pv| {
                let (a, b) = (pv.abs(), v.abs());
                !a.is_zero()
                    && !b.is_zero()
                    && a.min(b)
                        .checked_mul(Decimal::ONE_HUNDRED)
                        .is_some_and(|m| a.max(b) <= m)
            });
            let kind_ok = match prev.kind {
                ClaimKind::Count | ClaimKind::Percent | ClaimKind::PercentagePoint => true,
                ClaimKind::Currency => {
                    core.scaled && prev.value.is_some_and(|pv| pv.abs() >= Decimal::from(1000))
                }
                _ => false,
            };
            if comparable && kind_ok {
                kind = prev.kind;
                unit = prev.unit;
                counted = prev.counted.clone();
                counted_phrase_text = prev.counted_phrase.clone();
                if per.is_none() {
                    per = prev.per.clone();
                }
                // "an average of 20 per week"
                if per.is_none()
                    && ctx.is_word(claim_end)
                    && ctx.low(claim_end) == "per"
                    && ctx.is_word(claim_end + 1)
                {
                    if let Some(&id) = ctx
                        .lex
                        .unit_names
                        .get(ctx.low(claim_end + 1))
                        .filter(|&&id| ctx.lex.unit(id).dimension == "time")
                    {
                        per = Some(ctx.lex.unit(id).code.clone());
                        claim_end += 2;
                    }
                }
            }
        }
    }
    // bare small word numbers with nothing counted are not claims ("the two of us" is)
    if core.words && kind == ClaimKind::Number && !core.vague {
        let small = value.is_some_and(|v| v < Decimal::from(100));
        if small || core.fraction {
            return Step::Skip(core.end);
        }
    }
    if core.words
        && core.vague
        && kind == ClaimKind::Number
        && !(ctx.is_word(core.end) && ctx.low(core.end) == "of")
    {
        return Step::Skip(core.end);
    }
    // "Name, 25," appositive ages are not claims
    if kind == ClaimKind::Number
        && !core.words
        && core.first >= 2
        && ctx.is_sym(core.first - 1, ",")
        && ctx.capitalized(core.first - 2)
        && ctx.is_sym(core.end, ",")
        && value.is_some_and(|v| v < Decimal::from(120) && v.fract().is_zero())
    {
        return Step::Skip(core.end);
    }

    // "from 6 to 9 January": a range of days
    if kind == ClaimKind::Number
        && ctx.is(claim_end, Role::Month)
        && ctx.capitalized(claim_end)
        && value.is_some_and(|v| v <= Decimal::from(31))
        && high.is_none_or(|h| h <= Decimal::from(31))
    {
        return Step::Skip(claim_end + 1);
    }
    let span = span_of(ctx, first_tok.min(core.first), claim_end.max(core.end));
    Step::Claim(
        Box::new(Reading {
            scan_span: span,
            sentence: sentence_span(ctx, core.first),
            kind,
            value,
            value_high: high,
            precision,
            qualifier,
            vague,
            direction,
            unit,
            per,
            unit_note,
            counted,
            counted_phrase: counted_phrase_text,
            problem: core.problem.clone(),
        }),
        claim_end.max(core.end),
    )
}

/// After a hanging "four-": the unit ("8-inch") or noun ("six-cylinder") of the number that
/// ends the series, when only numbers, hyphens, commas and "and"/"or"/"to" come between.
fn shared_hyphen_unit(ctx: &Cursor, from: usize) -> Option<(Option<UnitRead>, Option<String>)> {
    let mut k = from;
    while k < from + 10 && ctx.same_sentence(from, k) {
        let number = ctx.is_num(k)
            || ctx
                .number_word(k)
                .is_some_and(|nw| matches!(nw.kind, NumberWordKind::Unit | NumberWordKind::Ten));
        if number {
            if ctx.is_hyphen(k + 1) && ctx.ws(k + 1) == 0 && ctx.ws(k + 2) == 0 {
                if !ctx.is_word(k + 2) {
                    return None;
                }
                if let Some(u) = read_unit(ctx, k + 2, false) {
                    return u.unit.is_some().then_some((Some(u), None));
                }
                let w = ctx.low(k + 2);
                let lang = ctx.lex.language();
                let noun = nouns::plain_word(ctx, k + 2)
                    && !lang.ends_as(w, Ending::Adverb)
                    && !lang.ends_as(w, Ending::Ordinal)
                    && !ctx.at(k + 3, Pat::HYPHEN.glued());
                return noun.then(|| (None, Some(ctx.t(k + 2).to_string())));
            }
            k += 1;
            continue;
        }
        let link = ctx.is_sym(k, ",")
            || ctx.is_hyphen(k)
            || ctx.is_word(k) && matches!(ctx.low(k), "and" | "or" | "to");
        if !link {
            return None;
        }
        k += 1;
    }
    None
}

/// "who was 10", "she is 35.", "he will be 35 by": a be-verb after a person, then the number
/// ends the clause.
fn age_by_be(ctx: &Cursor, first: usize, end: usize) -> bool {
    if first < 2 || !ctx.same_sentence(first - 2, first) {
        return false;
    }
    let verb = ctx.low(first - 1);
    if !ctx.is_word(first - 1) || !matches!(verb, "was" | "is" | "be" | "turned" | "turns") {
        return false;
    }
    let mut s = first - 2;
    if verb == "be" {
        if !(ctx.is_word(s) && matches!(ctx.low(s), "will" | "would" | "to")) || s == 0 {
            return false;
        }
        s -= 1;
    }
    if !ctx.is_word(s) || !matches!(ctx.low(s), "he" | "she" | "who" | "i") {
        return false;
    }
    // the clause ends with the number
    match ctx.kind(end) {
        None => true,
        Some(TokKind::Sym) => matches!(ctx.t(end), "." | "," | ";" | "!" | "?" | ")"),
        Some(TokKind::Word) => matches!(ctx.low(end), "when" | "by" | "and" | "but" | "at"),
        Some(TokKind::Num) => false,
    }
}

/// The "to" of a from-to range whose ends a few words part ("from $75 U.S. per barrel to
/// $45.88"): the index of "to" when a number follows it within the clause.
fn split_range_to(ctx: &Cursor, from: usize) -> Option<usize> {
    const MAX_GAP: usize = 7;
    let mut k = from;
    while k < from + MAX_GAP + 1 && k < ctx.len() && ctx.same_sentence(from, k) {
        match ctx.kind(k)? {
            TokKind::Word => match ctx.low(k) {
                "to" => {
                    if k == from {
                        return None;
                    }
                    let mut n = k + 1;
                    if let Some(p) = units::currency::prefix(ctx, n) {
                        let after = p.after;
                        n = after;
                    }
                    let number = ctx.is_num(n)
                        || ctx.number_word(n).is_some_and(|nw| {
                            !matches!(nw.kind, NumberWordKind::Vague | NumberWordKind::Multiplier)
                        });
                    return number.then_some(k);
                }
                "from" | "and" | "or" | "but" | "while" | "which" | "who" | "than" | "when"
                | "after" | "before" | "then" => return None,
                _ => {}
            },
            TokKind::Num => {
                // "from 80mg per 100ml of blood to 50mg": a measure between is a claim of its own
                let measure = read_unit(ctx, k + 1, false)
                    .and_then(|u| u.unit)
                    .is_some_and(|id| ctx.lex.unit(id).dimension != "time");
                if ctx.is_sym(k + 1, "%") || measure {
                    return None;
                }
            }
            TokKind::Sym => {
                if !matches!(ctx.t(k), "." | "'" | "’") {
                    return None;
                }
            }
        }
        k += 1;
    }
    None
}

fn sentence_has_role(ctx: &Cursor, i: usize, flag: Role) -> bool {
    (ctx.sentence_first(i)..ctx.sentence_end(i)).any(|j| ctx.is(j, flag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    );

    fn claims(text: &str) -> Vec<Row> {
        let lex = Lexicon::embedded();
        let doc = Document::from_text("t", text.to_string(), Format::Text);
        let mut ex = Extractor::new(lex);
        ex.extract(&doc)
            .into_iter()
            .map(|c| {
                (
                    doc.scan[c.scan_span.start..c.scan_span.end].to_string(),
                    c.value.map(|v| v.normalize().to_string()),
                    c.value_high.map(|v| v.normalize().to_string()),
                    c.unit
                        .map(|u| lex.unit(u).code.clone())
                        .or(c.counted.clone()),
                    c.qualifier.as_str().to_string(),
                )
            })
            .collect()
    }

    fn one(
        text: &str,
    ) -> (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    ) {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        c.into_iter().next().unwrap()
    }

    #[test]
    fn money_forms() {
        let c = claims("Brussels pledged one billion euros ($1.2 billion) to Kabul.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].1.as_deref(), Some("1000000000"));
        assert_eq!(c[0].3.as_deref(), Some("EUR"));
        assert_eq!(c[1].1.as_deref(), Some("1200000000"));
        assert_eq!(c[1].3.as_deref(), Some("USD"));
        assert_eq!(one("It paid £600m.").1.as_deref(), Some("600000000"));
        assert_eq!(one("It paid £600m.").3.as_deref(), Some("GBP"));
        assert_eq!(one("Sales hit €1.5bn.").3.as_deref(), Some("EUR"));
        assert_eq!(
            one("The bill was Rs 20 crore.").1.as_deref(),
            Some("200000000")
        );
        assert_eq!(one("The yacht cost USD10m.").1.as_deref(), Some("10000000"));
        assert_eq!(one("They paid 500 roubles.").3.as_deref(), Some("RUB"));
        assert_eq!(one("It cost US$5 a month.").1.as_deref(), Some("5"));
        assert_eq!(one("It was worth 10 yuan.").3.as_deref(), Some("CNY"));
        assert_eq!(one("a 20k bonus was paid").1.as_deref(), Some("20000"));
        assert_eq!(
            one("debts of 3tn dollars").1.as_deref(),
            Some("3000000000000")
        );
    }

    #[test]
    fn counts_and_qualifiers() {
        let c = one("It led to the deaths of more than 14,000 Soviet troops.");
        assert_eq!(c.0, "more than 14,000 Soviet troops");
        assert_eq!(c.1.as_deref(), Some("14000"));
        assert_eq!(c.3.as_deref(), Some("troop"));
        assert_eq!(c.4, "more_than");
        let c = one("some 2,000 fighters loyal to the group");
        assert_eq!(
            (c.3.as_deref(), c.4.as_str()),
            (Some("fighter"), "approximately")
        );
        let c = one("a war that killed up to\ntwo million Afghans");
        assert_eq!(c.0, "up to\ntwo million Afghans");
        assert_eq!(c.1.as_deref(), Some("2000000"));
        assert_eq!(c.4, "up_to");
        let c = one("officials from 10 countries including China");
        assert_eq!(c.3.as_deref(), Some("country"));
    }

    #[test]
    fn ranges() {
        let c = one("between 5 and 7 million people");
        assert_eq!(
            (c.1.as_deref(), c.2.as_deref()),
            (Some("5000000"), Some("7000000"))
        );
        let c = one("a fine of $7m-$9m");
        assert_eq!(
            (c.1.as_deref(), c.2.as_deref()),
            (Some("7000000"), Some("9000000"))
        );
        let c = one("from 10 to 12 hours");
        assert_eq!((c.1.as_deref(), c.2.as_deref()), (Some("10"), Some("12")));
        let c = one("There are four to five thousand people.");
        assert_eq!(
            (c.1.as_deref(), c.2.as_deref()),
            (Some("4000"), Some("5000"))
        );
    }

    #[test]
    fn percent_and_points() {
        assert_eq!(one("a 3.5% rise").3.as_deref(), Some("percent"));
        assert_eq!(
            one("up 12 per cent on the year").3.as_deref(),
            Some("percent")
        );
        assert_eq!(
            one("fell 3 percentage points").3.as_deref(),
            Some("percentage point")
        );
    }

    #[test]
    fn not_claims() {
        for t in [
            "In 2019, the talks began on 20 October.",
            "The meeting is at 10:30 on Monday.",
            "The G20 met about Covid-19 and the F-16 and a Boeing 747.",
            "Call 555-1234 now.",
            "They won 2-1 in the final.",
            "See page 5 of the report.",
            "in the 1980s the 3rd meeting took place in mid-August",
            "It met ISO 9001 on the M25.",
        ] {
            assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
        }
    }

    #[test]
    fn durations() {
        let c = one("foreign troops pulled out after nearly 20 years.");
        assert_eq!((c.3.as_deref(), c.4.as_str()), (Some("year"), "nearly"));
        let c = one("Moscow fought a disastrous decade-long war");
        assert_eq!(c.0, "decade-long");
        assert_eq!(c.3.as_deref(), Some("decade"));
        let c = one("an 18-month inquiry");
        assert_eq!(c.3.as_deref(), Some("month"));
    }

    #[test]
    fn units() {
        let c = one("a 10 km road");
        assert_eq!(c.3.as_deref(), Some("kilometre"));
        let c = one("output of 500,000 barrels a day");
        assert_eq!(c.3.as_deref(), Some("barrel per day"));
        let c = claims("a 37m (121ft) skeleton");
        assert_eq!(c[0].3.as_deref(), Some("metre"));
        assert_eq!(c[1].3.as_deref(), Some("foot"));
    }

    #[test]
    fn news_forms() {
        // a range whose low end carries its own figure keeps it
        let c = one("Fines run from $250,000 to $1 million.");
        assert_eq!(
            (c.1.as_deref(), c.2.as_deref()),
            (Some("250000"), Some("1000000"))
        );
        // sign then code, and cents in US dollars
        assert_eq!(one("It earned $US160 million.").3.as_deref(), Some("USD"));
        assert_eq!(
            one("a loss of 12 cents per share").3.as_deref(),
            Some("USD")
        );
        // a hyphenated compound noun, an adjective before the head, a unit after a modifier
        assert_eq!(
            one("As many as 9 first-team players left.").3.as_deref(),
            Some("player")
        );
        assert_eq!(
            one("a new four-cylinder engine").3.as_deref(),
            Some("cylinder")
        );
        assert_eq!(one("he ran 120 rushing yards").3.as_deref(), Some("yard"));
        assert_eq!(
            one("it sells for $30 per square foot").0,
            "$30 per square foot"
        );
        // a bare figure takes the counted noun of the figure before it
        let c = claims("About 300 cars were stolen, compared with 40 a year ago.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].3.as_deref(), Some("car"));
        // transliterated pound sign only before a scale
        assert_eq!(one("a PS4.5m bonus").3.as_deref(), Some("GBP"));
        assert!(claims("He bought a PS5 console.").is_empty());
    }

    #[test]
    fn more_not_claims() {
        for t in [
            "The flag flew at half-staff.",
            "They tied it at 89-89 in the final game.",
            "The debut of its 787 Dreamliner was delayed.",
            "It was built between A.D. 1000 and 1260.",
            "The firm's 2018 sales were strong.",
            "Send it to 575 Baker Road, M21 9AB8 now.",
        ] {
            assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
        }
    }

    #[test]
    fn rates_and_times_after_amounts() {
        let lex = Lexicon::embedded();
        let per = |t: &str| {
            let doc = Document::from_text("t", t.to_string(), Format::Text);
            Extractor::new(lex).extract(&doc)[0].per.clone()
        };
        assert_eq!(per("It costs £125m a year.").as_deref(), Some("year"));
        assert_eq!(per("It made £125m a year earlier.").as_deref(), None);
        assert_eq!(
            per("Fees were $14.95 a month, up from a year ago.").as_deref(),
            Some("month")
        );
    }

    #[test]
    fn currency_signs_of_many_places() {
        for (t, code) in [
            ("The tower cost HK$2bn.", "HKD"),
            ("Fares rose to S$3.50.", "SGD"),
            ("The bid was A$5.2m.", "AUD"),
            ("Salaries hit C$80,000.", "CAD"),
            ("The fee is NZ$40.", "NZD"),
            ("In Beijing the meal cost ¥45.", "CNY"),
            ("In Tokyo the meal cost ¥4,500.", "JPY"),
            ("A Norwegian ticket costs 120 kr.", "NOK"),
            ("He earns 5 lakh rupees.", "INR"),
            ("The debt is $1.2tn.", "USD"),
        ] {
            let c = claims(t);
            assert_eq!(c.len(), 1, "{t}: {c:?}");
            assert_eq!(c[0].3.as_deref(), Some(code), "{t}: {c:?}");
        }
    }

    #[test]
    fn qualifier_lists_and_half_units() {
        let c = claims("No fewer than 20 died and upwards of £1m was raised in half an hour.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(
            (c[0].0.as_str(), c[0].3.as_deref()),
            ("No fewer than 20", None)
        );
        assert_eq!(c[1].4, "at_least");
        assert_eq!(
            (c[2].1.as_deref(), c[2].3.as_deref()),
            (Some("0.5"), Some("hour"))
        );
    }

    #[test]
    fn fractions_as_shares() {
        for (t, v) in [
            ("Sales fell by nearly a quarter from last year.", "0.25"),
            ("Output has risen by a fifth since May.", "0.2"),
            ("The firm is half owned by a bank.", "0.5"),
            ("They cut the deficit by half, he said.", "0.5"),
            ("Half the staff left.", "0.5"),
        ] {
            let c = claims(t);
            assert_eq!(c.len(), 1, "{t}: {c:?}");
            assert_eq!(c[0].1.as_deref(), Some(v), "{t}");
        }
    }

    #[test]
    fn labels_codes_date_ranges_and_scores() {
        for t in [
            "The fair runs from 6 to 9 January in the city.",
            "The single went straight into the top 10.",
            "A spokesman for 3ami and the 5G network said the 3D film was late.",
            "The visitors were trounced 33-5 in the second half.",
            "The under-21 squad flew home.",
            "Men aged 18 to 34 said so.",
            "A third defendant was cleared and they scored a fourth goal.",
            "Prices rose for a sixth straight session in a third quarter of growth.",
            "The second half was dull; he is the number one keeper.",
            "The finale aired on BBC One after Formula One coverage.",
            "\"Welcome to the 2005\" fair,\" she said.",
        ] {
            assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
        }
        // units glued to digits still count
        assert_eq!(claims("a 10kW panel and a 256GB phone").len(), 2);
        // "the 10,000m" is a race; "the 2m viewers" are millions; a 15.6" screen is inches
        assert_eq!(
            claims("She ran the 10,000m five days later.")[0]
                .3
                .as_deref(),
            Some("metre")
        );
        assert_eq!(
            one("It drew the 2m viewers it needed.").1.as_deref(),
            Some("2000000")
        );
        assert_eq!(one("It has a 15.6\" screen.").3.as_deref(), Some("inch"));
        assert_eq!(
            one("We met one country dominate").3.as_deref(),
            Some("country")
        );
        let c = claims("Some 81% of 16 to 20-year-olds care.");
        assert_eq!(c[1].3.as_deref(), Some("year"), "{c:?}");
    }

    #[test]
    fn ambiguous_units_follow_cues_and_locale() {
        let lex = Lexicon::embedded();
        let read = |text: &str| {
            let doc = Document::from_text("t", text.to_string(), Format::Text);
            let c = Extractor::new(lex).extract(&doc);
            let u = c.iter().find(|c| c.unit.is_some()).unwrap();
            (
                lex.unit(u.unit.unwrap()).code.clone(),
                u.unit_note.clone().unwrap_or_default(),
            )
        };
        assert_eq!(read("The truck carried 20 tons of steel.").0, "short ton");
        let (code, note) = read("The truck carried 20 tons of steel. It cost £500.");
        assert_eq!(code, "long ton");
        assert!(note.contains("£"), "{note}");
        assert_eq!(read("An Indian mill shipped 20 tons of steel.").0, "tonne");
        assert_eq!(read("The tank holds 40 gallons.").0, "US gallon");
        assert_eq!(
            read("In the UK the tank holds 40 gallons.").0,
            "imperial gallon"
        );
    }

    #[test]
    fn huge_numbers_are_claims_that_cannot_be_represented() {
        let c = claims(
            "It was 10^40 or 123456789012345678901234567890123456789012345678901234567890 atoms.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|x| x.1.is_none()));
    }

    #[test]
    fn units_shared_and_inherited() {
        // a from-to range whose ends other words part
        let c = one("Prices climbed from 4.5 euros last spring to 6 euros.");
        assert_eq!(
            (c.1.as_deref(), c.2.as_deref(), c.3.as_deref()),
            (Some("4.5"), Some("6"), Some("EUR"))
        );
        let c = one("Plots range from 300 sq ft up to 800 sq ft.");
        assert_eq!((c.1.as_deref(), c.2.as_deref()), (Some("300"), Some("800")));
        // a measure between the ends keeps them apart
        assert_eq!(
            claims("It fell from 90mg per 200ml of water to 40mg.").len(),
            3
        );
        // a bare figure takes the unit of the figure a few words later
        let c = claims("The bank lent 5 billion of the 8 billion euros pledged.");
        assert_eq!(c[0].3.as_deref(), Some("EUR"), "{c:?}");
        let c = claims("Verizon swaps 0.52 of its shares and $2.10 in cash.");
        assert_eq!(c[0].3, None, "{c:?}");
        // a hanging hyphen shares the last number's unit or noun
        let c = claims("The two-, three- and four-bedroom flats sold out.");
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c.iter().all(|x| x.3.as_deref() == Some("bedroom")), "{c:?}");
        let c = claims("It has a 6- or 9-inch display.");
        assert_eq!(c[0].3.as_deref(), Some("inch"), "{c:?}");
        // number + singular noun + noun
        assert_eq!(
            one("The council approved a 14 storey tower.").3.as_deref(),
            Some("storey")
        );
        // a fraction of a unit
        let c = one("The shop is a quarter of a mile away.");
        assert_eq!(
            (c.1.as_deref(), c.3.as_deref()),
            (Some("0.25"), Some("mile"))
        );
        // coordinated modifiers and a leading adverb + participle
        let c = one("Police seized 70 Ford and Vauxhall vans.");
        assert_eq!(c.0, "70 Ford and Vauxhall vans");
        let c = one("That equals 30 reasonably sized wind farms.");
        assert_eq!(c.0, "30 reasonably sized wind farms");
        assert_eq!(c.3.as_deref(), Some("farm"));
        let c = one("About 90 armed police officers were there.");
        assert_eq!(c.3.as_deref(), Some("officer"));
        // ages stated with a be-verb
        let c = one("She was 42 when she founded the firm.");
        assert_eq!((c.1.as_deref(), c.3.as_deref()), (Some("42"), Some("year")));
        assert_eq!(one("He will be 61 by March.").3.as_deref(), Some("year"));
        assert_eq!(one("The score was 42 at half time.").3, None);
        assert_eq!(one("her now-9 month-old son").3.as_deref(), Some("month"));
        // a rate after the currency's country, and "a-year"
        assert_eq!(
            claims("Oil sold at $61 U.S. per barrel.")[0].0,
            "$61 U.S. per barrel"
        );
        assert_eq!(claims("Fees rise by £30 a-year.")[0].0, "£30 a-year");
        // a stock index is a name
        assert!(claims("the ftse 250 and the sp 500 fell").is_empty());
    }
}
