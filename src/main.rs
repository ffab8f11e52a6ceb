//! The `numcheck` command line: a thin shell over the library.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::Value;

use numcheck::check::{CheckOptions, Checker, FailOn};
use numcheck::config::Config;
use numcheck::reference::ReferenceSet;
use numcheck::report::{self, CheckRun, ExtractRun, Extracted, OutputFormat, RenderOptions};
use numcheck::{Date, Document, Format, Lexicon, Tolerances, check_document, extract_claims};

/// Audits the numbers in news copy: finds every quantitative claim, normalises it, and checks it
/// against a reference dataset.
#[derive(Parser)]
#[command(
    name = "numcheck",
    version,
    about,
    long_about = None,
    after_help = "Exit status: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage, input or reference error.\nConfiguration: numcheck.toml or .numcheck.toml in the working directory or a parent."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find and normalise every quantitative claim in articles.
    Extract(ExtractArgs),
    /// Check every claim against the reference data and report discrepancies.
    Check(CheckArgs),
    /// Work with reference data.
    Reference {
        #[command(subcommand)]
        command: ReferenceCommand,
    },
}

#[derive(Subcommand)]
enum ReferenceCommand {
    /// Validate a reference directory (default: the shipped reference), reporting every
    /// problem as FILE:LINE:COLUMN. Exit 2 if there is any.
    Validate {
        /// Directory laid out like `reference/`.
        dir: Option<PathBuf>,
    },
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Articles to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The article date (YYYY-MM-DD), used for exchange rates and "last year"; overrides the
    /// date found in front matter or HTML meta.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// How to read the input (default: by extension and content).
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// The article's locale (en-GB, en-US, en-AU, en-CA, en-IN …): how `$`, `¥`, `kr`,
    /// "pounds", "tons" and "gallons" are read when the text gives no cue; overrides front
    /// matter `lang:` and `<html lang>`.
    #[arg(long, value_name = "LOCALE")]
    locale: Option<String>,
    /// Write the report here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Stream mode: read JSON lines `{"id": …, "text": …, "date": …}` from standard input and
    /// write one JSON line per article to standard output.
    #[arg(long)]
    stream: bool,
    /// Extra reference directory (repeatable): facts under `facts/*.csv` and lexicon tables
    /// named like the shipped ones are added to the defaults.
    #[arg(long = "reference", value_name = "DIR")]
    reference: Vec<PathBuf>,
    /// Show a progress bar on standard error (default: for batches of 20+ files on a terminal).
    #[arg(long)]
    progress: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    format: Option<CheckFormat>,
    /// The lowest verdict that fails the run (exit 1).
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Do not load the shipped reference data, only `--reference` directories.
    #[arg(long)]
    no_default_reference: bool,
    /// In text output, list consistent claims too.
    #[arg(long)]
    all: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Text,
    Json,
    Jsonl,
    Markdown,
    Sarif,
    Html,
}

impl From<CheckFormat> for OutputFormat {
    fn from(f: CheckFormat) -> OutputFormat {
        match f {
            CheckFormat::Text => OutputFormat::Text,
            CheckFormat::Json => OutputFormat::Json,
            CheckFormat::Jsonl => OutputFormat::Jsonl,
            CheckFormat::Markdown => OutputFormat::Markdown,
            CheckFormat::Sarif => OutputFormat::Sarif,
            CheckFormat::Html => OutputFormat::Html,
        }
    }
}

/// `--fail-on` values, mapped onto the library's [`FailOn`].
#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    /// Fail on any inconsistent claim (the default).
    Inconsistent,
    /// Fail on inconsistent, ambiguous or unverifiable claims.
    Unverifiable,
    /// Never fail on findings (exit 0 unless there is an error).
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> FailOn {
        match a {
            FailOnArg::Inconsistent => FailOn::Inconsistent,
            FailOnArg::Unverifiable => FailOn::Unverifiable,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date in the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("numcheck: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Check(a) => check(a),
        Command::Reference {
            command: ReferenceCommand::Validate { dir },
        } => validate(dir),
    }
}

fn load_lexicon(dirs: &[PathBuf]) -> Result<&'static Lexicon> {
    let extra: Vec<&PathBuf> = dirs
        .iter()
        .filter(|d| {
            d.join("lexicon").is_dir()
                || d.join("units.csv").is_file()
                || d.join("currencies.csv").is_file()
        })
        .collect();
    if extra.is_empty() {
        return Ok(Lexicon::embedded());
    }
    if extra.len() > 1 {
        bail!("lexicon tables may come from one --reference directory only");
    }
    let lex = Lexicon::with_extra_dir(extra[0])?;
    Ok(Box::leak(Box::new(lex)))
}

/// One input read: a document or the error that kept it from being read.
fn read_inputs(input: &InputArgs) -> Vec<Result<Document, String>> {
    let files = if input.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        input.files.clone()
    };
    files
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            let bytes = if name == "-" {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("-: cannot read standard input: {e}"))?;
                buf
            } else {
                std::fs::read(p).map_err(|e| format!("{name}: cannot read: {e}"))?
            };
            let mut doc = Document::from_bytes(&name, &bytes, input.input_format)
                .map_err(|e| e.to_string())?;
            if input.date.is_some() {
                doc.date = input.date;
            }
            if input.locale.is_some() {
                doc.locale = input.locale.clone();
            }
            Ok(doc)
        })
        .collect()
}

/// The readable documents and the errors (already reported on stderr) of the rest.
fn read_documents(input: &InputArgs) -> (Vec<Document>, Vec<String>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for r in read_inputs(input) {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("numcheck: error: {e}");
                errors.push(e);
            }
        }
    }
    (docs, errors)
}

/// The JSON line for an article of a stream that could not be read (also reported on stderr).
fn stream_error(id: Option<&Value>, msg: &str) -> String {
    eprintln!("numcheck: error: {msg}");
    serde_json::json!({"id": id, "error": msg}).to_string() + "\n"
}

/// Writes to `--output` or standard output, refusing to overwrite an input.
fn emit(input: &InputArgs, text: &str) -> Result<()> {
    match &input.output {
        Some(path) => {
            let target = path.canonicalize().ok();
            for f in &input.files {
                if target.is_some() && f.canonicalize().ok() == target {
                    bail!(
                        "{}: refusing to write the report over an input file",
                        path.display()
                    );
                }
            }
            std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).ok();
            Ok(())
        }
    }
}

/// A progress bar on standard error for long batches (never on a pipe unless forced).
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(total: usize, forced: bool) -> Progress {
        let on = forced || (total >= 20 && std::io::stderr().is_terminal());
        Progress(on.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        }))
    }
    fn tick(&mut self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
            if bar.position() >= bar.length().unwrap_or(0) {
                bar.finish();
            }
        }
    }
}

#[derive(serde::Deserialize)]
struct StreamIn {
    id: Option<Value>,
    text: String,
    date: Option<String>,
    format: Option<String>,
    locale: Option<String>,
}

/// Reads JSON lines from stdin and calls `each` with (line number, id, document).
fn stream(
    input: &InputArgs,
    mut each: impl FnMut(Option<&Value>, Result<Document, String>) -> String,
) -> Result<u8> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut had_error = false;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("-: line {}: cannot read", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: StreamIn = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                had_error = true;
                let msg = format!(
                    "-: line {}: not a JSON object with a \"text\" field: {e}",
                    n + 1
                );
                eprintln!("numcheck: error: {msg}");
                writeln!(out, "{}", serde_json::json!({"line": n + 1, "error": msg}))?;
                continue;
            }
        };
        let name = rec
            .id
            .as_ref()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_else(|| format!("line {}", n + 1));
        let format = match rec.format.as_deref() {
            Some("markdown") | Some("md") => Format::Markdown,
            Some("html") => Format::Html,
            _ => Format::Text,
        };
        let doc = if rec.text.trim().is_empty() {
            Err(format!("{name}: empty text: nothing to check"))
        } else {
            let mut d = Document::from_text(&name, rec.text, format);
            if let Some(ds) = &rec.date {
                d.date = Date::parse(ds).or(d.date);
            }
            if input.date.is_some() {
                d.date = input.date;
            }
            if let Some(l) = input.locale.clone().or(rec.locale.clone()) {
                d.locale = Some(l);
            }
            Ok(d)
        };
        if doc.is_err() {
            had_error = true;
        }
        let text = each(rec.id.as_ref(), doc);
        out.write_all(text.as_bytes())?;
    }
    out.flush()?;
    Ok(if had_error { 2 } else { 0 })
}

fn extract(a: ExtractArgs) -> Result<u8> {
    let lex = load_lexicon(&a.input.reference)?;
    let tol = Tolerances::default();
    if a.input.stream {
        let lines = report::renderer(OutputFormat::Jsonl, lex, RenderOptions::default());
        return stream(&a.input, |id, doc| match doc {
            Ok(doc) => {
                let claims = extract_claims(&doc, lex, &tol);
                let file = Extracted {
                    doc: &doc,
                    claims: &claims,
                };
                lines.extract_document(&file, id).unwrap_or_default()
            }
            Err(msg) => stream_error(id, &msg),
        });
    }
    let (inputs, errors) = read_documents(&a.input);
    let mut progress = Progress::new(inputs.len(), a.input.progress);
    let mut docs = Vec::new();
    for d in inputs {
        let claims = extract_claims(&d, lex, &tol);
        docs.push((d, claims));
        progress.tick();
    }
    let extracted: Vec<Extracted> = docs
        .iter()
        .map(|(d, c)| Extracted { doc: d, claims: c })
        .collect();
    let format = match a.format {
        ExtractFormat::Text => OutputFormat::Text,
        ExtractFormat::Json => OutputFormat::Json,
        ExtractFormat::Jsonl => OutputFormat::Jsonl,
    };
    let text = report::renderer(format, lex, RenderOptions::default())
        .extract(&ExtractRun::new(&extracted, &errors))
        .unwrap_or_default();
    emit(&a.input, &text)?;
    Ok(if errors.is_empty() { 0 } else { 2 })
}

fn check(a: CheckArgs) -> Result<u8> {
    let config = Config::discover(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")))?;
    let mut ref_dirs = config.reference_dirs();
    ref_dirs.extend(a.input.reference.iter().cloned());
    let lex = load_lexicon(&ref_dirs)?;
    let reference = if a.no_default_reference {
        ReferenceSet::empty(lex)
    } else {
        ReferenceSet::embedded(lex)?
    };
    let reference = reference.with_dirs(&ref_dirs, lex)?;
    let fail_on = a
        .fail_on
        .map(FailOn::from)
        .or(config.fail_on)
        .unwrap_or(FailOn::Inconsistent);
    let format = a
        .format
        .map(OutputFormat::from)
        .or(config
            .format
            .as_deref()
            .and_then(|f| f.parse::<OutputFormat>().ok()))
        .unwrap_or(OutputFormat::Text);
    let options = CheckOptions {
        tolerances: config.tolerances.unwrap_or_default(),
    };
    let checker = Checker::new(lex, &reference, options);
    let color = a.input.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let render = RenderOptions {
        color,
        show_all: a.all,
    };

    if a.input.stream {
        let lines = report::renderer(OutputFormat::Jsonl, lex, render);
        let mut failed = false;
        let code = stream(&a.input, |id, doc| match doc {
            Ok(doc) => {
                let r = check_document(&checker, &doc);
                failed |= r.fails(fail_on);
                lines.check_document(&r, id)
            }
            Err(msg) => stream_error(id, &msg),
        })?;
        return Ok(if code == 2 {
            2
        } else if failed {
            1
        } else {
            0
        });
    }

    let (docs, errors) = read_documents(&a.input);
    let mut progress = Progress::new(docs.len(), a.input.progress);
    let mut reports = Vec::new();
    for d in &docs {
        reports.push(check_document(&checker, d));
        progress.tick();
    }
    let failed = reports.iter().any(|r| r.fails(fail_on));
    let text = report::renderer(format, lex, render).check(&CheckRun::new(&reports, &errors));
    emit(&a.input, &text)?;
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

fn validate(dir: Option<PathBuf>) -> Result<u8> {
    let problems = match &dir {
        Some(d) => numcheck::reference::validate_dir(Path::new(d)),
        None => numcheck::reference::validate_embedded(),
    };
    if problems.is_empty() {
        println!(
            "{}: reference is valid",
            dir.as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| "embedded reference".into())
        );
        return Ok(0);
    }
    for p in &problems {
        eprintln!("{p}");
    }
    eprintln!(
        "{} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    Ok(2)
}
