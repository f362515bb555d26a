//! Pickling speed: `dumps` and `loads` of a tasklet interrupted 1, 10 and
//! 100 frames deep (each frame with a few locals, code objects included),
//! of a generator in the middle of its iteration, and of 10,000 tasklets
//! parked on channels in one pickle.
//!
//! For the large pickle, `encode` and `decode` time brine's codec alone on
//! the same bytes (no object walked or built), and `rmp_serde_encode` and
//! `rmp_serde_decode` time rmp-serde on the same envelope through serde:
//! the rates the pickler is measured against.
//!
//! The figures are per byte of pickle (`Throughput::Bytes`), so criterion
//! reports MB/s; the size of each pickle is printed once. Loads go into
//! one VM, whose garbage is collected between timed batches.

#![allow(missing_docs)] // criterion_main! generates an undocumented `main`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use brine::sched::Scheduler;
use brine::vm::{ExecState, ObjId, Value, Vm};
use brine_pickle::{dumps, loads, Options, Registry};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The same allocator as the `brine` command, so the figures match it:
/// a pickle is many small allocations, which the system allocator makes
/// about a third slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SOURCE: &str = r#"
import stackless

def deep(depth, n):
    a, b, c = depth, depth * 2.5, "frame"
    items = [a, b]
    if depth > 1:
        return deep(depth - 1, n) + a
    total = 0
    for i in range(n):
        total += i
    return total

def numbers(n):
    seen = []
    for i in range(n):
        seen.append(i)
        yield i * i

def parked(c):
    c.receive()
"#;

/// A VM with a scheduler and the functions of `SOURCE` (module `bench`).
fn setup() -> (Vm, Scheduler, ObjId) {
    let mut vm = Vm::new(Some(Box::new(brine::compiler::Compiler))).expect("vm");
    let sched = Scheduler::new(&mut vm).expect("scheduler");
    brine_pickle::install(&mut vm, Registry::new()).expect("pickle");
    let globals = brine::runner::exec_module(&mut vm, SOURCE, "bench").expect("defines");
    (vm, sched, globals)
}

fn func(vm: &Vm, g: ObjId, name: &str) -> Value {
    vm.dict_get_str(g, name).expect("defined")
}

/// A tasklet `depth` frames deep in `deep()`, interrupted in its loop.
fn interrupted(vm: &mut Vm, sched: &mut Scheduler, g: ObjId, depth: i64) -> Value {
    let deep = func(vm, g, "deep");
    let t = sched
        .spawn(vm, deep, vec![Value::Int(depth), Value::Int(1 << 40)])
        .expect("spawn");
    let budget = 40 * depth as u64 + 1_000;
    assert_eq!(sched.run_watchdog(vm, budget).expect("runs"), Some(t));
    Value::Obj(t)
}

/// A generator of `numbers()` after 100 values.
fn generator(vm: &mut Vm, g: ObjId) -> Value {
    let numbers = func(vm, g, "numbers");
    let gen = brine_pickle::call(vm, numbers, vec![Value::Int(1_000_000)]).expect("a generator");
    let next = vm.native_value("builtins.next");
    for _ in 0..100 {
        brine_pickle::call(vm, next, vec![gen]).expect("next");
    }
    gen
}

/// A list of `n` tasklets, each blocked receiving on its own channel.
fn parked(vm: &mut Vm, sched: &mut Scheduler, g: ObjId, n: usize) -> Value {
    let parked = func(vm, g, "parked");
    let channel = {
        let ns =
            brine::runner::exec_module(vm, "import stackless\nc = stackless.channel\n", "chans")
                .expect("defines");
        func(vm, ns, "c")
    };
    let mut tasklets = Vec::with_capacity(n);
    for _ in 0..n {
        let ch = brine_pickle::call(vm, channel, vec![]).expect("a channel");
        tasklets.push(Value::Obj(
            sched.spawn(vm, parked, vec![ch]).expect("spawn"),
        ));
    }
    assert_eq!(sched.run_watchdog(vm, 0).expect("runs"), None);
    let list = vm.new_list(tasklets);
    vm.roots.push(list);
    list
}

/// Benchmark `dumps` and `loads` of `value`, reporting bytes per second.
fn bench_case(c: &mut Criterion, name: &str, vm: &mut Vm, value: Value) {
    let registry = Registry::new();
    let bytes = dumps(vm, &registry, Options::default(), value).expect("pickles");
    println!("pickle/{name}: {} bytes per pickle", bytes.len());
    let mut group = c.benchmark_group("pickle");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    if bytes.len() > 100_000 {
        group.sample_size(20);
    }
    let mut buffer = Vec::with_capacity(bytes.len());
    group.bench_function(format!("dumps/{name}"), |b| {
        b.iter(|| {
            let opts = Options {
                buffer: std::mem::take(&mut buffer),
                ..Options::default()
            };
            let out = dumps(vm, &registry, opts, black_box(value)).expect("pickles");
            buffer = black_box(out);
            buffer.clear();
        })
    });
    group.bench_function(format!("loads/{name}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                let start = Instant::now();
                let v = loads(vm, &registry, Options::default(), black_box(&bytes));
                total += start.elapsed();
                black_box(v.expect("loads"));
                if i % 64 == 63 || bytes.len() > 100_000 {
                    vm.collect_garbage(&ExecState::default());
                }
            }
            vm.collect_garbage(&ExecState::default());
            total
        })
    });
    if bytes.len() > 100_000 {
        bench_codec(&mut group, name, &bytes);
    }
    group.finish();
}

/// The codec alone on the same pickle: the envelope written from and read
/// into its node tree, with no object walked or built, by brine's codec
/// and by rmp-serde through serde.
fn bench_codec(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    bytes: &[u8],
) {
    let env = brine_pickle::decode(bytes, 256).expect("decodes");
    let mut out = Vec::with_capacity(bytes.len());
    group.bench_function(format!("encode/{name}"), |b| {
        b.iter(|| {
            out.clear();
            brine_pickle::encode_into(black_box(&env), &mut out).expect("encodes");
        })
    });
    group.bench_function(format!("decode/{name}"), |b| {
        b.iter(|| brine_pickle::decode(black_box(bytes), 256).expect("decodes"))
    });
    group.bench_function(format!("rmp_serde_encode/{name}"), |b| {
        b.iter(|| {
            out.clear();
            rmp_serde::encode::write(&mut out, black_box(&env)).expect("encodes");
        })
    });
    group.bench_function(format!("rmp_serde_decode/{name}"), |b| {
        b.iter(|| {
            let mut de = rmp_serde::Deserializer::from_read_ref(black_box(bytes));
            de.set_max_depth(256);
            let env: brine_pickle::Envelope =
                serde::Deserialize::deserialize(&mut de).expect("decodes");
            env
        })
    });
}

fn pickle(c: &mut Criterion) {
    for depth in [1, 10, 100] {
        let (mut vm, mut sched, g) = setup();
        let t = interrupted(&mut vm, &mut sched, g, depth);
        bench_case(c, &format!("tasklet_{depth}_frames"), &mut vm, t);
    }
    let (mut vm, _sched, g) = setup();
    let gen = generator(&mut vm, g);
    vm.roots.push(gen);
    bench_case(c, "generator", &mut vm, gen);
    let (mut vm, mut sched, g) = setup();
    let list = parked(&mut vm, &mut sched, g, 10_000);
    bench_case(c, "parked_10000_tasklets", &mut vm, list);
}

criterion_group!(benches, pickle);
criterion_main!(benches);
