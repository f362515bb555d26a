//! brine-pickle: pickle running tasklets, and everything they hold, to
//! platform-independent MessagePack bytes, and load them back.
//!
//! The pickler walks the object graph from a root with a memo, asks the
//! [`Registry`] for each object's [`Reducer`], and writes a flat table of
//! [`Reduction`]s (type tag, arguments, state) in an [`Envelope`]. The
//! loader gives every entry an object id first, so cycles load, then builds
//! each object in place. Python code that a reduction needs
//! (`__reduce_ex__`, `copyreg.pickle`, `persistent_id`) is never run
//! inside the pickler: [`Dumper`] and [`Loader`] hand the calls out.
//!
//! ```
//! use brine_pickle::{dumps, loads, Options, Registry};
//! use brine_vm::Vm;
//!
//! let mut vm = Vm::new(None).unwrap();
//! let registry = Registry::new();
//! let a = vm.new_str("tasklet");
//! let list = vm.new_list(vec![a, brine_vm::Value::Int(7)]);
//! let bytes = dumps(&mut vm, &registry, Options::default(), list).unwrap();
//!
//! let mut fresh = Vm::new(None).unwrap();
//! let copy = loads(&mut fresh, &registry, Options::default(), &bytes).unwrap();
//! assert_eq!(fresh.repr_native(copy).ok().as_deref(), Some("['tasklet', 7]"));
//! ```

mod api;
mod codec;
mod dump;
mod envelope;
mod error;
mod kind;
mod load;
mod memo;
mod module;
mod node;
mod options;
mod order;
mod python;
mod reducers;
mod reduction;
mod registry;
mod remap;
mod validate;

pub use self::{
    api::{call, dumps, import, loads},
    codec::{decode, decode_prefix, encode_into},
    dump::{DumpCx, DumpStep, Dumper, Values},
    envelope::{Entry, Envelope, FORMAT_NAME, FORMAT_VERSION},
    error::Error,
    kind::kind_of,
    load::{LoadCx, LoadStep, Loader},
    module::{install, picklings_in_progress, set_registry, PROGRAM_STATE},
    node::Node,
    options::*,
    python::PROTOCOL,
    reduction::Reduction,
    registry::{LoadPhase, Reducer, Registry},
};
