//! Statistics as candidate facts: a claim linked through the catalogue (`reference/statistics.csv`)
//! to the figure of a measure for a place and a year. The measure comes from the phrases near the
//! claim that fit its unit and kind ([`measure`]), the place from the gazetteer, the one tied
//! most firmly to the figure ([`place`]), the year from the sentence or the article ([`year`]);
//! the cues of `reference/statistics-cues.csv` say which words tie them. What the linker reads
//! of a sentence is read once for all its claims ([`sentence`]).
//!
//! A figure is linked only to a statistic it could plausibly be (within a factor of four, a
//! thousand-fold slip, or a few points), so that a part is not taken for the whole.

mod measure;
mod place;
mod sentence;
mod year;

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Candidate;
use crate::check::context::Context;
use crate::check::magnitude::scale_slip;
use crate::check::verdict::Link;
use crate::claim::{Claim, ClaimKind};
use crate::document::Date;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::reference::{Fact, StatisticRef};
use crate::statistics::{
    CityKind, Columns, CueKind, EntityKind, EntityRef, Kind, Measure, Places, Statistics, Unit,
    Value, YearPolicy,
};
use measure::MeasurePick;
use place::{Tie, list_gap};
pub(crate) use sentence::StatSentence;
use sentence::{Gap, Place};
use year::YearFrom;

/// What sort of figure a claim is, as far as statistics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A percentage.
    Percent,
    /// Money (`true`: in US dollars).
    Money(bool),
    /// A count of people ("33 million residents").
    People,
    /// A count of something else ("1.9 children").
    Count,
    /// A bare number.
    Number,
    /// Years ("84 years").
    Years,
    /// An area.
    Area,
    /// A mass.
    Mass,
}

impl Shape {
    /// The shape of a claim, or `None` for a claim no statistic can be.
    fn of(lex: &Lexicon, stats: &Statistics, c: &Claim) -> Option<Shape> {
        if c.reading.value.is_none() || c.reading.vague {
            return None;
        }
        let unit = c.reading.unit.map(|u| lex.unit(u));
        Some(match c.reading.kind {
            ClaimKind::Percent => Shape::Percent,
            ClaimKind::Currency => Shape::Money(unit.is_some_and(|u| u.code == "USD")),
            ClaimKind::Count => match &c.reading.counted {
                Some(n) if stats.cues().counts_people(n) => Shape::People,
                _ => Shape::Count,
            },
            ClaimKind::Number => Shape::Number,
            ClaimKind::Duration | ClaimKind::Age if unit.is_some_and(|u| u.code == "year") => {
                Shape::Years
            }
            ClaimKind::Physical => match unit.map(|u| u.dimension.as_str()) {
                Some("area") => Shape::Area,
                Some("mass") => Shape::Mass,
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// The stretches of a sentence around a claim (byte ranges in the document).
#[derive(Debug, Clone)]
pub(crate) struct Window {
    /// The claim.
    pub(crate) claim: Range<usize>,
    /// From the figure before it (or its list's) to the claim.
    pub(crate) before: Range<usize>,
    /// From the claim to the end of its clause or the next figure.
    pub(crate) after: Range<usize>,
    /// The claim's clause.
    pub(crate) clause: Range<usize>,
    /// Its place in a list of figures ("1.82, 1.81 and 1.78") and the list.
    pub(crate) run: Option<(usize, Vec<Range<usize>>)>,
    /// Where the measure of the figure before was named, when only words that carry it ("and",
    /// "against", "women") stand between the two figures.
    pub(crate) inherit: Option<Range<usize>>,
    /// The stretch before it is the complement of the figure before ("two-thirds of the
    /// world's population, 4 billion people"): only what is tied to the claim without
    /// punctuation is its own.
    pub(crate) of_stretch: bool,
}

impl Window {
    /// Whether a span is near the claim: before it since the last figure, on it, or after it
    /// in its clause.
    pub(crate) fn holds(&self, span: &Range<usize>) -> bool {
        (span.start >= self.before.start && span.end <= self.before.end)
            || (span.start < self.claim.end && span.end > self.claim.start)
            || (span.start >= self.after.start && span.end <= self.after.end)
    }

    fn of(s: &StatSentence, src: &str, c: &Claim) -> Window {
        let claim = c.span.start..c.span.end;
        let k = s.claims.iter().position(|r| *r == claim);
        let run = k.map(|k| {
            let (mut a, mut b) = (k, k);
            while a > 0 && list_gap(s.slice(s.claims[a - 1].end, s.claims[a].start)) {
                a -= 1;
            }
            while b + 1 < s.claims.len()
                && list_gap(s.slice(s.claims[b].end, s.claims[b + 1].start))
            {
                b += 1;
            }
            (k - a, s.claims[a..=b].to_vec())
        });
        let first = k.map(|k| k - run.as_ref().map_or(0, |r| r.0));
        let mut before_start = match first {
            Some(f) if f > 0 => s.claims[f - 1].end.max(s.start),
            _ => s.start,
        };
        let after_figure = before_start > s.start;
        // a new clause ("where", "which") starts a new stretch
        if let Some(cut) = s
            .cues
            .iter()
            .filter(|k| k.kind == CueKind::Clause)
            .filter(|k| k.span.start >= before_start && k.span.end <= claim.start)
            .map(|k| k.span.end)
            .max()
        {
            before_start = cut;
        }
        let next = k
            .and_then(|k| s.claims.get(k + 1))
            .map_or(s.end, |r| r.start);
        let after_end = clause_end(s.slice(claim.end, next)).map_or(next, |e| claim.end + e);
        let (mut cs, ce) =
            super::terms::clause_bounds(src, (s.start, s.end), (claim.start, claim.end));
        // "and" inside a name ("Trinidad and Tobago") does not start a clause
        if let Some(p) = s
            .places
            .iter()
            .find(|p| p.span.start < cs && cs < p.span.end)
        {
            cs = p.span.start;
        }
        Window {
            before: before_start.min(claim.start)..claim.start,
            after: claim.end..after_end.max(claim.end),
            clause: cs..ce,
            run: run.filter(|r| r.1.len() > 1),
            of_stretch: after_figure
                && before_start == s.claims[first.unwrap_or(0).saturating_sub(1)].end
                && s.slice(before_start, claim.start)
                    .trim_start()
                    .starts_with("of "),
            inherit: k.and_then(|k| inherited(s, k)),
            claim,
        }
    }
}

/// Where the measure of the figures before claim `k` of the sentence was named: the stretch
/// before (and the words of) the nearest earlier figure whose stretch is more than words that
/// carry a measure,
/// when only such words stand between it and claim `k` ("2% in Kenya, against 3.4% in Uganda
/// and 3% in Tanzania").
fn inherited(s: &StatSentence, k: usize) -> Option<Range<usize>> {
    let carrying = Gap {
        punctuation: true,
        places: true,
        carrying: true,
        ..Gap::words(8)
    };
    let light = |j: usize| {
        if j == 0 {
            return false;
        }
        let gap = s.claims[j - 1].end..s.claims[j].start;
        (s.has_cue(CueKind::Coordination, gap.clone()) || s.has_cue(CueKind::Select, gap.clone()))
            && s.linking_only(gap, carrying)
    };
    if !light(k) {
        return None;
    }
    let mut j = k - 1;
    while j > 0 && s.linking_only(s.claims[j - 1].end..s.claims[j].start, carrying) {
        j -= 1;
    }
    let start = if j > 0 { s.claims[j - 1].end } else { s.start };
    Some(start..s.claims[j].end)
}

/// Where a clause ends in `text` (a delimiter, "and", "but"), if it does.
fn clause_end(text: &str) -> Option<usize> {
    let delim = text.find([',', ';', ':', '(', ')', '—', '–']);
    let word = [" and ", " but ", " - "]
        .iter()
        .filter_map(|w| text.find(w))
        .min();
    match (delim, word) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Candidate statistics for a claim of the sentence `s`.
pub(crate) fn candidates<'r>(
    ctx: &Context<'r>,
    c: &Claim,
    s: &StatSentence,
    stats: &Statistics,
) -> Vec<Candidate<'r>> {
    let Some(shape) = Shape::of(ctx.lex, stats, c) else {
        return Vec::new();
    };
    // "one in 10", "ranked 98": no figure of a statistic
    if s.cue_before(CueKind::NotFigure, c.span.start) {
        return Vec::new();
    }
    let w = Window::of(s, &ctx.doc.source, c);
    let picks = measure::measures(stats, s, c, shape, &w);
    if picks.is_empty() {
        return Vec::new();
    }
    let article = ctx.dates.article().map(|d| d.year);
    let Some(year) = year::year_of(s, &w, article) else {
        return Vec::new();
    };
    // a figure for a year after the article is a forecast: no statistic states it
    if article.is_some_and(|a| year.year() > a) {
        return Vec::new();
    }
    let negative = s.has_cue(CueKind::Negative, w.before.start..w.after.end);
    let mut found: Vec<(Candidate<'r>, Tie)> = Vec::new();
    for pick in &picks {
        // a year's flow is known once the year has ended: without a year in the sentence, the
        // year before the article's; the article's own year is a forecast or an estimate
        let year = match year {
            YearFrom::Article(y) if is_flow(pick.measure) => YearFrom::Article(y - 1),
            y => y,
        };
        if is_flow(pick.measure) && !ended(year, ctx.dates.article()) {
            continue;
        }
        let places: &[Place] = if pick.measure.is_city() {
            s.cities(stats)
        } else {
            &s.places
        };
        let Some((place, tie)) = place::choose(s, places, &w, pick, shape == Shape::People) else {
            continue;
        };
        for e in entities(stats, s, place, pick.measure) {
            let Some(mut v) = value(stats, pick.measure, &e.id, year) else {
                continue;
            };
            // "a deficit of $20bn" states a balance of -$20bn
            if negative && v.value.is_sign_negative() {
                v.value = -v.value;
            }
            let firm = tie >= Tie::Phrase;
            let link = Linked {
                pick,
                place,
                tie,
                year,
                value: v,
                entity: &e,
            };
            if let Some(k) = link.candidate(ctx, c, s, shape, stats, firm) {
                found.push((k, tie));
            }
        }
    }
    // the place tied most firmly wins; of a city's agglomeration and city proper, the nearer
    let Some(best) = found.iter().map(|(_, t)| *t).max() else {
        return Vec::new();
    };
    found.retain(|(_, t)| *t == best);
    let mut out: Vec<Candidate> = found.into_iter().map(|(k, _)| k).collect();
    nearer_city_reading(&mut out, c);
    out
}

/// Is a measure a flow over a year (a change, a share of GDP, an amount of money or of
/// emissions), known only once the year has ended, rather than a stock or a state at a time
/// (population, area, life expectancy, a rate)?
pub(crate) fn is_flow(m: &Measure) -> bool {
    matches!(m.kind, Kind::Growth | Kind::ShareOfGdp)
        || matches!(m.unit, Unit::Usd | Unit::InternationalDollar | Unit::Tonne)
}

/// Has the year of a figure ended by the article's date?
fn ended(year: YearFrom, article: Option<Date>) -> bool {
    article.is_none_or(|a| year.year() < a.year)
}

/// The entities a place names that a measure's table may hold: countries and aggregates, or the
/// city of the measure's kind (in the country the sentence names, if it names one).
fn entities(stats: &Statistics, s: &StatSentence, place: &Place, m: &Measure) -> Vec<EntityRef> {
    if !m.is_city() {
        return place
            .entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Country | EntityKind::Aggregate))
            .cloned()
            .collect();
    }
    let gaz = stats.gazetteer();
    let countries: Vec<&str> = s
        .places
        .iter()
        .flat_map(|p| p.entities.iter())
        .filter(|e| e.kind == EntityKind::Country)
        .map(|e| e.id.as_str())
        .collect();
    let in_country = |e: &EntityRef| {
        countries.is_empty()
            || gaz
                .city(&e.id)
                .is_some_and(|c| countries.contains(&c.iso3.as_str()))
    };
    let wanted = |e: &EntityRef| match e.kind {
        EntityKind::City(CityKind::Agglomeration) => m.places == Places::Agglomerations,
        EntityKind::City(CityKind::CityProper) => m.places == Places::CityProper,
        _ => false,
    };
    place
        .entities
        .iter()
        .filter(|e| wanted(e) && in_country(e))
        .take(1)
        .cloned()
        .collect()
}

/// The figure of a measure for an entity and the year: a year the sentence names exactly (the
/// nearest for a table every five years), the article's year or the latest before it.
fn value(stats: &Statistics, m: &Measure, entity: &str, year: YearFrom) -> Option<Value> {
    let undated = stats.table(&m.id)?.columns == Columns::Undated;
    if undated {
        return stats.value(&m.id, entity, year.year());
    }
    let policy = match (year, m.is_city()) {
        (YearFrom::Sentence(_), false) => YearPolicy::Exact,
        (YearFrom::Sentence(_), true) => YearPolicy::Nearest(2),
        (YearFrom::Article(_), false) => YearPolicy::AtOrBefore(3),
        (YearFrom::Article(_), true) => YearPolicy::Nearest(3),
    };
    stats.value_near(&m.id, entity, year.year(), policy)
}

/// Of a city's agglomeration and its city proper both named by a generic phrase
/// ("population"), the one nearer the claim.
fn nearer_city_reading(out: &mut Vec<Candidate>, c: &Claim) {
    let city = |k: &Candidate| {
        k.fact
            .statistic
            .as_ref()
            .is_some_and(|s| s.code.starts_with("WUP") || s.code.starts_with("GN"))
    };
    if out.len() < 2 || !out.iter().all(city) {
        return;
    }
    let stated = c.reading.value.unwrap_or_default();
    let off = |k: &Candidate| {
        let v = k.fact.low;
        if v.is_zero() {
            f64::INFINITY
        } else {
            ((stated - v) / v).abs().to_f64().unwrap_or(f64::INFINITY)
        }
    };
    if let Some(best) = (0..out.len()).min_by(|&a, &b| off(&out[a]).total_cmp(&off(&out[b]))) {
        let k = out.swap_remove(best);
        out.clear();
        out.push(k);
    }
}

/// A measure, place, year and figure found for a claim.
struct Linked<'a> {
    pick: &'a MeasurePick<'a>,
    place: &'a Place,
    tie: Tie,
    year: YearFrom,
    value: Value,
    entity: &'a EntityRef,
}

impl Linked<'_> {
    /// The candidate fact, if the claim could plausibly state the figure.
    fn candidate<'r>(
        &self,
        ctx: &Context<'r>,
        c: &Claim,
        s: &StatSentence,
        shape: Shape,
        stats: &Statistics,
        firm: bool,
    ) -> Option<Candidate<'r>> {
        let m = self.pick.measure;
        let unit = fact_unit(ctx.lex, m.unit, shape);
        let year = self.value.year;
        let as_of = year.map(Date::from_year);
        if !plausible(ctx, c, &self.value, unit, as_of, firm) {
            return None;
        }
        let v = &self.value;
        // a value of a year that had just ended when the article was written was a first
        // estimate then: the source's series has been revised since
        let first_estimate = match (m.first_estimate, year, ctx.dates.article()) {
            (Some(t), Some(y), Some(a)) if (y..=y + 1).contains(&a.year) => Some(t),
            _ => None,
        };
        let tolerance = first_estimate.unwrap_or(v.tolerance);
        let code = self.entity.id.clone();
        let gaz = stats.gazetteer();
        let mut entity = gaz.name_of(&code).unwrap_or(&code).to_string();
        match self.entity.kind {
            EntityKind::City(CityKind::Agglomeration) => entity.push_str(" (agglomeration)"),
            EntityKind::City(CityKind::CityProper) => entity.push_str(" (city proper)"),
            _ => {}
        }
        let when = year.map_or_else(|| "undated".to_string(), |y| y.to_string());
        let table = m.table.trim_end_matches(".csv").to_string();
        let mut linked_by = vec![
            Link::Word(self.place.text.clone()),
            Link::Word(
                s.slice(self.pick.phrase().span.start, self.pick.phrase().span.end)
                    .to_lowercase(),
            ),
        ];
        if let (YearFrom::Sentence(_), Some(y)) = (self.year, year) {
            linked_by.push(Link::Year(y));
        }
        let fact = Fact {
            id: format!("{}-{}-{when}", code.to_lowercase(), m.id),
            entity,
            measure: m.name().to_string(),
            low: v.value,
            high: v.value,
            value_text: v.value.normalize().to_string(),
            unit,
            unit_text: m.unit.name().to_string(),
            counted: (m.unit == Unit::Person)
                .then(|| c.reading.counted.clone().unwrap_or_else(|| "person".into())),
            as_of,
            period: None,
            source: format!("{}, {} ({when})", v.source, m.code),
            tolerance: Some(tolerance).filter(|t| !t.margin(v.value).is_zero()),
            aliases: Vec::new(),
            keywords: Vec::new(),
            origin: format!("statistics/{}", m.table),
            statistic: Some(StatisticRef {
                measure: m.id.clone(),
                table,
                code: code.clone(),
                year,
                year_from: match self.year {
                    YearFrom::Sentence(_) => "sentence",
                    YearFrom::Article(y) if ctx.dates.article().is_some_and(|a| a.year > y) => {
                        "latest_complete"
                    }
                    YearFrom::Article(_) => "article",
                },
                tolerance,
                projection: v.projection,
                definition: v.definition.clone(),
                note: v.note.clone(),
            }),
            terms: Vec::new(),
            entity_terms: Vec::new(),
            entity_is_name: true,
            alias_terms: Vec::new(),
        };
        Some(Candidate {
            fact: Cow::Owned(fact),
            score: 10.0 + self.pick.score + f64::from(self.tie as u8),
            linked_by,
            group: format!("{code}|{}", m.id),
        })
    }
}

/// The lexicon's unit for a measure's values, as the claim will be compared with them.
fn fact_unit(lex: &Lexicon, unit: Unit, shape: Shape) -> Option<UnitId> {
    let code = match unit {
        Unit::Percent => "percent",
        Unit::Year => "year",
        Unit::Usd => "USD",
        // international dollars compare with a claim in dollars, never converted
        Unit::InternationalDollar if shape == Shape::Money(true) => "USD",
        Unit::Tonne => "tonne",
        Unit::SquareKilometre => "square kilometre",
        _ => return None,
    };
    lex.unit_by_code(code)
}

/// Could the claim state this figure, right or wrong? Levels within a factor of four (twenty
/// when the place is tied to the figure or its phrase: "Egypt, a nation of 10 million people"
/// is a slip worth catching), or a thousand-fold slip; percentages within a few points, years
/// of life within fifteen, births per woman within two and a half.
fn plausible(
    ctx: &Context,
    c: &Claim,
    v: &Value,
    unit: Option<UnitId>,
    as_of: Option<Date>,
    firm: bool,
) -> bool {
    let Some(stated) = c.reading.value else {
        return false;
    };
    let fact = match (unit, c.reading.unit) {
        (Some(fu), Some(cu)) if ctx.lex.unit(cu).kind != UnitKind::Percent => {
            match ctx.convert(v.value, fu, cu, ctx.dates.rate_date(as_of)) {
                Ok((x, _)) => x,
                // without a rate nothing says the figure is near
                Err(_) => return false,
            }
        }
        _ => v.value,
    };
    let high = c.reading.value_high.unwrap_or(stated);
    let near = |x: Decimal| {
        let d = (x - fact).abs();
        match v.unit {
            Unit::Percent => d <= fact.abs().max(Decimal::from(5)),
            Unit::Year => d <= Decimal::from(15),
            Unit::BirthPerWoman => d <= Decimal::new(25, 1),
            _ => {
                if fact.is_zero() || x.is_zero() {
                    return false;
                }
                let r = (x / fact).abs();
                let max = Decimal::from(if firm { 20 } else { 4 });
                (r >= Decimal::ONE / max && r <= max) || scale_slip(x, fact).is_some()
            }
        }
    };
    near(stated) || near(high)
}
