//! Errors of the scheduler's Rust API.

/// Why a scheduler operation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The VM has no compiler, which the module's Python part needs.
    #[error("the scheduler needs a VM with a compiler")]
    NoCompiler,
    /// The module's Python part failed to compile or run (a bug in brine).
    #[error("the stackless module failed to start: {0}")]
    Boot(String),
    /// The `stackless` module is not installed in this VM.
    #[error("the scheduler is not installed in this VM")]
    NotInstalled,
    /// The main tasklet runs frames of its own, so the host cannot act as main.
    #[error("the main tasklet has frames of its own; drive it with Scheduler::run")]
    MainHasFrames,
    /// A tasklet ended with an uncaught exception (its last traceback line).
    #[error("uncaught exception in a tasklet: {0}")]
    Uncaught(String),
    /// The object is not a tasklet.
    #[error("not a tasklet")]
    NotATasklet,
    /// The tasklet has ended or is blocked on a channel.
    #[error("the tasklet cannot run: it has ended or is blocked")]
    NotRunnable,
    /// A checkpoint's scheduler record is malformed.
    #[error("bad checkpoint: {0}")]
    BadCheckpoint(String),
}
