//! Errors of the library: bad input documents and bad data tables.

use thiserror::Error;

/// A problem in a data table (lexicon or reference), always naming the file and line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DataError {
    #[error("{file}:{line}: {message}")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("missing {what}")]
    Missing { what: String },
}

/// Result of loading data tables.
pub type DataResult<T> = Result<T, DataError>;

/// A document that cannot be read as an article.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum InputError {
    #[error("{path}: cannot read: {message}")]
    Io { path: String, message: String },
    #[error("-: cannot read standard input: {message}")]
    Stdin { message: String },
    #[error("{path}: line {line}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        path: String,
        line: usize,
        offset: usize,
    },
    #[error("{path}: looks like a binary file (NUL byte at byte offset {offset}), not an article")]
    Binary { path: String, offset: usize },
    #[error("{path}: empty file: nothing to check")]
    Empty { path: String },
    #[error("{path}: line {line}: {message}")]
    Malformed {
        path: String,
        line: usize,
        message: String,
    },
}

/// A run that cannot go on: its output cannot be written or its input stream read.
#[derive(Debug, Error)]
pub enum RunError {
    /// The report would overwrite one of the articles it reports on.
    #[error("{path}: refusing to write the report over an input file")]
    WouldOverwriteInput { path: String },
    /// The report file cannot be written.
    #[error("{path}: cannot write: {error}")]
    Write { path: String, error: std::io::Error },
    /// A line of the input stream cannot be read.
    #[error("-: line {line}: cannot read: {error}")]
    ReadStream { line: usize, error: std::io::Error },
    /// Standard output cannot be written (a stream's output).
    #[error("{0}")]
    WriteStream(std::io::Error),
    /// Lexicon tables given in more than one reference directory.
    #[error("lexicon tables may come from one --reference directory only")]
    TwoLexiconDirs,
    /// A data table is bad.
    #[error(transparent)]
    Data(#[from] DataError),
}
