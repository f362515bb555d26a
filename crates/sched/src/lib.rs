//! brine-sched: tasklets, channels and the scheduler, on brine-vm.
//!
//! A tasklet is a microthread: its frames are plain data kept in a heap
//! object, and only the running one's frames are out in the loop. A
//! built-in that switches (`schedule()`, a channel action that blocks,
//! `run()`) changes who is current and returns a request; the VM unwinds
//! to [`Scheduler::run`], which saves the frames that ran and goes on with
//! the current tasklet's. No tasklet ever runs inside another's Rust stack.
//!
//! ```
//! use brine_sched::Scheduler;
//! use brine_vm::{Value, Vm};
//!
//! let mut vm = Vm::new(Some(Box::new(brine_compiler::Compiler))).unwrap();
//! let mut sched = Scheduler::new(&mut vm).unwrap();
//! let len = vm.native_value("builtins.len");
//! let s = vm.new_str("tasklet");
//! sched.spawn(&mut vm, len, vec![s]).unwrap();
//! assert_eq!(sched.run_watchdog(&mut vm, 0).unwrap(), None);
//! ```

mod channel;
mod channel_methods;
mod checkpoint;
mod class;
mod error;
mod module;
mod scheduler;
mod state;
mod tasklet;
mod tasklet_methods;

pub use self::{
    channel::Channel,
    error::Error,
    module::is_tasklet_exit,
    scheduler::{HostTurn, SchedOutcome, Scheduler},
    state::{channel as channel_of, tasklet as tasklet_of, Sched, SchedTypes, Watchdog},
    tasklet::{Place, Resume, Tasklet},
};
