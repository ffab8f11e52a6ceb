//! Stage 4: the reference dataset. Facts (CSV, one row each, with a source), the ECB euro
//! reference-rate history, and country statistics (population and GDP by year, area). Loaded
//! once per process and validated on load: a bad row is an error naming FILE:LINE:COLUMN.
//! The format is documented in `docs/reference-format.md`.

use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::document::Date;
use crate::error::DataError;
use crate::lexicon::{Lexicon, UnitId, UnitKind};

/// The shipped fact tables, as (name, contents).
pub const EMBEDDED_FACTS: &[(&str, &str)] = &[
    (
        "reference/facts/moscow-talks.csv",
        include_str!("../reference/facts/moscow-talks.csv"),
    ),
    (
        "reference/facts/europe-briefing.csv",
        include_str!("../reference/facts/europe-briefing.csv"),
    ),
];
const ECB: (&str, &str) = (
    "reference/ecb_eurofxref_hist.csv",
    include_str!("../reference/ecb_eurofxref_hist.csv"),
);
const COUNTRIES: (&str, &str) = (
    "reference/countries.csv",
    include_str!("../reference/countries.csv"),
);
const POPULATION: (&str, &str) = (
    "reference/country_population_by_year.csv",
    include_str!("../reference/country_population_by_year.csv"),
);
const GDP: (&str, &str) = (
    "reference/country_gdp_usd_by_year.csv",
    include_str!("../reference/country_gdp_usd_by_year.csv"),
);

/// One problem in a reference file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// A fact an article may state.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub entity: String,
    pub measure: String,
    /// The value, or the low end of a range of estimates.
    pub low: Decimal,
    /// The high end (equal to `low` for a single value).
    pub high: Decimal,
    /// The value as the file writes it ("14453", "560000..2000000").
    pub value_text: String,
    pub unit: Option<UnitId>,
    /// The unit as the file writes it.
    pub unit_text: String,
    /// What is counted, singular ("troop"), for counts.
    pub counted: Option<String>,
    pub as_of: Option<Date>,
    pub period: Option<(Date, Date)>,
    pub source: String,
    /// Words and phrases articles use for it (lower case).
    pub aliases: Vec<String>,
    /// Other words that often stand near the figure ("killed", "pledged"), lower case.
    pub keywords: Vec<String>,
    /// FILE:LINE where it was defined (or the statistics table it comes from).
    pub origin: String,
    /// Index terms of entity, measure, aliases and keywords (lower-case, singular), filled by
    /// [`ReferenceSet::rebuild_index`].
    pub terms: Vec<String>,
    /// Terms of the capitalised words of `entity` ("Soviet", "Afghanistan").
    pub entity_terms: Vec<String>,
    /// The entity is a proper name ("European Union", "Eiffel Tower"), not a description
    /// ("Soviet war in Afghanistan"): all its words must be present to name it.
    pub entity_is_name: bool,
    /// The terms of each alias: an alias names the entity when all its terms are present.
    pub alias_terms: Vec<Vec<String>>,
}

impl Fact {
    /// The year the fact is about: its as-of date or the end of its period.
    pub fn year(&self) -> Option<i32> {
        self.as_of.map(|d| d.year).or(self.period.map(|p| p.1.year))
    }
}

/// ECB euro reference rates: units of each currency per 1 EUR, by business day.
#[derive(Debug, Default)]
pub struct RateTable {
    /// Currency codes, in column order.
    pub currencies: Vec<String>,
    /// (date, rates per column), oldest first.
    pub days: Vec<(Date, Vec<Option<Decimal>>)>,
}

/// A cross rate used for a conversion, for reports.
#[derive(Debug, Clone)]
pub struct RateUsed {
    /// Units of `to` per one unit of `from`.
    pub rate: Decimal,
    /// The ECB business day the rate is from.
    pub date: Date,
    pub from: String,
    pub to: String,
}

impl RateTable {
    /// Parses the ECB's wide CSV (`Date,USD,JPY,…,` with `N/A` cells).
    pub fn parse(file: &str, data: &str, problems: &mut Vec<Problem>) -> RateTable {
        let mut t = RateTable::default();
        let mut lines = data.lines();
        let Some(header) = lines.next() else {
            problems.push(Problem {
                file: file.into(),
                line: 1,
                column: 1,
                message: "empty rate table".into(),
            });
            return t;
        };
        let cols: Vec<&str> = header.trim_end().trim_end_matches(',').split(',').collect();
        if cols.first().map(|c| c.trim()) != Some("Date") {
            problems.push(Problem {
                file: file.into(),
                line: 1,
                column: 1,
                message: "the first column must be 'Date'".into(),
            });
            return t;
        }
        t.currencies = cols[1..].iter().map(|c| c.trim().to_string()).collect();
        for (n, line) in lines.enumerate() {
            let line_no = n as u64 + 2;
            let line = line.trim_end().trim_end_matches(',');
            if line.is_empty() {
                continue;
            }
            let mut cells = line.split(',');
            let date_s = cells.next().unwrap_or("");
            let Some(date) = Date::parse(date_s) else {
                problems.push(Problem {
                    file: file.into(),
                    line: line_no,
                    column: 1,
                    message: format!("bad date '{date_s}'"),
                });
                continue;
            };
            let mut rates = Vec::with_capacity(t.currencies.len());
            let mut col = date_s.len() + 2;
            for (k, cell) in cells.enumerate() {
                let cell = cell.trim();
                if k >= t.currencies.len() {
                    problems.push(Problem {
                        file: file.into(),
                        line: line_no,
                        column: col,
                        message: "more cells than currencies in the header".into(),
                    });
                    break;
                }
                if cell == "N/A" || cell.is_empty() {
                    rates.push(None);
                } else {
                    match Decimal::from_str(cell) {
                        Ok(r) if r > Decimal::ZERO => rates.push(Some(r)),
                        _ => {
                            problems.push(Problem {
                                file: file.into(),
                                line: line_no,
                                column: col,
                                message: format!("bad rate '{cell}' for {}", t.currencies[k]),
                            });
                            rates.push(None);
                        }
                    }
                }
                col += cell.len() + 1;
            }
            rates.resize(t.currencies.len(), None);
            t.days.push((date, rates));
        }
        t.days.sort_by_key(|d| d.0);
        t
    }

    /// Units of `code` per EUR on the last business day at or before `date` (within 10 days).
    pub fn per_eur(&self, code: &str, date: Date) -> Result<(Decimal, Date), String> {
        if code == "EUR" {
            return Ok((Decimal::ONE, date));
        }
        let Some(col) = self.currencies.iter().position(|c| c == code) else {
            return Err(format!("the ECB publishes no reference rate for {code}"));
        };
        let i = self.days.partition_point(|d| d.0 <= date);
        if i == 0 {
            return Err(format!(
                "{date} is before the ECB rate history ({} onwards)",
                self.days
                    .first()
                    .map(|d| d.0.to_string())
                    .unwrap_or_default()
            ));
        }
        for k in (0..i).rev() {
            let (d, rates) = &self.days[k];
            if date.days() - d.days() > 10 {
                break;
            }
            if let Some(r) = rates[col] {
                return Ok((r, *d));
            }
        }
        if self.days.last().is_some_and(|d| date > d.0)
            && self.days.last().unwrap().1[col].is_some()
        {
            return Err(format!(
                "{date} is after the end of the ECB rate history ({})",
                self.days.last().unwrap().0
            ));
        }
        Err(format!(
            "the ECB published no {code} rate on or shortly before {date}"
        ))
    }

    /// Units of `to` per unit of `from` at `date` (ECB cross rate).
    pub fn cross(&self, from: &str, to: &str, date: Date) -> Result<RateUsed, String> {
        let (rf, df) = self.per_eur(from, date)?;
        let (rt, dt) = self.per_eur(to, date)?;
        Ok(RateUsed {
            rate: rt / rf,
            date: if from == "EUR" { dt } else { df },
            from: from.into(),
            to: to.into(),
        })
    }
}

/// A country and the names articles use for it.
#[derive(Debug, Clone)]
pub struct Country {
    pub iso3: String,
    pub name: String,
    pub names: Vec<String>,
    pub area_km2: Option<Decimal>,
}

/// Country statistics by year.
#[derive(Debug, Default)]
pub struct CountryTable {
    pub countries: Vec<Country>,
    /// Lower-case name (one or more words) -> country index.
    pub by_name: FxHashMap<String, usize>,
    pub max_name_words: usize,
    /// (country index, year) -> population.
    pub population: FxHashMap<(usize, i32), Decimal>,
    /// (country index, year) -> GDP in current US$.
    pub gdp: FxHashMap<(usize, i32), Decimal>,
}

impl CountryTable {
    fn parse(
        countries: (&str, &str),
        population: (&str, &str),
        gdp: (&str, &str),
        problems: &mut Vec<Problem>,
    ) -> CountryTable {
        let mut t = CountryTable {
            max_name_words: 1,
            ..Default::default()
        };
        let mut by_iso3: FxHashMap<String, usize> = FxHashMap::default();
        for_rows(countries.0, countries.1, problems, |line, row, problems| {
            let get = |n: &str| row.get(n);
            let iso3 = get("iso3").to_string();
            if iso3.len() != 3 {
                problems.push(problem_at(
                    countries.0,
                    line,
                    1,
                    format!("bad iso3 code '{iso3}'"),
                ));
                return;
            }
            let mut names: Vec<String> = Vec::new();
            for col in ["common_name", "name", "official_name_en"] {
                let n = get(col).trim();
                if !n.is_empty() && !names.iter().any(|x| x.eq_ignore_ascii_case(n)) {
                    names.push(n.to_string());
                }
            }
            let area = get("area_km2").trim();
            let area_km2 = if area.is_empty() {
                None
            } else {
                match Decimal::from_str(area) {
                    Ok(a) => Some(a),
                    Err(_) => {
                        problems.push(problem_at(
                            countries.0,
                            line,
                            1,
                            format!("bad area_km2 '{area}'"),
                        ));
                        None
                    }
                }
            };
            let name = names.first().cloned().unwrap_or_else(|| iso3.clone());
            by_iso3.insert(iso3.clone(), t.countries.len());
            t.countries.push(Country {
                iso3,
                name,
                names,
                area_km2,
            });
        });
        for (i, c) in t.countries.iter().enumerate() {
            for n in &c.names {
                let key = n.to_lowercase();
                t.max_name_words = t.max_name_words.max(key.split_whitespace().count());
                t.by_name.entry(key).or_insert(i);
            }
        }
        // common short forms news uses
        for (alias, iso3) in [
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
        ] {
            if let Some(&i) = by_iso3.get(iso3) {
                t.by_name.insert(alias.to_string(), i);
            }
        }
        for (file, data, target) in [(population.0, population.1, 0), (gdp.0, gdp.1, 1)] {
            let value_col = if target == 0 {
                "population"
            } else {
                "gdp_current_usd"
            };
            for_rows(file, data, problems, |line, row, problems| {
                let get = |n: &str| row.get(n);
                let Some(&ci) = by_iso3.get(get("iso3")) else {
                    return; // aggregates and codes without a country row
                };
                let year: i32 = match get("year").parse() {
                    Ok(y) => y,
                    Err(_) => {
                        problems.push(problem_at(
                            file,
                            line,
                            1,
                            format!("bad year '{}'", get("year")),
                        ));
                        return;
                    }
                };
                let v = get(value_col).trim();
                if v.is_empty() {
                    return;
                }
                match Decimal::from_str(v) {
                    Ok(d) => {
                        let map = if target == 0 {
                            &mut t.population
                        } else {
                            &mut t.gdp
                        };
                        map.insert((ci, year), d);
                    }
                    Err(_) => {
                        problems.push(problem_at(file, line, 1, format!("bad {value_col} '{v}'")))
                    }
                }
            });
        }
        t
    }

    /// The latest year at or before `year` with a value (falling back to the nearest later one).
    pub fn value_near(
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

fn problem_at(file: &str, line: u64, column: usize, message: String) -> Problem {
    Problem {
        file: file.into(),
        line,
        column,
        message,
    }
}

/// Runs `f` for each row with a getter by column name; CSV errors become problems.
fn for_rows(
    file: &str,
    data: &str,
    problems: &mut Vec<Problem>,
    mut f: impl FnMut(u64, &Row, &mut Vec<Problem>),
) {
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(data.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(problem_at(file, 1, 1, e.to_string()));
            return;
        }
    };
    let index: FxHashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                problems.push(problem_at(file, line, 1, e.to_string()));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.len() != headers.len() {
            problems.push(problem_at(
                file,
                line,
                1,
                format!(
                    "{} fields where the header has {}",
                    rec.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        f(
            line,
            &Row {
                rec: &rec,
                index: &index,
            },
            problems,
        );
    }
}

/// One CSV row with access by column name.
struct Row<'r> {
    rec: &'r csv::StringRecord,
    index: &'r FxHashMap<String, usize>,
}

impl<'r> Row<'r> {
    fn get(&self, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|&i| self.rec.get(i))
            .unwrap_or("")
    }
}

/// 1-based character column of field `field` in a CSV line.
fn field_column(line_text: &str, field: usize) -> usize {
    let mut k = 0;
    let mut in_quotes = false;
    for (col, c) in line_text.chars().enumerate() {
        if k == field {
            return col + 1;
        }
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => k += 1,
            _ => {}
        }
    }
    line_text.chars().count() + 1
}

/// The whole reference: facts with their index, exchange rates and country statistics.
#[derive(Debug, Default)]
pub struct ReferenceSet {
    pub facts: Vec<Fact>,
    /// Lower-case singular term -> facts that mention it in entity, measure or aliases.
    pub index: FxHashMap<String, Vec<u32>>,
    pub rates: Rates,
    pub countries: CountryTable,
}

/// The exchange-rate table, parsed when first needed (the shipped history is 1.9 MB, and most
/// articles convert nothing); a table given with `--reference` is parsed and checked at once.
#[derive(Debug, Default)]
pub struct Rates {
    table: OnceLock<RateTable>,
    /// The shipped file, parsed on first use (it is validated by `reference validate` and the tests).
    embedded: Option<(&'static str, &'static str)>,
}

impl Rates {
    /// The shipped ECB history, parsed lazily.
    pub fn embedded() -> Rates {
        Rates {
            table: OnceLock::new(),
            embedded: Some(ECB),
        }
    }

    /// A table already parsed.
    pub fn parsed(table: RateTable) -> Rates {
        let cell = OnceLock::new();
        let _ = cell.set(table);
        Rates {
            table: cell,
            embedded: None,
        }
    }

    /// The table (parsing the shipped file on first use).
    pub fn table(&self) -> &RateTable {
        self.table.get_or_init(|| match self.embedded {
            Some((name, data)) => RateTable::parse(name, data, &mut Vec::new()),
            None => RateTable::default(),
        })
    }

    /// Units of `to` per unit of `from` at `date` (ECB cross rate).
    pub fn cross(&self, from: &str, to: &str, date: Date) -> Result<RateUsed, String> {
        self.table().cross(from, to, date)
    }
}

/// A term that more facts than this share does not propose candidates on its own, so that
/// matching stays fast with a million facts.
pub const MAX_POSTINGS: usize = 5_000;

/// Terms of a fact or a context: lower-case, singular words of three letters or more.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter_map(term)
}

/// The term of one word, or `None` for short words and stop words.
pub fn term(word: &str) -> Option<String> {
    let mut out = String::new();
    term_into(word, &mut out).then_some(out)
}

/// Writes the term of one word into `out` (reusing its buffer); false for short words and
/// stop words.
pub fn term_into(word: &str, out: &mut String) -> bool {
    out.clear();
    let w = word.trim_end_matches("'s").trim_end_matches("’s");
    if w.is_ascii() {
        if w.len() < 3 {
            return false;
        }
        out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        if w.chars().count() < 3 {
            return false;
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    if STOP_TERMS.contains(&out.as_str()) {
        return false;
    }
    let simple_plural = out.len() > 3
        && out.ends_with('s')
        && !out.ends_with("ss")
        && !out.ends_with("us")
        && !out.ends_with("is")
        && !out.ends_with("ies")
        && !out.ends_with("es");
    if simple_plural {
        out.pop();
    } else if out.ends_with("es")
        || out.ends_with("men")
        || out.ends_with("people")
        || out.ends_with("ies")
    {
        let s = Lexicon::embedded().language().singular(out);
        out.clear();
        out.push_str(&s);
    }
    true
}

const STOP_TERMS: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "have",
    "had", "its", "their", "his", "her", "than", "more", "less", "about", "some", "into", "over",
    "after", "before", "which", "who", "per", "cent", "percent", "said", "says", "will", "would",
    "been", "also", "other", "all", "total",
];

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

    fn load_embedded(lex: &Lexicon, problems: &mut Vec<Problem>) -> ReferenceSet {
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
            for (path, text) in fact_files(d)? {
                self.add_facts(&path, &text, lex, &mut problems);
            }
            if d.join("ecb_eurofxref_hist.csv").is_file() {
                let p = d.join("ecb_eurofxref_hist.csv");
                let text = read(&p)?;
                self.rates = Rates::parsed(RateTable::parse(
                    &p.display().to_string(),
                    &text,
                    &mut problems,
                ));
            }
        }
        if let Some(p) = problems.into_iter().next() {
            return Err(DataError::Row {
                file: p.file,
                line: p.line,
                message: format!("{} (column {})", p.message, p.column),
            });
        }
        self.rebuild_index();
        Ok(self)
    }

    /// Parses a fact table, appending its facts and any problems.
    pub fn add_facts(
        &mut self,
        file: &str,
        data: &str,
        lex: &Lexicon,
        problems: &mut Vec<Problem>,
    ) {
        let lines: Vec<&str> = data.lines().collect();
        let header: Vec<String> = lines
            .iter()
            .find(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split(',').map(|h| h.trim().to_string()).collect())
            .unwrap_or_default();
        for required in ["id", "entity", "measure", "value", "unit", "source"] {
            if !header.iter().any(|h| h == required) {
                problems.push(problem_at(
                    file,
                    1,
                    1,
                    format!("missing column '{required}'"),
                ));
            }
        }
        if problems.iter().any(|p| p.file == file && p.line == 1) {
            return;
        }
        let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(0);
        let mut seen: FxHashMap<String, u64> =
            self.facts.iter().map(|f| (f.id.clone(), 0)).collect();
        for_rows(file, data, problems, |line, row, problems| {
            let get = |n: &str| row.get(n);
            let text = lines.get(line as usize - 1).copied().unwrap_or("");
            let at = |name: &str, message: String| Problem {
                file: file.into(),
                line,
                column: field_column(text, col(name)),
                message,
            };
            let id = get("id").trim().to_string();
            if id.is_empty() {
                problems.push(at("id", "missing id".into()));
                return;
            }
            if let Some(prev) = seen.get(&id) {
                problems.push(at(
                    "id",
                    if *prev > 0 {
                        format!("duplicate id '{id}' (first at line {prev})")
                    } else {
                        format!("duplicate id '{id}' (already defined)")
                    },
                ));
                return;
            }
            seen.insert(id.clone(), line);
            let source = get("source").trim().to_string();
            if source.is_empty() {
                problems.push(at(
                    "source",
                    format!("fact '{id}' has no source: every fact needs one"),
                ));
                return;
            }
            let value_text = get("value").trim().to_string();
            let (lo_s, hi_s) = (get("low").trim(), get("high").trim());
            let parse = |s: &str, name: &str, problems: &mut Vec<Problem>| -> Option<Decimal> {
                let clean: String = s.chars().filter(|c| *c != '_' && *c != ' ').collect();
                match Decimal::from_str(&clean).or_else(|_| Decimal::from_scientific(&clean)) {
                    Ok(v) => Some(v),
                    Err(_) => {
                        problems.push(at(name, format!("bad number '{s}'")));
                        None
                    }
                }
            };
            let (low, high) = if !value_text.is_empty() {
                if !lo_s.is_empty() || !hi_s.is_empty() {
                    problems.push(at("value", "give a value or low/high, not both".into()));
                    return;
                }
                let Some(v) = parse(&value_text, "value", problems) else {
                    return;
                };
                (v, v)
            } else if !lo_s.is_empty() && !hi_s.is_empty() {
                let (Some(l), Some(h)) =
                    (parse(lo_s, "low", problems), parse(hi_s, "high", problems))
                else {
                    return;
                };
                if l > h {
                    problems.push(at("low", format!("low {l} is greater than high {h}")));
                    return;
                }
                (l, h)
            } else {
                problems.push(at(
                    "value",
                    format!("fact '{id}' has no value (or low and high)"),
                ));
                return;
            };
            let unit_text = get("unit").trim().to_string();
            let mut counted = get("counted").trim().to_string();
            let unit = if unit_text.is_empty() || unit_text == "count" {
                None
            } else if let Some(noun) = unit_text.strip_prefix("count:") {
                counted = noun.trim().to_string();
                None
            } else {
                match lex.resolve_unit(&unit_text) {
                    Some(u) => Some(u),
                    None => {
                        problems.push(at(
                            "unit",
                            format!("unknown unit or currency '{unit_text}'"),
                        ));
                        return;
                    }
                }
            };
            let as_of_s = get("as_of").trim();
            let as_of = if as_of_s.is_empty() {
                None
            } else if let Some(d) = Date::parse(as_of_s) {
                Some(d)
            } else if let Ok(y) = as_of_s.parse::<i32>() {
                Some(Date::from_year(y))
            } else {
                problems.push(at(
                    "as_of",
                    format!("bad date '{as_of_s}' (use YYYY-MM-DD or YYYY)"),
                ));
                return;
            };
            let period_s = get("period").trim();
            let period = if period_s.is_empty() {
                None
            } else {
                let parts: Vec<&str> = period_s.split("..").collect();
                let pd = |s: &str| {
                    Date::parse(s).or_else(|| s.trim().parse::<i32>().ok().map(Date::from_year))
                };
                match (
                    parts.first().and_then(|s| pd(s)),
                    parts.get(1).and_then(|s| pd(s)),
                ) {
                    (Some(a), Some(b)) if a <= b && parts.len() == 2 => Some((a, b)),
                    _ => {
                        problems.push(at(
                            "period",
                            format!("bad period '{period_s}' (use START..END)"),
                        ));
                        return;
                    }
                }
            };
            let keywords: Vec<String> = get("keywords")
                .split('|')
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty())
                .collect();
            let aliases: Vec<String> = get("aliases")
                .split('|')
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty())
                .collect();
            self.facts.push(Fact {
                id,
                entity: get("entity").trim().to_string(),
                measure: get("measure").trim().to_string(),
                low,
                high,
                value_text: if value_text.is_empty() {
                    format!("{lo_s}..{hi_s}")
                } else {
                    value_text
                },
                unit,
                unit_text,
                counted: if counted.is_empty() {
                    None
                } else {
                    Some(lex.language().singular(&counted))
                },
                as_of,
                period,
                source,
                aliases,
                keywords,
                origin: format!("{file}:{line}"),
                terms: Vec::new(),
                entity_terms: Vec::new(),
                entity_is_name: false,
                alias_terms: Vec::new(),
            });
        });
    }

    /// Rebuilds the term index after facts were added.
    pub fn rebuild_index(&mut self) {
        self.index.clear();
        for (i, f) in self.facts.iter_mut().enumerate() {
            let mut entity: Vec<String> = f
                .entity
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(term)
                .collect();
            entity.sort();
            entity.dedup();
            f.entity_is_name = f.entity.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
            f.alias_terms = f
                .aliases
                .iter()
                .map(|a| terms(a).collect::<Vec<_>>())
                .filter(|t| !t.is_empty())
                .collect();
            let mut ts: Vec<String> = terms(&f.entity)
                .chain(f.aliases.iter().flat_map(|a| terms(a)))
                .chain(terms(&f.measure))
                .chain(f.keywords.iter().flat_map(|a| terms(a)))
                .collect();
            ts.sort();
            ts.dedup();
            f.entity_terms = entity;
            let mut keys = ts.clone();
            if let Some(c) = &f.counted {
                if !keys.contains(c) {
                    keys.push(c.clone());
                }
            }
            for t in keys {
                self.index.entry(t).or_default().push(i as u32);
            }
            f.terms = ts;
        }
    }

    /// Facts whose index terms include any of `context_terms`. Terms shared by more than
    /// [`MAX_POSTINGS`] facts are too common to propose candidates (they still score).
    pub fn candidates(&self, context_terms: &[&str]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for t in context_terms {
            if let Some(ids) = self.index.get(*t) {
                if ids.len() <= MAX_POSTINGS {
                    out.extend_from_slice(ids);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Inverse document frequency weight of a term among facts.
    pub fn weight(&self, term: &str) -> f64 {
        let df = self.index.get(term).map(|v| v.len()).unwrap_or(0) as f64;
        let n = self.facts.len().max(1) as f64;
        1.0 + (n / (1.0 + df)).ln().max(0.0)
    }

    /// Is the fact's unit comparable with a claim unit (same dimension or both currencies)?
    pub fn comparable(
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

fn fact_files(dir: &Path) -> Result<Vec<(String, String)>, DataError> {
    let mut out = Vec::new();
    let facts = dir.join("facts");
    let mut paths = Vec::new();
    if facts.is_dir() {
        for e in std::fs::read_dir(&facts).map_err(|e| DataError::Io {
            path: facts.display().to_string(),
            message: e.to_string(),
        })? {
            let p = e
                .map_err(|e| DataError::Io {
                    path: facts.display().to_string(),
                    message: e.to_string(),
                })?
                .path();
            if p.extension().is_some_and(|x| x == "csv") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    for p in paths {
        let text = read(&p)?;
        out.push((p.display().to_string(), text));
    }
    Ok(out)
}

/// Every problem in the shipped reference (normally none).
pub fn validate_embedded() -> Vec<Problem> {
    let lex = Lexicon::embedded();
    let mut problems = Vec::new();
    let _ = ReferenceSet::load_embedded(lex, &mut problems);
    let _ = RateTable::parse(ECB.0, ECB.1, &mut problems);
    problems
}

/// Every problem in a reference directory laid out like `reference/`.
pub fn validate_dir(dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(problem_at(
            &dir.display().to_string(),
            0,
            0,
            "not a directory".into(),
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
            problems.push(Problem {
                file,
                line,
                column: 1,
                message,
            });
            return problems;
        }
    };
    let mut set = ReferenceSet::default();
    match fact_files(dir) {
        Ok(files) => {
            for (path, text) in files {
                set.add_facts(&path, &text, &lex, &mut problems);
            }
        }
        Err(e) => problems.push(problem_at(&dir.display().to_string(), 0, 0, e.to_string())),
    }
    for (name, kind) in [("ecb_eurofxref_hist.csv", 0), ("countries.csv", 1)] {
        let p = dir.join(name);
        if !p.is_file() {
            continue;
        }
        match read(&p) {
            Ok(text) => {
                let fname = p.display().to_string();
                if kind == 0 {
                    let _ = RateTable::parse(&fname, &text, &mut problems);
                } else {
                    let pop = read(&dir.join("country_population_by_year.csv"))
                        .unwrap_or_else(|_| "iso3,name,entity_type,year,population\n".into());
                    let gdp = read(&dir.join("country_gdp_usd_by_year.csv"))
                        .unwrap_or_else(|_| "iso3,name,entity_type,year,gdp_current_usd\n".into());
                    let _ = CountryTable::parse(
                        (&fname, &text),
                        ("country_population_by_year.csv", &pop),
                        ("country_gdp_usd_by_year.csv", &gdp),
                        &mut problems,
                    );
                }
            }
            Err(e) => problems.push(problem_at(&p.display().to_string(), 0, 0, e.to_string())),
        }
    }
    problems
}

/// The shipped reference for the embedded lexicon, loaded once per process.
pub fn embedded_default() -> &'static ReferenceSet {
    static SET: OnceLock<ReferenceSet> = OnceLock::new();
    SET.get_or_init(|| {
        ReferenceSet::embedded(Lexicon::embedded())
            .expect("the shipped reference is valid (checked by tests)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_reference_is_valid() {
        assert_eq!(validate_embedded(), Vec::<Problem>::new());
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
