//! The `stackless` module: its functions, its classes, and installing it
//! in a VM.

use brine_vm::{Args, ExcKind, ExecState, NativeDef, NativeKind, ObjId, Then, Value, Vm, R};

use crate::error::Error;
use crate::state::{
    can_block, current, pick_next, sched, sched_ref, set_resume, switch, tasklet, tasklet_mut,
    unlink, Sched, SchedTypes, Watchdog,
};
use crate::tasklet::{Place, Resume, Tasklet};

/// The module's Python part.
const PY_SOURCE: &str = include_str!("stackless.py");

/// The id `threading.get_ident()` would give the one thread.
pub(crate) const THREAD_ID: i64 = 1;

/// `PICKLEFLAGS_*` constants: bits 0 to 3.
const PICKLEFLAGS: [(&str, i64); 4] = [
    ("PICKLEFLAGS_PRESERVE_TRACING_STATE", 1),
    ("PICKLEFLAGS_PRESERVE_AG_FINALIZER", 2),
    ("PICKLEFLAGS_RESET_AG_FINALIZER", 4),
    ("PICKLEFLAGS_PICKLE_CONTEXT", 8),
];

const fn def(name: &'static str, f: brine_vm::native::NativeFn) -> NativeDef {
    NativeDef {
        name,
        kind: NativeKind::Function,
        f,
    }
}

const FUNCTIONS: &[NativeDef] = &[
    def("stackless.getcurrent", getcurrent),
    def("stackless.getmain", getmain),
    def("stackless.getruncount", getruncount),
    def("stackless.schedule", schedule),
    def("stackless.schedule_remove", schedule_remove),
    def("stackless.run", run),
    def("stackless.set_schedule_callback", set_schedule_callback),
    def("stackless.get_schedule_callback", get_schedule_callback),
    def("stackless.set_channel_callback", set_channel_callback),
    def("stackless.get_channel_callback", get_channel_callback),
    def("stackless.enable_softswitch", enable_softswitch),
    def("stackless.getthreads", getthreads),
    def("stackless.get_thread_info", get_thread_info),
    def("stackless.switch_trap", switch_trap),
    def("stackless.pickle_flags", pickle_flags),
    def("stackless.pickle_flags_default", pickle_flags_default),
    def("stackless.__getattr__", module_getattr),
    def("stackless._traceback", traceback_text),
    def("stackless._callback_done", callback_done),
    def("stackless.set_error_handler", set_error_handler),
];

/// Install the module in `vm`: its classes, a main tasklet that is
/// current, and `sys.modules['stackless']`.
pub(crate) fn install(vm: &mut Vm) -> Result<(), Error> {
    let system_exit = vm.types.exc(ExcKind::SystemExit);
    let tasklet_exit = vm.new_host_class("builtins", "TaskletExit", vec![system_exit]);
    let types = SchedTypes {
        tasklet: crate::tasklet_methods::make_class(vm),
        channel: crate::channel_methods::make_class(vm),
        tasklet_exit,
    };
    let main = vm.alloc_host(types.tasklet, Box::new(Tasklet::new()));
    if let Some(t) = vm.host_mut::<Tasklet>(main) {
        t.is_main = true;
        t.place = Place::RunQueue;
    }
    vm.host_state = Some(Box::new(Sched {
        main,
        current: main,
        runq: std::iter::once(main).collect(),
        watchdogs: Vec::new(),
        types,
        py_attrs: Vec::new(),
        schedule_callback: Value::None,
        channel_callback: Value::None,
        error_handler: Value::None,
        switch_trap: 0,
        pickle_flags: 0,
        pickle_flags_default: 0,
        callback_current: None,
    }));
    let module = vm.new_module("stackless", None);
    let dict = vm.module_dict(module).ok_or(Error::NotInstalled)?;
    for d in FUNCTIONS {
        let id = vm.register_native(*d);
        let f = vm.alloc(brine_vm::Obj::Native {
            id,
            self_: Value::Undef,
        });
        let short = d.name.rsplit('.').next().unwrap_or(d.name);
        vm.dict_set_str(dict, short, f);
    }
    vm.dict_set_str(dict, "tasklet", Value::Obj(types.tasklet));
    vm.dict_set_str(dict, "channel", Value::Obj(types.channel));
    vm.dict_set_str(dict, "TaskletExit", Value::Obj(tasklet_exit));
    vm.dict_set_str(vm.builtins, "TaskletExit", Value::Obj(tasklet_exit));
    for (name, bit) in PICKLEFLAGS {
        vm.dict_set_str(dict, name, Value::Int(bit));
    }
    run_python_part(vm, module)?;
    for (helper, cls, attr) in [
        ("_send_sequence", types.channel, "send_sequence"),
        ("_send_exception", types.channel, "send_exception"),
        ("_send_throw", types.channel, "send_throw"),
        ("_throw", types.tasklet, "throw"),
        ("_raise_exception", types.tasklet, "raise_exception"),
        ("_kill", types.tasklet, "kill"),
        ("_set_context", types.tasklet, "set_context"),
        ("_context_run", types.tasklet, "context_run"),
        ("_context_id", types.tasklet, "context_id"),
    ] {
        if let Some(f) = vm.dict_get_str(dict, helper) {
            vm.class_set(cls, attr, f);
        }
    }
    vm.dict_set_str(vm.modules, "stackless", Value::Obj(module));
    let extension = vm.new_module("_stackless", None);
    let extension_dict = vm.module_dict(extension).ok_or(Error::NotInstalled)?;
    for name in ["tasklet", "channel", "TaskletExit"] {
        if let Some(v) = vm.dict_get_str(dict, name) {
            vm.dict_set_str(extension_dict, name, v);
        }
    }
    vm.dict_set_str(vm.modules, "_stackless", Value::Obj(extension));
    for helper in ["_channel_action", "_schedule_callback", "_error_handler"] {
        let f = vm.dict_get_str(dict, helper).unwrap_or(Value::None);
        if let Ok(s) = sched(vm) {
            s.py_attrs.push((helper.into(), f));
        }
    }
    Ok(())
}

/// Run the module's Python part in its namespace.
fn run_python_part(vm: &mut Vm, module: ObjId) -> Result<(), Error> {
    vm.run_builtin_source(module, PY_SOURCE, "<brine stackless>")
        .map_err(|e| match e {
            brine_vm::BuiltinSourceError::NoCompiler => Error::NoCompiler,
            e => Error::Boot(e.to_string()),
        })
}

/// A Python helper of the module, by name.
pub(crate) fn py_attr(vm: &Vm, name: &str) -> Value {
    sched_ref(vm)
        .and_then(|s| s.py_attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v))
        .unwrap_or(Value::None)
}

/// Make a tasklet calling `func(*args)` and append it to the run queue.
pub(crate) fn spawn(vm: &mut Vm, func: Value, args: Vec<Value>) -> Option<ObjId> {
    let cls = sched_ref(vm)?.types.tasklet;
    let mut fresh = Tasklet::new();
    fresh.context = vm.context;
    let t = vm.alloc_host(cls, Box::new(fresh));
    let args = vm.new_tuple(args);
    let state = vm.start_call_kw(func, args, Value::None).ok()?;
    if let Some(x) = tasklet_mut(vm, t) {
        *x.state = state;
        x.alive = true;
    }
    crate::state::insert_last(vm, t);
    Some(t)
}

/// Whether `exc` is a `TaskletExit` (which, uncaught in main, is reported
/// like any error rather than ending the program quietly as its base
/// `SystemExit` would).
pub fn is_tasklet_exit(vm: &Vm, exc: Value) -> bool {
    match sched_ref(vm) {
        Some(s) => vm.isinstance(exc, s.types.tasklet_exit),
        None => false,
    }
}

/// Make the current tasklet a watchdog waiting in `run()`, and the next
/// runnable one current. `false` (and nothing changed) when no other
/// tasklet is runnable.
pub(crate) fn enter_watchdog(vm: &mut Vm, timeout: u64, soft: bool, total: bool) -> bool {
    let Some(s) = sched_ref(vm) else {
        return false;
    };
    let cur = s.current;
    if !s.runq.iter().any(|t| *t != cur) {
        return false;
    }
    let timed = s.watchdogs.iter().any(|w| w.timeout > 0);
    unlink(vm, cur);
    let started = vm.executed;
    if let Ok(s) = sched(vm) {
        s.watchdogs.push(Watchdog {
            tasklet: cur,
            timeout: if timed { 0 } else { timeout },
            soft,
            total,
            started,
        });
    }
    if let Some(t) = tasklet_mut(vm, cur) {
        t.place = Place::Watchdog;
        t.tempval = Value::None;
        t.resume = Resume::Value;
    }
    pick_next(vm)
}

/// Before a switched-in tasklet runs on: call the schedule callback, if
/// one is set, as a frame on top of its stack.
pub(crate) fn push_schedule_callback(
    vm: &mut Vm,
    st: &mut ExecState,
    cb: Value,
    prev: Option<ObjId>,
    resume: Resume,
    tempval: Value,
) {
    let Some(s) = sched_ref(vm) else { return };
    let next = Value::Obj(s.current);
    let prev = prev.map(Value::Obj).unwrap_or(Value::None);
    // Through the module's helper, which reports an error in the callback
    // instead of raising it in the tasklet, ends the callback's view of
    // `getcurrent()` as the previous tasklet, and then returns (or raises)
    // what the tasklet resumes with, as the call that switched it out.
    if let (Some(p), Ok(s)) = (prev.obj(), sched(vm)) {
        s.callback_current = Some(p);
    }
    let helper = py_attr(vm, "_schedule_callback");
    let (mode, value, then) = match resume {
        Resume::Continue => (0, Value::None, Then::Discard),
        Resume::Value => (1, tempval, st.pending.take().unwrap_or(Then::Push)),
        Resume::Throw(e) => (2, e, st.pending.take().unwrap_or(Then::Push)),
    };
    let args = vec![cb, prev, next, Value::Int(mode), value];
    let _ = vm.call(st, helper, Args::new(args), then);
}

/// A tasklet ended, none is runnable, there is no watchdog, and main is
/// blocked on a channel: main gets Stackless's error for that, raised
/// where it blocked.
pub(crate) fn main_cannot_wake(vm: &mut Vm) {
    // The one to wake is the innermost watchdog, or main; Stackless's
    // message names main either way.
    let Some(main) = crate::state::wakeup(vm) else {
        return;
    };
    let msg = match tasklet(vm, main).map(|t| t.place) {
        Some(Place::Channel { dir, .. }) if dir < 0 => {
            "the main tasklet is receiving without a sender available."
        }
        _ => "the main tasklet is sending without a receiver available.",
    };
    let e = vm.new_exc(ExcKind::RuntimeError, msg);
    set_resume(vm, main, Value::None, Resume::Throw(e));
    crate::state::switch_to(vm, main);
}

/// If `t` is the running tasklet, no longer atomic, and the hard watchdog's
/// time ran out while it could not be interrupted: take it out of the run
/// queue and wake that watchdog with it (its `run()` returns `t`).
/// Returns whether that happened; the caller then switches.
pub(crate) fn interrupt_pending(vm: &mut Vm, t: ObjId) -> bool {
    let Some(s) = sched_ref(vm) else {
        return false;
    };
    let Some(w) = s.watchdogs.iter().find(|w| w.timeout > 0).copied() else {
        return false;
    };
    let ready = s.current == t
        && s.switch_trap == 0
        && !w.soft
        && tasklet(vm, t).is_some_and(|x| x.pending_irq && !x.atomic);
    if !ready {
        return false;
    }
    if let Some(x) = tasklet_mut(vm, t) {
        x.pending_irq = false;
    }
    unlink(vm, t);
    crate::state::wake_watchdog(vm, w.tasklet, Value::Obj(t), Resume::Value);
    true
}

/// The error of a switch while `switch_trap` is set.
pub(crate) const SWITCH_TRAPPED: &str = "switch_trap";

/// The error of a tasklet that would block with nothing left to run.
pub(crate) const DEADLOCK: &str = "Deadlock: the last runnable tasklet cannot be blocked.";

/// A flag given as a bool or an int, as Stackless's setters take it; a
/// `TypeError` with `msg` otherwise.
pub(crate) fn int_flag(vm: &mut Vm, v: Option<Value>, msg: &str) -> R<bool> {
    match v {
        Some(Value::Bool(b)) => Ok(b),
        Some(Value::Int(i)) => Ok(i != 0),
        _ => vm.fail(ExcKind::TypeError, msg),
    }
}

/// A true-or-false argument (absent: `default`).
pub(crate) fn flag(v: Value, default: bool) -> bool {
    match v {
        Value::Undef => default,
        Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(f) => f != 0.0,
        _ => true,
    }
}

fn getcurrent(vm: &mut Vm, _: Args) -> R<Value> {
    let s = sched(vm)?;
    Ok(Value::Obj(s.callback_current.unwrap_or(s.current)))
}

/// `_callback_done()`: the schedule callback returned.
fn callback_done(vm: &mut Vm, _: Args) -> R<Value> {
    sched(vm)?.callback_current = None;
    Ok(Value::None)
}

fn getmain(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Obj(sched(vm)?.main))
}

fn getruncount(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Int(sched(vm)?.runq.len() as i64))
}

/// Fail when `switch_trap` forbids switching.
pub(crate) fn check_switch_trap(vm: &mut Vm) -> R<()> {
    if sched(vm)?.switch_trap != 0 {
        return vm.fail(ExcKind::RuntimeError, SWITCH_TRAPPED);
    }
    Ok(())
}

fn schedule(vm: &mut Vm, args: Args) -> R<Value> {
    let a = vm.bind_params("schedule", &args, &["retval"])?;
    let cur = sched(vm)?.current;
    let retval = if a[0].is_undef() {
        Value::Obj(cur)
    } else {
        a[0]
    };
    let s = sched(vm)?;
    if s.runq.len() <= 1 || s.runq.front() != Some(&cur) {
        return Ok(retval);
    }
    check_switch_trap(vm)?;
    let s = sched(vm)?;
    s.runq.rotate_left(1);
    if let Some(&next) = s.runq.front() {
        s.current = next;
    }
    set_resume(vm, cur, retval, Resume::Value);
    Err(switch())
}

fn schedule_remove(vm: &mut Vm, args: Args) -> R<Value> {
    let a = vm.bind_params("schedule_remove", &args, &["retval"])?;
    let cur = sched(vm)?.current;
    let retval = if a[0].is_undef() {
        Value::Obj(cur)
    } else {
        a[0]
    };
    if !can_block(vm, cur) {
        // Nothing else can run: main alone wakes itself at once; any other
        // tasklet would leave a blocked main stranded, so it is a deadlock.
        if sched(vm)?.main == cur {
            return Ok(retval);
        }
        return vm.fail(ExcKind::RuntimeError, DEADLOCK);
    }
    check_switch_trap(vm)?;
    unlink(vm, cur);
    set_resume(vm, cur, retval, Resume::Value);
    pick_next(vm);
    Err(switch())
}

fn run(vm: &mut Vm, args: Args) -> R<Value> {
    let a = vm.bind_params(
        "run",
        &args,
        &[
            "timeout",
            "threadblock",
            "soft",
            "ignore_nesting",
            "totaltimeout",
        ],
    )?;
    let timeout = match a[0] {
        Value::Undef | Value::None => 0,
        v => vm.int_arg(v, "")?.max(0) as u64,
    };
    let (soft, total) = (flag(a[2], false), flag(a[4], false));
    check_switch_trap(vm)?;
    if !enter_watchdog(vm, timeout, soft, total) {
        return Ok(Value::None);
    }
    Err(switch())
}

/// A callback argument: `None` or a callable.
fn callback_arg(vm: &mut Vm, args: &Args, what: &str) -> R<Value> {
    vm.arity(&format!("set_{what}_callback"), args, 1, 1)?;
    let cb = args.pos[0];
    if cb != Value::None && !vm.is_callable(cb) {
        return vm.fail(
            ExcKind::TypeError,
            format!("{what} callback must be callable"),
        );
    }
    Ok(cb)
}

fn set_schedule_callback(vm: &mut Vm, args: Args) -> R<Value> {
    let cb = callback_arg(vm, &args, "schedule")?;
    let s = sched(vm)?;
    Ok(std::mem::replace(&mut s.schedule_callback, cb))
}

fn get_schedule_callback(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(sched(vm)?.schedule_callback)
}

fn set_channel_callback(vm: &mut Vm, args: Args) -> R<Value> {
    let cb = callback_arg(vm, &args, "channel")?;
    let s = sched(vm)?;
    Ok(std::mem::replace(&mut s.channel_callback, cb))
}

fn set_error_handler(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("set_error_handler", &args, 0, 1)?;
    let handler = args.pos.first().copied().unwrap_or(Value::None);
    let s = sched(vm)?;
    Ok(std::mem::replace(&mut s.error_handler, handler))
}

/// When `t` (not main) ends with `exc` and an error handler is set, the
/// frames that call the handler in `t`, which then runs on; `None` when
/// the exception goes on to main as usual.
pub(crate) fn error_handler_frames(vm: &mut Vm, t: ObjId, exc: Value) -> Option<ExecState> {
    let handler = sched_ref(vm)?.error_handler;
    let x = tasklet(vm, t)?;
    if handler == Value::None || x.is_main || x.in_error_handler {
        return None;
    }
    let helper = py_attr(vm, "_error_handler");
    let state = vm.start_call(helper, vec![handler, exc]).ok()?;
    if let Some(x) = tasklet_mut(vm, t) {
        x.in_error_handler = true;
    }
    Some(state)
}

fn get_channel_callback(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(sched(vm)?.channel_callback)
}

fn enable_softswitch(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("enable_softswitch", &args, 1, 1)?;
    Ok(Value::Bool(true))
}

fn getthreads(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(vm.new_list(vec![Value::Int(THREAD_ID)]))
}

fn get_thread_info(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("get_thread_info", &args, 0, 1)?;
    let s = sched(vm)?;
    let (main, cur, n) = (s.main, s.current, s.runq.len() as i64);
    Ok(vm.new_tuple(vec![Value::Obj(main), Value::Obj(cur), Value::Int(n)]))
}

fn switch_trap(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("switch_trap", &args, 0, 1)?;
    let delta = match args.pos.first() {
        Some(v) => vm.int_arg(*v, "")?,
        None => 0,
    };
    let s = sched(vm)?;
    let old = s.switch_trap;
    s.switch_trap += delta;
    Ok(Value::Int(old))
}

/// `pickle_flags` and `pickle_flags_default`: read, and set the bits of `mask`.
fn flags_update(vm: &mut Vm, args: &Args, name: &str, default: bool) -> R<Value> {
    let a = vm.bind_params(name, args, &["new_flags", "mask"])?;
    let get = |vm: &mut Vm, v: Value| -> R<i64> {
        match v {
            Value::Undef => Ok(-1),
            v => vm.int_arg(v, ""),
        }
    };
    let (new, mask) = (get(vm, a[0])?, get(vm, a[1])?);
    // Stackless checks only the bits the mask lets through.
    if new != -1 && new & !15 & mask != 0 {
        return vm.fail(
            ExcKind::ValueError,
            "you must not set an undefined pickle-flag",
        );
    }
    let s = sched(vm)?;
    let slot = if default {
        &mut s.pickle_flags_default
    } else {
        &mut s.pickle_flags
    };
    let old = *slot;
    if new != -1 {
        let mask = if mask == -1 { 15 } else { mask & 15 };
        *slot = (old & !mask) | (new & mask);
    }
    Ok(Value::Int(old))
}

fn pickle_flags(vm: &mut Vm, args: Args) -> R<Value> {
    flags_update(vm, &args, "pickle_flags", false)
}

fn pickle_flags_default(vm: &mut Vm, args: Args) -> R<Value> {
    flags_update(vm, &args, "pickle_flags_default", true)
}

/// `_traceback(exc)`: the traceback part of an exception's report, for
/// reporting errors Stackless ignores.
fn traceback_text(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_traceback", &args, 1, 1)?;
    let text = vm.format_traceback(args.pos[0]);
    Ok(vm.new_string(text))
}

fn module_getattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__getattr__", &args, 1, 1)?;
    let name = vm.text(args.pos[0]).to_string();
    match name.as_str() {
        "current" => getcurrent(vm, Args::default()),
        "main" => getmain(vm, Args::default()),
        "runcount" => getruncount(vm, Args::default()),
        "threads" => getthreads(vm, Args::default()),
        "pickle_with_tracing_state" => {
            let f = sched(vm)?.pickle_flags;
            Ok(Value::Bool(f & 1 != 0))
        }
        _ => vm.fail(
            ExcKind::AttributeError,
            format!("module 'stackless' has no attribute '{name}'"),
        ),
    }
}

/// The current tasklet, as a helper for methods.
pub(crate) fn cur(vm: &mut Vm) -> R<ObjId> {
    match current(vm) {
        Some(c) => Ok(c),
        None => vm.fail(ExcKind::SystemError, "the scheduler is not installed"),
    }
}
