//! Linking cues (`reference/statistics-cues.csv`): the words around a figure that tie it to a
//! statistic beyond the measures' phrases and the places' names: purchasing power parity, a share
//! of GDP, a figure per head, a word that picks one measure ("women"), a list read in order
//! ("respectively"), what a count of people counts, the words that may stand between a place and
//! its figure, and words that make a year some other year than the figure's. Format:
//! `docs/reference-format.md`.

use std::ops::Range;

use super::files::{Files, for_rows, list, problem};
use super::matcher::PhraseMatcher;
use crate::table::TableError as Problem;

/// What a cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// The sentence speaks of purchasing power parity: measures in international dollars, and
    /// none in US dollars.
    Ppp,
    /// The figure is a share of GDP ("4% of GDP").
    ShareOfGdp,
    /// The figure is per person ("$5,000 per head").
    PerCapita,
    /// The word picks the measures of its row among those a phrase names ("women").
    Select,
    /// A list of places and a list of figures go together in order ("respectively").
    Respective,
    /// A counted noun that counts a place's people ("inhabitant").
    People,
    /// A word that may stand between a place and a figure about it ("has", "with", "'s").
    Attach,
    /// A count of people followed by the place they live in ("live in").
    Live,
    /// A word before a year that makes it some other year than the figure's ("since").
    NotYear,
    /// A word that starts a new clause with its own subject ("where", "which"): a measure
    /// named before it is not the figure's.
    Clause,
    /// A word right before a place that makes it not the figure's place ("than").
    NotPlace,
    /// A part of a year ("quarter", "January"): the figure is not an annual statistic.
    Period,
    /// A word that makes a positive figure the negative of a signed statistic ("deficit").
    Negative,
    /// A word right before a number that makes it no figure of a statistic ("one in", "ranked").
    NotFigure,
    /// A phrase of a measure too common to name it unless it stands right by the figure and the
    /// place ("exports").
    Weak,
    /// Words that stand for the place named before them ("the country's").
    Anaphor,
    /// Words between two figures that carry the first one's measure to the second ("and",
    /// "against").
    Coordination,
}

impl CueKind {
    /// Every kind.
    pub const ALL: [CueKind; 17] = [
        CueKind::Ppp,
        CueKind::ShareOfGdp,
        CueKind::PerCapita,
        CueKind::Select,
        CueKind::Respective,
        CueKind::People,
        CueKind::Attach,
        CueKind::Live,
        CueKind::NotYear,
        CueKind::Clause,
        CueKind::NotPlace,
        CueKind::Period,
        CueKind::Negative,
        CueKind::NotFigure,
        CueKind::Weak,
        CueKind::Anaphor,
        CueKind::Coordination,
    ];

    /// The table's spelling.
    pub fn name(self) -> &'static str {
        match self {
            CueKind::Ppp => "ppp",
            CueKind::ShareOfGdp => "share_of_gdp",
            CueKind::PerCapita => "per_capita",
            CueKind::Select => "select",
            CueKind::Respective => "respective",
            CueKind::People => "people",
            CueKind::Attach => "attach",
            CueKind::Live => "live",
            CueKind::NotYear => "not_year",
            CueKind::Clause => "clause",
            CueKind::NotPlace => "not_place",
            CueKind::Period => "period",
            CueKind::Negative => "negative",
            CueKind::NotFigure => "not_figure",
            CueKind::Weak => "weak",
            CueKind::Anaphor => "anaphor",
            CueKind::Coordination => "coordination",
        }
    }

    /// The kind of a table spelling.
    pub fn parse(s: &str) -> Option<CueKind> {
        CueKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// One row of the cue table.
#[derive(Debug, Clone)]
pub struct Cue {
    /// What it says.
    pub kind: CueKind,
    /// The words.
    pub phrase: String,
    /// For [`CueKind::Select`]: the measures it picks.
    pub measures: Vec<String>,
    /// FILE:LINE:COLUMN of its `measures` field, for validation.
    measures_at: (String, u64, usize),
}

/// A cue found in a text.
#[derive(Debug, Clone)]
pub struct CueMatch<'a> {
    /// The cue.
    pub cue: &'a Cue,
    /// Byte range in the text.
    pub span: Range<usize>,
}

/// The cue table and a matcher over its phrases.
#[derive(Debug, Clone)]
pub struct Cues {
    cues: Vec<Cue>,
    /// Distinct phrases and the cues that use each.
    phrases: Vec<(String, Vec<usize>)>,
    matcher: PhraseMatcher,
}

impl Cues {
    /// Reads every cue file of `files` (the shipped one, then those of directories). Problems
    /// are pushed and bad rows left out.
    pub fn load(files: &Files, problems: &mut Vec<Problem>) -> Cues {
        let mut cues = Vec::new();
        for rel in files.matching("statistics-cues.csv") {
            let file = files.display(&rel);
            let text = match files.text(&rel) {
                Ok(t) => t,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            let header = for_rows(&file, &text, problems, |row, problems| {
                let Some(kind) = CueKind::parse(row.get("kind")) else {
                    let known: Vec<&str> = CueKind::ALL.iter().map(|k| k.name()).collect();
                    let msg = format!(
                        "unknown kind '{}' (one of: {})",
                        row.get("kind"),
                        known.join(", ")
                    );
                    problems.push(problem(&file, row.line, row.column("kind"), msg));
                    return;
                };
                let phrase = row.get("phrase").trim();
                if phrase.is_empty() {
                    problems.push(problem(&file, row.line, row.column("phrase"), "no phrase"));
                    return;
                }
                let measures = list(row.get("measures"));
                if (kind == CueKind::Select) == measures.is_empty() {
                    let msg = if measures.is_empty() {
                        "a select cue names the measures it picks"
                    } else {
                        "only a select cue names measures"
                    };
                    problems.push(problem(&file, row.line, row.column("measures"), msg));
                    return;
                }
                cues.push(Cue {
                    kind,
                    phrase: phrase.to_string(),
                    measures,
                    measures_at: (file.clone(), row.line, row.column("measures")),
                });
            });
            for col in ["kind", "phrase", "measures"] {
                if !header.is_empty() && !header.iter().any(|h| h == col) {
                    problems.push(problem(&file, 1, 1, format!("missing column '{col}'")));
                }
            }
        }
        Cues::from_cues(cues)
    }

    fn from_cues(cues: Vec<Cue>) -> Cues {
        let mut phrases: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, c) in cues.iter().enumerate() {
            match phrases.iter_mut().find(|(p, _)| *p == c.phrase) {
                Some((_, v)) => v.push(i),
                None => phrases.push((c.phrase.clone(), vec![i])),
            }
        }
        let keys: Vec<String> = phrases.iter().map(|(p, _)| p.clone()).collect();
        Cues {
            matcher: PhraseMatcher::new(&keys, true),
            cues,
            phrases,
        }
    }

    /// Every cue, in table order.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// The cues in `text`, left to right (at each place the longest phrase; a phrase on several
    /// rows gives each of them).
    pub fn find(&self, text: &str) -> Vec<CueMatch<'_>> {
        let mut out = Vec::new();
        for f in self.matcher.find(text) {
            for &i in &self.phrases[f.phrase].1 {
                out.push(CueMatch {
                    cue: &self.cues[i],
                    span: f.span.clone(),
                });
            }
        }
        out
    }

    /// Whether a counted noun (singular, lower case) counts a place's people.
    pub fn counts_people(&self, noun: &str) -> bool {
        self.cues
            .iter()
            .any(|c| c.kind == CueKind::People && c.phrase.eq_ignore_ascii_case(noun))
    }

    /// Whether a measure phrase is too common to name its measure unless it stands right by
    /// the figure and the place.
    pub fn is_weak(&self, phrase: &str) -> bool {
        self.cues
            .iter()
            .any(|c| c.kind == CueKind::Weak && c.phrase.eq_ignore_ascii_case(phrase))
    }

    /// Select cues naming measures the catalogue does not have, as problems.
    pub(super) fn check_measures(&self, known: &dyn Fn(&str) -> bool, problems: &mut Vec<Problem>) {
        for c in &self.cues {
            for m in &c.measures {
                if !known(m) {
                    let (file, line, col) = &c.measures_at;
                    problems.push(problem(file, *line, *col, format!("unknown measure '{m}'")));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(csv: &str) -> (Cues, Vec<String>) {
        let files = Files::from_texts(&[("statistics-cues.csv", "cues.csv", csv)]);
        let mut problems = Vec::new();
        let c = Cues::load(&files, &mut problems);
        (c, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn cues_are_found_as_whole_words_keeping_capitals() {
        let (c, problems) = cues(
            "kind,phrase,measures\nppp,PPP,\nshare_of_gdp,of GDP,\nselect,women,life_expectancy_female\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let text = "Spending was 4% of GDP at PPP; women live longer; the ppp of app";
        let found: Vec<(CueKind, &str)> = c
            .find(text)
            .iter()
            .map(|m| (m.cue.kind, &text[m.span.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                (CueKind::ShareOfGdp, "of GDP"),
                (CueKind::Ppp, "PPP"),
                (CueKind::Select, "women")
            ]
        );
    }

    #[test]
    fn bad_rows_are_located() {
        let (_, problems) =
            cues("kind,phrase,measures\nfrobnicate,x,\nselect,women,\nppp,,\nppp,PPP,gdp_usd\n");
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].starts_with("cues.csv:2:1: unknown kind 'frobnicate'"));
        assert!(problems[1].starts_with("cues.csv:3:14: a select cue names"));
        assert!(problems[2].starts_with("cues.csv:4:5: no phrase"));
        assert!(problems[3].starts_with("cues.csv:5:9: only a select cue"));
    }

    #[test]
    fn the_shipped_cues_know_who_counts_as_people() {
        let mut problems = Vec::new();
        let c = Cues::load(&Files::embedded(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(c.counts_people("inhabitant") && c.counts_people("person"));
        assert!(!c.counts_people("troop"));
    }
}
