//! brine: run Python programs as tasklets on a stackless VM.
//!
//! The facade re-exports the layers and offers [`runner`], which compiles and
//! runs a script the way the `brine` command does.

pub mod checkpoint;
pub mod error;
pub mod inspect;
pub mod runner;

pub use brine_compiler as compiler;
pub use brine_sched as sched;
pub use brine_vm as vm;

pub use self::{
    error::Error,
    runner::{Program, ProgramEnd, SharedOutput},
};
