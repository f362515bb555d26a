//! Reductions written in Python: `__reduce_ex__`, `__reduce__`,
//! `__getnewargs_ex__`, `__getnewargs__`, `__getstate__` and
//! `copyreg.pickle` reducers, read back into entries.
//!
//! One object may need several calls, made one at a time: the arguments
//! of `cls.__new__`, then `__getstate__`; a reduce tuple, then
//! `list(iterator)` for its list items and its dict items. What is known
//! between them is a [`Partial`] reduction.

use brine_vm::{Obj, ObjId, Value, Vm};
use rustc_hash::FxHashMap;

use crate::dump::DumpCx;
use crate::error::Error;
use crate::node::Node;
use crate::reduction::Reduction;

/// The pickle protocol brine reports to `__reduce_ex__` unless another is
/// asked for (CPython's `DEFAULT_PROTOCOL`).
pub const PROTOCOL: i64 = 4;

/// The slots of a reduce tuple that hold the list items and the dict items.
const LIST_ITEMS: usize = 3;
const DICT_ITEMS: usize = 4;

/// Which Python call reduces an object, or goes on reducing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PyReduce {
    /// `obj.__reduce_ex__(protocol)` or `obj.__reduce__()`.
    ReduceEx,
    /// A reducer of the dispatch table, called with the object.
    Dispatch,
    /// `obj.__getstate__()`: the rest is the default instance reduction.
    GetState,
    /// `obj.__getnewargs_ex__()`: `(args, kwargs)` for `cls.__new__`.
    NewArgsEx,
    /// `obj.__getnewargs__()`: `args` for `cls.__new__`.
    NewArgs,
    /// `obj.__getstate__()` of an object rebuilt by `cls.__new__`
    /// ([`Partial::NewObj`]).
    NewState,
    /// `list(iterator)` of the reduce tuple slot ([`Partial::Reduce`]).
    Items(usize),
}

/// A Python reduction that needs more Python calls before its entry is
/// written; its values are kept alive by the pickler's trace.
#[derive(Clone, Debug)]
pub(crate) enum Partial {
    /// `copyreg.__newobj__` or `copyreg.__newobj_ex__` and its arguments,
    /// as CPython's `object.__reduce_ex__` makes them from
    /// `__getnewargs_ex__` or `__getnewargs__`; the state comes next.
    NewObj {
        /// The constructor.
        func: Value,
        /// Its arguments (a tuple).
        args: Value,
    },
    /// A reduce tuple padded to six slots with `None`; its list items and
    /// dict items, while iterators, are still to be read.
    Reduce([Value; 6]),
}

impl Partial {
    /// Add the objects it holds.
    pub(crate) fn trace(&self, out: &mut Vec<ObjId>) {
        match self {
            Partial::NewObj { func, args } => {
                out.extend([func.obj(), args.obj()].into_iter().flatten())
            }
            Partial::Reduce(parts) => out.extend(parts.iter().filter_map(|v| v.obj())),
        }
    }
}

/// What a Python call's result leaves to do.
pub(crate) enum Next {
    /// The entry is known.
    Entry(Reduction),
    /// More calls are needed ([`next_call`]).
    More(Partial),
}

/// Every module namespace in `sys.modules`, mapped to its module.
pub(crate) fn module_dicts(vm: &Vm) -> FxHashMap<ObjId, ObjId> {
    let mut out = FxHashMap::default();
    if let Obj::Dict(d) = vm.heap.get(vm.modules) {
        for (_, m) in d.map.values() {
            if let Value::Obj(mid) = m {
                if let Obj::Module(module) = vm.heap.get(*mid) {
                    out.entry(module.dict).or_insert(*mid);
                }
            }
        }
    }
    out
}

/// The Python call that reduces instance `id`, if its class asks for one:
/// `(how, function, arguments)`. As CPython's `object.__reduce_ex__`, a
/// class's own `__reduce_ex__` or `__reduce__` comes first, then (from
/// protocol 2) `__getnewargs_ex__` or `__getnewargs__`, then `__getstate__`.
pub(crate) fn instance_call(
    vm: &mut Vm,
    id: ObjId,
    protocol: i64,
) -> Result<Option<(PyReduce, Value, Vec<Value>)>, Error> {
    let Obj::Instance(i) = vm.heap.get(id) else {
        return Ok(None);
    };
    // Exceptions, sets and frozensets have a `__reduce__` of their own in
    // CPython, which does not ask for the arguments of `__new__`.
    let own_reduce = i.exc.is_some()
        || matches!(
            vm.heap.get_obj(i.base),
            Some(Obj::Set(_) | Obj::FrozenSet(_))
        );
    let newargs = protocol >= 2 && !own_reduce;
    let v = Value::Obj(id);
    for (name, how) in [
        ("__reduce_ex__", PyReduce::ReduceEx),
        ("__reduce__", PyReduce::ReduceEx),
        ("__getnewargs_ex__", PyReduce::NewArgsEx),
        ("__getnewargs__", PyReduce::NewArgs),
        ("__getstate__", PyReduce::GetState),
    ] {
        if matches!(how, PyReduce::NewArgsEx | PyReduce::NewArgs) && !newargs {
            continue;
        }
        if vm.has_user_method(v, name) {
            if let Some(f) = vm.lookup_special(v, name) {
                let mut args = vec![v];
                if name == "__reduce_ex__" {
                    args.push(Value::Int(protocol));
                }
                return Ok(Some((how, f, args)));
            }
        }
    }
    Ok(None)
}

/// The next call a partial reduction of `id` needs, or `None` when its
/// entry can be written ([`finish`]).
pub(crate) fn next_call(vm: &Vm, id: ObjId, p: &Partial) -> Option<(PyReduce, Value, Vec<Value>)> {
    match p {
        Partial::NewObj { .. } => {
            let v = Value::Obj(id);
            if !vm.has_user_method(v, "__getstate__") {
                return None;
            }
            let f = vm.lookup_special(v, "__getstate__")?;
            Some((PyReduce::NewState, f, vec![v]))
        }
        Partial::Reduce(parts) => [LIST_ITEMS, DICT_ITEMS].into_iter().find_map(|slot| {
            let it = parts[slot];
            let read = it == Value::None || matches!(vm.heap.get_obj(it), Some(Obj::List(_)));
            (!read).then(|| (PyReduce::Items(slot), Value::Obj(vm.types.list), vec![it]))
        }),
    }
}

/// The entry of a partial reduction of `id` that needs no more calls.
///
/// # Errors
/// When its dict items are not pairs.
pub(crate) fn finish(cx: &mut DumpCx<'_>, id: ObjId, p: Partial) -> Result<Reduction, Error> {
    match p {
        Partial::NewObj { func, args } => {
            crate::reducers::instance::newobj_reduction(cx, id, func, args, None)
        }
        Partial::Reduce(parts) => reduce_entry(cx, &parts),
    }
}

/// Take the result of the call `how` for `id`; `partial` is the partial
/// reduction the call was for, if any.
///
/// # Errors
/// When the result is not what the call should return.
pub(crate) fn answer(
    cx: &mut DumpCx<'_>,
    id: ObjId,
    how: PyReduce,
    partial: Option<Partial>,
    result: Value,
) -> Result<Next, Error> {
    match (how, partial) {
        (PyReduce::ReduceEx | PyReduce::Dispatch, _) => reduce_result(cx, id, result),
        (PyReduce::GetState, _) => {
            crate::reducers::instance::reduce_instance(cx, id, Some(result)).map(Next::Entry)
        }
        (PyReduce::NewArgsEx | PyReduce::NewArgs, _) => newargs_result(cx.vm, id, how, result),
        (PyReduce::NewState, Some(Partial::NewObj { func, args })) => {
            crate::reducers::instance::newobj_reduction(cx, id, func, args, Some(result))
                .map(Next::Entry)
        }
        (PyReduce::Items(slot), Some(Partial::Reduce(mut parts)))
            if slot < parts.len() && matches!(cx.vm.heap.get_obj(result), Some(Obj::List(_))) =>
        {
            parts[slot] = result;
            Ok(Next::More(Partial::Reduce(parts)))
        }
        _ => Err(Error::BadReduce(
            "a reduction went on without its beginning".into(),
        )),
    }
}

/// The items of a tuple value, if it is one.
fn tuple_items(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    match vm.heap.get_obj(v) {
        Some(Obj::Tuple(t)) => Some(t.clone()),
        _ => None,
    }
}

/// The arguments of `cls.__new__` that `__getnewargs_ex__` or
/// `__getnewargs__` returned, checked as CPython's `reduce_newobj` does:
/// `copyreg.__newobj__(cls, *args)`, or `copyreg.__newobj_ex__(cls, args,
/// kwargs)` when there are keyword arguments.
fn newargs_result(vm: &mut Vm, id: ObjId, how: PyReduce, result: Value) -> Result<Next, Error> {
    let (args, kwargs) = if how == PyReduce::NewArgsEx {
        let name = "__getnewargs_ex__";
        let Some(pair) = tuple_items(vm, result) else {
            let t = vm.type_name(result);
            return Err(Error::TypeError(format!(
                "{name} should return a tuple, not '{t}'"
            )));
        };
        let [args, kwargs] = pair[..] else {
            return Err(Error::ValueError(format!(
                "{name} should return a tuple of length 2, not {}",
                pair.len()
            )));
        };
        if tuple_items(vm, args).is_none() {
            let t = vm.type_name(args);
            return Err(Error::TypeError(format!(
                "first item of the tuple returned by {name} must be a tuple, not '{t}'"
            )));
        }
        if !vm.isinstance(kwargs, vm.types.dict) {
            let t = vm.type_name(kwargs);
            return Err(Error::TypeError(format!(
                "second item of the tuple returned by {name} must be a dict, not '{t}'"
            )));
        }
        (args, kwargs)
    } else {
        if tuple_items(vm, result).is_none() {
            let t = vm.type_name(result);
            return Err(Error::TypeError(format!(
                "__getnewargs__ should return a tuple, not '{t}'"
            )));
        }
        (result, Value::None)
    };
    let class = Value::Obj(vm.type_of(Value::Obj(id)));
    let no_kwargs = kwargs == Value::None
        || matches!(vm.heap.get_obj(kwargs), Some(Obj::Dict(d)) if d.is_empty());
    let (name, args) = if no_kwargs {
        let mut all = vec![class];
        all.extend(tuple_items(vm, args).unwrap_or_default());
        ("__newobj__", vm.new_tuple(all))
    } else {
        ("__newobj_ex__", vm.new_tuple(vec![class, args, kwargs]))
    };
    let func =
        crate::reducers::global::lookup(vm, "copyreg", name).ok_or_else(|| Error::NotFound {
            what: name.into(),
            path: format!("copyreg.{name}"),
        })?;
    Ok(Next::More(Partial::NewObj { func, args }))
}

/// Check what a `__reduce__`-like call returned, as CPython's `save_reduce`
/// does: a string names a global; a tuple is `(callable, args, state,
/// list items, dict items, state setter)`, its items iterators.
fn reduce_result(cx: &mut DumpCx<'_>, id: ObjId, result: Value) -> Result<Next, Error> {
    if let Some(Obj::Str(s)) = cx.vm.heap.get_obj(result) {
        let name = s.s.to_string();
        let module = crate::reducers::global::module_name_of(cx.vm, Value::Obj(id));
        return Ok(Next::Entry(Reduction::new(
            "global",
            vec![Node::Str(module), Node::Str(name)],
            vec![],
        )));
    }
    let Some(items) = tuple_items(cx.vm, result) else {
        return Err(Error::BadReduce(
            "__reduce__ must return a string or tuple".into(),
        ));
    };
    if !(2..=6).contains(&items.len()) {
        return Err(Error::BadReduce(
            "tuple returned by __reduce__ must contain 2 through 6 elements".into(),
        ));
    }
    if tuple_items(cx.vm, items[1]).is_none() {
        return Err(Error::BadReduce(
            "second item of the tuple returned by __reduce__ must be a tuple".into(),
        ));
    }
    let mut parts = [Value::None; 6];
    parts[..items.len()].copy_from_slice(&items);
    for (slot, nth) in [(LIST_ITEMS, "fourth"), (DICT_ITEMS, "fifth")] {
        let it = parts[slot];
        if it != Value::None && cx.vm.lookup_special(it, "__next__").is_none() {
            let t = cx.vm.type_name(it);
            return Err(Error::BadReduce(format!(
                "{nth} element of the tuple returned by __reduce__ must be an iterator, not {t}"
            )));
        }
    }
    Ok(Next::More(Partial::Reduce(parts)))
}

/// The entry of a reduce tuple whose items are read: list items as
/// values, dict items as inline pairs (each a 2-tuple, as CPython's
/// `batch_dict` requires).
fn reduce_entry(cx: &mut DumpCx<'_>, parts: &[Value; 6]) -> Result<Reduction, Error> {
    let func = cx.value(parts[0]);
    let args = cx.value(parts[1]);
    let state = cx.value(parts[2]);
    let list_items = match cx.vm.heap.get_obj(parts[LIST_ITEMS]) {
        Some(Obj::List(items)) => {
            let items = items.clone();
            cx.values(&items)
        }
        _ => Node::Nil,
    };
    let dict_items = match cx.vm.heap.get_obj(parts[DICT_ITEMS]) {
        Some(Obj::List(items)) => {
            let mut pairs = Vec::with_capacity(items.len());
            for item in items.clone() {
                match tuple_items(cx.vm, item).as_deref() {
                    Some(&[k, v]) => pairs.push(cx.values(&[k, v])),
                    _ => {
                        return Err(Error::TypeError(
                            "dict items iterator must return 2-tuples".into(),
                        ))
                    }
                }
            }
            Node::List(pairs)
        }
        _ => Node::Nil,
    };
    let state_setter = cx.value(parts[5]);
    Ok(Reduction::new(
        "reduce",
        vec![func, args],
        vec![state, list_items, dict_items, state_setter],
    ))
}
