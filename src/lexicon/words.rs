//! Words: number words (`numbers.csv`), scale words (`scales.csv`), qualifier phrases
//! (`qualifiers.csv`), change verbs (`changes.csv`) and word roles (`words.csv`).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Lexicon;
use super::roles::{Role, Roles};
use super::tables::{dec, row_error, rows};
use crate::claim::{Direction, Qualifier};
use crate::error::DataResult;

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

impl NumberWordKind {
    /// Every kind with the name `numbers.csv` gives it.
    pub const NAMES: [(&'static str, NumberWordKind); 9] = [
        ("unit", NumberWordKind::Unit),
        ("ten", NumberWordKind::Ten),
        ("hundred", NumberWordKind::Hundred),
        ("scale", NumberWordKind::Scale),
        ("dozen", NumberWordKind::Dozen),
        ("fraction", NumberWordKind::Fraction),
        ("denominator", NumberWordKind::Denominator),
        ("vague", NumberWordKind::Vague),
        ("multiplier", NumberWordKind::Multiplier),
    ];
}

/// One number word and its value.
#[derive(Debug, Clone, Copy)]
pub struct NumberWord {
    /// The value ("seven": 7; a denominator's denominator: "third": 3).
    pub value: Decimal,
    /// How the word combines with its neighbours.
    pub kind: NumberWordKind,
}

/// A scale word or suffix ("bn", "million", "k").
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// What it multiplies the number before it by.
    pub multiplier: Decimal,
    /// It may follow digits with no space ("1.2bn").
    pub attached: bool,
    /// It may follow a number after a space ("1.2 billion").
    pub spaced: bool,
}

/// What the lexicon knows about one lower-case word, gathered so that the extractor looks each
/// token up once.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// Its roles (`words.csv`).
    pub roles: Roles,
    /// Its value as a number word (`numbers.csv`).
    pub number: Option<NumberWord>,
    /// The direction of change it states (`changes.csv`).
    pub change: Option<Direction>,
    /// It is a scale word written in lower case (`scales.csv`: "million", "bn").
    pub scale: bool,
}

impl Lexicon {
    /// Gathers [`WordInfo`] for every word some table names.
    pub(crate) fn build_word_index(&mut self) {
        let mut words: rustc_hash::FxHashMap<String, WordInfo> = Default::default();
        for (w, r) in &self.roles {
            words.entry(w.clone()).or_default().roles = *r;
        }
        for (w, n) in &self.number_words {
            words.entry(w.clone()).or_default().number = Some(*n);
        }
        for (w, d) in &self.changes {
            words.entry(w.clone()).or_default().change = Some(*d);
        }
        for w in self.scales.keys() {
            if *w == w.to_lowercase() {
                words.entry(w.clone()).or_default().scale = true;
            }
        }
        self.words = words;
        self.dotted = self
            .roles
            .iter()
            .filter(|(w, _)| w.contains('.'))
            .map(|(w, r)| (w.clone(), *r))
            .collect();
        self.dotted.sort_by(|a, b| a.0.cmp(&b.0));
    }

    /// The words written with full stops ("a.m.", "a.d.") that have one of these roles.
    pub fn dotted_words(&self, roles: Roles) -> impl Iterator<Item = &str> {
        self.dotted
            .iter()
            .filter(move |(_, r)| r.any(roles))
            .map(|(w, _)| w.as_str())
    }

    /// What the tables say about a lower-case word.
    pub fn word(&self, lower: &str) -> Option<&WordInfo> {
        self.words.get(lower)
    }

    /// Adds the rows of `numbers.csv`.
    pub(crate) fn load_numbers(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
            value: String,
            kind: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let value = dec(&row.value)
                .ok_or_else(|| row_error(file, line, format!("bad value '{}'", row.value)))?;
            let kind = NumberWordKind::NAMES
                .iter()
                .find(|(name, _)| *name == row.kind.as_str())
                .map(|&(_, k)| k)
                .ok_or_else(|| row_error(file, line, format!("unknown kind '{}'", row.kind)))?;
            self.number_words
                .insert(row.word.trim().to_lowercase(), NumberWord { value, kind });
        }
        Ok(())
    }

    /// Adds the rows of `scales.csv`.
    pub(crate) fn load_scales(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            form: String,
            multiplier: String,
            attached: String,
            spaced: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let multiplier = dec(&row.multiplier).ok_or_else(|| {
                row_error(file, line, format!("bad multiplier '{}'", row.multiplier))
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

    /// Adds the rows of `qualifiers.csv`.
    pub(crate) fn load_qualifiers(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            phrase: String,
            qualifier: String,
            position: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let q: Qualifier = row
                .qualifier
                .trim()
                .parse()
                .map_err(|m: String| row_error(file, line, m))?;
            let words: Vec<String> = row
                .phrase
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .collect();
            match row.position.trim() {
                "before" => self.qualifiers_before.push((words, q)),
                "after" => self.qualifiers_after.push((words, q)),
                p => {
                    return Err(row_error(
                        file,
                        line,
                        format!("position must be before or after, not '{p}'"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Adds the rows of `changes.csv`.
    pub(crate) fn load_changes(&mut self, file: &str, data: &str) -> DataResult<()> {
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
                    return Err(row_error(
                        file,
                        line,
                        format!("direction must be up or down, not '{o}'"),
                    ));
                }
            };
            self.changes.insert(row.word.trim().to_lowercase(), d);
        }
        Ok(())
    }

    /// Adds the rows of `words.csv` or `grammar.csv`.
    pub(crate) fn load_words(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            word: String,
            role: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let role = Role::from_name(row.role.trim()).ok_or_else(|| {
                row_error(file, line, format!("unknown role '{}'", row.role.trim()))
            })?;
            self.roles
                .entry(row.word.trim().to_lowercase())
                .or_default()
                .insert(role);
        }
        Ok(())
    }
}
