//! The scheduler's Rust API: a host spawns tasklets, runs them under a
//! watchdog, gets interrupted tasklets back, reinserts and kills them.

use brine_sched::{Error, Scheduler};
use brine_vm::{ObjId, Value, Vm};

const SOURCE: &str = r#"
import stackless
log = []

def worker(name, n):
    for i in range(n):
        log.append((name, i))
        stackless.schedule()

def spin():
    while True:
        pass

def fail():
    raise ValueError("from a tasklet")

def guarded():
    try:
        while True:
            stackless.schedule()
    finally:
        log.append("cleaned up")
"#;

/// A VM with a scheduler, and the namespace of `SOURCE`.
fn setup() -> (Vm, Scheduler, ObjId) {
    let mut vm = Vm::new(Some(Box::new(brine_compiler::Compiler))).expect("vm");
    let sched = Scheduler::new(&mut vm).expect("scheduler");
    let code = brine_compiler::compile_module(SOURCE, "<host>").expect("compiles");
    let mut body = vm.start_module(code, "host").expect("module");
    let globals = body.frames[0].globals;
    assert!(matches!(
        vm.run(&mut body, u64::MAX),
        brine_vm::RunOutcome::Finished(_)
    ));
    (vm, sched, globals)
}

fn get(vm: &Vm, globals: ObjId, name: &str) -> Value {
    vm.dict_get_str(globals, name).expect("defined")
}

fn log_text(vm: &mut Vm, globals: ObjId) -> String {
    let log = get(vm, globals, "log");
    vm.repr_native(log).expect("repr")
}

#[test]
fn tasklets_run_round_robin_until_the_queue_empties() {
    let (mut vm, mut sched, g) = setup();
    let worker = get(&vm, g, "worker");
    for name in ["a", "b"] {
        let n = vm.new_str(name);
        sched
            .spawn(&mut vm, worker, vec![n, Value::Int(2)])
            .expect("spawn");
    }
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    assert_eq!(
        log_text(&mut vm, g),
        "[('a', 0), ('b', 0), ('a', 1), ('b', 1)]"
    );
}

#[test]
fn the_watchdog_hands_back_a_tasklet_that_does_not_yield() {
    let (mut vm, mut sched, g) = setup();
    let spin = get(&vm, g, "spin");
    let t = sched.spawn(&mut vm, spin, Vec::new()).expect("spawn");
    for _ in 0..3 {
        assert_eq!(sched.run_watchdog(&mut vm, 500).expect("runs"), Some(t));
        sched.insert(&mut vm, t).expect("insert");
    }
    sched.kill(&mut vm, t).expect("kill");
    assert!(!brine_sched::tasklet_of(&vm, t).expect("tasklet").alive);
    assert_eq!(sched.run_watchdog(&mut vm, 500).expect("runs"), None);
}

#[test]
fn killing_runs_finally_blocks() {
    let (mut vm, mut sched, g) = setup();
    let guarded = get(&vm, g, "guarded");
    let t = sched.spawn(&mut vm, guarded, Vec::new()).expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 10_000).expect("runs"), Some(t));
    sched.kill(&mut vm, t).expect("kill");
    assert_eq!(log_text(&mut vm, g), "['cleaned up']");
}

#[test]
fn an_uncaught_exception_is_reported_to_the_host() {
    let (mut vm, mut sched, g) = setup();
    let fail = get(&vm, g, "fail");
    sched.spawn(&mut vm, fail, Vec::new()).expect("spawn");
    match sched.run_watchdog(&mut vm, 0) {
        Err(Error::Uncaught(line)) => assert_eq!(line, "ValueError: from a tasklet"),
        other => panic!("expected the tasklet's exception, got {other:?}"),
    }
}

#[test]
fn inserting_a_dead_tasklet_is_an_error() {
    let (mut vm, mut sched, g) = setup();
    let worker = get(&vm, g, "worker");
    let n = vm.new_str("x");
    let t = sched
        .spawn(&mut vm, worker, vec![n, Value::Int(0)])
        .expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    assert!(matches!(sched.insert(&mut vm, t), Err(Error::NotRunnable)));
}

#[test]
fn frames_survive_collections_between_slices() {
    let (mut vm, mut sched, g) = setup();
    let worker = get(&vm, g, "worker");
    for name in ["a", "b"] {
        let n = vm.new_str(name);
        sched
            .spawn(&mut vm, worker, vec![n, Value::Int(3)])
            .expect("spawn");
    }
    assert!(brine_sched::tasklet_of(&vm, sched.main(&vm)).is_some());
    // Drive the scheduler a few instructions at a time, collecting
    // garbage with nothing but the VM's own roots in between.
    assert!(sched.enter_run(&mut vm, 0));
    loop {
        match sched.run(&mut vm, 3) {
            brine_sched::SchedOutcome::BudgetSpent => {
                vm.collect_garbage(&brine_vm::ExecState::default());
            }
            other => {
                assert_eq!(
                    other,
                    brine_sched::SchedOutcome::HostTurn(brine_sched::HostTurn::Idle)
                );
                break;
            }
        }
    }
    assert_eq!(
        log_text(&mut vm, g),
        "[('a', 0), ('b', 0), ('a', 1), ('b', 1), ('a', 2), ('b', 2)]"
    );
}
