//! A host drives tasklets from Rust: it makes a VM and a scheduler, spawns
//! tasklets from Python functions, runs them under a watchdog that takes
//! back any tasklet running 1,000 instructions in a row, and decides what
//! to do with it — here, let it run on for three more turns, then kill it.
//!
//! `cargo run --release --example tasklets`

use brine::sched::Scheduler;
use brine::vm::{Value, Vm};

const SOURCE: &str = r#"
import stackless

def worker(name, steps):
    for i in range(steps):
        print(name, "step", i)
        stackless.schedule()
    print(name, "done")

def spinner():
    n = 0
    while True:
        n += 1
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut vm = Vm::new(Some(Box::new(brine::compiler::Compiler)))?;
    vm.stdout = Box::new(std::io::stdout());
    let mut sched = Scheduler::new(&mut vm)?;

    let globals = brine::runner::exec_module(&mut vm, SOURCE, "host")?;
    let get = |vm: &Vm, name: &str| vm.dict_get_str(globals, name).ok_or("undefined");
    let (worker, spinner) = (get(&vm, "worker")?, get(&vm, "spinner")?);

    for name in ["a", "b"] {
        let name = vm.new_str(name);
        sched.spawn(&mut vm, worker, vec![name, Value::Int(3)])?;
    }
    let spin = sched.spawn(&mut vm, spinner, Vec::new())?;

    let mut turns = 0;
    while let Some(t) = sched.run_watchdog(&mut vm, 1_000)? {
        assert_eq!(t, spin, "only the spinner runs 1,000 instructions in a row");
        turns += 1;
        println!("host: interrupted the spinner ({turns})");
        if turns == 3 {
            sched.kill(&mut vm, t)?;
            println!("host: killed it");
        } else {
            sched.insert(&mut vm, t)?;
        }
    }
    println!("host: the run queue is empty");
    Ok(())
}
