//! Errors of the `brine` facade.

use std::path::PathBuf;

/// What can go wrong before a program starts running.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The script could not be read.
    #[error("can't open file '{path}': {source}")]
    Read {
        /// The script's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The VM could not be made.
    #[error(transparent)]
    Boot(#[from] brine_vm::BootError),
    /// The scheduler could not be installed.
    #[error(transparent)]
    Sched(#[from] brine_sched::Error),
    /// Pickling, loading or a checkpoint failed.
    #[error(transparent)]
    Pickle(#[from] brine_pickle::Error),
    /// Async generator support could not be installed.
    #[error(transparent)]
    AsyncGen(#[from] brine_asyncgen::Error),
    /// A checkpoint could not be written.
    #[error("can't write '{path}': {source}")]
    Write {
        /// The checkpoint's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The bytes loaded but are not a program checkpoint.
    #[error("bad checkpoint: {0}")]
    Checkpoint(String),
    /// A module a host defined did not compile or its body raised.
    #[error("module failed: {0}")]
    Module(String),
}
