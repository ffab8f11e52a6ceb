//! `--stream`: JSON lines in (`{"id": …, "text": …, "date"?, "format"?, "locale"?}`), one
//! rendered document out per record, in order. A record that cannot be read becomes the
//! renderer's error line; the stream goes on.

use std::io::{BufRead, Write};

use serde_json::Value;

use super::input::InputOptions;
use crate::document::{Date, Document, Format};
use crate::error::RunError;
use crate::report::{RecordAt, Renderer};

/// One record of the input stream.
#[derive(serde::Deserialize)]
struct Record {
    id: Option<Value>,
    text: String,
    date: Option<String>,
    format: Option<String>,
    locale: Option<String>,
}

/// What a stream run saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Records read as articles.
    pub documents: usize,
    /// Lines and records that could not be read.
    pub unreadable: usize,
}

/// Reads records from `input` and writes, for each, `each(document, id)` (or the renderer's
/// line for an unreadable record) to `out`. Each problem with a record is also handed to
/// `problem`, as a message naming the record. `opts.date` and `opts.locale` override the
/// records' own.
pub fn run<R: BufRead, W: Write>(
    input: R,
    out: W,
    opts: &InputOptions,
    renderer: &dyn Renderer,
    mut each: impl FnMut(&Document, Option<&Value>) -> String,
    mut problem: impl FnMut(&str),
) -> Result<StreamSummary, RunError> {
    let mut out = std::io::BufWriter::new(out);
    let mut summary = StreamSummary::default();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|error| RunError::ReadStream { line: n + 1, error })?;
        if line.trim().is_empty() {
            continue;
        }
        let text = match serde_json::from_str::<Record>(&line) {
            Err(e) => {
                let msg = format!(
                    "-: line {}: not a JSON object with a \"text\" field: {e}",
                    n + 1
                );
                summary.unreadable += 1;
                problem(&msg);
                renderer.unreadable_record(RecordAt::Line(n + 1), &msg)
            }
            Ok(mut rec) => match document(&mut rec, n + 1, opts) {
                Ok(doc) => {
                    summary.documents += 1;
                    each(&doc, rec.id.as_ref())
                }
                Err(msg) => {
                    summary.unreadable += 1;
                    problem(&msg);
                    renderer.unreadable_record(RecordAt::Record(rec.id.as_ref()), &msg)
                }
            },
        };
        out.write_all(text.as_bytes())
            .map_err(RunError::WriteStream)?;
    }
    out.flush().map_err(RunError::WriteStream)?;
    Ok(summary)
}

/// The article of a record (named by its id, else by its line), or why there is none.
fn document(rec: &mut Record, line: usize, opts: &InputOptions) -> Result<Document, String> {
    let name = rec
        .id
        .as_ref()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .unwrap_or_else(|| format!("line {line}"));
    if rec.text.trim().is_empty() {
        return Err(format!("{name}: empty text: nothing to check"));
    }
    let format = match rec.format.as_deref() {
        Some("markdown") | Some("md") => Format::Markdown,
        Some("html") => Format::Html,
        _ => Format::Text,
    };
    let mut d = Document::from_text(&name, std::mem::take(&mut rec.text), format);
    if let Some(ds) = &rec.date {
        d.date = Date::parse(ds).or(d.date);
    }
    if opts.date.is_some() {
        d.date = opts.date;
    }
    if let Some(l) = opts.locale.clone().or(rec.locale.clone()) {
        d.locale = Some(l);
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::report::{OutputFormat, RenderOptions, renderer};

    #[test]
    fn bad_records_become_error_lines_and_the_stream_goes_on() {
        let input = "{\"id\": 1, \"text\": \"It cost £5.\"}\nnot json\n\n{\"id\": \"b\", \"text\": \" \"}\n{\"text\": \"Ten people came.\", \"date\": \"2020-02-03\"}\n";
        let lines = renderer(
            OutputFormat::Jsonl,
            Lexicon::embedded(),
            RenderOptions::default(),
        );
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let summary = run(
            input.as_bytes(),
            &mut out,
            &InputOptions::default(),
            lines.as_ref(),
            |doc, id| format!("{} {:?} {:?}\n", doc.name, id, doc.date),
            |p| problems.push(p.to_string()),
        )
        .unwrap();
        assert_eq!(
            summary,
            StreamSummary {
                documents: 2,
                unreadable: 2
            }
        );
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "1 Some(Number(1)) None");
        assert!(
            lines[1].starts_with("{\"error\":\"-: line 2: not a JSON object"),
            "{}",
            lines[1]
        );
        assert!(lines[1].ends_with("\"line\":2}"), "{}", lines[1]);
        assert_eq!(
            lines[2],
            "{\"error\":\"b: empty text: nothing to check\",\"id\":\"b\"}"
        );
        assert!(
            lines[3].starts_with("line 5 None Some(Date"),
            "{}",
            lines[3]
        );
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[1], "b: empty text: nothing to check");
    }
}
