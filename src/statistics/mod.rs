//! Country, aggregate and city statistics news quotes (World Bank WDI, Global Carbon Budget,
//! UN World Urbanization Prospects, GeoNames), the catalogue that says what each measure is and
//! how news phrases it, and the gazetteer of the places they are about.
//!
//! Everything is embedded in the binary (the tables zstd-compressed by `build.rs`) and read on
//! first use: the catalogue when [`Statistics`] is made, the countries and aggregates of the
//! gazetteer when first asked for, each table when a value of it is first asked for, the
//! 36,000 cities only when city names are looked for. The library never prints: every answer is
//! data. Formats: `docs/reference-format.md`; sources and credits: `reference/README.md`.
//!
//! ```
//! use numcheck::statistics::{Statistics, YearPolicy};
//! let stats = Statistics::embedded();
//! let japan = stats.gazetteer().resolve("Japan");
//! let v = stats
//!     .value_near("life_expectancy", &japan[0].id, 2020, YearPolicy::Exact)
//!     .unwrap();
//! assert_eq!(v.year, Some(2020));
//! assert!(v.value > 84.into() && v.value < 85.into());
//! ```

mod catalogue;
mod cues;
mod files;
mod gazetteer;
mod lookup;
mod matcher;
mod rates;
mod table;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

pub use catalogue::{Catalogue, Kind, Measure, MeasureMatch, Places, Tolerance, Unit};
pub use cues::{Cue, CueKind, CueMatch, Cues};
pub use files::Files;
pub use gazetteer::{
    Aggregate, City, CityKind, Country, EntityKind, EntityRef, Form, Gazetteer, Mention,
};
pub use lookup::{Lookup, LookupFact};
pub use rates::{AnnualRate, CurrencyHistory, CurrencyPeriod};
pub use table::{Columns, Table};

use crate::table::TableError as Problem;
use files::{for_rows, problem, year_field};

/// The earliest year a table may have (the carbon series start in 1750).
pub const MIN_YEAR: i32 = 1700;
/// The latest year a table may have (projections included).
pub const MAX_YEAR: i32 = 2100;

/// A figure from a table, with everything a verdict needs to say about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Value {
    /// The measure's id.
    pub measure: String,
    /// The entity's id.
    pub entity: String,
    /// The figure in the measure's unit (the published value times the measure's scale).
    pub value: Decimal,
    /// The figure as published (in thousands for the UN city table).
    pub published: Decimal,
    /// The year it is for (`None` for an undated figure such as a GeoNames city population).
    pub year: Option<i32>,
    /// The measure's unit.
    pub unit: Unit,
    /// The measure's kind.
    pub kind: Kind,
    /// The credit to give.
    pub source: String,
    /// The measure's definition note.
    pub definition: String,
    /// A note on this measure for this entity (`statistics-notes.csv`), e.g. that the World
    /// Bank's UK inflation is CPIH.
    pub note: Option<String>,
    /// The figure is a projection (UN city figures from 2020): never enough on its own to call a
    /// claim wrong.
    pub projection: bool,
    /// How far a claim may be from it and still agree (the entity's note's tolerance if it has
    /// one, else the measure's).
    pub tolerance: Tolerance,
}

/// Which year's figure to take when the asked-for year has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearPolicy {
    /// Only the year asked for.
    Exact,
    /// The closest year with a figure, at most this many years away (on a tie, the earlier).
    Nearest(u32),
    /// The latest year at or before the one asked for, at most this many years earlier.
    AtOrBefore(u32),
    /// The latest year with a figure, whatever year was asked for.
    Latest,
}

/// A note on one measure for one entity and a span of years.
#[derive(Debug, Clone)]
pub struct Note {
    /// The measure's id.
    pub measure: String,
    /// The entity's id.
    pub entity: String,
    /// First year covered (`None`: from the start).
    pub from_year: Option<i32>,
    /// Last year covered (`None`: to date).
    pub to_year: Option<i32>,
    /// The tolerance the difference calls for (`None`: the measure's).
    pub tolerance: Option<Tolerance>,
    /// The note.
    pub note: String,
    /// FILE, LINE, and the COLUMNs of its `measure` and `id` fields.
    origin: (String, u64, usize, usize),
}

/// The statistics: catalogue, gazetteer, tables, notes and currency history.
#[derive(Debug)]
pub struct Statistics {
    files: Arc<Files>,
    catalogue: Catalogue,
    notes: Vec<Note>,
    /// Table file -> the table, loaded on first use (`None` if it cannot be read).
    tables: FxHashMap<String, OnceLock<Option<Table>>>,
    gazetteer: OnceLock<Gazetteer>,
    cues: OnceLock<Cues>,
    currencies: OnceLock<CurrencyHistory>,
    /// Problems found while reading the catalogue and notes.
    load_problems: Vec<Problem>,
}

impl Statistics {
    /// The shipped statistics, made once per process.
    pub fn embedded() -> &'static Statistics {
        static STATS: OnceLock<Statistics> = OnceLock::new();
        STATS.get_or_init(|| Statistics::from_files(Files::embedded()))
    }

    /// Statistics over the given files (the catalogue and notes are read now; problems are kept
    /// for [`Statistics::validate`]).
    pub fn from_files(files: Files) -> Statistics {
        let mut problems = Vec::new();
        let catalogue = Catalogue::load(&files, &mut problems);
        let notes = load_notes(&files, &mut problems);
        let tables = catalogue
            .measures()
            .iter()
            .map(|m| (m.table.clone(), OnceLock::new()))
            .collect();
        Statistics {
            files: Arc::new(files),
            catalogue,
            notes,
            tables,
            gazetteer: OnceLock::new(),
            cues: OnceLock::new(),
            currencies: OnceLock::new(),
            load_problems: problems,
        }
    }

    /// The shipped statistics plus those of reference directories (see [`Files::add_dir`]),
    /// checked in full: every problem of the result, or the statistics.
    pub fn with_dirs(dirs: &[PathBuf]) -> Result<Statistics, Vec<Problem>> {
        let mut files = Files::embedded();
        for d in dirs {
            files.add_dir(d).map_err(|p| vec![p])?;
        }
        let stats = Statistics::from_files(files);
        let problems = stats.validate();
        if problems.is_empty() {
            Ok(stats)
        } else {
            Err(problems)
        }
    }

    /// The catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The gazetteer (read on first use).
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
            .get_or_init(|| Gazetteer::load(self.files.clone(), &mut Vec::new()))
    }

    /// The linking cues (read on first use).
    pub fn cues(&self) -> &Cues {
        self.cues
            .get_or_init(|| Cues::load(&self.files, &mut Vec::new()))
    }

    /// The notes on single measures and entities.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The table of a measure (read on first use); `None` for an unknown measure or a table that
    /// cannot be read (which [`Statistics::validate`] reports).
    pub fn table(&self, measure: &str) -> Option<&Table> {
        let m = self.catalogue.get(measure)?;
        let cell = self.tables.get(&m.table)?;
        cell.get_or_init(|| {
            let rel = format!("statistics/{}", m.table);
            let text = self.files.text(&rel).ok()?;
            Table::load(&self.files.display(&rel), text).ok()
        })
        .as_ref()
    }

    /// The figure of `measure` for `entity` in exactly `year` (any figure of an undated table).
    pub fn value(&self, measure: &str, entity: &str, year: i32) -> Option<Value> {
        self.value_near(measure, entity, year, YearPolicy::Exact)
    }

    /// The figure of `measure` for `entity` for `year`, or another year as `policy` allows.
    pub fn value_near(
        &self,
        measure: &str,
        entity: &str,
        year: i32,
        policy: YearPolicy,
    ) -> Option<Value> {
        let table = self.table(measure)?;
        if table.columns == Columns::Undated || policy == YearPolicy::Exact {
            let v = table.get(entity, year)?;
            let y = (table.columns != Columns::Undated).then_some(year);
            return Some(self.make_value(measure, entity, y, v));
        }
        let (y, v) = match policy {
            YearPolicy::Latest => table.latest(entity)?,
            YearPolicy::Nearest(d) => table.nearest(entity, year, |y| y.abs_diff(year) <= d)?,
            YearPolicy::AtOrBefore(d) => {
                table.nearest(entity, year, |y| y <= year && y.abs_diff(year) <= d)?
            }
            YearPolicy::Exact => unreachable!("handled above"),
        };
        Some(self.make_value(measure, entity, Some(y), v))
    }

    /// Every figure of `measure` for `entity`, oldest first.
    pub fn series(&self, measure: &str, entity: &str) -> Vec<Value> {
        let Some(table) = self.table(measure) else {
            return Vec::new();
        };
        table
            .series(entity)
            .into_iter()
            .map(|(y, v)| self.make_value(measure, entity, y, v))
            .collect()
    }

    fn make_value(&self, measure: &str, entity: &str, year: Option<i32>, v: Decimal) -> Value {
        let m = self
            .catalogue
            .get(measure)
            .expect("a table is only found for a catalogue measure");
        let note = self.note_for(measure, entity, year);
        Value {
            measure: measure.to_string(),
            entity: entity.to_string(),
            value: (v * m.scale).normalize(),
            published: v,
            year,
            unit: m.unit,
            kind: m.kind,
            source: m.source.clone(),
            definition: m.definition.clone(),
            note: note.map(|n| n.note.clone()),
            projection: m.is_projection(year),
            tolerance: note.and_then(|n| n.tolerance).unwrap_or(m.tolerance),
        }
    }

    /// The note on `measure` for `entity` that covers `year` (an undated figure: any note).
    pub fn note_for(&self, measure: &str, entity: &str, year: Option<i32>) -> Option<&Note> {
        self.notes.iter().find(|n| {
            n.measure == measure
                && n.entity == entity
                && year.is_none_or(|y| {
                    n.from_year.is_none_or(|f| y >= f) && n.to_year.is_none_or(|t| y <= t)
                })
        })
    }

    /// The currency history (read on first use).
    pub fn currency_history(&self) -> &CurrencyHistory {
        self.currencies
            .get_or_init(|| CurrencyHistory::load(&self.files, &mut Vec::new()))
    }

    /// The currency (ISO 4217) a country's figures in local currency are in for `year`, with the
    /// units of it per unit of the figure (1 unless an old currency is asked for).
    pub fn currency_of(&self, iso3: &str, year: i32) -> Option<(String, Decimal)> {
        self.currency_history()
            .currency_of(self.gazetteer(), iso3, year)
    }

    /// The World Bank's annual average rate of `currency` (ISO 4217) per US dollar in `year`:
    /// for the euro the euro area's, for an old currency (Turkish lira before 2005) the new one's
    /// rate times the redenomination; `None` if no series has it.
    pub fn annual_rate(&self, currency: &str, year: i32) -> Option<AnnualRate> {
        let history = self.currency_history();
        let gaz = self.gazetteer();
        for (entity, units, note) in history.candidates(gaz, currency, year) {
            let Some(v) = self.value(rates::EXCHANGE_RATE_MEASURE, &entity, year) else {
                continue;
            };
            let name = gaz.name_of(&entity).unwrap_or(&entity);
            let mut text =
                format!("World Bank official exchange rate, annual average, {name} {year}");
            if !note.is_empty() {
                text.push_str("; ");
                text.push_str(&note);
            }
            return Some(AnnualRate {
                currency: currency.to_string(),
                per_usd: v.value * units,
                year,
                entity,
                note: text,
            });
        }
        None
    }

    /// Facts matching a free-text query ("Japan life expectancy 2020"); see [`Lookup`].
    pub fn lookup(&self, query: &str) -> Lookup {
        lookup::lookup(self, query)
    }

    /// Every problem of every file: catalogue, notes, cues, gazetteer, currency history and each
    /// table (header, rows, numbers, ids unknown to the gazetteer), tables the catalogue names
    /// but that do not exist, and tables no measure uses. Reads everything.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = self.load_problems.clone();
        let gaz = Gazetteer::validate(self.files.clone(), &mut problems);
        let _ = CurrencyHistory::load(&self.files, &mut problems);
        let catalogue = &self.catalogue;
        Cues::load(&self.files, &mut problems)
            .check_measures(&|m| catalogue.get(m).is_some(), &mut problems);
        let known = |id: &str| gaz.knows(id);
        // each table once, in catalogue order; the tables are checked on every core (their
        // numbers are most of the work) and their problems kept in that order
        let mut used: FxHashSet<String> = FxHashSet::default();
        let mut work: Vec<Result<String, Problem>> = Vec::new();
        for m in self.catalogue.measures() {
            let rel = format!("statistics/{}", m.table);
            if !used.insert(rel.clone()) {
                continue;
            }
            if !self.files.contains(&rel) {
                let (f, l, c) = &m.table_at;
                let msg = format!(
                    "unknown table file '{}': no statistics/{}",
                    m.table, m.table
                );
                work.push(Err(problem(f, *l, *c, msg)));
                continue;
            }
            work.push(Ok(rel));
        }
        let checked: Vec<Vec<Problem>> = work
            .into_par_iter()
            .map(|w| match w {
                Err(p) => vec![p],
                Ok(rel) => match self.files.text(&rel) {
                    Ok(text) => {
                        let mut found = Vec::new();
                        Table::validate(&self.files.display(&rel), &text, &known, &mut found);
                        found
                    }
                    Err(p) => vec![p],
                },
            })
            .collect();
        problems.extend(checked.into_iter().flatten());
        for rel in self.files.matching("statistics/") {
            if !used.contains(&rel) {
                problems.push(problem(
                    &self.files.display(&rel),
                    1,
                    1,
                    "table not in the catalogue: add a row to statistics.csv",
                ));
            }
        }
        for n in &self.notes {
            let (file, line, measure_col, id_col) = &n.origin;
            if self.catalogue.get(&n.measure).is_none() {
                let msg = format!("unknown measure '{}'", n.measure);
                problems.push(problem(file, *line, *measure_col, msg));
            }
            if !known(&n.entity) {
                let msg = format!("unknown id '{}'", n.entity);
                problems.push(problem(file, *line, *id_col, msg));
            }
        }
        problems
    }
}

/// The shipped catalogue.
pub fn catalogue() -> &'static Catalogue {
    Statistics::embedded().catalogue()
}

/// Facts of the shipped statistics matching a free-text query.
pub fn lookup(query: &str) -> Lookup {
    Statistics::embedded().lookup(query)
}

/// Every problem in the shipped statistics (normally none).
pub fn validate_embedded() -> Vec<Problem> {
    Statistics::from_files(Files::embedded()).validate()
}

/// Every problem in the statistics of a reference directory, checked together with the shipped
/// ones (its catalogue rows may use shipped tables, its tables shipped gazetteer ids).
pub fn validate_dir(dir: &Path) -> Vec<Problem> {
    let mut files = Files::embedded();
    if let Err(p) = files.add_dir(dir) {
        return vec![p];
    }
    let shown = dir.display().to_string();
    Statistics::from_files(files)
        .validate()
        .into_iter()
        .filter(|p| p.file.starts_with(&shown))
        .collect()
}

fn load_notes(files: &Files, problems: &mut Vec<Problem>) -> Vec<Note> {
    let mut notes = Vec::new();
    for rel in files.matching("statistics-notes.csv") {
        let file = files.display(&rel);
        let text = match files.text(&rel) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        for_rows(&file, &text, problems, |row, problems| {
            let before = problems.len();
            let from_year = year_field(row, "from_year", &file, problems);
            let to_year = year_field(row, "to_year", &file, problems);
            let tolerance = match row.get("tolerance") {
                "" => None,
                t => {
                    let parsed = Tolerance::parse(t);
                    if parsed.is_none() {
                        problems.push(problem(
                            &file,
                            row.line,
                            row.column("tolerance"),
                            format!("bad tolerance '{t}'"),
                        ));
                    }
                    parsed
                }
            };
            if row.get("note").is_empty() {
                problems.push(problem(&file, row.line, row.column("note"), "no note"));
            }
            if let (Some(f), Some(t)) = (from_year, to_year)
                && f > t
            {
                let col = row.column("from_year");
                problems.push(problem(&file, row.line, col, "from_year after to_year"));
            }
            if problems.len() > before {
                return;
            }
            notes.push(Note {
                measure: row.get("measure").to_string(),
                entity: row.get("id").to_string(),
                from_year,
                to_year,
                tolerance,
                note: row.get("note").to_string(),
                origin: (
                    file.clone(),
                    row.line,
                    row.column("measure"),
                    row.column("id"),
                ),
            });
        });
    }
    notes
}
