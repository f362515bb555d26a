//! `loads` on arbitrary bytes, in a fresh VM with the scheduler and the
//! pickler installed: it must return an error or a value, never panic,
//! abort or allocate without bound. What loads is run for a bounded
//! number of instructions, as a host would.
//!
//! `cargo +nightly fuzz run loads` (from the `fuzz` directory).

#![no_main]

use brine_pickle::{kind_of, loads, Options, Registry};
use brine_sched::Scheduler;
use brine_vm::{ExecState, Value, Vm};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut vm) = Vm::new(Some(Box::new(brine_compiler::Compiler))) else {
        return;
    };
    vm.stdout = Box::new(std::io::sink());
    vm.stderr = Box::new(std::io::sink());
    let Ok(mut sched) = Scheduler::new(&mut vm) else {
        return;
    };
    let registry = Registry::new();
    if brine_pickle::install(&mut vm, registry.clone()).is_err() {
        return;
    }
    let Ok(v) = loads(&mut vm, &registry, Options::default(), data) else {
        return;
    };
    vm.roots.push(v);
    let _ = vm.repr_native(v);
    if let Value::Obj(id) = v {
        match kind_of(&vm, id) {
            "tasklet" => {
                if sched.insert(&mut vm, id).is_ok() && sched.enter_run(&mut vm, 0) {
                    sched.run(&mut vm, 10_000);
                }
            }
            "function" | "generator" | "method" => {
                if let Ok(mut st) = vm.start_call(v, Vec::new()) {
                    vm.run(&mut st, 10_000);
                }
            }
            _ => {}
        }
    }
    vm.collect_garbage(&ExecState::default());
});
