//! Compile errors, reported as CPython reports a `SyntaxError`.

use brine_vm::SyntaxErrorInfo;

/// A `SyntaxError`-style error: bad syntax or a construct brine does not
/// support. Its fields (kind, message, file, line, column, source line) are
/// those of the VM's [`SyntaxErrorInfo`], reachable through `Deref`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{}:{}: {}: {}", .0.filename, .0.line, .0.column, .0.kind, .0.message)]
pub struct CompileError(pub SyntaxErrorInfo);

impl std::ops::Deref for CompileError {
    type Target = SyntaxErrorInfo;

    fn deref(&self) -> &SyntaxErrorInfo {
        &self.0
    }
}

impl From<CompileError> for SyntaxErrorInfo {
    fn from(e: CompileError) -> SyntaxErrorInfo {
        e.0
    }
}
