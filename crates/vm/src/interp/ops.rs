//! Operators: arithmetic, comparison, containment and truth, with built-in
//! fast paths and the special-method protocol (`__add__`, `__radd__`, …).

use std::cmp::Ordering;

use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::frame::{ExecState, Then};
use crate::interp::push_top;
use crate::native::{Args, Ctl, R};
use crate::num::Num;
use crate::object::{Obj, ViewKind};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// How deeply native comparisons follow nested containers before handing over.
const MAX_NATIVE_DEPTH: usize = 500;

/// `x op y` on small ints when the result fits; `None` otherwise.
#[inline]
pub(crate) fn int_fast(op: BinOp, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let q = x / y;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if y == 0 || y == -1 {
                if y == -1 {
                    return Some(Value::Int(0));
                }
                return None;
            }
            let m = x % y;
            if m != 0 && ((m < 0) != (y < 0)) {
                m + y
            } else {
                m
            }
        }
        BinOp::Pow => {
            if !(0..=u32::MAX as i64).contains(&y) {
                return None;
            }
            x.checked_pow(y as u32)?
        }
        BinOp::LShift => {
            if !(0..64).contains(&y) {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if r >> y != x {
                return None;
            }
            r
        }
        BinOp::RShift => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::TrueDiv | BinOp::MatMul => return None,
    };
    Some(Value::Int(r))
}

/// `x op y` for small ints.
#[inline]
pub(crate) fn cmp_ints(op: CmpOp, x: i64, y: i64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

fn ordering_holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

impl Vm {
    /// Whether a value is an instance whose class (a Python class) defines `name`.
    fn user_dunder(&self, v: Value, name: &str) -> Option<Value> {
        let Value::Obj(id) = v else { return None };
        if !matches!(self.heap.get(id), Obj::Instance(_)) {
            return None;
        }
        self.lookup_special(v, name).filter(
            |m| !matches!(m, Value::Obj(i) if matches!(self.heap.get(*i), Obj::Native { .. })),
        )
    }

    /// Whether a value is an instance of a Python class.
    fn is_instance(&self, v: Value) -> bool {
        matches!(v, Value::Obj(id) if matches!(self.heap.get(id), Obj::Instance(_)))
    }

    /// The built-in value a subclass instance wraps, or the value itself.
    pub(crate) fn unwrap_base(&self, v: Value) -> Value {
        if let Value::Obj(id) = v {
            if let Obj::Instance(i) = self.heap.get(id) {
                if !i.base.is_undef() {
                    return i.base;
                }
            }
        }
        v
    }

    pub(crate) fn exec_binary(
        &mut self,
        st: &mut ExecState,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> R<()> {
        if let Some(m) = self.user_dunder(a, op.dunder()) {
            return self.call(
                st,
                m,
                Args::new(vec![a, b]),
                Then::BinaryRight { op, lhs: a, rhs: b },
            );
        }
        if self.user_dunder(b, op.rdunder()).is_none() {
            if op == BinOp::Mod && self.percent_needs_prelude(a, b) {
                let f = self.prelude_fn("_percent")?;
                return self.call(st, f, Args::new(vec![a, b]), Then::Push);
            }
            if let Some(v) = self.binary_native(op, self.unwrap_base(a), self.unwrap_base(b))? {
                push_top(st, v);
                return Ok(());
            }
        }
        self.binary_reflected(st, op, a, b)
    }

    /// Whether `fmt % args` needs the prelude: `fmt` is a str and an
    /// argument's text or number needs user code.
    fn percent_needs_prelude(&self, fmt: Value, args: Value) -> bool {
        if !matches!(self.heap.get_obj(fmt), Some(Obj::Str(_))) {
            return false;
        }
        let items = match self.heap.get_obj(args) {
            Some(Obj::Tuple(t)) => t.as_slice(),
            _ => std::slice::from_ref(&args),
        };
        self.needs_user_format(args) || items.iter().any(|v| self.is_instance(*v))
    }

    pub(crate) fn binary_reflected(
        &mut self,
        st: &mut ExecState,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> R<()> {
        if let Some(m) = self.user_dunder(b, op.rdunder()) {
            return self.call(
                st,
                m,
                Args::new(vec![b, a]),
                Then::BinaryFail { op, lhs: a, rhs: b },
            );
        }
        if let Some(v) = self.binary_native(op, self.unwrap_base(a), self.unwrap_base(b))? {
            push_top(st, v);
            return Ok(());
        }
        Err(self.binary_type_error(op, a, b))
    }

    pub(crate) fn exec_inplace(
        &mut self,
        st: &mut ExecState,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> R<()> {
        if let Some(m) = self.user_dunder(a, op.idunder()) {
            return self.call(
                st,
                m,
                Args::new(vec![a, b]),
                Then::InplaceFallback { op, lhs: a, rhs: b },
            );
        }
        // In-place on built-in mutable containers mutates them.
        if let Value::Obj(id) = self.unwrap_base(a) {
            match (op, self.heap.get(id)) {
                (BinOp::Add, Obj::List(_)) if self.is_native_iterable(b) => {
                    let items = self.collect_native(b)?;
                    if let Obj::List(l) = self.heap.get_mut(id) {
                        l.extend(items);
                    }
                    push_top(st, a);
                    return Ok(());
                }
                (BinOp::Mul, Obj::List(_)) => {
                    if let Value::Int(n) = b {
                        if let Obj::List(l) = self.heap.get_mut(id) {
                            let orig = l.clone();
                            l.clear();
                            for _ in 0..n.max(0) {
                                l.extend_from_slice(&orig);
                            }
                        }
                        push_top(st, a);
                        return Ok(());
                    }
                }
                (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Obj::Set(_)) => {
                    if let Some(v) = self.binary_native(op, Value::Obj(id), b)? {
                        let new = match v {
                            Value::Obj(n) => match self.heap.get(n) {
                                Obj::Set(s) => Some(s.clone()),
                                _ => None,
                            },
                            _ => None,
                        };
                        if let (Some(new), Obj::Set(s)) = (new, self.heap.get_mut(id)) {
                            *s = new;
                        }
                        push_top(st, a);
                        return Ok(());
                    }
                }
                (BinOp::Or, Obj::Dict(_)) => {
                    self.dict_update_from(id, b)?;
                    push_top(st, a);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.exec_binary(st, op, a, b)
    }

    /// The `TypeError` for an operator with no implementation for its operands.
    pub(crate) fn binary_type_error(&mut self, op: BinOp, a: Value, b: Value) -> Ctl {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add
            && (ta == "str" || ta == "list" || ta == "tuple" || ta == "bytes")
            && ta != tb
        {
            let msg = if ta == "bytes" {
                format!("can't concat {tb} to bytes")
            } else {
                format!("can only concatenate {ta} (not \"{tb}\") to {ta}")
            };
            return self.err(ExcKind::TypeError, msg);
        }
        if op == BinOp::Mul
            && (ta == "str"
                || ta == "list"
                || ta == "tuple"
                || tb == "str"
                || tb == "list"
                || tb == "tuple")
        {
            let other = if ta == "str" || ta == "list" || ta == "tuple" {
                tb.clone()
            } else {
                ta.clone()
            };
            if other == "float" || other == "str" || other == "list" || other == "tuple" {
                return self.err(
                    ExcKind::TypeError,
                    format!("can't multiply sequence by non-int of type '{other}'"),
                );
            }
        }
        self.err(
            ExcKind::TypeError,
            format!(
                "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
                op.symbol()
            ),
        )
    }

    /// `a op b` for built-in operand types; `None` when they do not apply.
    pub fn binary_native(&mut self, op: BinOp, a: Value, b: Value) -> R<Option<Value>> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return self.num_binop(op, x, y);
        }
        if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
            // A keys or items view is set-like: it combines as a set.
            let (va, vb) = (self.view_as_set(a)?, self.view_as_set(b)?);
            if va.is_some() || vb.is_some() {
                return self.set_binop(op, va.unwrap_or(a), vb.unwrap_or(b));
            }
        }
        let (Value::Obj(ia), bv) = (a, b) else {
            if let (Some(Num::I(n)), Value::Obj(_)) = (self.num(a), b) {
                if op == BinOp::Mul {
                    return self.seq_repeat(b, n);
                }
            }
            return Ok(None);
        };
        match (op, self.heap.get(ia)) {
            (BinOp::Add, Obj::Str(x)) => {
                if let Some(y) = self.str_of(bv) {
                    let mut s = String::with_capacity(x.s.len() + y.s.len());
                    s.push_str(&x.s);
                    s.push_str(&y.s);
                    return Ok(Some(self.new_string(s)));
                }
                Ok(None)
            }
            (BinOp::Mod, Obj::Str(_)) => self.percent_format(a, b).map(Some),
            (BinOp::Add, Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_)) => Ok(self.concat(ia, bv)),
            (BinOp::Mul, Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_)) => {
                match self.num(bv) {
                    Some(Num::I(n)) => self.seq_repeat(a, n),
                    _ => Ok(None),
                }
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Obj::Set(_) | Obj::FrozenSet(_)) => {
                self.set_binop(op, a, b)
            }
            (BinOp::Or, Obj::Dict(x)) => match bv {
                Value::Obj(ib) if matches!(self.heap.get(ib), Obj::Dict(_)) => {
                    let d = x.clone();
                    let id = self.heap.alloc(Obj::Dict(d));
                    self.dict_update_from(id, bv)?;
                    Ok(Some(Value::Obj(id)))
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// A new set of the keys (or items) a keys (or items) view shows;
    /// `None` for any other value.
    fn view_as_set(&mut self, v: Value) -> R<Option<Value>> {
        let Some(Obj::View { dict, kind }) = self.heap.get_obj(v) else {
            return Ok(None);
        };
        let (dict, kind) = (*dict, *kind);
        let Obj::Dict(d) = self.heap.get(dict) else {
            return Ok(None);
        };
        let entries: Vec<(crate::objects::dict::HKey, Value, Value)> = d
            .map
            .iter()
            .map(|(hk, (k, v))| (hk.clone(), *k, *v))
            .collect();
        let mut set = crate::objects::dict::SetMap::default();
        match kind {
            ViewKind::Keys => {
                for (hk, k, _) in entries {
                    set.entry(hk).or_insert(k);
                }
            }
            ViewKind::Items => {
                for (_, k, v) in entries {
                    let item = self.new_tuple(vec![k, v]);
                    let hk = self.hkey(item)?;
                    set.entry(hk).or_insert(item);
                }
            }
            ViewKind::Values => return Ok(None),
        }
        Ok(Some(self.alloc(Obj::Set(set))))
    }

    /// `a + b` for two lists, two tuples or two bytes; `None` for other pairs.
    fn concat(&mut self, a: crate::heap::ObjId, b: Value) -> Option<Value> {
        let Value::Obj(ib) = b else { return None };
        let obj = match (self.heap.get(a), self.heap.get(ib)) {
            (Obj::List(x), Obj::List(y)) => Obj::List([&x[..], &y[..]].concat()),
            (Obj::Tuple(x), Obj::Tuple(y)) => Obj::Tuple([&x[..], &y[..]].concat()),
            (Obj::Bytes(x), Obj::Bytes(y)) => Obj::Bytes([&x[..], &y[..]].concat().into()),
            _ => return None,
        };
        Some(self.alloc(obj))
    }

    fn seq_repeat(&mut self, seq: Value, n: i64) -> R<Option<Value>> {
        let n = n.max(0) as usize;
        let Value::Obj(id) = seq else { return Ok(None) };
        let unit = match self.heap.get(id) {
            Obj::Str(s) => s.s.len(),
            Obj::List(v) | Obj::Tuple(v) => v.len() * std::mem::size_of::<crate::value::Value>(),
            Obj::Bytes(b) => b.len(),
            _ => 0,
        };
        if unit.saturating_mul(n) > (1 << 32) {
            return self.fail(ExcKind::MemoryError, "");
        }
        let out = match self.heap.get(id) {
            Obj::Str(s) => {
                let r = s.s.repeat(n);
                return Ok(Some(self.new_string(r)));
            }
            Obj::List(v) => Obj::List(repeat_vec(v, n)),
            Obj::Tuple(v) => Obj::Tuple(repeat_vec(v, n)),
            Obj::Bytes(b) => Obj::Bytes(b.repeat(n).into()),
            _ => return Ok(None),
        };
        Ok(Some(self.alloc(out)))
    }

    /// `-x`, `+x`, `~x` (not `not`).
    pub(crate) fn unary_op(&mut self, op: UnaryOp, v: Value) -> R<Value> {
        let base = self.unwrap_base(v);
        if let Some(n) = self.num(base) {
            if self.user_dunder(v, "__neg__").is_none() {
                return Ok(match (op, n) {
                    (UnaryOp::Neg, Num::I(i)) => match i.checked_neg() {
                        Some(r) => Value::Int(r),
                        None => self.int_from_big(-num_bigint::BigInt::from(i)),
                    },
                    (UnaryOp::Neg, Num::B(b)) => self.int_from_big(-(*b).clone()),
                    (UnaryOp::Neg, Num::F(f)) => Value::Float(-f),
                    (UnaryOp::Pos, Num::I(i)) => Value::Int(i),
                    (UnaryOp::Pos, Num::B(b)) => self.int_from_big((*b).clone()),
                    (UnaryOp::Pos, Num::F(f)) => Value::Float(f),
                    (UnaryOp::Invert, Num::I(i)) => Value::Int(!i),
                    (UnaryOp::Invert, Num::B(b)) => self.int_from_big(-(*b).clone() - 1),
                    (UnaryOp::Invert, Num::F(_)) => {
                        return self
                            .fail(ExcKind::TypeError, "bad operand type for unary ~: 'float'")
                    }
                    (UnaryOp::Not, _) => Value::Bool(false),
                });
            }
        }
        let name = match op {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Invert => "__invert__",
            UnaryOp::Not => "__bool__",
        };
        if let Some(m) = self.lookup_special(v, name) {
            return Err(Ctl::call_then(m, vec![v], Then::Push));
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        let t = self.type_name(v);
        self.fail(
            ExcKind::TypeError,
            format!("bad operand type for unary {sym}: '{t}'"),
        )
    }

    /// The truth value of `v` when no user code is needed.
    #[inline]
    pub fn truth(&mut self, v: Value) -> R<Option<bool>> {
        Ok(Some(match v {
            Value::Bool(b) => b,
            Value::None | Value::Undef => false,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Str(s) => !s.s.is_empty(),
                Obj::List(l) | Obj::Tuple(l) => !l.is_empty(),
                Obj::Dict(d) => !d.is_empty(),
                Obj::Set(s) | Obj::FrozenSet(s) => !s.is_empty(),
                Obj::Bytes(b) => !b.is_empty(),
                Obj::Int(_) => true,
                Obj::Range { start, stop, step } => {
                    crate::builtins::range_len(*start, *stop, *step) > 0
                }
                Obj::View { dict, .. } => self.dict_ref(*dict).is_some_and(|d| !d.is_empty()),
                Obj::Instance(i) => {
                    let base = i.base;
                    if self.user_dunder(v, "__bool__").is_some()
                        || self.user_dunder(v, "__len__").is_some()
                    {
                        return Ok(None);
                    }
                    if base.is_undef() {
                        true
                    } else {
                        return self.truth(base);
                    }
                }
                _ => true,
            },
        }))
    }

    /// Call `__bool__` (or `__len__`) for the truth of `v`, continuing with `then`.
    pub(crate) fn truth_call(&mut self, st: &mut ExecState, v: Value, then: Then) -> R<()> {
        let m = self
            .lookup_special(v, "__bool__")
            .or_else(|| self.lookup_special(v, "__len__"));
        match m {
            Some(m) => self.call(st, m, Args::new(vec![v]), then),
            None => self.apply_then(st, then, Value::Bool(true)),
        }
    }

    /// The truth of what `__bool__` or `__len__` returned.
    pub(crate) fn truth_of_result(&mut self, v: Value) -> R<bool> {
        match v {
            Value::Bool(b) => Ok(b),
            Value::Int(i) => {
                if i < 0 {
                    return self.fail(ExcKind::ValueError, "__len__() should return >= 0");
                }
                Ok(i != 0)
            }
            _ => {
                let t = self.type_name(v);
                self.fail(
                    ExcKind::TypeError,
                    format!("__bool__ should return bool, returned {t}"),
                )
            }
        }
    }

    pub(crate) fn exec_compare(
        &mut self,
        st: &mut ExecState,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> R<()> {
        if op == CmpOp::Ne
            && self.user_dunder(a, "__ne__").is_none()
            && self.user_dunder(b, "__ne__").is_none()
            && (self.user_dunder(a, "__eq__").is_some() || self.user_dunder(b, "__eq__").is_some())
        {
            let f = self.prelude_fn("_ne")?;
            return self.call(st, f, Args::new(vec![a, b]), Then::Push);
        }
        if let Some(m) = self.user_dunder(a, op.dunder()) {
            return self.call(
                st,
                m,
                Args::new(vec![a, b]),
                Then::CompareRight { op, lhs: a, rhs: b },
            );
        }
        self.compare_reflected(st, op, a, b)
    }

    pub(crate) fn compare_reflected(
        &mut self,
        st: &mut ExecState,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> R<()> {
        if let Some(m) = self.user_dunder(b, op.swapped().dunder()) {
            return self.call(
                st,
                m,
                Args::new(vec![b, a]),
                Then::CompareFail { op, lhs: a, rhs: b },
            );
        }
        match self.compare_native(op, a, b)? {
            Some(r) => {
                push_top(st, Value::Bool(r));
                Ok(())
            }
            None if self.is_instance(a) || self.is_instance(b) => {
                let r = self.compare_default(op, a, b)?;
                push_top(st, r);
                Ok(())
            }
            None => {
                let f = self.prelude_fn("_compare")?;
                let opv = Value::Int(op as i64);
                self.call(st, f, Args::new(vec![opv, a, b]), Then::Push)
            }
        }
    }

    /// What a comparison with no special method gives: identity for `==`
    /// and `!=`, a `TypeError` for ordering.
    pub(crate) fn compare_default(&mut self, op: CmpOp, a: Value, b: Value) -> R<Value> {
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.order_error(op, a, b)),
        }
    }

    fn order_error(&mut self, op: CmpOp, a: Value, b: Value) -> Ctl {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        self.err(
            ExcKind::TypeError,
            format!(
                "'{}' not supported between instances of '{ta}' and '{tb}'",
                op.symbol()
            ),
        )
    }

    /// Compare built-in values; `Ok(None)` when user code is needed.
    pub fn compare_native(&mut self, op: CmpOp, a: Value, b: Value) -> R<Option<bool>> {
        // A keys or items view compares as the set of what it shows.
        let (va, vb) = (self.view_as_set(a)?, self.view_as_set(b)?);
        if va.is_some() || vb.is_some() {
            let (sa, sb) = (va.unwrap_or(a), vb.unwrap_or(b));
            let set_like =
                |v: Value| matches!(self.heap.get_obj(v), Some(Obj::Set(_) | Obj::FrozenSet(_)));
            if set_like(sa) && set_like(sb) {
                return self.compare_native(op, sa, sb);
            }
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(Some(op == CmpOp::Ne));
            }
            return Err(self.order_error(op, a, b));
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(self.eq_native(a, b).map(|e| e == (op == CmpOp::Eq)));
        }
        match self.order_native(a, b)? {
            Some(Some(o)) => Ok(Some(ordering_holds(op, o))),
            Some(None) => Ok(Some(false)),
            None => {
                if self.needs_user_compare(a) || self.needs_user_compare(b) {
                    return Ok(None);
                }
                Err(self.order_error(op, a, b))
            }
        }
    }

    fn needs_user_compare(&self, v: Value) -> bool {
        self.needs_user_compare_depth(v, 0)
    }

    fn needs_user_compare_depth(&self, v: Value, depth: usize) -> bool {
        match v {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Instance(_) => true,
                Obj::List(items) | Obj::Tuple(items) => {
                    depth > MAX_NATIVE_DEPTH
                        || items
                            .iter()
                            .any(|x| self.needs_user_compare_depth(*x, depth + 1))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `a == b` for built-in values; `None` when user code is needed.
    pub fn eq_native(&self, a: Value, b: Value) -> Option<bool> {
        self.eq_depth(a, b, 0)
    }

    /// `eq_native` with the nesting depth so far; nesting deeper than
    /// [`MAX_NATIVE_DEPTH`] is left to the prelude (which raises
    /// `RecursionError` through the frame limit) rather than recursing in Rust.
    fn eq_depth(&self, a: Value, b: Value, depth: usize) -> Option<bool> {
        if depth > MAX_NATIVE_DEPTH {
            return None;
        }
        if a.is(b) {
            if let Value::Float(f) = a {
                return Some(!f.is_nan());
            }
            return Some(true);
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Some(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        let (Value::Obj(ia), Value::Obj(ib)) = (a, b) else {
            if self.user_dunder(a, "__eq__").is_some() || self.user_dunder(b, "__eq__").is_some() {
                return None;
            }
            return Some(false);
        };
        match (self.heap.get(ia), self.heap.get(ib)) {
            (Obj::Str(x), Obj::Str(y)) => Some(x.hash == y.hash && x.s == y.s),
            (Obj::Bytes(x), Obj::Bytes(y)) => Some(x == y),
            (Obj::List(x), Obj::List(y)) | (Obj::Tuple(x), Obj::Tuple(y)) => {
                if x.len() != y.len() {
                    return Some(false);
                }
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.eq_depth(*p, *q, depth + 1)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (Obj::Dict(x), Obj::Dict(y)) => {
                if x.len() != y.len() {
                    return Some(false);
                }
                for (k, (_, v)) in x.map.iter() {
                    match y.get(k) {
                        Some(w) => {
                            if !self.eq_depth(*v, w, depth + 1)? {
                                return Some(false);
                            }
                        }
                        None => return Some(false),
                    }
                }
                Some(true)
            }
            (Obj::Set(x) | Obj::FrozenSet(x), Obj::Set(y) | Obj::FrozenSet(y)) => {
                Some(x.len() == y.len() && x.keys().all(|k| y.contains_key(k)))
            }
            (Obj::Range { .. }, Obj::Range { .. }) => {
                let (
                    Obj::Range {
                        start: s1,
                        stop: e1,
                        step: p1,
                    },
                    Obj::Range {
                        start: s2,
                        stop: e2,
                        step: p2,
                    },
                ) = (self.heap.get(ia), self.heap.get(ib))
                else {
                    return Some(false);
                };
                let (l1, l2) = (
                    crate::builtins::range_len(*s1, *e1, *p1),
                    crate::builtins::range_len(*s2, *e2, *p2),
                );
                Some(l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || p1 == p2))))
            }
            (
                Obj::Slice {
                    start: s1,
                    stop: e1,
                    step: p1,
                },
                Obj::Slice {
                    start: s2,
                    stop: e2,
                    step: p2,
                },
            ) => {
                // CPython compares slices as (start, stop, step) tuples.
                let (x, y) = ([*s1, *e1, *p1], [*s2, *e2, *p2]);
                for (p, q) in x.into_iter().zip(y) {
                    if !self.eq_depth(p, q, depth + 1)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (Obj::View { dict: d1, kind: k1 }, Obj::View { dict: d2, kind: k2 }) => {
                if k1 != k2 {
                    return Some(false);
                }
                Some(d1 == d2)
            }
            (Obj::Instance(x), _)
                if !x.base.is_undef() && self.user_dunder(a, "__eq__").is_none() =>
            {
                self.eq_depth(x.base, b, depth + 1)
            }
            (_, Obj::Instance(y))
                if !y.base.is_undef() && self.user_dunder(b, "__eq__").is_none() =>
            {
                self.eq_depth(a, y.base, depth + 1)
            }
            _ => {
                if self.user_dunder(a, "__eq__").is_some()
                    || self.user_dunder(b, "__eq__").is_some()
                {
                    None
                } else {
                    Some(false)
                }
            }
        }
    }

    /// Order two built-in values: `Some(Some(o))` ordered, `Some(None)`
    /// unordered (NaN), `None` not comparable natively. Nested sequences are
    /// followed in a loop, not by Rust recursion.
    fn order_native(&mut self, mut a: Value, mut b: Value) -> R<Option<Option<Ordering>>> {
        for _ in 0..=MAX_NATIVE_DEPTH {
            if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
                return Ok(Some(num_cmp(&x, &y)));
            }
            let (Value::Obj(ia), Value::Obj(ib)) = (a, b) else {
                return Ok(None);
            };
            let (na, nb) = match (self.heap.get(ia), self.heap.get(ib)) {
                (Obj::Str(x), Obj::Str(y)) => return Ok(Some(Some(x.s.cmp(&y.s)))),
                (Obj::Bytes(x), Obj::Bytes(y)) => return Ok(Some(Some(x.cmp(y)))),
                (Obj::List(x), Obj::List(y)) | (Obj::Tuple(x), Obj::Tuple(y)) => {
                    let mut differ = None;
                    for (p, q) in x.iter().zip(y.iter()) {
                        match self.eq_native(*p, *q) {
                            Some(true) => continue,
                            Some(false) => {
                                differ = Some((*p, *q));
                                break;
                            }
                            None => return Ok(None),
                        }
                    }
                    match differ {
                        Some(pq) => pq,
                        None => return Ok(Some(Some(x.len().cmp(&y.len())))),
                    }
                }
                (Obj::Set(x) | Obj::FrozenSet(x), Obj::Set(y) | Obj::FrozenSet(y)) => {
                    let sub = x.keys().all(|k| y.contains_key(k));
                    let sup = y.keys().all(|k| x.contains_key(k));
                    return Ok(Some(match (sub, sup) {
                        (true, true) => Some(Ordering::Equal),
                        (true, false) => Some(Ordering::Less),
                        (false, true) => Some(Ordering::Greater),
                        (false, false) => None,
                    }));
                }
                (Obj::Instance(x), _) if !x.base.is_undef() => (x.base, b),
                (_, Obj::Instance(y)) if !y.base.is_undef() => (a, y.base),
                _ => return Ok(None),
            };
            a = na;
            b = nb;
        }
        Ok(None)
    }

    pub(crate) fn exec_contains(
        &mut self,
        st: &mut ExecState,
        item: Value,
        container: Value,
        invert: bool,
    ) -> R<()> {
        let meta_contains = match container {
            Value::Obj(c)
                if matches!(self.heap.get(c), Obj::Class(_))
                    && self.type_of(container) != self.types.type_ =>
            {
                self.lookup_special(container, "__contains__")
            }
            _ => None,
        };
        if let Some(m) = meta_contains.or_else(|| self.user_dunder(container, "__contains__")) {
            return self.call(
                st,
                m,
                Args::new(vec![container, item]),
                Then::Truth { invert },
            );
        }
        match self.contains_native(item, self.unwrap_base(container))? {
            Some(r) => {
                push_top(st, Value::Bool(r != invert));
                Ok(())
            }
            None => {
                let f = self.prelude_fn("_contains")?;
                self.call(
                    st,
                    f,
                    Args::new(vec![container, item]),
                    Then::Truth { invert },
                )
            }
        }
    }

    /// `item in container` for built-in containers; `None` when user code is needed.
    pub fn contains_native(&mut self, item: Value, container: Value) -> R<Option<bool>> {
        let Value::Obj(id) = container else {
            let t = self.type_name(container);
            return self.fail(
                ExcKind::TypeError,
                format!("argument of type '{t}' is not iterable"),
            );
        };
        match self.heap.get(id) {
            Obj::List(items) | Obj::Tuple(items) => {
                let mut unknown = false;
                for x in items.iter() {
                    match self.eq_native(*x, item) {
                        Some(true) => return Ok(Some(true)),
                        Some(false) => {}
                        None => unknown = true,
                    }
                }
                Ok(if unknown { None } else { Some(false) })
            }
            Obj::Str(s) => match self.str_of(item) {
                Some(sub) => Ok(Some(s.s.contains(&*sub.s))),
                None => {
                    let t = self.type_name(item);
                    self.fail(
                        ExcKind::TypeError,
                        format!("'in <string>' requires string as left operand, not {t}"),
                    )
                }
            },
            Obj::Bytes(b) => match item {
                Value::Int(i) => Ok(Some(b.iter().any(|x| i64::from(*x) == i))),
                _ => {
                    let sub: Option<Vec<u8>> = match item {
                        Value::Obj(i2) => match self.heap.get(i2) {
                            Obj::Bytes(x) => Some(x.to_vec()),
                            _ => None,
                        },
                        _ => None,
                    };
                    match sub {
                        Some(sub) => Ok(Some(
                            sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]),
                        )),
                        None => self.fail(ExcKind::TypeError, "a bytes-like object is required"),
                    }
                }
            },
            Obj::Dict(_) | Obj::Set(_) | Obj::FrozenSet(_) => {
                let k = self.hkey(item)?;
                Ok(Some(match self.heap.get(id) {
                    Obj::Dict(d) => d.map.contains_key(&k),
                    Obj::Set(s) | Obj::FrozenSet(s) => s.contains_key(&k),
                    _ => false,
                }))
            }
            Obj::View { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                match kind {
                    crate::object::ViewKind::Keys => {
                        let k = self.hkey(item)?;
                        Ok(Some(
                            self.dict_ref(dict).is_some_and(|d| d.map.contains_key(&k)),
                        ))
                    }
                    _ => {
                        let items = self.collect_native(container)?;
                        let mut unknown = false;
                        for x in items {
                            match self.eq_native(x, item) {
                                Some(true) => return Ok(Some(true)),
                                Some(false) => {}
                                None => unknown = true,
                            }
                        }
                        Ok(if unknown { None } else { Some(false) })
                    }
                }
            }
            Obj::Range { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                Ok(Some(match self.num(item) {
                    Some(Num::I(i)) => {
                        let inside = if step > 0 {
                            i >= start && i < stop
                        } else {
                            i <= start && i > stop
                        };
                        inside && (i - start) % step == 0
                    }
                    Some(Num::F(f)) if f.fract() == 0.0 => {
                        let i = f as i64;
                        let inside = if step > 0 {
                            i >= start && i < stop
                        } else {
                            i <= start && i > stop
                        };
                        inside && (i - start) % step == 0
                    }
                    _ => false,
                }))
            }
            Obj::Iter(_) => {
                if !self.is_native_iterable(container) {
                    return Ok(None);
                }
                while let Some(x) = self.iter_next_native(container)? {
                    if self.eq_native(x, item) == Some(true) {
                        return Ok(Some(true));
                    }
                }
                Ok(Some(false))
            }
            Obj::Instance(_) | Obj::Generator(_) => Ok(None),
            _ => {
                let t = self.type_name(container);
                self.fail(
                    ExcKind::TypeError,
                    format!("argument of type '{t}' is not iterable"),
                )
            }
        }
    }
}

fn repeat_vec(v: &[crate::value::Value], n: usize) -> Vec<crate::value::Value> {
    let mut out = Vec::with_capacity(v.len() * n);
    for _ in 0..n {
        out.extend_from_slice(v);
    }
    out
}

/// Compare two numbers exactly (ints against floats without rounding).
pub(crate) fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    use num_bigint::BigInt;
    use num_traits::FromPrimitive;
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) => num_cmp(other, &Num::F(*x)).map(Ordering::reverse),
        (int, Num::F(y)) => {
            if y.is_nan() {
                return None;
            }
            if y.is_infinite() {
                return Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            let bi = int.big()?;
            let fl = y.floor();
            let yb = BigInt::from_f64(fl)?;
            match bi.cmp(&yb) {
                Ordering::Equal => {
                    if fl < *y {
                        Some(Ordering::Less)
                    } else {
                        Some(Ordering::Equal)
                    }
                }
                o => Some(o),
            }
        }
        (x, y) => Some(x.big()?.cmp(&y.big()?)),
    }
}
