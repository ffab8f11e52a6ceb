//! Country statistics as candidate facts, made on the fly: a population, a GDP or an area of the
//! country the sentence names, for the year the sentence names (else the article's year).

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::terms::ContextTerms;
use super::{Candidate, SentenceYear};
use crate::check::context::Context;
use crate::check::verdict::Link;
use crate::claim::{Claim, ClaimKind};
use crate::document::Date;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::{Country, CountryTable, Fact};
use crate::statistics::Tolerance;

/// Counted nouns that count a country's people.
const POPULATION_NOUNS: &[&str] = &[
    "person",
    "inhabitant",
    "resident",
    "citizen",
    "soul",
    "population",
    "national",
];

/// What a claim could state about a country, judged by its unit and the words of its clause.
struct Wants {
    people: bool,
    money: bool,
    area: bool,
}

impl Wants {
    /// Only claims that can be a population, a GDP or an area look for countries, and only when
    /// their own clause says so ("a country of 38 million people", "France's population of 68
    /// million", "GDP of $2tn", "covers an area of").
    fn of(lex: &Lexicon, c: &Claim, ctx: &ContextTerms) -> Wants {
        let in_clause = |w: &str| ctx.get(w).is_some_and(|x| *x >= 3.0);
        let people = c.reading.unit.is_none()
            && (in_clause("population")
                || in_clause("inhabitant")
                || (c
                    .reading
                    .counted
                    .as_deref()
                    .is_some_and(|n| POPULATION_NOUNS.contains(&n))
                    && (in_clause("country")
                        || in_clause("nation")
                        || in_clause("home")
                        || in_clause("populous"))));
        let money = is_currency(lex, c)
            && (in_clause("gdp") || in_clause("economy") || in_clause("domestic"));
        let area = is_area(lex, c)
            && (in_clause("area")
                || in_clause("cover")
                || in_clause("territory")
                || in_clause("size"));
        Wants {
            people,
            money,
            area,
        }
    }
}

fn is_currency(lex: &Lexicon, c: &Claim) -> bool {
    c.reading
        .unit
        .is_some_and(|u| lex.unit(u).kind == UnitKind::Currency)
}

fn is_area(lex: &Lexicon, c: &Claim) -> bool {
    c.reading
        .unit
        .is_some_and(|u| lex.unit(u).dimension == "area")
}

/// Candidate statistics of the country named nearest the claim in its sentence.
pub(crate) fn country_candidates<'r>(
    ctx: &Context<'r>,
    c: &Claim,
    context: &ContextTerms,
    sentence_year: &SentenceYear,
) -> Vec<Candidate<'r>> {
    let table = &ctx.reference.countries;
    if table.countries.is_empty() {
        return Vec::new();
    }
    let wants = Wants::of(ctx.lex, c, context);
    if !(wants.people || wants.money || wants.area) {
        return Vec::new();
    }
    let sentence = ctx.sentence(c);
    let Some(country) = nearest_country(table, sentence, c) else {
        return Vec::new();
    };
    // statistics change every year: without a year in the sentence or an article date
    // there is nothing to compare with
    let Some(year) = ctx.dates.statistics_year(sentence_year.get()) else {
        return Vec::new();
    };
    let stats = Statistics {
        lex: ctx.lex,
        table,
        country,
        ctry: &table.countries[country],
        year,
    };
    let has = |w: &str| context.get(w).is_some_and(|x| *x >= 1.0);
    let mut out = Vec::new();
    out.extend(stats.population(c, &has));
    out.extend(stats.gdp(c, sentence, &has));
    out.extend(stats.area(c, &has));
    out
}

/// How exact a country statistic is, from the statistics catalogue (`reference/statistics.csv`:
/// a population estimate ±2%, GDP in current US$ ±3%): sources of it differ by that much.
fn catalogue_tolerance(measure: &str) -> Option<Tolerance> {
    let id = match measure {
        "population" => "population",
        "GDP" => "gdp_usd",
        "area" => "surface_area",
        _ => return None,
    };
    crate::statistics::catalogue().get(id).map(|m| m.tolerance)
}

/// The country named in the sentence nearest to the claim's start; a name inside the claim
/// itself ("2 billion US dollars", "5m Australian dollars") names its currency, not its subject.
fn nearest_country(table: &CountryTable, sentence: &str, c: &Claim) -> Option<usize> {
    let words = words_of(sentence, c.sentence.start);
    let mut found: Vec<(usize, usize)> = Vec::new(); // (country, distance)
    let claim_mid = c.span.start;
    let mut k = 0;
    while k < words.len() {
        let mut matched = 0;
        if words[k]
            .1
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase())
        {
            for n in (1..=table.max_name_words.min(words.len() - k)).rev() {
                let name = words[k..k + n]
                    .iter()
                    .map(|w| w.1)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                if let Some(&ci) = table.by_name.get(&name) {
                    matched = n;
                    if (c.span.start..c.span.end).contains(&words[k].0) {
                        break;
                    }
                    let dist = words[k].0.abs_diff(claim_mid);
                    found.push((ci, dist));
                    break;
                }
            }
        }
        k += matched.max(1);
    }
    found.sort_by_key(|f| f.1);
    found.dedup_by_key(|f| f.0);
    found.first().map(|f| f.0)
}

/// The words of a sentence with their byte offsets, possessive 's and full stops trimmed.
fn words_of(sentence: &str, offset: usize) -> Vec<(usize, &str)> {
    let word_char = |ch: char| ch.is_alphanumeric() || ch == '.' || ch == '\'' || ch == '’';
    let mut v = Vec::new();
    let mut pos = 0;
    for piece in sentence.split_inclusive(|ch: char| !word_char(ch)) {
        let w = piece.trim_end_matches(|ch: char| !word_char(ch));
        let w = w
            .trim_end_matches('.')
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        if !w.is_empty() {
            v.push((offset + pos, w));
        }
        pos += piece.len();
    }
    v
}

/// The statistics of one country for one year.
struct Statistics<'r> {
    lex: &'r Lexicon,
    table: &'r CountryTable,
    country: usize,
    ctry: &'r Country,
    year: i32,
}

/// A statistic as a fact: its measure, value, year, unit, what it counts, source and links.
struct Stat<'a> {
    measure: &'a str,
    value: Decimal,
    year: i32,
    unit: Option<UnitId>,
    unit_text: &'a str,
    counted: Option<&'a str>,
    source: String,
    linked_by: Vec<Link>,
}

impl<'r> Statistics<'r> {
    fn population(&self, c: &Claim, has: &dyn Fn(&str) -> bool) -> Option<Candidate<'r>> {
        let dim_count = c.reading.unit.is_none()
            && (c.reading.counted.is_some() || c.reading.kind == ClaimKind::Number);
        let counted_people = c
            .reading
            .counted
            .as_deref()
            .is_some_and(|n| POPULATION_NOUNS.contains(&n));
        if !(dim_count && (counted_people || (has("population") && c.reading.counted.is_none()))) {
            return None;
        }
        let (vy, v) = CountryTable::value_near(&self.table.population, self.country, self.year)?;
        Some(self.candidate(Stat {
            measure: "population",
            value: v,
            year: vy,
            unit: None,
            unit_text: "person",
            counted: c.reading.counted.as_deref().or(Some("person")),
            source: format!("World Bank, population total (SP.POP.TOTL), {vy}"),
            linked_by: vec![
                Link::Word(self.ctry.name.clone()),
                if has("population") {
                    Link::Word("population".into())
                } else {
                    Link::Counted(c.reading.counted.clone().unwrap_or_default())
                },
            ],
        }))
    }

    fn gdp(&self, c: &Claim, sentence: &str, has: &dyn Fn(&str) -> bool) -> Option<Candidate<'r>> {
        if !(is_currency(self.lex, c)
            && (has("gdp")
                || has("economy")
                || has("output")
                || sentence.to_lowercase().contains("gross domestic product")))
        {
            return None;
        }
        let (vy, v) = CountryTable::value_near(&self.table.gdp, self.country, self.year)?;
        Some(self.candidate(Stat {
            measure: "GDP",
            value: v,
            year: vy,
            unit: self.lex.unit_by_code("USD"),
            unit_text: "USD",
            counted: None,
            source: format!("World Bank, GDP in current US$ (NY.GDP.MKTP.CD), {vy}"),
            linked_by: vec![
                Link::Word(self.ctry.name.clone()),
                Link::Word(if has("gdp") { "gdp" } else { "economy" }.into()),
            ],
        }))
    }

    fn area(&self, c: &Claim, has: &dyn Fn(&str) -> bool) -> Option<Candidate<'r>> {
        let area = self.ctry.area_km2?;
        if !(is_area(self.lex, c)
            && (has("area") || has("size") || has("cover") || has("territory")))
        {
            return None;
        }
        Some(self.candidate(Stat {
            measure: "area",
            value: area,
            year: self.year,
            unit: self.lex.unit_by_code("square kilometre"),
            unit_text: "square kilometre",
            counted: None,
            source: "GeoNames country information (area in km²)".into(),
            linked_by: vec![
                Link::Word(self.ctry.name.clone()),
                Link::Word("area".into()),
            ],
        }))
    }

    fn candidate(&self, s: Stat) -> Candidate<'r> {
        let ctry = self.ctry;
        Candidate {
            fact: Cow::Owned(Fact {
                id: format!(
                    "{}-{}-{}",
                    ctry.iso3.to_lowercase(),
                    s.measure.to_lowercase().replace(' ', "-"),
                    s.year
                ),
                entity: ctry.name.clone(),
                measure: s.measure.into(),
                low: s.value,
                high: s.value,
                value_text: s.value.normalize().to_string(),
                unit: s.unit,
                unit_text: s.unit_text.into(),
                counted: s.counted.map(String::from),
                as_of: Some(Date::from_year(s.year)),
                period: None,
                source: s.source,
                tolerance: catalogue_tolerance(s.measure),
                aliases: Vec::new(),
                origin: "country statistics".into(),
                terms: Vec::new(),
                entity_terms: Vec::new(),
                entity_is_name: true,
                alias_terms: Vec::new(),
                keywords: Vec::new(),
            }),
            score: 12.0,
            linked_by: s.linked_by,
            group: format!("{}|{}", ctry.iso3, s.measure),
        }
    }
}
