//! Reading the lexicon's CSV tables: one reader, rows with the line they start on, and errors
//! that name the file and line.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{DataError, DataResult};

/// A decimal as the tables write it: plain ("0.5") or scientific ("1e6").
pub(crate) fn dec(s: &str) -> Option<Decimal> {
    let s = s.trim();
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

/// The `|`-separated forms of a cell, trimmed, empty ones dropped.
pub(crate) fn split_forms(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|f| !f.is_empty())
}

/// An error at a row of a table.
pub(crate) fn row_error(file: &str, line: u64, message: impl Into<String>) -> DataError {
    DataError::Row {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

fn csv_error(file: &str, e: csv::Error) -> DataError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    row_error(file, line, e.to_string())
}

/// Parses every row of a CSV table (`#` starts a comment line) with the 1-based line it starts
/// on.
pub(crate) fn rows<T: serde::de::DeserializeOwned>(
    file: &str,
    data: &str,
) -> DataResult<Vec<(u64, T)>> {
    // a spreadsheet's byte-order mark is not part of the first column's name; lines are
    // counted from byte offsets, the same with LF and CRLF
    let body = data.strip_prefix('\u{feff}').unwrap_or(data);
    let skipped = data.len() - body.len();
    let lines = std::cell::RefCell::new(crate::table::LineCounter::new(data));
    let line_at = |byte: u64| lines.borrow_mut().record(skipped + byte as usize).0;
    let located = |e: csv::Error| match e.position() {
        Some(p) => row_error(file, line_at(p.byte()), e.to_string()),
        None => csv_error(file, e),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(body.as_bytes());
    let headers = rdr.headers().map_err(located)?.clone();
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(located)?;
        let line = rec.position().map_or(0, |p| line_at(p.byte()));
        if rec.iter().any(|f| f.contains(['\n', '\r'])) {
            return Err(row_error(
                file,
                line,
                "a quote is not closed on its line: a field may not span lines",
            ));
        }
        let row: T = rec
            .deserialize(Some(&headers))
            .map_err(|e| row_error(file, line, e.to_string()))?;
        out.push((line, row));
    }
    Ok(out)
}
