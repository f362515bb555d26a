//! Instances of user classes and of built-in exceptions.
//!
//! By default an instance is its class, its `__dict__`, the built-in value
//! a subclass of a built-in type wraps, and its exception data. A class
//! that defines `__reduce_ex__`, `__reduce__` or `__getstate__` is asked
//! (see [`crate::python`]); on loading, `__setstate__` gets the state when
//! the class defines it, as `pickle` does.

use brine_vm::object::{ExcData, Instance, TbEntry};
use brine_vm::{Obj, ObjId, Value, Vm};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `instance`: `[class]`, then `[state, base, exception, key, kind]`; the key
/// is nil but in a whole-program checkpoint.
pub(crate) struct InstanceReducer;

/// The state is the instance's own `__dict__`.
const STATE_DICT: i64 = 0;
/// The state is what `__getstate__` returned.
const STATE_GETSTATE: i64 = 1;

/// Reduce instance `id`; `getstate` is what its `__getstate__` returned, if it has one.
pub(crate) fn reduce_instance(
    cx: &mut DumpCx<'_>,
    id: ObjId,
    getstate: Option<Value>,
) -> Result<Reduction, Error> {
    let Obj::Instance(i) = cx.vm.heap.get(id) else {
        return Err(super::containers::unexpected(cx.vm, id));
    };
    let i = (**i).clone();
    // As CPython's default `__reduce_ex__` from protocol 2: a class with a
    // Python `__new__` gets `copyreg.__newobj__(cls)` on loading, so that
    // `__new__` runs. A whole program is taken back as it was, running
    // nothing.
    if cx.options().protocol >= 2
        && !cx.options().whole_program
        && i.exc.is_none()
        && i.base.is_undef()
        && has_user_new(cx.vm, i.class)
    {
        if let Some(func) = super::global::lookup(cx.vm, "copyreg", "__newobj__") {
            let args = cx.vm.new_tuple(vec![Value::Obj(i.class)]);
            return newobj_reduction(cx, id, func, args, getstate);
        }
    }
    let class = cx.obj(i.class);
    // As CPython's `object.__getstate__`, an empty `__dict__` is no state,
    // and `__setstate__` is not called for it.
    let no_state = getstate.is_none()
        && cx.vm.has_user_method(Value::Obj(id), "__setstate__")
        && cx.vm.dict_ref(i.dict).is_some_and(|d| d.is_empty());
    let (state, kind) = match getstate {
        Some(v) => (cx.value(v), STATE_GETSTATE),
        None if no_state => (Node::Nil, STATE_DICT),
        None => (cx.obj(i.dict), STATE_DICT),
    };
    let exc = match &i.exc {
        Some(e) => Node::List(vec![
            cx.value(e.args),
            Node::List(
                e.traceback
                    .iter()
                    .map(|t| {
                        Node::List(vec![
                            cx.obj(t.code),
                            Node::Int(i64::from(t.line)),
                            cx.obj(t.globals),
                        ])
                    })
                    .collect(),
            ),
            cx.value(e.cause),
            cx.value(e.context),
            Node::Bool(e.suppress_context),
        ]),
        None => Node::Nil,
    };
    // The canonical dict key travels only in a whole-program checkpoint
    // (see `load`); elsewhere it is made again after loading.
    let key = match i.key {
        Some((h, k)) if cx.options().whole_program => Node::List(vec![Node::Int(h), cx.obj(k)]),
        _ => Node::Nil,
    };
    let base = cx.value(i.base);
    Ok(Reduction::new(
        "instance",
        vec![class],
        vec![state, base, exc, key, Node::Int(kind)],
    ))
}

impl Reducer for InstanceReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        reduce_instance(cx, obj, None)
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let class = cx.id(cx.arg(args, 0)?)?;
        let st = cx.value(cx.arg(state, 0)?)?;
        let base = cx.value(cx.arg(state, 1)?)?;
        let exc = match cx.arg(state, 2)? {
            Node::Nil => None,
            Node::List(e) if e.len() == 5 => {
                let mut traceback = Vec::new();
                for t in e[1].as_list().unwrap_or_default() {
                    let t = t.as_list().unwrap_or_default();
                    let line = cx.int(cx.arg(t, 1)?)?;
                    // Pickles from before globals were recorded name none.
                    let globals = match t.get(2) {
                        Some(g) => cx.id(g)?,
                        None => cx.vm.builtins,
                    };
                    traceback.push(TbEntry {
                        code: cx.id(cx.arg(t, 0)?)?,
                        line: u32::try_from(line).unwrap_or(0),
                        globals,
                    });
                }
                Some(Box::new(ExcData {
                    args: cx.value(&e[0])?,
                    traceback,
                    cause: cx.value(&e[2])?,
                    context: cx.value(&e[3])?,
                    suppress_context: matches!(e[4], Node::Bool(true)),
                }))
            }
            _ => return Err(cx.bad("bad exception data")),
        };
        // An ordinary pickle loads into a VM that may hold an equal key
        // already, which only `__eq__` can tell, so the key is made again the
        // first time it is needed. A whole-program checkpoint restores every
        // key as it was, and the canonical ones are registered again.
        let key = match cx.arg(state, 3)? {
            Node::List(k) if k.len() == 2 && cx.options().whole_program => {
                Some((cx.int(&k[0])?, cx.id(&k[1])?))
            }
            _ => None,
        };
        let kind = cx.int(cx.arg(state, 4)?)?;
        let own_dict = match st {
            Value::Obj(d) if kind == STATE_DICT => Some(d),
            _ => None,
        };
        // A whole program gets its instances' own `__dict__` back as it
        // was, without `__setstate__`: it may have been stopped before
        // `__init__` made what `__setstate__` expects.
        let restored = cx.options().whole_program && kind == STATE_DICT;
        let setstate = !restored
            && cx.vm.class(class).is_some()
            && has_user_method_on_class(cx.vm, class, "__setstate__");
        let dict = match own_dict {
            Some(d) if !setstate => d,
            _ => cx.vm.new_dict(),
        };
        *cx.vm.heap.get_mut(id) = Obj::Instance(Box::new(Instance {
            class,
            dict,
            exc,
            base,
            key,
        }));
        if let Some((h, canon)) = key.filter(|(_, canon)| *canon == id) {
            cx.vm.register_user_key(h, canon);
        }

        if let Some((hash, canonical)) = key.filter(|(_, c)| *c == id) {
            cx.vm.register_canonical_key(hash, canonical);
        }
        if setstate && st != Value::None {
            if let Some(f) = cx.vm.lookup_special(Value::Obj(id), "__setstate__") {
                cx.call_later(f, vec![Value::Obj(id), st]);
            }
        } else if own_dict.is_none() && st != Value::None {
            match st {
                Value::Obj(d) if matches!(cx.vm.heap.get(d), Obj::Dict(_)) => {
                    if let Obj::Instance(i) = cx.vm.heap.get_mut(id) {
                        i.dict = d;
                    }
                }
                _ => return Err(cx.bad("the state is not a dict and there is no __setstate__")),
            }
        }
        Ok(())
    }
}

/// Whether the first `__new__` on `class`'s MRO is Python code.
fn has_user_new(vm: &Vm, class: ObjId) -> bool {
    let Some(c) = vm.class(class) else {
        return false;
    };
    for k in &c.mro {
        let Some(found) = vm
            .class(*k)
            .and_then(|kc| vm.dict_get_str(kc.dict, "__new__"))
        else {
            continue;
        };
        let f = match vm.heap.get_obj(found) {
            Some(Obj::StaticMethod(f)) => *f,
            _ => found,
        };
        return matches!(vm.heap.get_obj(f), Some(Obj::Function(_)));
    }
    false
}

/// Instance `id` rebuilt by `func(*args)` (`copyreg.__newobj__` or
/// `copyreg.__newobj_ex__`, which call `cls.__new__`), as CPython's default
/// `__reduce_ex__` reduces it from protocol 2: then `state`, by default its
/// `__dict__` (none when empty), and the items of a list or dict it wraps.
///
/// # Errors
/// When `id` is not an instance.
pub(crate) fn newobj_reduction(
    cx: &mut DumpCx<'_>,
    id: ObjId,
    func: Value,
    args: Value,
    state: Option<Value>,
) -> Result<Reduction, Error> {
    let Obj::Instance(i) = cx.vm.heap.get(id) else {
        return Err(super::containers::unexpected(cx.vm, id));
    };
    let (dict, base) = (i.dict, i.base);
    let state = match state {
        Some(v) => cx.value(v),
        None if cx.vm.dict_ref(dict).is_some_and(|d| d.is_empty()) => Node::Nil,
        None => cx.obj(dict),
    };
    let (list_items, dict_items) = match cx.vm.heap.get_obj(base) {
        Some(Obj::List(items)) => {
            let items = items.clone();
            (cx.values(&items), Node::Nil)
        }
        Some(Obj::Dict(d)) => {
            let pairs: Vec<[Value; 2]> = d.map.values().map(|(k, v)| [*k, *v]).collect();
            let pairs = pairs.iter().map(|kv| cx.values(kv)).collect();
            (Node::Nil, Node::List(pairs))
        }
        _ => (Node::Nil, Node::Nil),
    };
    let (func, args) = (cx.value(func), cx.value(args));
    Ok(Reduction::new(
        "reduce",
        vec![func, args],
        vec![state, list_items, dict_items, Node::Nil],
    ))
}

fn has_user_method_on_class(vm: &Vm, class: ObjId, name: &str) -> bool {
    let Some(c) = vm.class(class) else {
        return false;
    };
    c.mro.iter().any(|k| {
        vm.class(*k).is_some_and(|kc| {
            vm.dict_get_str(kc.dict, name)
                .and_then(|v| v.obj())
                .is_some_and(|f| matches!(vm.heap.get(f), Obj::Function(_)))
        })
    })
}

/// The calls and native updates that set the state of a Python reduction's
/// result `obj`: `[state, list items, dict items, state setter]`. As in
/// CPython's `save_reduce`, the list items are appended and the dict items
/// set before the state is applied, by `state_setter(obj, state)` if given.
pub(crate) fn reduce_state_calls(
    cx: &mut LoadCx<'_>,
    obj: Value,
    state: &[Node],
) -> Result<Vec<(Value, Vec<Value>)>, Error> {
    let mut calls = Vec::new();
    if let Some(items) = state.get(1).and_then(Node::as_list) {
        let items = cx.all(items)?;
        match obj.obj().map(|id| cx.vm.heap.get_mut(id)) {
            Some(Obj::List(l)) => l.extend(items),
            _ => calls.extend(list_item_calls(cx, obj, items)?),
        }
    }
    if let Some(items) = state.get(2).and_then(Node::as_list) {
        let f = cx.vm.lookup_special(obj, "__setitem__");
        for pair in items {
            let kv = item_pair(cx, pair)?;
            match (obj.obj().map(|id| cx.vm.heap.get(id)), f) {
                (Some(Obj::Dict(_)), _) => {
                    let k = cx
                        .vm
                        .hkey(kv[0])
                        .map_err(|_| cx.bad("unhashable dict item"))?;
                    if let Some(Obj::Dict(d)) = obj.obj().map(|id| cx.vm.heap.get_mut(id)) {
                        d.insert(k, kv[0], kv[1]);
                    }
                }
                (_, Some(f)) => calls.push((f, vec![obj, kv[0], kv[1]])),
                _ => return Err(cx.bad("dict items for an object without __setitem__")),
            }
        }
    }
    let st = match state.first() {
        Some(n) => cx.value(n)?,
        None => Value::None,
    };
    let setter = match state.get(3) {
        Some(n) => cx.value(n)?,
        None => Value::None,
    };
    if st != Value::None && setter != Value::None {
        calls.push((setter, vec![obj, st]));
    } else if st != Value::None {
        if cx.vm.has_user_method(obj, "__setstate__") {
            if let Some(f) = cx.vm.lookup_special(obj, "__setstate__") {
                calls.push((f, vec![obj, st]));
            }
        } else if calls.is_empty() {
            set_dict_state(cx, obj, st)?;
        } else {
            // After the item calls: `obj.__dict__.update(state)`, as a call too.
            let Some((target, src)) = dict_state_parts(cx, obj, st)? else {
                return Ok(calls);
            };
            let update = cx
                .vm
                .lookup_special(Value::Obj(target), "update")
                .ok_or_else(|| cx.bad("a __dict__ without update"))?;
            calls.push((update, vec![Value::Obj(target), Value::Obj(src)]));
        }
    }
    Ok(calls)
}

/// How many list items one `extend` call gets, as CPython's pickler
/// writes them (`APPENDS` in batches of a thousand).
const BATCH: usize = 1000;

/// The calls that add list items to `obj`, as CPython's `do_append` makes
/// them: `obj.extend(batch)` per batch if it has `extend`, else
/// `obj.append(item)` per item.
fn list_item_calls(
    cx: &mut LoadCx<'_>,
    obj: Value,
    items: Vec<Value>,
) -> Result<Vec<(Value, Vec<Value>)>, Error> {
    if let Some(extend) = cx.vm.lookup_special(obj, "extend") {
        return Ok(items
            .chunks(BATCH)
            .map(|batch| (extend, vec![obj, cx.vm.new_list(batch.to_vec())]))
            .collect());
    }
    let append = cx
        .vm
        .lookup_special(obj, "append")
        .ok_or_else(|| cx.bad("list items for an object without extend or append"))?;
    Ok(items.into_iter().map(|x| (append, vec![obj, x])).collect())
}

/// A dict item of a reduction: an inline pair or a 2-tuple.
fn item_pair(cx: &mut LoadCx<'_>, pair: &Node) -> Result<[Value; 2], Error> {
    let kv = match pair.as_list() {
        Some(_) => cx.values(pair)?,
        None => {
            let v = cx.value(pair)?;
            match cx.vm.heap.get_obj(v) {
                Some(Obj::Tuple(t)) => t.clone(),
                _ => return Err(cx.bad("a dict item is not a pair")),
            }
        }
    };
    match kv[..] {
        [k, v] => Ok([k, v]),
        _ => Err(cx.bad("a dict item is not a pair")),
    }
}

/// The instance `__dict__` a state dict goes into, and that state dict
/// (the dict of a `(dict, slots)` pair); `None` when the pair has no dict.
fn dict_state_parts(
    cx: &LoadCx<'_>,
    obj: Value,
    st: Value,
) -> Result<Option<(ObjId, ObjId)>, Error> {
    let src = match cx.vm.heap.get_obj(st) {
        Some(Obj::Dict(_)) => st,
        Some(Obj::Tuple(t)) if t.len() == 2 => t[0],
        _ => return Err(cx.bad("the state is not a dict and there is no __setstate__")),
    };
    let target = match obj.obj().map(|id| cx.vm.heap.get(id)) {
        Some(Obj::Instance(i)) => i.dict,
        _ => return Err(cx.bad("state for an object without a __dict__")),
    };
    match src.obj() {
        Some(src) if matches!(cx.vm.heap.get(src), Obj::Dict(_)) => Ok(Some((target, src))),
        _ => Ok(None),
    }
}

/// Copy a state dict (or the dict of a `(dict, slots)` pair) into the
/// instance's `__dict__`.
fn set_dict_state(cx: &mut LoadCx<'_>, obj: Value, st: Value) -> Result<(), Error> {
    let Some((target, src)) = dict_state_parts(cx, obj, st)? else {
        return Ok(());
    };
    let entries: Vec<_> = match cx.vm.heap.get(src) {
        Obj::Dict(d) => d.map.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        _ => return Ok(()),
    };
    if let Obj::Dict(t) = cx.vm.heap.get_mut(target) {
        for (k, (kv, v)) in entries {
            t.insert(k, kv, v);
        }
    }
    Ok(())
}
