//! Errors of the library: bad data tables, bad input documents, and runs that cannot go on.
//! Data-table rows are read by [`crate::table`], which locates each problem at
//! FILE:LINE:COLUMN ([`TableError`](crate::table::TableError)).

use thiserror::Error;

/// A problem in a data table (lexicon or reference), always naming the file and line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DataError {
    /// A bad row.
    #[error("{file}:{line}: {message}")]
    Row {
        /// The table's file.
        file: String,
        /// The row's line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A file or directory that cannot be read.
    #[error("{path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// Why not.
        message: String,
    },
    /// A table that must be there is not.
    #[error("missing {what}")]
    Missing {
        /// Which table.
        what: String,
    },
    /// Every problem found in a set of tables, each at FILE:LINE:COLUMN on a line of its own.
    #[error("{}", problems_text(.0))]
    Tables(Vec<crate::table::TableError>),
}

/// The problems one per line, then their count.
fn problems_text(problems: &[crate::table::TableError]) -> String {
    let mut s: String = problems.iter().map(|p| format!("{p}\n")).collect();
    let n = problems.len();
    s.push_str(&format!(
        "{n} problem{} in the reference data",
        if n == 1 { "" } else { "s" }
    ));
    s
}

/// Result of loading data tables.
pub type DataResult<T> = Result<T, DataError>;

/// A document that cannot be read as an article.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The file cannot be read.
    #[error("{path}: cannot read: {message}")]
    Io {
        /// The file.
        path: String,
        /// Why not.
        message: String,
    },
    /// Standard input cannot be read.
    #[error("-: cannot read standard input: {message}")]
    Stdin {
        /// Why not.
        message: String,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: line {line}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The file.
        path: String,
        /// The line of the first bad byte.
        line: usize,
        /// Its byte offset.
        offset: usize,
    },
    /// A NUL byte: a binary file.
    #[error("{path}: looks like a binary file (NUL byte at byte offset {offset}), not an article")]
    Binary {
        /// The file.
        path: String,
        /// The byte offset of the first NUL.
        offset: usize,
    },
    /// Nothing but white space.
    #[error("{path}: empty file: nothing to check")]
    Empty {
        /// The file.
        path: String,
    },
    /// Markup that cannot be read.
    #[error("{path}: line {line}: {message}")]
    Malformed {
        /// The file.
        path: String,
        /// The line at fault.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A run that cannot go on: its output cannot be written or its input stream read.
#[derive(Debug, Error)]
pub enum RunError {
    /// The report would overwrite one of the articles it reports on.
    #[error(
        "{path}: refusing to write the report over a file it reads (an article, a reference file or the configuration)"
    )]
    WouldOverwriteInput {
        /// The report's path.
        path: String,
    },
    /// The report file cannot be written.
    #[error("{path}: cannot write: {error}")]
    Write {
        /// The report's path.
        path: String,
        /// Why not.
        error: std::io::Error,
    },
    /// A line of the input stream cannot be read.
    #[error("-: line {line}: cannot read: {error}")]
    ReadStream {
        /// The 1-based line.
        line: usize,
        /// Why not.
        error: std::io::Error,
    },
    /// Lexicon tables given in more than one reference directory.
    #[error("lexicon tables may come from one --reference directory only")]
    TwoLexiconDirs,
    /// A data table is bad.
    #[error(transparent)]
    Data(#[from] DataError),
}

impl RunError {
    /// Is this a report written to a reader that went away (a closed pipe, as when the output
    /// goes through `head`)? The run then ends quietly: what was written stands.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, RunError::Write { error, .. } if error.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
