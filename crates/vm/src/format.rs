//! Text of values: `repr()`, `str()`, `format()` and the format-spec
//! mini-language, `%`-formatting, and CPython's float repr.
//!
//! These work on built-in values only; a value that needs user code
//! (`__repr__`, `__str__`, `__format__` written in Python) is reported by
//! [`Vm::needs_user_format`] or [`Vm::needs_user_repr`] and handled by the
//! prelude instead.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::heap::ObjId;
use crate::native::R;
use crate::num::Num;
use crate::object::{Obj, Singleton, ViewKind};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// How deep `repr` goes into nested containers before giving up.
const MAX_REPR_DEPTH: usize = 200;

/// The fewest significant digits that read back as `f`, in Rust's `e`
/// notation; of the candidates with that many digits, the nearest to `f`
/// (an exact tie goes to the even digit, as CPython's repr does).
fn shortest_digits(f: f64) -> String {
    let shortest = format!("{f:e}");
    let n = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.chars().filter(char::is_ascii_digit).count());
    // A tie needs as many digits as a double holds: shorter forms are
    // exact already.
    if n < 16 {
        return shortest;
    }
    let exact = format!("{:.*e}", n - 1, f);
    if exact.parse::<f64>() == Ok(f) {
        exact
    } else {
        shortest
    }
}

/// CPython's `repr()` of a float.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = shortest_digits(f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Whether `repr` shows `c` as it is: not a separator other than the
/// space, a format character, a surrogate or a private-use character
/// (Unicode's Z*, Cf, Cs and Co categories, as `str.isprintable` says;
/// the control characters are escaped before this is asked).
fn is_printable(c: char) -> bool {
    !matches!(c as u32,
        0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb
        | 0xf0000..=0x10ffff)
}

/// CPython's `repr()` of a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => match c as u32 {
                n @ 0..=0xff => out.push_str(&format!("\\x{n:02x}")),
                n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
                n => out.push_str(&format!("\\U{n:08x}")),
            },
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// CPython's `repr()` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == quote => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            x => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(quote);
    out
}

impl Vm {
    /// Whether producing the text of `v` (its `repr`, `str` or `format`)
    /// needs user code.
    pub fn needs_user_format(&self, v: Value) -> bool {
        self.user_code_in(v, 0, &["__repr__", "__str__", "__format__"])
    }

    /// Whether `repr(v)` needs user code: a `__repr__` written in Python,
    /// of `v` or of what its built-in repr shows (the items of a
    /// container, the arguments of an exception).
    pub fn needs_user_repr(&self, v: Value) -> bool {
        self.user_code_in(v, 0, &["__repr__"])
    }

    /// Whether the text of `v` runs one of `methods` written in Python.
    fn user_code_in(&self, v: Value, depth: usize, methods: &[&str]) -> bool {
        let Value::Obj(id) = v else { return false };
        if depth > MAX_REPR_DEPTH {
            return false;
        }
        let inner = |x: &Value| self.user_code_in(*x, depth + 1, methods);
        let user = || methods.iter().any(|m| self.has_user_method(v, m));
        match self.heap.get(id) {
            Obj::Class(c) if c.meta != self.types.type_ => user(),
            Obj::Instance(i) => {
                user()
                    || i.exc.as_ref().is_some_and(|e| inner(&e.args))
                    || (!i.base.is_undef() && !self.is_host(i.base) && inner(&i.base))
            }
            Obj::List(items) | Obj::Tuple(items) => items.iter().any(inner),
            Obj::Dict(d) => d.map.values().any(|(k, x)| inner(k) || inner(x)),
            Obj::Set(s) | Obj::FrozenSet(s) => s.values().any(inner),
            Obj::View { dict, .. } => inner(&Value::Obj(*dict)),
            _ => false,
        }
    }

    /// `repr(v)` for values that need no user code.
    pub fn repr_native(&mut self, v: Value) -> R<String> {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.repr_into(v, &mut out, &mut seen)?;
        Ok(out)
    }

    /// `str(v)` for values that need no user code.
    pub fn str_native(&mut self, v: Value) -> R<String> {
        if let Value::Obj(id) = v {
            match self.heap.get(id) {
                Obj::Str(s) => return Ok(s.s.to_string()),
                Obj::Instance(i) if i.exc.is_some() => return self.exc_str(v),
                Obj::Instance(i) if !i.base.is_undef() && !self.has_user_method(v, "__repr__") => {
                    let b = i.base;
                    return self.str_native(b);
                }
                _ => {}
            }
        }
        self.repr_native(v)
    }

    /// The arguments an exception was made with.
    pub fn exc_args(&self, exc: Value) -> Vec<Value> {
        let args = self.exc_data(exc).map(|e| e.args).unwrap_or(Value::None);
        match self.heap.get_obj(args) {
            Some(Obj::Tuple(t)) => t.clone(),
            _ => Vec::new(),
        }
    }

    /// The `str()` of an exception: its single argument, or its args
    /// tuple; an `OSError` with an errno and a message shows them as
    /// `[Errno N] message` (and `: 'filename'`).
    pub fn exc_str(&mut self, exc: Value) -> R<String> {
        let args = self.exc_data(exc).map(|e| e.args).unwrap_or(Value::None);
        let items = self.exc_args(exc);
        if (2..=3).contains(&items.len()) && self.exc_is(exc, ExcKind::OSError) {
            let mut s = format!(
                "[Errno {}] {}",
                self.str_native(items[0])?,
                self.str_native(items[1])?
            );
            if let Some(f) = items.get(2) {
                s.push_str(": ");
                s.push_str(&self.repr_native(*f)?);
            }
            return Ok(s);
        }
        match items.len() {
            0 => Ok(String::new()),
            1 => {
                if self.exc_is(exc, ExcKind::KeyError) {
                    self.repr_native(items[0])
                } else {
                    self.str_native(items[0])
                }
            }
            _ => self.repr_native(args),
        }
    }

    fn repr_into(
        &mut self,
        v: Value,
        out: &mut String,
        seen: &mut Vec<crate::heap::ObjId>,
    ) -> R<()> {
        match v {
            Value::Undef => out.push_str("<NULL>"),
            Value::None => out.push_str("None"),
            Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&float_repr(f)),
            Value::Obj(id) => {
                if seen.len() > MAX_REPR_DEPTH {
                    return self.fail(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object",
                    );
                }
                let obj = self.heap.get(id);
                let container = matches!(
                    obj,
                    Obj::List(_) | Obj::Tuple(_) | Obj::Dict(_) | Obj::Set(_) | Obj::FrozenSet(_)
                );
                if container && seen.contains(&id) {
                    out.push_str(match obj {
                        Obj::Dict(_) => "{...}",
                        Obj::List(_) => "[...]",
                        _ => "(...)",
                    });
                    return Ok(());
                }
                match obj {
                    Obj::Str(s) => out.push_str(&str_repr(&s.s)),
                    Obj::Bytes(b) => out.push_str(&bytes_repr(b)),
                    Obj::Int(b) => out.push_str(&b.to_string()),
                    Obj::List(items) => {
                        let items = items.clone();
                        seen.push(id);
                        out.push('[');
                        for (i, x) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.repr_into(*x, out, seen)?;
                        }
                        out.push(']');
                        seen.pop();
                    }
                    Obj::Tuple(items) => {
                        let items = items.clone();
                        seen.push(id);
                        out.push('(');
                        for (i, x) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.repr_into(*x, out, seen)?;
                        }
                        if items.len() == 1 {
                            out.push(',');
                        }
                        out.push(')');
                        seen.pop();
                    }
                    Obj::Dict(d) => {
                        let entries: Vec<(Value, Value)> = d.map.values().copied().collect();
                        seen.push(id);
                        out.push('{');
                        for (i, (k, x)) in entries.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.repr_into(*k, out, seen)?;
                            out.push_str(": ");
                            self.repr_into(*x, out, seen)?;
                        }
                        out.push('}');
                        seen.pop();
                    }
                    Obj::Set(s) | Obj::FrozenSet(s) => {
                        let frozen = matches!(obj, Obj::FrozenSet(_));
                        let items = crate::objects::dict::set_order(s);
                        if items.is_empty() {
                            out.push_str(if frozen { "frozenset()" } else { "set()" });
                            return Ok(());
                        }
                        seen.push(id);
                        if frozen {
                            out.push_str("frozenset(");
                        }
                        out.push('{');
                        for (i, x) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            self.repr_into(*x, out, seen)?;
                        }
                        out.push('}');
                        if frozen {
                            out.push(')');
                        }
                        seen.pop();
                    }
                    Obj::Range { start, stop, step } => {
                        if *step == 1 {
                            out.push_str(&format!("range({start}, {stop})"));
                        } else {
                            out.push_str(&format!("range({start}, {stop}, {step})"));
                        }
                    }
                    Obj::Slice { start, stop, step } => {
                        let (a, b, c) = (*start, *stop, *step);
                        seen.push(id);
                        out.push_str("slice(");
                        self.repr_into(a, out, seen)?;
                        out.push_str(", ");
                        self.repr_into(b, out, seen)?;
                        out.push_str(", ");
                        self.repr_into(c, out, seen)?;
                        out.push(')');
                        seen.pop();
                    }
                    Obj::Function(f) => {
                        let q = self.text(f.qualname).to_string();
                        out.push_str(&format!("<function {q} at 0x{:012x}>", self.identity(id)));
                    }
                    Obj::Native { id: nid, self_ } => {
                        let name = self
                            .natives
                            .get(nid.0 as usize)
                            .map(|d| d.name)
                            .unwrap_or("?");
                        let short = name.rsplit('.').next().unwrap_or(name);
                        if self_.is_undef() || name.starts_with("builtins.") {
                            out.push_str(&format!("<built-in function {short}>"));
                        } else {
                            let t = self.type_name(*self_);
                            out.push_str(&format!(
                                "<built-in method {short} of {t} object at 0x{:012x}>",
                                self.identity(id)
                            ));
                        }
                    }
                    Obj::Method { func, self_ } => {
                        let (func, self_) = (*func, *self_);
                        let q = match self.heap.get_obj(func) {
                            Some(Obj::Function(f)) => self.text(f.qualname).to_string(),
                            _ => "?".into(),
                        };
                        let mut inner = String::new();
                        seen.push(id);
                        self.repr_into(self_, &mut inner, seen)?;
                        seen.pop();
                        out.push_str(&format!("<bound method {q} of {inner}>"));
                    }
                    Obj::Code(c) => {
                        let n = c.code.name.clone();
                        out.push_str(&format!(
                            "<code object {n} at 0x{:012x}>",
                            self.identity(id)
                        ));
                    }
                    Obj::Class(c) => {
                        let n = self.text(c.qualname).to_string();
                        if c.builtin {
                            match self.host_class_module(id) {
                                Some(m) => out.push_str(&format!("<class '{m}.{n}'>")),
                                None => out.push_str(&format!("<class '{n}'>")),
                            }
                        } else {
                            let module = self
                                .dict_ref(c.dict)
                                .and_then(|d| d.get(&Vm::key_of("__module__")))
                                .map(|m| self.text(m).to_string())
                                .unwrap_or_else(|| "__main__".into());
                            out.push_str(&format!("<class '{module}.{n}'>"));
                        }
                    }
                    Obj::Instance(i) => {
                        if i.exc.is_some() {
                            let cn = self.type_name(v);
                            let args = i.exc.as_ref().map(|e| e.args).unwrap_or(Value::None);
                            let items = match self.heap.get_obj(args) {
                                Some(Obj::Tuple(t)) => t.clone(),
                                _ => Vec::new(),
                            };
                            out.push_str(&cn);
                            seen.push(id);
                            if items.len() == 1 {
                                out.push('(');
                                self.repr_into(items[0], out, seen)?;
                                out.push(')');
                            } else {
                                self.repr_into(args, out, seen)?;
                            }
                            seen.pop();
                        } else if !i.base.is_undef() && !self.is_host(i.base) {
                            let b = i.base;
                            seen.push(id);
                            self.repr_into(b, out, seen)?;
                            seen.pop();
                        } else {
                            out.push_str(&self.default_repr(i.class, id));
                        }
                    }
                    Obj::Module(m) => {
                        let n = self.text(m.name).to_string();
                        out.push_str(&format!("<module '{n}'>"));
                    }
                    Obj::Cell(_) => {
                        out.push_str(&format!("<cell at 0x{:012x}>", self.identity(id)))
                    }
                    Obj::Generator(g) => {
                        let q = self.text(g.qualname).to_string();
                        let kind = match g.kind {
                            crate::object::GenKind::Generator => "generator",
                            crate::object::GenKind::AsyncGenerator => "async_generator_frame",
                            crate::object::GenKind::Coroutine => "coroutine",
                        };
                        out.push_str(&format!(
                            "<{kind} object {q} at 0x{:012x}>",
                            self.identity(id)
                        ));
                    }
                    Obj::Iter(it) => {
                        let n = it.type_name();
                        out.push_str(&format!("<{n} object at 0x{:012x}>", self.identity(id)));
                    }
                    Obj::View { dict, kind } => {
                        let (dict, kind) = (*dict, *kind);
                        let name = match kind {
                            ViewKind::Keys => "dict_keys",
                            ViewKind::Values => "dict_values",
                            ViewKind::Items => "dict_items",
                        };
                        let entries: Vec<(Value, Value)> = self
                            .dict_ref(dict)
                            .map(|d| d.map.values().copied().collect())
                            .unwrap_or_default();
                        out.push_str(name);
                        out.push_str("([");
                        for (i, (k, x)) in entries.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            match kind {
                                ViewKind::Keys => self.repr_into(*k, out, seen)?,
                                ViewKind::Values => self.repr_into(*x, out, seen)?,
                                ViewKind::Items => {
                                    out.push('(');
                                    self.repr_into(*k, out, seen)?;
                                    out.push_str(", ");
                                    self.repr_into(*x, out, seen)?;
                                    out.push(')');
                                }
                            }
                        }
                        out.push_str("])");
                    }
                    Obj::Property { .. } => out.push_str(&format!(
                        "<property object at 0x{:012x}>",
                        self.identity(id)
                    )),
                    Obj::StaticMethod(_) => out.push_str("<staticmethod object>"),
                    Obj::ClassMethod(_) => out.push_str("<classmethod object>"),
                    Obj::Super { .. } => out.push_str("<super object>"),
                    Obj::Singleton(Singleton::NotImplemented) => out.push_str("NotImplemented"),
                    Obj::Singleton(Singleton::Ellipsis) => out.push_str("Ellipsis"),
                    Obj::Host(h) => out.push_str(&self.default_repr(h.class, id)),
                    Obj::Free => out.push_str("<freed>"),
                }
            }
        }
        Ok(())
    }

    /// `object.__repr__`: `<module.qualname object at 0x…>`.
    pub fn default_repr(&self, cls: ObjId, id: ObjId) -> String {
        let module = self
            .class(cls)
            .and_then(|c| self.dict_ref(c.dict))
            .and_then(|d| d.get(&Vm::key_of("__module__")))
            .map(|m| self.text(m).to_string())
            .unwrap_or_else(|| "__main__".into());
        let q = self
            .class(cls)
            .map(|c| self.text(c.qualname).to_string())
            .unwrap_or_default();
        format!("<{module}.{q} object at 0x{:012x}>", self.identity(id))
    }

    /// `format(v, spec)` for values that need no user code.
    pub fn format_native(&mut self, v: Value, spec: &str) -> R<String> {
        let empty = spec.is_empty();
        let Some(spec) = FormatSpec::parse(spec) else {
            return self.fail(ExcKind::ValueError, "Invalid format specifier");
        };
        let base = self.unwrap_base(v);
        if let Some(n) = self.num(base) {
            if !matches!(base, Value::Bool(_)) || !empty {
                return self.format_number(n, &spec, v);
            }
        }
        if !empty && self.str_of(base).is_none() && self.num(base).is_none() {
            // object.__format__ takes no spec.
            let t = self.type_name(v);
            return self.fail(
                ExcKind::TypeError,
                format!("unsupported format string passed to {t}.__format__"),
            );
        }
        let text = self.str_native(v)?;
        if let Some(t) = spec.ty {
            if t != 's' {
                let tn = self.type_name(v);
                return self.fail(
                    ExcKind::ValueError,
                    format!("Unknown format code '{t}' for object of type '{tn}'"),
                );
            }
        }
        if spec.sign.is_some() {
            return self.fail(
                ExcKind::ValueError,
                "Sign not allowed in string format specifier",
            );
        }
        let text = match spec.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text,
        };
        Ok(spec.pad(&text, '<'))
    }

    fn format_number(&mut self, n: Num, spec: &FormatSpec, orig: Value) -> R<String> {
        let ty = spec.ty;
        let is_float = matches!(n, Num::F(_));
        let (neg, body) = match ty {
            Some('d') | Some('b') | Some('o') | Some('x') | Some('X') | Some('c') | Some('n') => {
                let Some(b) = n.big() else {
                    let t = self.type_name(orig);
                    let c = ty.unwrap_or('d');
                    return self.fail(
                        ExcKind::ValueError,
                        format!("Unknown format code '{c}' for object of type '{t}'"),
                    );
                };
                let neg = b.is_negative();
                let a = b.abs();
                let digits = match ty {
                    Some('b') => a.to_str_radix(2),
                    Some('o') => a.to_str_radix(8),
                    Some('x') => a.to_str_radix(16),
                    Some('X') => a.to_str_radix(16).to_uppercase(),
                    Some('c') => char::from_u32(a.to_u32().unwrap_or(0))
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => a.to_string(),
                };
                let prefix = if spec.alt {
                    match ty {
                        Some('b') => "0b",
                        Some('o') => "0o",
                        Some('x') => "0x",
                        Some('X') => "0X",
                        _ => "",
                    }
                } else {
                    ""
                };
                let grouped = match (spec.grouping, ty) {
                    (Some(g), Some('d') | Some('n')) => group_digits(&digits, g, 3),
                    (Some('_'), _) => group_digits(&digits, '_', 4),
                    _ => digits,
                };
                (neg, format!("{prefix}{grouped}"))
            }
            None if !is_float => {
                let b = n.big().unwrap_or_default();
                let neg = b.is_negative();
                let digits = b.abs().to_string();
                let grouped = match spec.grouping {
                    Some(g) => group_digits(&digits, g, 3),
                    None => digits,
                };
                (neg, grouped)
            }
            _ => {
                let f = match &n {
                    Num::F(f) => *f,
                    Num::I(i) => *i as f64,
                    Num::B(b) => b.to_f64().unwrap_or(f64::INFINITY),
                };
                let neg = f.is_sign_negative();
                let a = f.abs();
                let body = match ty {
                    Some('f') | Some('F') => {
                        fmt_fixed(a, spec.precision.unwrap_or(6), spec.grouping)
                    }
                    Some('e') | Some('E') => {
                        let s = fmt_exp(a, spec.precision.unwrap_or(6));
                        if ty == Some('E') {
                            s.to_uppercase()
                        } else {
                            s
                        }
                    }
                    Some('%') => format!(
                        "{}%",
                        fmt_fixed(a * 100.0, spec.precision.unwrap_or(6), spec.grouping)
                    ),
                    Some('g') | Some('G') => {
                        let s = fmt_general(a, spec.precision.unwrap_or(6), spec.alt);
                        if ty == Some('G') {
                            s.to_uppercase()
                        } else {
                            s
                        }
                    }
                    None => match spec.precision {
                        Some(p) => {
                            let s = fmt_general(a, p.max(1), spec.alt);
                            if s.contains(['.', 'e', 'n', 'i']) {
                                s
                            } else {
                                format!("{s}.0")
                            }
                        }
                        None => {
                            let r = float_repr(a);
                            match spec.grouping {
                                Some(g) => {
                                    let (ip, fp) = r.split_once('.').unwrap_or((&r, ""));
                                    format!("{}.{}", group_digits(ip, g, 3), fp)
                                }
                                None => r,
                            }
                        }
                    },
                    Some(c) => {
                        let t = self.type_name(orig);
                        return self.fail(
                            ExcKind::ValueError,
                            format!("Unknown format code '{c}' for object of type '{t}'"),
                        );
                    }
                };
                (neg && !a.is_nan(), body)
            }
        };
        let sign = if neg {
            "-"
        } else {
            match spec.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        if spec.zero && spec.align.is_none() {
            let width = spec.width.unwrap_or(0);
            let len = sign.chars().count() + body.chars().count();
            let mut zeros = String::new();
            if width > len {
                zeros = "0".repeat(width - len);
            }
            let (pre, rest) = if body.starts_with("0x")
                || body.starts_with("0b")
                || body.starts_with("0o")
                || body.starts_with("0X")
            {
                body.split_at(2)
            } else {
                ("", body.as_str())
            };
            return Ok(format!("{sign}{pre}{zeros}{rest}"));
        }
        if spec.align == Some('=') {
            let width = spec.width.unwrap_or(0);
            let len = sign.chars().count() + body.chars().count();
            let fill: String = std::iter::repeat_n(spec.fill, width.saturating_sub(len)).collect();
            return Ok(format!("{sign}{fill}{body}"));
        }
        Ok(spec.pad(&format!("{sign}{body}"), '>'))
    }

    /// A width or precision of a `%` conversion: its digits, or a `*`
    /// that takes the next argument; `None` when there is neither.
    fn percent_count(
        &mut self,
        chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
        args: &mut std::slice::Iter<'_, Value>,
    ) -> R<Option<i64>> {
        if chars.peek() == Some(&'*') {
            chars.next();
            return match args.next() {
                Some(Value::Int(n)) => Ok(Some(*n)),
                Some(_) => self.fail(ExcKind::TypeError, "* wants int"),
                None => self.fail(ExcKind::TypeError, "not enough arguments for format string"),
            };
        }
        let mut digits = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            digits.push(d);
            chars.next();
        }
        if digits.is_empty() {
            return Ok(None);
        }
        match digits.parse() {
            Ok(n) => Ok(Some(n)),
            Err(_) => self.fail(ExcKind::ValueError, "width too big"),
        }
    }

    /// `fmt % args` for a str `fmt`.
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> R<Value> {
        let f = self.text(fmt).to_string();
        let items: Vec<Value> = match args {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(t) => t.clone(),
                _ => vec![args],
            },
            _ => vec![args],
        };
        let mapping = match args {
            Value::Obj(id) if matches!(self.heap.get(id), Obj::Dict(_)) => Some(id),
            _ => None,
        };
        let mut out = String::new();
        let mut it = items.iter();
        let mut chars = f.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            // `%(name)s` takes its argument from a mapping.
            let mut keyed = None;
            if chars.peek() == Some(&'(') {
                chars.next();
                let mut name = String::new();
                let mut depth = 1;
                for ch in chars.by_ref() {
                    match ch {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    name.push(ch);
                }
                let Some(m) = mapping else {
                    return self.fail(ExcKind::TypeError, "format requires a mapping");
                };
                match self.dict_get_str(m, &name) {
                    Some(v) => keyed = Some(v),
                    None => return Err(self.key_error_str(&name)),
                }
            }
            let mut flags = String::new();
            while let Some(&d) = chars.peek() {
                if "-+ 0#".contains(d) {
                    flags.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let width = match self.percent_count(&mut chars, &mut it)? {
                Some(w) if w < 0 => {
                    flags.push('-');
                    w.unsigned_abs().to_string()
                }
                Some(w) => w.to_string(),
                None => String::new(),
            };
            let mut prec = None;
            if chars.peek() == Some(&'.') {
                chars.next();
                let p = self.percent_count(&mut chars, &mut it)?.unwrap_or(0);
                prec = Some(usize::try_from(p).unwrap_or(0));
            }
            let Some(conv) = chars.next() else {
                return self.fail(ExcKind::ValueError, "incomplete format");
            };
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match keyed {
                Some(v) => v,
                None => match it.next() {
                    Some(&a) => a,
                    None => {
                        return self
                            .fail(ExcKind::TypeError, "not enough arguments for format string")
                    }
                },
            };
            let mut spec = String::new();
            if flags.contains('-') {
                spec.push('<');
            } else if !width.is_empty() && (!flags.contains('0') || "srac".contains(conv)) {
                spec.push('>');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !flags.contains('-') {
                spec.push('0');
            }
            spec.push_str(&width);
            let piece = match conv {
                's' | 'r' | 'a' => {
                    let s = if conv == 's' {
                        self.str_native(arg)?
                    } else {
                        self.repr_native(arg)?
                    };
                    let s = match prec {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    let sv = self.new_string(s);
                    self.format_native(sv, &spec)?
                }
                'd' | 'i' | 'u' => {
                    let n = match self.num(arg) {
                        Some(Num::F(f)) => self.int_from_big(BigInt::from(f.trunc() as i64)),
                        Some(_) => arg,
                        None => {
                            let t = self.type_name(arg);
                            return self.fail(
                                ExcKind::TypeError,
                                format!("%{conv} format: a real number is required, not {t}"),
                            );
                        }
                    };
                    spec.push('d');
                    self.format_native(n, &spec)?
                }
                'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c' => {
                    if let Some(p) = prec {
                        spec.push_str(&format!(".{p}"));
                    }
                    spec.push(conv);
                    if conv == 'c' {
                        if let Some(s) = self.str_of(arg) {
                            s.s.to_string()
                        } else {
                            self.format_native(arg, &spec)?
                        }
                    } else {
                        self.format_native(arg, &spec)?
                    }
                }
                other => {
                    return self.fail(
                        ExcKind::ValueError,
                        format!(
                            "unsupported format character '{other}' (0x{:x})",
                            other as u32
                        ),
                    )
                }
            };
            out.push_str(&piece);
        }
        if mapping.is_none() && it.next().is_some() {
            return self.fail(
                ExcKind::TypeError,
                "not all arguments converted during string formatting",
            );
        }
        Ok(self.new_string(out))
    }
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct FormatSpec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or space.
    pub sign: Option<char>,
    /// `#`
    pub alt: bool,
    /// `0`
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// `.precision`
    pub precision: Option<usize>,
    /// The type character.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Parse a spec; `None` when it is malformed.
    pub fn parse(s: &str) -> Option<FormatSpec> {
        let c: Vec<char> = s.chars().collect();
        let mut i = 0;
        let mut spec = FormatSpec {
            fill: ' ',
            ..Default::default()
        };
        let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
        if c.len() >= 2 && is_align(c[1]) {
            spec.fill = c[0];
            spec.align = Some(c[1]);
            i = 2;
        } else if !c.is_empty() && is_align(c[0]) {
            spec.align = Some(c[0]);
            i = 1;
        }
        if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
            spec.sign = Some(c[i]);
            i += 1;
        }
        if i < c.len() && c[i] == '#' {
            spec.alt = true;
            i += 1;
        }
        if i < c.len() && c[i] == '0' {
            spec.zero = true;
            if spec.align.is_none() {
                spec.fill = '0';
            }
            i += 1;
        }
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            spec.width = c[start..i].iter().collect::<String>().parse().ok();
        }
        if i < c.len() && matches!(c[i], ',' | '_') {
            spec.grouping = Some(c[i]);
            i += 1;
        }
        if i < c.len() && c[i] == '.' {
            i += 1;
            let start = i;
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return None;
            }
            spec.precision = c[start..i].iter().collect::<String>().parse().ok();
        }
        if i < c.len() {
            spec.ty = Some(c[i]);
            i += 1;
        }
        if i != c.len() {
            return None;
        }
        Some(spec)
    }

    /// Pad `text` to the width with the fill, aligned (`default` when none given).
    pub fn pad(&self, text: &str, default: char) -> String {
        let width = self.width.unwrap_or(0);
        let len = text.chars().count();
        if len >= width {
            return text.to_string();
        }
        let n = width - len;
        let fill = |k: usize| std::iter::repeat_n(self.fill, k).collect::<String>();
        match self.align.unwrap_or(default) {
            '<' => format!("{text}{}", fill(n)),
            '^' => format!("{}{text}{}", fill(n / 2), fill(n - n / 2)),
            _ => format!("{}{text}", fill(n)),
        }
    }
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

fn fmt_fixed(a: f64, prec: usize, grouping: Option<char>) -> String {
    if !a.is_finite() {
        return if a.is_nan() {
            "nan".into()
        } else {
            "inf".into()
        };
    }
    let s = format!("{a:.prec$}");
    match grouping {
        Some(g) => {
            let (ip, fp) = s
                .split_once('.')
                .map(|(x, y)| (x.to_string(), Some(y.to_string())))
                .unwrap_or((s.clone(), None));
            let ip = group_digits(&ip, g, 3);
            match fp {
                Some(fp) => format!("{ip}.{fp}"),
                None => ip,
            }
        }
        None => s,
    }
}

fn fmt_exp(a: f64, prec: usize) -> String {
    if !a.is_finite() {
        return if a.is_nan() {
            "nan".into()
        } else {
            "inf".into()
        };
    }
    let s = format!("{a:.prec$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn fmt_general(a: f64, prec: usize, alt: bool) -> String {
    if !a.is_finite() {
        return if a.is_nan() {
            "nan".into()
        } else {
            "inf".into()
        };
    }
    let p = prec.max(1);
    if a == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let s = format!("{a:.prec$e}", prec = p - 1);
    let exp: i32 = s
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let out = if exp >= -4 && exp < p as i32 {
        format!("{a:.prec$}", prec = (p as i32 - 1 - exp).max(0) as usize)
    } else {
        fmt_exp(a, p - 1)
    };
    if alt {
        return out;
    }
    strip_zeros(&out)
}

fn strip_zeros(s: &str) -> String {
    if let Some((m, e)) = s.split_once('e') {
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        return format!("{m}e{e}");
    }
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}
