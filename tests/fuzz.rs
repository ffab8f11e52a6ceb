//! The fuzzing harness: generated input thrown at every reader of outside data — article bytes
//! in each markup, `--stream` lines, newsroom reference tables, the configuration file — and
//! through extraction, checking and every report format, for a bounded time.
//!
//! Each target runs rounds of generated cases until its share of `NUMCHECK_FUZZ_SECONDS`
//! (default 20 in all) is used up; nothing here measures speed. A failing case is shrunk and
//! printed; keep it under `tests/fuzz-corpus/<target>/`, where
//! `found_cases_stay_fixed` replays every file on every run.
//!
//! What must hold: no panic; a document either reads or is an error naming its file; every
//! JSON, JSON-lines and SARIF report parses; a stream writes one line per non-empty input line;
//! every problem in a table names its file and a line of it.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use numcheck::check::{CheckOptions, Checker};
use numcheck::config::Config;
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, CheckRun, OutputFormat, RenderOptions};
use numcheck::runner::input::InputOptions;
use numcheck::runner::stream::{self, StreamOptions};
use numcheck::{Document, Format, Lexicon, check_document};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestCaseError, TestRunner};

const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-corpus");

fn checker() -> &'static Checker<'static> {
    static REF: OnceLock<ReferenceSet> = OnceLock::new();
    static CHECKER: OnceLock<Checker<'static>> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let lex = Lexicon::embedded();
        let set = REF.get_or_init(|| ReferenceSet::embedded(lex).expect("shipped reference"));
        Checker::new(lex, set, CheckOptions::default())
    })
}

// ---------- what must hold, per target ----------

/// Article bytes: read (or refused with the file's name), checked, and reported in every format.
fn document_holds(bytes: &[u8], format: Option<Format>) -> Result<(), String> {
    let doc = match Document::from_bytes("fuzz.md", bytes, format) {
        Ok(d) => d,
        Err(e) if e.to_string().starts_with("fuzz.md") => return Ok(()),
        Err(e) => return Err(format!("an input error that does not name the file: {e}")),
    };
    let r = check_document(checker(), &doc);
    for c in &r.claims {
        if doc.source.get(c.span.start..c.span.end) != Some(c.text.as_str()) {
            return Err(format!("claim {:?} does not point at its text", c.text));
        }
    }
    let files = std::slice::from_ref(&r);
    let lex = Lexicon::embedded();
    for format in OutputFormat::ALL {
        let out = report::renderer(format, lex, RenderOptions::default())
            .check(&CheckRun::new(files, &[]));
        match format {
            OutputFormat::Json | OutputFormat::Sarif => {
                serde_json::from_str::<serde_json::Value>(&out)
                    .map_err(|e| format!("{format:?} report does not parse: {e}"))?;
            }
            OutputFormat::Jsonl => {
                for line in out.lines() {
                    serde_json::from_str::<serde_json::Value>(line)
                        .map_err(|e| format!("a JSON line does not parse: {e}"))?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Stream input: one JSON line out per non-empty line in, whatever the line holds.
fn stream_holds(input: &[u8]) -> Result<(), String> {
    let lex = Lexicon::embedded();
    let lines = report::renderer(OutputFormat::Jsonl, lex, RenderOptions::default());
    let options = InputOptions {
        known_locales: Some(lex.known_locales()),
        ..InputOptions::default()
    };
    let opts = StreamOptions {
        input: &options,
        jobs: 1,
        output_name: "fuzz output",
    };
    let mut out = Vec::new();
    let summary = stream::run(
        Cursor::new(input),
        &mut out,
        &opts,
        lines.as_ref(),
        |doc, id, buf| {
            let r = check_document(checker(), doc);
            lines.check_record(buf, &r, id)?;
            Ok(false)
        },
        |_| {},
    )
    .map_err(|e| format!("the stream stopped: {e}"))?;
    // a byte-order mark opening the stream is not a line's content
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let expected = body
        .split(|&b| b == b'\n')
        .filter(|l| !String::from_utf8_lossy(l).trim().is_empty())
        .count();
    let text = String::from_utf8(out).map_err(|_| "output is not UTF-8".to_string())?;
    let got = text.lines().count();
    if got != expected || summary.documents + summary.unreadable != expected {
        return Err(format!("{expected} lines in, {got} out ({summary:?})"));
    }
    for l in text.lines() {
        serde_json::from_str::<serde_json::Value>(l)
            .map_err(|e| format!("output line does not parse: {e}: {l}"))?;
    }
    Ok(())
}

/// A newsroom's facts table: every problem names the file and one of its lines.
fn reference_holds(csv: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::create_dir(dir.path().join("facts")).map_err(|e| e.to_string())?;
    let file = dir.path().join("facts/news.csv");
    std::fs::write(&file, csv).map_err(|e| e.to_string())?;
    let lines = csv.split(|&b| b == b'\n').count() as u64;
    for p in numcheck::reference::validate_dir(dir.path()) {
        if !p.file.ends_with("news.csv") || p.line == 0 || p.line > lines {
            return Err(format!("a problem not placed in the file: {p}"));
        }
    }
    Ok(())
}

/// The configuration file: read, or an error naming it and one of its lines.
fn config_holds(text: &str) -> Result<(), String> {
    let lines = text.split('\n').count();
    match Config::parse("numcheck.toml", text) {
        Ok(_) => Ok(()),
        Err(e) => {
            let msg = e.to_string();
            let line: Option<usize> = msg
                .strip_prefix("numcheck.toml:")
                .and_then(|r| r.split(':').next())
                .and_then(|n| n.parse().ok());
            match line {
                Some(n) if n <= lines => Ok(()),
                _ => Err(format!("an error not placed in the file: {msg}")),
            }
        }
    }
}

// ---------- generators: biased towards what breaks readers ----------

const PIECES: &[&str] = &[
    "5",
    "14,000",
    "1.2",
    "-3",
    "$",
    "€",
    "£",
    "%",
    " per cent",
    "bn",
    " million",
    " km",
    "°C",
    " about ",
    " more than ",
    " from ",
    " to ",
    " and ",
    ".",
    ",",
    " ",
    "\n",
    "\r\n",
    "\t",
    "<",
    ">",
    "&",
    "&lt;",
    "<p>",
    "</p>",
    "<script>",
    "<!--",
    "-->",
    "---\n",
    "title: x\n",
    "date: 2020-13-45\n",
    "```\n",
    "`",
    "*",
    "_",
    "[",
    "](",
    ")",
    "|",
    "#",
    "\"",
    "'",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\u{202c}",
    "\u{2067}",
    "\u{200f}",
    "\u{a0}",
    "\u{2009}",
    "1e309",
    "10^40",
    "½",
    "٣",
    "troops",
    "people",
    "The ",
    "In 2021 ",
    "\u{1b}[31m",
    "\u{7}",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        pieces().prop_map(String::into_bytes),
        (pieces(), prop::collection::vec(any::<u8>(), 0..4), pieces()).prop_map(|(a, b, c)| {
            let mut v = a.into_bytes();
            v.extend(b);
            v.extend(c.into_bytes());
            v
        }),
        // UTF-16 with a byte-order mark
        pieces().prop_map(|s| {
            let mut v = vec![0xff, 0xfe];
            s.encode_utf16().for_each(|u| v.extend(u.to_le_bytes()));
            v
        }),
    ]
}

fn input_format() -> impl Strategy<Value = Option<Format>> {
    prop::sample::select(
        &[
            None,
            Some(Format::Text),
            Some(Format::Markdown),
            Some(Format::Html),
        ][..],
    )
}

fn stream_line() -> impl Strategy<Value = Vec<u8>> {
    let field = prop::sample::select(
        &[
            "",
            ",\"date\":\"2021-10-20\"",
            ",\"date\":\"2021-02-30\"",
            ",\"format\":\"html\"",
            ",\"format\":\"pdf\"",
            ",\"locale\":\"en-GB\"",
            ",\"locale\":\"xx\"",
            ",\"id\":null",
        ][..],
    );
    prop_oneof![
        (pieces(), field).prop_map(|(t, f)| {
            format!("{{\"id\":1,\"text\":{}{f}}}", serde_json::Value::String(t)).into_bytes()
        }),
        prop::collection::vec(any::<u8>(), 0..60),
        pieces().prop_map(String::into_bytes),
    ]
}

fn stream_input() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(stream_line(), 0..6).prop_map(|lines| {
        let mut v = Vec::new();
        for l in lines {
            v.extend(l.into_iter().filter(|&b| b != b'\n'));
            v.push(b'\n');
        }
        v
    })
}

const HEADER: &str =
    "id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases,keywords";

fn csv_field() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            "",
            "x",
            "a-1",
            "Tay Bridge",
            "length",
            "3264",
            "-5",
            "1e400",
            "metre",
            "EUR",
            "people",
            "2020-01-01",
            "20201",
            "-44",
            "2020-02-30",
            "2019..2020",
            "\"",
            "\"a,b\"",
            "\"open",
            "close\"",
            "#",
            "\u{feff}",
            "\r",
            "é",
        ][..],
    )
}

fn facts_csv() -> impl Strategy<Value = Vec<u8>> {
    let row = prop::collection::vec(csv_field(), 0..15).prop_map(|f| f.join(","));
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(row, 0..5),
        prop::collection::vec(any::<u8>(), 0..3),
    )
        .prop_map(|(bom, crlf, rows, junk)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            s.push_str(HEADER);
            s.push_str(end);
            for r in rows {
                s.push_str(&r);
                s.push_str(end);
            }
            let mut v = s.into_bytes();
            v.extend(junk);
            v
        })
}

fn config_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(
        &[
            "fail_on = \"never\"\n",
            "format = \"sarif\"\n",
            "format = 3\n",
            "[tolerances]\n",
            "approximately = 0.1\n",
            "nearly = -1\n",
            "currency_rate = 2\n",
            "reference = [\"r\"]\n",
            "x = \n",
            "\"",
            "[",
            "]",
            "\n",
            "\u{feff}",
            "= =\n",
            "colour = true\n",
        ][..],
    );
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

// ---------- the bounded runs ----------

fn budget() -> Duration {
    let secs = std::env::var("NUMCHECK_FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0_f64);
    Duration::from_secs_f64(secs / 4.0)
}

/// Runs rounds of `strategy` through `holds` until the target's share of time is used up.
fn fuzz<S: Strategy>(name: &str, strategy: S, holds: impl Fn(S::Value) -> Result<(), String>)
where
    S::Value: std::fmt::Debug,
{
    let end = Instant::now() + budget();
    let mut rounds = 0;
    while rounds == 0 || Instant::now() < end {
        let mut runner = TestRunner::new(RunnerConfig {
            cases: 16,
            failure_persistence: None,
            ..RunnerConfig::default()
        });
        if let Err(e) = runner.run(&strategy, |v| holds(v).map_err(TestCaseError::fail)) {
            panic!(
                "fuzz target {name}: {e}\nkeep the case under tests/fuzz-corpus/{name}/ once fixed"
            );
        }
        rounds += 1;
    }
}

#[test]
fn fuzz_documents() {
    fuzz(
        "documents",
        (article_bytes(), input_format()),
        |(bytes, format)| document_holds(&bytes, format),
    );
}

#[test]
fn fuzz_stream() {
    fuzz("stream", stream_input(), |input| stream_holds(&input));
}

#[test]
fn fuzz_reference_tables() {
    fuzz("reference", facts_csv(), |csv| reference_holds(&csv));
}

#[test]
fn fuzz_configuration() {
    fuzz("config", config_text(), |text| config_holds(&text));
}

// ---------- the corpus of found cases ----------

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(CORPUS_DIR).join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn found_cases_stay_fixed() {
    let mut failures = Vec::new();
    let mut seen = 0;
    for (target, holds) in [
        (
            "documents",
            &(|b: &[u8]| document_holds(b, None)) as &dyn Fn(&[u8]) -> Result<(), String>,
        ),
        ("stream", &stream_holds),
        ("reference", &reference_holds),
        ("config", &|b: &[u8]| {
            config_holds(&String::from_utf8_lossy(b))
        }),
    ] {
        for file in corpus(target) {
            seen += 1;
            let bytes = std::fs::read(&file).unwrap();
            if let Err(e) = holds(&bytes) {
                failures.push(format!("{}: {e}", file.display()));
            }
        }
    }
    assert!(
        seen >= 8,
        "the corpus of found cases is missing ({seen} files)"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
