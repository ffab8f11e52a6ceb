//! Between checking and reporting: which findings a run shows. Directives in the article and
//! per-file ignores in the configuration silence findings ([`suppress`]); a baseline file hides
//! findings accepted before ([`baseline`]); `--since` keeps only the findings on lines changed
//! since a git revision ([`changed`]). A silenced finding keeps its verdict, with the
//! [`Suppression`] that silenced it: reports leave it out of their findings and count it apart.

pub mod baseline;
pub mod changed;
pub mod suppress;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::{FileReport, Verdict};

/// Why a finding is silenced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Suppression {
    /// A `numcheck:` directive in the article, on this line.
    InSource {
        /// The directive's 1-based line.
        line: usize,
    },
    /// A per-file ignore in this configuration file.
    Config {
        /// The configuration file.
        file: String,
    },
    /// An entry of this baseline file.
    Baseline {
        /// The baseline file.
        file: String,
    },
}

impl Suppression {
    /// Silenced by the article itself (SARIF's `inSource`), rather than from outside it.
    pub fn in_source(&self) -> bool {
        matches!(self, Suppression::InSource { .. })
    }

    /// "a numcheck:ignore directive on line 4", "numcheck.toml", "baseline.json".
    pub fn describe(&self) -> String {
        match self {
            Suppression::InSource { line } => format!("numcheck: directive on line {line}"),
            Suppression::Config { file } => format!("per_file_ignores in {file}"),
            Suppression::Baseline { file } => format!("baseline {file}"),
        }
    }
}

/// What identifies a finding across runs, whatever line it moved to: its file, the claim's
/// text (white space collapsed), the check and the fact.
pub fn fingerprint_fields(path: &str, r: &FileReport, v: &Verdict) -> [String; 4] {
    let text = r.claims[v.claim]
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    [
        path.replace('\\', "/"),
        text,
        v.check().as_str().to_string(),
        v.fact.as_ref().map(|f| f.id.clone()).unwrap_or_default(),
    ]
}

/// A stable hash of fields (SHA-256, hex), each field length-prefixed so that no two lists of
/// fields hash alike.
pub fn stable_hash(fields: &[&str]) -> String {
    let mut h = Sha256::new();
    for f in fields {
        h.update((f.len() as u64).to_le_bytes());
        h.update(f.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A document's name as a repository-relative path: `./` dropped, `/` between folders.
pub fn path_key(name: &str) -> String {
    let p = name.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}
