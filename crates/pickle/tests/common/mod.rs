//! What the pickle tests share: a VM with the scheduler and the pickler,
//! a host module, realistic pickles of its state, and a bounded way to run
//! whatever a pickle loads.

#![allow(dead_code)] // Each test file uses its own part of this module.

use brine_pickle::{dumps, loads, Error, Options, Registry};
use brine_sched::Scheduler;
use brine_vm::{ExecState, ObjId, RunOutcome, Value, Vm};

/// The host module every VM of these tests defines as `host`.
pub(crate) const SOURCE: &str = r#"
import stackless

tree = {"name": "tree", "items": [1, -2, 3.5, "four", b"five", None, True, (6, 7)],
        "nested": {"set": {1, 2, 3}, "frozen": frozenset({"a"}), "big": 2 ** 100,
                   "range": range(2, 20, 3)}}
tree["alias"] = tree["items"]

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm(self):
        return self.x * self.x + self.y * self.y

tree["point"] = Point(3, 4)

def make_counter(start):
    count = [start]
    def bump(step=1):
        count[0] += step
        return count[0]
    return bump

counter = make_counter(10)
counter()

def squares(n):
    for i in range(n):
        yield i * i

gen = squares(1000)
next(gen)
next(gen)
next(gen)

def inner(i, acc):
    return acc + i * 2

def worker(n):
    acc = 0
    for i in range(n):
        acc = inner(i, acc)
    return acc

def deep(depth, n):
    a, b, c = depth, depth * 2, "frame"
    if depth > 1:
        return deep(depth - 1, n) + a
    total = 0
    for i in range(n):
        total += i
    return total + b

def consumer(ch, out):
    while True:
        x = ch.receive()
        out.append(x * 10)

def feed(ch, n):
    for i in range(n):
        ch.send(i)

def drain(it, n):
    got = []
    for x in it:
        got.append(x)
        if len(got) >= n:
            break
    return got

def call_with(f, n):
    return f(n)
"#;

/// A VM with the scheduler and the pickler installed and `SOURCE` run as
/// module `host`; output goes nowhere.
pub(crate) fn setup() -> (Vm, Scheduler, ObjId) {
    setup_with(SOURCE, "host")
}

/// A VM with the scheduler and the pickler installed and `source` run as
/// module `name`; output goes nowhere.
pub(crate) fn setup_with(source: &str, name: &str) -> (Vm, Scheduler, ObjId) {
    let mut vm = Vm::new(Some(Box::new(brine_compiler::Compiler))).expect("vm");
    vm.stdout = Box::new(std::io::sink());
    vm.stderr = Box::new(std::io::sink());
    let sched = Scheduler::new(&mut vm).expect("scheduler");
    brine_pickle::install(&mut vm, Registry::new()).expect("pickle");
    let globals = exec(&mut vm, source, name);
    (vm, sched, globals)
}

/// The value of a global of `host`.
pub(crate) fn get(vm: &Vm, globals: ObjId, name: &str) -> Value {
    vm.dict_get_str(globals, name).expect("defined")
}

/// Pickle `v` with the default options.
pub(crate) fn dump(vm: &mut Vm, v: Value) -> Vec<u8> {
    dumps(vm, &Registry::new(), Options::default(), v).expect("pickles")
}

/// Load `bytes` with the default options.
pub(crate) fn load(vm: &mut Vm, bytes: &[u8]) -> Result<Value, Error> {
    loads(vm, &Registry::new(), Options::default(), bytes)
}

/// A tasklet running `worker(10**9)`, interrupted by the watchdog.
pub(crate) fn interrupted_worker(vm: &mut Vm, sched: &mut Scheduler, g: ObjId) -> ObjId {
    let worker = get(vm, g, "worker");
    let t = sched
        .spawn(vm, worker, vec![Value::Int(1_000_000_000)])
        .expect("spawn");
    assert_eq!(sched.run_watchdog(vm, 777).expect("runs"), Some(t));
    t
}

/// A tasklet `depth` frames deep in `deep()`, interrupted in its loop.
pub(crate) fn interrupted_deep(vm: &mut Vm, sched: &mut Scheduler, g: ObjId, depth: i64) -> ObjId {
    let deep = get(vm, g, "deep");
    let t = sched
        .spawn(vm, deep, vec![Value::Int(depth), Value::Int(1_000_000_000)])
        .expect("spawn");
    let budget = 60 * depth as u64 + 500;
    assert_eq!(sched.run_watchdog(vm, budget).expect("runs"), Some(t));
    t
}

/// `(tasklet, channel, out)`: a consumer tasklet blocked receiving on a
/// channel, having received 0, 1 and 2 from a feeder.
pub(crate) fn parked_consumer(vm: &mut Vm, sched: &mut Scheduler, g: ObjId) -> Value {
    let src = "import stackless\nch = stackless.channel()\nout = []\n";
    let ns = exec(vm, src, "parked");
    let ch = get(vm, ns, "ch");
    let out = get(vm, ns, "out");
    let consumer = get(vm, g, "consumer");
    let feed = get(vm, g, "feed");
    let t = sched.spawn(vm, consumer, vec![ch, out]).expect("spawn");
    sched
        .spawn(vm, feed, vec![ch, Value::Int(3)])
        .expect("spawn");
    assert_eq!(sched.run_watchdog(vm, 0).expect("runs"), None);
    vm.new_tuple(vec![Value::Obj(t), ch, out])
}

/// Run `source` as module `name`; its namespace.
pub(crate) fn exec(vm: &mut Vm, source: &str, name: &str) -> ObjId {
    let code = brine_compiler::compile_module(source, name).expect("compiles");
    let mut body = vm.start_module(code, name).expect("module");
    let globals = body.frames[0].globals;
    assert!(matches!(
        vm.run(&mut body, u64::MAX),
        RunOutcome::Finished(_)
    ));
    globals
}

/// The realistic pickles the tests start from, by name.
pub(crate) fn sample_pickles() -> Vec<(&'static str, Vec<u8>)> {
    let (mut vm, mut sched, g) = setup();
    let mut out = Vec::new();
    for name in ["tree", "counter", "gen"] {
        let v = get(&vm, g, name);
        out.push((name, dump(&mut vm, v)));
    }
    let t = interrupted_worker(&mut vm, &mut sched, g);
    out.push(("worker", dump(&mut vm, Value::Obj(t))));
    let t = interrupted_deep(&mut vm, &mut sched, g, 5);
    out.push(("deep", dump(&mut vm, Value::Obj(t))));
    let parked = parked_consumer(&mut vm, &mut sched, g);
    out.push(("parked", dump(&mut vm, parked)));
    out
}

/// Run a state for at most `budget` instructions; its outcome, if it ended.
pub(crate) fn run_bounded(vm: &mut Vm, st: &mut ExecState, budget: u64) -> Option<RunOutcome> {
    match vm.run(st, budget) {
        RunOutcome::BudgetSpent => None,
        out => Some(out),
    }
}

/// Do what a host would do with a loaded value, for a bounded number of
/// instructions: print it, run it as a tasklet, iterate it, call it, feed
/// a channel among its items; collect garbage. Errors are fine, panics not.
pub(crate) fn exercise(vm: &mut Vm, sched: &mut Scheduler, g: ObjId, v: Value) {
    vm.roots.push(v);
    let _ = vm.repr_native(v);
    let mut items = vec![v];
    if let Some(brine_vm::Obj::Tuple(t)) = vm.heap.get_obj(v) {
        items.extend(t.iter().copied());
    }
    let drain = get(vm, g, "drain");
    let call_with = get(vm, g, "call_with");
    let feed = get(vm, g, "feed");
    for item in items {
        let Value::Obj(id) = item else { continue };
        match brine_pickle::kind_of(vm, id) {
            "tasklet" => {
                let _ = sched.insert(vm, id);
            }
            "channel" => {
                let _ = sched.spawn(vm, feed, vec![item, Value::Int(5)]);
            }
            "generator" | "iterator" | "list" | "tuple" | "dict" | "set" => {
                if let Ok(mut st) = vm.start_call(drain, vec![item, Value::Int(50)]) {
                    run_bounded(vm, &mut st, 20_000);
                }
            }
            "function" | "method" | "builtin_function" => {
                if let Ok(mut st) = vm.start_call(call_with, vec![item, Value::Int(3)]) {
                    run_bounded(vm, &mut st, 20_000);
                }
            }
            _ => {}
        }
    }
    if sched.enter_run(vm, 0) {
        for _ in 0..4 {
            if !matches!(sched.run(vm, 5_000), brine_sched::SchedOutcome::BudgetSpent) {
                break;
            }
        }
    }
    vm.collect_garbage(&ExecState::default());
    vm.roots.pop();
}
