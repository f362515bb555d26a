//! Reductions written in Python: `__reduce_ex__`, `__reduce__`,
//! `__getstate__` and `copyreg.pickle` reducers, read back into entries.

use brine_vm::{Obj, ObjId, Value, Vm};
use rustc_hash::FxHashMap;

use crate::dump::DumpCx;
use crate::error::Error;
use crate::node::Node;
use crate::reduction::Reduction;

/// The pickle protocol brine reports to `__reduce_ex__`.
pub const PROTOCOL: i64 = 4;

/// Which Python call reduces an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PyReduce {
    /// `obj.__reduce_ex__(protocol)` or `obj.__reduce__()`.
    ReduceEx,
    /// A reducer of the dispatch table, called with the object.
    Dispatch,
    /// `obj.__getstate__()`: the rest is the default instance reduction.
    GetState,
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
/// `(how, function, arguments)`.
pub(crate) fn instance_call(
    vm: &mut Vm,
    id: ObjId,
) -> Result<Option<(PyReduce, Value, Vec<Value>)>, Error> {
    if !matches!(vm.heap.get(id), Obj::Instance(_)) {
        return Ok(None);
    }
    let v = Value::Obj(id);
    for (name, how) in [
        ("__reduce_ex__", PyReduce::ReduceEx),
        ("__reduce__", PyReduce::ReduceEx),
        ("__getstate__", PyReduce::GetState),
    ] {
        if vm.has_user_method(v, name) {
            if let Some(f) = vm.lookup_special(v, name) {
                let mut args = vec![v];
                if name == "__reduce_ex__" {
                    args.push(Value::Int(PROTOCOL));
                }
                return Ok(Some((how, f, args)));
            }
        }
    }
    Ok(None)
}

/// The items of a tuple value, if it is one.
fn tuple_items(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    match vm.heap.get_obj(v) {
        Some(Obj::Tuple(t)) => Some(t.clone()),
        _ => None,
    }
}

/// The items of `listitems`/`dictitems` of a reduction: `None`, or a
/// built-in iterable, read now.
fn materialise(cx: &mut DumpCx<'_>, v: Value) -> Result<Node, Error> {
    if v == Value::None {
        return Ok(Node::Nil);
    }
    match crate::reducers::iter::drain(cx.vm, v) {
        Some(items) => Ok(cx.values(&items)),
        None => Err(Error::BadReduce(
            "the items of a reduction must be a built-in iterator".into(),
        )),
    }
}

/// Turn what a Python reducer returned into an entry for `id`.
pub(crate) fn reduction_from_result(
    cx: &mut DumpCx<'_>,
    id: ObjId,
    how: PyReduce,
    result: Value,
) -> Result<Reduction, Error> {
    if how == PyReduce::GetState {
        return crate::reducers::instance::reduce_instance(cx, id, Some(result));
    }
    if let Some(Obj::Str(s)) = cx.vm.heap.get_obj(result) {
        let name = s.s.to_string();
        let module = crate::reducers::global::module_name_of(cx.vm, Value::Obj(id));
        return Ok(Reduction::new(
            "global",
            vec![Node::Str(module), Node::Str(name)],
            vec![],
        ));
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
    let func = cx.value(items[0]);
    let args = cx.value(items[1]);
    let state = items.get(2).map_or(Node::Nil, |v| cx.value(*v));
    let list_items = materialise(cx, items.get(3).copied().unwrap_or(Value::None))?;
    let dict_items = materialise(cx, items.get(4).copied().unwrap_or(Value::None))?;
    let state_setter = items.get(5).map_or(Node::Nil, |v| cx.value(*v));
    Ok(Reduction::new(
        "reduce",
        vec![func, args],
        vec![state, list_items, dict_items, state_setter],
    ))
}
