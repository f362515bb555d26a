//! Searching and replacing in `bytes`: `find`, `rfind`, `index`, `rindex`,
//! `count`, `replace`, `startswith`, `endswith`, as CPython does them.

use std::rc::Rc;

use crate::builtins::def;
use crate::native::{Args, NativeDef, NativeKind::Method as M, R};
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("bytes.find", M, find),
    def("bytes.rfind", M, rfind),
    def("bytes.index", M, index),
    def("bytes.rindex", M, rindex),
    def("bytes.count", M, count),
    def("bytes.replace", M, replace),
    def("bytes.startswith", M, startswith),
    def("bytes.endswith", M, endswith),
];

/// The bytes of `v`; a search also takes one byte as an int.
pub(crate) fn bytes_arg(vm: &mut Vm, v: Value, search: bool) -> R<Bytes> {
    if let Some(Obj::Bytes(b)) = vm.heap.get_obj(v) {
        return Ok(b.clone());
    }
    if let (true, Value::Int(i)) = (search, v) {
        if let Ok(byte) = u8::try_from(i) {
            return Ok(Rc::from(vec![byte]));
        }
        return vm.fail(ExcKind::ValueError, "byte must be in range(0, 256)");
    }
    let t = vm.type_name(v);
    let msg = if search {
        format!("argument should be integer or bytes-like object, not '{t}'")
    } else {
        format!("a bytes-like object is required, not '{t}'")
    };
    vm.fail(ExcKind::TypeError, msg)
}

/// Shared bytes, as `Obj::Bytes` holds them.
pub(crate) type Bytes = Rc<[u8]>;

/// `self` and `sub` of a search method.
fn this_and_sub(vm: &mut Vm, args: &Args, name: &str) -> R<(Bytes, Bytes)> {
    vm.arity_m(name, args, 2, 4)?;
    let hay = bytes_arg(vm, args.pos[0], false)?;
    let sub = bytes_arg(vm, args.pos[1], true)?;
    Ok((hay, sub))
}

/// The `[start:end]` window of a search, clamped as slice bounds are.
fn window(vm: &mut Vm, args: &Args, len: usize, from: usize) -> R<(usize, usize)> {
    let bound = |vm: &mut Vm, v: Option<&Value>, default: usize| -> R<usize> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(Value::Int(i)) => {
                let n = len as i64;
                let i = if *i < 0 { (*i + n).max(0) } else { (*i).min(n) };
                Ok(i as usize)
            }
            Some(v) => {
                let t = vm.type_name(*v);
                vm.fail(
                    ExcKind::TypeError,
                    format!("slice indices must be integers or None or have an __index__ method, not '{t}'"),
                )
            }
        }
    };
    let a = bound(vm, args.pos.get(from), 0)?;
    let b = bound(vm, args.pos.get(from + 1), len)?;
    Ok((a, b))
}

/// Where `sub` first (or last) occurs in `hay[a..b]`, as an index of `hay`.
fn search(hay: &[u8], sub: &[u8], a: usize, b: usize, rev: bool) -> Option<usize> {
    if a > b || b - a < sub.len() {
        return None;
    }
    let last = b - sub.len();
    let at = |i: &usize| hay[*i..*i + sub.len()] == *sub;
    if rev {
        (a..=last).rev().find(at)
    } else {
        (a..=last).find(at)
    }
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, rev: bool) -> R<i64> {
    let (hay, sub) = this_and_sub(vm, args, name)?;
    let (a, b) = window(vm, args, hay.len(), 2)?;
    Ok(search(&hay, &sub, a, b, rev).map_or(-1, |i| i as i64))
}

fn find(vm: &mut Vm, args: Args) -> R<Value> {
    find_impl(vm, &args, "find", false).map(Value::Int)
}

fn rfind(vm: &mut Vm, args: Args) -> R<Value> {
    find_impl(vm, &args, "rfind", true).map(Value::Int)
}

fn index(vm: &mut Vm, args: Args) -> R<Value> {
    let found = find_impl(vm, &args, "index", false)?;
    crate::builtins::index_found(vm, found, "subsection not found")
}

fn rindex(vm: &mut Vm, args: Args) -> R<Value> {
    let found = find_impl(vm, &args, "rindex", true)?;
    crate::builtins::index_found(vm, found, "subsection not found")
}

fn count(vm: &mut Vm, args: Args) -> R<Value> {
    let (hay, sub) = this_and_sub(vm, &args, "count")?;
    let (mut a, b) = window(vm, &args, hay.len(), 2)?;
    if sub.is_empty() {
        return Ok(Value::Int(if a > b { 0 } else { (b - a + 1) as i64 }));
    }
    let mut n = 0;
    while let Some(i) = search(&hay, &sub, a, b, false) {
        n += 1;
        a = i + sub.len();
    }
    Ok(Value::Int(n))
}

fn replace(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("replace", &args, 3, 4)?;
    let hay = bytes_arg(vm, args.pos[0], false)?;
    let old = bytes_arg(vm, args.pos[1], false)?;
    let new = bytes_arg(vm, args.pos[2], false)?;
    let mut left = match args.pos.get(3) {
        None => -1,
        Some(Value::Int(n)) => *n,
        Some(v) => {
            let t = vm.type_name(*v);
            return vm.fail(
                ExcKind::TypeError,
                format!("'{t}' object cannot be interpreted as an integer"),
            );
        }
    };
    let mut out = Vec::with_capacity(hay.len());
    let mut at = 0;
    while left != 0 && at <= hay.len() {
        let Some(i) = search(&hay, &old, at, hay.len(), false) else {
            break;
        };
        out.extend_from_slice(&hay[at..i]);
        out.extend_from_slice(&new);
        if old.is_empty() {
            // An empty pattern matches before every byte and at the end.
            if let Some(byte) = hay.get(i) {
                out.push(*byte);
            }
            at = i + 1;
        } else {
            at = i + old.len();
        }
        left -= 1;
    }
    if at <= hay.len() {
        out.extend_from_slice(&hay[at..]);
    }
    Ok(vm.alloc(Obj::Bytes(Rc::from(out))))
}

fn affix(vm: &mut Vm, args: Args, name: &str, end: bool) -> R<Value> {
    vm.arity_m(name, &args, 2, 4)?;
    let hay = bytes_arg(vm, args.pos[0], false)?;
    let (a, b) = window(vm, &args, hay.len(), 2)?;
    let candidates: Vec<Value> = match vm.heap.get_obj(args.pos[1]) {
        Some(Obj::Tuple(t)) => t.clone(),
        _ => vec![args.pos[1]],
    };
    for c in candidates {
        let sub = match vm.heap.get_obj(c) {
            Some(Obj::Bytes(s)) => s.clone(),
            _ => {
                let t = vm.type_name(c);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("{name} first arg must be bytes or a tuple of bytes, not {t}"),
                );
            }
        };
        if a > b || b - a < sub.len() {
            continue;
        }
        let part = if end {
            &hay[b - sub.len()..b]
        } else {
            &hay[a..a + sub.len()]
        };
        if *part == *sub {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> R<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> R<Value> {
    affix(vm, args, "endswith", true)
}
