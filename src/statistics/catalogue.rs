//! The statistics catalogue (`reference/statistics.csv`): one row per measure, with the phrases
//! news uses for it, its unit and kind, the source's definition, a default tolerance and the
//! table that holds its values. Format: `docs/reference-format.md`.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::files::{Files, for_rows, list, problem, year_field};
use super::matcher::PhraseMatcher;
use crate::table::TableError as Problem;

/// What a measure's values are counted in (after its scale is applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A percentage (its changes are percentage points).
    Percent,
    /// Years (of age or of life).
    Year,
    /// Births per woman.
    BirthPerWoman,
    /// Current US dollars.
    Usd,
    /// Current international dollars (purchasing power parity).
    InternationalDollar,
    /// Metric tonnes.
    Tonne,
    /// Square kilometres.
    SquareKilometre,
    /// A count of people.
    Person,
    /// People per square kilometre.
    PersonPerSquareKilometre,
    /// Local currency units per US dollar.
    LcuPerUsd,
}

impl Unit {
    /// Every unit, in catalogue spelling.
    pub const ALL: [Unit; 10] = [
        Unit::Percent,
        Unit::Year,
        Unit::BirthPerWoman,
        Unit::Usd,
        Unit::InternationalDollar,
        Unit::Tonne,
        Unit::SquareKilometre,
        Unit::Person,
        Unit::PersonPerSquareKilometre,
        Unit::LcuPerUsd,
    ];

    /// The catalogue's spelling: `percent`, `year`, `birth per woman`, `USD`,
    /// `international dollar`, `tonne`, `square kilometre`, `person`,
    /// `person per square kilometre`, `LCU per USD` (unit names as in `reference/units.csv`
    /// and `lexicon/units-extra.csv` where the lexicon has them).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Year => "year",
            Unit::BirthPerWoman => "birth per woman",
            Unit::Usd => "USD",
            Unit::InternationalDollar => "international dollar",
            Unit::Tonne => "tonne",
            Unit::SquareKilometre => "square kilometre",
            Unit::Person => "person",
            Unit::PersonPerSquareKilometre => "person per square kilometre",
            Unit::LcuPerUsd => "LCU per USD",
        }
    }

    /// The unit of a catalogue spelling.
    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.name() == s)
    }
}

/// Serialised as the catalogue spelling (`"birth per woman"`).
impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// What sort of figure a measure is; a claim of another kind is not compared with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A stock or total (population, GDP, area, life expectancy).
    Level,
    /// A ratio of two things other than GDP (unemployment, fertility, density).
    Rate,
    /// A share of GDP (exports, health spending).
    ShareOfGdp,
    /// A total divided by population (GDP per head).
    PerCapita,
    /// An annual change in percent (GDP growth, inflation).
    Growth,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 5] = [
        Kind::Level,
        Kind::Rate,
        Kind::ShareOfGdp,
        Kind::PerCapita,
        Kind::Growth,
    ];

    /// The catalogue's spelling: `level`, `rate`, `share_of_gdp`, `per_capita`, `growth`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Rate => "rate",
            Kind::ShareOfGdp => "share_of_gdp",
            Kind::PerCapita => "per_capita",
            Kind::Growth => "growth",
        }
    }

    /// The kind of a catalogue spelling.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// How far a claim may be from a source's figure and still agree with it, because sources of
/// the same statistic differ by that much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    /// A fraction of the figure (`2%` is 0.02).
    Relative(Decimal),
    /// Percentage points, for a measure in percent (`0.3pp`).
    Points(Decimal),
    /// An amount in the measure's unit (`0.5` years).
    Absolute(Decimal),
}

impl Tolerance {
    /// Parses `2%`, `0.3pp` or `0.5`.
    pub fn parse(s: &str) -> Option<Tolerance> {
        let s = s.trim();
        let num = |t: &str| {
            Decimal::from_str(t.trim())
                .ok()
                .filter(|d| !d.is_sign_negative())
        };
        if let Some(p) = s.strip_suffix('%') {
            return num(p).map(|d| Tolerance::Relative(d / Decimal::ONE_HUNDRED));
        }
        if let Some(p) = s.strip_suffix("pp") {
            return num(p).map(Tolerance::Points);
        }
        num(s).map(Tolerance::Absolute)
    }

    /// The largest difference allowed from `reference`, in the measure's unit.
    pub fn margin(self, reference: Decimal) -> Decimal {
        match self {
            Tolerance::Relative(f) => (reference * f).abs(),
            Tolerance::Points(d) | Tolerance::Absolute(d) => d,
        }
    }

    /// Whether `claimed` is within the tolerance of `reference`.
    pub fn allows(self, claimed: Decimal, reference: Decimal) -> bool {
        (claimed - reference).abs() <= self.margin(reference)
    }
}

impl std::fmt::Display for Tolerance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tolerance::Relative(d) => write!(f, "{}%", (d * Decimal::ONE_HUNDRED).normalize()),
            Tolerance::Points(d) => write!(f, "{}pp", d.normalize()),
            Tolerance::Absolute(d) => write!(f, "{}", d.normalize()),
        }
    }
}

/// Serialised as the catalogue writes it (`"2%"`, `"0.3pp"`, `"0.5"`).
impl serde::Serialize for Tolerance {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One catalogue row.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measure {
    /// Unique id (`life_expectancy`).
    pub id: String,
    /// The phrases news uses for it; the first is its name.
    pub names: Vec<String>,
    /// What its values (times `scale`) are counted in.
    pub unit: Unit,
    /// What sort of figure it is.
    pub kind: Kind,
    /// What a published value is multiplied by to be in `unit` (1000 for thousands).
    pub scale: Decimal,
    /// The default tolerance.
    pub tolerance: Tolerance,
    /// The tolerance for a first estimate: a value of a year that had just ended when the
    /// article was written, which the source has revised since (GDP growth moves by a point or
    /// two between its first estimate and today's series). `None`: as `tolerance`.
    pub first_estimate: Option<Tolerance>,
    /// Values for this year and later are projections, not estimates.
    pub projection_from: Option<i32>,
    /// What the source measures, where news often means something else.
    pub definition: String,
    /// The credit to give.
    pub source: String,
    /// The source's code for it (`SP.DYN.LE00.IN`).
    pub code: String,
    /// The table file, relative to `statistics/`.
    pub table: String,
    /// FILE:LINE of its row.
    pub origin: String,
    /// FILE, LINE and COLUMN of its `table` field, for problems with the table.
    pub table_at: (String, u64, usize),
    /// What the table's rows are: countries and aggregates, or cities.
    pub places: Places,
}

impl Measure {
    /// Whether the table's rows are cities.
    pub fn is_city(&self) -> bool {
        self.places != Places::Countries
    }
}

/// What the rows of a measure's table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Places {
    /// Countries and aggregates (ISO3 and aggregate ids).
    Countries,
    /// Urban agglomerations (`WUP…`).
    Agglomerations,
    /// Cities proper (`GN…`).
    CityProper,
}

impl Places {
    /// The catalogue's spelling (an empty cell is `countries`).
    pub fn name(self) -> &'static str {
        match self {
            Places::Countries => "countries",
            Places::Agglomerations => "agglomerations",
            Places::CityProper => "city_proper",
        }
    }
}

impl Measure {
    /// The measure's name (its first phrase).
    pub fn name(&self) -> &str {
        self.names.first().map(String::as_str).unwrap_or(&self.id)
    }

    /// Whether a value for `year` is a projection.
    pub fn is_projection(&self, year: Option<i32>) -> bool {
        matches!((self.projection_from, year), (Some(p), Some(y)) if y >= p)
    }
}

/// A measure whose phrase occurs in a text.
#[derive(Debug, Clone)]
pub struct MeasureMatch<'a> {
    /// The measure.
    pub measure: &'a Measure,
    /// Byte range of the phrase in the text.
    pub span: Range<usize>,
    /// The catalogue phrase that matched.
    pub phrase: &'a str,
    /// Whether the phrase is the measure's name (its first phrase): "life expectancy" is the
    /// name of the total, and only a phrase of the female and male measures.
    pub primary: bool,
}

/// All measures and a matcher over their phrases.
#[derive(Debug, Clone)]
pub struct Catalogue {
    measures: Vec<Measure>,
    by_id: FxHashMap<String, usize>,
    /// Distinct phrases (lower case) and the measures that use each.
    phrases: Vec<(String, Vec<usize>)>,
    matcher: PhraseMatcher,
}

impl Catalogue {
    /// Reads the catalogue files of `files` (the shipped one, then those of directories; a row
    /// whose id is already known replaces it). Problems are pushed; bad rows are left out.
    pub fn load(files: &Files, problems: &mut Vec<Problem>) -> Catalogue {
        let mut measures: Vec<Measure> = Vec::new();
        let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
        for rel in files.catalogues() {
            let display = files.display(&rel);
            let text = match files.text(&rel) {
                Ok(t) => t,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            let mut seen_here: FxHashMap<String, u64> = FxHashMap::default();
            let header = for_rows(&display, &text, problems, |row, problems| {
                let Some(m) = parse_row(&display, row, problems) else {
                    return;
                };
                if let Some(first) = seen_here.insert(m.id.clone(), row.line) {
                    problems.push(problem(
                        &display,
                        row.line,
                        1,
                        format!("duplicate id '{}' (first on line {first})", m.id),
                    ));
                    return;
                }
                match by_id.get(&m.id) {
                    Some(&i) => measures[i] = m,
                    None => {
                        by_id.insert(m.id.clone(), measures.len());
                        measures.push(m);
                    }
                }
            });
            check_header(&display, &header, problems);
        }
        Catalogue::from_measures(measures)
    }

    /// A catalogue of the given measures.
    pub fn from_measures(measures: Vec<Measure>) -> Catalogue {
        let by_id = measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        let mut phrases: Vec<(String, Vec<usize>)> = Vec::new();
        let mut phrase_index: FxHashMap<String, usize> = FxHashMap::default();
        for (mi, m) in measures.iter().enumerate() {
            for n in &m.names {
                let key = n.to_lowercase();
                let pi = *phrase_index.entry(key.clone()).or_insert_with(|| {
                    phrases.push((key, Vec::new()));
                    phrases.len() - 1
                });
                if !phrases[pi].1.contains(&mi) {
                    phrases[pi].1.push(mi);
                }
            }
        }
        let keys: Vec<String> = phrases.iter().map(|(p, _)| p.clone()).collect();
        Catalogue {
            matcher: PhraseMatcher::new(&keys, false),
            measures,
            by_id,
            phrases,
        }
    }

    /// Every measure, in catalogue order.
    pub fn measures(&self) -> &[Measure] {
        &self.measures
    }

    /// The measure with this id.
    pub fn get(&self, id: &str) -> Option<&Measure> {
        self.by_id.get(id).map(|&i| &self.measures[i])
    }

    /// The measures whose phrases occur in `text` (case ignored, whole words, the longest phrase
    /// at each place), in text order; a phrase several measures share gives each of them.
    pub fn measures_for_phrase(&self, text: &str) -> Vec<MeasureMatch<'_>> {
        let mut out = Vec::new();
        for found in self.matcher.find(text) {
            let (phrase, ms) = &self.phrases[found.phrase];
            for &mi in ms {
                let m = &self.measures[mi];
                out.push(MeasureMatch {
                    measure: m,
                    span: found.span.clone(),
                    phrase,
                    primary: m.name().eq_ignore_ascii_case(phrase),
                });
            }
        }
        out
    }
}

const COLUMNS: [&str; 11] = [
    "id",
    "names",
    "unit",
    "kind",
    "scale",
    "tolerance",
    "projection_from",
    "definition",
    "source",
    "code",
    "table",
];

fn check_header(file: &str, header: &[String], problems: &mut Vec<Problem>) {
    for c in COLUMNS {
        if !header.iter().any(|h| h == c) {
            problems.push(problem(file, 1, 1, format!("missing column '{c}'")));
        }
    }
}

/// One measure from a row, or `None` (with problems) if the row is unusable.
fn parse_row(file: &str, row: &super::files::Row, problems: &mut Vec<Problem>) -> Option<Measure> {
    let before = problems.len();
    let mut bad =
        |col: &str, msg: String| problems.push(problem(file, row.line, row.column(col), msg));
    let id = row.get("id").to_string();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bad("id", format!("bad id '{id}': letters, digits and '_' only"));
    }
    let names = list(row.get("names"));
    if names.is_empty() {
        bad("names", "no names: give at least one phrase".into());
    }
    let unit = Unit::parse(row.get("unit"));
    if unit.is_none() {
        let known: Vec<&str> = Unit::ALL.iter().map(|u| u.name()).collect();
        bad(
            "unit",
            format!(
                "unknown unit '{}' (one of: {})",
                row.get("unit"),
                known.join(", ")
            ),
        );
    }
    let kind = Kind::parse(row.get("kind"));
    if kind.is_none() {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        bad(
            "kind",
            format!(
                "unknown kind '{}' (one of: {})",
                row.get("kind"),
                known.join(", ")
            ),
        );
    }
    let scale = match row.get("scale") {
        "" => Some(Decimal::ONE),
        s => Decimal::from_str(s)
            .ok()
            .filter(|d| d.is_sign_positive() && !d.is_zero()),
    };
    if scale.is_none() {
        bad("scale", format!("bad scale '{}'", row.get("scale")));
    }
    let tolerance = Tolerance::parse(row.get("tolerance"));
    match tolerance {
        None => bad(
            "tolerance",
            format!(
                "bad tolerance '{}': write 2% (relative), 0.3pp (points) or 0.5 (in the unit)",
                row.get("tolerance")
            ),
        ),
        Some(Tolerance::Points(_)) if unit.is_some_and(|u| u != Unit::Percent) => bad(
            "tolerance",
            "a tolerance in percentage points needs the unit 'percent'".into(),
        ),
        _ => {}
    }
    let first_estimate = match row.get("first_estimate").trim() {
        "" => None,
        t => {
            let parsed = Tolerance::parse(t);
            if parsed.is_none() {
                bad(
                    "first_estimate",
                    format!("bad first_estimate '{t}': write 2% (relative), 1pp (points) or 0.5"),
                );
            }
            parsed
        }
    };
    let table = row.get("table").to_string();
    if table.is_empty() || table.contains("..") || !table.ends_with(".csv") {
        bad("table", format!("bad table file '{table}'"));
    }
    if row.get("source").is_empty() {
        bad("source", "no source: every measure names its source".into());
    }
    let projection_from = year_field(row, "projection_from", file, problems);
    let places = match row.get("places") {
        "" | "countries" => Places::Countries,
        "agglomerations" => Places::Agglomerations,
        "city_proper" => Places::CityProper,
        other => {
            let msg = format!(
                "bad places '{other}': countries (the default), agglomerations or city_proper"
            );
            problems.push(problem(file, row.line, row.column("places"), msg));
            Places::Countries
        }
    };
    if problems.len() > before {
        return None;
    }
    Some(Measure {
        id,
        names,
        unit: unit?,
        kind: kind?,
        scale: scale?,
        tolerance: tolerance?,
        first_estimate,
        projection_from,
        definition: row.get("definition").to_string(),
        source: row.get("source").to_string(),
        code: row.get("code").to_string(),
        table,
        origin: format!("{file}:{}", row.line),
        table_at: (file.to_string(), row.line, row.column("table")),
        places,
    })
}
