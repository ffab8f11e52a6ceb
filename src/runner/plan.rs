//! A `check` run over files: which files, with which configuration each ([`Plan::new`]),
//! reading them, and checking each with its configuration's checker, per-file ignores and
//! directives, keeping only changed lines under `--since` and hiding a baseline's findings
//! ([`Checking`], run by a [`Batch`](super::batch::Batch) on every core).

use std::path::{Path, PathBuf};

use super::batch::FileCheck;
use super::input::{InputOptions, read_document};
use super::{parallel, walk};
use crate::check::{Checker, FailOn, FileReport, Verdict};
use crate::config::ConfigSet;
use crate::document::Document;
use crate::error::RunError;
use crate::report::statistics::Statistics;
use crate::report::{Note, level};
use crate::triage::Suppression;
use crate::triage::baseline::{Baseline, Entry, Matcher};
use crate::triage::changed::ChangedLines;
use crate::triage::suppress::{Directives, Scope};

/// The files of a run, each with the configuration that applies to it.
pub struct Plan {
    /// The files to read, with their configuration's index.
    pub files: Vec<(PathBuf, Option<usize>)>,
    /// Inputs that cannot be read (added by `read`) and directives that cannot be read (added
    /// by `check`).
    pub errors: Vec<String>,
    /// The changed lines under `--since`.
    pub changed: Option<ChangedLines>,
}

impl Plan {
    /// Expands paths (folders walked), finds each file's configuration, and under `--since`
    /// keeps only files with changed lines. `stdin_config` is the configuration for `-`.
    pub fn new(
        paths: &[PathBuf],
        configs: &mut ConfigSet,
        stdin_config: Option<usize>,
        since: Option<(&str, &Path)>,
    ) -> Result<Plan, RunError> {
        let files = walk::expand(paths, configs)?;
        let changed = since
            .map(|(rev, dir)| ChangedLines::since(rev, dir))
            .transpose()?;
        let mut planned = Vec::with_capacity(files.len());
        for f in files {
            if f.as_os_str() == "-" {
                planned.push((f, stdin_config));
                continue;
            }
            if let Some(c) = &changed
                && c.of(&f.display().to_string()).is_none()
            {
                continue;
            }
            let cfg = configs.for_file(&f)?;
            planned.push((f, cfg));
        }
        Ok(Plan {
            files: planned,
            errors: Vec::new(),
            changed,
        })
    }

    /// Reads the files on `jobs` threads, and their directives: the documents with their
    /// configuration and directives, in order. A file that cannot be read becomes an error, and
    /// so does each directive that cannot be read (after those).
    pub fn read(&mut self, opts: &InputOptions, jobs: usize) -> Vec<(Document, Companion)> {
        let Plan { files, errors, .. } = self;
        let mut docs = Vec::with_capacity(files.len());
        let mut problems = Vec::new();
        let window = jobs * parallel::WINDOW_PER_JOB;
        let read = |(f, cfg): &(PathBuf, Option<usize>)| {
            read_document(f, opts).map(|d| {
                let directives = Directives::parse(&d);
                (d, *cfg, directives)
            })
        };
        let (one, per_run) = (|_: &&(PathBuf, Option<usize>)| 1, parallel::FILES_PER_RUN);
        let _ = parallel::ordered_runs(jobs, window, files.iter(), one, per_run, read, |r| {
            match r {
                Ok((d, config, mut directives)) => {
                    problems.append(&mut directives.problems);
                    docs.push((d, Companion { config, directives }));
                }
                Err(e) => errors.push(e.to_string()),
            }
            Ok::<(), ()>(())
        });
        errors.append(&mut problems);
        docs
    }
}

/// What goes with a document read for a run: its configuration's index and its directives.
pub struct Companion {
    /// The configuration that applies to it.
    pub config: Option<usize>,
    /// Its directives (their problems taken into the plan's errors).
    pub directives: Directives,
}

/// Is a verdict a finding (not a consistent claim)?
pub fn is_finding(v: &Verdict) -> bool {
    level(v).is_some()
}

/// How each file of a planned run is checked: with its configuration's checker (`checkers[0]`
/// without one, `checkers[i + 1]` for configuration i), its per-file ignores and directives;
/// under `--since` only its changed lines; a baseline's findings hidden.
pub struct Checking<'a> {
    /// The run's configurations.
    pub configs: &'a ConfigSet,
    /// A checker per configuration (and one for none, first).
    pub checkers: &'a [Checker<'a>],
    /// The changed lines under `--since`.
    pub changed: Option<&'a ChangedLines>,
    /// The baseline applied, if any.
    pub baseline: Option<Matcher<'a>>,
    /// The lowest verdict that fails the run.
    pub fail_on: FailOn,
    /// Keep each file's findings as baseline entries, paths relative to this folder
    /// (`--write-baseline`).
    pub record: Option<&'a Path>,
    /// Keep each file's statistics (`--statistics`).
    pub statistics: bool,
}

/// What a run keeps of each checked file.
pub struct Kept {
    /// Directives that could not be read.
    pub problems: Vec<String>,
    /// Findings listed (not silenced).
    pub findings: usize,
    /// The file's findings as baseline entries (`--write-baseline`), those the baseline hid
    /// included.
    pub entries: Vec<Entry>,
    /// The file's statistics (`--statistics`).
    pub statistics: Option<Statistics>,
}

impl FileCheck<Companion> for Checking<'_> {
    type Kept = Kept;

    fn check<'d>(&self, doc: &'d Document, with: Companion) -> (FileReport<'d>, Vec<String>) {
        let mut report = self.check_file(doc, &with);
        let problems = Vec::new();
        if let Some(m) = &self.baseline {
            m.apply(&mut report, is_finding);
        }
        (report, problems)
    }

    fn fails(&self, r: &FileReport) -> bool {
        self.record.is_none() && r.fails(self.fail_on)
    }

    fn keep(&self, r: &FileReport, problems: Vec<String>) -> Kept {
        let entries = match self.record {
            Some(base) => Baseline::entries(r, base, |v| {
                is_finding(v) && matches!(v.suppressed, None | Some(Suppression::Baseline { .. }))
            }),
            None => Vec::new(),
        };
        let statistics = self.statistics.then(|| {
            let mut s = Statistics::default();
            s.add(r);
            s
        });
        Kept {
            problems,
            findings: r
                .verdicts
                .iter()
                .filter(|v| v.suppressed.is_none() && is_finding(v))
                .count(),
            entries,
            statistics,
        }
    }

    /// The baseline's entries that matched no finding.
    fn notes(&self) -> Vec<Note> {
        let Some(m) = &self.baseline else {
            return Vec::new();
        };
        m.stale()
            .into_iter()
            .map(|stale| Note {
                file: m.name().to_string(),
                message: stale.to_string(),
            })
            .collect()
    }
}

impl Checking<'_> {
    /// Checks one document with its configuration's checker (`checkers[0]` without one,
    /// `checkers[i + 1]` for configuration i), its per-file ignores and directives; under
    /// `--since`, drops verdicts off the changed lines.
    fn check_file<'d>(&self, doc: &'d Document, with: &Companion) -> FileReport<'d> {
        let cfg = with.config;
        let (configs, checkers) = (self.configs, self.checkers);
        let ignores: Vec<(String, Scope)> = match cfg {
            Some(i) if doc.name != "-" => {
                let c = configs.get(i);
                let file = c
                    .path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                c.ignores_for(&configs.relative(i, Path::new(&doc.name)))
                    .into_iter()
                    .map(|s| (file.clone(), s))
                    .collect()
            }
            _ => Vec::new(),
        };
        let checker = &checkers[cfg.map_or(0, |i| i + 1)];
        let mut report = crate::check_document_directed(checker, doc, &with.directives, &ignores);
        if let Some(c) = self.changed {
            c.apply(&mut report);
        }
        report
    }
}
