//! Silencing findings: `numcheck:` directives in an article and per-file ignores from the
//! configuration. The directives of a document are read in one pass over its source
//! ([`Directives::parse`]); each verdict is then looked up by line in O(log directives).
//!
//! - `numcheck:ignore` silences the claims on its line, `numcheck:ignore-next-line` those on
//!   the next line;
//! - `numcheck:off` … `numcheck:on` silences every line between them (to the end of the article
//!   if `on` never comes);
//! - each takes an optional list of checks, `numcheck:ignore[conversion, share]`, to silence
//!   only what those checks find.

use serde::{Deserialize, Deserializer};

use super::Suppression;
use crate::check::{CheckId, FileReport, Verdict};
use crate::document::Document;

/// The checks a directive or a per-file ignore silences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every check.
    All,
    /// Only these.
    Checks(Vec<CheckId>),
}

impl Scope {
    /// Does it silence what this check found?
    pub fn covers(&self, check: CheckId) -> bool {
        match self {
            Scope::All => true,
            Scope::Checks(c) => c.contains(&check),
        }
    }

    /// Reads a list of check names; `all` (alone) means every check.
    pub fn from_names<'s>(names: impl IntoIterator<Item = &'s str>) -> Result<Scope, String> {
        let mut checks = Vec::new();
        for n in names {
            let n = n.trim();
            if n.eq_ignore_ascii_case("all") {
                return Ok(Scope::All);
            }
            checks.push(check_named(n).ok_or_else(|| unknown_check(n))?);
        }
        Ok(Scope::Checks(checks))
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = Vec::<toml::Spanned<String>>::deserialize(d)?;
        if names.is_empty() {
            return Err(serde::de::Error::custom(
                "an empty list silences nothing: name checks, or [\"all\"]",
            ));
        }
        let mut checks = Vec::new();
        for n in &names {
            match Scope::from_names([n.get_ref().as_str()]) {
                Ok(Scope::All) => return Ok(Scope::All),
                Ok(Scope::Checks(c)) => checks.extend(c),
                Err(e) => return Err(crate::config::located(n.span().start, &e)),
            }
        }
        Ok(if checks.is_empty() {
            Scope::All
        } else {
            Scope::Checks(checks)
        })
    }
}

/// Every check, in the order reports list them. The match keeps the list whole: a new check
/// does not compile until it is named here.
pub const CHECKS: [CheckId; 7] = [
    CheckId::Conversion,
    CheckId::Share,
    CheckId::Change,
    CheckId::Total,
    CheckId::Reference,
    CheckId::LooseBound,
    CheckId::Restated,
];

const _: () = {
    const fn listed(c: CheckId) -> usize {
        match c {
            CheckId::Conversion => 0,
            CheckId::Share => 1,
            CheckId::Change => 2,
            CheckId::Total => 3,
            CheckId::Reference => 4,
            CheckId::LooseBound => 5,
            CheckId::Restated => 6,
        }
    }
    let mut i = 0;
    while i < CHECKS.len() {
        assert!(listed(CHECKS[i]) == i);
        i += 1;
    }
};

/// The check of a name (as reports write it).
pub fn check_named(name: &str) -> Option<CheckId> {
    CHECKS.into_iter().find(|c| c.as_str() == name)
}

fn unknown_check(name: &str) -> String {
    let known: Vec<&str> = CHECKS.iter().map(|c| c.as_str()).collect();
    format!(
        "unknown check '{name}' (expected all, {})",
        known.join(", ")
    )
}

/// The directives of one document, by line.
#[derive(Debug, Default)]
pub struct Directives {
    /// (line silenced, directive's own line, scope), sorted by line.
    lines: Vec<(usize, usize, Scope)>,
    /// (first line, last line, directive's line, scope) of `off` … `on` ranges.
    ranges: Vec<(usize, usize, usize, Scope)>,
    /// Directives that could not be read, as `FILE:LINE: message`.
    pub problems: Vec<String>,
}

const MARK: &str = "numcheck:";

impl Directives {
    /// Reads every directive of a document in one pass over its source.
    pub fn parse(doc: &Document) -> Directives {
        let mut d = Directives::default();
        let src = &doc.source;
        let mut open: Vec<(usize, Scope)> = Vec::new();
        for at in memchr::memmem::find_iter(src.as_bytes(), MARK) {
            let rest = &src[at + MARK.len()..];
            let Some((word, scope)) = read_directive(rest) else {
                continue;
            };
            let line = doc.line_col(at).0;
            let scope = match scope {
                Ok(s) => s,
                Err(msg) => {
                    d.problems.push(format!("{}:{line}: {msg}", doc.name));
                    continue;
                }
            };
            match word {
                "ignore-next-line" => d.lines.push((line + 1, line, scope)),
                "ignore" => d.lines.push((line, line, scope)),
                "off" => open.push((line, scope)),
                _ => {
                    // "on": closes every open range
                    for (start, s) in open.drain(..) {
                        d.ranges.push((start, line, start, s));
                    }
                }
            }
        }
        for (start, s) in open {
            d.ranges.push((start, usize::MAX, start, s));
        }
        d.lines.sort_by_key(|l| l.0);
        d
    }

    /// The directive line silencing what `check` found on any of lines `first..=last`.
    pub fn silencing(&self, first: usize, last: usize, check: CheckId) -> Option<usize> {
        let from = self.lines.partition_point(|l| l.0 < first);
        let on_line = self.lines[from..]
            .iter()
            .take_while(|l| l.0 <= last)
            .find(|l| l.2.covers(check))
            .map(|l| l.1);
        on_line.or_else(|| {
            self.ranges
                .iter()
                .find(|r| r.0 <= last && first <= r.1 && r.3.covers(check))
                .map(|r| r.2)
        })
    }
}

/// The directive word and its scope (or why the scope is bad), if `rest` (the text after
/// `numcheck:`) starts with one.
fn read_directive(rest: &str) -> Option<(&'static str, Result<Scope, String>)> {
    const WORDS: [&str; 4] = ["ignore-next-line", "ignore", "off", "on"];
    let word = WORDS.into_iter().find(|w| rest.starts_with(w))?;
    let after = &rest[word.len()..];
    // a longer word ("ignored", "online") is not a directive
    if after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    if let Some(list) = after.strip_prefix('[') {
        let Some(end) = list.find(']') else {
            return Some((word, Err(format!("numcheck:{word}[ has no closing ]"))));
        };
        let scope = Scope::from_names(list[..end].split(','))
            .map_err(|e| format!("numcheck:{word}[{}]: {e}", &list[..end]));
        return Some((word, scope));
    }
    Some((word, Ok(Scope::All)))
}

/// Silences the verdicts of a report that a directive or a per-file ignore covers (a verdict
/// already silenced stays as it was).
pub fn apply(report: &mut FileReport, directives: &Directives, file: &[(String, Scope)]) {
    let doc = report.doc;
    for v in report.verdicts.iter_mut() {
        if v.suppressed.is_some() {
            continue;
        }
        let c = &report.claims[v.claim];
        let last = doc
            .line_col(c.span.end.saturating_sub(1).max(c.span.start))
            .0;
        v.suppressed = why(v, c.line, last, directives, file);
    }
}

fn why(
    v: &Verdict,
    first: usize,
    last: usize,
    directives: &Directives,
    file: &[(String, Scope)],
) -> Option<Suppression> {
    let check = v.check();
    if let Some(line) = directives.silencing(first, last, check) {
        return Some(Suppression::InSource { line });
    }
    file.iter()
        .find(|(_, s)| s.covers(check))
        .map(|(config, _)| Suppression::Config {
            file: config.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn directives(text: &str) -> Directives {
        Directives::parse(&Document::from_text("a.md", text.into(), Format::Markdown))
    }

    #[test]
    fn lines_next_lines_and_ranges() {
        let d = directives(
            "one <!-- numcheck:ignore -->\n<!-- numcheck:ignore-next-line[share] -->\nthree\nfour\n<!-- numcheck:off -->\nsix\n<!-- numcheck:on -->\neight\n",
        );
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.silencing(1, 1, CheckId::Reference), Some(1));
        assert_eq!(d.silencing(3, 3, CheckId::Share), Some(2));
        assert_eq!(d.silencing(3, 3, CheckId::Reference), None);
        assert_eq!(d.silencing(4, 4, CheckId::Reference), None);
        assert_eq!(d.silencing(6, 6, CheckId::Restated), Some(5));
        assert_eq!(d.silencing(8, 8, CheckId::Restated), None);
        // a claim over two lines is silenced by a directive on either
        assert_eq!(d.silencing(2, 3, CheckId::Share), Some(2));
    }

    #[test]
    fn an_unclosed_range_runs_to_the_end() {
        let d = directives("a\nnumcheck:off[reference]\nb\nc\n");
        assert_eq!(d.silencing(4, 4, CheckId::Reference), Some(2));
        assert_eq!(d.silencing(4, 4, CheckId::Conversion), None);
        assert_eq!(d.silencing(1, 1, CheckId::Reference), None);
    }

    #[test]
    fn bad_directives_are_problems_and_longer_words_are_not_directives() {
        let d = directives(
            "x\ny numcheck:ignore[refrence]\nnumcheck:ignored here\nnumcheck:ignore[share\n",
        );
        assert_eq!(d.problems.len(), 2, "{:?}", d.problems);
        assert!(
            d.problems[0]
                .starts_with("a.md:2: numcheck:ignore[refrence]: unknown check 'refrence'"),
            "{}",
            d.problems[0]
        );
        assert!(d.problems[1].starts_with("a.md:4: "), "{}", d.problems[1]);
        assert_eq!(d.silencing(3, 3, CheckId::Share), None);
    }

    #[test]
    fn scopes_read_names_and_all() {
        assert_eq!(Scope::from_names(["all"]), Ok(Scope::All));
        assert_eq!(
            Scope::from_names(["share", " restated"]),
            Ok(Scope::Checks(vec![CheckId::Share, CheckId::Restated]))
        );
        assert!(Scope::from_names(["sharing"]).is_err());
    }
}
