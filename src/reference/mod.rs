//! Stage 4: the reference dataset. Facts (CSV, one row each, with a source), the ECB euro
//! reference-rate history, and country statistics (population and GDP by year, area). Loaded
//! once per process and validated on load: a bad row is an error naming FILE:LINE:COLUMN.
//! The format is documented in `docs/reference-format.md`.

mod countries;
mod facts;
mod index;
mod rates;

use std::path::Path;

use rustc_hash::FxHashMap;

pub use countries::{Country, CountryTable};
pub use facts::Fact;
pub(crate) use index::term_into;
pub use rates::{RateError, RateTable, RateUsed, Rates};

use crate::error::DataError;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::table::TableError;

/// The shipped fact tables, as (name, contents).
pub(crate) const EMBEDDED_FACTS: &[(&str, &str)] = &[
    (
        "reference/facts/moscow-talks.csv",
        include_str!("../../reference/facts/moscow-talks.csv"),
    ),
    (
        "reference/facts/europe-briefing.csv",
        include_str!("../../reference/facts/europe-briefing.csv"),
    ),
];
const ECB: (&str, &str) = (
    "reference/ecb_eurofxref_hist.csv",
    include_str!("../../reference/ecb_eurofxref_hist.csv"),
);
const COUNTRIES: (&str, &str) = (
    "reference/countries.csv",
    include_str!("../../reference/countries.csv"),
);
const POPULATION: (&str, &str) = (
    "reference/country_population_by_year.csv",
    include_str!("../../reference/country_population_by_year.csv"),
);
const GDP: (&str, &str) = (
    "reference/country_gdp_usd_by_year.csv",
    include_str!("../../reference/country_gdp_usd_by_year.csv"),
);

/// The whole reference: facts with their index, exchange rates and country statistics.
#[derive(Debug, Default)]
pub struct ReferenceSet {
    /// Every fact of every table.
    pub facts: Vec<Fact>,
    /// Lower-case singular term -> facts that mention it in entity, measure or aliases.
    pub index: FxHashMap<String, Vec<u32>>,
    /// The ECB exchange-rate history.
    pub rates: Rates,
    /// Population, GDP and area by country.
    pub countries: CountryTable,
}

impl ReferenceSet {
    /// No facts, rates or statistics.
    pub fn empty(_lex: &Lexicon) -> ReferenceSet {
        ReferenceSet::default()
    }

    /// The shipped reference, loaded once per process.
    pub fn embedded(lex: &Lexicon) -> Result<ReferenceSet, DataError> {
        let mut problems = Vec::new();
        let set = ReferenceSet::load_embedded(lex, &mut problems);
        match problems.into_iter().next() {
            Some(p) => Err(DataError::Row {
                file: p.file,
                line: p.line,
                message: p.message,
            }),
            None => Ok(set),
        }
    }

    fn load_embedded(lex: &Lexicon, problems: &mut Vec<TableError>) -> ReferenceSet {
        let mut set = ReferenceSet {
            rates: Rates::embedded(),
            countries: CountryTable::parse(COUNTRIES, POPULATION, GDP, problems),
            ..Default::default()
        };
        for (name, data) in EMBEDDED_FACTS {
            set.add_facts(name, data, lex, problems);
        }
        set.rebuild_index();
        set
    }

    /// Adds the facts of `DIR/facts/*.csv` (and `DIR/*.facts.csv`) for each directory.
    pub fn with_dirs(
        mut self,
        dirs: &[std::path::PathBuf],
        lex: &Lexicon,
    ) -> Result<ReferenceSet, DataError> {
        let mut problems = Vec::new();
        for d in dirs {
            if !d.is_dir() {
                return Err(DataError::Io {
                    path: d.display().to_string(),
                    message: "not a directory".into(),
                });
            }
            self.add_dir(d, lex, &mut problems);
        }
        if !problems.is_empty() {
            return Err(DataError::Tables(problems));
        }
        self.rebuild_index();
        Ok(self)
    }

    /// Adds the facts and rates of one reference directory; every problem of every file (one
    /// that cannot be read, a bad row) goes to `problems`, and the other files are still read.
    fn add_dir(&mut self, dir: &Path, lex: &Lexicon, problems: &mut Vec<TableError>) {
        let mut paths = match fact_paths(dir) {
            Ok(p) => p,
            Err(e) => {
                problems.push(problem(e, dir));
                Vec::new()
            }
        };
        let rates = dir.join("ecb_eurofxref_hist.csv");
        let has_rates = rates.is_file();
        if has_rates {
            paths.push(rates);
        }
        for (i, p) in paths.iter().enumerate() {
            let text = match read(p) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(problem(e, p));
                    continue;
                }
            };
            let name = p.display().to_string();
            if has_rates && i + 1 == paths.len() {
                self.rates = Rates::parsed(RateTable::parse(&name, &text, problems));
            } else {
                self.add_facts(&name, &text, lex, problems);
            }
        }
    }
    /// Is the fact's unit comparable with a claim unit (same dimension or both currencies)?
    pub(crate) fn comparable(
        lex: &Lexicon,
        fact_unit: Option<UnitId>,
        claim_unit: Option<UnitId>,
    ) -> bool {
        match (fact_unit, claim_unit) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                let (ua, ub) = (lex.unit(a), lex.unit(b));
                ua.kind == ub.kind
                    && (ua.kind == UnitKind::Currency || ua.dimension == ub.dimension)
            }
            _ => false,
        }
    }
}

fn read(p: &Path) -> Result<String, DataError> {
    let bytes = std::fs::read(p).map_err(|e| DataError::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        DataError::Row {
            file: p.display().to_string(),
            line: e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1,
            message: format!("invalid UTF-8 at byte offset {offset}"),
        }
    })
}

/// A data error as a problem located in its file (`at` when it names none).
fn problem(e: DataError, at: &Path) -> TableError {
    match e {
        DataError::Row {
            file,
            line,
            message,
        } => TableError::at(&file, line, 1, message),
        DataError::Io { path, message } => TableError::at(&path, 0, 0, message),
        other => TableError::at(&at.display().to_string(), 0, 0, other.to_string()),
    }
}

/// The fact tables of a reference directory (`facts/*.csv`), sorted.
fn fact_paths(dir: &Path) -> Result<Vec<std::path::PathBuf>, DataError> {
    let facts = dir.join("facts");
    let mut paths = Vec::new();
    if !facts.is_dir() {
        return Ok(paths);
    }
    let io = |e: std::io::Error| DataError::Io {
        path: facts.display().to_string(),
        message: e.to_string(),
    };
    for e in std::fs::read_dir(&facts).map_err(io)? {
        let p = e.map_err(io)?.path();
        if p.extension().is_some_and(|x| x == "csv") {
            paths.push(p);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Every problem in the shipped reference (normally none).
pub fn validate_embedded() -> Vec<TableError> {
    let lex = Lexicon::embedded();
    let mut problems = Vec::new();
    let _ = ReferenceSet::load_embedded(lex, &mut problems);
    let _ = RateTable::parse(ECB.0, ECB.1, &mut problems);
    problems
}

/// Every problem in a reference directory laid out like `reference/`.
pub fn validate_dir(dir: &Path) -> Vec<TableError> {
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(TableError::at(
            &dir.display().to_string(),
            0,
            0,
            "not a directory",
        ));
        return problems;
    }
    let lex = match Lexicon::with_extra_dir(dir) {
        Ok(l) => l,
        Err(e) => {
            let (file, line, message) = match e {
                DataError::Row {
                    file,
                    line,
                    message,
                } => (file, line, message),
                other => (dir.display().to_string(), 0, other.to_string()),
            };
            problems.push(TableError {
                file,
                line,
                column: 1,
                message,
            });
            return problems;
        }
    };
    // the shipped facts first, as `check` loads them: an id that repeats one is reported here
    // exactly as `check` would reject it
    let mut shipped = Vec::new();
    let mut set = ReferenceSet::load_embedded(&lex, &mut shipped);
    set.add_dir(dir, &lex, &mut problems);
    let p = dir.join("countries.csv");
    if p.is_file() {
        match read(&p) {
            Ok(text) => {
                let pop = read(&dir.join("country_population_by_year.csv"))
                    .unwrap_or_else(|_| "iso3,name,entity_type,year,population\n".into());
                let gdp = read(&dir.join("country_gdp_usd_by_year.csv"))
                    .unwrap_or_else(|_| "iso3,name,entity_type,year,gdp_current_usd\n".into());
                let _ = CountryTable::parse(
                    (&p.display().to_string(), &text),
                    ("country_population_by_year.csv", &pop),
                    ("country_gdp_usd_by_year.csv", &gdp),
                    &mut problems,
                );
            }
            Err(e) => problems.push(problem(e, &p)),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;
    use std::sync::OnceLock;

    use rust_decimal::Decimal;

    use super::*;
    use crate::document::Date;

    /// The shipped reference for the embedded lexicon, loaded once per process.
    fn embedded_default() -> &'static ReferenceSet {
        static SET: OnceLock<ReferenceSet> = OnceLock::new();
        SET.get_or_init(|| {
            ReferenceSet::embedded(Lexicon::embedded())
                .expect("the shipped reference is valid (checked by tests)")
        })
    }

    #[test]
    fn shipped_reference_is_valid() {
        assert_eq!(validate_embedded(), Vec::<TableError>::new());
        let r = embedded_default();
        assert!(r.facts.len() >= 8);
        assert!(r.countries.countries.len() > 200);
    }

    #[test]
    fn ecb_cross_rate_on_the_talks_date() {
        let r = embedded_default();
        let used = r
            .rates
            .cross("EUR", "USD", Date::parse("2021-10-20").unwrap())
            .unwrap();
        assert_eq!(used.rate, Decimal::from_str("1.1623").unwrap());
        // a Sunday falls back to Friday
        let sun = r
            .rates
            .cross("EUR", "USD", Date::parse("2021-10-24").unwrap())
            .unwrap();
        assert_eq!(sun.date, Date::parse("2021-10-22").unwrap());
        assert!(
            r.rates
                .cross("EUR", "USD", Date::parse("1990-01-01").unwrap())
                .is_err()
        );
        assert!(
            r.rates
                .cross("EUR", "AFN", Date::parse("2021-10-20").unwrap())
                .is_err()
        );
        let rub = r
            .rates
            .cross("EUR", "RUB", Date::parse("2023-01-10").unwrap());
        assert!(rub.is_err(), "{rub:?}");
    }

    #[test]
    fn bad_fact_rows_are_located() {
        let lex = Lexicon::embedded();
        let mut set = ReferenceSet::default();
        let mut problems = Vec::new();
        let csv = "id,entity,measure,value,low,high,unit,as_of,period,source,aliases,counted\n\
ok,X,y,5,,,km,2020,,a source,,\n\
ok,X,y,5,,,km,2020,,a source,,\n\
nosrc,X,y,5,,,km,2020,,,,\n\
badnum,X,y,5x,,,km,2020,,s,,\n\
badunit,X,y,5,,,furlongs per fortnight,2020,,s,,\n\
lohi,X,y,,9,3,km,2020,,s,,\n\
baddate,X,y,5,,,km,20-20,,s,,\n";
        set.add_facts("f.csv", csv, lex, &mut problems);
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 6, "{shown:#?}");
        assert!(
            shown[0].starts_with("f.csv:3:1: duplicate id 'ok'"),
            "{}",
            shown[0]
        );
        assert!(shown[1].starts_with("f.csv:4:") && shown[1].contains("no source"));
        assert!(
            shown[2].starts_with("f.csv:5:12: bad number '5x'"),
            "{}",
            shown[2]
        );
        assert!(shown[3].contains("unknown unit"));
        assert!(shown[4].contains("greater than"));
        assert!(shown[5].contains("bad date"));
        assert_eq!(set.facts.len(), 1);
    }
}
