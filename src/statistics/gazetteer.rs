//! The gazetteer (`reference/gazetteer/`): the countries, aggregates (the world, the EU,
//! regions, income groups, continents) and cities the statistics are about, with the names,
//! former names and demonyms news uses for them, and a matcher that finds them in text.
//!
//! Countries and aggregates are read on first use (a few hundred rows); the 36,000 cities and
//! their matcher only when city mentions are first asked for.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::files::{Files, for_rows, list, problem};
use super::matcher::NameMatcher;
use crate::table::TableError as Problem;

/// A country (or a World Bank economy without an ISO code: Kosovo `XKX`, the Channel Islands
/// `CHI`).
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (the id in the tables).
    pub iso3: String,
    /// ISO 3166-1 alpha-2 (empty for `XKX`, `CHI`).
    pub iso2: String,
    /// The short English name.
    pub name: String,
    /// The UN's formal name.
    pub official_name: String,
    /// Other names and spellings.
    pub names: Vec<String>,
    /// Demonyms and adjectives ("Brazilian", "Brazilians").
    pub demonyms: Vec<String>,
    /// The ISO 4217 code of its currency today (empty where ISO lists none).
    pub currency: String,
    /// GeoNames continent code (`EU`, `AS` …).
    pub continent: String,
    /// UN M49 region and subregion.
    pub un_region: String,
    /// UN M49 subregion.
    pub un_subregion: String,
}

/// A group of countries the tables have figures for.
#[derive(Debug, Clone)]
pub struct Aggregate {
    /// The id in the tables (`WLD`, `EUU`, `SSF`, `AFRICA` …).
    pub id: String,
    /// The source's name.
    pub name: String,
    /// `world`, `union`, `region`, `group`, `continent` or `bunker` (international aviation and
    /// shipping).
    pub kind: String,
}

/// Whether a city figure is for the agglomeration or the city proper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CityKind {
    /// An urban agglomeration (UN World Urbanization Prospects): the built-up area around the
    /// city, usually larger than the city proper.
    Agglomeration,
    /// The city within its administrative limits (GeoNames).
    CityProper,
}

/// A city of the city tables.
#[derive(Debug, Clone)]
pub struct City {
    /// `WUP<code>` for an agglomeration, `GN<geonameid>` for a city proper.
    pub id: String,
    /// Agglomeration or city proper.
    pub kind: CityKind,
    /// ISO3 of its country.
    pub iso3: String,
    /// Its name.
    pub name: String,
    /// Other names ("Moskva" for Moscow).
    pub aliases: Vec<String>,
    /// The same place in the other city table (an agglomeration's city proper, or back).
    pub same_place: Option<String>,
    /// The source's note on what the agglomeration covers.
    pub definition: String,
}

/// What sort of entity an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A country.
    Country,
    /// A group of countries.
    Aggregate,
    /// A city, agglomeration or proper.
    City(CityKind),
}

/// An entity id with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct EntityRef {
    /// The id in the tables.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A name or short form ("Japan", "the US").
    Name,
    /// A former name ("Burma", "Swaziland").
    Former,
    /// A demonym or adjective ("Brazilians", "French").
    Demonym,
}

/// An entity named in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The words as the text writes them.
    pub text: String,
    /// Name, former name or demonym.
    pub form: Form,
    /// The entities the words name, the usual reading first ("Congo": the DRC, then the
    /// Republic of the Congo; a city: its agglomeration and city proper, largest place first).
    pub entities: Vec<EntityRef>,
    /// A note on the name ("renamed Eswatini in 2018"), if the gazetteer has one.
    pub note: Option<String>,
}

/// The target of words that contain a name but name no place of the tables.
const NOT_A_PLACE: u32 = u32::MAX;

/// One name the matcher knows: who it names (an index the owner resolves), how, and the note.
#[derive(Debug, Clone)]
struct Target {
    entity: u32,
    form: Form,
    note: Option<Box<str>>,
}

/// Names and the entities they name, with a matcher over the names.
#[derive(Debug, Clone)]
struct NameIndex {
    /// For each distinct name, its range in `targets`.
    groups: Vec<(u32, u32)>,
    targets: Vec<Target>,
    matcher: NameMatcher,
}

impl NameIndex {
    /// Groups the entries by name (keeping their order within a name: the first is the usual
    /// reading) and builds the matcher.
    fn build(mut entries: Vec<(&str, Target)>) -> NameIndex {
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut names: Vec<&str> = Vec::new();
        let mut groups: Vec<(u32, u32)> = Vec::new();
        let mut targets: Vec<Target> = Vec::with_capacity(entries.len());
        for (name, t) in entries {
            if names.last() != Some(&name) {
                names.push(name);
                groups.push((targets.len() as u32, targets.len() as u32));
            }
            let group = groups.last_mut().expect("a group was just pushed");
            let seen = &targets[group.0 as usize..];
            if !seen.iter().any(|x| x.entity == t.entity) {
                targets.push(t);
                group.1 += 1;
            }
        }
        NameIndex {
            matcher: NameMatcher::new(names),
            groups,
            targets,
        }
    }

    /// The names in `text`, each with its entities (`entity` turns an index into the entity).
    /// Words that name no place ("New Mexico") take their span and are left out.
    fn mentions(&self, text: &str, entity: impl Fn(u32) -> EntityRef) -> Vec<Mention> {
        self.matcher
            .find(text)
            .into_iter()
            .filter_map(|f| {
                let (a, b) = self.groups[f.phrase];
                let ts = &self.targets[a as usize..b as usize];
                let places: Vec<&Target> = ts.iter().filter(|t| t.entity != NOT_A_PLACE).collect();
                let first = places.first()?;
                Some(Mention {
                    text: text[f.span.clone()].to_string(),
                    span: f.span,
                    form: first.form,
                    entities: places.iter().map(|t| entity(t.entity)).collect(),
                    note: places
                        .iter()
                        .find_map(|t| t.note.as_deref().map(str::to_string)),
                })
            })
            .collect()
    }
}

/// The cities and their matcher.
#[derive(Debug)]
struct Cities {
    cities: Vec<City>,
    /// [`city_key`] of the id -> index.
    by_id: FxHashMap<u64, usize>,
    names: NameIndex,
}

/// Countries, aggregates and cities with the names news uses for them.
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    aggregates: Vec<Aggregate>,
    by_id: FxHashMap<String, EntityRef>,
    /// Countries then aggregates, as the name index refers to them.
    pool: Vec<EntityRef>,
    names: NameIndex,
    /// Alias rows naming cities, kept for the city matcher.
    city_aliases: Vec<(String, String, Form, Option<String>)>,
    files: Arc<Files>,
    cities: OnceLock<Cities>,
}

/// An alias row: (id, alias, form, note, FILE:LINE:COLUMN of the id).
type AliasRow = (String, String, Form, Option<String>, (String, u64, usize));

impl Gazetteer {
    /// Reads countries, aggregates and aliases (cities wait for first use). Problems are pushed
    /// and bad rows left out.
    pub fn load(files: Arc<Files>, problems: &mut Vec<Problem>) -> Gazetteer {
        let countries = load_countries(&files, problems);
        let aggregates = load_aggregates(&files, problems);
        let pool: Vec<EntityRef> = countries
            .iter()
            .map(|c| entity_ref(&c.iso3, EntityKind::Country))
            .chain(
                aggregates
                    .iter()
                    .map(|a| entity_ref(&a.id, EntityKind::Aggregate)),
            )
            .collect();
        let by_id: FxHashMap<String, EntityRef> =
            pool.iter().map(|e| (e.id.clone(), e.clone())).collect();
        let index_of: FxHashMap<&str, u32> = pool
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i as u32))
            .collect();
        // alias rows first: their entity comes first for a name they share ("Congo")
        let alias_rows = load_aliases(&files, problems);
        let mut entries: Vec<(&str, Target)> = Vec::new();
        let mut city_aliases = Vec::new();
        for (id, alias, form, note, _) in &alias_rows {
            if id.is_empty() {
                // words that contain a name but name no place of the tables ("New Mexico")
                entries.push((alias, target(NOT_A_PLACE, *form, None)));
                continue;
            }
            match index_of.get(id.as_str()) {
                Some(&i) => entries.push((alias, target(i, *form, note.clone()))),
                None => city_aliases.push((id.clone(), alias.clone(), *form, note.clone())),
            }
        }
        for (i, c) in countries.iter().enumerate() {
            let names = std::iter::once(&c.name)
                .chain(std::iter::once(&c.official_name))
                .chain(c.names.iter());
            for n in names {
                entries.push((n, target(i as u32, Form::Name, None)));
            }
            for d in &c.demonyms {
                entries.push((d, target(i as u32, Form::Demonym, None)));
            }
        }
        for (i, a) in aggregates.iter().enumerate() {
            let k = (countries.len() + i) as u32;
            entries.push((&a.name, target(k, Form::Name, None)));
        }
        let names = NameIndex::build(entries);
        Gazetteer {
            names,
            countries,
            aggregates,
            by_id,
            pool,
            city_aliases,
            files,
            cities: OnceLock::new(),
        }
    }

    /// Every country.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Every aggregate.
    pub fn aggregates(&self) -> &[Aggregate] {
        &self.aggregates
    }

    /// Every city (reads the city gazetteer on first use).
    pub fn cities(&self) -> &[City] {
        &self.city_table().cities
    }

    /// The country with this ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The aggregate with this id.
    pub fn aggregate(&self, id: &str) -> Option<&Aggregate> {
        self.aggregates.iter().find(|a| a.id == id)
    }

    /// The city with this id (`WUP…` or `GN…`).
    pub fn city(&self, id: &str) -> Option<&City> {
        let c = self.city_table();
        c.by_id.get(&city_key(id)?).map(|&i| &c.cities[i])
    }

    /// Is the id a country's, an aggregate's or a city's? (`entity` without building its
    /// answer: asked for every row of every table when the tables are validated.)
    pub fn knows(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
            || ((id.starts_with("WUP") || id.starts_with("GN")) && self.city(id).is_some())
    }

    /// What an id names (countries and aggregates; cities for `WUP`/`GN` ids).
    pub fn entity(&self, id: &str) -> Option<EntityRef> {
        if let Some(e) = self.by_id.get(id) {
            return Some(e.clone());
        }
        if id.starts_with("WUP") || id.starts_with("GN") {
            return self.city(id).map(|c| EntityRef {
                id: c.id.clone(),
                kind: EntityKind::City(c.kind),
            });
        }
        None
    }

    /// The display name of an id.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        if let Some(c) = self.country(id) {
            return Some(&c.name);
        }
        if let Some(a) = self.aggregate(id) {
            return Some(&a.name);
        }
        if id.starts_with("WUP") || id.starts_with("GN") {
            return self.city(id).map(|c| c.name.as_str());
        }
        None
    }

    /// The countries and aggregates named in `text` (names, former names, demonyms), left to
    /// right, the longest name at each place ("Papua New Guinea", not "Guinea").
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.names.mentions(text, |i| self.pool[i as usize].clone())
    }

    /// The cities named in `text`; each mention lists the places of that name, largest first,
    /// each followed by the same place in the other city table (agglomeration / city proper).
    pub fn city_mentions(&self, text: &str) -> Vec<Mention> {
        let c = self.city_table();
        let mut out = c.names.mentions(text, |i| {
            let city = &c.cities[i as usize];
            entity_ref(&city.id, EntityKind::City(city.kind))
        });
        for m in &mut out {
            let mut with_partners: Vec<EntityRef> = Vec::new();
            for e in &m.entities {
                if !with_partners.contains(e) {
                    with_partners.push(e.clone());
                }
                let partner = city_key(&e.id)
                    .and_then(|k| c.by_id.get(&k))
                    .and_then(|&i| c.cities[i].same_place.as_deref())
                    .and_then(city_key)
                    .and_then(|k| c.by_id.get(&k).map(|&j| &c.cities[j]));
                if let Some(p) = partner {
                    let r = EntityRef {
                        id: p.id.clone(),
                        kind: EntityKind::City(p.kind),
                    };
                    if !with_partners.contains(&r) {
                        with_partners.push(r);
                    }
                }
            }
            m.entities = with_partners;
        }
        out
    }

    /// The entities a whole string names ("Ivory Coast", "the EU", "Tokyo"): countries and
    /// aggregates first, cities if none.
    pub fn resolve(&self, name: &str) -> Vec<EntityRef> {
        let name = name.trim();
        let whole = |ms: Vec<Mention>| {
            ms.into_iter()
                .find(|m| m.span == (0..name.len()))
                .map(|m| m.entities)
        };
        whole(self.mentions(name))
            .or_else(|| whole(self.city_mentions(name)))
            .unwrap_or_default()
    }

    fn city_table(&self) -> &Cities {
        self.cities
            .get_or_init(|| load_cities(&self.files, &self.city_aliases, &mut Vec::new()))
    }

    /// Every problem of the gazetteer files, including the cities and the ids aliases name.
    pub fn validate(files: Arc<Files>, problems: &mut Vec<Problem>) -> Gazetteer {
        let g = Gazetteer::load(files.clone(), problems);
        let cities = load_cities(&files, &[], problems);
        let mut known: FxHashSet<&str> = g.by_id.keys().map(String::as_str).collect();
        known.extend(cities.cities.iter().map(|c| c.id.as_str()));
        for (id, _, _, _, (file, line, col)) in load_aliases(&files, &mut Vec::new()) {
            if !id.is_empty() && !known.contains(id.as_str()) {
                problems.push(problem(&file, line, col, format!("unknown id '{id}'")));
            }
        }
        if let Some((file, text)) = text_of(&files, "gazetteer/cities.csv", &mut Vec::new()) {
            for_rows(&file, &text, &mut Vec::new(), |row, _| {
                let iso3 = row.get("iso3");
                let is_country = g.by_id.get(iso3).map(|e| e.kind) == Some(EntityKind::Country);
                if !iso3.is_empty() && !is_country {
                    problems.push(problem(
                        &file,
                        row.line,
                        row.column("iso3"),
                        format!("unknown country '{iso3}'"),
                    ));
                }
                let same = row.get("same_place");
                let same_known = city_key(same).is_some_and(|k| cities.by_id.contains_key(&k));
                if !same.is_empty() && !same_known {
                    problems.push(problem(
                        &file,
                        row.line,
                        row.column("same_place"),
                        format!("same_place '{same}' is not a city"),
                    ));
                }
            });
        }
        let _ = g.cities.set(cities);
        g
    }
}

/// A number for a city id: `WUP<n>` and `GN<n>` kept apart by the top bit.
fn city_key(id: &str) -> Option<u64> {
    let (tag, digits) = if let Some(d) = id.strip_prefix("WUP") {
        (1u64 << 63, d)
    } else {
        (0, id.strip_prefix("GN")?)
    };
    let n: u64 = digits.parse().ok().filter(|&n| n < 1u64 << 62)?;
    Some(tag | n)
}

fn entity_ref(id: &str, kind: EntityKind) -> EntityRef {
    EntityRef {
        id: id.to_string(),
        kind,
    }
}

fn target(entity: u32, form: Form, note: Option<String>) -> Target {
    Target {
        entity,
        form,
        note: note.map(String::into_boxed_str),
    }
}

/// The text of a gazetteer file; a file that does not exist is no problem (a reference
/// directory need not have all of them).
fn text_of(files: &Files, rel: &str, problems: &mut Vec<Problem>) -> Option<(String, String)> {
    if !files.contains(rel) {
        return None;
    }
    match files.text(rel) {
        Ok(t) => Some((files.display(rel), t)),
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

fn load_countries(files: &Files, problems: &mut Vec<Problem>) -> Vec<Country> {
    let Some((file, text)) = text_of(files, "gazetteer/countries.csv", problems) else {
        return Vec::new();
    };
    let mut out: Vec<Country> = Vec::new();
    let mut seen = FxHashSet::default();
    for_rows(&file, &text, problems, |row, problems| {
        let iso3 = row.get("iso3");
        if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.push(problem(
                &file,
                row.line,
                row.column("iso3"),
                format!("bad iso3 '{iso3}'"),
            ));
            return;
        }
        if !seen.insert(iso3.to_string()) {
            problems.push(problem(
                &file,
                row.line,
                1,
                format!("duplicate iso3 '{iso3}'"),
            ));
            return;
        }
        if row.get("name").is_empty() {
            problems.push(problem(&file, row.line, row.column("name"), "no name"));
            return;
        }
        out.push(Country {
            iso3: iso3.to_string(),
            iso2: row.get("iso2").to_string(),
            name: row.get("name").to_string(),
            official_name: row.get("official_name").to_string(),
            names: list(row.get("names")),
            demonyms: list(row.get("demonyms")),
            currency: row.get("currency").to_string(),
            continent: row.get("continent").to_string(),
            un_region: row.get("un_region").to_string(),
            un_subregion: row.get("un_subregion").to_string(),
        });
    });
    out
}

const AGGREGATE_KINDS: [&str; 6] = ["world", "union", "region", "group", "continent", "bunker"];

fn load_aggregates(files: &Files, problems: &mut Vec<Problem>) -> Vec<Aggregate> {
    let Some((file, text)) = text_of(files, "gazetteer/aggregates.csv", problems) else {
        return Vec::new();
    };
    let mut out: Vec<Aggregate> = Vec::new();
    let mut seen = FxHashSet::default();
    for_rows(&file, &text, problems, |row, problems| {
        let id = row.get("id");
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            problems.push(problem(
                &file,
                row.line,
                1,
                format!("bad aggregate id '{id}'"),
            ));
            return;
        }
        if !seen.insert(id.to_string()) {
            problems.push(problem(&file, row.line, 1, format!("duplicate id '{id}'")));
            return;
        }
        let kind = row.get("kind");
        if !AGGREGATE_KINDS.contains(&kind) {
            problems.push(problem(
                &file,
                row.line,
                row.column("kind"),
                format!(
                    "unknown kind '{kind}' (one of: {})",
                    AGGREGATE_KINDS.join(", ")
                ),
            ));
            return;
        }
        out.push(Aggregate {
            id: id.to_string(),
            name: row.get("name").to_string(),
            kind: kind.to_string(),
        });
    });
    out
}

fn load_aliases(files: &Files, problems: &mut Vec<Problem>) -> Vec<AliasRow> {
    let mut out = Vec::new();
    for rel in files.matching("gazetteer/aliases.csv") {
        let Some((file, text)) = text_of(files, &rel, problems) else {
            continue;
        };
        for_rows(&file, &text, problems, |row, problems| {
            let (form, place) = match row.get("kind") {
                "name" => (Form::Name, true),
                "former" => (Form::Former, true),
                "demonym" => (Form::Demonym, true),
                "not_a_place" => (Form::Name, false),
                other => {
                    problems.push(problem(
                        &file,
                        row.line,
                        row.column("kind"),
                        format!(
                            "unknown kind '{other}' (one of: name, former, demonym, not_a_place)"
                        ),
                    ));
                    return;
                }
            };
            let (id, alias) = (row.get("id"), row.get("alias"));
            if !place && !id.is_empty() {
                let col = row.column("id");
                let msg = "a not_a_place row names no id: leave id empty";
                problems.push(problem(&file, row.line, col, msg));
                return;
            }
            if (place && id.is_empty()) || alias.is_empty() {
                problems.push(problem(
                    &file,
                    row.line,
                    1,
                    "an alias row needs an id and an alias",
                ));
                return;
            }
            let note = Some(row.get("note").to_string()).filter(|n| !n.is_empty());
            let at = (file.clone(), row.line, row.column("id"));
            out.push((id.to_string(), alias.to_string(), form, note, at));
        });
    }
    out
}

fn load_cities(
    files: &Files,
    aliases: &[(String, String, Form, Option<String>)],
    problems: &mut Vec<Problem>,
) -> Cities {
    let mut cities: Vec<City> = Vec::new();
    let mut by_id: FxHashMap<u64, usize> = FxHashMap::default();
    if let Some((file, text)) = text_of(files, "gazetteer/cities.csv", problems) {
        let rows = text.bytes().filter(|&b| b == b'\n').count();
        cities.reserve(rows);
        by_id.reserve(rows);
        let mut cols: Option<[Option<usize>; 7]> = None;
        for_rows(&file, &text, problems, |row, problems| {
            // 36,000 rows: look the columns up once
            let c = *cols.get_or_insert_with(|| {
                [
                    "id",
                    "kind",
                    "iso3",
                    "name",
                    "aliases",
                    "same_place",
                    "definition",
                ]
                .map(|n| row.position(n))
            });
            let get = |k: usize| c[k].map_or("", |i| row.at(i));
            let id = get(0);
            let kind = match get(1) {
                "agglomeration" if id.starts_with("WUP") => CityKind::Agglomeration,
                "city_proper" if id.starts_with("GN") => CityKind::CityProper,
                other => {
                    problems.push(problem(
                        &file,
                        row.line,
                        row.column("kind"),
                        format!("bad kind '{other}' for '{id}': agglomeration (WUP…) or city_proper (GN…)"),
                    ));
                    return;
                }
            };
            let Some(key) = city_key(id) else {
                problems.push(problem(&file, row.line, 1, format!("bad city id '{id}'")));
                return;
            };
            if by_id.insert(key, cities.len()).is_some() {
                problems.push(problem(&file, row.line, 1, format!("duplicate id '{id}'")));
                return;
            }
            cities.push(City {
                id: id.to_string(),
                kind,
                iso3: get(2).to_string(),
                name: get(3).to_string(),
                aliases: list(get(4)),
                same_place: Some(get(5).to_string()).filter(|s| !s.is_empty()),
                definition: get(6).to_string(),
            });
        });
    }
    let mut entries: Vec<(&str, Target)> = Vec::with_capacity(cities.len() + aliases.len());
    for (id, alias, form, note) in aliases {
        if let Some(&i) = city_key(id).and_then(|k| by_id.get(&k)) {
            entries.push((alias, target(i as u32, *form, note.clone())));
        }
    }
    for (i, c) in cities.iter().enumerate() {
        for n in std::iter::once(&c.name).chain(c.aliases.iter()) {
            // two-letter place names ("Of", "Bo") are words far more often than places
            if n.chars().count() >= 3 {
                entries.push((n, target(i as u32, Form::Name, None)));
            }
        }
    }
    let names = NameIndex::build(entries);
    Cities {
        names,
        cities,
        by_id,
    }
}
