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
    /// The row's text (its first line), to locate a field.
    text: &'r str,
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
        match self.index.get(name) {
            Some(&field) => field_column(self.text, field),
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
    // a spreadsheet's byte-order mark is not part of the first column's name
    let body = data.strip_prefix('\u{feff}').unwrap_or(data);
    let skipped = data.len() - body.len();
    let mut lines = LineCounter::new(data);
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            let line = e
                .position()
                .map_or(1, |p| lines.record(skipped + p.byte() as usize).0);
            problems.push(TableError::at(file, line, 1, e.to_string()));
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
                let line = e
                    .position()
                    .map_or(0, |p| lines.record(skipped + p.byte() as usize).0);
                problems.push(TableError::at(file, line, 1, e.to_string()));
                continue;
            }
        };
        // line numbers from byte offsets: the same with LF and CRLF line ends
        let (line, text) = rec
            .position()
            .map_or((0, ""), |p| lines.record(skipped + p.byte() as usize));
        if let Some(field) = rec.iter().position(|f| f.contains(['\n', '\r'])) {
            problems.push(unclosed_quote(file, text, line, field, &headers));
            continue;
        }
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
            text,
        };
        f(&row, problems);
    }
}

/// A field that runs over a line end: in a reference table that is a quote left open, which a
/// later row's quote closed, swallowing the rows between.
fn unclosed_quote(
    file: &str,
    text: &str,
    line: u64,
    field: usize,
    headers: &csv::StringRecord,
) -> TableError {
    let name = headers.get(field).unwrap_or("").trim();
    TableError::at(
        file,
        line,
        field_column(text, field),
        format!(
            "the quote that opens field '{name}' is not closed on its line: a field may not \
             span lines (an unclosed quote swallows the rows after it)"
        ),
    )
}

/// Where the record the CSV reader places at `offset` starts: the reader's offset may point at
/// a line end or a comment line before it (after CRLF comment lines), never after its start.
pub(crate) fn record_start(data: &str, mut offset: usize) -> usize {
    let b = data.as_bytes();
    loop {
        match b.get(offset) {
            Some(b'\r' | b'\n') => offset += 1,
            Some(b'#') if offset == 0 || b[offset - 1] == b'\n' => {
                offset = memchr::memchr(b'\n', &b[offset..]).map_or(b.len(), |i| offset + i + 1);
            }
            _ => return offset,
        }
    }
}

/// The 1-based line of byte `offset` of `data`.
#[cfg(test)]
pub(crate) fn line_of(data: &str, offset: usize) -> u64 {
    let before = &data.as_bytes()[..offset.min(data.len())];
    memchr::memchr_iter(b'\n', before).count() as u64 + 1
}

/// Lines of a table's records, counted as the reader moves on: each byte of the table is
/// counted once however many rows it has (rows come in order; an earlier offset starts over).
pub(crate) struct LineCounter<'a> {
    data: &'a str,
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    /// A counter at the start of `data`.
    pub(crate) fn new(data: &'a str) -> LineCounter<'a> {
        LineCounter {
            data,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of byte `offset` of the data.
    pub(crate) fn line_at(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.data.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let between = &self.data.as_bytes()[self.offset..offset];
        self.line += memchr::memchr_iter(b'\n', between).count() as u64;
        self.offset = offset;
        self.line
    }

    /// The line and the text (its first line, without the line end) of the record the CSV
    /// reader places at byte `offset` of the data.
    pub(crate) fn record(&mut self, offset: usize) -> (u64, &'a str) {
        let start = record_start(self.data, offset.min(self.data.len()));
        let line = self.line_at(start);
        let rest = self.data.get(start..).unwrap_or("");
        let text = rest.split('\n').next().unwrap_or("");
        (line, text.strip_suffix('\r').unwrap_or(text))
    }
}

/// 1-based character column of field `field` (0-based) in a CSV line; the end of the line + 1
/// when the line has fewer fields.
pub(crate) fn field_column(line_text: &str, field: usize) -> usize {
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
    line_text.trim_end_matches('\r').chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_counter_counts_each_byte_once_and_starts_over_when_sent_back() {
        let data = "# c\r\nid,v\r\n# note\r\na,1\r\nb,2\n\nc,3";
        let mut lines = LineCounter::new(data);
        // the reader may place a record at the line end or comment before it
        assert_eq!(lines.record(data.find("# note").unwrap() - 2), (4, "a,1"));
        assert_eq!(lines.record(data.find("b,2").unwrap()), (5, "b,2"));
        assert_eq!(lines.record(data.find("c,3").unwrap()), (7, "c,3"));
        assert_eq!(lines.line_at(0), 1);
        assert_eq!(lines.line_at(data.len() + 10), 7);
        for offset in 0..=data.len() {
            assert_eq!(
                LineCounter::new(data).line_at(offset),
                line_of(data, offset)
            );
        }
    }

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

    fn problems_of(data: &str) -> Vec<String> {
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        for_rows("t.csv", data, &mut problems, |row, _| rows.push(row.line));
        let mut out: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        out.extend(rows.iter().map(|l| format!("row at {l}")));
        out
    }

    #[test]
    fn crlf_and_a_byte_order_mark_change_no_line_and_no_column_name() {
        let lf = "# note\nid,name\na,b\n# more\nc,d,e\nf,g\n";
        let crlf = lf.replace('\n', "\r\n");
        let bom = format!("\u{feff}{crlf}");
        let want = vec![
            "t.csv:5:1: 3 fields where the header has 2".to_string(),
            "row at 3".into(),
            "row at 6".into(),
        ];
        assert_eq!(problems_of(lf), want);
        assert_eq!(problems_of(&crlf), want);
        assert_eq!(problems_of(&bom), want);
        let mut problems = Vec::new();
        let mut ids = Vec::new();
        for_rows("t.csv", &bom, &mut problems, |row, _| {
            ids.push(row.get("id").to_string())
        });
        assert_eq!(ids, ["a", "f"]);
    }

    #[test]
    fn an_unclosed_quote_is_caught_not_merged_with_the_next_row() {
        let data = "id,source,note\na,\"Office, 2020,x\nb,\"Office\",y\nc,ok,z\n";
        assert_eq!(
            problems_of(data),
            vec![
                "t.csv:2:3: the quote that opens field 'source' is not closed on its line: a \
                 field may not span lines (an unclosed quote swallows the rows after it)"
                    .to_string(),
                "row at 4".into(),
            ]
        );
    }
}
