//! `--statistics`: counts of findings by file, by check and by verdict, in place of the
//! report, as a table (or JSON with `--format json`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{CheckRun, level};

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
            for v in &r.verdicts {
                let Some(l) = level(v) else { continue };
                if v.suppressed.is_some() {
                    s.silenced += 1;
                    continue;
                }
                *s.by_file.entry(r.doc.name.clone()).or_default() += 1;
                *s.by_check.entry(v.check().as_str().into()).or_default() += 1;
                *s.by_verdict.entry(v.kind.as_str().into()).or_default() += 1;
                *s.by_level.entry(l.as_str().into()).or_default() += 1;
            }
        }
        s
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
