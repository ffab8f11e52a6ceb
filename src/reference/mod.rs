//! Stage 4: the reference dataset. Facts (CSV, one row each, with a source), the ECB euro
//! reference-rate history, and the statistics (`crate::statistics`: country, aggregate and city
//! statistics by year, with their catalogue and gazetteer). Loaded once per process and
//! validated on load: a bad row is an error naming FILE:LINE:COLUMN. The format is documented
//! in `docs/reference-format.md`.

mod facts;
mod index;
mod rates;

use std::path::Path;

use rustc_hash::FxHashMap;

pub use facts::{Fact, StatisticRef};
pub(crate) use index::term_into;
pub use rates::{RateError, RateTable, RateUsed, Rates};

use crate::error::DataError;
use crate::lexicon::{Lexicon, UnitId, UnitKind};
use crate::statistics::Statistics;
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

/// The statistics a reference checks claims against.
#[derive(Debug, Default)]
enum StatisticsSource {
    /// None (`--no-default-reference`).
    #[default]
    None,
    /// The shipped statistics.
    Embedded,
    /// The shipped statistics with those of reference directories.
    Owned(Box<Statistics>),
}

/// The whole reference: facts with their index, exchange rates and the statistics.
#[derive(Debug, Default)]
pub struct ReferenceSet {
    /// Every fact of every table.
    pub facts: Vec<Fact>,
    /// Lower-case singular term -> facts that mention it in entity, measure or aliases.
    pub index: FxHashMap<String, Vec<u32>>,
    /// The ECB exchange-rate history.
    pub rates: Rates,
    statistics: StatisticsSource,
}

impl ReferenceSet {
    /// No facts, rates or statistics.
    pub fn empty(_lex: &Lexicon) -> ReferenceSet {
        ReferenceSet::default()
    }

    /// The statistics claims are linked to (`None` without the default reference).
    pub fn statistics(&self) -> Option<&Statistics> {
        match &self.statistics {
            StatisticsSource::None => None,
            StatisticsSource::Embedded => Some(Statistics::embedded()),
            StatisticsSource::Owned(s) => Some(s),
        }
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
            statistics: StatisticsSource::Embedded,
            ..Default::default()
        };
        for (name, data) in EMBEDDED_FACTS {
            set.add_facts(name, data, lex, problems);
        }
        set.rebuild_index();
        set
    }

    /// Adds the facts of `DIR/facts/*.csv`, an ECB history `DIR/ecb_eurofxref_hist.csv`, and
    /// the statistics of each directory (catalogue rows, tables, notes, cues and gazetteer
    /// files: see [`Statistics::with_dirs`]; only when the shipped statistics are loaded).
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
        let with_statistics: Vec<std::path::PathBuf> =
            dirs.iter().filter(|d| has_statistics(d)).cloned().collect();
        if matches!(self.statistics, StatisticsSource::Embedded) && !with_statistics.is_empty() {
            let stats = Statistics::with_dirs(&with_statistics).map_err(DataError::Tables)?;
            self.statistics = StatisticsSource::Owned(Box::new(stats));
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

/// Whether a directory has statistics files for [`Statistics::with_dirs`].
fn has_statistics(dir: &Path) -> bool {
    [
        "statistics.csv",
        "statistics-notes.csv",
        "statistics-cues.csv",
    ]
    .iter()
    .any(|f| dir.join(f).is_file())
        || ["statistics", "gazetteer"]
            .iter()
            .any(|d| dir.join(d).is_dir())
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
    // the statistics (most of the work) on one core, the rest on another
    let (mut problems, statistics) = rayon::join(
        || {
            let lex = Lexicon::embedded();
            let mut problems = Vec::new();
            let _ = ReferenceSet::load_embedded(lex, &mut problems);
            let _ = RateTable::parse(ECB.0, ECB.1, &mut problems);
            problems
        },
        crate::statistics::validate_embedded,
    );
    problems.extend(statistics);
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
    if has_statistics(dir) {
        problems.extend(crate::statistics::validate_dir(dir));
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
        assert!(
            r.statistics()
                .is_some_and(|s| s.catalogue().get("population").is_some())
        );
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
badunit,X,y,5,,,zorkmids per fortnight,2020,,s,,\n\
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
