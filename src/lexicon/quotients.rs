//! Quotient units ("km/h", "metres per second", "m/s²") from `lexicon/en/quotients.csv`. Their
//! units are made when the tables load, one per pair of units of the row's two dimensions; their
//! forms are not listed (tens of thousands of them) but recognised when a form is looked up: a
//! form that matches a row's template ("{a} per {b}") is split there, and each side is looked up
//! as a unit of its dimension.

use rustc_hash::FxHashMap;

use super::units::{UnitId, UnitKind};
use super::{Lexicon, Role};

/// A form template split at its placeholders: `before{a}between{b}after`.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    before: String,
    between: String,
    after: String,
    /// Finds `between` (set up once: forms are looked up for every word after a number).
    finder: memchr::memmem::Finder<'static>,
}

impl Template {
    /// Parses a template with one `{a}` followed by one `{b}` and text between them; `None`
    /// when it is not such a template.
    pub(crate) fn parse(t: &str) -> Option<Template> {
        let (before, rest) = t.split_once("{a}")?;
        let (between, after) = rest.split_once("{b}")?;
        let placeholders = ["{a}", "{b}"];
        let clean = |s: &str| !placeholders.iter().any(|p| s.contains(p));
        let ok = !between.is_empty() && clean(before) && clean(between) && clean(after);
        ok.then(|| Template::new(before, between, after))
    }

    fn new(before: &str, between: &str, after: &str) -> Template {
        Template {
            before: before.to_string(),
            between: between.to_string(),
            after: after.to_string(),
            finder: memchr::memmem::Finder::new(between.as_bytes()).into_owned(),
        }
    }

    /// The template lower-cased, as names are matched.
    pub(crate) fn lowercase(&self) -> Template {
        Template::new(
            &self.before.to_lowercase(),
            &self.between.to_lowercase(),
            &self.after.to_lowercase(),
        )
    }

    /// The form the template makes of `a` and `b`.
    pub(crate) fn make(&self, a: &str, b: &str) -> String {
        format!("{}{a}{}{b}{}", self.before, self.between, self.after)
    }

    /// Every way `form` splits into the template's `a` and `b`, leftmost separator first.
    fn splits<'s, 'f: 's>(
        &'s self,
        form: &'f str,
    ) -> impl Iterator<Item = (&'f str, &'f str)> + 's {
        // most forms looked up are no quotient: the prebuilt finder rules them out first
        let maybe = self.finder.find(form.as_bytes()).is_some();
        let inner = form
            .strip_prefix(self.before.as_str())
            .and_then(|r| r.strip_suffix(self.after.as_str()))
            .filter(|_| maybe)
            .unwrap_or("");
        self.finder
            .find_iter(inner.as_bytes())
            .filter(move |&i| inner.is_char_boundary(i))
            .map(move |i| (&inner[..i], &inner[i + self.between.len()..]))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty())
    }

    /// Words of the template's own text.
    pub(crate) fn words(&self) -> usize {
        [&self.before, &self.between, &self.after]
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum()
    }
}

/// One row of `quotients.csv`, read.
#[derive(Debug, Clone)]
pub(crate) struct QuotientRule {
    /// Dimension of the numerator.
    pub(crate) numerator: String,
    /// Dimension of the denominator.
    pub(crate) denominator: String,
    /// Symbol templates ("{a}/{b}"), matched as written.
    pub(crate) symbols: Vec<Template>,
    /// Name templates ("{a} per {b}"), lower case.
    pub(crate) names: Vec<Template>,
}

/// The quotient rules and the unit made for each pair of units.
#[derive(Debug, Default)]
pub(crate) struct Quotients {
    /// The rules, in table order.
    pub(crate) rules: Vec<QuotientRule>,
    /// (numerator unit, denominator unit) -> their quotient.
    pub(crate) by_pair: FxHashMap<(UnitId, UnitId), UnitId>,
}

/// A symbol that composes: letters only, no space ("km", "h"; not "°C" or "sq ft").
pub(crate) fn composable(sym: &str) -> bool {
    !sym.contains(' ') && sym.chars().all(char::is_alphabetic)
}

impl Lexicon {
    /// The unit a symbol stands for, as written: a listed symbol, or a quotient of two
    /// ("km/h", "m/s²").
    pub fn unit_by_symbol(&self, sym: &str) -> Option<UnitId> {
        if let Some(&id) = self.unit_symbols.get(sym) {
            return Some(id);
        }
        if sym.is_empty()
            || self.currency_symbols.contains_key(sym)
            || self.roles(&sym.to_lowercase()).has(Role::TimeMarker)
        {
            return None;
        }
        self.quotients.rules.iter().find_map(|rule| {
            rule.symbols.iter().find_map(|t| {
                t.splits(sym).find_map(|(a, b)| {
                    let a = self.unit_symbols.get(a).filter(|_| composable(a))?;
                    let b = self.unit_symbols.get(b)?;
                    self.quotient_of(rule, *a, *b)
                })
            })
        })
    }

    /// The unit a name stands for (lower case, words joined by one space): a listed name, or a
    /// quotient of two ("kilometres per hour").
    pub fn unit_by_name(&self, name: &str) -> Option<UnitId> {
        if let Some(&id) = self.unit_names.get(name) {
            return Some(id);
        }
        if name.is_empty() || self.currency_names.contains_key(name) {
            return None;
        }
        self.quotients.rules.iter().find_map(|rule| {
            rule.names.iter().find_map(|t| {
                t.splits(name).find_map(|(a, b)| {
                    let a = self.unit_names.get(a)?;
                    let b = self.unit_names.get(b)?;
                    self.quotient_of(rule, *a, *b)
                })
            })
        })
    }

    /// The quotient unit of `a` over `b` under `rule`, when their dimensions are the rule's.
    fn quotient_of(&self, rule: &QuotientRule, a: UnitId, b: UnitId) -> Option<UnitId> {
        let of = |id: UnitId, dimension: &str| {
            let u = self.unit(id);
            u.kind == UnitKind::Physical && u.dimension == dimension
        };
        if !(of(a, &rule.numerator) && of(b, &rule.denominator)) {
            return None;
        }
        self.quotients.by_pair.get(&(a, b)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_at_every_separator() {
        let t = Template::parse("{a} per {b}").unwrap();
        let splits: Vec<_> = t.splits("miles per hour per hour").collect();
        assert_eq!(
            splits,
            vec![("miles", "hour per hour"), ("miles per hour", "hour")]
        );
        assert_eq!(t.make("km", "h"), "km per h");
        assert_eq!(t.words(), 1);
        assert!(Template::parse("{a}{b}").is_none());
        assert!(Template::parse("{b}/{a}").is_none());
        assert!(Template::parse("{a}/{b}/{a}").is_none());
    }

    fn code(lex: &Lexicon, id: Option<UnitId>) -> Option<String> {
        id.map(|id| lex.unit(id).code.clone())
    }

    #[test]
    fn quotient_forms_are_recognised_without_being_listed() {
        let lex = Lexicon::embedded();
        let speed = |s: &str| code(lex, lex.unit_by_symbol(s));
        assert_eq!(speed("km/h").as_deref(), Some("kilometre per hour"));
        assert_eq!(speed("mm/s").as_deref(), Some("millimetre per second"));
        assert_eq!(speed("m/s²").as_deref(), Some("metre per square second"));
        let name = |s: &str| code(lex, lex.unit_by_name(s));
        assert_eq!(
            name("kilometres per hour").as_deref(),
            Some("kilometre per hour")
        );
        assert_eq!(name("feet per minute").as_deref(), Some("foot per minute"));
        // the sides must be of the row's dimensions
        assert_eq!(name("kilograms per hour"), None);
        assert_eq!(speed("kg/h"), None);
        assert_eq!(name("per hour"), None);
        assert!(!lex.unit_names.contains_key("feet per minute"));
    }

    #[test]
    fn a_quotient_unit_has_its_factor_and_a_symbol() {
        let lex = Lexicon::embedded();
        let id = lex.unit_by_name("metres per minute").unwrap();
        let u = lex.unit(id);
        assert_eq!(u.dimension, "speed");
        assert_eq!(
            u.si_factor,
            rust_decimal::Decimal::new(1, 0) / rust_decimal::Decimal::new(60, 0)
        );
        assert!(
            u.symbol
                .as_deref()
                .is_some_and(|s| lex.unit_by_symbol(s) == Some(id))
        );
    }
}
