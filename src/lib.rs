//! brine: run Python programs as tasklets on a stackless VM.

pub use brine_compiler as compiler;
pub use brine_vm as vm;
