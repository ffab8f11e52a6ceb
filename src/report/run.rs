//! What a renderer is given: one run's documents, the inputs that could not be read, and
//! totals.

use serde::Serialize;

use crate::check::{FileReport, Severity, VerdictKind};
use crate::claim::Claim;
use crate::document::Document;

/// One document and its claims, as `extract` reports them.
pub struct Extracted<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its claims.
    pub claims: &'a [Claim],
}

/// Counts of verdicts over a check run. Silenced claims (`numcheck:ignore`) are counted only as
/// silenced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Documents checked.
    pub files: usize,
    /// Claims found.
    pub claims: usize,
    /// Plainly consistent verdicts.
    pub consistent: usize,
    /// Verdicts consistent by rounding.
    pub consistent_by_rounding: usize,
    /// Inconsistent verdicts.
    pub inconsistent: usize,
    /// Unverifiable verdicts.
    pub unverifiable: usize,
    /// Ambiguous verdicts.
    pub ambiguous: usize,
    /// Verdicts of severity error.
    pub errors: usize,
    /// Verdicts of severity warning.
    pub warnings: usize,
    /// Verdicts of severity note.
    pub notes: usize,
    /// Verdicts silenced (by a directive, a per-file ignore or a baseline), counted here and
    /// in no other count.
    pub silenced: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Totals {
    /// Adds one file's verdicts.
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.claims += r.claims.len();
        for v in &r.verdicts {
            if v.suppressed.is_some() {
                self.silenced += 1;
                continue;
            }
            match v.kind {
                VerdictKind::Consistent => self.consistent += 1,
                VerdictKind::ConsistentByRounding => self.consistent_by_rounding += 1,
                VerdictKind::Inconsistent => self.inconsistent += 1,
                VerdictKind::Unverifiable => self.unverifiable += 1,
                VerdictKind::Ambiguous => self.ambiguous += 1,
            }
            match v.severity {
                Some(Severity::Error) => self.errors += 1,
                Some(Severity::Warning) => self.warnings += 1,
                Some(Severity::Note) => self.notes += 1,
                None => {}
            }
        }
    }

    /// Adds the counts of another run (or of one file's part).
    pub fn merge(&mut self, other: &Totals) {
        self.files += other.files;
        self.claims += other.claims;
        self.consistent += other.consistent;
        self.consistent_by_rounding += other.consistent_by_rounding;
        self.inconsistent += other.inconsistent;
        self.unverifiable += other.unverifiable;
        self.ambiguous += other.ambiguous;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
        self.silenced += other.silenced;
    }

    /// "2 files, 18 claims: 12 consistent (1 by rounding), 2 inconsistent (1 error, 1 warning),
    /// 4 unverifiable, 0 ambiguous" (", 1 silenced" when some are).
    pub fn summary_line(&self) -> String {
        let silenced = if self.silenced > 0 {
            format!(", {} silenced", self.silenced)
        } else {
            String::new()
        };
        format!(
            "{}, {}: {} consistent ({} by rounding), {} inconsistent ({}, {}), {} unverifiable, {} ambiguous{silenced}",
            plural(self.files, "file", "files"),
            plural(self.claims, "claim", "claims"),
            self.consistent + self.consistent_by_rounding,
            self.consistent_by_rounding,
            self.inconsistent,
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            self.unverifiable,
            self.ambiguous
        )
    }
}

/// One `check` run, as every format receives it.
pub struct CheckRun<'a> {
    /// The documents checked, in input order.
    pub files: &'a [FileReport<'a>],
    /// Inputs that could not be read, one message each ("b.bin: looks like a binary file …").
    pub unreadable: &'a [String],
    /// Verdict counts over `files`.
    pub totals: Totals,
    /// Notes about the run itself (a stale baseline entry), one line each.
    pub notes: &'a [Note],
}

/// A note about the run rather than a claim: where it points, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The file it is about (a baseline file).
    pub file: String,
    /// What it says.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl<'a> CheckRun<'a> {
    /// A run over checked documents and the inputs that could not be read.
    pub fn new(files: &'a [FileReport<'a>], unreadable: &'a [String]) -> CheckRun<'a> {
        let mut totals = Totals::default();
        for f in files {
            totals.add(f);
        }
        CheckRun {
            files,
            unreadable,
            totals,
            notes: &[],
        }
    }

    /// The same run with notes about it.
    pub fn with_notes(self, notes: &'a [Note]) -> CheckRun<'a> {
        CheckRun { notes, ..self }
    }
}

/// One `extract` run, as every format receives it.
pub struct ExtractRun<'a> {
    /// The documents read, in input order, with their claims.
    pub files: &'a [Extracted<'a>],
    /// Inputs that could not be read, one message each.
    pub unreadable: &'a [String],
    /// Claims over all files.
    pub claims: usize,
}

impl<'a> ExtractRun<'a> {
    /// A run over read documents and the inputs that could not be read.
    pub fn new(files: &'a [Extracted<'a>], unreadable: &'a [String]) -> ExtractRun<'a> {
        ExtractRun {
            files,
            unreadable,
            claims: files.iter().map(|f| f.claims.len()).sum(),
        }
    }
}
