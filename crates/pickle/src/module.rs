//! The `pickle` and `copyreg` modules: Python's API over the native
//! pickler, and the registry scripts and hosts share.

use brine_sched::Sched;
use brine_vm::{Args, ExcKind, NativeDef, NativeKind, Obj, ObjId, Value, Vm, R};

use crate::dump::{DumpStep, Dumper};
use crate::error::Error;
use crate::load::{LoadStep, Loader};
use crate::options::Options;
use crate::registry::Registry;

const PICKLE_SOURCE: &str = include_str!("pickle.py");

/// The attributes of this crate's modules that are a running program's
/// state, `(module, attribute)`: the reducers `copyreg.pickle` registered.
/// A whole-program checkpoint keeps them.
pub const PROGRAM_STATE: [(&str, &str); 1] = [("copyreg", "dispatch_table")];
const COPYREG_SOURCE: &str = include_str!("copyreg.py");

/// A pickling or loading driven from Python, kept in a heap object between steps.
#[derive(Clone, Debug)]
pub(crate) enum Session {
    Dump(Box<Dumper>),
    Load(Box<Loader>),
    Spent,
}

impl brine_vm::HostData for Session {
    fn trace(&self, out: &mut Vec<ObjId>) {
        match self {
            Session::Dump(d) => d.trace(out),
            Session::Load(l) => l.trace(out),
            Session::Spent => {}
        }
    }
}

/// A pickling or loading in progress cannot itself be pickled: a program
/// is checkpointed before or after it, never inside (as a Stackless
/// tasklet with C state on its stack is not restorable).
pub(crate) struct SessionReducer;

impl crate::registry::Reducer for SessionReducer {
    /// A session in progress cannot be pickled; an ended one holds
    /// nothing (a traceback's frame may still refer to it).
    fn reduce(
        &self,
        cx: &mut crate::dump::DumpCx<'_>,
        obj: ObjId,
    ) -> Result<crate::reduction::Reduction, Error> {
        let Obj::Host(h) = cx.vm.heap.get(obj) else {
            return Err(Error::InProgress);
        };
        let class = h.class;
        if !matches!(cx.vm.host_ref::<Session>(obj), Some(Session::Spent)) {
            return Err(Error::InProgress);
        }
        let class = cx.obj(class);
        Ok(crate::reduction::Reduction::new(
            "pickle_session",
            vec![class],
            vec![],
        ))
    }

    fn load(
        &self,
        cx: &mut crate::load::LoadCx<'_>,
        id: ObjId,
        args: &[crate::node::Node],
        _state: &[crate::node::Node],
    ) -> Result<(), Error> {
        let class = cx.id(cx.arg(args, 0)?)?;
        *cx.vm.heap.get_mut(id) = Obj::Host(brine_vm::HostObj {
            class,
            data: Box::new(Session::Spent),
        });
        Ok(())
    }
}

/// The registry Python-level pickling uses, kept in the VM.
#[derive(Clone, Debug)]
struct RegistryHost(Registry);

impl brine_vm::HostData for RegistryHost {
    fn trace(&self, _out: &mut Vec<ObjId>) {}
}

const fn def(name: &'static str, f: brine_vm::native::NativeFn) -> NativeDef {
    NativeDef {
        name,
        kind: NativeKind::Function,
        f,
    }
}

const FUNCTIONS: &[NativeDef] = &[
    def("pickle._dump_start", dump_start),
    def("pickle._dump_step", dump_step),
    def("pickle._dump_answer", dump_answer),
    def("pickle._load_start", load_start),
    def("pickle._load_step", load_step),
    def("pickle._load_answer", load_answer),
    def("pickle._session_end", session_end),
    def("pickle._scan", scan),
];

/// Install `copyreg` and `pickle` in `vm` (it needs a compiler and the
/// scheduler): scripts import them, and `pickle` uses `registry`.
///
/// # Errors
/// When the modules' Python parts cannot run (a bug in brine), or the VM
/// has no compiler.
pub fn install(vm: &mut Vm, registry: Registry) -> Result<(), Error> {
    run_module(vm, "copyreg", COPYREG_SOURCE)?;
    let module = vm.new_module("pickle", None);
    let dict = vm
        .module_dict(module)
        .ok_or_else(|| Error::Raised("pickle has no namespace".into()))?;
    for d in FUNCTIONS {
        let id = vm.register_native(*d);
        let f = vm.alloc(Obj::Native {
            id,
            self_: Value::Undef,
        });
        let short = d.name.rsplit('.').next().unwrap_or(d.name);
        vm.dict_set_str(dict, short, f);
    }
    let session = vm.new_host_class("pickle", "_Session", vec![]);
    vm.dict_set_str(dict, "_Session", Value::Obj(session));
    let reg = vm.alloc_host(session, Box::new(RegistryHost(registry)));
    vm.dict_set_str(dict, "_registry", Value::Obj(reg));
    run_in(vm, module, PICKLE_SOURCE, "<brine pickle>")
}

/// Replace the registry Python-level pickling uses in `vm`.
pub fn set_registry(vm: &mut Vm, registry: Registry) {
    if let Some(Value::Obj(reg)) = pickle_attr(vm, "_registry") {
        if let Some(r) = vm.host_mut::<RegistryHost>(reg) {
            r.0 = registry;
        }
    }
}

fn run_module(vm: &mut Vm, name: &str, source: &str) -> Result<(), Error> {
    let module = vm.new_module(name, None);
    run_in(vm, module, source, &format!("<brine {name}>"))
}

fn run_in(vm: &mut Vm, module: ObjId, source: &str, filename: &str) -> Result<(), Error> {
    vm.run_builtin_source(module, source, filename)
        .map_err(|e| Error::Raised(e.to_string()))
}

/// The `pickle` module's namespace, once installed.
fn pickle_dict(vm: &Vm) -> Option<ObjId> {
    match vm.dict_get_str(vm.modules, "pickle")? {
        Value::Obj(m) => vm.module_dict(m),
        _ => None,
    }
}

fn pickle_attr(vm: &Vm, name: &str) -> Option<Value> {
    let dict = pickle_dict(vm)?;
    vm.dict_get_str(dict, name)
}

fn registry(vm: &Vm) -> Registry {
    match pickle_attr(vm, "_registry") {
        Some(Value::Obj(id)) => vm
            .host_ref::<RegistryHost>(id)
            .map(|r| r.0.clone())
            .unwrap_or_default(),
        _ => Registry::new(),
    }
}

/// Raise `err` as `pickle.PicklingError` or `pickle.UnpicklingError`, or
/// as the `TypeError` or `ValueError` CPython raises for it.
fn raise<T>(vm: &mut Vm, class: &str, err: &Error) -> R<T> {
    let msg = err.to_string();
    match err {
        Error::TypeError(_) => return vm.fail(ExcKind::TypeError, msg),
        Error::ValueError(_) => return vm.fail(ExcKind::ValueError, msg),
        _ => {}
    }
    match pickle_attr(vm, class) {
        Some(Value::Obj(cls)) => {
            let m = vm.new_string(msg);
            let exc = vm.new_exc_with_args(cls, vec![m]);
            Err(brine_vm::Ctl::Raise(exc))
        }
        _ => vm.fail(ExcKind::RuntimeError, msg),
    }
}

fn flags(vm: &Vm) -> i64 {
    vm.host_state::<Sched>().map_or(0, |s| s.pickle_flags)
}

fn session_of(vm: &mut Vm, v: Value) -> R<(ObjId, Session)> {
    let Value::Obj(id) = v else {
        return vm.fail(ExcKind::TypeError, "not a pickling session");
    };
    match vm.host_mut::<Session>(id) {
        Some(s) => Ok((id, std::mem::replace(s, Session::Spent))),
        None => vm.fail(ExcKind::TypeError, "not a pickling session"),
    }
}

fn put_back(vm: &mut Vm, id: ObjId, s: Session) {
    if let Some(slot) = vm.host_mut::<Session>(id) {
        *slot = s;
    }
}

fn new_session(vm: &mut Vm, s: Session) -> R<Value> {
    let Some(Value::Obj(cls)) = pickle_attr(vm, "_Session") else {
        return vm.fail(ExcKind::SystemError, "the pickle module is not installed");
    };
    count_in_progress(vm, 1);
    Ok(Value::Obj(vm.alloc_host(cls, Box::new(s))))
}

/// The name, in the `pickle` namespace, of how many picklings and loadings
/// driven from Python are in progress.
const IN_PROGRESS: &str = "_in_progress";

fn count_in_progress(vm: &mut Vm, by: i64) {
    if let Some(dict) = pickle_dict(vm) {
        let n = match vm.dict_get_str(dict, IN_PROGRESS) {
            Some(Value::Int(n)) => n,
            _ => 0,
        };
        vm.dict_set_str(dict, IN_PROGRESS, Value::Int((n + by).max(0)));
    }
}

/// How many picklings and loadings driven from Python (`pickle.dumps`,
/// `pickle.loads`, …) are in progress: while any is, a whole-program
/// pickle fails with [`Error::InProgress`].
pub fn picklings_in_progress(vm: &Vm) -> i64 {
    match pickle_attr(vm, IN_PROGRESS) {
        Some(Value::Int(n)) => n,
        _ => 0,
    }
}

/// `_session_end(session)`: the pickling or loading is over (done, or
/// left by an exception); it no longer holds anything.
fn session_end(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_session_end", &args, 1, 1)?;
    session_of(vm, args.pos[0])?;
    count_in_progress(vm, -1);
    Ok(Value::None)
}

/// `_dump_start(obj, dispatch_items, persistent_id, protocol)`; the
/// protocol is checked already.
fn dump_start(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_dump_start", &args, 4, 4)?;
    let Value::Int(protocol) = args.pos[3] else {
        return vm.fail(ExcKind::TypeError, "the protocol must be an int");
    };
    let opts = Options {
        flags: flags(vm),
        protocol,
        ..Options::default()
    };
    let mut d = Dumper::new(vm, registry(vm), opts, args.pos[0]);
    if let Some(Obj::List(items)) = vm.heap.get_obj(args.pos[1]) {
        for item in items.clone() {
            if let Some(Obj::Tuple(kv)) = vm.heap.get_obj(item) {
                if let (Some(Value::Obj(cls)), Some(f)) = (kv.first(), kv.get(1)) {
                    d.add_dispatch(*cls, *f);
                }
            }
        }
    }
    d.set_persistent_id(args.pos[2]);
    new_session(vm, Session::Dump(Box::new(d)))
}

/// `_dump_step(session)`: `("call", f, args)` or `("done", bytes)`.
fn dump_step(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_dump_step", &args, 1, 1)?;
    let (id, s) = session_of(vm, args.pos[0])?;
    let Session::Dump(mut d) = s else {
        return vm.fail(ExcKind::ValueError, "the pickling is over");
    };
    match d.step(vm) {
        Ok(DumpStep::Done(bytes)) => {
            let tag = vm.new_str("done");
            let b = vm.alloc(Obj::Bytes(bytes.into()));
            Ok(vm.new_tuple(vec![tag, b]))
        }
        Ok(DumpStep::Call { func, args: a }) => {
            put_back(vm, id, Session::Dump(d));
            let tag = vm.new_str("call");
            let a = vm.new_tuple(a);
            Ok(vm.new_tuple(vec![tag, func, a]))
        }
        Err(e) => raise(vm, "PicklingError", &e),
    }
}

/// `_dump_answer(session, result)`.
fn dump_answer(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_dump_answer", &args, 2, 2)?;
    let (id, s) = session_of(vm, args.pos[0])?;
    let Session::Dump(mut d) = s else {
        return vm.fail(ExcKind::ValueError, "the pickling is over");
    };
    let r = d.answer(vm, args.pos[1]);
    put_back(vm, id, Session::Dump(d));
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) => raise(vm, "PicklingError", &e),
    }
}

/// `_load_start(data, persistent_load)`: load the pickle at the start of
/// `data`; what follows it is ignored, as by CPython's `pickle.loads`.
fn load_start(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_load_start", &args, 2, 2)?;
    let bytes = match vm.heap.get_obj(args.pos[0]) {
        Some(Obj::Bytes(b)) => b.clone(),
        _ => {
            let t = vm.type_name(args.pos[0]);
            return vm.fail(
                ExcKind::TypeError,
                format!("a bytes-like object is required, not '{t}'"),
            );
        }
    };
    if bytes.is_empty() {
        return vm.fail(ExcKind::EOFError, "Ran out of input");
    }
    let opts = Options {
        flags: flags(vm),
        ..Options::default()
    };
    match Loader::from_prefix(vm, registry(vm), opts, &bytes) {
        Ok(mut l) => {
            l.set_persistent_load(args.pos[1]);
            new_session(vm, Session::Load(Box::new(l)))
        }
        Err(e) => raise(vm, "UnpicklingError", &e),
    }
}

/// `_load_step(session)`: `("call", f, args)`, `("import", name)` or
/// `("done", value, warnings)`.
fn load_step(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_load_step", &args, 1, 1)?;
    let (id, s) = session_of(vm, args.pos[0])?;
    let Session::Load(mut l) = s else {
        return vm.fail(ExcKind::ValueError, "the load is over");
    };
    match l.step(vm) {
        Ok(LoadStep::Done(v)) => {
            let tag = vm.new_str("done");
            let ws: Vec<Value> = l
                .warnings()
                .to_vec()
                .into_iter()
                .map(|w| vm.new_string(w))
                .collect();
            let ws = vm.new_list(ws);
            Ok(vm.new_tuple(vec![tag, v, ws]))
        }
        Ok(LoadStep::Import(name)) => {
            put_back(vm, id, Session::Load(l));
            let tag = vm.new_str("import");
            let n = vm.new_string(name);
            Ok(vm.new_tuple(vec![tag, n]))
        }
        Ok(LoadStep::Call { func, args: a }) => {
            put_back(vm, id, Session::Load(l));
            let tag = vm.new_str("call");
            let a = vm.new_tuple(a);
            Ok(vm.new_tuple(vec![tag, func, a]))
        }
        Err(e) => raise(vm, "UnpicklingError", &e),
    }
}

/// `_load_answer(session, result)`.
fn load_answer(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_load_answer", &args, 2, 2)?;
    let (id, s) = session_of(vm, args.pos[0])?;
    let Session::Load(mut l) = s else {
        return vm.fail(ExcKind::ValueError, "the load is over");
    };
    l.answer(vm, args.pos[1]);
    put_back(vm, id, Session::Load(l));
    Ok(Value::None)
}

/// `_scan(data, pending)`: `(used, pending, need)`, how far `data` goes
/// towards `pending` whole MessagePack values (a pickle is one), for
/// reading exactly one pickle from a file (see `codec::scan`).
fn scan(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_scan", &args, 2, 2)?;
    let (Some(Obj::Bytes(bytes)), Value::Int(pending)) =
        (vm.heap.get_obj(args.pos[0]), args.pos[1])
    else {
        return vm.fail(ExcKind::TypeError, "_scan takes bytes and an int");
    };
    let pending = u64::try_from(pending).unwrap_or(0);
    let s = crate::codec::scan(bytes, pending);
    let int = |n: u64| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let used = int(s.used as u64);
    Ok(vm.new_tuple(vec![used, int(s.pending), int(s.need)]))
}
