//! Deterministic bytes: the same state pickles to the same bytes, and
//! pickling what a pickle loads gives that pickle back, in the VM that
//! wrote it and in a fresh one.

mod common;

use brine_vm::Value;
use common::*;

#[test]
fn the_same_state_pickles_to_the_same_bytes() {
    let (mut vm, mut sched, g) = setup();
    let mut roots: Vec<Value> = ["tree", "counter", "gen"]
        .iter()
        .map(|n| get(&vm, g, n))
        .collect();
    roots.push(Value::Obj(interrupted_worker(&mut vm, &mut sched, g)));
    roots.push(Value::Obj(interrupted_deep(&mut vm, &mut sched, g, 5)));
    roots.push(parked_consumer(&mut vm, &mut sched, g));
    for v in roots {
        let a = dump(&mut vm, v);
        let b = dump(&mut vm, v);
        assert_eq!(a, b, "{:?}", vm.repr_native(v));
    }
}

#[test]
fn two_vms_in_the_same_state_pickle_to_the_same_bytes() {
    let first = sample_pickles();
    let second = sample_pickles();
    assert_eq!(first, second);
}

#[test]
fn pickling_what_a_pickle_loads_gives_it_back() {
    let samples = sample_pickles();
    let (mut same, _sched, _g) = setup();
    for (name, bytes) in &samples {
        let v = load(&mut same, bytes).expect("loads");
        assert_eq!(&dump(&mut same, v), bytes, "{name}, in one VM");
        let (mut fresh, _sched, _g) = setup();
        let v = load(&mut fresh, bytes).expect("loads");
        let again = dump(&mut fresh, v);
        assert_eq!(&again, bytes, "{name}, in a fresh VM");
        let v = load(&mut fresh, &again).expect("loads");
        assert_eq!(dump(&mut fresh, v), again, "{name}, twice");
    }
}

#[test]
fn a_loaded_tasklet_runs_on_and_pickles_like_the_original() {
    // Run the original and a loaded copy the same number of instructions:
    // their pickles are the same bytes again.
    let (mut vm, mut sched, g) = setup();
    let t = interrupted_deep(&mut vm, &mut sched, g, 3);
    let bytes = dump(&mut vm, Value::Obj(t));
    let (mut fresh, mut fresh_sched, _g) = setup();
    let Value::Obj(copy) = load(&mut fresh, &bytes).expect("loads") else {
        panic!("a tasklet")
    };
    sched.insert(&mut vm, t).expect("insert");
    fresh_sched.insert(&mut fresh, copy).expect("insert");
    assert_eq!(sched.run_watchdog(&mut vm, 1_000).expect("runs"), Some(t));
    assert_eq!(
        fresh_sched.run_watchdog(&mut fresh, 1_000).expect("runs"),
        Some(copy)
    );
    assert_eq!(
        dump(&mut vm, Value::Obj(t)),
        dump(&mut fresh, Value::Obj(copy))
    );
}
