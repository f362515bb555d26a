//! Methods of `dict`, `set` and `frozenset`.

use crate::builtins::def;
use crate::bytecode::BinOp;
use crate::heap::ObjId;
use crate::native::{
    Args, Ctl, NativeDef, NativeKind::ClassMethod as C, NativeKind::Method as M, R,
};
use crate::object::{Obj, ViewKind};
use crate::objects::dict::{Dict, SetMap};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("dict.get", M, get),
    def("dict.setdefault", M, setdefault),
    def("dict.pop", M, pop),
    def("dict.popitem", M, popitem),
    def("dict.update", M, update),
    def("dict.keys", M, keys),
    def("dict.values", M, values),
    def("dict.items", M, items),
    def("dict.copy", M, copy),
    def("dict.clear", M, clear),
    def("dict.fromkeys", C, fromkeys),
    def("set.add", M, add),
    def(
        "builtins._fill_frozenset",
        crate::native::NativeKind::Function,
        fill_frozenset,
    ),
    def("set.discard", M, discard),
    def("set.remove", M, set_remove),
    def("set.pop", M, set_pop),
    def("set.clear", M, set_clear),
    def("set.copy", M, set_copy),
    def("set.update", M, set_update),
    def("set.union", M, union),
    def("set.intersection", M, intersection),
    def("set.difference", M, difference),
    def("set.symmetric_difference", M, symmetric_difference),
    def("set.intersection_update", M, intersection_update),
    def("set.difference_update", M, difference_update),
    def("set.issubset", M, issubset),
    def("set.issuperset", M, issuperset),
    def("set.isdisjoint", M, isdisjoint),
    def("frozenset.union", M, union),
    def("frozenset.intersection", M, intersection),
    def("frozenset.difference", M, difference),
    def("frozenset.symmetric_difference", M, symmetric_difference),
    def("frozenset.issubset", M, issubset),
    def("frozenset.issuperset", M, issuperset),
    def("frozenset.isdisjoint", M, isdisjoint),
    def("frozenset.copy", M, set_copy),
];

fn dict_id(vm: &mut Vm, args: &Args) -> R<ObjId> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    match vm.unwrap_base(v) {
        Value::Obj(id) if matches!(vm.heap.get(id), Obj::Dict(_)) => Ok(id),
        _ => vm.fail(ExcKind::TypeError, "descriptor requires a 'dict' object"),
    }
}

fn dict_mut(vm: &mut Vm, id: ObjId) -> Option<&mut Dict> {
    match vm.heap.get_mut(id) {
        Obj::Dict(d) => Some(d),
        _ => None,
    }
}

fn get(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("get", &args, 2, 3)?;
    let id = dict_id(vm, &args)?;
    let k = vm.hkey(args.pos[1])?;
    let d = args.pos.get(2).copied().unwrap_or(Value::None);
    Ok(vm.dict_ref(id).and_then(|x| x.get(&k)).unwrap_or(d))
}

fn setdefault(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("setdefault", &args, 2, 3)?;
    let id = dict_id(vm, &args)?;
    let key = args.pos[1];
    let k = vm.hkey(key)?;
    let d = args.pos.get(2).copied().unwrap_or(Value::None);
    if let Some(v) = vm.dict_ref(id).and_then(|x| x.get(&k)) {
        return Ok(v);
    }
    if let Some(x) = dict_mut(vm, id) {
        x.insert(k, key, d);
    }
    Ok(d)
}

fn pop(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("pop", &args, 2, 3)?;
    let id = dict_id(vm, &args)?;
    let key = args.pos[1];
    let k = vm.hkey(key)?;
    match dict_mut(vm, id).and_then(|x| x.remove(&k)) {
        Some((_, v)) => Ok(v),
        None => match args.pos.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(key)),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> R<Value> {
    let id = dict_id(vm, &args)?;
    match dict_mut(vm, id).and_then(|x| x.map.pop()) {
        Some((_, (k, v))) => Ok(vm.new_tuple(vec![k, v])),
        None => vm.fail(ExcKind::KeyError, "popitem(): dictionary is empty"),
    }
}

fn update(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("update", &args, 1, 2)?;
    let id = dict_id(vm, &args)?;
    vm.dict_update_args(id, &args, "_dict_update_method")
}

fn view(vm: &mut Vm, args: Args, kind: ViewKind) -> R<Value> {
    let id = dict_id(vm, &args)?;
    Ok(vm.alloc(Obj::View { dict: id, kind }))
}

fn keys(vm: &mut Vm, args: Args) -> R<Value> {
    view(vm, args, ViewKind::Keys)
}

fn values(vm: &mut Vm, args: Args) -> R<Value> {
    view(vm, args, ViewKind::Values)
}

fn items(vm: &mut Vm, args: Args) -> R<Value> {
    view(vm, args, ViewKind::Items)
}

fn copy(vm: &mut Vm, args: Args) -> R<Value> {
    let id = dict_id(vm, &args)?;
    let d = vm.dict_ref(id).cloned().unwrap_or_default();
    Ok(vm.alloc(Obj::Dict(d)))
}

fn clear(vm: &mut Vm, args: Args) -> R<Value> {
    let id = dict_id(vm, &args)?;
    if let Some(x) = dict_mut(vm, id) {
        x.map.clear();
    }
    Ok(Value::None)
}

fn fromkeys(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("fromkeys", &args, 2, 3)?;
    let v = args.pos.get(2).copied().unwrap_or(Value::None);
    // A subclass's own __setitem__, or keys from user code: the prelude.
    if args.pos[0] != Value::Obj(vm.types.dict) || !vm.is_native_iterable(args.pos[1]) {
        let f = vm.prelude_fn("_fromkeys")?;
        return Err(crate::native::Ctl::tail_call(
            f,
            vec![args.pos[0], args.pos[1], v],
        ));
    }
    let keys = vm.collect_native(args.pos[1])?;
    let mut d = Dict::new();
    for k in keys {
        let hk = vm.hkey(k)?;
        d.insert(hk, k, v);
    }
    Ok(vm.alloc(Obj::Dict(d)))
}

fn set_id(vm: &mut Vm, args: &Args) -> R<ObjId> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    match vm.unwrap_base(v) {
        Value::Obj(id) if matches!(vm.heap.get(id), Obj::Set(_) | Obj::FrozenSet(_)) => Ok(id),
        _ => vm.fail(ExcKind::TypeError, "descriptor requires a 'set' object"),
    }
}

fn set_items(vm: &Vm, id: ObjId) -> SetMap {
    match vm.heap.get(id) {
        Obj::Set(s) | Obj::FrozenSet(s) => s.clone(),
        _ => SetMap::default(),
    }
}

fn set_mut(vm: &mut Vm, id: ObjId) -> Option<&mut SetMap> {
    match vm.heap.get_mut(id) {
        Obj::Set(s) => Some(s),
        _ => None,
    }
}

/// The elements of any iterable as a set map (built-in iterables only).
fn as_set(vm: &mut Vm, v: Value) -> R<SetMap> {
    if let Value::Obj(id) = v {
        if let Obj::Set(s) | Obj::FrozenSet(s) = vm.heap.get(id) {
            return Ok(s.clone());
        }
    }
    let items = vm.collect_native(v)?;
    let mut s = SetMap::default();
    for x in items {
        let k = vm.hkey(x)?;
        s.entry(k).or_insert(x);
    }
    Ok(s)
}

fn add(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("add", &args, 2, 2)?;
    let id = set_id(vm, &args)?;
    let x = args.pos[1];
    let k = vm.hkey(x)?;
    if let Some(s) = set_mut(vm, id) {
        s.entry(k).or_insert(x);
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("discard", &args, 2, 2)?;
    let id = set_id(vm, &args)?;
    let k = vm.hkey(args.pos[1])?;
    if let Some(s) = set_mut(vm, id) {
        s.shift_remove(&k);
    }
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("remove", &args, 2, 2)?;
    let id = set_id(vm, &args)?;
    let k = vm.hkey(args.pos[1])?;
    match set_mut(vm, id).and_then(|s| s.shift_remove(&k)) {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args.pos[1])),
    }
}

fn set_pop(vm: &mut Vm, args: Args) -> R<Value> {
    let id = set_id(vm, &args)?;
    let first = match vm.heap.get(id) {
        Obj::Set(s) => crate::hash::cpython_set_order(s.keys()).first().copied(),
        _ => None,
    };
    match first.and_then(|i| set_mut(vm, id).and_then(|s| s.shift_remove_index(i))) {
        Some((_, v)) => Ok(v),
        None => vm.fail(ExcKind::KeyError, "pop from an empty set"),
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> R<Value> {
    let id = set_id(vm, &args)?;
    if let Some(s) = set_mut(vm, id) {
        s.clear();
    }
    Ok(Value::None)
}

fn same_kind(vm: &mut Vm, id: ObjId, s: SetMap) -> Value {
    if matches!(vm.heap.get(id), Obj::FrozenSet(_)) {
        vm.alloc(Obj::FrozenSet(s))
    } else {
        vm.alloc(Obj::Set(s))
    }
}

fn set_copy(vm: &mut Vm, args: Args) -> R<Value> {
    let id = set_id(vm, &args)?;
    let s = set_items(vm, id);
    Ok(same_kind(vm, id, s))
}

fn set_update(vm: &mut Vm, args: Args) -> R<Value> {
    let id = set_id(vm, &args)?;
    for o in &args.pos[1..] {
        let other = as_set(vm, *o)?;
        if let Some(s) = set_mut(vm, id) {
            for (k, v) in other {
                s.entry(k).or_insert(v);
            }
        }
    }
    Ok(Value::None)
}

fn fold(vm: &mut Vm, args: Args, op: BinOp) -> R<Value> {
    let id = set_id(vm, &args)?;
    let mut acc = set_items(vm, id);
    for o in &args.pos[1..] {
        let other = as_set(vm, *o)?;
        acc = combine(acc, &other, op);
    }
    Ok(same_kind(vm, id, acc))
}

/// Combine two sets with a set operator.
pub(crate) fn combine(a: SetMap, b: &SetMap, op: BinOp) -> SetMap {
    match op {
        BinOp::Or => {
            let mut r = a;
            for (k, v) in b {
                r.entry(k.clone()).or_insert(*v);
            }
            r
        }
        BinOp::And => a.into_iter().filter(|(k, _)| b.contains_key(k)).collect(),
        BinOp::Sub => a.into_iter().filter(|(k, _)| !b.contains_key(k)).collect(),
        _ => {
            let mut r: SetMap = a
                .iter()
                .filter(|(k, _)| !b.contains_key(*k))
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            for (k, v) in b {
                if !a.contains_key(k) {
                    r.insert(k.clone(), *v);
                }
            }
            r
        }
    }
}

fn union(vm: &mut Vm, args: Args) -> R<Value> {
    fold(vm, args, BinOp::Or)
}

fn intersection(vm: &mut Vm, args: Args) -> R<Value> {
    fold(vm, args, BinOp::And)
}

fn difference(vm: &mut Vm, args: Args) -> R<Value> {
    fold(vm, args, BinOp::Sub)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("symmetric_difference", &args, 2, 2)?;
    fold(vm, args, BinOp::Xor)
}

fn in_place(vm: &mut Vm, args: Args, op: BinOp) -> R<Value> {
    let id = set_id(vm, &args)?;
    let mut acc = set_items(vm, id);
    for o in &args.pos[1..] {
        let other = as_set(vm, *o)?;
        acc = combine(acc, &other, op);
    }
    if let Some(s) = set_mut(vm, id) {
        *s = acc;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: Args) -> R<Value> {
    in_place(vm, args, BinOp::And)
}

fn difference_update(vm: &mut Vm, args: Args) -> R<Value> {
    in_place(vm, args, BinOp::Sub)
}

fn relation(vm: &mut Vm, args: Args, f: fn(&SetMap, &SetMap) -> bool) -> R<Value> {
    vm.arity_m("issubset", &args, 2, 2)?;
    let id = set_id(vm, &args)?;
    let a = set_items(vm, id);
    let b = as_set(vm, args.pos[1])?;
    Ok(Value::Bool(f(&a, &b)))
}

fn issubset(vm: &mut Vm, args: Args) -> R<Value> {
    relation(vm, args, |a, b| a.keys().all(|k| b.contains_key(k)))
}

fn issuperset(vm: &mut Vm, args: Args) -> R<Value> {
    relation(vm, args, |a, b| b.keys().all(|k| a.contains_key(k)))
}

fn isdisjoint(vm: &mut Vm, args: Args) -> R<Value> {
    relation(vm, args, |a, b| !a.keys().any(|k| b.contains_key(k)))
}

impl Vm {
    /// `a op b` for sets (`|`, `&`, `-`, `^`); `None` when `b` is not a set.
    pub(crate) fn set_binop(&mut self, op: BinOp, a: Value, b: Value) -> R<Option<Value>> {
        let (Value::Obj(ia), Value::Obj(ib)) = (a, b) else {
            return Ok(None);
        };
        let sb = match self.heap.get(ib) {
            Obj::Set(s) | Obj::FrozenSet(s) => s.clone(),
            _ => return Ok(None),
        };
        let sa = set_items(self, ia);
        let r = combine(sa, &sb, op);
        Ok(Some(same_kind(self, ia, r)))
    }
}

impl Vm {
    /// `dict(src, **kw)` / `d.update(src, **kw)` into dict `d` (`args.pos[1]`
    /// is `src`): done here when `src` is a dict (or a dict subclass) or a
    /// built-in iterable of pairs, else by the prelude function `prelude`.
    pub(crate) fn dict_update_args(&mut self, d: ObjId, args: &Args, prelude: &str) -> R<Value> {
        if let Some(&src) = args.pos.get(1) {
            let native = match src {
                Value::Obj(_) => {
                    matches!(self.unwrap_base(src), Value::Obj(b) if matches!(self.heap.get(b), Obj::Dict(_)))
                        || self.is_native_iterable(src)
                }
                _ => false,
            };
            if !native {
                let f = self.prelude_fn(prelude)?;
                let kw = self.new_dict();
                for (k, v) in &args.kw {
                    let hk = self.hkey(*k)?;
                    if let Some(x) = dict_mut(self, kw) {
                        x.insert(hk, *k, *v);
                    }
                }
                return Err(Ctl::tail_call(f, vec![Value::Obj(d), src, Value::Obj(kw)]));
            }
            self.dict_update_from(d, src)?;
        }
        for (k, v) in &args.kw {
            let hk = self.hkey(*k)?;
            if let Some(x) = dict_mut(self, d) {
                x.insert(hk, *k, *v);
            }
        }
        Ok(Value::None)
    }
}

/// `_fill_frozenset(fs, items)`: give a frozenset its elements in place,
/// for a loaded pickle's frozenset whose elements hash by Python code (the
/// call is retried once their keys are made).
fn fill_frozenset(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_fill_frozenset", &args, 2, 2)?;
    let items = match vm.heap.get_obj(args.pos[1]) {
        Some(Obj::Tuple(t)) => t.clone(),
        _ => return vm.fail(ExcKind::TypeError, "_fill_frozenset: items must be a tuple"),
    };
    let mut set = SetMap::default();
    for k in items {
        let hk = vm.hkey(k)?;
        set.entry(hk).or_insert(k);
    }
    match args.pos[0].obj().map(|id| vm.heap.get_mut(id)) {
        Some(Obj::FrozenSet(slot)) => {
            *slot = set;
            Ok(Value::None)
        }
        _ => vm.fail(ExcKind::TypeError, "_fill_frozenset: not a frozenset"),
    }
}
