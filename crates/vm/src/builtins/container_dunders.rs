//! `__getitem__`, `__setitem__`, `__delitem__`, `__len__`, `__contains__`
//! and `__iter__` of the built-in containers, as attributes: what `super().__setitem__(k, v)`
//! in a `dict` subclass, or `list.__len__(x)`, call. Each works on the
//! built-in value itself (a subclass instance's base value), never through
//! the subclass's own overrides.

use crate::builtins::core::len_native;
use crate::builtins::def;
use crate::native::{Args, Ctl, NativeDef, NativeKind::Method as M, R};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("list.__getitem__", M, getitem),
    def("list.__setitem__", M, setitem),
    def("list.__delitem__", M, delitem),
    def("list.__len__", M, len),
    def("list.__contains__", M, contains),
    def("tuple.__getitem__", M, getitem),
    def("tuple.__len__", M, len),
    def("tuple.__contains__", M, contains),
    def("dict.__getitem__", M, getitem),
    def("dict.__setitem__", M, setitem),
    def("dict.__delitem__", M, delitem),
    def("dict.__len__", M, len),
    def("dict.__contains__", M, contains),
    def("str.__getitem__", M, getitem),
    def("str.__len__", M, len),
    def("str.__contains__", M, contains),
    def("set.__len__", M, len),
    def("set.__contains__", M, contains),
    def("frozenset.__len__", M, len),
    def("frozenset.__contains__", M, contains),
    def("bytes.__getitem__", M, getitem),
    def("bytes.__len__", M, len),
    def("bytes.__contains__", M, contains),
    def("range.__getitem__", M, getitem),
    def("range.__len__", M, len),
    def("range.__contains__", M, contains),
    def("list.__iter__", M, iter),
    def("tuple.__iter__", M, iter),
    def("dict.__iter__", M, iter),
    def("set.__iter__", M, iter),
    def("frozenset.__iter__", M, iter),
    def("str.__iter__", M, iter),
    def("bytes.__iter__", M, iter),
    def("range.__iter__", M, iter),
];

/// The built-in value a method's `self` stands for, after checking its
/// argument count (`n` includes `self`).
fn base(vm: &mut Vm, args: &Args, name: &str, n: usize) -> R<Value> {
    vm.arity_m(name, args, n, n)?;
    Ok(vm.unwrap_base(args.pos[0]))
}

fn getitem(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__getitem__", 2)?;
    vm.getitem(b, args.pos[1])
}

fn setitem(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__setitem__", 3)?;
    vm.setitem(b, args.pos[1], args.pos[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__delitem__", 2)?;
    vm.delitem(b, args.pos[1])?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__len__", 1)?;
    match len_native(vm, b)? {
        Some(n) => Ok(Value::Int(n)),
        None => vm.fail(ExcKind::TypeError, "__len__ needs a built-in container"),
    }
}

fn iter(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__iter__", 1)?;
    match vm.iter_native(b)? {
        Some(it) => Ok(it),
        None => vm.fail(ExcKind::TypeError, "__iter__ needs a built-in container"),
    }
}

fn contains(vm: &mut Vm, args: Args) -> R<Value> {
    let b = base(vm, &args, "__contains__", 2)?;
    match vm.contains_native(args.pos[1], b)? {
        Some(r) => Ok(Value::Bool(r)),
        None => {
            let f = vm.prelude_fn("_contains")?;
            Err(Ctl::tail_call(f, vec![b, args.pos[1]]))
        }
    }
}
