//! Free-text lookup over the statistics ("Japan life expectancy 2020", "EU unemployment",
//! "Tokyo population 2015"): the places named, the measures named, the year, and the facts
//! that answer it. For a `reference lookup` command and for the tests.

use super::gazetteer::EntityRef;
use super::{MAX_YEAR, MIN_YEAR, Statistics, Value, YearPolicy};

/// How far from the asked-for year a lookup may go (the UN city figures are five years apart).
const LOOKUP_YEARS: u32 = 2;

/// One fact a lookup found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LookupFact {
    /// The measure's id.
    pub measure: String,
    /// The measure's name.
    pub measure_name: String,
    /// The entity's id.
    pub entity: String,
    /// The entity's name.
    pub entity_name: String,
    /// The figure.
    pub value: Value,
}

/// What a lookup understood and found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Lookup {
    /// The query.
    pub query: String,
    /// The places it names.
    pub entities: Vec<EntityRef>,
    /// The measures it names (empty: it names none, and every measure was tried).
    pub measures: Vec<String>,
    /// The year it names (`None`: the latest figure of each).
    pub year: Option<i32>,
    /// The facts, by entity then catalogue order.
    pub facts: Vec<LookupFact>,
}

pub(super) fn lookup(stats: &Statistics, query: &str) -> Lookup {
    let year = query
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .rfind(|y| (MIN_YEAR..=MAX_YEAR).contains(y));
    let gaz = stats.gazetteer();
    let mut mentions = gaz.mentions(query);
    if mentions.is_empty() {
        mentions = gaz.city_mentions(query);
    }
    let mut entities: Vec<EntityRef> = Vec::new();
    for m in &mentions {
        for e in &m.entities {
            if !entities.contains(e) {
                entities.push(e.clone());
            }
        }
    }
    // measures named outside the place names, grouped by the words that named them
    let mut groups: Vec<Vec<(String, bool)>> = Vec::new();
    let mut last_span = None;
    for mm in stats.catalogue().measures_for_phrase(query) {
        if mentions.iter().any(|m| overlaps(&m.span, &mm.span)) {
            continue;
        }
        if last_span.as_ref() != Some(&mm.span) {
            groups.push(Vec::new());
            last_span = Some(mm.span.clone());
        }
        if let Some(g) = groups.last_mut()
            && !g.iter().any(|(id, _)| *id == mm.measure.id)
        {
            g.push((mm.measure.id.clone(), mm.primary));
        }
    }
    let named = !groups.is_empty();
    if !named {
        let all = stats.catalogue().measures().iter();
        groups = all.map(|m| vec![(m.id.clone(), true)]).collect();
    }
    let mut facts = Vec::new();
    let mut measures: Vec<String> = Vec::new();
    for e in &entities {
        for g in &groups {
            let found = facts_for(stats, e, g, year, true);
            let found = if found.is_empty() {
                facts_for(stats, e, g, year, false)
            } else {
                found
            };
            for f in found {
                if !measures.contains(&f.measure) {
                    measures.push(f.measure.clone());
                }
                if !facts.contains(&f) {
                    facts.push(f);
                }
            }
        }
    }
    Lookup {
        query: query.to_string(),
        entities,
        measures: if named { measures } else { Vec::new() },
        year,
        facts,
    }
}

/// The facts of the measures of one group for one entity: the group's primary measures, or
/// (with `primary` false) the others.
fn facts_for(
    stats: &Statistics,
    e: &EntityRef,
    group: &[(String, bool)],
    year: Option<i32>,
    primary: bool,
) -> Vec<LookupFact> {
    let gaz = stats.gazetteer();
    let mut out = Vec::new();
    for (id, is_primary) in group {
        if *is_primary != primary {
            continue;
        }
        let value = match year {
            Some(y) => stats.value_near(id, &e.id, y, YearPolicy::Nearest(LOOKUP_YEARS)),
            None => stats.value_near(id, &e.id, MAX_YEAR, YearPolicy::Latest),
        };
        let (Some(value), Some(m)) = (value, stats.catalogue().get(id)) else {
            continue;
        };
        out.push(LookupFact {
            measure: id.clone(),
            measure_name: m.name().to_string(),
            entity: e.id.clone(),
            entity_name: gaz.name_of(&e.id).unwrap_or(&e.id).to_string(),
            value,
        });
    }
    out
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
