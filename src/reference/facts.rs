//! Fact tables: one fact a row, each with its source. Columns: `id`, `entity`, `measure`,
//! `value` (or `low` and `high`), `unit` (a unit, a currency, `count` or `count:NOUN`),
//! `counted`, `as_of`, `period`, `source`, `tolerance` (how much sources of the figure differ:
//! `2%`, `0.3pp` or an amount; empty for an exact figure), `aliases`, `keywords` (format in
//! `docs/reference-format.md`).

use std::str::FromStr;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::ReferenceSet;
use crate::document::Date;
use crate::lexicon::{Lexicon, UnitId};
use crate::statistics::Tolerance;
use crate::table::{self, Row, TableError};

/// The years a fact may be dated in: a figure of a newsroom's reference is modern, and a year
/// outside these (20201, -44) is a typing slip, not a date.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2200;
/// A fact an article may state.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Unique over all tables.
    pub id: String,
    /// What it is about ("Soviet war in Afghanistan").
    pub entity: String,
    /// What it measures ("troops deployed").
    pub measure: String,
    /// The value, or the low end of a range of estimates.
    pub low: Decimal,
    /// The high end (equal to `low` for a single value).
    pub high: Decimal,
    /// The value as the file writes it ("14453", "560000..2000000").
    pub value_text: String,
    /// The unit; none for counts.
    pub unit: Option<UnitId>,
    /// The unit as the file writes it.
    pub unit_text: String,
    /// What is counted, singular ("troop"), for counts.
    pub counted: Option<String>,
    /// When the value was true.
    pub as_of: Option<Date>,
    /// The period it covers.
    pub period: Option<(Date, Date)>,
    /// Where it comes from.
    pub source: String,
    /// How far a figure may be from it and still agree, because sources of it differ by that
    /// much (`None`: the figure is exact, a count or a definition).
    pub tolerance: Option<Tolerance>,
    /// Words and phrases articles use for it (lower case).
    pub aliases: Vec<String>,
    /// Other words that often stand near the figure ("killed", "pledged"), lower case.
    pub keywords: Vec<String>,
    /// FILE:LINE where it was defined (or the statistics table it comes from).
    pub origin: String,
    /// Which statistic it is, for a fact made from the statistics tables.
    pub statistic: Option<StatisticRef>,
    /// Index terms of entity, measure, aliases and keywords (lower-case, singular), filled by
    /// [`ReferenceSet::rebuild_index`].
    pub(crate) terms: Vec<String>,
    /// Terms of the capitalised words of `entity` ("Soviet", "Afghanistan").
    pub(crate) entity_terms: Vec<String>,
    /// The entity is a proper name ("European Union", "Eiffel Tower"), not a description
    /// ("Soviet war in Afghanistan"): all its words must be present to name it.
    pub(crate) entity_is_name: bool,
    /// The terms of each alias: an alias names the entity when all its terms are present.
    pub(crate) alias_terms: Vec<Vec<String>>,
}

/// The statistic a fact made from the statistics tables is: the measure, the table, the place
/// and the year, with what a verdict needs to say about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatisticRef {
    /// The catalogue's id of the measure (`life_expectancy`).
    pub measure: String,
    /// The table's file stem (`life_expectancy_years`).
    pub table: String,
    /// The place's id in the table: ISO3, an aggregate id or a city id.
    pub code: String,
    /// The year of the figure (`None` for an undated figure).
    pub year: Option<i32>,
    /// Where the year came from: `sentence` (the year the sentence names, or the nearest
    /// figure to it), `article` (the article's year) or `latest_complete` (a flow over a year:
    /// the year before the article's).
    pub year_from: &'static str,
    /// How far a claim may be from the figure and still agree (sources differ by that much).
    pub tolerance: Tolerance,
    /// The figure is a projection: never enough on its own to call a claim wrong.
    pub projection: bool,
    /// What the source measures, where news often means something else.
    pub definition: String,
    /// A note on this measure for this place ("the World Bank's UK inflation follows CPIH").
    pub note: Option<String>,
}

impl Fact {
    /// The year the fact is about: its as-of date or the end of its period.
    pub fn year(&self) -> Option<i32> {
        self.as_of.map(|d| d.year).or(self.period.map(|p| p.1.year))
    }
}

/// Columns every fact table needs.
const REQUIRED: [&str; 6] = ["id", "entity", "measure", "value", "unit", "source"];

impl ReferenceSet {
    /// Parses a fact table, appending its facts and any problems.
    pub fn add_facts(
        &mut self,
        file: &str,
        data: &str,
        lex: &Lexicon,
        problems: &mut Vec<TableError>,
    ) {
        let body = data.strip_prefix('\u{feff}').unwrap_or(data);
        let (header_line, header) = body
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .map(|(i, l)| {
                (
                    i as u64 + 1,
                    l.split(',').map(|h| h.trim().to_string()).collect(),
                )
            })
            .unwrap_or((1, Vec::new()));
        let missing: Vec<TableError> = REQUIRED
            .iter()
            .filter(|required| !header.iter().any(|h| h == *required))
            .map(|required| {
                TableError::at(file, header_line, 1, format!("missing column '{required}'"))
            })
            .collect();
        if !missing.is_empty() {
            problems.extend(missing);
            return;
        }
        let mut rows = FactRows {
            file,
            lex,
            seen: self.facts.iter().map(|f| (f.id.clone(), 0)).collect(),
        };
        table::for_rows(file, data, problems, |row, problems| {
            if let Some(f) = rows.fact(row, problems) {
                self.facts.push(f);
            }
        });
    }
}

/// Reads the rows of one fact table.
struct FactRows<'a> {
    file: &'a str,
    lex: &'a Lexicon,
    /// Ids already defined, with their line (0 for facts of earlier tables).
    seen: FxHashMap<String, u64>,
}

impl FactRows<'_> {
    fn at(&self, row: &Row, name: &str, message: String) -> TableError {
        TableError::at(self.file, row.line, row.column(name), message)
    }

    /// The fact of a row, or the problems that keep it out.
    fn fact(&mut self, row: &Row, problems: &mut Vec<TableError>) -> Option<Fact> {
        let id = row.get("id").trim().to_string();
        if id.is_empty() {
            problems.push(self.at(row, "id", "missing id".into()));
            return None;
        }
        if let Some(prev) = self.seen.get(&id) {
            let message = if *prev > 0 {
                format!("duplicate id '{id}' (first at line {prev})")
            } else {
                format!("duplicate id '{id}' (already defined)")
            };
            problems.push(self.at(row, "id", message));
            return None;
        }
        self.seen.insert(id.clone(), row.line);
        let source = row.get("source").trim().to_string();
        let sourced = !source.is_empty();
        if !sourced {
            let message = format!("fact '{id}' has no source: every fact needs one");
            problems.push(self.at(row, "source", message));
        }
        // every field is checked, so a row's problems are all reported at once
        let values = self.values(row, &id, problems);
        let unit = self.unit(row, problems);
        let as_of = self.as_of(row, problems);
        let period = self.period(row, problems);
        let tolerance = self.tolerance(row, problems);
        let ((low, high, value_text), (unit, unit_text, counted), as_of, period, tolerance) =
            (values?, unit?, as_of?, period?, tolerance?);
        if !sourced {
            return None;
        }
        let list = |col: &str| -> Vec<String> {
            row.get(col)
                .split('|')
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty())
                .collect()
        };
        Some(Fact {
            id,
            entity: row.get("entity").trim().to_string(),
            measure: row.get("measure").trim().to_string(),
            low,
            high,
            value_text,
            unit,
            unit_text,
            counted: (!counted.is_empty()).then(|| self.lex.language().singular(&counted)),
            as_of,
            period,
            source,
            tolerance,
            aliases: list("aliases"),
            keywords: list("keywords"),
            origin: format!("{}:{}", self.file, row.line),
            statistic: None,
            terms: Vec::new(),
            entity_terms: Vec::new(),
            entity_is_name: false,
            alias_terms: Vec::new(),
        })
    }

    /// The value (or low and high) and how the table writes it.
    fn values(
        &self,
        row: &Row,
        id: &str,
        problems: &mut Vec<TableError>,
    ) -> Option<(Decimal, Decimal, String)> {
        let value_text = row.get("value").trim().to_string();
        let (lo_s, hi_s) = (row.get("low").trim(), row.get("high").trim());
        let parse = |s: &str, name: &str, problems: &mut Vec<TableError>| -> Option<Decimal> {
            let clean: String = s.chars().filter(|c| *c != '_' && *c != ' ').collect();
            match Decimal::from_str(&clean).or_else(|_| Decimal::from_scientific(&clean)) {
                Ok(v) => Some(v),
                Err(_) => {
                    problems.push(self.at(row, name, format!("bad number '{s}'")));
                    None
                }
            }
        };
        if !value_text.is_empty() {
            if !lo_s.is_empty() || !hi_s.is_empty() {
                let message = "give a value or low/high, not both".into();
                problems.push(self.at(row, "value", message));
                return None;
            }
            let v = parse(&value_text, "value", problems)?;
            Some((v, v, value_text))
        } else if !lo_s.is_empty() && !hi_s.is_empty() {
            // both ends are read, so that both are reported when both are bad
            let (l, h) = (parse(lo_s, "low", problems), parse(hi_s, "high", problems));
            let (l, h) = (l?, h?);
            if l > h {
                let message = format!("low {l} is greater than high {h}");
                problems.push(self.at(row, "low", message));
                return None;
            }
            Some((l, h, format!("{lo_s}..{hi_s}")))
        } else {
            let message = format!("fact '{id}' has no value (or low and high)");
            problems.push(self.at(row, "value", message));
            None
        }
    }

    /// The unit (none for counts), the unit as written, and what is counted.
    fn unit(
        &self,
        row: &Row,
        problems: &mut Vec<TableError>,
    ) -> Option<(Option<UnitId>, String, String)> {
        let unit_text = row.get("unit").trim().to_string();
        let mut counted = row.get("counted").trim().to_string();
        let unit = if unit_text.is_empty() || unit_text == "count" {
            None
        } else if let Some(noun) = unit_text.strip_prefix("count:") {
            counted = noun.trim().to_string();
            None
        } else {
            match self.lex.resolve_unit(&unit_text) {
                Some(u) => Some(u),
                None => {
                    let message = format!("unknown unit or currency '{unit_text}'");
                    problems.push(self.at(row, "unit", message));
                    return None;
                }
            }
        };
        Some((unit, unit_text, counted))
    }

    /// When the fact was true: `YYYY-MM-DD` or a year. `Some(None)` when not given.
    fn as_of(&self, row: &Row, problems: &mut Vec<TableError>) -> Option<Option<Date>> {
        let s = row.get("as_of").trim();
        if s.is_empty() {
            return Some(None);
        }
        let date = Date::parse(s).or_else(|| s.parse::<i32>().ok().map(Date::from_year));
        match date {
            Some(d) if YEARS.contains(&d.year) => Some(Some(d)),
            Some(d) => {
                let message = format!(
                    "year {} of '{s}' is out of range ({} to {})",
                    d.year,
                    YEARS.start(),
                    YEARS.end()
                );
                problems.push(self.at(row, "as_of", message));
                None
            }
            None => {
                let message = format!("bad date '{s}' (use YYYY-MM-DD or YYYY)");
                problems.push(self.at(row, "as_of", message));
                None
            }
        }
    }

    /// How exact the fact is: `2%`, `0.3pp` or an amount in its unit. `Some(None)` when not
    /// given.
    fn tolerance(&self, row: &Row, problems: &mut Vec<TableError>) -> Option<Option<Tolerance>> {
        let s = row.get("tolerance").trim();
        if s.is_empty() {
            return Some(None);
        }
        match Tolerance::parse(s) {
            Some(t) => Some(Some(t)),
            None => {
                let message = format!("bad tolerance '{s}' (use 2%, 0.3pp or an amount)");
                problems.push(self.at(row, "tolerance", message));
                None
            }
        }
    }

    /// The period the fact covers, `START..END` (dates or years). `Some(None)` when not given.
    fn period(&self, row: &Row, problems: &mut Vec<TableError>) -> Option<Option<(Date, Date)>> {
        let s = row.get("period").trim();
        if s.is_empty() {
            return Some(None);
        }
        let parts: Vec<&str> = s.split("..").collect();
        let pd =
            |s: &str| Date::parse(s).or_else(|| s.trim().parse::<i32>().ok().map(Date::from_year));
        match (
            parts.first().and_then(|s| pd(s)),
            parts.get(1).and_then(|s| pd(s)),
        ) {
            (Some(a), Some(b))
                if a <= b
                    && parts.len() == 2
                    && YEARS.contains(&a.year)
                    && YEARS.contains(&b.year) =>
            {
                Some(Some((a, b)))
            }
            _ => {
                let message = format!(
                    "bad period '{s}' (use START..END, dates or years from {} to {})",
                    YEARS.start(),
                    YEARS.end()
                );
                problems.push(self.at(row, "period", message));
                None
            }
        }
    }
}
