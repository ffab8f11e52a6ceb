//! The `numcheck` command line: a thin shell over the library.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use numcheck::check::{FailOn, FrameTable};
use numcheck::config::ConfigSet;
use numcheck::report::statistics::{Counted, Statistics};
use numcheck::report::{self, Extracted, OutputFormat, RenderOptions};
use numcheck::runner::batch::Batch;
use numcheck::runner::input::{self, InputOptions};
use numcheck::runner::output::Output;
use numcheck::runner::plan::{Checking, Plan};
use numcheck::runner::setup::Engines;
use numcheck::runner::{parallel, stream, walk};
use numcheck::triage::baseline::Baseline;
use numcheck::{Date, Format, Lexicon, RunError, Tolerances, check_document, extract_claims};

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
    /// Print the statistics catalogue: every measure, its phrasings, unit, kind, tolerance,
    /// table and source.
    List(CoverageArgs),
    /// Print the statistics a free-text query asks for ("Japan life expectancy 2020"), with
    /// source and year.
    Lookup {
        /// Places, measures and a year, in any order.
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        args: CoverageArgs,
    },
}

#[derive(Args, Clone)]
struct CoverageArgs {
    /// Also use the statistics of this directory (laid out like `reference/`); repeatable.
    #[arg(long = "reference", value_name = "DIR")]
    reference: Vec<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
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
    /// write one JSON line per article to standard output (or `--output`); takes no files.
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
    /// Threads to run on: files, and `--stream` lines, are worked on in parallel; output is in
    /// input order and the same whatever the number (default, or 0: every core).
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        env = "NUMCHECK_JOBS",
        hide_env_values = true
    )]
    jobs: Option<usize>,
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
    /// The lowest finding that fails the run (exit 1); `inconsistent` is another name for
    /// `warning`, `unverifiable` for `note`.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Do not load the shipped reference data, only `--reference` directories.
    #[arg(long)]
    no_default_reference: bool,
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
    /// Which claims text and Markdown reports write in full: `findings` (inconsistent and
    /// ambiguous claims; notes in a line, the figures not checked as a list) or `all`.
    #[arg(long, value_enum, default_value = "findings")]
    show: Show,
    /// Same as `--show all`; in github, junit, gitlab and sarif output, notes (claims that
    /// could not be checked) as well as warnings and errors.
    #[arg(long)]
    all: bool,
    /// Show how each claim was read (its interval) and what linked it to its fact.
    #[arg(long, short = 'v')]
    verbose: bool,
}

/// `--show` values.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Show {
    /// Inconsistent and ambiguous claims in full, notes in one line, unchecked figures listed.
    Findings,
    /// Every claim in full.
    All,
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
    /// Errors only: off by more than 10%, scale slips, wrong conversions.
    Error,
    /// Any inconsistent claim (the default).
    #[value(alias = "inconsistent")]
    Warning,
    /// Inconsistent claims and claims two facts fit equally.
    Ambiguous,
    /// Every finding, notes included (rounding, tolerance, ambiguous, unverifiable).
    #[value(alias = "unverifiable")]
    Note,
    /// Never fail on findings (exit 0 unless there is an error).
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(a: FailOnArg) -> FailOn {
        match a {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Ambiguous => FailOn::Ambiguous,
            FailOnArg::Note => FailOn::Note,
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
        Command::Reference {
            command: ReferenceCommand::List(args),
        } => coverage(&args, None),
        Command::Reference {
            command: ReferenceCommand::Lookup { query, args },
        } => coverage(&args, Some(query.join(" "))),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // the reader of our output went away (`| head`): what it read stands
        Err(e)
            if e.downcast_ref::<RunError>()
                .is_some_and(RunError::is_broken_pipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            report_error(&format!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

fn report_error(msg: &str) {
    eprintln!("numcheck: error: {msg}");
}

/// What the readers could not take as meant in a document (front matter that never closes,
/// text under a right-to-left override …), on standard error.
fn report_warnings(doc: &numcheck::Document) {
    for w in doc.warnings() {
        eprintln!("numcheck: warning: {w}");
    }
}

impl InputArgs {
    /// The reading settings, with `--locale` checked against the lexicon's locales.
    fn options(&self, lex: &Lexicon) -> Result<InputOptions> {
        let known = lex.known_locales();
        if let Some(l) = &self.locale
            && !known.accepts(l)
        {
            anyhow::bail!("--locale: {}", known.unknown(l));
        }
        Ok(InputOptions {
            format: self.input_format.map(Format::from),
            date: self.date,
            locale: self.locale.clone(),
            known_locales: Some(known),
        })
    }

    fn jobs(&self) -> usize {
        match self.jobs {
            None | Some(0) => parallel::default_jobs(),
            Some(n) => n,
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

    /// The files read (folders walked), the readable documents, and the messages of the
    /// others (reported on stderr).
    fn read(&self, lex: &Lexicon) -> Result<(Vec<PathBuf>, Vec<numcheck::Document>, Vec<String>)> {
        let options = self.options(lex)?;
        let mut configs = ConfigSet::new();
        let files = walk::expand(&self.paths()?, &mut configs)?;
        let (docs, errors) = input::read_documents_on(&files, &options, self.jobs());
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        errors.iter().for_each(|e| report_error(e));
        docs.iter().for_each(report_warnings);
        Ok((files, docs, errors))
    }

    /// Where the report goes: `--output`, else standard output. The output is never one of
    /// `read` (the inputs, reference files, the configurations) nor a path given, by device
    /// and inode.
    fn output(&self, read: &[PathBuf]) -> Result<Output<'static>> {
        let stdout = std::io::stdout().lock();
        let mut protected = self.files.clone();
        protected.extend(read.iter().cloned());
        Ok(Output::open(self.output.as_deref(), &protected, stdout)?)
    }

    /// Runs the stream loop over standard input: `each` writes one document's line and says
    /// whether it fails.
    fn stream(
        &self,
        lex: &Lexicon,
        read: &[PathBuf],
        lines: &dyn report::Renderer,
        each: impl Fn(&numcheck::Document, Option<&serde_json::Value>, &mut Vec<u8>) -> io::Result<bool>
        + Sync,
    ) -> Result<stream::StreamSummary> {
        if !self.files.is_empty() {
            anyhow::bail!(
                "--stream reads JSON lines from standard input and takes no files (given: {}); \
                 pipe them in, or leave out --stream",
                self.files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let options = self.options(lex)?;
        let out = self.output(read)?;
        let name = out.name().to_string();
        let opts = stream::StreamOptions {
            input: &options,
            jobs: self.jobs(),
            output_name: &name,
        };
        // lines are read on a thread of their own: standard input unlocked, buffered here
        let stdin = io::BufReader::with_capacity(64 * 1024, std::io::stdin());
        Ok(stream::run(stdin, out, &opts, lines, each, report_error)?)
    }

    /// A batch over `files` documents, ticking a progress bar.
    fn batch<'a>(&self, unreadable: &'a [String], done: &'a mut dyn FnMut()) -> Batch<'a> {
        Batch {
            jobs: self.jobs(),
            unreadable,
            done,
        }
    }
}

fn extract(a: ExtractArgs) -> Result<u8> {
    let extended = numcheck::runner::extended_lexicon(&a.input.reference)?;
    let lex = extended.as_ref().unwrap_or_else(|| Lexicon::embedded());
    let tol = Tolerances::default();
    if a.input.stream {
        let lines = report::renderer(OutputFormat::Jsonl, lex, RenderOptions::default());
        let summary = a
            .input
            .stream(lex, &a.input.reference, lines.as_ref(), |doc, id, out| {
                report_warnings(doc);
                let claims = extract_claims(doc, lex, &tol);
                let file = Extracted {
                    doc,
                    claims: &claims,
                };
                lines.extract_record(out, &file, id)?;
                Ok(false)
            })?;
        return Ok(if summary.unreadable > 0 { 2 } else { 0 });
    }
    let (files, docs, errors) = a.input.read(lex)?;
    let renderer = report::renderer(a.format.into(), lex, RenderOptions::default());
    let mut read = files;
    read.extend(a.input.reference.iter().cloned());
    let mut out = a.input.output(&read)?;
    let mut progress = Progress::new(docs.len(), a.input.progress);
    let mut tick = || progress.tick(0);
    a.input
        .batch(&errors, &mut tick)
        .extract(docs, lex, &tol, renderer.as_ref(), &mut out)
        .map_err(|e| out.error(e))?;
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
        .unwrap_or(FailOn::Warning);
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
        show_all: a.all || a.show == Show::All,
        verbose: a.verbose,
    };
    if a.input.stream {
        return check_stream(&a, &configs, run_config, fail_on, render);
    }

    let paths = a.input.paths()?;
    let since = a.since.as_deref().map(|rev| (rev, cwd.as_path()));
    let mut plan = Plan::new(&paths, &mut configs, run_config, since)?;
    let engines = Engines::build(&configs, &a.input.reference, !a.no_default_reference)?;
    let checkers = engines.checkers();
    let docs = plan.read(&a.input.options(engines.lexicon())?, a.input.jobs());
    plan.errors.iter().for_each(|e| report_error(e));
    docs.iter().for_each(|(doc, _)| report_warnings(doc));
    let baseline = a.baseline.as_deref().map(Baseline::load).transpose()?;
    let baseline_name = a.baseline.as_ref().map(|p| p.display().to_string());
    let checking = Checking {
        configs: &configs,
        checkers: &checkers,
        changed: plan.changed.as_ref(),
        baseline: baseline
            .as_ref()
            .zip(a.baseline.as_deref())
            .map(|(b, path)| {
                b.matcher(
                    path.parent().unwrap_or(Path::new("")),
                    baseline_name.as_deref().unwrap_or_default(),
                )
            }),
        fail_on,
        record: a
            .write_baseline
            .as_deref()
            .map(|p| p.parent().unwrap_or(Path::new(""))),
        statistics: a.statistics,
    };
    let renderer = if a.statistics {
        Box::new(Counted)
    } else {
        report::renderer(format, engines.lexicon(), render)
    };
    let mut read: Vec<PathBuf> = plan.files.iter().map(|(f, _)| f.clone()).collect();
    read.extend(protected(&configs, &a.input.reference));
    let mut out = a.input.output(&read)?;
    let mut progress = Progress::new(docs.len(), a.input.progress);
    let mut entries = Vec::new();
    let mut statistics = Statistics::default();
    let mut seen = |kept: numcheck::runner::plan::Kept| {
        kept.problems.iter().for_each(|e| report_error(e));
        progress.tick(kept.findings);
        entries.extend(kept.entries);
        if let Some(s) = kept.statistics {
            statistics.merge(s);
        }
    };
    let summary = a
        .input
        .batch(&plan.errors, &mut || {})
        .check_with(docs, &checking, renderer.as_ref(), &mut out, &mut seen)
        .map_err(|e| out.error(e))?;
    if a.statistics {
        let text = if format == OutputFormat::Json {
            statistics.json()
        } else {
            statistics.table()
        };
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| out.error(e))?;
    }
    if let Some(path) = &a.write_baseline {
        let baseline = Baseline::from_entries(entries);
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
    Ok(exit_code(!plan.errors.is_empty(), summary.failing > 0))
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
    let read = protected(configs, &a.input.reference);
    let summary = a
        .input
        .stream(engines.lexicon(), &read, lines.as_ref(), |doc, id, out| {
            report_warnings(doc);
            let r = check_document(checker, doc);
            lines.check_record(out, &r, id)?;
            Ok(r.fails(fail_on))
        })?;
    Ok(exit_code(summary.unreadable > 0, summary.failing > 0))
}

/// What a check report must never be written over, besides the articles: the reference
/// directories given and those of each configuration, and the configuration files.
fn protected(configs: &ConfigSet, reference: &[PathBuf]) -> Vec<PathBuf> {
    let mut read = reference.to_vec();
    for c in configs.all() {
        read.extend(c.reference_dirs());
        read.extend(c.path.clone());
    }
    read
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

/// `reference list` (no query) and `reference lookup QUERY`.
fn coverage(args: &CoverageArgs, query: Option<String>) -> Result<u8> {
    let owned;
    let stats = if args.reference.is_empty() {
        numcheck::statistics::Statistics::embedded()
    } else {
        match numcheck::statistics::Statistics::with_dirs(&args.reference) {
            Ok(s) => {
                owned = s;
                &owned
            }
            Err(problems) => {
                problems.iter().for_each(|p| eprintln!("{p}"));
                return Ok(2);
            }
        }
    };
    let text = match (&query, args.json) {
        (None, false) => report::catalogue_text(stats.catalogue()),
        (None, true) => report::catalogue_json(stats.catalogue()),
        (Some(q), json) => {
            let l = stats.lookup(q);
            if json {
                report::lookup_json(&l)
            } else {
                report::lookup_text(&l)
            }
        }
    };
    print!("{text}");
    Ok(0)
}

fn validate(dir: Option<PathBuf>) -> Result<u8> {
    let mut problems = match &dir {
        Some(d) => numcheck::reference::validate_dir(Path::new(d)),
        None => numcheck::reference::validate_embedded(),
    };
    problems.extend(match &dir {
        Some(d) => {
            let files = FrameTable::files_in(std::slice::from_ref(d))?;
            let files: Vec<(&str, &str)> = files
                .iter()
                .map(|(f, t)| (f.as_str(), t.as_str()))
                .collect();
            FrameTable::validate(&files)
        }
        None => FrameTable::validate_embedded(),
    });
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
