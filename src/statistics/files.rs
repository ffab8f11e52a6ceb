//! The files statistics come from: the shipped ones (embedded zstd-compressed by `build.rs`,
//! decompressed on first use) and those of a `--reference` directory. Also the checks every
//! file gets before it is read (byte-order mark, CRLF line ends) and a CSV row reader that
//! reports problems as FILE:LINE:COLUMN.

use std::collections::BTreeMap;
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::table::TableError as Problem;

/// The catalogue, embedded as text (small, read at start-up).
const CATALOGUE: (&str, &str) = (
    "statistics.csv",
    include_str!("../../reference/statistics.csv"),
);
/// Notes on one measure for one entity.
const NOTES: (&str, &str) = (
    "statistics-notes.csv",
    include_str!("../../reference/statistics-notes.csv"),
);
/// How news ties a figure to a statistic (small, read when a claim is first linked).
const CUES: (&str, &str) = (
    "statistics-cues.csv",
    include_str!("../../reference/statistics-cues.csv"),
);
/// `reference/statistics/*.csv` and `reference/gazetteer/*.csv`, zstd-compressed, as
/// ("reference/...", bytes).
const COMPRESSED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/statistics_files.rs"));

/// Where the shipped files live in the repository.
const EMBEDDED_ROOT: &str = "reference";

/// The contents of one file.
#[derive(Debug, Clone)]
enum Blob {
    Text(&'static str),
    Zstd(&'static [u8]),
    Owned(String),
}

/// A file: the name problems are reported under, and its contents.
#[derive(Debug, Clone)]
struct Entry {
    display: String,
    blob: Blob,
}

/// The statistics files, by path relative to the reference root (`statistics.csv`,
/// `statistics/population.csv`, `gazetteer/countries.csv`).
#[derive(Debug, Clone, Default)]
pub struct Files {
    entries: BTreeMap<String, Entry>,
    /// Catalogue files beyond the shipped one (from `--reference` directories), in order.
    extra_catalogues: Vec<String>,
}

impl Files {
    /// The shipped files.
    pub fn embedded() -> Files {
        let mut f = Files::default();
        for (rel, text) in [CATALOGUE, NOTES, CUES] {
            f.insert(rel, format!("{EMBEDDED_ROOT}/{rel}"), Blob::Text(text));
        }
        for (path, bytes) in COMPRESSED {
            let rel = path
                .strip_prefix(EMBEDDED_ROOT)
                .map(|r| r.trim_start_matches('/'))
                .unwrap_or(path);
            f.insert(rel, (*path).to_string(), Blob::Zstd(bytes));
        }
        f
    }

    /// Files given as (relative path, display name, text): for tests and tools.
    pub fn from_texts(files: &[(&str, &str, &str)]) -> Files {
        let mut f = Files::default();
        for (rel, display, text) in files {
            f.insert(
                rel,
                (*display).to_string(),
                Blob::Owned((*text).to_string()),
            );
        }
        f
    }

    /// Adds (or replaces) one file.
    pub fn add_text(&mut self, rel: &str, display: &str, text: String) {
        self.insert(rel, display.to_string(), Blob::Owned(text));
    }

    /// Adds the statistics files of a reference directory: `DIR/statistics.csv` (its rows add to
    /// the catalogue), `DIR/statistics-notes.csv` and `DIR/statistics-cues.csv` (their rows are
    /// added), `DIR/statistics/*.csv` and
    /// `DIR/gazetteer/*.csv` (a file named like a shipped one replaces it, except
    /// `gazetteer/aliases.csv`, whose rows are added).
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), Problem> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| Problem {
                file: p.display().to_string(),
                line: 0,
                column: 0,
                message: format!("cannot read: {e}"),
            })
        };
        let cat = dir.join("statistics.csv");
        if cat.is_file() {
            let rel = format!("statistics.csv#{}", self.extra_catalogues.len() + 1);
            self.add_text(&rel, &cat.display().to_string(), read(&cat)?);
            self.extra_catalogues.push(rel);
        }
        for name in ["statistics-notes.csv", "statistics-cues.csv"] {
            let path = dir.join(name);
            if path.is_file() {
                let rel = format!("{name}#{}", self.entries.len());
                self.add_text(&rel, &path.display().to_string(), read(&path)?);
            }
        }
        for sub in ["statistics", "gazetteer"] {
            let d = dir.join(sub);
            let Ok(listing) = std::fs::read_dir(&d) else {
                continue;
            };
            let mut paths: Vec<_> = listing.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths.into_iter().filter(|p| is_csv(p)) {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                let mut rel = format!("{sub}/{name}");
                if rel == "gazetteer/aliases.csv" {
                    rel = format!("gazetteer/aliases.csv#{}", self.entries.len());
                }
                self.add_text(&rel, &p.display().to_string(), read(&p)?);
            }
        }
        Ok(())
    }

    fn insert(&mut self, rel: &str, display: String, blob: Blob) {
        self.entries
            .insert(rel.to_string(), Entry { display, blob });
    }

    /// Whether a file exists.
    pub fn contains(&self, rel: &str) -> bool {
        self.entries.contains_key(rel)
    }

    /// The name problems in a file are reported under.
    pub fn display(&self, rel: &str) -> String {
        self.entries
            .get(rel)
            .map(|e| e.display.clone())
            .unwrap_or_else(|| rel.to_string())
    }

    /// The files whose relative path starts with `prefix` (`statistics/`), or equals it up to a
    /// `#N` suffix (`gazetteer/aliases.csv` and the ones added from directories).
    pub fn matching(&self, prefix: &str) -> Vec<String> {
        self.entries
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }

    /// The catalogue files: the shipped one, then those of directories.
    pub fn catalogues(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        if self.contains("statistics.csv") {
            v.push("statistics.csv".into());
        }
        v.extend(self.extra_catalogues.iter().cloned());
        v
    }

    /// The text of a file (decompressed if need be).
    pub fn text(&self, rel: &str) -> Result<String, Problem> {
        let entry = self.entries.get(rel).ok_or_else(|| Problem {
            file: rel.to_string(),
            line: 0,
            column: 0,
            message: "no such file".into(),
        })?;
        match &entry.blob {
            Blob::Text(t) => Ok((*t).to_string()),
            Blob::Owned(t) => Ok(t.clone()),
            Blob::Zstd(bytes) => {
                let fail = |message: String| Problem {
                    file: entry.display.clone(),
                    line: 0,
                    column: 0,
                    message,
                };
                // the frame says how large the file is: decompress into a buffer of that size
                let size = zstd::zstd_safe::get_frame_content_size(bytes)
                    .ok()
                    .flatten()
                    .ok_or_else(|| fail("the embedded file gives no size".into()))?;
                let raw = zstd::bulk::decompress(bytes, size as usize)
                    .map_err(|e| fail(format!("cannot decompress the embedded file: {e}")))?;
                String::from_utf8(raw).map_err(|e| fail(format!("not UTF-8: {e}")))
            }
        }
    }
}

fn is_csv(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "csv")
}

/// A problem at FILE:LINE:COLUMN.
pub fn problem(file: &str, line: u64, column: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        column,
        message: message.into(),
    }
}

/// Problems of the bytes themselves: a byte-order mark, CRLF line ends (each reported once per
/// file, at its first occurrence).
pub fn lint(file: &str, text: &str, problems: &mut Vec<Problem>) {
    if text.starts_with('\u{feff}') {
        problems.push(problem(
            file,
            1,
            1,
            "byte-order mark at the start of the file; save it as UTF-8 without BOM",
        ));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in body.split('\n').enumerate() {
        if let Some(stripped) = line.strip_suffix('\r') {
            problems.push(problem(
                file,
                i as u64 + 1,
                stripped.chars().count() + 1,
                "CRLF line end; the tables use LF (\\n) only",
            ));
            break;
        }
    }
}

/// One CSV row with access by column name, and the line it is on.
pub struct Row<'r> {
    rec: &'r csv::StringRecord,
    index: &'r FxHashMap<String, usize>,
    /// The text of the line, for column numbers.
    text: &'r str,
    /// 1-based line number.
    pub line: u64,
}

impl<'r> Row<'r> {
    /// The field of a column (empty if the column does not exist).
    pub fn get(&self, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|&i| self.rec.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// The field at a position (empty past the end), for callers that looked up positions once
    /// with [`Row::position`].
    pub fn at(&self, i: usize) -> &'r str {
        self.rec.get(i).map(str::trim).unwrap_or("")
    }

    /// The position of a named column.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The 1-based character column where a named field starts.
    pub fn column(&self, name: &str) -> usize {
        self.index
            .get(name)
            .map(|&i| field_column(self.text, i))
            .unwrap_or(1)
    }
}

/// Runs `f` for each row of a CSV file (header row, `#` comments); a malformed or ragged row
/// becomes a problem and is skipped. Returns the header.
pub fn for_rows(
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
    mut f: impl FnMut(&Row, &mut Vec<Problem>),
) -> Vec<String> {
    lint(file, text, problems);
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(text.as_bytes());
    // lines from byte offsets, the same with LF and CRLF (as `crate::table` counts them)
    let mut lines = crate::table::LineCounter::new(text);
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(problem(file, 1, 1, e.to_string()));
            return Vec::new();
        }
    };
    let header: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let index: FxHashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.clone(), i))
        .collect();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| lines.record(p.byte() as usize).0);
                problems.push(problem(file, line, 1, e.to_string()));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        // the line and its text, for column numbers
        let (line, line_text) = rec
            .position()
            .map_or((0, ""), |p| lines.record(p.byte() as usize));
        if rec.iter().any(|f| f.contains(['\n', '\r'])) {
            let msg = "a quote is not closed on its line: a field may not span lines (an \
                       unclosed quote swallows the rows after it)";
            problems.push(problem(file, line, 1, msg.to_string()));
            continue;
        }
        if rec.len() != headers.len() {
            let col = field_column(line_text, rec.len().min(headers.len()));
            problems.push(problem(
                file,
                line,
                col,
                format!(
                    "{} fields where the header has {}",
                    rec.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let row = Row {
            rec: &rec,
            index: &index,
            text: line_text,
            line,
        };
        f(&row, problems);
    }
    header
}

pub(crate) use crate::table::field_column;

/// Splits a `|`-separated list, trimming and dropping empty items.
pub fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses an optional year in 1700–2100.
pub fn year_field(row: &Row, col: &str, file: &str, problems: &mut Vec<Problem>) -> Option<i32> {
    let v = row.get(col);
    if v.is_empty() {
        return None;
    }
    match v.parse::<i32>() {
        Ok(y) if (super::MIN_YEAR..=super::MAX_YEAR).contains(&y) => Some(y),
        _ => {
            problems.push(problem(
                file,
                row.line,
                row.column(col),
                format!(
                    "bad {col} '{v}': a year from {} to {}",
                    super::MIN_YEAR,
                    super::MAX_YEAR
                ),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<u64>, Vec<String>) {
        let mut problems = Vec::new();
        let mut lines = Vec::new();
        for_rows("s.csv", text, &mut problems, |row, _| lines.push(row.line));
        (lines, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn statistics_tables_count_lines_as_editors_do_and_catch_unclosed_quotes() {
        let lf = "# a note\nid,name\n# another\na,b\nc,\"open\nd,e\"\nf,g\n";
        let (lines, problems) = read(lf);
        assert_eq!(lines, [4, 7]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("s.csv:5:1: a quote is not closed"),
            "{problems:?}"
        );
        let (crlf_lines, crlf_problems) = read(&lf.replace('\n', "\r\n"));
        assert_eq!(crlf_lines, lines);
        // (the lint names CRLF itself; the rows are still placed on their lines)
        assert!(
            crlf_problems[0].contains("CRLF line end"),
            "{crlf_problems:?}"
        );
        assert!(
            crlf_problems[1].starts_with("s.csv:5:1: a quote"),
            "{crlf_problems:?}"
        );
    }
}
