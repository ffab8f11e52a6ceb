//! Data tables: CSV with a header row and `#` comment lines, read row by row with every problem
//! located at FILE:LINE:COLUMN. One reader for the reference tables (and for any table that
//! wants its problems collected rather than stopping at the first).

use std::fmt;

use rustc_hash::FxHashMap;

/// A problem in a data table, located at FILE:LINE:COLUMN (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The table's file, as the user named it.
    pub file: String,
    /// The line the row starts on.
    pub line: u64,
    /// The column (in characters) of the field at fault.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl TableError {
    /// A problem at FILE:LINE:COLUMN.
    pub fn at(file: &str, line: u64, column: usize, message: impl Into<String>) -> TableError {
        TableError {
            file: file.into(),
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for TableError {}

/// One row of a table, with its fields by column name.
pub(crate) struct Row<'r> {
    rec: &'r csv::StringRecord,
    index: &'r FxHashMap<String, usize>,
    /// The row's line.
    pub(crate) line: u64,
    /// The whole table, to find the row's text when a field must be located.
    data: &'r str,
}

impl<'r> Row<'r> {
    /// The field of column `name` ("" if the table has no such column).
    pub(crate) fn get(&self, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|&i| self.rec.get(i))
            .unwrap_or("")
    }

    /// The 1-based character column where the field of column `name` starts (1 if the table
    /// has no such column).
    pub(crate) fn column(&self, name: &str) -> usize {
        let text = (self.line as usize)
            .checked_sub(1)
            .and_then(|i| self.data.lines().nth(i))
            .unwrap_or("");
        match self.index.get(name) {
            Some(&field) => field_column(text, field),
            None => 1,
        }
    }
}

/// Calls `f` for each row of the table `file` holding `data`; a malformed header or row, or a
/// row with more or fewer fields than the header, is added to `problems` and skipped.
pub(crate) fn for_rows(
    file: &str,
    data: &str,
    problems: &mut Vec<TableError>,
    mut f: impl FnMut(&Row, &mut Vec<TableError>),
) {
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(data.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(TableError::at(file, 1, 1, e.to_string()));
            return;
        }
    };
    let index: FxHashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                problems.push(TableError::at(file, line, 1, e.to_string()));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.len() != headers.len() {
            let message = format!(
                "{} fields where the header has {}",
                rec.len(),
                headers.len()
            );
            problems.push(TableError::at(file, line, 1, message));
            continue;
        }
        let row = Row {
            rec: &rec,
            index: &index,
            line,
            data,
        };
        f(&row, problems);
    }
}

/// 1-based character column of field `field` in a CSV line.
fn field_column(line_text: &str, field: usize) -> usize {
    let mut k = 0;
    let mut in_quotes = false;
    for (col, c) in line_text.chars().enumerate() {
        if k == field {
            return col + 1;
        }
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => k += 1,
            _ => {}
        }
    }
    line_text.chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_name_and_problems_located() {
        let data = "# a comment\nid,name,value\na,\"Smith, J\",5\nb,short\nc,x,7\n";
        let mut problems = Vec::new();
        let mut seen = Vec::new();
        for_rows("t.csv", data, &mut problems, |row, _| {
            seen.push((row.line, row.get("id").to_string(), row.column("value")));
        });
        assert_eq!(
            seen,
            vec![(3, "a".to_string(), 14), (5, "c".to_string(), 5)]
        );
        assert_eq!(
            problems,
            vec![TableError::at(
                "t.csv",
                4,
                1,
                "2 fields where the header has 3"
            )]
        );
        assert_eq!(
            problems[0].to_string(),
            "t.csv:4:1: 2 fields where the header has 3"
        );
    }
}
