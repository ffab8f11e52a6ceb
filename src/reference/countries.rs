//! Country statistics: the countries and the names articles use for them (with their area),
//! and population and GDP by year (World Bank).

use std::str::FromStr;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::table::{self, Row, TableError};

/// A country and the names articles use for it.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub iso3: String,
    /// The name reports use.
    pub name: String,
    /// Every name it goes by in the table.
    pub names: Vec<String>,
    /// Its area in km², if known.
    pub area_km2: Option<Decimal>,
}

/// Country statistics by year.
#[derive(Debug, Default)]
pub struct CountryTable {
    /// The countries, in table order.
    pub countries: Vec<Country>,
    /// Lower-case name (one or more words) -> country index.
    pub(crate) by_name: FxHashMap<String, usize>,
    /// The most words a name has.
    pub(crate) max_name_words: usize,
    /// (country index, year) -> population.
    pub population: FxHashMap<(usize, i32), Decimal>,
    /// (country index, year) -> GDP in current US$.
    pub gdp: FxHashMap<(usize, i32), Decimal>,
}

/// Common short forms news uses for countries, with their ISO codes.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("us", "USA"),
    ("u.s.", "USA"),
    ("america", "USA"),
    ("united states", "USA"),
    ("uk", "GBR"),
    ("britain", "GBR"),
    ("great britain", "GBR"),
    ("russia", "RUS"),
    ("south korea", "KOR"),
    ("north korea", "PRK"),
    ("iran", "IRN"),
    ("syria", "SYR"),
    ("vietnam", "VNM"),
    ("turkey", "TUR"),
    ("the netherlands", "NLD"),
    ("holland", "NLD"),
    ("czech republic", "CZE"),
    ("ivory coast", "CIV"),
    ("congo", "COD"),
    ("laos", "LAO"),
    ("bolivia", "BOL"),
    ("venezuela", "VEN"),
    ("tanzania", "TZA"),
    ("moldova", "MDA"),
];

impl CountryTable {
    /// Parses the countries table and the population and GDP tables, as (file, contents).
    pub(crate) fn parse(
        countries: (&str, &str),
        population: (&str, &str),
        gdp: (&str, &str),
        problems: &mut Vec<TableError>,
    ) -> CountryTable {
        let mut t = CountryTable {
            max_name_words: 1,
            ..Default::default()
        };
        let file = countries.0;
        table::for_rows(file, countries.1, problems, |row, problems| {
            if let Some(c) = country(file, row, problems) {
                t.countries.push(c);
            }
        });
        let by_iso3: FxHashMap<String, usize> = t
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        for (i, c) in t.countries.iter().enumerate() {
            for n in &c.names {
                let key = n.to_lowercase();
                t.max_name_words = t.max_name_words.max(key.split_whitespace().count());
                t.by_name.entry(key).or_insert(i);
            }
        }
        for (alias, iso3) in SHORT_FORMS {
            if let Some(&i) = by_iso3.get(*iso3) {
                t.by_name.insert(alias.to_string(), i);
            }
        }
        t.population = by_year(population, "population", &by_iso3, problems);
        t.gdp = by_year(gdp, "gdp_current_usd", &by_iso3, problems);
        t
    }

    /// The latest year at or before `year` with a value (falling back to the nearest later one).
    pub(crate) fn value_near(
        map: &FxHashMap<(usize, i32), Decimal>,
        country: usize,
        year: i32,
    ) -> Option<(i32, Decimal)> {
        for y in (year - 15..=year).rev() {
            if let Some(v) = map.get(&(country, y)) {
                return Some((y, *v));
            }
        }
        for y in year + 1..=year + 3 {
            if let Some(v) = map.get(&(country, y)) {
                return Some((y, *v));
            }
        }
        None
    }
}

/// A row of the countries table.
fn country(file: &str, row: &Row, problems: &mut Vec<TableError>) -> Option<Country> {
    let iso3 = row.get("iso3").to_string();
    if iso3.len() != 3 {
        problems.push(TableError::at(
            file,
            row.line,
            1,
            format!("bad iso3 code '{iso3}'"),
        ));
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    for col in ["common_name", "name", "official_name_en"] {
        let n = row.get(col).trim();
        if !n.is_empty() && !names.iter().any(|x| x.eq_ignore_ascii_case(n)) {
            names.push(n.to_string());
        }
    }
    let area = row.get("area_km2").trim();
    let area_km2 = if area.is_empty() {
        None
    } else {
        match Decimal::from_str(area) {
            Ok(a) => Some(a),
            Err(_) => {
                let message = format!("bad area_km2 '{area}'");
                problems.push(TableError::at(file, row.line, 1, message));
                None
            }
        }
    };
    let name = names.first().cloned().unwrap_or_else(|| iso3.clone());
    Some(Country {
        iso3,
        name,
        names,
        area_km2,
    })
}

/// A table of values by country and year (`iso3,…,year,VALUE_COL`); rows of aggregates and
/// codes without a country are skipped.
fn by_year(
    (file, data): (&str, &str),
    value_col: &str,
    by_iso3: &FxHashMap<String, usize>,
    problems: &mut Vec<TableError>,
) -> FxHashMap<(usize, i32), Decimal> {
    let mut map = FxHashMap::default();
    table::for_rows(file, data, problems, |row, problems| {
        let Some(&ci) = by_iso3.get(row.get("iso3")) else {
            return;
        };
        let year: i32 = match row.get("year").parse() {
            Ok(y) => y,
            Err(_) => {
                let message = format!("bad year '{}'", row.get("year"));
                problems.push(TableError::at(file, row.line, 1, message));
                return;
            }
        };
        let v = row.get(value_col).trim();
        if v.is_empty() {
            return;
        }
        match Decimal::from_str(v) {
            Ok(d) => {
                map.insert((ci, year), d);
            }
            Err(_) => {
                let message = format!("bad {value_col} '{v}'");
                problems.push(TableError::at(file, row.line, 1, message));
            }
        }
    });
    map
}
