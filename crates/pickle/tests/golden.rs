//! Golden pickles: the files committed under `tests/golden/` keep loading,
//! and give what they gave when they were written.
//!
//! Each file is a pickle of the state `SOURCE` makes, as module `golden`.
//! A change of the format that breaks them must be deliberate: bump
//! `FORMAT_VERSION` (they then fail with a version error) and write them
//! again with `BRINE_BLESS=1 cargo test -p brine-pickle --test golden`.

mod common;

use common::{dump, get};

use std::path::PathBuf;
use std::sync::Once;

use brine_pickle::{loads, Options, Registry};
use brine_sched::Scheduler;
use brine_vm::{ObjId, Value, Vm};

/// The module the golden pickles refer to. Changing it changes what they
/// hold: write them again.
const SOURCE: &str = r#"
import stackless

tree = {"ints": [0, -1, 2 ** 70], "float": 2.5, "text": ("é", b"\x00\xff"),
        "set": {3, 1, 2}, "nested": [[[]]], "none": None, "range": range(1, 9, 2)}

def make_counter(start):
    count = [start]
    def bump(step=1):
        count[0] += step
        return count[0]
    return bump

counter = make_counter(40)
counter()

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

gen = fib()
for _ in range(10):
    next(gen)

def count_into(out, n):
    for i in range(n):
        out.append(i * i)
    return n

def relay(ch, out):
    total = 0
    while True:
        x = ch.receive()
        total += x
        out.append(total)

def feed(ch, items):
    for x in items:
        ch.send(x)

def drain(it, n):
    return [next(it) for _ in range(n)]
"#;

/// The golden files' directory (`tests/golden/` at the repository's root).
fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

fn setup() -> (Vm, Scheduler, ObjId) {
    common::setup_with(SOURCE, "golden")
}

fn call(vm: &mut Vm, f: Value, args: Vec<Value>) -> Value {
    brine_pickle::call(vm, f, args).expect("calls")
}

fn repr(vm: &mut Vm, v: Value) -> String {
    vm.repr_native(v).expect("repr")
}

/// The golden pickles, by file name, made from a VM running `SOURCE`.
fn make() -> Vec<(&'static str, Vec<u8>)> {
    let (mut vm, mut sched, g) = setup();
    let mut out = Vec::new();
    for name in ["tree", "counter", "gen"] {
        let v = get(&vm, g, name);
        out.push((name, dump(&mut vm, v)));
    }
    // A tasklet interrupted in the middle of its loop, with its list.
    let list = vm.new_list(Vec::new());
    let count_into = get(&vm, g, "count_into");
    let t = sched
        .spawn(&mut vm, count_into, vec![list, Value::Int(500)])
        .expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 1_000).expect("runs"), Some(t));
    let pair = vm.new_tuple(vec![Value::Obj(t), list]);
    out.push(("tasklet", dump(&mut vm, pair)));
    // A tasklet blocked receiving on a channel, with what it received.
    let src = "import stackless\nch = stackless.channel()\nout = []\n";
    let ns = common::exec(&mut vm, src, "parked");
    let (ch, got) = (get(&vm, ns, "ch"), get(&vm, ns, "out"));
    let (relay, feed) = (get(&vm, g, "relay"), get(&vm, g, "feed"));
    let t = sched.spawn(&mut vm, relay, vec![ch, got]).expect("spawn");
    let items = vm.new_list(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
    sched.spawn(&mut vm, feed, vec![ch, items]).expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    let triple = vm.new_tuple(vec![Value::Obj(t), ch, got]);
    out.push(("channel", dump(&mut vm, triple)));
    out
}

/// With `BRINE_BLESS=1` (and only then), write the golden pickles again,
/// once, before any test reads them.
fn bless_if_asked() {
    static BLESS: Once = Once::new();
    BLESS.call_once(|| {
        if std::env::var_os("BRINE_BLESS").is_none_or(|v| v != "1") {
            return;
        }
        std::fs::create_dir_all(dir()).expect("a directory");
        for (name, bytes) in make() {
            std::fs::write(dir().join(format!("{name}.bin")), bytes).expect("written");
        }
    });
}

/// Load golden file `name` into a fresh VM.
fn load(name: &str) -> (Vm, Scheduler, ObjId, Value) {
    bless_if_asked();
    let path = dir().join(format!("{name}.bin"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut vm, sched, g) = setup();
    let v = loads(&mut vm, &Registry::new(), Options::default(), &bytes).unwrap_or_else(|e| {
        panic!(
            "{name}.bin no longer loads ({e}); if the format changed on purpose, \
             write the golden pickles again with BRINE_BLESS=1"
        )
    });
    (vm, sched, g, v)
}

/// The items of a loaded tuple.
fn items(vm: &Vm, v: Value) -> Vec<Value> {
    match vm.heap.get_obj(v) {
        Some(brine_vm::Obj::Tuple(t)) => t.clone(),
        _ => panic!("a tuple"),
    }
}

#[test]
fn the_value_tree_loads_as_it_was() {
    let (mut vm, _sched, _g, v) = load("tree");
    assert_eq!(
        repr(&mut vm, v),
        "{'ints': [0, -1, 1180591620717411303424], 'float': 2.5, 'text': ('é', b'\\x00\\xff'), \
         'set': {1, 2, 3}, 'nested': [[[]]], 'none': None, 'range': range(1, 9, 2)}"
    );
}

#[test]
fn the_closure_counts_on() {
    let (mut vm, _sched, _g, f) = load("counter");
    assert_eq!(call(&mut vm, f, vec![]), Value::Int(42));
    assert_eq!(call(&mut vm, f, vec![Value::Int(8)]), Value::Int(50));
}

#[test]
fn the_generator_goes_on_where_it_was() {
    let (mut vm, _sched, g, gen) = load("gen");
    let drain = get(&vm, g, "drain");
    let next = call(&mut vm, drain, vec![gen, Value::Int(5)]);
    assert_eq!(repr(&mut vm, next), "[55, 89, 144, 233, 377]");
}

#[test]
fn the_interrupted_tasklet_finishes_its_loop() {
    let (mut vm, mut sched, _g, pair) = load("tasklet");
    let [Value::Obj(t), list] = items(&vm, pair)[..] else {
        panic!("a tasklet and its list")
    };
    let Some(brine_vm::Obj::List(before)) = vm.heap.get_obj(list) else {
        panic!("a list")
    };
    let done = before.len();
    assert!(done > 0 && done < 500, "{done} items when interrupted");
    sched.insert(&mut vm, t).expect("insert");
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    let Some(brine_vm::Obj::List(after)) = vm.heap.get_obj(list) else {
        panic!("a list")
    };
    let want: Vec<Value> = (0..500).map(|i| Value::Int(i * i)).collect();
    assert_eq!(after, &want);
}

#[test]
fn the_blocked_tasklet_receives_on_the_loaded_channel() {
    let (mut vm, mut sched, g, triple) = load("channel");
    let [Value::Obj(_t), ch, got] = items(&vm, triple)[..] else {
        panic!("a tasklet, a channel and a list")
    };
    assert_eq!(repr(&mut vm, got), "[1, 3, 6]");
    let feed = get(&vm, g, "feed");
    let more = vm.new_list(vec![Value::Int(10), Value::Int(20)]);
    sched.spawn(&mut vm, feed, vec![ch, more]).expect("spawn");
    assert_eq!(sched.run_watchdog(&mut vm, 0).expect("runs"), None);
    assert_eq!(repr(&mut vm, got), "[1, 3, 6, 16, 36]");
}
