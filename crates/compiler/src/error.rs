//! Compile errors, reported as CPython reports a `SyntaxError`.

use brine_vm::SyntaxErrorInfo;

/// A `SyntaxError`-style error: bad syntax or a construct brine does not support.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{filename}:{line}:{column}: {kind}: {message}")]
pub struct CompileError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: String,
    /// What is wrong.
    pub message: String,
    /// The file being compiled.
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The source line.
    pub text: String,
}

impl From<CompileError> for SyntaxErrorInfo {
    fn from(e: CompileError) -> SyntaxErrorInfo {
        SyntaxErrorInfo {
            kind: e.kind,
            message: e.message,
            filename: e.filename,
            line: e.line,
            column: e.column,
            text: e.text,
        }
    }
}
