//! Built-in value types: tuple, list, dict, set, frozenset, range, slice,
//! and the `NotImplemented` and `Ellipsis` singletons.

use brine_vm::objects::dict::{Dict, SetMap};
use brine_vm::{Ctl, Obj, ObjId, Value, Vm};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::{LoadCx, Table};
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `tuple` and `list`: the items.
pub(crate) struct SeqReducer;

impl Reducer for SeqReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let (tag, items) = match cx.vm.heap.get(obj) {
            Obj::Tuple(v) => ("tuple", v.clone()),
            Obj::List(v) => ("list", v.clone()),
            _ => return Err(unexpected(cx.vm, obj)),
        };
        let state = cx.nodes(&items);
        Ok(Reduction::new(tag, vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let items = cx.all(state)?;
        let tuple = matches!(cx.vm.heap.get(id), Obj::Tuple(_)) && cx.tag() == "tuple";
        *cx.vm.heap.get_mut(id) = if tuple {
            Obj::Tuple(items)
        } else {
            Obj::List(items)
        };
        Ok(())
    }
}

/// `dict`: keys and values, flat; a module's namespace goes by the module.
pub(crate) struct DictReducer;

impl Reducer for DictReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        if let Some(r) = super::global::namespace_by_reference(cx, obj) {
            return Ok(r);
        }
        let Obj::Dict(d) = cx.vm.heap.get(obj) else {
            return Err(unexpected(cx.vm, obj));
        };
        let pairs: Vec<(Value, Value)> = d.map.values().copied().collect();
        let mut state = Vec::with_capacity(pairs.len() * 2);
        for (k, v) in pairs {
            state.push(cx.value(k));
            state.push(cx.value(v));
        }
        Ok(Reduction::new("dict", vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        if !state.len().is_multiple_of(2) {
            return Err(cx.bad("a key without a value"));
        }
        let mut pairs = Vec::with_capacity(state.len() / 2);
        for kv in state.chunks(2) {
            pairs.push((cx.value(&kv[0])?, cx.value(&kv[1])?));
        }
        *cx.vm.heap.get_mut(id) = Obj::Dict(Dict::new());
        cx.defer_dict(id, pairs);
        Ok(())
    }
}

/// `set` and `frozenset`: the elements, in insertion order.
pub(crate) struct SetReducer;

impl Reducer for SetReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let (tag, items): (&'static str, Vec<Value>) = match cx.vm.heap.get(obj) {
            Obj::Set(s) => ("set", s.values().copied().collect()),
            Obj::FrozenSet(s) => ("frozenset", s.values().copied().collect()),
            _ => return Err(unexpected(cx.vm, obj)),
        };
        let state = cx.nodes(&items);
        Ok(Reduction::new(tag, vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let items = cx.all(state)?;
        *cx.vm.heap.get_mut(id) = if cx.tag() == "frozenset" {
            Obj::FrozenSet(SetMap::default())
        } else {
            Obj::Set(SetMap::default())
        };
        cx.defer_set(id, items);
        Ok(())
    }
}

/// `range` and `slice`.
pub(crate) struct RangeSliceReducer;

impl Reducer for RangeSliceReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        match cx.vm.heap.get(obj).clone() {
            Obj::Range { start, stop, step } => Ok(Reduction::new(
                "range",
                vec![Node::Int(start), Node::Int(stop), Node::Int(step)],
                vec![],
            )),
            Obj::Slice { start, stop, step } => {
                let args = vec![cx.value(start), cx.value(stop), cx.value(step)];
                Ok(Reduction::new("slice", args, vec![]))
            }
            _ => Err(unexpected(cx.vm, obj)),
        }
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        _state: &[Node],
    ) -> Result<(), Error> {
        let obj = if cx.tag() == "range" {
            let (start, stop, step) = (
                cx.int(cx.arg(args, 0)?)?,
                cx.int(cx.arg(args, 1)?)?,
                cx.int(cx.arg(args, 2)?)?,
            );
            if step == 0 {
                return Err(cx.bad("range step is zero"));
            }
            Obj::Range { start, stop, step }
        } else {
            Obj::Slice {
                start: cx.value(cx.arg(args, 0)?)?,
                stop: cx.value(cx.arg(args, 1)?)?,
                step: cx.value(cx.arg(args, 2)?)?,
            }
        };
        *cx.vm.heap.get_mut(id) = obj;
        Ok(())
    }
}

/// `NotImplemented` and `Ellipsis`: the loading VM's own.
pub(crate) struct SingletonReducer;

impl Reducer for SingletonReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let name = if Value::Obj(obj) == cx.vm.ellipsis {
            "Ellipsis"
        } else {
            "NotImplemented"
        };
        Ok(Reduction::new(
            "singleton",
            vec![Node::Str(name.into())],
            vec![],
        ))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        _id: ObjId,
        args: &[Node],
        _state: &[Node],
    ) -> Result<(), Error> {
        let v = match cx.str(cx.arg(args, 0)?)? {
            "Ellipsis" => cx.vm.ellipsis,
            "NotImplemented" => cx.vm.not_implemented,
            _ => return Err(cx.bad("unknown singleton")),
        };
        if let Value::Obj(existing) = v {
            cx.alias(existing);
        }
        Ok(())
    }

    fn phase(&self) -> crate::registry::LoadPhase {
        crate::registry::LoadPhase::First
    }
}

/// Fill every dict and set now that every key is built; the calls that
/// fill those with Python-hashed keys are returned, to run first of the
/// state calls. A frozenset's hash depends on its elements, so frozensets
/// are filled first, each after the frozensets it holds (directly or inside
/// tuples).
pub(crate) fn fill_tables(
    vm: &mut Vm,
    forward: &FxHashMap<ObjId, ObjId>,
    tables: Vec<Table>,
) -> Result<Vec<FillCall>, Error> {
    let mut calls = Vec::new();
    let mut pending = FxHashSet::default();
    // Namespaces first (dicts keyed by str only): hashing an instance
    // looks for `__hash__` in its class's namespace, which must be filled.
    let (namespaces, tables): (Vec<Table>, Vec<Table>) = tables.into_iter().partition(|t| {
        matches!(t, Table::Dict(_, pairs)
            if pairs.iter().all(|(k, _)| matches!(vm.heap.get_obj(*k), Some(Obj::Str(_)))))
    });
    for t in namespaces {
        fill_table(vm, forward, t, &mut calls, &mut pending)?;
    }
    let (frozen, rest): (Vec<Table>, Vec<Table>) = tables.into_iter().partition(
        |t| matches!(t, Table::Set(id, _) if matches!(vm.heap.get(*id), Obj::FrozenSet(_))),
    );
    let mut frozen: Vec<Option<Table>> = frozen.into_iter().map(Some).collect();
    let index: FxHashMap<ObjId, usize> = frozen
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Some(Table::Set(id, _)) => Some((*id, i)),
            _ => None,
        })
        .collect();
    // Depth-first, post-order, with an explicit stack: input decides the depth.
    let mut entered = vec![false; frozen.len()];
    for root in 0..frozen.len() {
        let mut stack = vec![(root, false)];
        while let Some((i, deps_done)) = stack.pop() {
            if deps_done {
                if let Some(t) = frozen[i].take() {
                    fill_table(vm, forward, t, &mut calls, &mut pending)?;
                }
                continue;
            }
            if entered[i] {
                continue;
            }
            entered[i] = true;
            stack.push((i, true));
            if let Some(Table::Set(_, items)) = &frozen[i] {
                for dep in frozen_deps(vm, forward, items, &index) {
                    if !entered[dep] {
                        stack.push((dep, false));
                    }
                }
            }
        }
    }
    for t in rest {
        fill_table(vm, forward, t, &mut calls, &mut pending)?;
    }
    Ok(calls)
}

/// Whether every key of table `t` is hashed without anything a Python
/// call builds or runs: a str, bytes or number.
pub(crate) fn plain_keys(vm: &Vm, t: &Table) -> bool {
    let plain = |k: &Value| match k {
        Value::Obj(id) => matches!(vm.heap.get(*id), Obj::Str(_) | Obj::Bytes(_) | Obj::Int(_)),
        Value::Undef => false,
        _ => true,
    };
    match t {
        Table::Dict(_, pairs) => pairs.iter().all(|(k, _)| plain(k)),
        Table::Set(_, items) => items.iter().all(plain),
    }
}

/// The frozensets among `index` that `items` hold, directly or in tuples.
fn frozen_deps(
    vm: &Vm,
    forward: &FxHashMap<ObjId, ObjId>,
    items: &[Value],
    index: &FxHashMap<ObjId, usize>,
) -> Vec<usize> {
    let mut deps = Vec::new();
    let mut seen = FxHashSet::default();
    let mut todo: Vec<Value> = items.to_vec();
    while let Some(v) = todo.pop() {
        let Value::Obj(id) = v else { continue };
        let id = forward.get(&id).copied().unwrap_or(id);
        if !seen.insert(id) {
            continue;
        }
        if let Some(i) = index.get(&id) {
            deps.push(*i);
        } else if let Obj::Tuple(t) = vm.heap.get(id) {
            todo.extend(t.iter().copied());
        }
    }
    deps
}

/// A Python call that fills a dict or set entry: the function and its arguments.
pub(crate) type FillCall = (Value, Vec<Value>);

/// Fill a dict or set now that every key is built. A dict or set with a
/// key whose hash and equality are Python code (an instance with
/// `__hash__`) is filled by calls to its `__setitem__` or `add` instead, in
/// order, so that the key is matched against equal keys living in the VM.
fn fill_table(
    vm: &mut Vm,
    forward: &FxHashMap<ObjId, ObjId>,
    t: Table,
    calls: &mut Vec<FillCall>,
    pending: &mut FxHashSet<ObjId>,
) -> Result<(), Error> {
    let fwd = |v: Value| match v {
        Value::Obj(id) => Value::Obj(forward.get(&id).copied().unwrap_or(id)),
        v => v,
    };
    let unhashable = |vm: &Vm, k: Value| Error::BadEntry {
        index: 0,
        tag: "dict".into(),
        message: format!("unhashable key of type '{}'", vm.type_name(k)),
    };
    let (id, pairs, method) = match t {
        Table::Dict(id, pairs) => {
            let pairs: Vec<(Value, Value)> =
                pairs.into_iter().map(|(k, v)| (fwd(k), fwd(v))).collect();
            (id, pairs, "__setitem__")
        }
        Table::Set(id, items) => {
            let items = items.into_iter().map(|k| (fwd(k), Value::Undef)).collect();
            (id, items, "add")
        }
    };
    let frozen = matches!(vm.heap.get(id), Obj::FrozenSet(_));
    let mut keys = Vec::with_capacity(pairs.len());
    for (k, _) in &pairs {
        // A frozenset filled by a call is not filled yet: its hash is not known.
        let waits = !pending.is_empty() && holds_pending(vm, *k, pending);
        match vm.hkey(*k) {
            Ok(hk) if !waits => keys.push(hk),
            Ok(_) | Err(Ctl::NeedKey(_)) => {
                by_calls(vm, id, pairs, method, frozen, calls)?;
                if frozen {
                    pending.insert(id);
                }
                return Ok(());
            }
            Err(_) => return Err(unhashable(vm, *k)),
        }
    }
    match vm.heap.get_mut(id) {
        Obj::Dict(slot) => {
            let mut d = Dict::new();
            for (hk, (k, v)) in keys.into_iter().zip(pairs) {
                d.insert(hk, k, v);
            }
            *slot = d;
        }
        Obj::Set(slot) | Obj::FrozenSet(slot) => {
            let mut s = SetMap::default();
            for (hk, (k, _)) in keys.into_iter().zip(pairs) {
                s.entry(hk).or_insert(k);
            }
            *slot = s;
        }
        _ => {}
    }
    Ok(())
}

/// Fill `id` by Python calls, in order: `__setitem__` or `add` for a
/// dict or set, the built-in `_fill_frozenset` for a frozenset.
fn by_calls(
    vm: &mut Vm,
    id: ObjId,
    pairs: Vec<(Value, Value)>,
    method: &str,
    frozen: bool,
    calls: &mut Vec<FillCall>,
) -> Result<(), Error> {
    let missing = || Error::BadEntry {
        index: 0,
        tag: "dict".into(),
        message: format!("no {method} to fill a table with"),
    };
    if frozen {
        let native = vm
            .native_id("builtins._fill_frozenset")
            .ok_or_else(missing)?;
        let f = vm.alloc(Obj::Native {
            id: native,
            self_: Value::Undef,
        });
        let items = vm.new_tuple(pairs.into_iter().map(|(k, _)| k).collect());
        calls.push((f, vec![Value::Obj(id), items]));
        return Ok(());
    }
    let f = vm
        .lookup_special(Value::Obj(id), method)
        .ok_or_else(missing)?;
    for (k, v) in pairs {
        let mut args = vec![Value::Obj(id), k];
        args.extend(Some(v).filter(|v| !v.is_undef()));
        calls.push((f, args));
    }
    Ok(())
}

/// Whether `v` is, or holds in tuples, a frozenset in `pending`.
fn holds_pending(vm: &Vm, v: Value, pending: &FxHashSet<ObjId>) -> bool {
    let mut todo = vec![v];
    let mut seen = FxHashSet::default();
    while let Some(v) = todo.pop() {
        let Value::Obj(id) = v else { continue };
        if pending.contains(&id) {
            return true;
        }
        if !seen.insert(id) {
            continue;
        }
        if let Obj::Tuple(t) = vm.heap.get(id) {
            todo.extend(t.iter().copied());
        }
    }
    false
}

/// The error for an object a reducer was not made for.
pub(crate) fn unexpected(vm: &Vm, obj: ObjId) -> Error {
    Error::Unpicklable {
        type_name: vm.type_name(Value::Obj(obj)),
    }
}
