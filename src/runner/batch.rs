//! A `check` run over files: which files, with which configuration each ([`Batch::plan`]),
//! reading them, and checking each with its configuration's checker, per-file ignores and
//! directives, keeping only changed lines under `--since` ([`Batch::check`]).

use std::path::{Path, PathBuf};

use super::input::{InputOptions, read_document};
use super::walk;
use crate::check::{Checker, FileReport};
use crate::config::ConfigSet;
use crate::document::Document;
use crate::error::RunError;
use crate::triage::changed::ChangedLines;
use crate::triage::suppress::Scope;

/// The files of a run, each with the configuration that applies to it.
pub struct Batch {
    /// The files to read, with their configuration's index.
    pub files: Vec<(PathBuf, Option<usize>)>,
    /// Inputs that cannot be read (added by `read`) and directives that cannot be read (added
    /// by `check`).
    pub errors: Vec<String>,
    /// The changed lines under `--since`.
    pub changed: Option<ChangedLines>,
}

impl Batch {
    /// Expands paths (folders walked), finds each file's configuration, and under `--since`
    /// keeps only files with changed lines. `stdin_config` is the configuration for `-`.
    pub fn plan(
        paths: &[PathBuf],
        configs: &mut ConfigSet,
        stdin_config: Option<usize>,
        since: Option<(&str, &Path)>,
    ) -> Result<Batch, RunError> {
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
        Ok(Batch {
            files: planned,
            errors: Vec::new(),
            changed,
        })
    }

    /// Reads the files: the documents with their configuration, in order; a file that cannot
    /// be read becomes an error.
    pub fn read(&mut self, opts: &InputOptions) -> Vec<(Document, Option<usize>)> {
        let mut docs = Vec::with_capacity(self.files.len());
        for (f, cfg) in &self.files {
            match read_document(f, opts) {
                Ok(d) => docs.push((d, *cfg)),
                Err(e) => self.errors.push(e.to_string()),
            }
        }
        docs
    }

    /// Checks one document with its configuration's checker (`checkers[0]` without one,
    /// `checkers[i + 1]` for configuration i), its per-file ignores and directives; under
    /// `--since`, drops verdicts off the changed lines. Directives that cannot be read are
    /// added to the errors.
    pub fn check<'d>(
        &mut self,
        doc: &'d Document,
        cfg: Option<usize>,
        configs: &ConfigSet,
        checkers: &[Checker],
    ) -> FileReport<'d> {
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
        let (mut report, problems) = crate::check_document_with(checker, doc, &ignores);
        self.errors.extend(problems);
        if let Some(c) = &self.changed {
            c.apply(&mut report);
        }
        report
    }
}
