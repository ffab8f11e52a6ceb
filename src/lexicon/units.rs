//! Units and currencies: `units.csv`, `lexicon/en/units-extra.csv`, `currencies.csv` and the
//! tables that say how ambiguous signs and names are read (`currency-defaults.csv`,
//! `unit-defaults.csv`).

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::Lexicon;
use super::tables::{dec, row_error, rows, split_forms};
use crate::error::DataResult;

/// Index of a unit in [`Lexicon::units`].
pub type UnitId = u16;

/// What kind of thing a unit measures, for reports and for choosing comparable facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// A physical measure (length, mass, time …) with an SI factor.
    Physical,
    /// A currency (ISO 4217).
    Currency,
    /// Percent.
    Percent,
    /// Percentage points (and basis points).
    PercentagePoint,
}

/// One unit: physical (with its SI factor), a currency (ISO 4217) or percent.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Canonical code: `kilometre`, `USD`, `percent`, `percentage point`.
    pub code: String,
    /// Dimension name: `length`, `currency`, `percent`, `time` …
    pub dimension: String,
    /// What the unit measures.
    pub kind: UnitKind,
    /// SI value = value × factor + offset (1 and 0 for currencies and percent).
    pub si_factor: Decimal,
    /// See [`Unit::si_factor`].
    pub si_offset: Decimal,
    /// The SI unit the factor leads to (`m`, `kg`, …); the code itself for currencies.
    pub si_unit: String,
    /// Display name (singular).
    pub name: String,
    /// Short symbol for reports ("km", "ft"), when the table gives one.
    pub symbol: Option<String>,
    /// What its dimension is (money, percent, time, length, area …), from `dimensions.csv`.
    pub role: super::DimensionRole,
}

/// The readings of a surface form (a currency sign or name, an ambiguous unit name), each with
/// the cue words that select it; the first with no cues is the default.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// (unit, cue words) in order: the first with no cues is the default.
    pub readings: Vec<(UnitId, Vec<String>)>,
}

/// How a unit symbol that is also a common word, a letter or another unit's symbol is read
/// (the `symbol_collisions` column of `units.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collision {
    /// Only glued to its number ("5t", "10h"): written apart it is the word or letter.
    Glued,
    /// Never in prose (`in (never)`: "in" is the preposition).
    Never,
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
    #[serde(default)]
    symbol_collisions: String,
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
    fn push_unit(&mut self, unit: Unit) -> UnitId {
        self.units.push(unit);
        (self.units.len() - 1) as UnitId
    }

    fn add_name(&mut self, form: &str, id: UnitId) {
        let n = super::normalise_name(form);
        if n.is_empty() {
            return;
        }
        self.max_name_words = self.max_name_words.max(n.split(' ').count());
        self.unit_names.entry(n).or_insert(id);
    }

    /// The surface forms of a unit row: symbols (case-sensitive) and names.
    fn add_unit_forms(&mut self, row: &UnitRow, id: UnitId, with_code: Option<&str>) {
        for s in split_forms(&row.symbols) {
            self.unit_symbols.entry(s.to_string()).or_insert(id);
        }
        // a collision counts for the unit the symbol is read as (the first row naming it)
        for c in split_forms(&row.symbol_collisions) {
            let (sym, rule) = match c.strip_suffix("(never)") {
                Some(sym) => (sym.trim(), Collision::Never),
                None => (c, Collision::Glued),
            };
            if self.unit_symbols.get(sym) == Some(&id) {
                self.symbol_collisions.insert(sym.to_string(), rule);
            }
        }
        for f in split_forms(&row.singular_forms)
            .chain(split_forms(&row.plural_forms))
            .chain(split_forms(&row.other_surface_forms))
            .chain(with_code)
        {
            // "kiloton (mass)" style notes in a form are not surface text
            if !f.contains('(') {
                self.add_name(f, id);
            }
        }
    }

    /// Adds the rows of `units.csv` or `units-extra.csv`.
    pub(crate) fn load_units(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<UnitRow>(file, data)? {
            let factor = dec(&row.factor_to_si).ok_or_else(|| {
                row_error(
                    file,
                    line,
                    format!("bad factor_to_si '{}'", row.factor_to_si),
                )
            })?;
            let offset = if row.offset_to_si.trim().is_empty() {
                Decimal::ZERO
            } else {
                dec(&row.offset_to_si).ok_or_else(|| {
                    row_error(
                        file,
                        line,
                        format!("bad offset_to_si '{}'", row.offset_to_si),
                    )
                })?
            };
            let code = row.canonical_name.trim().to_string();
            // a row naming a unit that already exists adds surface forms to it (an alias row)
            if let Some(id) = self
                .units
                .iter()
                .position(|u| u.code == code && u.kind != UnitKind::Currency)
            {
                self.add_unit_forms(&row, id as UnitId, None);
                continue;
            }
            let singular = split_forms(&row.singular_forms)
                .next()
                .unwrap_or(&code)
                .to_string();
            let id = self.push_unit(Unit {
                code: code.clone(),
                dimension: row.dimension.trim().to_string(),
                // percent and percentage points are told apart by dimensions.csv
                kind: UnitKind::Physical,
                si_factor: factor,
                si_offset: offset,
                si_unit: row.si_unit.trim().to_string(),
                name: singular,
                symbol: split_forms(&row.symbols).next().map(String::from),
                role: Default::default(),
            });
            self.add_unit_forms(&row, id, Some(&code));
        }
        Ok(())
    }

    /// Adds the rows of `currencies.csv`.
    pub(crate) fn load_currencies(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<CurrencyRow>(file, data)? {
            let code = row.code.trim().to_string();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row_error(
                    file,
                    line,
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
                role: Default::default(),
            });
            self.currency_codes.insert(code.clone(), id);
            let current = row.status.starts_with("iso4217_current");
            if current {
                self.current_currencies.insert(id);
            }
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
            for m in split_forms(&row.minor_unit_forms) {
                self.minor_forms.push((id, m.to_string()));
            }
        }
        Ok(())
    }

    fn add_currency_symbol(&mut self, s: &str, id: UnitId, current: bool) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        let form = self.currency_symbols.entry(s.to_string()).or_default();
        if current {
            form.readings.insert(0, (id, Vec::new()));
        } else if form.readings.is_empty() {
            form.readings.push((id, Vec::new()));
        }
    }

    fn add_currency_name(&mut self, n: &str, id: UnitId, current: bool) {
        let n = super::normalise_name(n);
        // a bare "dollar" or "pound" is resolved by currency-defaults.csv
        if n.is_empty() || n.split(' ').count() > 4 {
            return;
        }
        self.max_name_words = self.max_name_words.max(n.split(' ').count());
        let form = self.currency_names.entry(n).or_default();
        if form.readings.iter().any(|r| r.0 == id) {
            return;
        }
        if current {
            form.readings.insert(0, (id, Vec::new()));
        } else {
            form.readings.push((id, Vec::new()));
        }
    }

    /// Adds the rows of `currency-defaults.csv`.
    pub(crate) fn load_currency_defaults(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            sign: String,
            code: String,
            cues: String,
        }
        let mut fresh: FxHashMap<String, Vec<(UnitId, Vec<String>)>> = FxHashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (line, row) in rows::<Row>(file, data)? {
            let id = *self.currency_codes.get(row.code.trim()).ok_or_else(|| {
                row_error(file, line, format!("unknown currency code '{}'", row.code))
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
            if let Some(minor) = self.minor_currency.get_mut(&sign) {
                *minor = form;
            } else if is_name {
                self.currency_names
                    .insert(super::normalise_name(&sign), form);
            } else {
                self.currency_symbols.insert(sign, form);
            }
        }
        // minor-unit names are looked up separately
        for m in self.minor_currency.keys() {
            self.currency_names.remove(m);
        }
        Ok(())
    }

    /// Adds the rows of `minor-units.csv`.
    pub(crate) fn load_minor_units(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            code: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let code = row.code.trim();
            if !self.currency_codes.contains_key(code) {
                return Err(row_error(
                    file,
                    line,
                    format!("unknown currency code '{code}'"),
                ));
            }
            self.minor_codes.push(code.to_string());
        }
        Ok(())
    }

    /// The minor-unit forms of the currencies `minor-units.csv` names, in currency order.
    pub(crate) fn add_minor_units(&mut self) {
        for (id, form) in std::mem::take(&mut self.minor_forms) {
            if self.minor_codes.contains(&self.units[id as usize].code) {
                self.minor_currency
                    .entry(form)
                    .or_default()
                    .readings
                    .push((id, Vec::new()));
            }
        }
    }

    /// Current ISO codes in lower case as currency names ("12 eur"), except the codes that are
    /// words (`code-words.csv`).
    pub(crate) fn add_lowercase_codes(&mut self, tables: &[(String, &str)]) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
        }
        let mut words = rustc_hash::FxHashSet::default();
        for (file, data) in tables {
            for (_, row) in rows::<Row>(file, data)? {
                words.insert(row.word.trim().to_lowercase());
            }
        }
        let current: Vec<(String, UnitId)> = self
            .currency_codes
            .iter()
            .filter(|(_, id)| self.current_currencies.contains(*id))
            .map(|(c, &id)| (c.to_lowercase(), id))
            .collect();
        for (code, id) in current {
            if words.contains(&code)
                || self.unit_names.contains_key(&code)
                || self.roles.contains_key(&code)
            {
                continue;
            }
            self.currency_names
                .entry(code)
                .or_default()
                .readings
                .push((id, Vec::new()));
        }
        Ok(())
    }

    /// Adds the rows of `unit-defaults.csv`.
    pub(crate) fn load_unit_defaults(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            form: String,
            unit: String,
            cues: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let id = self
                .unit_by_code(row.unit.trim())
                .ok_or_else(|| row_error(file, line, format!("unknown unit '{}'", row.unit)))?;
            let cues: Vec<String> = split_forms(&row.cues).map(|c| c.to_lowercase()).collect();
            self.unit_readings
                .entry(super::normalise_name(&row.form))
                .or_default()
                .readings
                .push((id, cues));
        }
        Ok(())
    }

    /// Adds the rows of `ages.csv`.
    pub(crate) fn load_ages(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            form: String,
            unit: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let id = self
                .unit_by_code(row.unit.trim())
                .ok_or_else(|| row_error(file, line, format!("unknown unit '{}'", row.unit)))?;
            self.age_forms.insert(super::normalise_name(&row.form), id);
        }
        Ok(())
    }
}
