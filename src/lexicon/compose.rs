//! Units composed by rule rather than listed: SI and binary prefixes on the units that take
//! them (`lexicon/prefixes.csv`, `lexicon/prefixed-units.csv`: "kV", "gigahertz", "µL") and
//! powers of a dimension's units (`lexicon/en/powers.csv`: "km²", "sq ft", "cubic metres",
//! "metres squared"). A composed unit that is already a row gains the composed forms; one that
//! is not is made from its base.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::quotients::{QuotientRule, Template, composable};
use super::tables::{dec, row_error, rows, split_forms};
use super::units::{Collision, Unit, UnitId, UnitKind};
use super::{Lexicon, Role, normalise_name};
use crate::error::DataResult;

/// A prefix: its name, symbols and factor.
#[derive(Debug, Clone)]
struct Prefix {
    name: String,
    symbols: Vec<String>,
    factor: Decimal,
}

/// The composition tables, read as they come and applied once every unit is loaded.
#[derive(Debug, Default)]
pub(crate) struct Composition {
    prefixes: FxHashMap<String, Prefix>,
    prefixed: Vec<(String, Vec<String>, String, u64)>,
    powers: Vec<PowerRow>,
    quotients: Vec<QuotientRow>,
}

#[derive(Debug, Deserialize, Clone)]
struct QuotientRow {
    numerator: String,
    denominator: String,
    to: String,
    code: String,
    symbol_forms: String,
    name_forms: String,
}

impl QuotientRow {
    /// The row as a rule (its templates checked when the row was read).
    fn rule(&self) -> QuotientRule {
        let parse = |forms: &str| split_forms(forms).filter_map(Template::parse).collect();
        let names: Vec<Template> = parse(&self.name_forms);
        QuotientRule {
            numerator: self.numerator.trim().to_string(),
            denominator: self.denominator.trim().to_string(),
            symbols: parse(&self.symbol_forms),
            names: names.iter().map(Template::lowercase).collect(),
        }
    }
}

#[derive(Debug, Deserialize, Clone)]
struct PowerRow {
    from: String,
    to: String,
    power: u32,
    code: String,
    symbol_forms: String,
    name_forms: String,
}

/// The forms of a unit as the tables give them.
#[derive(Default, Clone)]
struct Forms {
    symbols: Vec<String>,
    names: Vec<String>,
}

impl Composition {
    /// Adds the rows of `prefixes.csv`.
    pub(crate) fn load_prefixes(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            name: String,
            symbols: String,
            factor: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let factor = dec(&row.factor)
                .ok_or_else(|| row_error(file, line, format!("bad factor '{}'", row.factor)))?;
            let name = row.name.trim().to_lowercase();
            let symbols = split_forms(&row.symbols).map(String::from).collect();
            self.prefixes.insert(
                name.clone(),
                Prefix {
                    name,
                    symbols,
                    factor,
                },
            );
        }
        Ok(())
    }

    /// Adds the rows of `prefixed-units.csv` (checked when applied).
    pub(crate) fn load_prefixed(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            unit: String,
            prefixes: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let names = split_forms(&row.prefixes).map(str::to_lowercase).collect();
            self.prefixed
                .push((row.unit.trim().to_string(), names, file.to_string(), line));
        }
        Ok(())
    }

    /// Adds the rows of `powers.csv`.
    pub(crate) fn load_powers(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<PowerRow>(file, data)? {
            if !(2..=3).contains(&row.power) {
                return Err(row_error(
                    file,
                    line,
                    format!("power {} is not 2 or 3", row.power),
                ));
            }
            self.powers.push(row);
        }
        Ok(())
    }
}

/// A composed symbol of lower-case letters with a vowel ("dam", "pm") may be a word, and is
/// read only glued to its number; one without ("kb", "ns", "dm") is read written apart too.
pub(crate) fn may_be_word(sym: &str) -> bool {
    sym.chars().all(|c| c.is_ascii_lowercase()) && sym.chars().any(|c| "aeiouy".contains(c))
}

impl Composition {
    /// Adds the rows of `quotients.csv`.
    pub(crate) fn load_quotients(&mut self, file: &str, data: &str) -> DataResult<()> {
        for (line, row) in rows::<QuotientRow>(file, data)? {
            let templates = split_forms(&row.symbol_forms).chain(split_forms(&row.name_forms));
            for t in templates {
                if Template::parse(t).is_none() {
                    let message = format!(
                        "form '{t}' must be {{a}}, text, then {{b}} (each once), as in '{{a}} per {{b}}'"
                    );
                    return Err(row_error(file, line, message));
                }
            }
            self.quotients.push(row);
        }
        Ok(())
    }
}

impl Lexicon {
    /// The units of a dimension (physical ones), by id.
    fn units_of(&self, dimension: &str) -> Vec<UnitId> {
        (0..self.units.len())
            .filter(|&i| {
                self.units[i].dimension == dimension && self.units[i].kind == UnitKind::Physical
            })
            .map(|i| i as UnitId)
            .collect()
    }

    /// Applies one row of `quotients.csv`: a unit for each pair of units of its dimensions (or
    /// the row already listing it), its symbol the first the templates make; the forms
    /// themselves are recognised on lookup ([`Lexicon::unit_by_symbol`]).
    fn add_quotients(
        &mut self,
        row: &QuotientRow,
        forms: &[Forms],
        codes: &mut FxHashMap<String, UnitId>,
    ) {
        let rule = row.rule();
        let nums = self.units_of(&rule.numerator);
        let dens = self.units_of(&rule.denominator);
        for &a in &nums {
            for &b in &dens {
                let (ua, ub) = (&self.units[a as usize], &self.units[b as usize]);
                let Some(factor) = ua.si_factor.checked_div(ub.si_factor) else {
                    continue;
                };
                let code = row.code.replace("{ca}", &ua.code).replace("{cb}", &ub.code);
                let id = self.unit_or_new(codes, &code, a, row.to.trim(), factor);
                self.quotients.by_pair.entry((a, b)).or_insert(id);
                if self.units[id as usize].symbol.is_none() {
                    let (fa, fb) = (&forms[a as usize], &forms[b as usize]);
                    let first = rule.symbols.iter().find_map(|t| {
                        fa.symbols.iter().filter(|s| composable(s)).find_map(|sa| {
                            fb.symbols.iter().map(|sb| t.make(sa, sb)).find(|sym| {
                                !self.unit_symbols.contains_key(sym)
                                    && !self.currency_symbols.contains_key(sym)
                                    && !self.roles(&sym.to_lowercase()).has(Role::TimeMarker)
                            })
                        })
                    });
                    self.units[id as usize].symbol = first;
                }
            }
        }
        // the longest composed name bounds how many words a unit's name may span
        let mut words = vec![0usize; self.units.len()];
        for (n, &id) in &self.unit_names {
            let w = &mut words[id as usize];
            *w = (*w).max(n.split(' ').count());
        }
        let template = rule.names.iter().map(Template::words).max();
        for &a in &nums {
            for &b in &dens {
                let (wa, wb) = (words[a as usize], words[b as usize]);
                if wa > 0
                    && wb > 0
                    && let Some(t) = template
                    && self.quotients.by_pair.contains_key(&(a, b))
                {
                    self.max_name_words = self.max_name_words.max(wa + wb + t);
                }
            }
        }
        self.quotients.rules.push(rule);
    }

    /// The symbols and names of the units `wanted` picks, by id (other units' forms empty).
    fn forms_by_unit(&self, wanted: &[bool]) -> Vec<Forms> {
        let mut forms = vec![Forms::default(); self.units.len()];
        let wanted = |id: UnitId| wanted.get(id as usize).copied().unwrap_or(false);
        for (s, &id) in self.unit_symbols.iter().filter(|(_, id)| wanted(**id)) {
            forms[id as usize].symbols.push(s.clone());
        }
        for (n, &id) in self.unit_names.iter().filter(|(_, id)| wanted(**id)) {
            forms[id as usize].names.push(n.clone());
        }
        for f in &mut forms {
            f.symbols.sort();
            f.names.sort();
        }
        forms
    }

    /// A mask over the units: those of `ids`.
    fn mask(&self, ids: impl IntoIterator<Item = UnitId>) -> Vec<bool> {
        let mut mask = vec![false; self.units.len()];
        for id in ids {
            mask[id as usize] = true;
        }
        mask
    }

    /// The physical unit with this code (`codes`: the codes of the units that are not
    /// currencies), or a new one made like `base` with `factor`.
    fn unit_or_new(
        &mut self,
        codes: &mut FxHashMap<String, UnitId>,
        code: &str,
        base: UnitId,
        dimension: &str,
        factor: Decimal,
    ) -> UnitId {
        if let Some(&id) = codes.get(code) {
            return id;
        }
        codes.insert(code.to_string(), self.units.len() as UnitId);
        let b = &self.units[base as usize];
        let si_unit = if dimension == b.dimension {
            b.si_unit.clone()
        } else {
            let same = self.units.iter().find(|u| u.dimension == dimension);
            same.map(|u| u.si_unit.clone()).unwrap_or_default()
        };
        self.units.push(Unit {
            code: code.to_string(),
            dimension: dimension.to_string(),
            kind: UnitKind::Physical,
            si_factor: factor,
            si_offset: Decimal::ZERO,
            si_unit,
            name: code.to_string(),
            symbol: None,
            role: Default::default(),
        });
        (self.units.len() - 1) as UnitId
    }

    /// A composed symbol: read as written; one of lower-case letters only is read glued.
    fn add_composed_symbol(&mut self, sym: &str, id: UnitId) {
        if sym.is_empty()
            || self.unit_symbols.contains_key(sym)
            || self.currency_symbols.contains_key(sym)
            || self.roles(&sym.to_lowercase()).has(Role::TimeMarker)
        {
            return;
        }
        self.unit_symbols.insert(sym.to_string(), id);
        if may_be_word(sym) {
            self.symbol_collisions
                .insert(sym.to_string(), Collision::Glued);
        }
        let u = &mut self.units[id as usize];
        if u.symbol.is_none() {
            u.symbol = Some(sym.to_string());
        }
    }

    /// A composed name, unless another unit has it.
    fn add_composed_name(&mut self, name: &str, id: UnitId) {
        let n = normalise_name(name);
        if n.is_empty() || self.currency_names.contains_key(&n) {
            return;
        }
        self.max_name_words = self.max_name_words.max(n.split(' ').count());
        self.unit_names.entry(n).or_insert(id);
    }

    /// Applies the composition tables: prefixes first, then powers (so "km²" is composed from
    /// the composed "km").
    pub(crate) fn compose_units(&mut self, comp: &Composition) -> DataResult<()> {
        // the first unit of each code that is not a currency's
        let mut codes = FxHashMap::default();
        for (i, u) in self.units.iter().enumerate().rev() {
            if u.kind != UnitKind::Currency {
                codes.insert(u.code.clone(), i as UnitId);
            }
        }
        let mut bases = Vec::new();
        for (unit, names, file, line) in &comp.prefixed {
            let base = self
                .unit_by_code(unit)
                .ok_or_else(|| row_error(file, *line, format!("unknown unit '{unit}'")))?;
            bases.push((base, names, file, line));
        }
        // only the units composed from need their forms listed
        let forms = self.forms_by_unit(&self.mask(bases.iter().map(|b| b.0)));
        for (base, names, file, line) in bases {
            for p in names {
                let prefix = comp
                    .prefixes
                    .get(p)
                    .ok_or_else(|| row_error(file, *line, format!("unknown prefix '{p}'")))?;
                self.add_prefixed(&mut codes, base, prefix, &forms[base as usize]);
            }
        }
        let powered = comp
            .powers
            .iter()
            .flat_map(|r| self.units_of(r.from.trim()));
        let forms = self.forms_by_unit(&self.mask(powered));
        for row in &comp.powers {
            for base in self.units_of(row.from.trim()) {
                self.add_power(&mut codes, row, base, &forms[base as usize]);
            }
        }
        let sides = comp.quotients.iter().flat_map(|r| {
            let mut ids = self.units_of(r.numerator.trim());
            ids.extend(self.units_of(r.denominator.trim()));
            ids
        });
        let forms = self.forms_by_unit(&self.mask(sides));
        for row in &comp.quotients {
            self.add_quotients(row, &forms, &mut codes);
        }
        // a composed symbol that is a clock-time marker ("10.45pm") is never a unit symbol; one a
        // table lists with its collision rule ("18ct", "5pt") keeps that rule
        let times: Vec<String> = self
            .unit_symbols
            .keys()
            .filter(|s| !self.symbol_collisions.contains_key(*s))
            .filter(|s| self.roles(&s.to_lowercase()).has(Role::TimeMarker))
            .cloned()
            .collect();
        for s in times {
            self.symbol_collisions.insert(s, Collision::Never);
        }
        Ok(())
    }

    /// The unit `base` raised to the row's power, with the composed symbols and names.
    fn add_power(
        &mut self,
        codes: &mut FxHashMap<String, UnitId>,
        row: &PowerRow,
        base: UnitId,
        f: &Forms,
    ) {
        let b = &self.units[base as usize];
        let Some(factor) =
            (0..row.power).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(b.si_factor))
        else {
            return;
        };
        let code = row.code.replace("{c}", &b.code);
        let id = self.unit_or_new(codes, &code, base, row.to.trim(), factor);
        for s in f.symbols.iter().filter(|s| composable(s)) {
            for t in split_forms(&row.symbol_forms) {
                self.add_composed_symbol(&t.replace("{s}", s), id);
            }
        }
        for n in &f.names {
            for t in split_forms(&row.name_forms) {
                self.add_composed_name(&t.replace("{n}", n), id);
            }
        }
    }

    /// The unit `prefix` + `base`, with the composed symbols and names.
    fn add_prefixed(
        &mut self,
        codes: &mut FxHashMap<String, UnitId>,
        base: UnitId,
        prefix: &Prefix,
        forms: &Forms,
    ) {
        let b = &self.units[base as usize];
        let code = format!("{}{}", prefix.name, b.code);
        let (dimension, factor) = (b.dimension.clone(), b.si_factor * prefix.factor);
        let id = self.unit_or_new(codes, &code, base, &dimension, factor);
        for s in &forms.symbols {
            if !composable(s) {
                continue;
            }
            for ps in &prefix.symbols {
                self.add_composed_symbol(&format!("{ps}{s}"), id);
            }
        }
        for n in &forms.names {
            if n.starts_with(|c: char| c.is_alphabetic()) && !n.contains(' ') {
                self.add_composed_name(&format!("{}{n}", prefix.name), id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    fn code(form: &str) -> Option<String> {
        let lex = Lexicon::embedded();
        lex.resolve_unit(form).map(|id| lex.unit(id).code.clone())
    }

    #[test]
    fn prefixes_compose_symbols_and_names() {
        assert_eq!(code("kV").as_deref(), Some("kilovolt"));
        assert_eq!(code("millivolts").as_deref(), Some("millivolt"));
        assert_eq!(code("GHz").as_deref(), Some("gigahertz"));
        assert_eq!(code("µL").as_deref(), Some("microlitre"));
        assert_eq!(code("GeV").as_deref(), Some("gigaelectronvolt"));
        let lex = Lexicon::embedded();
        let kv = lex.unit(lex.resolve_unit("kV").unwrap());
        assert_eq!(kv.si_factor, rust_decimal::Decimal::from(1000));
        // a row already there keeps its factor and gains nothing wrong
        assert_eq!(code("km").as_deref(), Some("kilometre"));
    }

    #[test]
    fn powers_compose_areas_and_volumes() {
        assert_eq!(code("km^2").as_deref(), Some("square kilometre"));
        assert_eq!(
            code("kilometres squared").as_deref(),
            Some("square kilometre")
        );
        assert_eq!(code("cubic kilometers").as_deref(), Some("cubic kilometre"));
        assert_eq!(code("mm²").as_deref(), Some("square millimetre"));
        let lex = Lexicon::embedded();
        let mm2 = lex.unit(lex.resolve_unit("mm2").unwrap());
        assert_eq!(mm2.si_factor, rust_decimal::Decimal::new(1, 6));
        assert_eq!(mm2.dimension, "area");
    }
}
