//! `--statistics`: counts of findings by file, by check and by verdict, in place of the
//! report, as a table (or JSON with `--format json`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use std::io::{self, Write};

use super::{CheckRun, Renderer, RunEnd, level};
use crate::check::FileReport;

/// Counts over a run's findings (silenced ones apart).
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Statistics {
    /// Findings by file.
    pub by_file: BTreeMap<String, usize>,
    /// Findings by check.
    pub by_check: BTreeMap<String, usize>,
    /// Findings by verdict.
    pub by_verdict: BTreeMap<String, usize>,
    /// Findings by level.
    pub by_level: BTreeMap<String, usize>,
    /// Findings silenced.
    pub silenced: usize,
}

impl Statistics {
    /// Counts the findings of a run.
    pub fn of(run: &CheckRun) -> Statistics {
        let mut s = Statistics::default();
        for r in run.files {
            s.add(r);
        }
        s
    }

    /// Counts the findings of one file.
    pub fn add(&mut self, r: &FileReport) {
        for v in &r.verdicts {
            let Some(l) = level(v) else { continue };
            if v.suppressed.is_some() {
                self.silenced += 1;
                continue;
            }
            *self.by_file.entry(r.doc.name.clone()).or_default() += 1;
            *self.by_check.entry(v.check().as_str().into()).or_default() += 1;
            *self.by_verdict.entry(v.kind.as_str().into()).or_default() += 1;
            *self.by_level.entry(l.as_str().into()).or_default() += 1;
        }
    }

    /// Adds the counts of another part of the run.
    pub fn merge(&mut self, other: Statistics) {
        for (mine, theirs) in [
            (&mut self.by_file, other.by_file),
            (&mut self.by_check, other.by_check),
            (&mut self.by_verdict, other.by_verdict),
            (&mut self.by_level, other.by_level),
        ] {
            for (k, n) in theirs {
                *mine.entry(k).or_default() += n;
            }
        }
        self.silenced += other.silenced;
    }

    /// As tables, largest counts first.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (title, counts) in [
            ("level", &self.by_level),
            ("verdict", &self.by_verdict),
            ("check", &self.by_check),
            ("file", &self.by_file),
        ] {
            let mut rows: Vec<(&String, &usize)> = counts.iter().collect();
            rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let _ = writeln!(out, "findings by {title}:");
            for (k, n) in rows {
                let _ = writeln!(out, "{n:>7}  {k}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "{:>7}  silenced", self.silenced);
        out
    }

    /// As pretty JSON.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// A report that writes nothing: a run whose output is its statistics, counted apart.
pub struct Counted;

impl Renderer for Counted {
    fn check_part(&self, _out: &mut dyn Write, _section: usize, _r: &FileReport) -> io::Result<()> {
        Ok(())
    }

    fn check_end(&self, _out: &mut dyn Write, _end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        Ok(())
    }
}
