//! One statistics table: `id,name,<year>,<year>,…` (wide: one row per country, aggregate or
//! city, one column per year, an empty cell for no value) or `id,name,value` (one undated
//! figure per row). Values stay as published text until asked for.
//!
//! Loading only indexes the rows (the id and where its line is), so even the largest table is
//! ready in about a millisecond; a value is parsed when it is asked for. [`Table::validate`]
//! reads every cell, for `reference validate` and the tests.

use std::str::FromStr;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::files::{field_column, lint, problem};
use super::{MAX_YEAR, MIN_YEAR};
use crate::table::TableError as Problem;

/// The columns after `id` and `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Columns {
    /// One column per year, in increasing order.
    Years(Vec<i32>),
    /// One `value` column: a figure without a year.
    Undated,
}

/// A loaded table.
#[derive(Debug)]
pub struct Table {
    /// The name problems are reported under.
    pub file: String,
    /// The columns that hold values.
    pub columns: Columns,
    /// The index of the first value column (2 with a `name` column, else 1).
    first_value: usize,
    text: String,
    /// id -> (start, end) byte offsets of its line.
    rows: FxHashMap<Box<str>, (u32, u32)>,
}

impl Table {
    /// Reads the header and indexes the rows. Problems with the header or an id make it an error;
    /// cells are not read here (see [`Table::validate`]).
    pub fn load(file: &str, text: String) -> Result<Table, Problem> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let offset = text.len() - body.len();
        let header_end = body.find('\n').unwrap_or(body.len());
        let header_line = body[..header_end].trim_end_matches('\r');
        let (columns, first_value) = parse_header(file, header_line)?;
        let mut rows = FxHashMap::default();
        rows.reserve(body.bytes().filter(|&b| b == b'\n').count());
        let mut pos = offset + header_end + 1;
        let mut line_no = 1u64;
        while pos < text.len() {
            line_no += 1;
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[pos..end];
            if !line.trim().is_empty() && !line.starts_with('#') {
                let id = line.split(',').next().unwrap_or("").trim();
                if id.is_empty() {
                    return Err(problem(file, line_no, 1, "row without an id"));
                }
                if rows.insert(id.into(), (pos as u32, end as u32)).is_some() {
                    return Err(problem(file, line_no, 1, format!("duplicate id '{id}'")));
                }
            }
            pos = end + 1;
        }
        Ok(Table {
            file: file.to_string(),
            columns,
            first_value,
            text,
            rows,
        })
    }

    /// How many rows (entities) the table has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether the table has a row for `id`.
    pub fn has(&self, id: &str) -> bool {
        self.rows.contains_key(id)
    }

    /// The ids of all rows (in no particular order).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rows.keys().map(|k| &**k)
    }

    /// Every value of one row, as (year, value); the year is `None` in an undated table.
    pub fn series(&self, id: &str) -> Vec<(Option<i32>, Decimal)> {
        let Some(fields) = self.fields(id) else {
            return Vec::new();
        };
        (0..self.width())
            .filter_map(|k| {
                let v = cell(&fields, self.first_value + k)?;
                Some((self.year_at(k), v))
            })
            .collect()
    }

    /// The value of one row for one year (for an undated table, `year` is ignored).
    pub fn get(&self, id: &str, year: i32) -> Option<Decimal> {
        let k = match &self.columns {
            Columns::Years(years) => years.binary_search(&year).ok()?,
            Columns::Undated => 0,
        };
        cell(&self.fields(id)?, self.first_value + k)
    }

    /// The value of the year closest to `year` among those `accept` allows (by distance, the
    /// earlier on a tie), with its year; parses only the cells it tries.
    pub fn nearest(
        &self,
        id: &str,
        year: i32,
        accept: impl Fn(i32) -> bool,
    ) -> Option<(i32, Decimal)> {
        let Columns::Years(years) = &self.columns else {
            return None;
        };
        let fields = self.fields(id)?;
        let mut order: Vec<usize> = (0..years.len()).filter(|&k| accept(years[k])).collect();
        order.sort_by_key(|&k| (years[k].abs_diff(year), years[k]));
        order
            .into_iter()
            .find_map(|k| cell(&fields, self.first_value + k).map(|v| (years[k], v)))
    }

    /// The latest year with a value, and the value.
    pub fn latest(&self, id: &str) -> Option<(i32, Decimal)> {
        let Columns::Years(years) = &self.columns else {
            return None;
        };
        let fields = self.fields(id)?;
        (0..years.len())
            .rev()
            .find_map(|k| cell(&fields, self.first_value + k).map(|v| (years[k], v)))
    }

    fn width(&self) -> usize {
        match &self.columns {
            Columns::Years(y) => y.len(),
            Columns::Undated => 1,
        }
    }

    fn year_at(&self, k: usize) -> Option<i32> {
        match &self.columns {
            Columns::Years(years) => years.get(k).copied(),
            Columns::Undated => None,
        }
    }

    /// The fields of one row (the name left empty when it is quoted).
    fn fields(&self, id: &str) -> Option<Vec<&str>> {
        let &(start, end) = self.rows.get(id)?;
        let line = &self.text[start as usize..end as usize];
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !line.contains('"') {
            return Some(line.split(',').collect());
        }
        // only the name may be quoted (values are plain numbers): the values follow its closing
        // quote
        let id = line.split(',').next().unwrap_or("");
        let after = &line[line.rfind('"')? + 1..];
        let mut out: Vec<&str> = if self.first_value == 2 {
            vec![id, ""]
        } else {
            vec![id]
        };
        out.extend(after.split(',').skip(1));
        Some(out)
    }

    /// Every problem of the table: a byte-order mark or CRLF, the header (years out of range or
    /// order), ragged rows, bad numbers, duplicate ids, and ids `known` does not accept.
    pub fn validate(
        file: &str,
        text: &str,
        known: &dyn Fn(&str) -> bool,
        problems: &mut Vec<Problem>,
    ) {
        lint(file, text, problems);
        let body = text.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = body.split('\n').map(|l| l.trim_end_matches('\r')).collect();
        let header_line = lines.first().copied().unwrap_or("");
        let width = split_line(header_line).len();
        let first_value = match parse_header(file, header_line) {
            Ok((_, f)) => f,
            Err(p) => {
                problems.push(p);
                return;
            }
        };
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(body.as_bytes());
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for rec in rdr.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    problems.push(problem(file, line, 1, e.to_string()));
                    continue;
                }
            };
            let line_no = rec.position().map(|p| p.line()).unwrap_or(0);
            let line = lines
                .get(line_no.saturating_sub(1) as usize)
                .copied()
                .unwrap_or("");
            if rec.len() != width {
                let col = field_column(line, rec.len().min(width));
                problems.push(problem(
                    file,
                    line_no,
                    col,
                    format!("{} fields where the header has {width}", rec.len()),
                ));
                continue;
            }
            let id = rec[0].trim();
            if id.is_empty() {
                problems.push(problem(file, line_no, 1, "row without an id"));
            } else if !seen.insert(id.to_string()) {
                problems.push(problem(file, line_no, 1, format!("duplicate id '{id}'")));
            } else if !known(id) {
                problems.push(problem(
                    file,
                    line_no,
                    1,
                    format!("unknown id '{id}': not in the gazetteer"),
                ));
            }
            for (k, cell) in rec.iter().enumerate().skip(first_value) {
                let cell = cell.trim();
                if !cell.is_empty() && Decimal::from_str(cell).is_err() {
                    problems.push(problem(
                        file,
                        line_no,
                        field_column(line, k),
                        format!("bad number '{cell}'"),
                    ));
                }
            }
        }
    }
}

/// The number in field `k`, if it has one.
fn cell(fields: &[&str], k: usize) -> Option<Decimal> {
    let f = fields.get(k)?.trim();
    if f.is_empty() {
        return None;
    }
    Decimal::from_str(f).ok()
}

/// The fields of one CSV line (quotes allowed).
fn split_line(line: &str) -> Vec<String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    match rdr.records().next() {
        Some(Ok(r)) => r.iter().map(str::to_string).collect(),
        _ => vec![String::new()],
    }
}

/// The value columns of a header and where they start.
fn parse_header(file: &str, line: &str) -> Result<(Columns, usize), Problem> {
    let fields = split_line(line);
    if fields.first().map(|f| f.trim()) != Some("id") {
        return Err(problem(file, 1, 1, "the first column must be 'id'"));
    }
    let first_value = if fields.get(1).map(|f| f.trim()) == Some("name") {
        2
    } else {
        1
    };
    let rest: Vec<&str> = fields[first_value..].iter().map(|f| f.trim()).collect();
    if rest == ["value"] {
        return Ok((Columns::Undated, first_value));
    }
    if rest.is_empty() {
        return Err(problem(
            file,
            1,
            field_column(line, first_value),
            "no value columns: expected years or 'value'",
        ));
    }
    let mut years = Vec::with_capacity(rest.len());
    for (k, h) in rest.iter().enumerate() {
        let col = || field_column(line, first_value + k);
        let y = match h.parse::<i32>() {
            Ok(y) => y,
            Err(_) => {
                return Err(problem(file, 1, col(), format!("bad year column '{h}'")));
            }
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return Err(problem(
                file,
                1,
                col(),
                format!("year {y} out of range {MIN_YEAR}–{MAX_YEAR}"),
            ));
        }
        if years.last().is_some_and(|&last| last >= y) {
            return Err(problem(
                file,
                1,
                col(),
                format!("year {y} out of order: year columns must increase"),
            ));
        }
        years.push(y);
    }
    Ok((Columns::Years(years), first_value))
}
