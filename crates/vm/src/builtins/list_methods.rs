//! Methods of `list` and `tuple`, and the sort behind `sorted`.

use std::cmp::Ordering;

use crate::builtins::def;
use crate::heap::ObjId;
use crate::native::{Args, Ctl, NativeDef, NativeKind::Method as M, R};
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("list.append", M, append),
    def("list.extend", M, extend),
    def("list.insert", M, insert),
    def("list.pop", M, pop),
    def("list.remove", M, remove),
    def("list.index", M, index),
    def("list.count", M, count),
    def("list.sort", M, sort),
    def(
        "builtins._sort_by_keys",
        crate::native::NativeKind::Function,
        sort_by_keys,
    ),
    def("list.reverse", M, reverse),
    def("list.copy", M, copy),
    def("list.clear", M, clear),
    def("tuple.index", M, index),
    def("tuple.count", M, count),
];

fn list_id(vm: &mut Vm, args: &Args, name: &str) -> R<ObjId> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    match vm.unwrap_base(v) {
        Value::Obj(id) if matches!(vm.heap.get(id), Obj::List(_) | Obj::Tuple(_)) => Ok(id),
        _ => {
            let t = vm.type_name(v);
            vm.fail(
                ExcKind::TypeError,
                format!("descriptor '{name}' requires a 'list' object but received a '{t}'"),
            )
        }
    }
}

fn items(vm: &Vm, id: ObjId) -> Vec<Value> {
    match vm.heap.get(id) {
        Obj::List(v) | Obj::Tuple(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn with_list<T>(vm: &mut Vm, id: ObjId, f: impl FnOnce(&mut Vec<Value>) -> T) -> Option<T> {
    match vm.heap.get_mut(id) {
        Obj::List(v) => Some(f(v)),
        _ => None,
    }
}

fn append(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("append", &args, 2, 2)?;
    let id = list_id(vm, &args, "append")?;
    let x = args.pos[1];
    with_list(vm, id, |l| l.push(x));
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("extend", &args, 2, 2)?;
    let id = list_id(vm, &args, "extend")?;
    let it = args.pos[1];
    if !vm.is_native_iterable(it) {
        let f = vm.prelude_fn("_list_extend")?;
        return Err(Ctl::tail_call(f, vec![Value::Obj(id), it]));
    }
    let new = vm.collect_native(it)?;
    with_list(vm, id, |l| l.extend(new));
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("insert", &args, 3, 3)?;
    let id = list_id(vm, &args, "insert")?;
    let i = vm.int_arg(args.pos[1], "")?;
    let x = args.pos[2];
    with_list(vm, id, |l| {
        let n = l.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(j as usize, x);
    });
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("pop", &args, 1, 2)?;
    let id = list_id(vm, &args, "pop")?;
    let i = match args.pos.get(1) {
        Some(v) => vm.int_arg(*v, "")?,
        None => -1,
    };
    let r = with_list(vm, id, |l| {
        if l.is_empty() {
            return Err("pop from empty list");
        }
        let n = l.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err("pop index out of range");
        }
        Ok(l.remove(j as usize))
    });
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(m)) => vm.fail(ExcKind::IndexError, m),
        None => vm.fail(ExcKind::TypeError, "pop on a non-list"),
    }
}

/// The index of the first item equal to `x`; `Err` asks for user `__eq__`.
fn position(vm: &mut Vm, list: &[Value], x: Value) -> Result<Option<usize>, ()> {
    for (i, v) in list.iter().enumerate() {
        match vm.eq_native(*v, x) {
            Some(true) => return Ok(Some(i)),
            Some(false) => {}
            None => return Err(()),
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("remove", &args, 2, 2)?;
    let id = list_id(vm, &args, "remove")?;
    let l = items(vm, id);
    match position(vm, &l, args.pos[1]) {
        Ok(Some(i)) => {
            with_list(vm, id, |l| l.remove(i));
            Ok(Value::None)
        }
        Ok(None) => vm.fail(ExcKind::ValueError, "list.remove(x): x not in list"),
        Err(()) => {
            let f = vm.prelude_fn("_list_remove")?;
            Err(Ctl::tail_call(f, vec![Value::Obj(id), args.pos[1]]))
        }
    }
}

fn index(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("index", &args, 2, 4)?;
    let id = list_id(vm, &args, "index")?;
    let l = items(vm, id);
    let n = l.len();
    let start = args.pos.get(2).copied().unwrap_or(Value::None);
    let stop = args.pos.get(3).copied().unwrap_or(Value::None);
    let sl = vm.slice_indices(start, stop, Value::None, n)?;
    let lo = sl.start.max(0) as usize;
    let hi = (lo + sl.len).min(n);
    match position(vm, &l[lo..hi], args.pos[1]) {
        Ok(Some(i)) => Ok(Value::Int((lo + i) as i64)),
        Ok(None) => {
            let is_tuple = matches!(vm.heap.get(id), Obj::Tuple(_));
            if is_tuple {
                vm.fail(ExcKind::ValueError, "tuple.index(x): x not in tuple")
            } else {
                let r = vm.repr_native(args.pos[1]).unwrap_or_default();
                vm.fail(ExcKind::ValueError, format!("{r} is not in list"))
            }
        }
        Err(()) => {
            let f = vm.prelude_fn("_seq_index")?;
            Err(Ctl::tail_call(f, vec![Value::Obj(id), args.pos[1]]))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("count", &args, 2, 2)?;
    let id = list_id(vm, &args, "count")?;
    let l = items(vm, id);
    let mut n = 0;
    for v in l {
        match vm.eq_native(v, args.pos[1]) {
            Some(true) => n += 1,
            Some(false) => {}
            None => {
                let f = vm.prelude_fn("_seq_count")?;
                return Err(Ctl::tail_call(f, vec![Value::Obj(id), args.pos[1]]));
            }
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("sort", &args, &["key", "reverse"])?;
    if args.pos.len() > 1 {
        return vm.fail(ExcKind::TypeError, "sort() takes no positional arguments");
    }
    let id = list_id(vm, &args, "sort")?;
    let key = vm.kwarg(&args, "key").unwrap_or(Value::None);
    let reverse = vm.kwarg(&args, "reverse").unwrap_or(Value::Bool(false));
    sort_list(vm, Value::Obj(id), key, reverse)
}

/// Sort a list in place, stably. Items (or keys) that compare natively
/// sort here; a key function or items that need user comparisons hand the
/// sort to the prelude, which computes the keys and calls back
/// [`sort_by_keys`].
pub(crate) fn sort_list(vm: &mut Vm, list: Value, key: Value, reverse: Value) -> R<Value> {
    let rev = vm.truth(reverse)?.unwrap_or(false);
    let Value::Obj(id) = vm.unwrap_base(list) else {
        return vm.fail(ExcKind::TypeError, "sort needs a list");
    };
    if key == Value::None {
        let l = items(vm, id);
        if let Some(order) = sorted_order(vm, &l, rev) {
            let sorted: Vec<Value> = order.into_iter().map(|i| l[i]).collect();
            with_list(vm, id, |l| *l = sorted);
            return Ok(Value::None);
        }
    }
    let f = vm.prelude_fn("_sort_list")?;
    Err(Ctl::tail_call(
        f,
        vec![Value::Obj(id), key, Value::Bool(rev)],
    ))
}

/// `_sort_by_keys(lst, items, keys, reverse)`: put `items` into `lst`
/// ordered by `keys`; returns False (and leaves `lst` alone) when the keys
/// do not compare natively.
fn sort_by_keys(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_sort_by_keys", &args, 4, 4)?;
    let (Value::Obj(lst), Value::Obj(it), Value::Obj(ks)) = (args.pos[0], args.pos[1], args.pos[2])
    else {
        return Ok(Value::Bool(false));
    };
    let rev = vm.truth(args.pos[3])?.unwrap_or(false);
    let (items_v, keys_v) = (items(vm, it), items(vm, ks));
    if items_v.len() != keys_v.len() {
        return Ok(Value::Bool(false));
    }
    match sorted_order(vm, &keys_v, rev) {
        Some(order) => {
            let sorted: Vec<Value> = order.into_iter().map(|i| items_v[i]).collect();
            with_list(vm, lst, |l| *l = sorted);
            Ok(Value::Bool(true))
        }
        None => Ok(Value::Bool(false)),
    }
}

/// The stable sorted order of `keys` (descending when `rev`, equal keys
/// keeping their order), or `None` when some pair does not compare natively.
fn sorted_order(vm: &Vm, keys: &[Value], rev: bool) -> Option<Vec<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut failed = false;
    order.sort_by(|&a, &b| {
        let o = fast_cmp(vm, keys[a], keys[b]).unwrap_or_else(|| {
            failed = true;
            Ordering::Equal
        });
        if rev {
            o.reverse()
        } else {
            o
        }
    });
    (!failed).then_some(order)
}

/// Compare two built-in values without allocating; `None` when they do not
/// compare natively (instances, mixed types, NaN).
fn fast_cmp(vm: &Vm, a: Value, b: Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y),
        (Value::Obj(x), Value::Obj(y)) => match (vm.heap.get(x), vm.heap.get(y)) {
            (Obj::Str(p), Obj::Str(q)) => Some(p.s.cmp(&q.s)),
            (Obj::Tuple(p), Obj::Tuple(q)) | (Obj::List(p), Obj::List(q)) => {
                for (u, v) in p.iter().zip(q.iter()) {
                    match fast_cmp(vm, *u, *v)? {
                        Ordering::Equal => continue,
                        o => return Some(o),
                    }
                }
                Some(p.len().cmp(&q.len()))
            }
            (Obj::Bytes(p), Obj::Bytes(q)) => Some(p.cmp(q)),
            _ => num_pair(vm, a, b),
        },
        _ => num_pair(vm, a, b),
    }
}

fn num_pair(vm: &Vm, a: Value, b: Value) -> Option<Ordering> {
    match (vm.num(a), vm.num(b)) {
        (Some(x), Some(y)) => crate::interp::num_cmp_pub(&x, &y),
        _ => None,
    }
}

fn reverse(vm: &mut Vm, args: Args) -> R<Value> {
    let id = list_id(vm, &args, "reverse")?;
    with_list(vm, id, |l| l.reverse());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> R<Value> {
    let id = list_id(vm, &args, "copy")?;
    let l = items(vm, id);
    Ok(vm.new_list(l))
}

fn clear(vm: &mut Vm, args: Args) -> R<Value> {
    let id = list_id(vm, &args, "clear")?;
    with_list(vm, id, |l| l.clear());
    Ok(Value::None)
}
