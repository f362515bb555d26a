//! Settings of one pickling or loading.

/// `PICKLEFLAGS_PRESERVE_TRACING_STATE`: kept for Stackless compatibility (brine has no tracing state).
pub const PICKLEFLAGS_PRESERVE_TRACING_STATE: i64 = 1;
/// `PICKLEFLAGS_PRESERVE_AG_FINALIZER`: pickle an async generator's finalizer by value.
pub const PICKLEFLAGS_PRESERVE_AG_FINALIZER: i64 = 2;
/// `PICKLEFLAGS_RESET_AG_FINALIZER`: pickle an async generator as uninitialised.
pub const PICKLEFLAGS_RESET_AG_FINALIZER: i64 = 4;
/// `PICKLEFLAGS_PICKLE_CONTEXT`: pickle a tasklet's context with it.
pub const PICKLEFLAGS_PICKLE_CONTEXT: i64 = 8;
/// Every flag brine knows.
pub const PICKLEFLAGS_ALL: i64 = 15;

/// How to pickle and load.
#[derive(Clone, Debug)]
pub struct Options {
    /// The pickle flags (`PICKLEFLAGS_*`).
    pub flags: i64,
    /// Pickle modules by value (their namespace) instead of by name, as a
    /// whole-program checkpoint needs. Built-in modules are always by name.
    pub modules_by_value: bool,
    /// Pickle the whole program: instances natively (no `__reduce__`
    /// calls), tasklets keep their place in the run queue and the
    /// scheduler's state, and the main tasklet stays main.
    pub whole_program: bool,
    /// The most objects a pickle may hold when loading.
    pub max_objects: usize,
    /// The deepest a pickle's values may nest when loading.
    pub max_depth: usize,
    /// The buffer the next pickle is written into (reused between picklings).
    pub buffer: Vec<u8>,
    /// The pickle protocol Python reductions are asked for: the argument
    /// of `__reduce_ex__`; below 2, `__getnewargs_ex__`, `__getnewargs__`
    /// and `__new__` are not used, as by CPython's `copyreg._reduce_ex`.
    pub protocol: i64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            flags: 0,
            modules_by_value: false,
            whole_program: false,
            max_objects: 10_000_000,
            max_depth: 256,
            buffer: Vec::new(),
            protocol: crate::PROTOCOL,
        }
    }
}
