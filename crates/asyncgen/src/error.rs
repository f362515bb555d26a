//! Errors of installing async generator support.

/// Why async generators could not be installed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The `_asyncgen` module's Python part could not run.
    #[error("the _asyncgen module failed to start: {0}")]
    Boot(#[from] brine_vm::BuiltinSourceError),
    /// The `_asyncgen` module is not installed in this VM.
    #[error("async generators are not installed in this VM")]
    NotInstalled,
}
