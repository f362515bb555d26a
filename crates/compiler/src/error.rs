//! Compile errors, reported as CPython reports a `SyntaxError`.

use std::fmt;

use brine_vm::SyntaxErrorInfo;

/// The exception class a [`CompileError`] is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// `SyntaxError`: bad syntax, a rule CPython checks while compiling, or a
    /// construct brine does not support.
    SyntaxError,
    /// `IndentationError` (a `SyntaxError` subclass): bad indentation.
    IndentationError,
}

impl ErrorKind {
    /// The exception class name.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Source that cannot be compiled: bad syntax, a rule CPython checks at
/// compile time (`'return' outside function`), or a construct brine does not
/// support (`the 'match' statement is not supported`).
///
/// It carries what CPython's `SyntaxError` carries, and converts into the
/// VM's [`SyntaxErrorInfo`] to be raised there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{filename}:{line}:{column}: {kind}: {message}")]
pub struct CompileError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: ErrorKind,
    /// What is wrong, worded as CPython words it where it has a word for it.
    pub message: String,
    /// The file name given to the compiler.
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// The text of the line, without its line break.
    pub text: String,
}

impl From<CompileError> for SyntaxErrorInfo {
    fn from(e: CompileError) -> SyntaxErrorInfo {
        SyntaxErrorInfo {
            kind: e.kind.as_str().to_string(),
            message: e.message,
            filename: e.filename,
            line: e.line,
            column: e.column,
            text: e.text,
        }
    }
}
