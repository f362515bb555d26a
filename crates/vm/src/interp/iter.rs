//! Iteration: `iter()`, `for` loops, and built-in iterators.

use crate::frame::{ExecState, GenMode, Then};
use crate::interp::{push_top, top};
use crate::native::{Args, GenInput, R};
use crate::object::{Obj, ViewKind};
use crate::objects::iter::IterState;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// A built-in iterator over `v`, `v` itself if it is an iterator that
    /// needs no user code, or `None` if `__iter__` must be called.
    pub fn iter_native(&mut self, v: Value) -> R<Option<Value>> {
        let Value::Obj(id) = v else {
            let t = self.type_name(v);
            return self.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
        };
        let state = match self.heap.get(id) {
            Obj::List(_) | Obj::Tuple(_) => IterState::Seq { seq: id, idx: 0 },
            Obj::Str(_) => IterState::Str { s: id, pos: 0 },
            Obj::Bytes(_) => IterState::Bytes { b: id, idx: 0 },
            Obj::Range { start, stop, step } => IterState::Range {
                cur: *start,
                stop: *stop,
                step: *step,
            },
            Obj::Dict(d) => IterState::Dict {
                dict: id,
                idx: 0,
                kind: ViewKind::Keys,
                len: d.len(),
            },
            Obj::View { dict, kind } => {
                let len = self.dict_ref(*dict).map(|d| d.len()).unwrap_or(0);
                IterState::Dict {
                    dict: *dict,
                    idx: 0,
                    kind: *kind,
                    len,
                }
            }
            Obj::Set(s) | Obj::FrozenSet(s) => IterState::Set {
                set: id,
                idx: 0,
                len: s.len(),
                order: crate::hash::cpython_set_order(s.keys())
                    .into_iter()
                    .map(|i| i as u32)
                    .collect(),
            },
            Obj::Iter(_) | Obj::Generator(_) => return Ok(Some(v)),
            Obj::Instance(i) => {
                let base = i.base;
                if self.has_user_method(v, "__iter__") || base.is_undef() {
                    return Ok(None);
                }
                return self.iter_native(base);
            }
            _ => return Ok(None),
        };
        Ok(Some(self.alloc(Obj::Iter(Box::new(state)))))
    }

    /// `iter(v)` through `__iter__` (or the `__getitem__` protocol).
    pub(crate) fn iter_call(&mut self, st: &mut ExecState, v: Value) -> R<()> {
        if let Some(m) = self.lookup_special(v, "__iter__") {
            return self.call(st, m, Args::new(vec![v]), Then::Push);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            let f = self.prelude_fn("_seq_iter")?;
            return self.call(st, f, Args::new(vec![v]), Then::Push);
        }
        let t = self.type_name(v);
        self.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"))
    }

    pub(crate) fn exec_get_iter(&mut self, st: &mut ExecState) -> R<()> {
        let v = top(st)?.pop();
        match self.iter_native(v)? {
            Some(it) => {
                push_top(st, it);
                Ok(())
            }
            None => self.iter_call(st, v),
        }
    }

    pub(crate) fn exec_for_iter(&mut self, st: &mut ExecState, target: u32) -> R<()> {
        let f = top(st)?;
        let it = f.top();
        let Value::Obj(id) = it else {
            return self.fail(ExcKind::TypeError, "for loop over a non-iterator");
        };
        match self.heap.get_mut(id) {
            Obj::Iter(state) => {
                if let IterState::Range { cur, stop, step } = &mut **state {
                    let c = *cur;
                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                        *cur = c.saturating_add(*step);
                        if c == i64::MAX {
                            *stop = c;
                        }
                        f.push(Value::Int(c));
                    } else {
                        f.pop();
                        f.pc = target;
                    }
                    return Ok(());
                }
                match self.iter_next_native(it)? {
                    Some(v) => f_push(st, v),
                    None => {
                        let f = top(st)?;
                        f.pop();
                        f.pc = target;
                    }
                }
                Ok(())
            }
            Obj::Generator(_) => self.resume_gen(
                st,
                id,
                GenInput::Send(Value::None),
                GenMode::ForIter { target },
                None,
            ),
            _ => match self.lookup_special(it, "__next__") {
                Some(m) => self.call(st, m, Args::new(vec![it]), Then::ForIter { target }),
                None => {
                    let t = self.type_name(it);
                    self.fail(
                        ExcKind::TypeError,
                        format!("'{t}' object is not an iterator"),
                    )
                }
            },
        }
    }

    /// Advance a built-in iterator: `None` when it is exhausted.
    pub fn iter_next_native(&mut self, it: Value) -> R<Option<Value>> {
        let Value::Obj(id) = it else {
            return Ok(None);
        };
        let Obj::Iter(state) = self.heap.get(id) else {
            let t = self.type_name(it);
            return self.fail(
                ExcKind::TypeError,
                format!("'{t}' object is not an iterator"),
            );
        };
        let state = (**state).clone();
        let (out, new_state) = match state {
            IterState::Seq { seq, idx } => {
                let item = match self.heap.get(seq) {
                    Obj::List(v) | Obj::Tuple(v) => v.get(idx).copied(),
                    _ => None,
                };
                match item {
                    Some(v) => (Some(v), IterState::Seq { seq, idx: idx + 1 }),
                    None => (None, IterState::Done),
                }
            }
            IterState::Str { s, pos } => {
                let ch = match self.heap.get(s) {
                    Obj::Str(p) => p.s[pos..].chars().next(),
                    _ => None,
                };
                match ch {
                    Some(c) => {
                        let mut buf = [0u8; 4];
                        let v = self.new_str(c.encode_utf8(&mut buf));
                        (
                            Some(v),
                            IterState::Str {
                                s,
                                pos: pos + c.len_utf8(),
                            },
                        )
                    }
                    None => (None, IterState::Done),
                }
            }
            IterState::Bytes { b, idx } => {
                let byte = match self.heap.get(b) {
                    Obj::Bytes(x) => x.get(idx).copied(),
                    _ => None,
                };
                match byte {
                    Some(x) => (
                        Some(Value::Int(i64::from(x))),
                        IterState::Bytes { b, idx: idx + 1 },
                    ),
                    None => (None, IterState::Done),
                }
            }
            IterState::Range { cur, stop, step } => {
                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                    (
                        Some(Value::Int(cur)),
                        IterState::Range {
                            cur: cur.saturating_add(step),
                            stop: if cur == i64::MAX { cur } else { stop },
                            step,
                        },
                    )
                } else {
                    (None, IterState::Done)
                }
            }
            IterState::Dict {
                dict,
                idx,
                kind,
                len,
            } => {
                let entry = match self.heap.get(dict) {
                    Obj::Dict(d) => {
                        if d.len() != len {
                            return self.fail(
                                ExcKind::RuntimeError,
                                "dictionary changed size during iteration",
                            );
                        }
                        d.map.get_index(idx).map(|(_, e)| *e)
                    }
                    _ => None,
                };
                match entry {
                    Some((k, v)) => {
                        let out = match kind {
                            ViewKind::Keys => k,
                            ViewKind::Values => v,
                            ViewKind::Items => self.new_tuple(vec![k, v]),
                        };
                        (
                            Some(out),
                            IterState::Dict {
                                dict,
                                idx: idx + 1,
                                kind,
                                len,
                            },
                        )
                    }
                    None => (None, IterState::Done),
                }
            }
            IterState::Set {
                set,
                idx,
                len,
                order,
            } => {
                let item = match self.heap.get(set) {
                    Obj::Set(s) | Obj::FrozenSet(s) => {
                        if s.len() != len {
                            return self
                                .fail(ExcKind::RuntimeError, "Set changed size during iteration");
                        }
                        order
                            .get(idx)
                            .and_then(|k| s.get_index(*k as usize))
                            .map(|(_, v)| *v)
                    }
                    _ => None,
                };
                match item {
                    Some(v) => (
                        Some(v),
                        IterState::Set {
                            set,
                            idx: idx + 1,
                            len,
                            order,
                        },
                    ),
                    None => (None, IterState::Done),
                }
            }
            IterState::Enumerate { it: inner, count } => match self.iter_next_native(inner)? {
                Some(v) => {
                    let t = self.new_tuple(vec![Value::Int(count), v]);
                    (
                        Some(t),
                        IterState::Enumerate {
                            it: inner,
                            count: count + 1,
                        },
                    )
                }
                None => (None, IterState::Done),
            },
            IterState::Zip { its } => {
                let mut items = Vec::with_capacity(its.len());
                let mut done = its.is_empty();
                for i in &its {
                    match self.iter_next_native(*i)? {
                        Some(v) => items.push(v),
                        None => {
                            done = true;
                            break;
                        }
                    }
                }
                if done {
                    (None, IterState::Done)
                } else {
                    let t = self.new_tuple(items);
                    (Some(t), IterState::Zip { its })
                }
            }
            IterState::Reversed { seq, left } => {
                if left == 0 {
                    (None, IterState::Done)
                } else {
                    let item = match self.heap.get(seq) {
                        Obj::List(v) | Obj::Tuple(v) => v.get(left - 1).copied(),
                        _ => None,
                    };
                    match item {
                        Some(v) => (
                            Some(v),
                            IterState::Reversed {
                                seq,
                                left: left - 1,
                            },
                        ),
                        None => (None, IterState::Done),
                    }
                }
            }
            IterState::Done => (None, IterState::Done),
        };
        if let Obj::Iter(s) = self.heap.get_mut(id) {
            **s = new_state;
        }
        Ok(out)
    }

    /// Whether iterating `v` runs no user code (a built-in iterable, or a
    /// built-in iterator over built-in iterables).
    pub fn is_native_iterable(&self, v: Value) -> bool {
        let Value::Obj(id) = v else { return false };
        match self.heap.get(id) {
            Obj::List(_)
            | Obj::Tuple(_)
            | Obj::Str(_)
            | Obj::Bytes(_)
            | Obj::Range { .. }
            | Obj::Dict(_)
            | Obj::View { .. }
            | Obj::Set(_)
            | Obj::FrozenSet(_) => true,
            Obj::Iter(s) => match &**s {
                IterState::Enumerate { it, .. } => self.is_native_iterable(*it),
                IterState::Zip { its } => its.iter().all(|i| self.is_native_iterable(*i)),
                _ => true,
            },
            Obj::Instance(i) => {
                !i.base.is_undef()
                    && !self.has_user_method(v, "__iter__")
                    && self.is_native_iterable(i.base)
            }
            _ => false,
        }
    }

    /// All items of a natively iterable value (see [`Vm::is_native_iterable`]).
    pub fn collect_native(&mut self, v: Value) -> R<Vec<Value>> {
        if let Value::Obj(id) = v {
            match self.heap.get(id) {
                Obj::List(items) | Obj::Tuple(items) => return Ok(items.clone()),
                Obj::Dict(d) => return Ok(d.map.values().map(|e| e.0).collect()),
                Obj::Set(s) | Obj::FrozenSet(s) => return Ok(crate::objects::dict::set_order(s)),
                _ => {}
            }
        }
        let Some(it) = self.iter_native(v)? else {
            let t = self.type_name(v);
            return self.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
        };
        if !self.is_native_iterable(it) {
            return self.fail(ExcKind::TypeError, "iteration needs user code here");
        }
        let mut out = Vec::new();
        while let Some(x) = self.iter_next_native(it)? {
            out.push(x);
        }
        Ok(out)
    }
}

#[inline]
fn f_push(st: &mut ExecState, v: Value) {
    push_top(st, v);
}
