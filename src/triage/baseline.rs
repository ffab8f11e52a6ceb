//! A baseline: the findings a newsroom has accepted, recorded by fingerprint (file, claim text,
//! check, fact — not line numbers, so an edit above a finding does not revive it). Checking
//! with a baseline hides the findings it records, so only new ones fail the run; an entry that
//! no longer matches a finding is stale, and reported as a note.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::{Suppression, fingerprint_fields, path_key, stable_hash};
use crate::check::{FileReport, Verdict};
use crate::config::absolute;
use crate::error::{DataError, RunError};

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// [`BASELINE_VERSION`].
    pub version: u32,
    /// Always "numcheck".
    pub tool: String,
    /// One entry per accepted finding, in report order.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The hash of `path`, `claim`, `check` and `fact`: what is matched.
    pub fingerprint: String,
    /// The article, relative to the baseline file's folder.
    pub path: String,
    /// The claim's text.
    pub claim: String,
    /// The check that found it.
    pub check: String,
    /// The fact it was checked against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// The verdict when recorded (for people; not matched).
    pub verdict: String,
    /// The line when recorded (for people; not matched).
    pub line: usize,
}

/// A baseline entry that matched no finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The entry.
    pub entry: Entry,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let e = &self.entry;
        write!(
            f,
            "baseline entry matches no finding (fixed, or the text changed): {} \"{}\" ({}",
            e.path, e.claim, e.check
        )?;
        if let Some(fact) = &e.fact {
            write!(f, ", fact {fact}")?;
        }
        f.write_str(")")
    }
}

/// The path of an article as a baseline in `base` records it.
fn key(doc_name: &str, base: &Path) -> String {
    let abs = absolute(Path::new(doc_name));
    match abs.strip_prefix(absolute(base)) {
        Ok(rel) => path_key(&rel.to_string_lossy()),
        Err(_) => path_key(doc_name),
    }
}

fn entry(r: &FileReport, v: &Verdict, base: &Path) -> Entry {
    let [path, claim, check, fact] = fingerprint_fields(&key(&r.doc.name, base), r, v);
    Entry {
        fingerprint: stable_hash(&[&path, &claim, &check, &fact]),
        path,
        claim,
        check,
        fact: (!fact.is_empty()).then_some(fact),
        verdict: v.kind.as_str().to_string(),
        line: r.claims[v.claim].line,
    }
}

impl Baseline {
    /// The findings of reports (the verdicts `is_finding` takes, unless silenced), with paths
    /// relative to `base`, the baseline file's folder.
    pub fn of(
        reports: &[FileReport],
        base: &Path,
        is_finding: impl Fn(&Verdict) -> bool,
    ) -> Baseline {
        let findings = reports
            .iter()
            .flat_map(|r| Baseline::entries(r, base, |v| v.suppressed.is_none() && is_finding(v)))
            .collect();
        Baseline::from_entries(findings)
    }

    /// The entries of the verdicts of one report that `keep` takes.
    pub fn entries(r: &FileReport, base: &Path, keep: impl Fn(&Verdict) -> bool) -> Vec<Entry> {
        r.verdicts
            .iter()
            .filter(|v| keep(v))
            .map(|v| entry(r, v, base))
            .collect()
    }

    /// A baseline of these entries, in report order.
    pub fn from_entries(findings: Vec<Entry>) -> Baseline {
        Baseline {
            version: BASELINE_VERSION,
            tool: "numcheck".into(),
            findings,
        }
    }

    /// Reads a baseline file; a file that is not one is an error naming its line.
    pub fn load(path: &Path) -> Result<Baseline, DataError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| DataError::Io {
            path: name.clone(),
            message: e.to_string(),
        })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| DataError::Row {
            file: name.clone(),
            line: e.line() as u64,
            message: format!("not a numcheck baseline: {e}"),
        })?;
        if b.version != BASELINE_VERSION || b.tool != "numcheck" {
            return Err(DataError::Row {
                file: name,
                line: 1,
                message: format!(
                    "baseline version {} of {}: this numcheck reads version {BASELINE_VERSION}",
                    b.version, b.tool
                ),
            });
        }
        Ok(b)
    }

    /// Writes the baseline as pretty JSON.
    pub fn write(&self, path: &Path) -> Result<(), RunError> {
        let text = serde_json::to_string_pretty(self).unwrap_or_default() + "\n";
        std::fs::write(path, text).map_err(|error| RunError::Write {
            path: path.display().to_string(),
            error,
        })
    }

    /// Silences the findings the baseline records (each entry silences one finding with its
    /// fingerprint) and returns the entries that matched none. `base` is the baseline file's
    /// folder, `name` how reports name the file.
    pub fn apply(
        &self,
        reports: &mut [FileReport],
        base: &Path,
        name: &str,
        is_finding: impl Fn(&Verdict) -> bool,
    ) -> Vec<Stale> {
        let matcher = self.matcher(base, name);
        for r in reports.iter_mut() {
            matcher.apply(r, &is_finding);
        }
        matcher.stale()
    }

    /// Starts applying the baseline over a run, a report at a time ([`Matcher`]).
    pub fn matcher(&self, base: &Path, name: &str) -> Matcher<'_> {
        let mut left: HashMap<&str, usize> = HashMap::new();
        for e in &self.findings {
            *left.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        Matcher {
            baseline: self,
            base: base.to_path_buf(),
            name: name.to_string(),
            left: Mutex::new(left),
        }
    }
}

/// A baseline applied over a run a report at a time, on any thread: how many findings of each
/// fingerprint it still hides. A fingerprint holds the file's path, so the order the reports
/// come in does not change which findings are hidden.
pub struct Matcher<'b> {
    baseline: &'b Baseline,
    base: PathBuf,
    name: String,
    left: Mutex<HashMap<&'b str, usize>>,
}

impl Matcher<'_> {
    /// Silences the findings of one report that the baseline records.
    pub fn apply(&self, r: &mut FileReport, is_finding: impl Fn(&Verdict) -> bool) {
        let mut hidden = Vec::new();
        {
            let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
            for (i, v) in r.verdicts.iter().enumerate() {
                if v.suppressed.is_some() || !is_finding(v) {
                    continue;
                }
                let fp = entry(r, v, &self.base).fingerprint;
                if let Some(n) = left.get_mut(fp.as_str()).filter(|n| **n > 0) {
                    *n -= 1;
                    hidden.push(i);
                }
            }
        }
        for i in hidden {
            r.verdicts[i].suppressed = Some(Suppression::Baseline {
                file: self.name.clone(),
            });
        }
    }

    /// How reports name the baseline file.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entries that matched no finding so far, in the baseline's order.
    pub fn stale(&self) -> Vec<Stale> {
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut stale = Vec::new();
        for e in self.baseline.findings.iter().rev() {
            if let Some(n) = left.get_mut(e.fingerprint.as_str()).filter(|n| **n > 0) {
                *n -= 1;
                stale.push(Stale { entry: e.clone() });
            }
        }
        stale.reverse();
        stale
    }
}
