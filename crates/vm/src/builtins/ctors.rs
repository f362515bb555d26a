//! Constructors of the built-in types (`int(…)`, `list(…)`, …) and the
//! methods of `object`, `BaseException`, `property` and friends.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num as _;

use crate::builtins::def;
use crate::frame::Then;
use crate::heap::ObjId;
use crate::native::{Args, Ctl, NativeDef, NativeKind::Function as F, NativeKind::Method as M, R};
use crate::num::Num;
use crate::object::{BaseKind, ExcData, Instance, Obj};
use crate::objects::dict::SetMap;
use crate::objects::iter::IterState;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("object.__new__", F, object_new),
    def("object.__init__", M, object_init),
    def("object.__repr__", M, object_repr),
    def("object.__str__", M, object_str),
    def("object.__eq__", M, object_eq),
    def("object.__ne__", M, object_ne),
    def("object.__hash__", M, object_hash),
    def("object.__setattr__", M, object_setattr),
    def("object.__getattribute__", M, object_getattribute),
    def("object.__format__", M, object_format),
    def(
        "object.__init_subclass__",
        crate::native::NativeKind::ClassMethod,
        object_init_subclass,
    ),
    def("builtins._set_cell", F, set_cell),
    def("BaseException.__new__", F, exc_new),
    def("BaseException.__init__", M, exc_init),
    def("BaseException.__str__", M, exc_str),
    def("BaseException.__repr__", M, exc_repr),
    def("BaseException.with_traceback", M, exc_with_traceback),
    def("type.__new__", F, type_new),
    def("type.mro", M, type_mro),
    def("type.__call__", M, type_call_placeholder),
    def("type.__subclasses__", M, type_subclasses),
    def("int.__new__", F, int_new),
    def("float.__new__", F, float_new),
    def("str.__new__", F, str_new),
    def("bool.__new__", F, bool_new),
    def("list.__new__", F, list_new),
    def("list.__init__", M, list_init),
    def("tuple.__new__", F, tuple_new),
    def("dict.__new__", F, dict_new),
    def("dict.__init__", M, dict_init),
    def("set.__new__", F, set_new),
    def("frozenset.__new__", F, frozenset_new),
    def("range.__new__", F, range_new),
    def("slice.__new__", F, slice_new),
    def("bytes.__new__", F, bytes_new),
    def("property.__new__", F, property_new),
    def("property.setter", M, property_setter),
    def("property.getter", M, property_getter),
    def("property.deleter", M, property_deleter),
    def("property.__get__", M, property_get),
    def("staticmethod.__new__", F, staticmethod_new),
    def("classmethod.__new__", F, classmethod_new),
    def("super.__new__", F, super_new),
    def("builtins.super", F, super_fn),
    def("builtins.enumerate", F, enumerate),
    def("builtins.zip", F, zip),
    def("builtins.reversed", F, reversed),
    def("builtins.map", F, map),
    def("builtins.filter", F, filter),
];

fn cls_of(vm: &mut Vm, args: &Args) -> R<ObjId> {
    match args.pos.first() {
        Some(Value::Obj(id)) if vm.class(*id).is_some() => Ok(*id),
        _ => vm.fail(ExcKind::TypeError, "__new__ needs a type as first argument"),
    }
}

/// Wrap a built-in value for a subclass of its type (or return it as is).
fn wrap(vm: &mut Vm, cls: ObjId, exact: ObjId, v: Value) -> Value {
    if cls == exact {
        return v;
    }
    let dict = vm.new_dict();
    let instance = vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict,
        exc: None,
        base: v,
        key: None,
    })));
    vm.track_finalizer(instance);
    instance
}

fn object_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    if vm
        .class(cls)
        .is_some_and(|c| c.base_kind == BaseKind::Exception)
    {
        return exc_new(vm, args);
    }
    let dict = vm.new_dict();
    let instance = vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict,
        exc: None,
        base: Value::Undef,
        key: None,
    })));
    vm.track_finalizer(instance);
    Ok(instance)
}

fn object_init(_: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = match v {
        Value::Obj(id) if matches!(vm.heap.get(id), Obj::Instance(i) if i.exc.is_none() && i.base.is_undef()) => {
            vm.repr_native(v)?
        }
        _ => vm.repr_native(v)?,
    };
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    crate::builtins::core::repr_value(vm, v)
}

fn object_eq(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__eq__", &args, 2, 2)?;
    Ok(if args.pos[0].is(args.pos[1]) {
        Value::Bool(true)
    } else {
        vm.not_implemented
    })
}

fn object_ne(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__ne__", &args, 2, 2)?;
    if vm.has_user_method(args.pos[0], "__eq__") {
        let f = vm.prelude_fn("_not_eq")?;
        return Err(Ctl::tail_call(f, vec![args.pos[0], args.pos[1]]));
    }
    Ok(if args.pos[0].is(args.pos[1]) {
        Value::Bool(false)
    } else {
        vm.not_implemented
    })
}

fn object_hash(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    match v {
        Value::Obj(id) => Ok(Value::Int(i64::from(id.0) * 16 + 0x7f00_0000)),
        _ => Ok(Value::Int(vm.hash_native(v)?)),
    }
}

fn object_setattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__setattr__", &args, 3, 3)?;
    let (obj, name, v) = (args.pos[0], args.pos[1], args.pos[2]);
    let Some(key) = vm.str_key(name) else {
        return vm.fail(ExcKind::TypeError, "attribute name must be string");
    };
    if let Value::Obj(id) = obj {
        if let Obj::Instance(i) = vm.heap.get(id) {
            let d = i.dict;
            if let Obj::Dict(dict) = vm.heap.get_mut(d) {
                dict.insert(key, name, v);
            }
            return Ok(Value::None);
        }
    }
    vm.setattr(obj, name, v)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__getattribute__", &args, 2, 2)?;
    vm.getattr(args.pos[0], args.pos[1])
}

fn object_init_subclass(vm: &mut Vm, args: Args) -> R<Value> {
    if let Some((k, _)) = args.kw.first() {
        let n = vm.text(*k).to_string();
        return vm.fail(
            ExcKind::TypeError,
            format!("__init_subclass__() takes no keyword arguments ('{n}' given)"),
        );
    }
    Ok(Value::None)
}

/// `_set_cell(cell, value)`: fill a class body's `__class__` cell.
fn set_cell(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_set_cell", &args, 2, 2)?;
    if let Value::Obj(c) = args.pos[0] {
        if let Obj::Cell(v) = vm.heap.get_mut(c) {
            *v = args.pos[1];
        }
    }
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("__format__", &args, 2, 2)?;
    if !vm.text(args.pos[1]).is_empty() {
        let t = vm.type_name(args.pos[0]);
        return vm.fail(
            ExcKind::TypeError,
            format!("unsupported format string passed to {t}.__format__"),
        );
    }
    str_value(vm, args.pos[0])
}

fn exc_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let a = vm.new_tuple(args.pos[1..].to_vec());
    let dict = vm.new_dict();
    let exc = vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict,
        exc: Some(Box::new(ExcData {
            args: a,
            cause: Value::None,
            context: Value::None,
            ..Default::default()
        })),
        base: Value::Undef,
        key: None,
    })));
    // `__new__` takes any keywords (`__init__` checks them).
    if vm.exc_is(exc, ExcKind::ImportError) {
        import_error_names(vm, exc, &args)?;
    }
    Ok(exc)
}

fn exc_init(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(&this) = args.pos.first() else {
        return Ok(Value::None);
    };
    let a = vm.new_tuple(args.pos[1..].to_vec());
    if let Some(d) = vm.exc_data_mut(this) {
        d.args = a;
    }
    import_error_names(vm, this, &args)?;
    Ok(Value::None)
}

/// `ImportError(msg, name=…, path=…)`: the keywords become attributes;
/// other exceptions take none.
fn import_error_names(vm: &mut Vm, this: Value, args: &Args) -> R<()> {
    if args.kw.is_empty() {
        return Ok(());
    }
    let t = vm.type_name(this);
    if !vm.exc_is(this, ExcKind::ImportError) {
        return vm.fail(
            ExcKind::TypeError,
            format!("{t}() takes no keyword arguments"),
        );
    }
    let dict = match vm.heap.get_obj(this) {
        Some(Obj::Instance(i)) => i.dict,
        _ => return Ok(()),
    };
    for (k, v) in &args.kw {
        let name = vm.text(*k).to_string();
        if name != "name" && name != "path" {
            return vm.fail(
                ExcKind::TypeError,
                format!("'{name}' is an invalid keyword argument for {t}()"),
            );
        }
        vm.dict_set_str(dict, &name, *v);
    }
    Ok(())
}

fn exc_str(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = vm.exc_str(v)?;
    Ok(vm.new_string(s))
}

fn exc_repr(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = vm.repr_native(v)?;
    Ok(vm.new_string(s))
}

fn exc_with_traceback(_: &mut Vm, args: Args) -> R<Value> {
    Ok(args.pos.first().copied().unwrap_or(Value::None))
}

fn type_new(vm: &mut Vm, args: Args) -> R<Value> {
    match args.pos.len() {
        2 => Ok(Value::Obj(vm.type_of(args.pos[1]))),
        4 => {
            let (name, bases, ns) = (args.pos[1], args.pos[2], args.pos[3]);
            let Some(src) = ns.obj().and_then(|id| vm.dict_ref(id).cloned()) else {
                return vm.fail(ExcKind::TypeError, "type() argument 3 must be dict");
            };
            let d = vm.heap.alloc(Obj::Dict(src));
            let cls = vm.new_class_from_ns(name, bases, d)?;
            let meta = args.pos[0];
            if let (Value::Obj(c), Value::Obj(m)) = (cls, meta) {
                if vm.is_subclass(m, vm.types.type_) {
                    if let Obj::Class(k) = vm.heap.get_mut(c) {
                        k.meta = m;
                    }
                }
            }
            Ok(cls)
        }
        _ => vm.fail(ExcKind::TypeError, "type() takes 1 or 3 arguments"),
    }
}

/// `type.__call__` is served by the interpreter, which can push `__init__`'s frame.
fn type_call_placeholder(vm: &mut Vm, _: Args) -> R<Value> {
    vm.fail(ExcKind::SystemError, "type.__call__ outside a call")
}

fn type_mro(vm: &mut Vm, args: Args) -> R<Value> {
    let c = args
        .pos
        .first()
        .and_then(|v| v.obj())
        .and_then(|id| vm.class(id))
        .map(|c| c.mro.clone())
        .unwrap_or_default();
    let items = c.into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(items))
}

fn type_subclasses(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(vm.new_list(Vec::new()))
}

/// Parse an int literal as `int(s, base)` does.
pub(crate) fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.to_string())
            } else {
                if lower.len() > 1
                    && lower.starts_with('0')
                    && lower.chars().any(|c| c != '0' && c != '_')
                {
                    return None;
                }
                (10, lower)
            }
        }
        16 => (
            16,
            lower
                .strip_prefix("0x")
                .map(str::to_string)
                .unwrap_or(lower),
        ),
        8 => (
            8,
            lower
                .strip_prefix("0o")
                .map(str::to_string)
                .unwrap_or(lower),
        ),
        2 => (
            2,
            lower
                .strip_prefix("0b")
                .map(str::to_string)
                .unwrap_or(lower),
        ),
        b => (b, lower),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::from_str_radix(&clean, base).ok()?;
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.int;
    let base = args.pos.get(2).copied().or_else(|| vm.kwarg(&args, "base"));
    let Some(&x) = args.pos.get(1) else {
        return Ok(wrap(vm, cls, exact, Value::Int(0)));
    };
    if let Some(b) = base {
        let b = vm.int_arg(b, "")?;
        if b != 0 && !(2..=36).contains(&b) {
            return vm.fail(
                ExcKind::ValueError,
                "int() base must be >= 2 and <= 36, or 0",
            );
        }
        let Some(s) = vm.str_of(x).map(|s| s.s.to_string()) else {
            return vm.fail(
                ExcKind::TypeError,
                "int() can't convert non-string with explicit base",
            );
        };
        return match parse_int(&s, b as u32) {
            Some(v) => {
                let r = vm.int_from_big(v);
                Ok(wrap(vm, cls, exact, r))
            }
            None => {
                let rs = crate::format::str_repr(&s);
                vm.fail(
                    ExcKind::ValueError,
                    format!("invalid literal for int() with base {b}: {rs}"),
                )
            }
        };
    }
    let r = match vm.num(x) {
        Some(Num::I(i)) => Value::Int(i),
        Some(Num::B(b)) => vm.int_from_big((*b).clone()),
        Some(Num::F(f)) => {
            if f.is_nan() {
                return vm.fail(ExcKind::ValueError, "cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return vm.fail(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                );
            }
            use num_traits::FromPrimitive;
            let b = BigInt::from_f64(f.trunc()).unwrap_or_default();
            vm.int_from_big(b)
        }
        None => {
            if let Some(s) = vm.str_of(x).map(|s| s.s.to_string()) {
                match parse_int(&s, 10) {
                    Some(v) => vm.int_from_big(v),
                    None => {
                        let rs = crate::format::str_repr(&s);
                        return vm.fail(
                            ExcKind::ValueError,
                            format!("invalid literal for int() with base 10: {rs}"),
                        );
                    }
                }
            } else if let Some(Value::Obj(bid)) = Some(x) {
                if let Obj::Bytes(b) = vm.heap.get(bid) {
                    let s = String::from_utf8_lossy(b).to_string();
                    match parse_int(&s, 10) {
                        Some(v) => vm.int_from_big(v),
                        None => {
                            return vm.fail(
                                ExcKind::ValueError,
                                format!(
                                    "invalid literal for int() with base 10: {}",
                                    crate::format::bytes_repr(s.as_bytes())
                                ),
                            )
                        }
                    }
                } else if let Some(m) = vm
                    .lookup_special(x, "__int__")
                    .or_else(|| vm.lookup_special(x, "__index__"))
                {
                    return Err(Ctl::call_then(
                        m,
                        vec![x],
                        Then::IntCheck { method: "__int__" },
                    ));
                } else {
                    let t = vm.type_name(x);
                    return vm.fail(ExcKind::TypeError, format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"));
                }
            } else {
                let t = vm.type_name(x);
                return vm.fail(ExcKind::TypeError, format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"));
            }
        }
    };
    Ok(wrap(vm, cls, exact, r))
}

/// Parse a float literal as `float(s)` does.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

fn float_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.float;
    let Some(&x) = args.pos.get(1) else {
        return Ok(wrap(vm, cls, exact, Value::Float(0.0)));
    };
    let r = match vm.num(x) {
        Some(n) => Value::Float(vm.num_to_f64(&n)?),
        None => {
            if let Some(s) = vm.str_of(x).map(|s| s.s.to_string()) {
                match parse_float(&s) {
                    Some(f) => Value::Float(f),
                    None => {
                        let rs = crate::format::str_repr(&s);
                        return vm.fail(
                            ExcKind::ValueError,
                            format!("could not convert string to float: {rs}"),
                        );
                    }
                }
            } else if let Some(m) = vm.lookup_special(x, "__float__") {
                return Err(Ctl::tail_call(m, vec![x]));
            } else {
                let t = vm.type_name(x);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("float() argument must be a string or a real number, not '{t}'"),
                );
            }
        }
    };
    Ok(wrap(vm, cls, exact, r))
}

/// `str(v)`, through `__str__`/`__repr__` when they are Python code.
pub(crate) fn str_value(vm: &mut Vm, v: Value) -> R<Value> {
    if vm.str_of(v).is_some()
        && matches!(v, Value::Obj(id) if matches!(vm.heap.get(id), Obj::Str(_)))
    {
        return Ok(v);
    }
    if vm.has_user_method(v, "__str__") {
        let m = vm.lookup_special(v, "__str__").unwrap_or(Value::None);
        return Err(Ctl::call_then(
            m,
            vec![v],
            Then::StrCheck { method: "__str__" },
        ));
    }
    let is_exc = vm.is_exception(v);
    if is_exc {
        return exc_str_value(vm, v);
    }
    if vm.has_user_method(v, "__repr__") {
        let m = vm.lookup_special(v, "__repr__").unwrap_or(Value::None);
        return Err(Ctl::call_then(
            m,
            vec![v],
            Then::StrCheck { method: "__repr__" },
        ));
    }
    if vm.needs_user_format(v) {
        let f = vm.prelude_fn("_repr")?;
        return Err(Ctl::tail_call(f, vec![v]));
    }
    let s = vm.str_native(v)?;
    Ok(vm.new_string(s))
}

/// `str(exc)` of an exception without a `__str__` of its own: its single
/// argument's `str` (`repr` for a `KeyError`), or the `repr` of its
/// arguments, through user code when they have some.
fn exc_str_value(vm: &mut Vm, exc: Value) -> R<Value> {
    let args = vm.exc_data(exc).map_or(Value::None, |e| e.args);
    if !vm.needs_user_format(args) {
        let s = vm.exc_str(exc)?;
        return Ok(vm.new_string(s));
    }
    match vm.heap.get_obj(args) {
        Some(Obj::Tuple(t)) if t.len() == 1 => {
            let only = t[0];
            if vm.exc_is(exc, ExcKind::KeyError) {
                crate::builtins::core::repr_value(vm, only)
            } else {
                str_value(vm, only)
            }
        }
        _ => crate::builtins::core::repr_value(vm, args),
    }
}

fn str_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.str_;
    let Some(&x) = args.pos.get(1) else {
        let e = vm.intern("");
        return Ok(wrap(vm, cls, exact, e));
    };
    if args.pos.len() > 2 || vm.kwarg(&args, "encoding").is_some() {
        if let Value::Obj(id) = x {
            if let Obj::Bytes(b) = vm.heap.get(id) {
                return match std::str::from_utf8(b) {
                    Ok(s) => {
                        let s = s.to_string();
                        let r = vm.new_string(s);
                        Ok(wrap(vm, cls, exact, r))
                    }
                    Err(_) => vm.fail(
                        ExcKind::UnicodeDecodeError,
                        "'utf-8' codec can't decode bytes",
                    ),
                };
            }
        }
    }
    if cls != exact {
        let s = vm.str_native(x)?;
        let r = vm.new_string(s);
        return Ok(wrap(vm, cls, exact, r));
    }
    str_value(vm, x)
}

fn bool_new(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(&x) = args.pos.get(1) else {
        return Ok(Value::Bool(false));
    };
    match vm.truth(x)? {
        Some(b) => Ok(Value::Bool(b)),
        None => {
            let m = vm
                .lookup_special(x, "__bool__")
                .or_else(|| vm.lookup_special(x, "__len__"))
                .unwrap_or(Value::None);
            Err(Ctl::call_then(m, vec![x], Then::Truth { invert: false }))
        }
    }
}

fn items_or_prelude(vm: &mut Vm, it: Value, prelude: &str, cls: ObjId) -> R<Vec<Value>> {
    if vm.is_native_iterable(it) {
        return vm.collect_native(it);
    }
    if let Value::Obj(_) = it {
        if vm.iter_native(it)?.is_none()
            && vm.lookup_special(it, "__iter__").is_none()
            && vm.lookup_special(it, "__getitem__").is_none()
        {
            let t = vm.type_name(it);
            return vm.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
        }
    } else {
        let t = vm.type_name(it);
        return vm.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
    }
    let f = vm.prelude_fn(prelude)?;
    Err(Ctl::tail_call(f, vec![Value::Obj(cls), it]))
}

fn has_user_init(vm: &Vm, cls: ObjId) -> bool {
    matches!(vm.lookup(cls, &vm.sk.init), Some(Value::Obj(i)) if matches!(vm.heap.get(i), Obj::Function(_)))
}

fn list_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.list;
    let items = match args.pos.get(1) {
        Some(&it) if cls == exact || !has_user_init(vm, cls) => {
            items_or_prelude(vm, it, "_build", cls)?
        }
        _ => Vec::new(),
    };
    let l = vm.new_list(items);
    Ok(wrap(vm, cls, exact, l))
}

fn list_init(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(&this) = args.pos.first() else {
        return Ok(Value::None);
    };
    let base = vm.unwrap_base(this);
    if let Some(&it) = args.pos.get(1) {
        if !vm.is_native_iterable(it) {
            let f = vm.prelude_fn("_list_init")?;
            return Err(Ctl::tail_call(f, vec![base, it]));
        }
        let items = vm.collect_native(it)?;
        if let Value::Obj(id) = base {
            if let Obj::List(l) = vm.heap.get_mut(id) {
                *l = items;
            }
        }
    }
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.tuple;
    let items = match args.pos.get(1) {
        Some(&it) => {
            if cls == exact {
                if let Value::Obj(id) = it {
                    if matches!(vm.heap.get(id), Obj::Tuple(_)) {
                        return Ok(it);
                    }
                }
            }
            items_or_prelude(vm, it, "_build", cls)?
        }
        None => Vec::new(),
    };
    let t = vm.new_tuple(items);
    Ok(wrap(vm, cls, exact, t))
}

fn dict_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.dict;
    let d = vm.new_dict();
    if cls == exact || !has_user_init(vm, cls) {
        let mut a = args.clone();
        a.pos[0] = Value::Obj(d);
        dict_init(vm, a)?;
    }
    Ok(wrap(vm, cls, exact, Value::Obj(d)))
}

fn dict_init(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(&this) = args.pos.first() else {
        return Ok(Value::None);
    };
    let Value::Obj(d) = vm.unwrap_base(this) else {
        return Ok(Value::None);
    };
    if args.pos.len() > 2 {
        let n = args.pos.len() - 1;
        return vm.fail(
            ExcKind::TypeError,
            format!("dict expected at most 1 argument, got {n}"),
        );
    }
    vm.dict_update_args(d, &args, "_dict_update")
}

fn build_set(vm: &mut Vm, items: Vec<Value>) -> R<SetMap> {
    let mut s = SetMap::default();
    for v in items {
        let k = vm.hkey(v)?;
        s.entry(k).or_insert(v);
    }
    Ok(s)
}

fn set_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.set;
    let items = match args.pos.get(1) {
        Some(&it) => items_or_prelude(vm, it, "_build", cls)?,
        None => Vec::new(),
    };
    let s = build_set(vm, items)?;
    let v = vm.alloc(Obj::Set(s));
    Ok(wrap(vm, cls, exact, v))
}

fn frozenset_new(vm: &mut Vm, args: Args) -> R<Value> {
    let cls = cls_of(vm, &args)?;
    let exact = vm.types.frozenset;
    let items = match args.pos.get(1) {
        Some(&it) => items_or_prelude(vm, it, "_build", cls)?,
        None => Vec::new(),
    };
    let s = build_set(vm, items)?;
    let v = vm.alloc(Obj::FrozenSet(s));
    Ok(wrap(vm, cls, exact, v))
}

fn range_new(vm: &mut Vm, args: Args) -> R<Value> {
    let n = args.pos.len() - 1;
    if n == 0 {
        return vm.fail(
            ExcKind::TypeError,
            "range expected at least 1 argument, got 0",
        );
    }
    if n > 3 {
        return vm.fail(
            ExcKind::TypeError,
            format!("range expected at most 3 arguments, got {n}"),
        );
    }
    if args.pos[1..]
        .iter()
        .any(|a| vm.has_user_method(*a, "__index__"))
    {
        let f = vm.prelude_fn("_range_index")?;
        let items = vm.new_tuple(args.pos[1..].to_vec());
        return Err(Ctl::tail_call(f, vec![items]));
    }
    let mut v = Vec::new();
    for a in &args.pos[1..] {
        v.push(vm.int_arg(*a, "")?);
    }
    let (start, stop, step) = match n {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return vm.fail(ExcKind::ValueError, "range() arg 3 must not be zero");
    }
    Ok(vm.alloc(Obj::Range { start, stop, step }))
}

fn slice_new(vm: &mut Vm, args: Args) -> R<Value> {
    let a: Vec<Value> = args.pos[1..].to_vec();
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        n => {
            return vm.fail(
                ExcKind::TypeError,
                format!("slice expected at most 3 arguments, got {n}"),
            )
        }
    };
    Ok(vm.alloc(Obj::Slice { start, stop, step }))
}

fn bytes_new(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(&x) = args.pos.get(1) else {
        return Ok(vm.alloc(Obj::Bytes(Rc::from(Vec::new()))));
    };
    if let Some(s) = vm.str_of(x) {
        let b = s.s.as_bytes().to_vec();
        if args.pos.len() < 3 && vm.kwarg(&args, "encoding").is_none() {
            return vm.fail(ExcKind::TypeError, "string argument without an encoding");
        }
        return Ok(vm.alloc(Obj::Bytes(b.into())));
    }
    if let Value::Int(n) = x {
        if n < 0 {
            return vm.fail(ExcKind::ValueError, "negative count");
        }
        return Ok(vm.alloc(Obj::Bytes(vec![0u8; n as usize].into())));
    }
    let items = vm.collect_native(x)?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        match i {
            Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
            Value::Int(_) => return vm.fail(ExcKind::ValueError, "bytes must be in range(0, 256)"),
            _ => {
                let t = vm.type_name(i);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object cannot be interpreted as an integer"),
                );
            }
        }
    }
    Ok(vm.alloc(Obj::Bytes(out.into())))
}

fn property_new(vm: &mut Vm, args: Args) -> R<Value> {
    let g = |i: usize, name: &str, vm: &Vm| {
        args.pos
            .get(i)
            .copied()
            .or_else(|| vm.kwarg(&args, name))
            .unwrap_or(Value::None)
    };
    let (fget, fset, fdel) = (g(1, "fget", vm), g(2, "fset", vm), g(3, "fdel", vm));
    Ok(vm.alloc(Obj::Property { fget, fset, fdel }))
}

fn property_parts(vm: &mut Vm, args: &Args) -> R<(Value, Value, Value, Value)> {
    vm.arity("property", args, 2, 2)?;
    match args.pos[0] {
        Value::Obj(id) => match vm.heap.get(id) {
            Obj::Property { fget, fset, fdel } => Ok((*fget, *fset, *fdel, args.pos[1])),
            _ => vm.fail(ExcKind::TypeError, "not a property"),
        },
        _ => vm.fail(ExcKind::TypeError, "not a property"),
    }
}

fn property_setter(vm: &mut Vm, args: Args) -> R<Value> {
    let (fget, _, fdel, f) = property_parts(vm, &args)?;
    Ok(vm.alloc(Obj::Property {
        fget,
        fset: f,
        fdel,
    }))
}

fn property_getter(vm: &mut Vm, args: Args) -> R<Value> {
    let (_, fset, fdel, f) = property_parts(vm, &args)?;
    Ok(vm.alloc(Obj::Property {
        fget: f,
        fset,
        fdel,
    }))
}

fn property_deleter(vm: &mut Vm, args: Args) -> R<Value> {
    let (fget, fset, _, f) = property_parts(vm, &args)?;
    Ok(vm.alloc(Obj::Property {
        fget,
        fset,
        fdel: f,
    }))
}

fn property_get(vm: &mut Vm, args: Args) -> R<Value> {
    let (fget, _, _, obj) =
        property_parts(vm, &Args::new(args.pos.iter().take(2).copied().collect()))?;
    Err(Ctl::tail_call(fget, vec![obj]))
}

fn staticmethod_new(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("staticmethod", &args, 2, 2)?;
    Ok(vm.alloc(Obj::StaticMethod(args.pos[1])))
}

fn classmethod_new(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("classmethod", &args, 2, 2)?;
    Ok(vm.alloc(Obj::ClassMethod(args.pos[1])))
}

fn super_new(vm: &mut Vm, args: Args) -> R<Value> {
    super_fn(vm, Args::new(args.pos[1..].to_vec()))
}

fn super_fn(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("super", &args, 1, 2)?;
    let Some(class) = args.pos[0].obj().filter(|c| vm.class(*c).is_some()) else {
        return vm.fail(ExcKind::TypeError, "super() argument 1 must be a type");
    };
    let obj = args.pos.get(1).copied().unwrap_or(Value::None);
    Ok(vm.alloc(Obj::Super { class, obj }))
}

fn enumerate(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("enumerate", &args, &["start", "iterable"])?;
    let it = args
        .pos
        .first()
        .copied()
        .or_else(|| vm.kwarg(&args, "iterable"));
    let Some(it) = it else {
        return vm.fail(
            ExcKind::TypeError,
            "enumerate() missing required argument 'iterable' (pos 1)",
        );
    };
    let start = args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "start"))
        .unwrap_or(Value::Int(0));
    let start = vm.int_arg(start, "")?;
    if vm.is_native_iterable(it) {
        if let Some(inner) = vm.iter_native(it)? {
            return Ok(vm.alloc(Obj::Iter(Box::new(IterState::Enumerate {
                it: inner,
                count: start,
            }))));
        }
    }
    let f = vm.prelude_fn("_enumerate")?;
    Err(Ctl::tail_call(f, vec![it, Value::Int(start)]))
}

fn zip(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("zip", &args, &["strict"])?;
    let strict = vm.kwarg(&args, "strict").unwrap_or(Value::Bool(false));
    if strict == Value::Bool(false) && args.pos.iter().all(|a| vm.is_native_iterable(*a)) {
        let mut its = Vec::new();
        for a in &args.pos {
            if let Some(i) = vm.iter_native(*a)? {
                its.push(i);
            }
        }
        return Ok(vm.alloc(Obj::Iter(Box::new(IterState::Zip { its }))));
    }
    for (i, a) in args.pos.iter().enumerate() {
        if matches!(
            a,
            Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_)
        ) {
            let t = vm.type_name(*a);
            let _ = i;
            return vm.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
        }
    }
    let f = vm.prelude_fn("_zip")?;
    let t = vm.new_tuple(args.pos.clone());
    Err(Ctl::tail_call(f, vec![t, strict]))
}

fn reversed(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("reversed", &args, 1, 1)?;
    let v = args.pos[0];
    if let Some(m) = vm.lookup_special(v, "__reversed__") {
        if vm.has_user_method(v, "__reversed__") {
            return Err(Ctl::tail_call(m, vec![v]));
        }
    }
    let base = vm.unwrap_base(v);
    if let Value::Obj(id) = base {
        let seq = match vm.heap.get(id) {
            Obj::List(l) | Obj::Tuple(l) => Some((id, l.len())),
            Obj::Str(_) | Obj::Range { .. } | Obj::Bytes(_) | Obj::View { .. } => None,
            Obj::Dict(d) => {
                let keys: Vec<Value> = d.map.values().map(|e| e.0).collect();
                let n = keys.len();
                let l = vm.heap.alloc(Obj::List(keys));
                Some((l, n))
            }
            _ => {
                if vm.lookup_special(v, "__len__").is_some()
                    && vm.lookup_special(v, "__getitem__").is_some()
                {
                    let f = vm.prelude_fn("_reversed_seq")?;
                    return Err(Ctl::tail_call(f, vec![v]));
                }
                let t = vm.type_name(v);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object is not reversible"),
                );
            }
        };
        let (seq, left) = match seq {
            Some(s) => s,
            None => {
                let items = vm.collect_native(base)?;
                let n = items.len();
                (vm.heap.alloc(Obj::Tuple(items)), n)
            }
        };
        return Ok(vm.alloc(Obj::Iter(Box::new(IterState::Reversed { seq, left }))));
    }
    let t = vm.type_name(v);
    vm.fail(
        ExcKind::TypeError,
        format!("'{t}' object is not reversible"),
    )
}

fn map(vm: &mut Vm, args: Args) -> R<Value> {
    if args.pos.len() < 2 {
        return vm.fail(
            ExcKind::TypeError,
            "map() must have at least two arguments.",
        );
    }
    let f = vm.prelude_fn("_map")?;
    let t = vm.new_tuple(args.pos[1..].to_vec());
    Err(Ctl::tail_call(f, vec![args.pos[0], t]))
}

fn filter(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("filter", &args, 2, 2)?;
    let f = vm.prelude_fn("_filter")?;
    Err(Ctl::tail_call(f, vec![args.pos[0], args.pos[1]]))
}
