//! Errors of pickling and loading.

/// Why a pickle could not be written or loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The encoder failed (a bug: every tree it gets is well formed).
    #[error("cannot encode the pickle: {0}")]
    Encode(String),
    /// The bytes are not a MessagePack envelope: truncated, corrupted or
    /// too deeply nested.
    #[error("malformed pickle: {0}")]
    Decode(String),
    /// The bytes are not a brine pickle.
    #[error("not a brine pickle (format {found:?})")]
    Format {
        /// The format name found.
        found: String,
    },
    /// A pickle of another format version.
    #[error("unsupported pickle format version {found} (this brine reads version {expected})")]
    Version {
        /// The version found.
        found: u32,
        /// The version this brine reads and writes.
        expected: u32,
    },
    /// The value holds a pickling or loading in progress (a tasklet inside
    /// `pickle.dumps` or `pickle.loads`), which cannot be pickled.
    #[error("a pickling or loading is in progress; pickle before or after it")]
    InProgress,
    /// No reducer can pickle an object of this type.
    #[error("cannot pickle '{type_name}' object")]
    Unpicklable {
        /// The Python type name.
        type_name: String,
    },
    /// An object found by reference cannot be found again (`module.qualname`).
    #[error("cannot pickle {what}: it is not found as {path}")]
    NotFound {
        /// What was pickled.
        what: String,
        /// Where it was looked for.
        path: String,
    },
    /// The table names a type tag no reducer loads.
    #[error("unknown type tag '{0}' in the pickle")]
    UnknownTag(String),
    /// An entry of the table is not what its tag needs.
    #[error("bad pickle entry {index} ('{tag}'): {message}")]
    BadEntry {
        /// The entry's index in the table.
        index: usize,
        /// Its tag.
        tag: String,
        /// What is wrong.
        message: String,
    },
    /// A reference to an entry the table does not have.
    #[error("bad object reference {0}")]
    BadRef(u32),
    /// More objects than the configured limit.
    #[error("the pickle holds {found} objects, more than the limit of {limit}")]
    TooManyObjects {
        /// The number in the pickle.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// A code object fails verification.
    #[error("invalid code object in the pickle: {0}")]
    Code(String),
    /// A module named by reference cannot be imported.
    #[error("no module named '{0}'")]
    NoModule(String),
    /// Python code run by a reducer raised (its exception, formatted).
    #[error("{0}")]
    Raised(String),
    /// A Python reducer returned something that is not a reduction.
    #[error("{0}")]
    BadReduce(String),
    /// A Python reducer returned a value of the wrong type, which CPython
    /// reports as a `TypeError` (`__getnewargs__ should return a tuple, …`).
    #[error("{0}")]
    TypeError(String),
    /// A Python reducer returned a value of the wrong size, which CPython
    /// reports as a `ValueError`.
    #[error("{0}")]
    ValueError(String),
    /// The scheduler is not installed in the VM.
    #[error("the VM has no scheduler")]
    NoScheduler,
}
