//! Built-in functions of the `builtins` module.

use std::io::Write;

use crate::builtins::def;
use crate::frame::GenMode;
use crate::frame::Then;
use crate::heap::ObjId;
use crate::native::{Args, Ctl, GenInput, NativeDef, NativeKind::Function as F, R};
use crate::num::Num;
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("builtins.print", F, print),
    def("builtins.len", F, len),
    def("builtins.repr", F, repr),
    def("builtins.ascii", F, ascii),
    def("builtins.abs", F, abs),
    def("builtins.min", F, min),
    def("builtins.max", F, max),
    def("builtins.sum", F, sum),
    def("builtins.any", F, any),
    def("builtins.all", F, all),
    def("builtins.sorted", F, sorted),
    def("builtins.iter", F, iter),
    def("builtins.next", F, next),
    def("builtins.getattr", F, getattr),
    def("builtins.setattr", F, setattr),
    def("builtins.hasattr", F, hasattr),
    def("builtins.delattr", F, delattr),
    def("builtins.isinstance", F, isinstance),
    def("builtins.issubclass", F, issubclass),
    def("builtins.callable", F, callable),
    def("builtins.id", F, id),
    def("builtins.hash", F, hash),
    def("builtins.divmod", F, divmod),
    def("builtins.pow", F, pow),
    def("builtins.round", F, round),
    def("builtins.chr", F, chr),
    def("builtins.ord", F, ord),
    def("builtins.hex", F, hex),
    def("builtins.bin", F, bin),
    def("builtins.oct", F, oct),
    def("builtins.format", F, format),
    def("builtins.globals", F, frame_only),
    def("builtins.locals", F, frame_only),
    def("builtins.vars", F, vars),
    def("builtins.dir", F, dir),
    def("builtins.exit", F, exit),
    def("builtins.input", F, input),
    def("builtins.quit", F, exit),
    def("builtins.__build_class__", F, build_class_placeholder),
    def("builtins.__import__", F, import),
    def("builtins._write", F, write),
    def("builtins._is_native", F, is_native),
    def("builtins._str_native", F, str_native),
    def("builtins._repr_native", F, repr_native),
    def("builtins._format_native", F, format_native),
    def("builtins._exc_str", F, exc_str),
    def("builtins._key_candidates", F, key_candidates),
    def("builtins._set_key", F, set_key),
];

fn build_class_placeholder(vm: &mut Vm, _: Args) -> R<Value> {
    vm.fail(
        ExcKind::SystemError,
        "__build_class__ called outside a call",
    )
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the
/// module, imported as an `import` statement would (a module not loaded yet
/// runs its body in a call made for it).
fn import(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(name) = args
        .pos
        .first()
        .copied()
        .or_else(|| vm.kwarg(&args, "name"))
    else {
        return vm.fail(
            ExcKind::TypeError,
            "__import__() missing required argument 'name' (pos 1)",
        );
    };
    let Some(name) = vm.str_of(name).map(|s| s.s.to_string()) else {
        return vm.fail(ExcKind::TypeError, "__import__() argument 1 must be str");
    };
    let level = args
        .pos
        .get(4)
        .copied()
        .or_else(|| vm.kwarg(&args, "level"));
    if matches!(level, Some(Value::Int(l)) if l != 0) {
        return vm.fail(
            ExcKind::ImportError,
            "attempted relative import with no known parent package",
        );
    }
    let valid = !name.is_empty()
        && name.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || c == '_')
        });
    if !valid {
        return vm.fail(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        );
    }
    if let Some(m) = vm.dict_get_str(vm.modules, &name) {
        return Ok(m);
    }
    if let Some(m) = vm.builtin_module(&name)? {
        return Ok(Value::Obj(m));
    }
    let Some(compiler) = vm.compiler.as_ref() else {
        return vm.fail(
            ExcKind::ModuleNotFoundError,
            format!("No module named '{name}'"),
        );
    };
    let source = format!("def __import__():\n    import {name} as m\n    return m\n");
    let code = match compiler.compile_module(&source, "<import>") {
        Ok(c) => c,
        Err(e) => return Err(Ctl::Raise(vm.syntax_error(&e))),
    };
    let module_code = vm.load_code(code);
    let func_code = match vm.heap.get(module_code) {
        Obj::Code(c) => c.consts.iter().find_map(|v| {
            v.obj()
                .filter(|id| matches!(vm.heap.get(*id), Obj::Code(_)))
        }),
        _ => None,
    };
    let Some(func_code) = func_code else {
        return vm.fail(ExcKind::SystemError, "__import__: no function compiled");
    };
    let globals = vm.new_dict();
    let fname = vm.intern("__import__");
    let func = crate::object::Function {
        code: func_code,
        globals,
        name: fname,
        qualname: fname,
        defaults: Vec::new(),
        kwdefaults: None,
        closure: Vec::new(),
        dict: None,
        module: Value::None,
        doc: Value::None,
    };
    let f = vm.alloc(Obj::Function(Box::new(func)));
    Err(Ctl::tail_call(f, Vec::new()))
}

fn needs_prelude(vm: &Vm, args: &[Value]) -> bool {
    args.iter().any(|a| vm.needs_user_format(*a))
}

fn print(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("print", &args, &["sep", "end", "file", "flush"])?;
    let sep = vm.kwarg(&args, "sep").filter(|v| *v != Value::None);
    let end = vm.kwarg(&args, "end").filter(|v| *v != Value::None);
    for (what, v) in [("sep", sep), ("end", end)] {
        if let Some(v) = v {
            if vm.str_of(v).is_none() {
                let t = vm.type_name(v);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("{what} must be None or a string, not {t}"),
                );
            }
        }
    }
    let file = vm.kwarg(&args, "file").filter(|v| *v != Value::None);
    let stream = match file {
        None => Some(1),
        Some(f) => vm.std_stream_fd(f),
    };
    if needs_prelude(vm, &args.pos) || stream.is_none() {
        let f = vm.prelude_fn("_print")?;
        let t = vm.new_tuple(args.pos.clone());
        let sep = sep.unwrap_or_else(|| vm.intern(" "));
        let end = end.unwrap_or_else(|| vm.intern("\n"));
        let file = file.unwrap_or(Value::None);
        return Err(Ctl::tail_call(f, vec![t, sep, end, file]));
    }
    let sep = sep
        .map(|v| vm.text(v).to_string())
        .unwrap_or_else(|| " ".into());
    let end = end
        .map(|v| vm.text(v).to_string())
        .unwrap_or_else(|| "\n".into());
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_native(*a)?);
    }
    out.push_str(&end);
    let target = if stream == Some(2) {
        &mut vm.stderr
    } else {
        &mut vm.stdout
    };
    let _ = target.write_all(out.as_bytes());
    Ok(Value::None)
}

/// `_write(fd, text)`: write to standard output (1) or standard error (2).
fn write(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_write", &args, 2, 2)?;
    let s = vm.text(args.pos[1]).to_string();
    let out = if args.pos[0] == Value::Int(2) {
        &mut vm.stderr
    } else {
        &mut vm.stdout
    };
    let _ = out.write_all(s.as_bytes());
    Ok(Value::None)
}

/// `len(v)` for built-in values; `None` when `__len__` must be called.
pub(crate) fn len_native(vm: &mut Vm, v: Value) -> R<Option<i64>> {
    let Value::Obj(id) = v else { return Ok(None) };
    Ok(Some(match vm.heap.get(id) {
        Obj::Str(s) => s.chars as i64,
        Obj::List(l) | Obj::Tuple(l) => l.len() as i64,
        Obj::Dict(d) => d.len() as i64,
        Obj::Set(s) | Obj::FrozenSet(s) => s.len() as i64,
        Obj::Bytes(b) => b.len() as i64,
        Obj::Range { start, stop, step } => crate::builtins::range_len(*start, *stop, *step),
        Obj::View { dict, .. } => vm.dict_ref(*dict).map(|d| d.len()).unwrap_or(0) as i64,
        Obj::Instance(i) => {
            let base = i.base;
            if vm.has_user_method(v, "__len__") || base.is_undef() {
                return Ok(None);
            }
            return len_native(vm, base);
        }
        _ => return Ok(None),
    }))
}

fn len(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("len", &args, 1, 1)?;
    let v = args.pos[0];
    if let Some(n) = len_native(vm, v)? {
        return Ok(Value::Int(n));
    }
    match vm.lookup_special(v, "__len__") {
        Some(m) => Err(Ctl::call_then(
            m,
            vec![v],
            Then::IntCheck { method: "__len__" },
        )),
        None => {
            let t = vm.type_name(v);
            vm.fail(
                ExcKind::TypeError,
                format!("object of type '{t}' has no len()"),
            )
        }
    }
}

/// `repr(v)`, through `__repr__` when it is Python code.
pub(crate) fn repr_value(vm: &mut Vm, v: Value) -> R<Value> {
    if vm.has_user_method(v, "__repr__") {
        let m = vm.lookup_special(v, "__repr__").unwrap_or(Value::None);
        return Err(Ctl::call_then(
            m,
            vec![v],
            Then::StrCheck { method: "__repr__" },
        ));
    }
    if vm.needs_user_repr(v) {
        let f = vm.prelude_fn("_repr")?;
        return Err(Ctl::tail_call(f, vec![v]));
    }
    let s = vm.repr_native(v)?;
    Ok(vm.new_string(s))
}

fn repr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("repr", &args, 1, 1)?;
    repr_value(vm, args.pos[0])
}

fn ascii(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("ascii", &args, 1, 1)?;
    let s = vm.repr_native(args.pos[0])?;
    Ok(vm.new_string(crate::builtins::ascii_escape(&s)))
}

fn abs(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("abs", &args, 1, 1)?;
    let v = args.pos[0];
    match vm.num(v) {
        Some(Num::I(i)) if !vm.has_user_method(v, "__abs__") => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.int_from_big(num_bigint::BigInt::from(i).magnitude().clone().into()),
        }),
        Some(Num::B(b)) => Ok(vm.int_from_big(b.magnitude().clone().into())),
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        _ => match vm.lookup_special(v, "__abs__") {
            Some(m) => Err(Ctl::tail_call(m, vec![v])),
            None => {
                let t = vm.type_name(v);
                vm.fail(
                    ExcKind::TypeError,
                    format!("bad operand type for abs(): '{t}'"),
                )
            }
        },
    }
}

fn min(vm: &mut Vm, args: Args) -> R<Value> {
    minmax(vm, args, "min")
}

fn max(vm: &mut Vm, args: Args) -> R<Value> {
    minmax(vm, args, "max")
}

fn minmax(vm: &mut Vm, args: Args, name: &str) -> R<Value> {
    vm.only_kwargs(name, &args, &["key", "default"])?;
    if args.pos.is_empty() {
        return vm.fail(
            ExcKind::TypeError,
            format!("{name} expected at least 1 argument, got 0"),
        );
    }
    let key = vm.kwarg(&args, "key").unwrap_or(Value::None);
    let default = vm.kwarg(&args, "default");
    if args.pos.len() > 1 && default.is_some() {
        return vm.fail(
            ExcKind::TypeError,
            format!("Cannot specify a default for {name}() with multiple positional arguments"),
        );
    }
    let items_v = if args.pos.len() == 1 {
        args.pos[0]
    } else {
        vm.new_tuple(args.pos.clone())
    };
    let native = key == Value::None && vm.is_native_iterable(items_v);
    if native {
        let items = vm.collect_native(items_v)?;
        if items
            .iter()
            .all(|x| !matches!(x, Value::Obj(id) if matches!(vm.heap.get(*id), Obj::Instance(_))))
        {
            if items.is_empty() {
                return match default {
                    Some(d) => Ok(d),
                    None => vm.fail(
                        ExcKind::ValueError,
                        format!("{name}() arg is an empty sequence"),
                    ),
                };
            }
            let op = if name == "min" {
                crate::bytecode::CmpOp::Lt
            } else {
                crate::bytecode::CmpOp::Gt
            };
            let mut best = items[0];
            for x in &items[1..] {
                if vm.compare_native(op, *x, best)? == Some(true) {
                    best = *x;
                }
            }
            return Ok(best);
        }
    }
    let f = vm.prelude_fn("_minmax")?;
    let which = Value::Bool(name == "max");
    let has_default = Value::Bool(default.is_some());
    Err(Ctl::tail_call(
        f,
        vec![
            which,
            items_v,
            key,
            has_default,
            default.unwrap_or(Value::None),
        ],
    ))
}

fn sum(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("sum", &args, &["start"])?;
    vm.arity("sum", &args, 1, 2)?;
    let start = args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "start"))
        .unwrap_or(Value::Int(0));
    if vm.str_of(start).is_some() {
        return vm.fail(
            ExcKind::TypeError,
            "sum() can't sum strings [use ''.join(seq) instead]",
        );
    }
    let it = args.pos[0];
    if vm.is_native_iterable(it) {
        let items = vm.collect_native(it)?;
        let mut acc = start;
        let mut rest = items.into_iter();
        for x in rest.by_ref() {
            match (acc, x) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => {
                    acc = Value::Int(a + b)
                }
                _ => match vm.binary_native(crate::bytecode::BinOp::Add, acc, x)? {
                    Some(v) => acc = v,
                    None => {
                        let f = vm.prelude_fn("_sum_rest")?;
                        let mut remaining = vec![x];
                        remaining.extend(rest);
                        let l = vm.new_list(remaining);
                        return Err(Ctl::tail_call(f, vec![l, acc]));
                    }
                },
            }
        }
        return Ok(acc);
    }
    let f = vm.prelude_fn("_sum_rest")?;
    Err(Ctl::tail_call(f, vec![it, start]))
}

fn any(vm: &mut Vm, args: Args) -> R<Value> {
    anyall(vm, args, true)
}

fn all(vm: &mut Vm, args: Args) -> R<Value> {
    anyall(vm, args, false)
}

fn anyall(vm: &mut Vm, args: Args, is_any: bool) -> R<Value> {
    vm.arity(if is_any { "any" } else { "all" }, &args, 1, 1)?;
    let it = args.pos[0];
    if vm.is_native_iterable(it) {
        let items = vm.collect_native(it)?;
        let mut pending = Vec::new();
        for x in items {
            match vm.truth(x)? {
                Some(b) => {
                    if b == is_any {
                        return Ok(Value::Bool(is_any));
                    }
                }
                None => pending.push(x),
            }
        }
        if pending.is_empty() {
            return Ok(Value::Bool(!is_any));
        }
        let l = vm.new_list(pending);
        let f = vm.prelude_fn(if is_any { "_any" } else { "_all" })?;
        return Err(Ctl::tail_call(f, vec![l]));
    }
    let f = vm.prelude_fn(if is_any { "_any" } else { "_all" })?;
    Err(Ctl::tail_call(f, vec![it]))
}

fn sorted(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("sorted", &args, &["key", "reverse"])?;
    if args.pos.len() != 1 {
        let n = args.pos.len();
        return vm.fail(
            ExcKind::TypeError,
            format!("sorted expected 1 argument, got {n}"),
        );
    }
    let key = vm.kwarg(&args, "key").unwrap_or(Value::None);
    let reverse = vm.kwarg(&args, "reverse").unwrap_or(Value::Bool(false));
    let it = args.pos[0];
    if vm.is_native_iterable(it) {
        let items = vm.collect_native(it)?;
        let l = vm.new_list(items);
        return match crate::builtins::list_methods::sort_list(vm, l, key, reverse) {
            Ok(_) => Ok(l),
            Err(Ctl::Call(_)) => {
                let f = vm.prelude_fn("_sorted")?;
                Err(Ctl::tail_call(f, vec![l, key, reverse]))
            }
            Err(e) => Err(e),
        };
    }
    let f = vm.prelude_fn("_sorted")?;
    Err(Ctl::tail_call(f, vec![it, key, reverse]))
}

fn is_native(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    Ok(Value::Bool(!vm.needs_user_format(v)))
}

fn str_native(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = vm.str_native(v)?;
    Ok(vm.new_string(s))
}

fn repr_native(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = vm.repr_native(v)?;
    Ok(vm.new_string(s))
}

fn format_native(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_format_native", &args, 2, 2)?;
    let spec = vm.text(args.pos[1]).to_string();
    let s = vm.format_native(args.pos[0], &spec)?;
    Ok(vm.new_string(s))
}

fn exc_str(vm: &mut Vm, args: Args) -> R<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let s = vm.exc_str(v)?;
    Ok(vm.new_string(s))
}

fn iter(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("iter", &args, 1, 2)?;
    let v = args.pos[0];
    if args.pos.len() == 2 {
        let f = vm.prelude_fn("_call_iter")?;
        return Err(Ctl::tail_call(f, vec![v, args.pos[1]]));
    }
    match vm.iter_native(v)? {
        Some(it) => Ok(it),
        None => {
            if let Some(m) = vm.lookup_special(v, "__iter__") {
                return Err(Ctl::tail_call(m, vec![v]));
            }
            if vm.lookup_special(v, "__getitem__").is_some() {
                let f = vm.prelude_fn("_seq_iter")?;
                return Err(Ctl::tail_call(f, vec![v]));
            }
            let t = vm.type_name(v);
            vm.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"))
        }
    }
}

fn next(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("next", &args, 1, 2)?;
    let it = args.pos[0];
    let default = args.pos.get(1).copied();
    if let Value::Obj(id) = it {
        match vm.heap.get(id) {
            Obj::Iter(_) => {
                return match vm.iter_next_native(it)? {
                    Some(v) => Ok(v),
                    None => match default {
                        Some(d) => Ok(d),
                        None => {
                            let c = vm.types.exc(ExcKind::StopIteration);
                            Err(Ctl::Raise(vm.new_exc_with_args(c, vec![])))
                        }
                    },
                };
            }
            Obj::Generator(_) => {
                let mode = match default {
                    Some(d) => GenMode::NextDefault { default: d },
                    None => GenMode::Next,
                };
                return Err(Ctl::resume(id, GenInput::Send(Value::None), mode));
            }
            _ => {}
        }
    }
    match vm.lookup_special(it, "__next__") {
        Some(m) => {
            if let Some(d) = default {
                let f = vm.prelude_fn("_next_default")?;
                return Err(Ctl::tail_call(f, vec![it, d]));
            }
            Err(Ctl::tail_call(m, vec![it]))
        }
        None => {
            let t = vm.type_name(it);
            vm.fail(
                ExcKind::TypeError,
                format!("'{t}' object is not an iterator"),
            )
        }
    }
}

fn getattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("getattr", &args, 2, 3)?;
    let (obj, name) = (args.pos[0], args.pos[1]);
    if vm.str_of(name).is_none() {
        return vm.fail(ExcKind::TypeError, "attribute name must be string");
    }
    match vm.getattr(obj, name) {
        Err(Ctl::Raise(e)) if args.pos.len() == 3 && vm.exc_is(e, ExcKind::AttributeError) => {
            Ok(args.pos[2])
        }
        Err(Ctl::Call(req)) if args.pos.len() == 3 => {
            let f = vm.prelude_fn("_getattr_default")?;
            let _ = req;
            Err(Ctl::tail_call(f, vec![obj, name, args.pos[2]]))
        }
        r => r,
    }
}

fn setattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("setattr", &args, 3, 3)?;
    vm.setattr(args.pos[0], args.pos[1], args.pos[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("delattr", &args, 2, 2)?;
    vm.delattr(args.pos[0], args.pos[1])?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("hasattr", &args, 2, 2)?;
    match vm.getattr(args.pos[0], args.pos[1]) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(Ctl::Raise(e)) if vm.exc_is(e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(Ctl::Call(_)) => {
            let f = vm.prelude_fn("_hasattr")?;
            Err(Ctl::tail_call(f, vec![args.pos[0], args.pos[1]]))
        }
        Err(e) => Err(e),
    }
}

fn class_list(vm: &mut Vm, t: Value, fname: &str) -> R<Vec<crate::heap::ObjId>> {
    match t {
        Value::Obj(id) => match vm.heap.get(id) {
            Obj::Class(_) => Ok(vec![id]),
            Obj::Tuple(items) => {
                let items = items.clone();
                let mut out = Vec::new();
                for i in items {
                    out.extend(class_list(vm, i, fname)?);
                }
                Ok(out)
            }
            _ => vm.fail(
                ExcKind::TypeError,
                format!("{fname}() arg 2 must be a type, a tuple of types, or a union"),
            ),
        },
        _ => vm.fail(
            ExcKind::TypeError,
            format!("{fname}() arg 2 must be a type, a tuple of types, or a union"),
        ),
    }
}

/// When a class of `classes` has a metaclass defining `hook` in Python
/// (`__instancecheck__`, `__subclasscheck__`), the prelude's
/// `_class_check` makes the test, with the hook for those classes and
/// the built-in `native` for the others.
fn class_check_hooks(
    vm: &mut Vm,
    subject: Value,
    classes: &[crate::heap::ObjId],
    hook: &str,
    native: &str,
) -> R<Option<Value>> {
    let hooks: Vec<Value> = classes
        .iter()
        .map(|c| {
            let meta = vm.class(*c).map(|k| k.meta);
            meta.filter(|m| *m != vm.types.type_)
                .and_then(|m| vm.lookup(m, &Vm::key_of(hook)))
                .filter(|f| matches!(vm.heap.get_obj(*f), Some(Obj::Function(_))))
                .unwrap_or(Value::None)
        })
        .collect();
    if hooks.iter().all(|h| *h == Value::None) {
        return Ok(None);
    }
    let pairs = classes
        .iter()
        .zip(hooks)
        .map(|(c, h)| vm.new_tuple(vec![Value::Obj(*c), h]))
        .collect();
    let pairs = vm.new_list(pairs);
    let f = vm.prelude_fn("_class_check")?;
    let native = vm.native_value(native);
    Err(Ctl::tail_call(f, vec![subject, pairs, native]))
}

fn isinstance(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("isinstance", &args, 2, 2)?;
    let classes = class_list(vm, args.pos[1], "isinstance")?;
    let v = args.pos[0];
    if let Some(r) = class_check_hooks(vm, v, &classes, "__instancecheck__", "builtins.isinstance")?
    {
        return Ok(r);
    }
    Ok(Value::Bool(classes.iter().any(|c| vm.isinstance(v, *c))))
}

fn issubclass(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("issubclass", &args, 2, 2)?;
    let Some(sub) = args.pos[0].obj().filter(|id| vm.class(*id).is_some()) else {
        return vm.fail(ExcKind::TypeError, "issubclass() arg 1 must be a class");
    };
    let classes = class_list(vm, args.pos[1], "issubclass")?;
    let subject = args.pos[0];
    if let Some(r) = class_check_hooks(
        vm,
        subject,
        &classes,
        "__subclasscheck__",
        "builtins.issubclass",
    )? {
        return Ok(r);
    }
    Ok(Value::Bool(classes.iter().any(|c| vm.is_subclass(sub, *c))))
}

fn callable(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("callable", &args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(args.pos[0])))
}

impl Vm {
    /// `callable(v)`.
    pub fn is_callable(&self, v: Value) -> bool {
        match v {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Function(_)
                | Obj::Native { .. }
                | Obj::Method { .. }
                | Obj::Class(_)
                | Obj::StaticMethod(_) => true,
                _ => self.lookup_special(v, "__call__").is_some(),
            },
            _ => false,
        }
    }
}

fn id(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("id", &args, 1, 1)?;
    Ok(Value::Int(match args.pos[0] {
        Value::Obj(id) => vm.identity(id),
        Value::Int(i) => 0x1000 + i.wrapping_mul(32),
        Value::None => 0x10,
        Value::Bool(b) => 0x20 + i64::from(b),
        Value::Float(f) => f.to_bits() as i64,
        Value::Undef => 0,
    }))
}

fn hash(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("hash", &args, 1, 1)?;
    let v = args.pos[0];
    if vm.has_user_method(v, "__hash__") {
        let m = vm.lookup_special(v, "__hash__").unwrap_or(Value::None);
        return Err(Ctl::call_then(
            m,
            vec![v],
            Then::IntCheck { method: "__hash__" },
        ));
    }
    Ok(Value::Int(vm.hash_native(v)?))
}

fn divmod(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("divmod", &args, 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    match (vm.num(a), vm.num(b)) {
        (Some(Num::F(_)), Some(_)) | (Some(_), Some(Num::F(_))) => {
            let (x, y) = (
                vm.num_to_f64(&vm.num(a).unwrap_or(Num::I(0)))?,
                vm.num_to_f64(&vm.num(b).unwrap_or(Num::I(0)))?,
            );
            if y == 0.0 {
                return vm.fail(ExcKind::ZeroDivisionError, "float divmod()");
            }
            let (q, r) = crate::num::float_divmod(x, y);
            Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]))
        }
        (Some(x), Some(y)) => {
            let q = vm
                .num_binop(crate::bytecode::BinOp::FloorDiv, x.clone(), y.clone())?
                .unwrap_or(Value::None);
            let r = vm
                .num_binop(crate::bytecode::BinOp::Mod, x, y)?
                .unwrap_or(Value::None);
            Ok(vm.new_tuple(vec![q, r]))
        }
        _ => match vm.lookup_special(a, "__divmod__") {
            Some(m) => Err(Ctl::tail_call(m, vec![a, b])),
            None => {
                let (ta, tb) = (vm.type_name(a), vm.type_name(b));
                vm.fail(
                    ExcKind::TypeError,
                    format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"),
                )
            }
        },
    }
}

fn pow(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("pow", &args, 2, 3)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if let Some(&m) = args.pos.get(2).filter(|m| **m != Value::None) {
        let (Some(x), Some(y), Some(z)) = (
            vm.num(a).and_then(|n| n.big()),
            vm.num(b).and_then(|n| n.big()),
            vm.num(m).and_then(|n| n.big()),
        ) else {
            return vm.fail(
                ExcKind::TypeError,
                "pow() 3rd argument not allowed unless all arguments are integers",
            );
        };
        use num_traits::{Signed, Zero};
        if z.is_zero() {
            return vm.fail(ExcKind::ValueError, "pow() 3rd argument cannot be 0");
        }
        let r = if y.is_negative() {
            let inv = modinv(&x, &z);
            match inv {
                Some(inv) => inv.modpow(&(-y), &z),
                None => {
                    return vm.fail(
                        ExcKind::ValueError,
                        "base is not invertible for the given modulus",
                    )
                }
            }
        } else {
            x.modpow(&y, &z)
        };
        let r = if !r.is_zero() && (r.is_negative() != z.is_negative()) {
            r + &z
        } else {
            r
        };
        return Ok(vm.int_from_big(r));
    }
    match (vm.num(a), vm.num(b)) {
        (Some(x), Some(y)) => match vm.num_binop(crate::bytecode::BinOp::Pow, x, y)? {
            Some(v) => Ok(v),
            None => vm.fail(ExcKind::TypeError, "unsupported operand types for pow()"),
        },
        _ => {
            let f = vm.prelude_fn("_pow2")?;
            Err(Ctl::tail_call(f, vec![a, b]))
        }
    }
}

fn modinv(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let e = a.mod_floor(m).extended_gcd(m);
    if !e.gcd.abs().is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

fn round(vm: &mut Vm, args: Args) -> R<Value> {
    vm.only_kwargs("round", &args, &["ndigits"])?;
    vm.arity("round", &args, 1, 2)?;
    let v = args.pos[0];
    let nd = args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "ndigits"))
        .filter(|x| *x != Value::None);
    match vm.num(v) {
        Some(Num::F(f)) => match nd {
            None => {
                if !f.is_finite() {
                    let msg = if f.is_nan() {
                        "cannot convert float NaN to integer"
                    } else {
                        "cannot convert float infinity to integer"
                    };
                    return vm.fail(
                        if f.is_nan() {
                            ExcKind::ValueError
                        } else {
                            ExcKind::OverflowError
                        },
                        msg,
                    );
                }
                let r = round_half_even(f);
                if r.abs() < 9e18 {
                    Ok(Value::Int(r as i64))
                } else {
                    use num_traits::FromPrimitive;
                    Ok(vm.int_from_big(num_bigint::BigInt::from_f64(r).unwrap_or_default()))
                }
            }
            Some(n) => {
                let n = vm.int_arg(n, "")?;
                Ok(Value::Float(round_float_digits(f, n)))
            }
        },
        Some(Num::I(i)) => match nd {
            Some(n) => {
                let n = vm.int_arg(n, "")?;
                if n >= 0 {
                    return Ok(Value::Int(i));
                }
                let p = 10i128.checked_pow((-n) as u32).unwrap_or(i128::MAX);
                let x = i as i128;
                let q = x.div_euclid(p);
                let r = x.rem_euclid(p);
                let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                    q + 1
                } else {
                    q
                };
                Ok(Value::Int((q * p) as i64))
            }
            None => Ok(Value::Int(i)),
        },
        Some(Num::B(b)) => match nd {
            Some(n) => {
                let n = vm.int_arg(n, "")?;
                if n >= 0 {
                    return Ok(v);
                }
                use num_integer::Integer;
                let p = num_bigint::BigInt::from(10).pow((-n) as u32);
                let (q, r) = b.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) {
                    q + 1
                } else {
                    q
                };
                Ok(vm.int_from_big(q * p))
            }
            None => Ok(v),
        },
        None => match vm.lookup_special(v, "__round__") {
            Some(m) => {
                let mut a = vec![v];
                a.extend(nd);
                Err(Ctl::tail_call(m, a))
            }
            None => {
                let t = vm.type_name(v);
                vm.fail(
                    ExcKind::TypeError,
                    format!("type {t} doesn't define __round__ method"),
                )
            }
        },
    }
}

fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

/// Round to `n` decimal digits as CPython does (correctly rounded through the decimal text).
fn round_float_digits(f: f64, n: i64) -> f64 {
    if !f.is_finite() {
        return f;
    }
    if n > 300 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        let exact = format!("{:.*}", (n as usize) + 30, f);
        // Half-even on the exact decimal expansion of the binary value.
        let digits = &exact[exact.len() - 30..];
        if digits.starts_with('5') && digits[1..].chars().all(|c| c == '0') {
            let down = format!("{:.*}", n as usize, trunc_to(f, n));
            let last_even = down
                .chars()
                .rev()
                .find(|c| c.is_ascii_digit())
                .map(|c| (c as u8 - b'0').is_multiple_of(2))
                .unwrap_or(true);
            if last_even {
                return down.parse().unwrap_or(f);
            }
        }
        s.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-n) as i32);
        round_half_even(f / p) * p
    }
}

fn trunc_to(f: f64, n: i64) -> f64 {
    let p = 10f64.powi(n as i32);
    (f * p).trunc() / p
}

fn chr(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("chr", &args, 1, 1)?;
    let i = vm.int_arg(args.pos[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut b)))
        }
        None => vm.fail(ExcKind::ValueError, "chr() arg not in range(0x110000)"),
    }
}

fn ord(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("ord", &args, 1, 1)?;
    let v = args.pos[0];
    if let Some(s) = vm.str_of(v) {
        let mut it = s.s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(i64::from(c as u32))),
            _ => {
                let n = s.chars;
                vm.fail(
                    ExcKind::TypeError,
                    format!("ord() expected a character, but string of length {n} found"),
                )
            }
        };
    }
    if let Value::Obj(id) = v {
        if let Obj::Bytes(b) = vm.heap.get(id) {
            if b.len() == 1 {
                return Ok(Value::Int(i64::from(b[0])));
            }
        }
    }
    let t = vm.type_name(v);
    vm.fail(
        ExcKind::TypeError,
        format!("ord() expected string of length 1, but {t} found"),
    )
}

fn radix(vm: &mut Vm, args: Args, name: &str, spec: &str) -> R<Value> {
    vm.arity(name, &args, 1, 1)?;
    let v = args.pos[0];
    if vm.has_user_method(v, "__index__") {
        let f = vm.prelude_fn("_call_with_index")?;
        let this = vm.native_value(&format!("builtins.{name}"));
        return Err(Ctl::tail_call(f, vec![this, v]));
    }
    if vm.num(v).is_none() || matches!(v, Value::Float(_)) {
        let t = vm.type_name(v);
        return vm.fail(
            ExcKind::TypeError,
            format!("'{t}' object cannot be interpreted as an integer"),
        );
    }
    let s = vm.format_native(v, spec)?;
    Ok(vm.new_string(s))
}

fn hex(vm: &mut Vm, args: Args) -> R<Value> {
    radix(vm, args, "hex", "#x")
}

fn bin(vm: &mut Vm, args: Args) -> R<Value> {
    radix(vm, args, "bin", "#b")
}

fn oct(vm: &mut Vm, args: Args) -> R<Value> {
    radix(vm, args, "oct", "#o")
}

fn format(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("format", &args, 1, 2)?;
    let v = args.pos[0];
    let spec = args.pos.get(1).copied().unwrap_or_else(|| vm.intern(""));
    if vm.has_user_method(v, "__format__") {
        let m = vm.lookup_special(v, "__format__").unwrap_or(Value::None);
        return Err(Ctl::call_then(
            m,
            vec![v, spec],
            Then::StrCheck {
                method: "__format__",
            },
        ));
    }
    if vm.needs_user_format(v) {
        let f = vm.prelude_fn("_format_value")?;
        return Err(Ctl::tail_call(f, vec![v, Value::Int(0), spec]));
    }
    let sp = vm.text(spec).to_string();
    let s = vm.format_native(v, &sp)?;
    Ok(vm.new_string(s))
}

/// Live canonical keys with hash `h` (for the prelude's `_canon_key`).
fn key_candidates(vm: &mut Vm, args: Args) -> R<Value> {
    let h = match args.pos.first() {
        Some(Value::Int(h)) => *h,
        _ => 0,
    };
    let ids: Vec<Value> = vm
        .user_keys
        .get(&h)
        .map(|v| v.iter().map(|i| Value::Obj(*i)).collect())
        .unwrap_or_default();
    Ok(vm.new_list(ids))
}

/// Record `k`'s key as `(h, canon)`; a key that is its own canon joins the candidates.
fn set_key(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_set_key", &args, 3, 3)?;
    let (k, h, c) = (args.pos[0], args.pos[1], args.pos[2]);
    let (Value::Obj(kid), Value::Int(h), Value::Obj(cid)) = (k, h, c) else {
        return vm.fail(ExcKind::TypeError, "_set_key: bad arguments");
    };
    if let Obj::Instance(i) = vm.heap.get_mut(kid) {
        i.key = Some((h, cid));
    }
    if kid == cid {
        vm.user_keys.entry(h).or_default().push(cid);
    }
    Ok(Value::None)
}

impl Vm {
    /// Make `obj`, an instance whose key is `(hash, obj)`, the canonical
    /// key for its hash: equal instances made later find it (how a loaded
    /// pickle keeps user-hashed keys of dicts and sets working).
    pub fn register_canonical_key(&mut self, hash: i64, obj: ObjId) {
        let ids = self.user_keys.entry(hash).or_default();
        if !ids.contains(&obj) {
            ids.push(obj);
        }
    }

    /// 1 or 2 when `v` is the prelude's `sys.stdout` or `sys.stderr` object.
    pub(crate) fn std_stream_fd(&self, v: Value) -> Option<i64> {
        let Value::Obj(id) = v else { return None };
        let Obj::Instance(i) = self.heap.get(id) else {
            return None;
        };
        let cls = self.dict_get_str(self.prelude, "_StdStream")?;
        if Value::Obj(i.class) != cls {
            return None;
        }
        match self.dict_ref(i.dict).and_then(|d| d.get(&Vm::key_of("fd"))) {
            Some(Value::Int(fd)) => Some(fd),
            _ => None,
        }
    }
}

/// `globals()` and `locals()` are served by the interpreter, which has the frame.
fn frame_only(vm: &mut Vm, _: Args) -> R<Value> {
    vm.fail(ExcKind::SystemError, "needs the calling frame")
}

/// `vars(obj)`: its `__dict__` (`vars()` is `locals()`, served by the interpreter).
fn vars(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("vars", &args, 1, 1)?;
    let name = vm.intern("__dict__");
    match vm.getattr(args.pos[0], name) {
        Err(Ctl::Raise(_)) => vm.fail(
            ExcKind::TypeError,
            "vars() argument must have __dict__ attribute",
        ),
        r => r,
    }
}

/// `dir(obj)`: the sorted attribute names the prelude gathers from its
/// `__dir__`, or its `__dict__` and its classes (`dir()` is served by the
/// interpreter, which has the frame).
fn dir(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("dir", &args, 0, 1)?;
    let f = vm.prelude_fn("_dir")?;
    Err(Ctl::tail_call(f, args.pos))
}

/// `exit(code)` / `quit(code)`: raise `SystemExit`.
fn exit(vm: &mut Vm, args: Args) -> R<Value> {
    let c = vm.types.exc(ExcKind::SystemExit);
    let a = args.pos.first().copied().into_iter().collect();
    Err(Ctl::Raise(vm.new_exc_with_args(c, a)))
}

/// `input(prompt)`: a line of standard input without its newline; `EOFError` at its end.
fn input(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("input", &args, 0, 1)?;
    if let Some(p) = args.pos.first() {
        let text = vm.str_native(*p)?;
        let _ = vm.stdout.write_all(text.as_bytes());
        let _ = vm.stdout.flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => vm.fail(ExcKind::EOFError, "EOF when reading a line"),
        Ok(_) => {
            let trimmed = line.strip_suffix('\n').unwrap_or(&line);
            let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed).to_string();
            Ok(vm.new_string(trimmed))
        }
    }
}
