//! The `numcheck` command line: a thin shell over the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use numcheck::check::FailOn;
use numcheck::config::ConfigSet;
use numcheck::report::statistics::Statistics;
use numcheck::report::{self, CheckRun, ExtractRun, Extracted, Note, OutputFormat, RenderOptions};
use numcheck::runner::batch::Batch;
use numcheck::runner::input::{self, InputOptions};
use numcheck::runner::setup::Engines;
use numcheck::runner::{output, stream, walk};
use numcheck::triage::baseline::Baseline;
use numcheck::{Date, Format, Lexicon, Tolerances, check_document, extract_claims};

mod progress;
use progress::Progress;

/// Audits the numbers in news copy: finds every quantitative claim, normalises it, and checks it
/// against a reference dataset.
#[derive(Parser)]
#[command(
    name = "numcheck",
    version,
    about,
    long_about = None,
    after_help = "Exit status: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage, input or reference error.\nConfiguration: each article is checked with the nearest numcheck.toml or .numcheck.toml in its folder or a parent."
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
    /// Articles and folders to read (folders: every .md, .markdown, .txt, .html and .htm file
    /// below, honouring .gitignore and the config's include/exclude); `-` reads standard input.
    /// None: the working directory on a terminal, else standard input.
    #[arg(value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Read the paths to check from this file, one per line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    file_list: Option<PathBuf>,
    /// The article date (YYYY-MM-DD), used for exchange rates and "last year"; overrides the
    /// date found in front matter or HTML meta.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// How to read the input (default: by extension and content).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
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
    /// Show a progress bar on standard error, even when it is not a terminal (default: for
    /// batches of 20+ files on a terminal).
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
    /// In text output, list consistent claims too; in github, junit, gitlab and sarif output,
    /// notes (claims that could not be checked) as well as warnings and errors.
    #[arg(long)]
    all: bool,
    /// Hide the findings recorded in this baseline file (so only new findings fail); entries
    /// that match no finding are reported as notes.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0 unless there is an error).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings on lines added or changed since this git revision.
    #[arg(long, value_name = "REV")]
    since: Option<String>,
    /// Print counts of findings by level, verdict, check and file instead of the report.
    #[arg(long)]
    statistics: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Text,
    Json,
    Jsonl,
    Markdown,
    Sarif,
    Html,
    Github,
    Junit,
    Gitlab,
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
            CheckFormat::Github => OutputFormat::Github,
            CheckFormat::Junit => OutputFormat::Junit,
            CheckFormat::Gitlab => OutputFormat::Gitlab,
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

/// `--input-format` values, mapped onto the library's [`Format`].
#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    /// Plain text, including text extracted from PDF (hard line breaks, hyphenation).
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// HTML: tags, scripts and styles skipped, entities decoded.
    Html,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
        }
    }
}

impl From<ExtractFormat> for OutputFormat {
    fn from(f: ExtractFormat) -> OutputFormat {
        match f {
            ExtractFormat::Text => OutputFormat::Text,
            ExtractFormat::Json => OutputFormat::Json,
            ExtractFormat::Jsonl => OutputFormat::Jsonl,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date in the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Check(a) => check(a),
        Command::Reference {
            command: ReferenceCommand::Validate { dir },
        } => validate(dir),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            report_error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

fn report_error(msg: &str) {
    eprintln!("numcheck: error: {msg}");
}

impl InputArgs {
    fn options(&self) -> InputOptions {
        InputOptions {
            format: self.input_format.map(Format::from),
            date: self.date,
            locale: self.locale.clone(),
        }
    }

    /// The paths to read: those given and those of `--file-list`; with none, the working
    /// directory when standard input is a terminal, else standard input.
    fn paths(&self) -> Result<Vec<PathBuf>> {
        let mut paths = self.files.clone();
        if let Some(list) = &self.file_list {
            paths.extend(walk::read_file_list(list)?);
        } else if paths.is_empty() {
            let default = if std::io::stdin().is_terminal() {
                "."
            } else {
                "-"
            };
            paths.push(PathBuf::from(default));
        }
        Ok(paths)
    }

    /// The readable documents, and the messages of the others (reported on stderr).
    fn read(&self) -> Result<(Vec<numcheck::Document>, Vec<String>)> {
        let mut configs = ConfigSet::new();
        let files = walk::expand(&self.paths()?, &mut configs)?;
        let (docs, errors) = input::read_documents(&files, &self.options());
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        errors.iter().for_each(|e| report_error(e));
        Ok((docs, errors))
    }

    fn write(&self, text: &str) -> Result<()> {
        let target = self.output.as_deref();
        let inputs = self.paths().unwrap_or_default();
        output::write_report(target, &inputs, text, &mut std::io::stdout().lock())?;
        Ok(())
    }

    /// Runs the stream loop over standard input: `each` renders one document.
    fn stream(
        &self,
        lines: &dyn report::Renderer,
        each: impl FnMut(&numcheck::Document, Option<&serde_json::Value>) -> String,
    ) -> Result<stream::StreamSummary> {
        let stdin = std::io::stdin().lock();
        let stdout = std::io::stdout().lock();
        Ok(stream::run(
            stdin,
            stdout,
            &self.options(),
            lines,
            each,
            report_error,
        )?)
    }
}

fn extract(a: ExtractArgs) -> Result<u8> {
    let extended = numcheck::runner::extended_lexicon(&a.input.reference)?;
    let lex = extended.as_ref().unwrap_or_else(|| Lexicon::embedded());
    let tol = Tolerances::default();
    if a.input.stream {
        let lines = report::renderer(OutputFormat::Jsonl, lex, RenderOptions::default());
        let summary = a.input.stream(lines.as_ref(), |doc, id| {
            let claims = extract_claims(doc, lex, &tol);
            let file = Extracted {
                doc,
                claims: &claims,
            };
            lines.extract_document(&file, id).unwrap_or_default()
        })?;
        return Ok(if summary.unreadable > 0 { 2 } else { 0 });
    }
    let (docs, errors) = a.input.read()?;
    let mut progress = Progress::new(docs.len(), a.input.progress);
    let claims: Vec<_> = docs
        .iter()
        .map(|d| {
            let c = extract_claims(d, lex, &tol);
            progress.tick(0);
            c
        })
        .collect();
    let files: Vec<Extracted> = docs
        .iter()
        .zip(&claims)
        .map(|(doc, claims)| Extracted { doc, claims })
        .collect();
    let text = report::renderer(a.format.into(), lex, RenderOptions::default())
        .extract(&ExtractRun::new(&files, &errors))
        .unwrap_or_default();
    a.input.write(&text)?;
    Ok(if errors.is_empty() { 0 } else { 2 })
}

fn check(a: CheckArgs) -> Result<u8> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut configs = ConfigSet::new();
    let run_config = configs.for_dir(&cwd)?;
    let (fail_on, format) = match run_config.map(|i| configs.get(i)) {
        Some(c) => (c.fail_on, c.format),
        None => (None, None),
    };
    let fail_on = a
        .fail_on
        .map(FailOn::from)
        .or(fail_on)
        .unwrap_or(FailOn::Inconsistent);
    let format = a
        .format
        .map(OutputFormat::from)
        .or(format)
        .unwrap_or(OutputFormat::Text);
    let color = a.input.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let render = RenderOptions {
        color,
        show_all: a.all,
    };
    if a.input.stream {
        return check_stream(&a, &configs, run_config, fail_on, render);
    }

    let paths = a.input.paths()?;
    let since = a.since.as_deref().map(|rev| (rev, cwd.as_path()));
    let mut batch = Batch::plan(&paths, &mut configs, run_config, since)?;
    let engines = Engines::build(&configs, &a.input.reference, !a.no_default_reference)?;
    let checkers = engines.checkers();
    let lex = engines.lexicon();
    let docs = batch.read(&a.input.options());
    let mut progress = Progress::new(docs.len(), a.input.progress);
    let mut reports = Vec::with_capacity(docs.len());
    for (doc, cfg) in &docs {
        let r = batch.check(doc, *cfg, &configs, &checkers);
        let found = r
            .verdicts
            .iter()
            .filter(|v| v.suppressed.is_none() && report::level(v).is_some())
            .count();
        progress.tick(found);
        reports.push(r);
    }
    batch.errors.iter().for_each(|e| report_error(e));

    let is_finding = |v: &numcheck::check::Verdict| report::level(v).is_some();
    if let Some(path) = &a.write_baseline {
        let base = path.parent().unwrap_or(Path::new(""));
        let baseline = Baseline::of(&reports, base, is_finding);
        baseline.write(path)?;
        eprintln!(
            "numcheck: wrote {} finding{} to {}",
            baseline.findings.len(),
            if baseline.findings.len() == 1 {
                ""
            } else {
                "s"
            },
            path.display()
        );
    }
    let mut notes = Vec::new();
    if let Some(path) = &a.baseline {
        let baseline = Baseline::load(path)?;
        let base = path.parent().unwrap_or(Path::new(""));
        let name = path.display().to_string();
        for stale in baseline.apply(&mut reports, base, &name, is_finding) {
            notes.push(Note {
                file: name.clone(),
                message: stale.to_string(),
            });
        }
    }
    let run = CheckRun::new(&reports, &batch.errors).with_notes(&notes);
    let text = if a.statistics {
        let stats = Statistics::of(&run);
        if format == OutputFormat::Json {
            stats.json()
        } else {
            stats.table()
        }
    } else {
        report::renderer(format, lex, render).check(&run)
    };
    a.input.write(&text)?;
    let failed = a.write_baseline.is_none() && reports.iter().any(|r| r.fails(fail_on));
    Ok(exit_code(!batch.errors.is_empty(), failed))
}

/// `check --stream`: one JSON line per record, checked with the working directory's
/// configuration.
fn check_stream(
    a: &CheckArgs,
    configs: &ConfigSet,
    run_config: Option<usize>,
    fail_on: FailOn,
    render: RenderOptions,
) -> Result<u8> {
    let engines = Engines::build(configs, &a.input.reference, !a.no_default_reference)?;
    let checkers = engines.checkers();
    let checker = &checkers[run_config.map_or(0, |i| i + 1)];
    // a stream writes one JSON line per article, whatever the report format
    let lines = report::renderer(OutputFormat::Jsonl, engines.lexicon(), render);
    let mut failed = false;
    let summary = a.input.stream(lines.as_ref(), |doc, id| {
        let r = check_document(checker, doc);
        failed |= r.fails(fail_on);
        lines.check_document(&r, id)
    })?;
    Ok(exit_code(summary.unreadable > 0, failed))
}

/// 2 for an input that could not be read, else 1 for findings at the fail level, else 0.
fn exit_code(unreadable: bool, failed: bool) -> u8 {
    if unreadable {
        2
    } else if failed {
        1
    } else {
        0
    }
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
