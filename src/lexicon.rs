//! The knowledge tables the extractor and normaliser consult: number words, scale words,
//! qualifiers, change verbs, word classes, units and currencies.
//!
//! Every table is a CSV file under `reference/` (embedded into the binary at build time), so a
//! newsroom extends numcheck by editing data, not code. [`Lexicon::embedded`] loads the shipped
//! tables once; [`Lexicon::with_extra_dir`] adds a directory laid out the same way.

use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::error::{DataError, DataResult};

/// The shipped tables, as (file name relative to `reference/`, contents).
pub const EMBEDDED_TABLES: &[(&str, &str)] = &[
    ("units.csv", include_str!("../reference/units.csv")),
    (
        "currencies.csv",
        include_str!("../reference/currencies.csv"),
    ),
    (
        "lexicon/units-extra.csv",
        include_str!("../reference/lexicon/units-extra.csv"),
    ),
    (
        "lexicon/numbers.csv",
        include_str!("../reference/lexicon/numbers.csv"),
    ),
    (
        "lexicon/scales.csv",
        include_str!("../reference/lexicon/scales.csv"),
    ),
    (
        "lexicon/qualifiers.csv",
        include_str!("../reference/lexicon/qualifiers.csv"),
    ),
    (
        "lexicon/changes.csv",
        include_str!("../reference/lexicon/changes.csv"),
    ),
    (
        "lexicon/words.csv",
        include_str!("../reference/lexicon/words.csv"),
    ),
    (
        "lexicon/currency-defaults.csv",
        include_str!("../reference/lexicon/currency-defaults.csv"),
    ),
    (
        "lexicon/unit-defaults.csv",
        include_str!("../reference/lexicon/unit-defaults.csv"),
    ),
    (
        "lexicon/locales.csv",
        include_str!("../reference/lexicon/locales.csv"),
    ),
];

/// How a number word contributes to the value of a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWordKind {
    /// zero … nineteen
    Unit,
    /// twenty … ninety
    Ten,
    /// hundred
    Hundred,
    /// thousand, million, billion, lakh, crore …
    Scale,
    /// dozen
    Dozen,
    /// half
    Fraction,
    /// third, quarter, fifth … (value is the denominator)
    Denominator,
    /// dozens, hundreds, thousands … (a vague order of magnitude)
    Vague,
    /// twice, doubled, threefold … (a multiplier with no number written)
    Multiplier,
}

/// One number word and its value.
#[derive(Debug, Clone, Copy)]
pub struct NumberWord {
    pub value: Decimal,
    pub kind: NumberWordKind,
}

/// A scale word or suffix ("bn", "million", "k").
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub multiplier: Decimal,
    pub attached: bool,
    pub spaced: bool,
}

pub use crate::claim::{Direction, Qualifier};

/// Word classes from `lexicon/words.csv`, as bit flags.
pub mod role {
    pub const MONTH: u16 = 1;
    pub const WEEKDAY: u16 = 2;
    pub const TIME_MARKER: u16 = 4;
    pub const LABEL: u16 = 8;
    pub const DETERMINER_BLOCK: u16 = 16;
    pub const STOP: u16 = 32;
    pub const PLURAL_NOUN: u16 = 64;
    pub const SPORTS: u16 = 128;
    pub const ABBREVIATION: u16 = 256;
}

/// Index of a unit in [`Lexicon::units`].
pub type UnitId = u16;

/// What kind of thing a unit measures, for reports and for choosing comparable facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Physical,
    Currency,
    Percent,
    PercentagePoint,
}

/// One unit: physical (with its SI factor), a currency (ISO 4217) or percent.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Canonical code: `kilometre`, `USD`, `percent`, `percentage point`.
    pub code: String,
    /// Dimension name: `length`, `currency`, `percent`, `time` …
    pub dimension: String,
    pub kind: UnitKind,
    /// SI value = value × factor + offset (1 and 0 for currencies and percent).
    pub si_factor: Decimal,
    pub si_offset: Decimal,
    /// The SI unit the factor leads to (`m`, `kg`, …); the code itself for currencies.
    pub si_unit: String,
    /// Display name (singular).
    pub name: String,
    /// Short symbol for reports ("km", "ft"), when the table gives one.
    pub symbol: Option<String>,
}

/// The readings of a surface form (a currency sign or name, an ambiguous unit name), each with
/// the cue words that select it; the first with no cues is the default.
#[derive(Debug, Clone)]
pub struct Readings {
    /// (currency code, cue words) in order: the first with no cues is the default.
    pub readings: Vec<(UnitId, Vec<String>)>,
}

/// All tables, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    pub number_words: FxHashMap<String, NumberWord>,
    pub scales: FxHashMap<String, Scale>,
    /// Qualifier phrases that come before a number, keyed by their words (lower case).
    pub qualifiers_before: Vec<(Vec<String>, Qualifier)>,
    /// Qualifier phrases that come after a number ("or more").
    pub qualifiers_after: Vec<(Vec<String>, Qualifier)>,
    pub changes: FxHashMap<String, Direction>,
    pub roles: FxHashMap<String, u16>,
    pub units: Vec<Unit>,
    /// Unit surface forms matched case-sensitively (symbols): form -> unit.
    pub unit_symbols: FxHashMap<String, UnitId>,
    /// Unit names matched case-insensitively (lower case, words joined by one space).
    pub unit_names: FxHashMap<String, UnitId>,
    /// Most words in any unit or currency name.
    pub max_name_words: usize,
    /// Currency signs and codes matched case-sensitively ("$", "US$", "EUR", "RM").
    pub currency_symbols: FxHashMap<String, Readings>,
    /// Currency names matched case-insensitively ("euros", "us dollars", "yuan").
    pub currency_names: FxHashMap<String, Readings>,
    /// ISO code -> unit id.
    pub currency_codes: FxHashMap<String, UnitId>,
    /// Minor units ("cents", "pence"): form -> (currency readings, divisor 100).
    pub minor_currency: FxHashMap<String, Readings>,
    /// First tokens of every unit and currency form (symbols as written, names lower-case):
    /// a token not in this set cannot start a unit.
    pub form_starts: FxHashSet<String>,
    /// First tokens of currency signs and codes written before a number ("$", "US", "€").
    pub currency_starts: FxHashSet<String>,
    /// Qualifier phrases before a number, keyed by their last word.
    pub qualifiers_by_last: FxHashMap<String, Vec<(Vec<String>, Qualifier)>>,
    /// First words of the cue words in `currency-defaults.csv` and `unit-defaults.csv`.
    pub cue_words: FxHashSet<String>,
    /// Ambiguous unit names ("tons", "gallons") and their readings by cue words.
    pub unit_readings: FxHashMap<String, Readings>,
    /// Locale ("en-au", lower case) -> cue words that hold for the whole article.
    pub locales: FxHashMap<String, Vec<String>>,
    pub percent: UnitId,
    pub percentage_point: UnitId,
    pub year: UnitId,
}

fn dec(s: &str) -> Option<Decimal> {
    let s = s.trim();
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

fn split_forms(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|f| !f.is_empty())
}

/// The first token of a form as the extractor's tokenizer would cut it: a run of letters, a
/// run of digits, or one other character.
pub fn first_token(s: &str) -> &str {
    let s = s.trim_start();
    let mut chars = s.char_indices();
    let Some((_, c)) = chars.next() else { return s };
    let same: fn(char) -> bool = if c.is_alphabetic() {
        |x| x.is_alphabetic() || x == '\''
    } else if c.is_ascii_digit() {
        |x| x.is_ascii_digit()
    } else {
        return &s[..c.len_utf8()];
    };
    let end = chars
        .find(|&(_, x)| !same(x))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    &s[..end]
}

/// Joins words of a name with single spaces, lower-cased.
pub fn normalise_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

fn reader(data: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(data.as_bytes())
}

fn row_error(file: &str, pos: Option<&csv::Position>, message: impl Into<String>) -> DataError {
    DataError::Row {
        file: file.to_string(),
        line: pos.map(|p| p.line()).unwrap_or(0),
        message: message.into(),
    }
}

fn csv_error(file: &str, e: csv::Error) -> DataError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    DataError::Row {
        file: file.to_string(),
        line,
        message: e.to_string(),
    }
}

/// Parses every row of a CSV table with the 1-based line it starts on.
fn rows<T: serde::de::DeserializeOwned>(file: &str, data: &str) -> DataResult<Vec<(u64, T)>> {
    let mut rdr = reader(data);
    let headers = rdr.headers().map_err(|e| csv_error(file, e))?.clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(file, e))?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let row: T = rec
            .deserialize(Some(&headers))
            .map_err(|e| DataError::Row {
                file: file.to_string(),
                line,
                message: e.to_string(),
            })?;
        out.push((line, row));
    }
    Ok(out)
}

#[derive(Deserialize)]
struct UnitRow {
    canonical_name: String,
    dimension: String,
    si_unit: String,
    factor_to_si: String,
    offset_to_si: String,
    symbols: String,
    singular_forms: String,
    plural_forms: String,
    other_surface_forms: String,
}

#[derive(Deserialize)]
struct CurrencyRow {
    code: String,
    status: String,
    minor_unit_forms: String,
    name_en: String,
    singular_en: String,
    plural_en: String,
    singular_en_gb: String,
    plural_en_gb: String,
    symbol_en: String,
    symbol_narrow: String,
    symbols_all_en_locales: String,
    ambiguous_symbols: String,
    other_surface_forms: String,
}

impl Lexicon {
    /// The shipped tables, parsed once per process.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::from_tables(EMBEDDED_TABLES.iter().map(|(n, d)| (n.to_string(), *d)))
                .expect("embedded lexicon tables are valid (checked by tests)")
        })
    }

    /// The shipped tables plus the same-named tables found in `dir` (rows appended).
    pub fn with_extra_dir(dir: &Path) -> DataResult<Lexicon> {
        let mut owned: Vec<(String, String)> = Vec::new();
        for (name, data) in EMBEDDED_TABLES {
            owned.push((name.to_string(), data.to_string()));
            let extra = dir.join(name);
            if extra.is_file() {
                let text = std::fs::read_to_string(&extra).map_err(|e| DataError::Io {
                    path: extra.display().to_string(),
                    message: e.to_string(),
                })?;
                owned.push((extra.display().to_string(), text));
            }
        }
        Lexicon::from_tables(owned.iter().map(|(n, d)| (n.clone(), d.as_str())))
    }

    /// Builds the lexicon from (file name, CSV text) pairs; the file name's last components
    /// say which table it is.
    pub fn from_tables<'a>(tables: impl Iterator<Item = (String, &'a str)>) -> DataResult<Lexicon> {
        let mut lex = Lexicon {
            number_words: FxHashMap::default(),
            scales: FxHashMap::default(),
            qualifiers_before: Vec::new(),
            qualifiers_after: Vec::new(),
            changes: FxHashMap::default(),
            roles: FxHashMap::default(),
            units: Vec::new(),
            unit_symbols: FxHashMap::default(),
            unit_names: FxHashMap::default(),
            max_name_words: 1,
            currency_symbols: FxHashMap::default(),
            currency_names: FxHashMap::default(),
            currency_codes: FxHashMap::default(),
            minor_currency: FxHashMap::default(),
            form_starts: FxHashSet::default(),
            currency_starts: FxHashSet::default(),
            qualifiers_by_last: FxHashMap::default(),
            cue_words: FxHashSet::default(),
            unit_readings: FxHashMap::default(),
            locales: FxHashMap::default(),
            percent: 0,
            percentage_point: 0,
            year: 0,
        };
        let mut defaults: Vec<(String, String)> = Vec::new();
        let mut unit_defaults: Vec<(String, String)> = Vec::new();
        for (name, data) in tables {
            let base = name.replace('\\', "/");
            if base.ends_with("units-extra.csv") || base.ends_with("units.csv") {
                lex.load_units(&name, data)?;
            } else if base.ends_with("currencies.csv") {
                lex.load_currencies(&name, data)?;
            } else if base.ends_with("numbers.csv") {
                lex.load_numbers(&name, data)?;
            } else if base.ends_with("scales.csv") {
                lex.load_scales(&name, data)?;
            } else if base.ends_with("qualifiers.csv") {
                lex.load_qualifiers(&name, data)?;
            } else if base.ends_with("changes.csv") {
                lex.load_changes(&name, data)?;
            } else if base.ends_with("words.csv") {
                lex.load_words(&name, data)?;
            } else if base.ends_with("currency-defaults.csv") {
                defaults.push((name.clone(), data.to_string()));
            } else if base.ends_with("locales.csv") {
                lex.load_locales(&name, data)?;
            } else if base.ends_with("unit-defaults.csv") {
                unit_defaults.push((name.clone(), data.to_string()));
            }
        }
        for (name, data) in &defaults {
            lex.load_currency_defaults(name, data)?;
        }
        for (name, data) in &unit_defaults {
            lex.load_unit_defaults(name, data)?;
        }
        lex.percent = lex
            .unit_by_code("percent")
            .ok_or_else(|| DataError::Missing {
                what: "unit 'percent'".into(),
            })?;
        lex.percentage_point =
            lex.unit_by_code("percentage point")
                .ok_or_else(|| DataError::Missing {
                    what: "unit 'percentage point'".into(),
                })?;
        lex.year = lex.unit_by_code("year").ok_or_else(|| DataError::Missing {
            what: "unit 'year'".into(),
        })?;
        lex.qualifiers_before
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        lex.build_indexes();
        lex.qualifiers_after
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        Ok(lex)
    }

    /// Builds the lookup sets that let the extractor reject most tokens with one hash probe.
    fn build_indexes(&mut self) {
        let mut starts = FxHashSet::default();
        for k in self.unit_symbols.keys().chain(self.currency_symbols.keys()) {
            starts.insert(first_token(k).to_string());
        }
        for k in self
            .unit_names
            .keys()
            .chain(self.currency_names.keys())
            .chain(self.minor_currency.keys())
        {
            starts.insert(first_token(k).to_lowercase());
        }
        for extra in ["year", "years", "month", "months", "-"] {
            starts.insert(extra.to_string());
        }
        self.form_starts = starts;
        self.currency_starts = self
            .currency_symbols
            .keys()
            .map(|k| first_token(k).to_string())
            .collect();
        let mut by_last: FxHashMap<String, Vec<(Vec<String>, Qualifier)>> = FxHashMap::default();
        for (words, q) in &self.qualifiers_before {
            if let Some(last) = words.last() {
                by_last
                    .entry(last.trim_end_matches('.').to_string())
                    .or_default()
                    .push((words.clone(), *q));
            }
        }
        self.qualifiers_by_last = by_last;
        let mut cues = FxHashSet::default();
        for form in self
            .currency_symbols
            .values()
            .chain(self.currency_names.values())
            .chain(self.minor_currency.values())
            .chain(self.unit_readings.values())
        {
            for (_, cs) in &form.readings {
                for c in cs {
                    cues.insert(c.split(' ').next().unwrap_or("").to_string());
                }
            }
        }
        self.cue_words = cues;
    }

    /// The unit with this canonical code (`kilometre`, `USD`, `percent`).
    pub fn unit_by_code(&self, code: &str) -> Option<UnitId> {
        if let Some(&id) = self.currency_codes.get(code) {
            return Some(id);
        }
        self.units
            .iter()
            .position(|u| u.code == code)
            .map(|i| i as UnitId)
    }

    /// Resolves a unit as a fact file writes it: a canonical code, ISO code, symbol or name.
    pub fn resolve_unit(&self, text: &str) -> Option<UnitId> {
        let t = text.trim();
        if let Some(id) = self.unit_by_code(t) {
            return Some(id);
        }
        if let Some(&id) = self.unit_symbols.get(t) {
            return Some(id);
        }
        if let Some(f) = self.currency_symbols.get(t) {
            return f.readings.first().map(|r| r.0);
        }
        let n = normalise_name(t);
        if let Some(&id) = self.unit_names.get(&n) {
            return Some(id);
        }
        self.currency_names
            .get(&n)
            .and_then(|f| f.readings.first().map(|r| r.0))
    }

    /// The unit record for an id.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id as usize]
    }

    /// Word-class flags of a lower-case word.
    pub fn role(&self, lower: &str) -> u16 {
        self.roles.get(lower).copied().unwrap_or(0)
    }

    fn push_unit(&mut self, unit: Unit) -> UnitId {
        self.units.push(unit);
        (self.units.len() - 1) as UnitId
    }

    fn add_name(&mut self, form: &str, id: UnitId) {
        let n = normalise_name(form);
        if n.is_empty() {
            return;
        }
        self.max_name_words = self.max_name_words.max(n.split(' ').count());
        self.unit_names.entry(n).or_insert(id);
    }

    fn load_units(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<UnitRow>(file, data)? {
            let here = csv::Position::new();
            let mut here = here;
            here.set_line(line);
            let pos = Some(&here);
            let factor = dec(&row.factor_to_si).ok_or_else(|| {
                row_error(
                    file,
                    pos,
                    format!("bad factor_to_si '{}'", row.factor_to_si),
                )
            })?;
            let offset = if row.offset_to_si.trim().is_empty() {
                Decimal::ZERO
            } else {
                dec(&row.offset_to_si).ok_or_else(|| {
                    row_error(
                        file,
                        pos,
                        format!("bad offset_to_si '{}'", row.offset_to_si),
                    )
                })?
            };
            let kind = match row.dimension.as_str() {
                "percent" => UnitKind::Percent,
                "percentage_point" => UnitKind::PercentagePoint,
                _ => UnitKind::Physical,
            };
            let code = row.canonical_name.trim().to_string();
            // a row naming a unit that already exists adds surface forms to it (an alias row)
            if let Some(id) = self
                .units
                .iter()
                .position(|u| u.code == code && u.kind != UnitKind::Currency)
            {
                let id = id as UnitId;
                for s in split_forms(&row.symbols) {
                    self.unit_symbols.entry(s.to_string()).or_insert(id);
                }
                for f in split_forms(&row.singular_forms)
                    .chain(split_forms(&row.plural_forms))
                    .chain(split_forms(&row.other_surface_forms))
                {
                    if !f.contains('(') {
                        self.add_name(f, id);
                    }
                }
                continue;
            }
            let singular = split_forms(&row.singular_forms)
                .next()
                .unwrap_or(&code)
                .to_string();
            let id = self.push_unit(Unit {
                code: code.clone(),
                dimension: row.dimension.trim().to_string(),
                kind,
                si_factor: factor,
                si_offset: offset,
                si_unit: row.si_unit.trim().to_string(),
                name: singular,
                symbol: split_forms(&row.symbols).next().map(String::from),
            });
            for s in split_forms(&row.symbols) {
                self.unit_symbols.entry(s.to_string()).or_insert(id);
            }
            for f in split_forms(&row.singular_forms)
                .chain(split_forms(&row.plural_forms))
                .chain(split_forms(&row.other_surface_forms))
                .chain(std::iter::once(code.as_str()))
            {
                // "kiloton (mass)" style notes in a form are not surface text
                if f.contains('(') {
                    continue;
                }
                self.add_name(f, id);
            }
        }
        Ok(())
    }

    fn load_currencies(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<CurrencyRow>(file, data)? {
            let mut here = csv::Position::new();
            here.set_line(line);
            let code = row.code.trim().to_string();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row_error(
                    file,
                    Some(&here),
                    format!("currency code '{code}' is not three capital letters"),
                ));
            }
            let id = self.push_unit(Unit {
                code: code.clone(),
                dimension: "currency".into(),
                kind: UnitKind::Currency,
                si_factor: Decimal::ONE,
                si_offset: Decimal::ZERO,
                si_unit: code.clone(),
                name: if row.singular_en.is_empty() {
                    row.name_en.clone()
                } else {
                    row.singular_en.clone()
                },
                symbol: None,
            });
            self.currency_codes.insert(code.clone(), id);
            let current = row.status.starts_with("iso4217_current");
            // codes are always symbols
            self.add_currency_symbol(&code, id, true);
            let ambiguous: Vec<&str> = split_forms(&row.ambiguous_symbols).collect();
            for s in split_forms(&row.symbol_en)
                .chain(split_forms(&row.symbol_narrow))
                .chain(split_forms(&row.symbols_all_en_locales))
            {
                if ambiguous.contains(&s) || s == code {
                    continue; // resolved through currency-defaults.csv
                }
                self.add_currency_symbol(s, id, current);
            }
            for n in [
                &row.singular_en,
                &row.plural_en,
                &row.singular_en_gb,
                &row.plural_en_gb,
                &row.name_en,
            ] {
                if n.contains('(') {
                    continue;
                }
                self.add_currency_name(n, id, current);
            }
            for n in split_forms(&row.other_surface_forms) {
                if n.chars().any(|c| c.is_alphabetic()) && n.chars().all(|c| !c.is_uppercase()) {
                    self.add_currency_name(n, id, current);
                } else {
                    self.add_currency_symbol(n, id, current);
                }
            }
            if code == "USD" || code == "EUR" || code == "GBP" {
                for m in split_forms(&row.minor_unit_forms) {
                    self.minor_currency
                        .entry(m.to_string())
                        .or_insert_with(|| Readings {
                            readings: Vec::new(),
                        })
                        .readings
                        .push((id, Vec::new()));
                }
            }
        }
        Ok(())
    }

    fn add_currency_symbol(&mut self, s: &str, id: UnitId, current: bool) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        let form = self
            .currency_symbols
            .entry(s.to_string())
            .or_insert_with(|| Readings {
                readings: Vec::new(),
            });
        if current {
            form.readings.insert(0, (id, Vec::new()));
        } else if form.readings.is_empty() {
            form.readings.push((id, Vec::new()));
        }
    }

    fn add_currency_name(&mut self, n: &str, id: UnitId, current: bool) {
        let n = normalise_name(n);
        // a bare "dollar" or "pound" is resolved by currency-defaults.csv
        if n.is_empty() || n.split(' ').count() > 4 {
            return;
        }
        self.max_name_words = self.max_name_words.max(n.split(' ').count());
        let form = self.currency_names.entry(n).or_insert_with(|| Readings {
            readings: Vec::new(),
        });
        if form.readings.iter().any(|r| r.0 == id) {
            return;
        }
        if current {
            form.readings.insert(0, (id, Vec::new()));
        } else {
            form.readings.push((id, Vec::new()));
        }
    }

    fn load_currency_defaults(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            sign: String,
            code: String,
            cues: String,
        }
        let mut fresh: FxHashMap<String, Vec<(UnitId, Vec<String>)>> = FxHashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (line, row) in rows::<Row>(file, data)? {
            let id = *self
                .currency_codes
                .get(row.code.trim())
                .ok_or_else(|| DataError::Row {
                    file: file.to_string(),
                    line,
                    message: format!("unknown currency code '{}'", row.code),
                })?;
            let cues: Vec<String> = split_forms(&row.cues).map(|c| c.to_lowercase()).collect();
            let sign = row.sign.trim().to_string();
            if !fresh.contains_key(&sign) {
                order.push(sign.clone());
            }
            fresh.entry(sign).or_default().push((id, cues));
        }
        for sign in order {
            let readings = fresh.remove(&sign).unwrap_or_default();
            let is_name = sign.chars().all(|c| c.is_lowercase() || c == ' ') && sign.len() > 1;
            let form = Readings { readings };
            if sign == "cent" || sign == "cents" || sign == "pence" || sign == "p" {
                self.minor_currency.insert(sign, form);
            } else if is_name {
                self.currency_names.insert(normalise_name(&sign), form);
            } else {
                self.currency_symbols.insert(sign, form);
            }
        }
        // minor-unit names are looked up separately
        for m in ["cent", "cents", "pence"] {
            self.currency_names.remove(m);
        }
        Ok(())
    }

    fn load_locales(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            locale: String,
            cues: String,
        }
        for (_, row) in rows::<Row>(file, data)? {
            self.locales.insert(
                row.locale.trim().to_lowercase(),
                split_forms(&row.cues).map(|c| c.to_lowercase()).collect(),
            );
        }
        Ok(())
    }

    /// The cue words of a locale ("en-AU"), or of its language-region prefix.
    pub fn locale_cues(&self, locale: &str) -> &[String] {
        let l = locale.trim().to_lowercase().replace('_', "-");
        self.locales.get(&l).map(Vec::as_slice).unwrap_or(&[])
    }

    fn load_unit_defaults(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            form: String,
            unit: String,
            cues: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let id = self
                .unit_by_code(row.unit.trim())
                .ok_or_else(|| DataError::Row {
                    file: file.to_string(),
                    line,
                    message: format!("unknown unit '{}'", row.unit),
                })?;
            let cues: Vec<String> = split_forms(&row.cues).map(|c| c.to_lowercase()).collect();
            self.unit_readings
                .entry(normalise_name(&row.form))
                .or_insert_with(|| Readings {
                    readings: Vec::new(),
                })
                .readings
                .push((id, cues));
        }
        Ok(())
    }

    fn load_numbers(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
            value: String,
            kind: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let value = dec(&row.value).ok_or_else(|| DataError::Row {
                file: file.into(),
                line,
                message: format!("bad value '{}'", row.value),
            })?;
            let kind = match row.kind.as_str() {
                "unit" => NumberWordKind::Unit,
                "ten" => NumberWordKind::Ten,
                "hundred" => NumberWordKind::Hundred,
                "scale" => NumberWordKind::Scale,
                "dozen" => NumberWordKind::Dozen,
                "fraction" => NumberWordKind::Fraction,
                "denominator" => NumberWordKind::Denominator,
                "vague" => NumberWordKind::Vague,
                "multiplier" => NumberWordKind::Multiplier,
                k => {
                    return Err(DataError::Row {
                        file: file.into(),
                        line,
                        message: format!("unknown kind '{k}'"),
                    });
                }
            };
            self.number_words
                .insert(row.word.trim().to_lowercase(), NumberWord { value, kind });
        }
        Ok(())
    }

    fn load_scales(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            form: String,
            multiplier: String,
            attached: String,
            spaced: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let multiplier = dec(&row.multiplier).ok_or_else(|| DataError::Row {
                file: file.into(),
                line,
                message: format!("bad multiplier '{}'", row.multiplier),
            })?;
            self.scales.insert(
                row.form.trim().to_string(),
                Scale {
                    multiplier,
                    attached: row.attached.trim() == "yes",
                    spaced: row.spaced.trim() == "yes",
                },
            );
        }
        Ok(())
    }

    fn load_qualifiers(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            phrase: String,
            qualifier: String,
            position: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let q: Qualifier = row.qualifier.trim().parse().map_err(|m| DataError::Row {
                file: file.into(),
                line,
                message: m,
            })?;
            let words: Vec<String> = row
                .phrase
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .collect();
            match row.position.trim() {
                "before" => self.qualifiers_before.push((words, q)),
                "after" => self.qualifiers_after.push((words, q)),
                p => {
                    return Err(DataError::Row {
                        file: file.into(),
                        line,
                        message: format!("position must be before or after, not '{p}'"),
                    });
                }
            }
        }
        Ok(())
    }

    fn load_changes(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
            direction: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let d = match row.direction.trim() {
                "up" => Direction::Up,
                "down" => Direction::Down,
                o => {
                    return Err(DataError::Row {
                        file: file.into(),
                        line,
                        message: format!("direction must be up or down, not '{o}'"),
                    });
                }
            };
            self.changes.insert(row.word.trim().to_lowercase(), d);
        }
        Ok(())
    }

    fn load_words(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
            role: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let flag = match row.role.trim() {
                "month" => role::MONTH,
                "weekday" => role::WEEKDAY,
                "time_marker" => role::TIME_MARKER,
                "label" => role::LABEL,
                "determiner_block" => role::DETERMINER_BLOCK,
                "stop" => role::STOP,
                "plural_noun" => role::PLURAL_NOUN,
                "sports" => role::SPORTS,
                "abbreviation" => role::ABBREVIATION,
                o => {
                    return Err(DataError::Row {
                        file: file.into(),
                        line,
                        message: format!("unknown role '{o}'"),
                    });
                }
            };
            *self
                .roles
                .entry(row.word.trim().to_lowercase())
                .or_insert(0) |= flag;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_load() {
        let lex = Lexicon::embedded();
        assert!(lex.units.len() > 400);
        let km = lex.resolve_unit("km").unwrap();
        assert_eq!(lex.unit(km).code, "kilometre");
        assert_eq!(lex.unit(lex.resolve_unit("EUR").unwrap()).code, "EUR");
        assert_eq!(lex.unit(lex.resolve_unit("euros").unwrap()).code, "EUR");
        assert!(lex.number_words.contains_key("seven"));
        assert!(lex.role("october") & role::MONTH != 0);
    }

    #[test]
    fn bad_row_names_file_and_line() {
        let bad = "word,value,kind\none,1,unit\ntwo,zwei,unit\n";
        let err = Lexicon::from_tables(
            EMBEDDED_TABLES
                .iter()
                .map(|(n, d)| (n.to_string(), *d))
                .chain(std::iter::once((
                    "extra/lexicon/numbers.csv".to_string(),
                    bad,
                ))),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("extra/lexicon/numbers.csv:3"), "{msg}");
        assert!(msg.contains("zwei"), "{msg}");
    }
}
