//! `--stream`: JSON lines in (`{"id": …, "text": …, "date"?, "format"?, "locale"?}`), one
//! rendered document out per record, in order. A record that cannot be read becomes the
//! renderer's error line; the stream goes on.

use std::io::{self, BufRead, Write};

use serde_json::Value;

use super::input::InputOptions;
use super::parallel;
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
    /// Articles whose `each` said they fail (findings at the fail level).
    pub failing: usize,
}

/// How a stream runs.
#[derive(Debug, Clone, Copy)]
pub struct StreamOptions<'a> {
    /// Settings that override the records' own (date, locale).
    pub input: &'a InputOptions,
    /// Threads to run records on (1: all on the calling thread).
    pub jobs: usize,
    /// How the output is named in errors ("standard output").
    pub output_name: &'a str,
}

/// What became of one line of the input.
#[derive(Default)]
struct Outcome {
    /// Its output line(s).
    bytes: Vec<u8>,
    /// Why it could not be read.
    problem: Option<String>,
    /// Was it an article, and does it fail?
    document: bool,
    fails: bool,
}

/// Reads records from `input` and writes, for each, what `each(document, id, out)` writes (or
/// the renderer's line for an unreadable record) to `out`, in input order, flushing as each
/// is written, so a run that is stopped keeps every line it finished. `each` says whether the
/// document fails. Records are read and worked on `opts.jobs` at a time (a few more in flight),
/// never the whole input at once. Each problem with a record is also handed to `problem`, as
/// a message naming the record. `opts.input`'s date and locale override the records' own.
pub fn run<R: BufRead + Send, W: Write>(
    input: R,
    out: W,
    opts: &StreamOptions,
    renderer: &dyn Renderer,
    each: impl Fn(&Document, Option<&Value>, &mut Vec<u8>) -> io::Result<bool> + Sync,
    mut problem: impl FnMut(&str),
) -> Result<StreamSummary, RunError> {
    let mut out = std::io::BufWriter::new(out);
    let mut summary = StreamSummary::default();
    let write_error = |error| RunError::Write {
        path: opts.output_name.to_string(),
        error,
    };
    let mut read_error = None;
    let lines = input
        .split(b'\n')
        .enumerate()
        .map_while(|(n, line)| match line {
            Ok(line) => Some((n + 1, line)),
            Err(error) => {
                read_error = Some(RunError::ReadStream { line: n + 1, error });
                None
            }
        });
    let work = |(n, line): (usize, Vec<u8>)| -> io::Result<Outcome> {
        match line_text(n, line) {
            Ok(text) => record(n, &text, opts.input, renderer, &each),
            Err(msg) => unreadable_line(n, msg, renderer),
        }
    };
    parallel::ordered(
        opts.jobs,
        opts.jobs * parallel::WINDOW_PER_JOB,
        lines,
        work,
        |outcome| {
            let outcome = outcome.map_err(write_error)?;
            if let Some(msg) = &outcome.problem {
                summary.unreadable += 1;
                problem(msg);
            }
            summary.documents += usize::from(outcome.document);
            summary.failing += usize::from(outcome.fails);
            if !outcome.bytes.is_empty() {
                out.write_all(&outcome.bytes).map_err(write_error)?;
                out.flush().map_err(write_error)?;
            }
            Ok::<(), RunError>(())
        },
    )?;
    if let Some(e) = read_error {
        return Err(e);
    }
    out.flush().map_err(write_error)?;
    Ok(summary)
}

/// The text of line `n`: UTF-8, without its carriage return, and on the first line without a
/// byte-order mark (a file saved by a Windows editor).
fn line_text(n: usize, mut line: Vec<u8>) -> Result<String, String> {
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    if n == 1 && line.starts_with(b"\xEF\xBB\xBF") {
        line.drain(..3);
    }
    String::from_utf8(line).map_err(|e| {
        format!(
            "-: line {n}: not UTF-8 (byte {} of the line); the line is skipped",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// The renderer's error line for line `n`, which is not a record.
fn unreadable_line(n: usize, msg: String, renderer: &dyn Renderer) -> io::Result<Outcome> {
    let mut o = Outcome::default();
    renderer.unreadable_record(&mut o.bytes, RecordAt::Line(n), &msg)?;
    o.problem = Some(msg);
    Ok(o)
}

/// Reads line `n` of the stream as a record and renders it.
fn record(
    n: usize,
    line: &str,
    opts: &InputOptions,
    renderer: &dyn Renderer,
    each: &(impl Fn(&Document, Option<&Value>, &mut Vec<u8>) -> io::Result<bool> + Sync),
) -> io::Result<Outcome> {
    let mut o = Outcome::default();
    if line.trim().is_empty() {
        return Ok(o);
    }
    match serde_json::from_str::<Record>(line) {
        Err(e) => {
            let msg = format!("-: line {n}: not a JSON object with a \"text\" field: {e}");
            return unreadable_line(n, msg, renderer);
        }
        Ok(mut rec) => match document(&mut rec, n, opts) {
            Ok(doc) => {
                o.document = true;
                o.fails = each(&doc, rec.id.as_ref(), &mut o.bytes)?;
            }
            Err(msg) => {
                renderer.unreadable_record(
                    &mut o.bytes,
                    RecordAt::Record(rec.id.as_ref()),
                    &msg,
                )?;
                o.problem = Some(msg);
            }
        },
    }
    Ok(o)
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
    let format = match rec
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("text") | Some("txt") => Format::Text,
        Some("markdown") | Some("md") => Format::Markdown,
        Some("html") | Some("htm") => Format::Html,
        Some(other) => {
            return Err(format!(
                "{name} (line {line}): unknown format '{other}' (expected text, markdown or html)"
            ));
        }
    };
    let date = match &rec.date {
        Some(ds) => Some(Date::parse(ds).ok_or_else(|| {
            format!("{name} (line {line}): '{ds}' is not a date in the form YYYY-MM-DD")
        })?),
        None => None,
    };
    if let Some(l) = &rec.locale
        && opts.locale.is_none()
        && let Some(known) = &opts.known_locales
        && !known.accepts(l)
    {
        return Err(format!("{name} (line {line}): {}", known.unknown(l)));
    }
    let mut d = Document::from_text(&name, std::mem::take(&mut rec.text), format);
    d.date = opts.date.or(date).or(d.date);
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
        let input_opts = InputOptions::default();
        let opts = StreamOptions {
            input: &input_opts,
            jobs: 1,
            output_name: "standard output",
        };
        let summary = run(
            input.as_bytes(),
            &mut out,
            &opts,
            lines.as_ref(),
            |doc, id, out| {
                writeln!(out, "{} {:?} {:?}", doc.name, id, doc.date)?;
                Ok(doc.name == "1")
            },
            |p| problems.push(p.to_string()),
        )
        .unwrap();
        assert_eq!(
            summary,
            StreamSummary {
                documents: 2,
                unreadable: 2,
                failing: 1,
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
