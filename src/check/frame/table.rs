//! The frames table (`reference/lexicon/en/frames.csv`): cue words, where they stand relative to
//! a figure, and the frame they put it in; compiled into one automaton that finds every cue of a
//! document in one pass.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{FrameKind, Position, Scope};
use crate::error::DataError;
use crate::table::{self, TableError};

/// The shipped frames table.
pub(crate) const EMBEDDED: (&str, &str) = (
    "reference/lexicon/en/frames.csv",
    include_str!("../../../reference/lexicon/en/frames.csv"),
);

/// What a cue marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A frame.
    Frame(FrameKind),
    /// The end of a clause ("and", "but", "which").
    Boundary,
}

/// One row of the table.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub(crate) kind: CueKind,
    /// The cue as the table writes it ("spent … on", "by {year}").
    pub(crate) text: String,
    /// How many parts it has ("spent … on": 2).
    pub(crate) parts: u8,
    /// Its last part is followed by a year.
    pub(crate) year: bool,
    pub(crate) position: Position,
    pub(crate) scope: Scope,
    /// For measure mismatches: words of the fact measures the figure is not.
    pub(crate) excludes: Vec<String>,
}

/// A cue part found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) cue: u32,
    pub(crate) part: u8,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The year after a `{year}` cue.
    pub(crate) year: Option<i32>,
}

/// The cues of the frames table, compiled.
#[derive(Debug)]
pub struct FrameTable {
    pub(crate) cues: Vec<Cue>,
    /// Pattern id -> (cue, part).
    patterns: Vec<(u32, u8)>,
    automaton: AhoCorasick,
}

impl FrameTable {
    /// The shipped table, compiled once per process.
    pub fn embedded() -> &'static FrameTable {
        static TABLE: OnceLock<FrameTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut problems = Vec::new();
            let t = FrameTable::parse(&[EMBEDDED], &mut problems);
            debug_assert!(problems.is_empty(), "{problems:?}");
            t
        })
    }

    /// The shipped table extended by the rows of other frames tables (a newsroom's
    /// `lexicon/en/frames.csv`), as (file name, contents); a bad row is an error naming its
    /// FILE:LINE:COLUMN.
    pub fn with_tables(extra: &[(String, String)]) -> Result<FrameTable, DataError> {
        let mut tables: Vec<(&str, &str)> = vec![EMBEDDED];
        tables.extend(extra.iter().map(|(f, d)| (f.as_str(), d.as_str())));
        let mut problems = Vec::new();
        let t = FrameTable::parse(&tables, &mut problems);
        match problems.into_iter().next() {
            Some(p) => Err(DataError::Row {
                file: p.file,
                line: p.line,
                message: format!("{} (column {})", p.message, p.column),
            }),
            None => Ok(t),
        }
    }

    /// The frames tables of reference directories: `DIR/lexicon/en/frames.csv` and
    /// `DIR/lexicon/frames.csv`, as (file name, contents).
    pub fn files_in(dirs: &[std::path::PathBuf]) -> Result<Vec<(String, String)>, DataError> {
        let mut out = Vec::new();
        for d in dirs {
            for p in [
                d.join("lexicon/en/frames.csv"),
                d.join("lexicon/frames.csv"),
            ] {
                if !p.is_file() {
                    continue;
                }
                let text = std::fs::read_to_string(&p).map_err(|e| DataError::Io {
                    path: p.display().to_string(),
                    message: e.to_string(),
                })?;
                out.push((p.display().to_string(), text));
            }
        }
        Ok(out)
    }

    /// Every problem of the shipped frames table (normally none).
    pub fn validate_embedded() -> Vec<TableError> {
        FrameTable::validate(&[EMBEDDED])
    }

    /// Every problem of the given frames tables.
    pub fn validate(tables: &[(&str, &str)]) -> Vec<TableError> {
        let mut problems = Vec::new();
        let _ = FrameTable::parse(tables, &mut problems);
        problems
    }

    /// Reads the rows of the tables; bad rows are added to `problems` and left out.
    fn parse(tables: &[(&str, &str)], problems: &mut Vec<TableError>) -> FrameTable {
        let mut cues = Vec::new();
        for (file, data) in tables {
            table::for_rows(file, data, problems, |row, problems| {
                let at =
                    |col: &str, msg: String| TableError::at(file, row.line, row.column(col), msg);
                let kind = match row.get("frame").trim() {
                    "boundary" => Some(CueKind::Boundary),
                    f => FrameKind::parse(f).map(CueKind::Frame),
                };
                let Some(kind) = kind else {
                    let msg = format!("unknown frame '{}'", row.get("frame").trim());
                    problems.push(at("frame", msg));
                    return;
                };
                let Some(position) = Position::parse(row.get("position").trim()) else {
                    let msg = format!(
                        "unknown position '{}' (before, after, around or any)",
                        row.get("position").trim()
                    );
                    problems.push(at("position", msg));
                    return;
                };
                let Some(scope) = Scope::parse(row.get("scope").trim()) else {
                    let msg = format!(
                        "unknown scope '{}' (clause or sentence)",
                        row.get("scope").trim()
                    );
                    problems.push(at("scope", msg));
                    return;
                };
                let text = row.get("cue").trim().to_lowercase();
                let (body, year) = match text.strip_suffix("{year}") {
                    Some(b) => (b.trim().to_string(), true),
                    None => (text.clone(), false),
                };
                let parts: Vec<&str> = body.split('…').map(str::trim).collect();
                if parts.iter().any(|p| p.is_empty() || p.contains('{')) || parts.len() > 4 {
                    problems.push(at("cue", format!("bad cue '{text}'")));
                    return;
                }
                let excludes: Vec<String> = row
                    .get("excludes")
                    .split('|')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect();
                if excludes.is_empty() == (kind == CueKind::Frame(FrameKind::MeasureMismatch)) {
                    let msg = "excludes is for measure_mismatch rows, which need it".to_string();
                    problems.push(at("excludes", msg));
                    return;
                }
                cues.push((
                    Cue {
                        kind,
                        text: text.clone(),
                        parts: parts.len() as u8,
                        year,
                        position,
                        scope,
                        excludes,
                    },
                    parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
                ));
            });
        }
        let mut patterns = Vec::new();
        let mut words = Vec::new();
        for (i, (_, parts)) in cues.iter().enumerate() {
            for (k, p) in parts.iter().enumerate() {
                patterns.push((i as u32, k as u8));
                words.push(p.clone());
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // a contiguous NFA: a DFA searched the corpus 3% faster but took 1.7 ms more to build
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&words)
            .expect("cue words compile");
        FrameTable {
            cues: cues.into_iter().map(|(c, _)| c).collect(),
            patterns,
            automaton,
        }
    }

    /// Every cue part in `text`, standing as whole words, in order of where they start.
    pub(crate) fn hits(&self, text: &str) -> Vec<Hit> {
        let b = text.as_bytes();
        let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if (start > 0 && word(start - 1)) || word(end) {
                continue;
            }
            let (cue, part) = self.patterns[m.pattern().as_usize()];
            let c = &self.cues[cue as usize];
            let last = part + 1 == c.parts;
            let year = if c.year && last {
                match year_after(text, end) {
                    Some(y) => Some(y),
                    None => continue,
                }
            } else {
                None
            };
            out.push(Hit {
                cue,
                part,
                start,
                end,
                year,
            });
        }
        out.sort_by_key(|h| (h.start, h.end));
        out
    }
}

/// The year written right after `at` (one space, four digits, no more), if any.
fn year_after(text: &str, at: usize) -> Option<i32> {
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let digits = rest.get(..4)?;
    if !digits.bytes().all(|c| c.is_ascii_digit())
        || rest
            .as_bytes()
            .get(4)
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    digits.parse().ok().filter(|y| (1900..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_is_valid() {
        assert_eq!(FrameTable::validate(&[EMBEDDED]), Vec::<TableError>::new());
        assert!(FrameTable::embedded().cues.len() > 100);
    }

    #[test]
    fn bad_rows_are_located() {
        let data = "frame,cue,position,scope,excludes\n\
                    forecast,will,any,clause,\n\
                    projection,will,sometimes,clause,\n\
                    projection,will,any,page,\n\
                    measure_mismatch,revenue,any,clause,\n\
                    projection,by {year},any,clause,\n";
        let shown: Vec<String> = FrameTable::validate(&[("f.csv", data)])
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            shown,
            [
                "f.csv:2:1: unknown frame 'forecast'",
                "f.csv:3:17: unknown position 'sometimes' (before, after, around or any)",
                "f.csv:4:21: unknown scope 'page' (clause or sentence)",
                "f.csv:5:37: excludes is for measure_mismatch rows, which need it",
            ]
        );
    }

    #[test]
    fn cues_are_found_as_whole_words_with_their_years() {
        let t = FrameTable::embedded();
        let text = "Willow will grow by 2050, by 20 and by 20500.";
        let found: Vec<(&str, Option<i32>)> = t
            .hits(text)
            .iter()
            .map(|h| (t.cues[h.cue as usize].text.as_str(), h.year))
            .collect();
        assert_eq!(
            found,
            [("will", None), ("by {year}", Some(2050)), ("and", None)]
        );
    }
}
