//! Subscripts and slices: `obj[key]`, `obj[key] = v`, `del obj[key]`.

use crate::frame::{ExecState, Then};
use crate::interp::{push_top, top};
use crate::native::{Ctl, R};
use crate::num::Num;
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// Resolved slice bounds for a sequence of a given length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIdx {
    /// First index.
    pub start: i64,
    /// End bound.
    pub stop: i64,
    /// Step (never zero).
    pub step: i64,
    /// How many items the slice selects.
    pub len: usize,
}

impl SliceIdx {
    /// The selected indices, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

impl Vm {
    /// An index value as i64 (ints, bools, `__index__`-less), or a `TypeError`.
    fn index_of(&mut self, v: Value, what: &str) -> R<Option<i64>> {
        match self.num(v) {
            Some(Num::I(i)) if !matches!(v, Value::Float(_)) => Ok(Some(i)),
            Some(Num::B(_)) => Ok(Some(i64::MAX)),
            _ => {
                if v == Value::None {
                    return Ok(None);
                }
                let t = self.type_name(v);
                self.fail(
                    ExcKind::TypeError,
                    format!("{what} indices must be integers or slices, not {t}"),
                )
            }
        }
    }

    /// Resolve `slice(start, stop, step)` against a length, as CPython's `PySlice_GetIndicesEx`.
    pub fn slice_indices(
        &mut self,
        start: Value,
        stop: Value,
        step: Value,
        len: usize,
    ) -> R<SliceIdx> {
        let len = len as i64;
        let bound = |vm: &mut Vm, v: Value| -> R<Option<i64>> {
            match v {
                Value::None => Ok(None),
                _ => match vm.num(v) {
                    Some(Num::I(i)) if !matches!(v, Value::Float(_)) => Ok(Some(i)),
                    Some(Num::B(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    })),
                    _ => vm.fail(
                        ExcKind::TypeError,
                        "slice indices must be integers or None or have an __index__ method",
                    ),
                },
            }
        };
        let step = bound(self, step)?.unwrap_or(1);
        if step == 0 {
            return self.fail(ExcKind::ValueError, "slice step cannot be zero");
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let fix = |x: Option<i64>, default: i64| -> i64 {
            match x {
                None => default,
                Some(i) if i < 0 => (i + len).max(lower),
                Some(i) => i.min(upper),
            }
        };
        let start = fix(bound(self, start)?, if step < 0 { upper } else { lower });
        let stop = fix(bound(self, stop)?, if step < 0 { lower } else { upper });
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    pub(crate) fn exec_binary_subscr(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let key = f.pop();
        let obj = f.pop();
        if let (Value::Obj(id), Value::Int(i)) = (obj, key) {
            if let Obj::List(items) = self.heap.get(id) {
                let n = items.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j >= 0 && j < n {
                    let v = items[j as usize];
                    push_top(st, v);
                    return Ok(());
                }
            }
        }
        let r = self.getitem(obj, key);
        self.finish_with(st, r, Then::Push)
    }

    /// Whether `key` indexes a sequence through a user `__index__` (as
    /// an index or a slice bound).
    fn index_needs_user_code(&self, key: Value) -> bool {
        match self.heap.get_obj(key) {
            Some(Obj::Instance(_)) => self.has_user_method(key, "__index__"),
            Some(Obj::Slice { start, stop, step }) => [*start, *stop, *step]
                .iter()
                .any(|b| self.has_user_method(*b, "__index__")),
            _ => false,
        }
    }

    /// `obj[key]`; user code is requested as a tail call.
    pub fn getitem(&mut self, obj: Value, key: Value) -> R<Value> {
        let Value::Obj(id) = obj else {
            return self.not_subscriptable(obj);
        };
        if matches!(
            self.heap.get_obj(self.unwrap_base(obj)),
            Some(Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::Range { .. })
        ) && self.index_needs_user_code(key)
        {
            let f = self.prelude_fn("_index_getitem")?;
            return Err(Ctl::tail_call(f, vec![obj, key]));
        }
        if let Value::Obj(kid) = key {
            if let Obj::Slice { start, stop, step } = self.heap.get(kid) {
                let (a, b, c) = (*start, *stop, *step);
                return self.getslice(obj, a, b, c);
            }
        }
        match self.heap.get(id) {
            Obj::List(items) | Obj::Tuple(items) => {
                let is_list = matches!(self.heap.get(id), Obj::List(_));
                let what = if is_list { "list" } else { "tuple" };
                let n = items.len() as i64;
                let Some(i) = self.index_of(key, what)? else {
                    return self.index_type_error(what, key);
                };
                let j = if i < 0 { i + n } else { i };
                match self.heap.get(id) {
                    Obj::List(items) | Obj::Tuple(items) if j >= 0 && j < n => {
                        Ok(items[j as usize])
                    }
                    _ => self.fail(ExcKind::IndexError, format!("{what} index out of range")),
                }
            }
            Obj::Str(s) => {
                let s = s.clone();
                let Some(i) = self.index_of(key, "string")? else {
                    return self.index_type_error("string", key);
                };
                let n = s.chars as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return self.fail(ExcKind::IndexError, "string index out of range");
                }
                let c = if s.is_ascii() {
                    &s.s[j as usize..j as usize + 1]
                } else {
                    let (b, ch) = s.s.char_indices().nth(j as usize).unwrap_or((0, ' '));
                    &s.s[b..b + ch.len_utf8()]
                };
                Ok(self.new_str(c))
            }
            Obj::Bytes(b) => {
                let b = b.clone();
                let Some(i) = self.index_of(key, "byte")? else {
                    return self.index_type_error("byte", key);
                };
                let n = b.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return self.fail(ExcKind::IndexError, "index out of range");
                }
                Ok(Value::Int(i64::from(b[j as usize])))
            }
            Obj::Range { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                let n = crate::builtins::range_len(start, stop, step);
                let Some(i) = self.index_of(key, "range")? else {
                    return self.index_type_error("range", key);
                };
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return self.fail(ExcKind::IndexError, "range object index out of range");
                }
                Ok(Value::Int(start + j * step))
            }
            Obj::Dict(_) => {
                let k = self.hkey(key)?;
                match self.heap.get(id) {
                    Obj::Dict(d) => match d.get(&k) {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(key)),
                    },
                    _ => Err(self.key_error(key)),
                }
            }
            Obj::Instance(inst) => {
                let base = inst.base;
                if let Some(m) = self.lookup_special(obj, "__getitem__") {
                    if matches!(m, Value::Obj(mid) if matches!(self.heap.get(mid), Obj::Function(_)))
                    {
                        return Err(Ctl::tail_call(m, vec![obj, key]));
                    }
                }
                if !base.is_undef() {
                    let r = self.getitem(base, key);
                    if let (Err(Ctl::Raise(_)), Some(m)) =
                        (&r, self.lookup_special(obj, "__missing__"))
                    {
                        if self.is_key_error_for_dict(base) {
                            return Err(Ctl::tail_call(m, vec![obj, key]));
                        }
                    }
                    return r;
                }
                self.not_subscriptable(obj)
            }
            Obj::Class(c) => {
                // A metaclass's __getitem__ (Enum['NAME']) comes first.
                if c.meta != self.types.type_ {
                    if let Some(m) = self.lookup(c.meta, &Vm::key_of("__getitem__")) {
                        return Err(Ctl::tail_call(m, vec![obj, key]));
                    }
                }
                if let Some(m) = self.lookup(id, &Vm::key_of("__class_getitem__")) {
                    return Err(Ctl::tail_call(m, vec![obj, key]));
                }
                Ok(obj)
            }
            _ => self.not_subscriptable(obj),
        }
    }

    fn is_key_error_for_dict(&self, base: Value) -> bool {
        matches!(base, Value::Obj(id) if matches!(self.heap.get(id), Obj::Dict(_)))
    }

    /// A `KeyError` for `key` (its message is the key's repr).
    pub fn key_error(&mut self, key: Value) -> Ctl {
        let class = self.types.exc(ExcKind::KeyError);
        Ctl::Raise(self.new_exc_with_args(class, vec![key]))
    }

    fn index_type_error<T>(&mut self, what: &str, key: Value) -> R<T> {
        let t = self.type_name(key);
        self.fail(
            ExcKind::TypeError,
            format!("{what} indices must be integers or slices, not {t}"),
        )
    }

    fn not_subscriptable<T>(&mut self, obj: Value) -> R<T> {
        let t = self.type_name(obj);
        self.fail(
            ExcKind::TypeError,
            format!("'{t}' object is not subscriptable"),
        )
    }

    fn getslice(&mut self, obj: Value, a: Value, b: Value, c: Value) -> R<Value> {
        let Value::Obj(id) = obj else {
            return self.not_subscriptable(obj);
        };
        match self.heap.get(id) {
            Obj::List(items) | Obj::Tuple(items) => {
                let is_list = matches!(self.heap.get(id), Obj::List(_));
                let n = items.len();
                let sl = self.slice_indices(a, b, c, n)?;
                let out: Vec<Value> = match self.heap.get(id) {
                    Obj::List(items) | Obj::Tuple(items) => {
                        sl.indices().map(|i| items[i]).collect()
                    }
                    _ => Vec::new(),
                };
                Ok(if is_list {
                    self.new_list(out)
                } else {
                    self.new_tuple(out)
                })
            }
            Obj::Str(s) => {
                let s = s.clone();
                let sl = self.slice_indices(a, b, c, s.chars)?;
                let out: String = if s.is_ascii() {
                    if sl.step == 1 {
                        s.s[sl.start as usize..sl.start as usize + sl.len].to_string()
                    } else {
                        let bytes = s.s.as_bytes();
                        sl.indices().map(|i| bytes[i] as char).collect()
                    }
                } else {
                    let chars: Vec<char> = s.s.chars().collect();
                    sl.indices().map(|i| chars[i]).collect()
                };
                Ok(self.new_string(out))
            }
            Obj::Bytes(bs) => {
                let bs = bs.clone();
                let sl = self.slice_indices(a, b, c, bs.len())?;
                let out: Vec<u8> = sl.indices().map(|i| bs[i]).collect();
                Ok(self.alloc(Obj::Bytes(out.into())))
            }
            Obj::Range { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                let n = crate::builtins::range_len(start, stop, step) as usize;
                let sl = self.slice_indices(a, b, c, n)?;
                let nstart = start + sl.start * step;
                let nstep = step * sl.step;
                let nstop = nstart + sl.len as i64 * nstep;
                Ok(self.alloc(Obj::Range {
                    start: nstart,
                    stop: nstop,
                    step: nstep,
                }))
            }
            Obj::Instance(i) if !i.base.is_undef() && !self.has_user_method(obj, "__getitem__") => {
                let base = i.base;
                self.getslice(base, a, b, c)
            }
            _ => {
                if let Some(m) = self.lookup_special(obj, "__getitem__") {
                    let s = self.alloc(Obj::Slice {
                        start: a,
                        stop: b,
                        step: c,
                    });
                    return Err(Ctl::tail_call(m, vec![obj, s]));
                }
                self.not_subscriptable(obj)
            }
        }
    }

    pub(crate) fn exec_store_subscr(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let key = f.pop();
        let obj = f.pop();
        let v = f.pop();
        let r = self.setitem(obj, key, v).map(|()| Value::None);
        self.finish_with(st, r, Then::Discard)
    }

    /// `obj[key] = v`.
    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> R<()> {
        let Value::Obj(id) = obj else {
            let t = self.type_name(obj);
            return self.fail(
                ExcKind::TypeError,
                format!("'{t}' object does not support item assignment"),
            );
        };
        match self.heap.get(id) {
            Obj::List(items) => {
                let n = items.len();
                if let Value::Obj(kid) = key {
                    if let Obj::Slice { start, stop, step } = self.heap.get(kid) {
                        let (a, b, c) = (*start, *stop, *step);
                        let sl = self.slice_indices(a, b, c, n)?;
                        let new = self.collect_native(v)?;
                        let Obj::List(items) = self.heap.get_mut(id) else {
                            return Ok(());
                        };
                        if sl.step == 1 {
                            let start = sl.start as usize;
                            let end = (start + sl.len).min(items.len());
                            items.splice(start..end, new);
                            return Ok(());
                        }
                        if new.len() != sl.len {
                            let msg = format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                sl.len
                            );
                            return self.fail(ExcKind::ValueError, msg);
                        }
                        for (i, x) in sl.indices().zip(new) {
                            items[i] = x;
                        }
                        return Ok(());
                    }
                }
                let Some(i) = self.index_of(key, "list")? else {
                    return self.index_type_error("list", key);
                };
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return self.fail(ExcKind::IndexError, "list assignment index out of range");
                }
                if let Obj::List(items) = self.heap.get_mut(id) {
                    items[j as usize] = v;
                }
                Ok(())
            }
            Obj::Dict(_) => {
                let k = self.hkey(key)?;
                if let Obj::Dict(d) = self.heap.get_mut(id) {
                    d.insert(k, key, v);
                }
                Ok(())
            }
            Obj::Instance(inst) => {
                let base = inst.base;
                if let Some(m) = self.lookup_special(obj, "__setitem__") {
                    if matches!(m, Value::Obj(mid) if matches!(self.heap.get(mid), Obj::Function(_)))
                    {
                        return Err(Ctl::call_then(m, vec![obj, key, v], Then::Discard));
                    }
                }
                if !base.is_undef() {
                    return self.setitem(base, key, v);
                }
                let t = self.type_name(obj);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object does not support item assignment"),
                )
            }
            _ => {
                let t = self.type_name(obj);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object does not support item assignment"),
                )
            }
        }
    }

    pub(crate) fn exec_delete_subscr(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let key = f.pop();
        let obj = f.pop();
        let r = self.delitem(obj, key).map(|()| Value::None);
        self.finish_with(st, r, Then::Discard)
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: Value, key: Value) -> R<()> {
        let Value::Obj(id) = obj else {
            let t = self.type_name(obj);
            return self.fail(
                ExcKind::TypeError,
                format!("'{t}' object does not support item deletion"),
            );
        };
        match self.heap.get(id) {
            Obj::List(items) => {
                let n = items.len();
                if let Value::Obj(kid) = key {
                    if let Obj::Slice { start, stop, step } = self.heap.get(kid) {
                        let (a, b, c) = (*start, *stop, *step);
                        let sl = self.slice_indices(a, b, c, n)?;
                        let mut drop: Vec<usize> = sl.indices().collect();
                        drop.sort_unstable();
                        if let Obj::List(items) = self.heap.get_mut(id) {
                            for i in drop.into_iter().rev() {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            }
                        }
                        return Ok(());
                    }
                }
                let Some(i) = self.index_of(key, "list")? else {
                    return self.index_type_error("list", key);
                };
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return self.fail(ExcKind::IndexError, "list assignment index out of range");
                }
                if let Obj::List(items) = self.heap.get_mut(id) {
                    items.remove(j as usize);
                }
                Ok(())
            }
            Obj::Dict(_) => {
                let k = self.hkey(key)?;
                let removed = match self.heap.get_mut(id) {
                    Obj::Dict(d) => d.remove(&k).is_some(),
                    _ => false,
                };
                if removed {
                    Ok(())
                } else {
                    Err(self.key_error(key))
                }
            }
            Obj::Instance(inst) => {
                let base = inst.base;
                if let Some(m) = self.lookup_special(obj, "__delitem__") {
                    if matches!(m, Value::Obj(mid) if matches!(self.heap.get(mid), Obj::Function(_)))
                    {
                        return Err(Ctl::call_then(m, vec![obj, key], Then::Discard));
                    }
                }
                if !base.is_undef() {
                    return self.delitem(base, key);
                }
                let t = self.type_name(obj);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object does not support item deletion"),
                )
            }
            _ => {
                let t = self.type_name(obj);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object doesn't support item deletion"),
                )
            }
        }
    }

    pub(crate) fn exec_build_slice(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let step = if n == 3 { f.pop() } else { Value::None };
        let stop = f.pop();
        let start = f.pop();
        let v = self.alloc(Obj::Slice { start, stop, step });
        push_top(st, v);
        Ok(())
    }
}
