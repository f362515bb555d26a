//! Scheduler speed: channel ping-pong between two tasklets, `schedule()`
//! round robin over 1,000 tasklets, making and finishing 100,000 tasklets,
//! and the memory of 100,000 tasklets parked on channels.
//!
//! The figures each group reports are per element (`Throughput::Elements`):
//! switches, schedules, tasklets. The memory figure is printed once.

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`.

use brine::sched::Scheduler;
use brine::vm::{Obj, Value, Vm};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// The same allocator as the `brine` command, so the figures match it,
/// counting the bytes it has handed out and not taken back.
#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and not yet freed.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// mimalloc, keeping count of live bytes in `LIVE`.
struct Counting;

// SAFETY: every call is passed on unchanged to mimalloc, which upholds the
// `GlobalAlloc` contract; the counter only observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's layout goes to mimalloc as it came.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as for `dealloc` and `alloc`.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

const SOURCE: &str = r#"
import stackless
ch = stackless.channel()

def ping(n):
    for i in range(n):
        ch.send(i)

def pong(n):
    for i in range(n):
        ch.receive()

def spinner(n):
    for i in range(n):
        stackless.schedule()

def nothing():
    pass

def parked(c):
    c.receive()

tasklets = []

def park_all(n):
    for i in range(n):
        tasklets.append(stackless.tasklet(parked)(stackless.channel()))
"#;

/// A VM with a scheduler and the functions of `SOURCE`.
fn setup() -> (Vm, Scheduler, Value) {
    let mut vm = Vm::new(Some(Box::new(brine::compiler::Compiler))).expect("vm");
    let sched = Scheduler::new(&mut vm).expect("scheduler");
    let globals =
        Value::Obj(brine::runner::exec_module(&mut vm, SOURCE, "bench").expect("defines"));
    (vm, sched, globals)
}

fn func(vm: &mut Vm, globals: Value, name: &str) -> Value {
    let Value::Obj(g) = globals else {
        panic!("globals")
    };
    vm.dict_get_str(g, name).expect("defined")
}

/// Benchmark running tasklets to the end: `spawn` makes them on a fresh VM
/// (not timed), then the host runs them until the run queue empties.
fn bench_run(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    elements: u64,
    spawn: impl Fn(&mut Vm, &mut Scheduler, Value),
) {
    group.throughput(Throughput::Elements(elements));
    group.bench_function(name, |b| {
        b.iter_batched(
            || {
                let (mut vm, mut sched, g) = setup();
                spawn(&mut vm, &mut sched, g);
                (vm, sched)
            },
            |(mut vm, mut sched)| {
                assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
                (vm, sched)
            },
            BatchSize::PerIteration,
        )
    });
}

fn scheduler(c: &mut Criterion) {
    let mut group = c.benchmark_group("sched");
    group.sample_size(10);
    const N: i64 = 100_000;
    // Two switches per message: to the receiver and back.
    bench_run(
        &mut group,
        "channel_ping_pong",
        2 * N as u64,
        |vm, sched, g| {
            for name in ["ping", "pong"] {
                let f = func(vm, g, name);
                sched.spawn(vm, f, vec![Value::Int(N)]).expect("spawn");
            }
        },
    );
    const TASKLETS: i64 = 1_000;
    const ROUNDS: i64 = 100;
    bench_run(
        &mut group,
        "schedule_round_robin_1000",
        (TASKLETS * ROUNDS) as u64,
        |vm, sched, g| {
            let f = func(vm, g, "spinner");
            for _ in 0..TASKLETS {
                sched.spawn(vm, f, vec![Value::Int(ROUNDS)]).expect("spawn");
            }
        },
    );
    const MANY: u64 = 100_000;
    group.throughput(Throughput::Elements(MANY));
    group.bench_function("create_and_finish_100k", |b| {
        b.iter_batched(
            setup,
            |(mut vm, mut sched, g)| {
                let f = func(&mut vm, g, "nothing");
                for _ in 0..MANY {
                    sched.spawn(&mut vm, f, Vec::new()).expect("spawn");
                }
                assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
                (vm, sched)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    report_parked_memory();
}

/// Park 100,000 tasklets on channels, each on its own, and print the heap
/// memory each takes (live allocations, the VM's object arena included):
/// all of it, and beyond its frames.
fn report_parked_memory() {
    const N: usize = 100_000;
    let (mut vm, mut sched, g) = setup();
    let park_all = func(&mut vm, g, "park_all");
    let before = LIVE.load(Ordering::Relaxed);
    sched
        .spawn(&mut vm, park_all, vec![Value::Int(N as i64)])
        .expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    let after = LIVE.load(Ordering::Relaxed);
    let list = func(&mut vm, g, "tasklets");
    let ids: Vec<Value> = match list {
        Value::Obj(id) => match vm.heap.get(id) {
            Obj::List(items) => items.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    assert_eq!(ids.len(), N);
    let frames: usize = ids
        .iter()
        .filter_map(|t| t.obj())
        .filter_map(|t| brine::sched::tasklet_of(&vm, t))
        .map(|t| t.frame_bytes())
        .sum();
    let total = after.saturating_sub(before);
    eprintln!(
        "sched/parked_tasklets: {} bytes per parked tasklet, {} beyond its frames",
        total / N,
        total.saturating_sub(frames) / N
    );
}

criterion_group!(benches, scheduler);
criterion_main!(benches);
