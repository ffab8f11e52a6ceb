//! Locales (`locales.csv`): what an article's locale says about ambiguous signs and names, and
//! how it writes numbers in digits.

use serde::Deserialize;

use super::Lexicon;
use super::tables::{row_error, rows, split_forms};
use crate::error::DataResult;

/// How a locale writes numbers in digits (the `decimal_mark` and `group_mark` columns of
/// `locales.csv`). Narrow and no-break spaces group digits in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSyntax {
    /// The decimal mark ("3.5"), an ASCII character.
    pub decimal: u8,
    /// The thousands separator ("14,000"), an ASCII character.
    pub group: u8,
}

impl Default for NumberSyntax {
    /// Full stop for decimals, comma for thousands: the syntax of a locale that gives none.
    fn default() -> Self {
        NumberSyntax {
            decimal: b'.',
            group: b',',
        }
    }
}

/// One mark of a number syntax: one ASCII punctuation character, or blank for the default.
fn mark(file: &str, line: u64, column: &str, cell: &str, default: u8) -> DataResult<u8> {
    match cell.as_bytes() {
        [] => Ok(default),
        [c] if c.is_ascii_punctuation() => Ok(*c),
        _ => Err(row_error(
            file,
            line,
            format!("{column} must be one punctuation character, not '{cell}'"),
        )),
    }
}

/// The locales of a lexicon's `locales.csv` (lower case): a locale given on the command line or
/// in a stream record must be one of them, or a well-formed tag of one of their languages
/// ("en-MT" is read as "en").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownLocales(Vec<String>);

impl KnownLocales {
    /// Is `tag` a locale these tables can read?
    pub fn accepts(&self, tag: &str) -> bool {
        let t = tag.trim().to_lowercase().replace('_', "-");
        let well_formed = !t.is_empty()
            && t.split('-').all(|p| {
                (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        let language = t.split('-').next().unwrap_or_default();
        well_formed && (self.0.contains(&t) || self.0.iter().any(|k| k == language))
    }

    /// The message for a tag that is not accepted, listing the known ones.
    pub fn unknown(&self, tag: &str) -> String {
        format!(
            "unknown locale '{}' (known: {}; reference/lexicon/*/locales.csv lists them)",
            tag.escape_debug(),
            self.0.join(", ")
        )
    }
}

impl Lexicon {
    /// Adds the rows of `locales.csv`.
    pub(crate) fn load_locales(&mut self, file: &str, data: &str) -> DataResult<()> {
        #[derive(Deserialize)]
        struct Row {
            locale: String,
            cues: String,
            #[serde(default)]
            decimal_mark: String,
            #[serde(default)]
            group_mark: String,
        }
        let plain = NumberSyntax::default();
        for (line, row) in rows::<Row>(file, data)? {
            let syntax = NumberSyntax {
                decimal: mark(file, line, "decimal_mark", &row.decimal_mark, plain.decimal)?,
                group: mark(file, line, "group_mark", &row.group_mark, plain.group)?,
            };
            if syntax.decimal == syntax.group {
                return Err(row_error(
                    file,
                    line,
                    "decimal_mark and group_mark must differ",
                ));
            }
            let locale = row.locale.trim().to_lowercase();
            self.number_syntax.insert(locale.clone(), syntax);
            self.locales.insert(
                locale,
                split_forms(&row.cues).map(|c| c.to_lowercase()).collect(),
            );
        }
        Ok(())
    }

    /// The cue words of a locale ("en-AU").
    pub fn locale_cues(&self, locale: &str) -> &[String] {
        let l = locale.trim().to_lowercase().replace('_', "-");
        self.locales.get(&l).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The locales this lexicon has rows for, to refuse a tag that is none of them.
    pub fn known_locales(&self) -> KnownLocales {
        let mut names: Vec<String> = self.locales.keys().cloned().collect();
        names.sort();
        KnownLocales(names)
    }

    /// How an article in `locale` writes numbers in digits: the locale's row, else the row of
    /// its language ("en-XX": "en"), else the row of the tables' language.
    pub fn number_syntax(&self, locale: Option<&str>) -> NumberSyntax {
        let l = locale.map(|l| l.trim().to_lowercase().replace('_', "-"));
        let language = l.as_deref().and_then(|l| l.split('-').next());
        [l.as_deref(), language, Some(self.language().code())]
            .into_iter()
            .flatten()
            .find_map(|k| self.number_syntax.get(k).copied())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_must_be_known_or_of_a_known_language() {
        let known = Lexicon::embedded().known_locales();
        for ok in ["en-GB", "en_us", "EN", "en-MT"] {
            assert!(known.accepts(ok), "{ok}");
        }
        for bad in [
            "xx-yy",
            "",
            "en-",
            "fr",
            "en-GB\u{1b}[31m",
            "english-language-tag",
        ] {
            assert!(!known.accepts(bad), "{bad:?}");
        }
        assert!(known.unknown("xx").contains("en-gb"));
    }

    #[test]
    fn english_locales_write_a_full_stop_and_a_comma() {
        let lex = Lexicon::embedded();
        for l in [
            None,
            Some("en-GB"),
            Some("en_au"),
            Some("en-XX"),
            Some("de-DE"),
        ] {
            assert_eq!(lex.number_syntax(l), NumberSyntax::default(), "{l:?}");
        }
    }

    #[test]
    fn a_locale_may_write_a_decimal_comma() {
        let mut lex = Lexicon::empty();
        let table = "locale,cues,decimal_mark,group_mark\nde,,\",\",.\nde-CH,,.,'\n";
        lex.load_locales("x/locales.csv", table).unwrap();
        let de = lex.number_syntax(Some("de-AT"));
        assert_eq!((de.decimal, de.group), (b',', b'.'));
        assert_eq!(lex.number_syntax(Some("de-CH")).group, b'\'');
        let bad = "locale,cues,decimal_mark,group_mark\nxx,,.,.\n";
        let err = lex.load_locales("x/locales.csv", bad).unwrap_err();
        assert!(err.to_string().contains("x/locales.csv:2"), "{err}");
    }
}
