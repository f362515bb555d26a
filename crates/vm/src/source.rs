//! The service the VM asks of a compiler: turning source into code.
//!
//! The VM does not depend on the compiler crate; a host that wants `import`
//! of `.py` files (and `exec`) hands the VM a [`SourceCompiler`].

use crate::code::CodeObject;

/// A syntax error found while compiling, with what CPython prints for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    /// The exception class: `SyntaxError` or `IndentationError`.
    pub kind: String,
    /// What is wrong (`invalid syntax`, `'await' outside function`, …).
    pub message: String,
    /// The file being compiled.
    pub filename: String,
    /// 1-based line of the error.
    pub line: u32,
    /// 1-based column of the error.
    pub column: u32,
    /// The source line, without its newline.
    pub text: String,
}

/// Compiles module source into a code object.
pub trait SourceCompiler {
    /// Compile the whole of `source`, read from `filename`, as a module body.
    ///
    /// # Errors
    /// A [`SyntaxErrorInfo`] for source that does not parse or uses a
    /// construct brine does not support.
    fn compile_module(&self, source: &str, filename: &str) -> Result<CodeObject, SyntaxErrorInfo>;
}
