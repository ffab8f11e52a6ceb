//! How much a finding matters to the formats CI systems read (annotation levels, SARIF levels,
//! Code Quality severities, JUnit failures). One mapping from verdicts, here, until verdicts
//! carry an editorial severity of their own.

use serde::{Deserialize, Serialize};

use crate::check::{Severity, Verdict, VerdictKind};

/// The level of a finding, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing (a claim that could not be checked, or two facts fit).
    Note,
    /// Probably wrong, by a little.
    Warning,
    /// Wrong.
    Error,
}

impl Level {
    /// The name used in reports ("error", "warning", "note").
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// The level of a verdict; `None` for a consistent claim, which is no finding. The verdict's
/// severity decides (see [`Severity`]); an inconsistency without one is a warning, anything
/// else a note.
pub fn level(v: &Verdict) -> Option<Level> {
    match (v.kind, v.severity) {
        (VerdictKind::Consistent | VerdictKind::ConsistentByRounding, _) => None,
        (_, Some(Severity::Error)) => Some(Level::Error),
        (_, Some(Severity::Warning)) | (VerdictKind::Inconsistent, _) => Some(Level::Warning),
        _ => Some(Level::Note),
    }
}
