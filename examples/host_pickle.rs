//! A Rust host freezes a running tasklet and thaws it in another VM: it
//! defines a Python function, runs it as a tasklet for a few thousand
//! instructions, pickles the interrupted tasklet to bytes, drops the VM,
//! loads the bytes into a fresh VM and runs the tasklet to its end. The
//! numbers printed after the reload continue where the first VM stopped.
//!
//! `cargo run --release --example host_pickle`

use brine::sched::Scheduler;
use brine::vm::{Value, Vm};
use brine_pickle::{dumps, loads, Options, Registry};

const SOURCE: &str = r#"
def squares(n):
    total = 0
    for i in range(n):
        total += i * i
        print("step", i, "total", total)
    print("done")
"#;

/// A VM printing to stdout, with the scheduler, the pickler and `SOURCE`
/// (as module `host`, which the pickle names its functions' globals by).
fn fresh_vm() -> Result<(Vm, Scheduler, brine::vm::ObjId), Box<dyn std::error::Error>> {
    let mut vm = Vm::new(Some(Box::new(brine::compiler::Compiler)))?;
    vm.stdout = Box::new(std::io::stdout());
    let sched = Scheduler::new(&mut vm)?;
    brine_pickle::install(&mut vm, Registry::new())?;
    let globals = brine::runner::exec_module(&mut vm, SOURCE, "host")?;
    Ok((vm, sched, globals))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = {
        let (mut vm, mut sched, globals) = fresh_vm()?;
        let squares = vm.dict_get_str(globals, "squares").ok_or("undefined")?;
        let t = sched.spawn(&mut vm, squares, vec![Value::Int(12)])?;
        let paused = sched.run_watchdog(&mut vm, 150)?;
        assert_eq!(
            paused,
            Some(t),
            "the tasklet runs more than 150 instructions"
        );
        let bytes = dumps(&mut vm, &Registry::new(), Options::default(), Value::Obj(t))?;
        println!(
            "host: paused the tasklet, pickled it to {} bytes",
            bytes.len()
        );
        bytes
    };
    println!("host: dropped the first VM");

    let (mut vm, mut sched, _globals) = fresh_vm()?;
    let Value::Obj(t) = loads(&mut vm, &Registry::new(), Options::default(), &bytes)? else {
        return Err("the pickle does not hold a tasklet".into());
    };
    println!("host: loaded it into a fresh VM; running it to its end");
    sched.insert(&mut vm, t)?;
    assert_eq!(sched.run_watchdog(&mut vm, 0)?, None);
    Ok(())
}
