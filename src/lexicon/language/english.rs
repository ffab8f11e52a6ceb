//! English morphology, read from `lexicon/en/endings.csv`.

use serde::Deserialize;

use super::{Ending, Language};
use crate::error::DataResult;
use crate::lexicon::tables::{row_error, rows};

/// The class of an ending row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Plural,
    NotPlural,
    RegularPlural,
    PluralNoun,
    Says(Ending),
}

impl Class {
    /// Index into `English::by_class`.
    fn index(self) -> usize {
        match self {
            Class::Plural => 0,
            Class::NotPlural => 1,
            Class::RegularPlural => 2,
            Class::PluralNoun => 3,
            Class::Says(e) => 4 + e as usize,
        }
    }

    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "plural" => Class::Plural,
            "not_plural" => Class::NotPlural,
            "regular_plural" => Class::RegularPlural,
            "plural_noun" => Class::PluralNoun,
            "possessive" => Class::Says(Ending::Possessive),
            "verb_s" => Class::Says(Ending::VerbS),
            "adverb" => Class::Says(Ending::Adverb),
            "past_participle" => Class::Says(Ending::PastParticiple),
            "present_participle" => Class::Says(Ending::PresentParticiple),
            "ordinal" => Class::Says(Ending::Ordinal),
            "adjective" => Class::Says(Ending::Adjective),
            _ => return None,
        })
    }
}

/// One row of `endings.csv`.
#[derive(Debug, Clone)]
struct Rule {
    ending: String,
    class: Class,
    singular: String,
    min_length: usize,
}

impl Rule {
    fn applies(&self, word: &str) -> bool {
        word.len() >= self.min_length && word.ends_with(self.ending.as_str())
    }
}

/// English: plurals and word endings from `lexicon/en/endings.csv`.
#[derive(Debug, Clone, Default)]
pub struct English {
    /// Every row, in file order.
    rules: Vec<Rule>,
    /// The rows of each class but `Plural` and `NotPlural` (looked up often), by class index.
    by_class: Vec<Vec<Rule>>,
}

impl English {
    /// Adds the rows of an endings table.
    pub(crate) fn load(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            ending: String,
            class: String,
            singular: String,
            min_length: String,
        }
        for (line, row) in rows::<Row>(file, data)? {
            let class = Class::parse(row.class.trim())
                .ok_or_else(|| row_error(file, line, format!("unknown class '{}'", row.class)))?;
            let min = row.min_length.trim();
            let min_length = if min.is_empty() {
                0
            } else {
                min.parse()
                    .map_err(|_| row_error(file, line, format!("bad min_length '{min}'")))?
            };
            let rule = Rule {
                ending: row.ending.trim().to_string(),
                class,
                singular: row.singular.trim().to_string(),
                min_length,
            };
            let i = class.index();
            if self.by_class.len() <= i {
                self.by_class.resize(i + 1, Vec::new());
            }
            self.by_class[i].push(rule.clone());
            self.rules.push(rule);
        }
        Ok(())
    }

    fn any(&self, word: &str, class: Class) -> bool {
        self.by_class
            .get(class.index())
            .is_some_and(|rules| rules.iter().any(|r| r.applies(word)))
    }
}

impl Language for English {
    fn code(&self) -> &str {
        "en"
    }

    fn singular(&self, word: &str) -> String {
        let w = word.to_lowercase();
        let rule = self.rules.iter().find(|r| {
            matches!(
                r.class,
                Class::Plural | Class::NotPlural | Class::RegularPlural
            ) && r.applies(&w)
        });
        match rule {
            Some(r) if r.class != Class::NotPlural => {
                format!("{}{}", &w[..w.len() - r.ending.len()], r.singular)
            }
            _ => w,
        }
    }

    fn regular_plural(&self, word: &str) -> bool {
        self.any(word, Class::RegularPlural) && !self.any(word, Class::NotPlural)
    }

    fn is_plural(&self, word: &str) -> bool {
        self.regular_plural(word) && !self.ends_as(word, Ending::Possessive)
            || self.any(word, Class::PluralNoun)
    }

    fn ends_as(&self, word: &str, class: Ending) -> bool {
        self.any(word, Class::Says(class))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn singulars() {
        let en = Lexicon::embedded().language();
        for (pl, sg) in [
            ("troops", "troop"),
            ("Countries", "country"),
            ("lies", "lie"),
            ("churches", "church"),
            ("boxes", "box"),
            ("glasses", "glass"),
            ("glass", "glass"),
            ("bus", "bus"),
            ("crisis", "crisis"),
            ("women", "woman"),
            ("policemen", "policeman"),
            ("people", "person"),
            ("children", "child"),
            ("feet", "foot"),
            ("as", "as"),
            ("data", "data"),
        ] {
            assert_eq!(en.singular(pl), sg, "{pl}");
        }
    }

    #[test]
    fn plurals_and_endings() {
        let en = Lexicon::embedded().language();
        assert!(en.is_plural("troops") && en.is_plural("gunmen") && en.is_plural("townspeople"));
        assert!(!en.is_plural("men") && !en.is_plural("glass") && !en.is_plural("firm's"));
        assert!(en.regular_plural("firm's") && !en.regular_plural("as"));
        assert!(en.ends_as("sharply", Ending::Adverb));
        assert!(en.ends_as("civilian", Ending::Adjective));
        assert!(en.ends_as("rushing", Ending::PresentParticiple));
        assert!(!en.ends_as("troop", Ending::Adjective));
    }
}
