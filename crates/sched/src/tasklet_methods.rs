//! `stackless.tasklet`: making, binding, scheduling and inspecting tasklets.

use brine_vm::{Args, ExcKind, NativeDef, ObjId, Value, Vm, R};

use crate::class::{function, method, new_object, read_only, read_write, self_of, Property};

use crate::module::{check_switch_trap, cur, flag, int_flag, THREAD_ID};
use crate::state::{
    channel, insert_last, make_current, sched, set_resume, switch, tasklet, tasklet_mut, unlink,
};
use crate::tasklet::{Place, Resume, Tasklet};

const METHODS: &[NativeDef] = &[
    function("stackless.tasklet.__new__", new),
    method("stackless.tasklet.__init__", init),
    method("stackless.tasklet.bind", bind),
    method("stackless.tasklet.setup", setup),
    method("stackless.tasklet.__call__", setup),
    method("stackless.tasklet.insert", insert),
    method("stackless.tasklet.remove", remove),
    method("stackless.tasklet.run", run),
    method("stackless.tasklet.switch", switch_to),
    method("stackless.tasklet._throw_exc", throw_exc),
    method("stackless.tasklet.set_atomic", set_atomic),
    method("stackless.tasklet.set_ignore_nesting", set_ignore_nesting),
    method("stackless.tasklet.bind_thread", bind_thread),
    method("stackless.tasklet.__reduce__", reduce),
    method("stackless.tasklet.__reduce_ex__", reduce),
    method("stackless.tasklet.__setstate__", setstate),
    method("stackless.tasklet._get_context", get_context),
    method("stackless.tasklet._put_context", put_context),
];

const PROPERTIES: &[Property] = &[
    read_only("alive", "stackless.tasklet.alive", alive),
    read_only("paused", "stackless.tasklet.paused", paused),
    read_only("blocked", "stackless.tasklet.blocked", blocked),
    read_only("scheduled", "stackless.tasklet.scheduled", scheduled),
    read_only("restorable", "stackless.tasklet.restorable", restorable),
    read_only("atomic", "stackless.tasklet.atomic", atomic),
    read_write(
        "block_trap",
        (
            "stackless.tasklet.block_trap",
            "stackless.tasklet.block_trap.__set__",
        ),
        block_trap,
        set_block_trap,
    ),
    read_only(
        "ignore_nesting",
        "stackless.tasklet.ignore_nesting",
        ignore_nesting,
    ),
    read_only("is_current", "stackless.tasklet.is_current", is_current),
    read_only("is_main", "stackless.tasklet.is_main", is_main),
    read_only("next", "stackless.tasklet.next", next),
    read_only("prev", "stackless.tasklet.prev", prev),
    read_only("frame", "stackless.tasklet.frame", frame),
    read_write(
        "tempval",
        (
            "stackless.tasklet.tempval",
            "stackless.tasklet.tempval.__set__",
        ),
        tempval,
        set_tempval,
    ),
    read_only("nesting_level", "stackless.tasklet.nesting_level", zero),
    read_only(
        "recursion_depth",
        "stackless.tasklet.recursion_depth",
        recursion_depth,
    ),
    read_only("thread_id", "stackless.tasklet.thread_id", thread_id),
    read_only("trace_function", "stackless.tasklet.trace_function", none),
    read_only(
        "profile_function",
        "stackless.tasklet.profile_function",
        none,
    ),
];

/// Make the `tasklet` class.
pub(crate) fn make_class(vm: &mut Vm) -> ObjId {
    crate::class::make_class(vm, "tasklet", METHODS, PROPERTIES)
}

/// The tasklet `self` of a method call.
fn this(vm: &mut Vm, args: &Args) -> R<ObjId> {
    self_of(vm, args, "tasklet", |vm, id| tasklet(vm, id).is_some())
}

fn new(vm: &mut Vm, args: Args) -> R<Value> {
    let exact = sched(vm)?.types.tasklet;
    let mut fresh = Tasklet::new();
    // A tasklet shares the context of the code that makes it.
    fresh.context = vm.context;
    let (obj, cls) = new_object(vm, &args, exact, "tasklet", Box::new(fresh))?;
    // Built-in `__init__` is not called on instances: bind here, unless a
    // subclass's own `__init__` will.
    let own_init =
        vm.lookup(cls, &Vm::key_of("__init__")) != vm.lookup(exact, &Vm::key_of("__init__"));
    if !own_init {
        let mut a = args;
        a.pos[0] = obj;
        init(vm, a)?;
    }
    Ok(obj)
}

fn init(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: args.kw,
    };
    let a = vm.bind_params("tasklet", &rest, &["func", "args", "kwargs"])?;
    do_bind(vm, t, a[0], a[1], a[2])?;
    Ok(Value::None)
}

fn bind(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let rest = Args {
        pos: args.pos[1..].to_vec(),
        kw: args.kw,
    };
    let a = vm.bind_params("bind", &rest, &["func", "args", "kwargs"])?;
    do_bind(vm, t, a[0], a[1], a[2])?;
    Ok(Value::Obj(t))
}

/// `bind(func, args, kwargs)`: all absent or `None` unbinds; `func` alone
/// binds the callable; arguments make the frames (the tasklet is then
/// alive and paused).
fn do_bind(vm: &mut Vm, t: ObjId, func: Value, args: Value, kwargs: Value) -> R<()> {
    let absent = |v: Value| matches!(v, Value::Undef | Value::None);
    if !absent(func) && !vm.is_callable(func) {
        return vm.fail(
            ExcKind::TypeError,
            "tasklet function must be a callable or None",
        );
    }
    let x = tasklet(vm, t).map(Tasklet::header).unwrap_or_default();
    if x.running || sched(vm)?.current == t {
        return vm.fail(ExcKind::RuntimeError, "can't (re)bind the current tasklet");
    }
    if x.scheduled() {
        return vm.fail(ExcKind::RuntimeError, "tasklet is scheduled");
    }
    // Stackless's run() switches with the C stack: a tasklet waiting in it
    // cannot be rebound.
    if sched(vm)?.watchdogs.iter().any(|w| w.tasklet == t) {
        return vm.fail(ExcKind::RuntimeError, "tasklet has C state on its stack");
    }
    if x.is_main && absent(args) && absent(kwargs) {
        return vm.fail(ExcKind::RuntimeError, "can't unbind the main tasklet");
    }
    // Until arguments come, the callable waits in `tempval`, as in Stackless.
    if absent(args) && absent(kwargs) {
        if let Some(x) = tasklet_mut(vm, t) {
            *x.state = Default::default();
            x.alive = false;
            x.tempval = if absent(func) { Value::None } else { func };
            x.resume = Resume::Continue;
        }
        return Ok(());
    }
    let func = if absent(func) { x.tempval } else { func };
    if func == Value::None {
        return vm.fail(
            ExcKind::RuntimeError,
            "the tasklet was not bound to a function",
        );
    }
    let args = if absent(args) {
        vm.new_tuple(Vec::new())
    } else {
        let items = vm.collect_native(args)?;
        vm.new_tuple(items)
    };
    let kwargs = if absent(kwargs) { Value::None } else { kwargs };
    let state = vm.start_call_kw(func, args, kwargs)?;
    if let Some(x) = tasklet_mut(vm, t) {
        *x.state = state;
        x.alive = true;
        x.tempval = Value::None;
        x.resume = Resume::Continue;
    }
    Ok(())
}

fn setup(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    if tasklet(vm, t).is_some_and(|x| x.alive) {
        return vm.fail(ExcKind::RuntimeError, "tasklet is alive");
    }
    let pos = vm.new_tuple(args.pos[1..].to_vec());
    let kw = if args.kw.is_empty() {
        Value::None
    } else {
        let kw = vm.new_dict();
        for (k, v) in &args.kw {
            let key = vm.text(*k).to_string();
            vm.dict_set_str(kw, &key, *v);
        }
        Value::Obj(kw)
    };
    do_bind(vm, t, Value::None, pos, kw)?;
    insert_last(vm, t);
    Ok(Value::Obj(t))
}

/// Fail unless `t` could run: alive and not blocked on a channel.
fn check_runnable(vm: &mut Vm, t: ObjId, what: &str) -> R<()> {
    let x = tasklet(vm, t).map(Tasklet::header).unwrap_or_default();
    if !x.alive && !x.running {
        return vm.fail(
            ExcKind::RuntimeError,
            format!("You cannot {what} an unbound(dead) tasklet"),
        );
    }
    if x.blocked() {
        return vm.fail(
            ExcKind::RuntimeError,
            format!("You cannot {what} a blocked tasklet"),
        );
    }
    Ok(())
}

fn insert(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    check_runnable(vm, t, "run")?;
    if tasklet(vm, t).is_some_and(|x| x.place != Place::RunQueue) {
        unlink(vm, t);
        insert_last(vm, t);
    }
    Ok(Value::Obj(t))
}

fn remove(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    if tasklet(vm, t).is_some_and(|x| x.blocked()) {
        return vm.fail(
            ExcKind::RuntimeError,
            "You cannot remove a blocked tasklet.",
        );
    }
    if sched(vm)?.current == t {
        return vm.fail(
            ExcKind::RuntimeError,
            "The current tasklet cannot be removed.",
        );
    }
    if tasklet(vm, t).is_some_and(|x| x.place == Place::RunQueue) {
        unlink(vm, t);
    }
    Ok(Value::Obj(t))
}

/// How a tasklet is made to run at once.
#[derive(Clone, Copy, PartialEq)]
enum RunNow {
    /// `run()` and `throw()`: a scheduled tasklet's turn comes now (the
    /// queue turns to it); one that is blocked or in no chain goes just
    /// before the caller.
    Run,
    /// `switch()`: as `Run`, and the caller leaves the run queue.
    Switch,
}

/// Make `t` current at once. The caller's call returns `None` when it runs again.
fn run_now(vm: &mut Vm, t: ObjId, how: RunNow) -> R<Value> {
    let me = cur(vm)?;
    if t == me {
        return Ok(Value::None);
    }
    check_switch_trap(vm)?;
    set_resume(vm, me, Value::None, Resume::Value);
    if how == RunNow::Switch {
        unlink(vm, me);
    }
    let in_queue = tasklet(vm, t).is_some_and(|x| x.place == Place::RunQueue);
    if in_queue {
        let s = sched(vm)?;
        while s.runq.front().is_some_and(|f| *f != t) {
            s.runq.rotate_left(1);
        }
        s.current = t;
    } else {
        make_current(vm, t);
    }
    Err(switch())
}

fn run(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    check_runnable(vm, t, "run")?;
    run_now(vm, t, RunNow::Run)
}

fn switch_to(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    check_runnable(vm, t, "run")?;
    run_now(vm, t, RunNow::Switch)
}

/// `_throw_exc(exc, pending)`: raise the exception instance `exc` in the
/// tasklet, unblocking it; at once, or when it next runs (`pending`).
fn throw_exc(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    vm.arity_m("_throw_exc", &args, 3, 3)?;
    let (exc, pending) = (args.pos[1], flag(args.pos[2], false));
    let x = tasklet(vm, t).map(Tasklet::header).unwrap_or_default();
    if !x.alive && !x.running {
        if crate::module::is_tasklet_exit(vm, exc) {
            return Ok(Value::None);
        }
        return vm.fail(ExcKind::RuntimeError, "You cannot throw to a dead tasklet");
    }
    if cur(vm)? == t {
        return Err(brine_vm::Ctl::Raise(exc));
    }
    if x.blocked() {
        unlink(vm, t);
    }
    set_resume(vm, t, Value::None, Resume::Throw(exc));
    if pending {
        if tasklet(vm, t).is_some_and(|x| x.place != Place::RunQueue) {
            unlink(vm, t);
            insert_last(vm, t);
        }
        return Ok(Value::None);
    }
    run_now(vm, t, RunNow::Run)
}

/// `set_atomic(flag)` and `set_ignore_nesting(flag)`: set one of the
/// tasklet's flags from a bool or int, returning the old value.
fn swap_flag(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    field: fn(&mut Tasklet) -> &mut bool,
) -> R<Value> {
    let t = this(vm, args)?;
    let msg = format!("{name} needs exactly one bool or integer");
    if args.pos.len() != 2 {
        return vm.fail(ExcKind::TypeError, msg);
    }
    let new = int_flag(vm, args.pos.get(1).copied(), &msg)?;
    let old = tasklet_mut(vm, t).map(|x| std::mem::replace(field(x), new));
    Ok(Value::Bool(old.unwrap_or(false)))
}

fn set_atomic(vm: &mut Vm, args: Args) -> R<Value> {
    let old = swap_flag(vm, &args, "set_atomic", |t| &mut t.atomic)?;
    // Leaving an atomic block with the watchdog's time spent: the
    // interrupt that waited happens now.
    let t = this(vm, &args)?;
    if crate::module::interrupt_pending(vm, t) {
        set_resume(vm, t, old, Resume::Value);
        return Err(switch());
    }
    Ok(old)
}

/// `_get_context()`: the tasklet's context (the VM's current one if it runs).
fn get_context(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    if sched(vm)?.current == t {
        return Ok(vm.context);
    }
    Ok(tasklet(vm, t).map_or(Value::None, |x| x.context))
}

/// `_put_context(ctx)`: make `ctx` the tasklet's context (and the VM's
/// current one if it runs).
fn put_context(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    vm.arity_m("_put_context", &args, 2, 2)?;
    let ctx = args.pos[1];
    if sched(vm)?.current == t {
        vm.context = ctx;
    } else if let Some(x) = tasklet_mut(vm, t) {
        x.context = ctx;
    }
    Ok(Value::None)
}

fn set_ignore_nesting(vm: &mut Vm, args: Args) -> R<Value> {
    swap_flag(vm, &args, "set_ignore_nesting", |t| &mut t.ignore_nesting)
}

fn bind_thread(vm: &mut Vm, args: Args) -> R<Value> {
    this(vm, &args)?;
    vm.arity_m("bind_thread", &args, 1, 2)?;
    Ok(Value::None)
}

/// A property getter's tasklet and its state.
fn get(vm: &mut Vm, args: &Args) -> R<(ObjId, Tasklet)> {
    let t = this(vm, args)?;
    let x = tasklet(vm, t).map(Tasklet::header).unwrap_or_default();
    Ok((t, x))
}

fn alive(vm: &mut Vm, args: Args) -> R<Value> {
    let (t, x) = get(vm, &args)?;
    // During the schedule callback the tasklet switched from is current,
    // even one that has just ended.
    let in_callback = sched(vm)?.callback_current == Some(t);
    Ok(Value::Bool(x.alive || x.running || in_callback))
}

fn paused(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.alive && !x.running && !x.scheduled()))
}

fn blocked(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.blocked()))
}

fn scheduled(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.scheduled()))
}

/// `__reduce__()` / `__reduce_ex__(protocol)`: `(type(self), (), state)`,
/// as Stackless returns; the state is the tasklet object that holds the
/// frames (which the pickler pickles natively), so a subclass can call
/// this, adjust the result, and pickle its own attributes with it.
fn reduce(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let state = vm.host_id(Value::Obj(t)).unwrap_or(t);
    let cls = Value::Obj(vm.type_of(Value::Obj(t)));
    let empty = vm.new_tuple(Vec::new());
    Ok(vm.new_tuple(vec![cls, empty, Value::Obj(state)]))
}

/// `__setstate__(state)`: take a copy of the frames and state of the
/// tasklet `__reduce__` gave as its state. Returns `self`, as in Stackless.
fn setstate(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let Some(state) = args.pos.get(1).copied() else {
        return vm.fail(
            ExcKind::TypeError,
            "__setstate__() takes exactly one argument (0 given)",
        );
    };
    let source = match state.obj() {
        Some(id) if tasklet(vm, id).is_some() => id,
        _ => {
            let n = vm.type_name(state).to_string();
            return vm.fail(
                ExcKind::TypeError,
                format!("tasklet state must be a tasklet, not {n}"),
            );
        }
    };
    if vm.host_id(Value::Obj(source)) == vm.host_id(Value::Obj(t)) {
        return Ok(Value::Obj(t));
    }
    if tasklet(vm, t).is_some_and(|x| x.alive) {
        return vm.fail(ExcKind::RuntimeError, "tasklet is alive");
    }
    let busy = tasklet(vm, source)
        .is_some_and(|x| x.running || matches!(x.place, Place::RunQueue | Place::Watchdog));
    if busy {
        return vm.fail(
            ExcKind::RuntimeError,
            "the state's tasklet is scheduled or running",
        );
    }
    let mut data = tasklet(vm, source).cloned().unwrap_or_default();
    data.running = false;
    // Blocked only if the channel's queue names this tasklet (a loaded
    // channel does); otherwise the copy waits to be inserted.
    if let Place::Channel { channel: c, .. } = data.place {
        if !channel(vm, c).is_some_and(|ch| ch.queue.contains(&t)) {
            data.place = Place::Nowhere;
        }
    }
    if let Some(x) = tasklet_mut(vm, t) {
        *x = data;
    }
    Ok(Value::Obj(t))
}

fn restorable(vm: &mut Vm, args: Args) -> R<Value> {
    get(vm, &args)?;
    Ok(Value::Bool(true))
}

fn atomic(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.atomic))
}

fn block_trap(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.block_trap))
}

fn set_block_trap(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let v = int_flag(
        vm,
        args.pos.get(1).copied(),
        "block_trap must be set to a bool or integer",
    )?;
    if let Some(x) = tasklet_mut(vm, t) {
        x.block_trap = v;
    }
    Ok(Value::None)
}

fn ignore_nesting(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.ignore_nesting))
}

fn is_current(vm: &mut Vm, args: Args) -> R<Value> {
    let (t, _) = get(vm, &args)?;
    Ok(Value::Bool(cur(vm)? == t))
}

fn is_main(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Bool(x.is_main))
}

/// The neighbour of `t` in its chain, `step` places on (the run queue is
/// a ring; a channel's queue is not).
fn neighbour(vm: &mut Vm, args: &Args, step: isize) -> R<Value> {
    let (t, x) = get(vm, args)?;
    let (ring, list): (bool, Vec<ObjId>) = match x.place {
        Place::RunQueue => (true, sched(vm)?.runq.iter().copied().collect()),
        Place::Channel { channel: c, .. } => (
            false,
            channel(vm, c)
                .map(|c| c.queue.iter().copied().collect())
                .unwrap_or_default(),
        ),
        _ => return Ok(Value::None),
    };
    let Some(i) = list.iter().position(|x| *x == t) else {
        return Ok(Value::None);
    };
    let n = list.len() as isize;
    let j = i as isize + step;
    if ring {
        return Ok(Value::Obj(list[j.rem_euclid(n) as usize]));
    }
    Ok(if (0..n).contains(&j) {
        Value::Obj(list[j as usize])
    } else {
        Value::None
    })
}

fn next(vm: &mut Vm, args: Args) -> R<Value> {
    neighbour(vm, &args, 1)
}

fn prev(vm: &mut Vm, args: Args) -> R<Value> {
    neighbour(vm, &args, -1)
}

/// The tasklet's newest frame, as a frame object (a snapshot); for the
/// running tasklet, the frame that asks, as `sys._getframe()` gives it.
fn frame(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    if cur(vm)? == t {
        let getframe = vm.native_value("sys._getframe");
        return Err(brine_vm::Ctl::tail_call(getframe, Vec::new()));
    }
    let frames = tasklet(vm, t)
        .map(|x| x.state.frames.clone())
        .unwrap_or_default();
    Ok(vm.frame_objects(&frames))
}

fn tempval(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(x.tempval)
}

fn set_tempval(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    let v = args.pos.get(1).copied().unwrap_or(Value::None);
    if let Some(x) = tasklet_mut(vm, t) {
        x.tempval = v;
    }
    Ok(Value::None)
}

fn zero(vm: &mut Vm, args: Args) -> R<Value> {
    get(vm, &args)?;
    Ok(Value::Int(0))
}

/// How many Python frames the tasklet has (the running one's are counted
/// where they are, in the scheduler loop).
fn recursion_depth(vm: &mut Vm, args: Args) -> R<Value> {
    let t = this(vm, &args)?;
    if cur(vm)? == t {
        let depth = vm.native_value("sys._depth");
        return Err(brine_vm::Ctl::tail_call(depth, Vec::new()));
    }
    let n = tasklet(vm, t).map_or(0, |x| {
        x.state
            .frames
            .iter()
            .filter(|f| f.code.code.flags & brine_vm::code::flags::HOST_CALL == 0)
            .count()
    });
    Ok(Value::Int(n as i64))
}

fn thread_id(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, x) = get(vm, &args)?;
    Ok(Value::Int(if x.alive || x.running || x.is_main {
        THREAD_ID
    } else {
        -1
    }))
}

fn none(vm: &mut Vm, args: Args) -> R<Value> {
    get(vm, &args)?;
    Ok(Value::None)
}
