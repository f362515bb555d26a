//! The interpreter loop: decode one instruction, one `match`, repeat until
//! the budget is spent, the bottom frame returns, or the host is asked for
//! something.
//!
//! Arms that are more than a few lines call `exec_*` functions in the
//! family files under `interp/`.

mod attr;
mod build;
mod call;
mod gen;
mod iter;
mod names;
mod ops;
mod subscr;
mod unwind;

use crate::bytecode::{Instr, UnaryOp};
use crate::frame::{ExecState, Handler};
use crate::native::{Ctl, HostRequest, R};
use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;

pub use self::call::bind_error_name;
pub(crate) use self::ops::{int_fast as int_fast_pub, num_cmp as num_cmp_pub};

/// How a call to [`Vm::run`] ended.
#[derive(Clone, Debug, PartialEq)]
pub enum RunOutcome {
    /// The bottom frame returned this value; the state is empty.
    Finished(Value),
    /// An exception (an exception instance) propagated out of the bottom
    /// frame; the state is empty.
    Raised(Value),
    /// The budget was spent; the state is consistent and can run on.
    BudgetSpent,
    /// A built-in asked the host for something (a tasklet switch); the state
    /// is consistent, and the host resumes it with [`Vm::run`] after pushing
    /// the request's result with [`Vm::resume_with`].
    Request(HostRequest),
}

/// What the loop does after an instruction that did not simply fall through.
pub(crate) enum Flow {
    Continue,
    Stop(RunOutcome),
}

impl Vm {
    /// Run `st` for at most `budget` instructions.
    /// [`Vm::executed`] grows by the number of instructions run.
    pub fn run(&mut self, st: &mut ExecState, budget: u64) -> RunOutcome {
        let mut left = budget;
        let out = self.run_loop(st, &mut left);
        self.executed += budget - left;
        out
    }

    fn run_loop(&mut self, st: &mut ExecState, left: &mut u64) -> RunOutcome {
        self.finalize_doomed(st);
        loop {
            // Before the budget is checked: a collection asked for by the
            // last instruction (`gc.collect()`) happens before the state
            // is handed back, so a checkpoint taken then holds its result.
            if self.heap.should_collect() {
                self.collect_garbage(st);
                self.finalize_doomed(st);
            }
            if *left == 0 {
                return RunOutcome::BudgetSpent;
            }
            *left -= 1;
            let r = self.step(st);
            if let Err(ctl) = r {
                if let Flow::Stop(out) = self.handle_ctl(st, ctl) {
                    return out;
                }
            }
            if let Some(out) = st.outcome.take() {
                return out;
            }
            if st.frames.is_empty() {
                return RunOutcome::Finished(Value::None);
            }
        }
    }

    /// Give the value the host produced for a [`RunOutcome::Request`] to the
    /// state, as the result of the built-in that made the request. Returns
    /// the outcome when that ends the state (its bottom frame was the call).
    pub fn resume_with(&mut self, st: &mut ExecState, v: Value) -> Option<RunOutcome> {
        let then = match st.pending.take() {
            None | Some(crate::frame::Then::Push) => {
                push_top(st, v);
                return None;
            }
            Some(then) => then,
        };
        let r = self.finish_with(st, Ok(v), then);
        if let Err(ctl) = r {
            if let Flow::Stop(out) = self.handle_ctl(st, ctl) {
                return Some(out);
            }
        }
        st.outcome.take()
    }

    /// Raise `exc` (an exception instance) in the top frame of `st`, as the
    /// result of the built-in that made the host request it is stopped at
    /// (used by hosts to throw into tasklets). A `StopIteration` given to a
    /// `for` loop waiting on a built-in's `__next__` ends the loop.
    pub fn throw_into(&mut self, st: &mut ExecState, exc: Value) -> Option<RunOutcome> {
        let then = st.pending.take().unwrap_or(crate::frame::Then::Push);
        let r = self.finish_with(st, Err(Ctl::Raise(exc)), then);
        if let Err(ctl) = r {
            if let Flow::Stop(out) = self.handle_ctl(st, ctl) {
                return Some(out);
            }
        }
        st.outcome.take()
    }

    /// Finalize `instance` when it becomes unreachable if its class
    /// defines `__del__` (called for every instance made; a loader that
    /// builds instances itself calls it too).
    pub fn track_finalizer(&mut self, instance: Value) {
        if let Value::Obj(id) = instance {
            if self.lookup_type(instance, &self.sk.del).is_some() {
                self.heap.finalize_when_unreachable(id);
            }
        }
    }

    /// Finalize the objects collections found unreachable, on top of `st`
    /// (the first found runs first): an instance's `__del__` is called, a
    /// suspended generator is closed. The calls are made by one frame of
    /// the prelude's `_finalize`, which reports on stderr what they
    /// raise; `st` goes on where it was after it.
    fn finalize_doomed(&mut self, st: &mut ExecState) {
        if !self.heap.has_doomed() || st.frames.is_empty() || st.pending.is_some() {
            return;
        }
        let Ok(finalize) = self.prelude_fn("_finalize") else {
            return;
        };
        let mut calls = Vec::new();
        for id in self.heap.take_doomed() {
            let obj = Value::Obj(id);
            let call = match self.heap.get(id) {
                Obj::Generator(g) if g.state == crate::object::GenState::Suspended => {
                    self.lookup_special(obj, "close").map(|close| (close, obj))
                }
                Obj::Generator(_) => None,
                _ => self.lookup_special(obj, "__del__").map(|del| (del, del)),
            };
            if let Some((method, shown)) = call {
                calls.push(self.new_tuple(vec![method, obj, shown]));
            }
        }
        if calls.is_empty() {
            return;
        }
        let calls = self.new_list(calls);
        let args = crate::native::Args::new(vec![calls]);
        if let Err(ctl) = self.call(st, finalize, args, crate::frame::Then::Discard) {
            if let Flow::Stop(out) = self.handle_ctl(st, ctl) {
                st.outcome = Some(out);
            }
        }
    }

    /// Run a collection with `st` as an extra root.
    pub fn collect_garbage(&mut self, st: &ExecState) -> usize {
        let mut ids = self.root_ids();
        st.trace(&mut ids);
        let roots = std::mem::take(&mut self.roots);
        let n = self.heap.collect(&roots, &ids);
        self.roots = roots;
        let heap = &self.heap;
        self.user_keys.retain(|_, ids| {
            ids.retain(|id| heap.contains(*id));
            !ids.is_empty()
        });
        self.identities.prune(&self.heap);
        n
    }

    fn handle_ctl(&mut self, st: &mut ExecState, ctl: Ctl) -> Flow {
        match ctl {
            Ctl::Raise(exc) => self.raise_new(st, exc),
            Ctl::Call(req) => {
                let then = req.then.unwrap_or(crate::frame::Then::Push);
                match self.call(st, req.callee, req.args, then) {
                    Ok(()) => Flow::Continue,
                    Err(c) => self.handle_ctl(st, c),
                }
            }
            Ctl::Resume(r) => match self.resume_gen(st, r.gen, r.input, r.mode, r.then) {
                Ok(()) => Flow::Continue,
                Err(c) => self.handle_ctl(st, c),
            },
            Ctl::Host(req) => Flow::Stop(RunOutcome::Request(req)),
            Ctl::NeedKey(k) => {
                let t = self.type_name(k);
                let e = self.new_exc(
                    crate::types::ExcKind::TypeError,
                    &format!("unhashable type: '{t}' (its key could not be computed here)"),
                );
                self.raise_new(st, e)
            }
        }
    }

    /// Run an instruction that may hash a key (`BinarySubscr`, `BuildSet`,
    /// …). When the key is an instance whose hash and equality are Python
    /// code, the instruction is undone (its operands put back, the frame
    /// back at it) and runs again after the prelude has computed the key.
    #[inline(never)]
    fn keyed(&mut self, st: &mut ExecState, instr: Instr) -> R<()> {
        let n = match instr {
            Instr::BinarySubscr | Instr::DeleteSubscr | Instr::ContainsOp(_) | Instr::MapAdd(_) => {
                2
            }
            Instr::StoreSubscr => 3,
            Instr::BuildSet(k) => k as usize,
            Instr::BuildMap(k) => 2 * k as usize,
            _ => 1,
        };
        let f = top(st)?;
        let pc = f.pc - 1;
        let len = f.slots.len();
        let n = n.min(len);
        let saved: smallvec_lite::Saved = smallvec_lite::Saved::new(&f.slots[len - n..]);
        let depth = st.frames.len() - 1;
        let r = match instr {
            Instr::BinarySubscr => self.exec_binary_subscr(st),
            Instr::StoreSubscr => self.exec_store_subscr(st),
            Instr::DeleteSubscr => self.exec_delete_subscr(st),
            Instr::ContainsOp(invert) => {
                let f = top(st)?;
                let b = f.pop();
                let a = f.pop();
                self.exec_contains(st, a, b, invert)
            }
            Instr::BuildSet(k) => self.exec_build_set(st, k),
            Instr::BuildMap(k) => self.exec_build_map(st, k),
            Instr::SetAdd(k) => self.exec_set_add(st, k),
            Instr::MapAdd(k) => self.exec_map_add(st, k),
            Instr::SetUpdate(k) => self.exec_set_update(st, k),
            Instr::DictUpdate(k) => self.exec_dict_update(st, k, false),
            Instr::DictMerge(k) => self.exec_dict_update(st, k, true),
            _ => Ok(()),
        };
        match r {
            Err(Ctl::NeedKey(k)) => {
                st.frames.truncate(depth + 1);
                if let Some(f) = st.frames.get_mut(depth) {
                    f.slots.truncate(len - n);
                    f.slots.extend_from_slice(saved.as_slice());
                    f.pc = pc;
                }
                let canon = self.prelude_fn("_canon_key")?;
                self.call(
                    st,
                    canon,
                    crate::native::Args::new(vec![k]),
                    crate::frame::Then::Discard,
                )
            }
            r => r,
        }
    }

    /// Execute one instruction of the top frame.
    #[inline]
    fn step(&mut self, st: &mut ExecState) -> R<()> {
        let Some(frame) = st.frames.last_mut() else {
            return Ok(());
        };
        let pc = frame.pc as usize;
        let Some(&instr) = frame.code.code.instructions.get(pc) else {
            if frame.pc == crate::frame::INVALID_PC {
                return self.fail(
                    crate::types::ExcKind::RuntimeError,
                    "cannot run an invalid frame: its code or its tasklet could not be restored",
                );
            }
            return self.fail(
                crate::types::ExcKind::SystemError,
                "instruction index out of range",
            );
        };
        frame.pc += 1;
        match instr {
            Instr::Nop => {}
            Instr::PopTop => {
                frame.pop();
            }
            Instr::Copy(n) => {
                let v = frame.peek(n as usize);
                frame.push(v);
            }
            Instr::Swap(n) => {
                let len = frame.slots.len();
                let n = n as usize;
                if n >= 1 && n <= len {
                    frame.slots.swap(len - 1, len - n);
                }
            }
            Instr::LoadConst(i) => {
                let v = frame.code.consts[i as usize];
                frame.push(v);
            }
            Instr::LoadFast(i) => {
                let v = frame.slots[i as usize];
                if v.is_undef() {
                    return self.unbound_local(st, i);
                }
                frame.push(v);
            }
            Instr::StoreFast(i) => {
                let v = frame.pop();
                frame.slots[i as usize] = v;
            }
            Instr::DeleteFast(i) => {
                if frame.slots[i as usize].is_undef() {
                    return self.unbound_local(st, i);
                }
                frame.slots[i as usize] = Value::Undef;
            }
            Instr::LoadDeref(i) => return self.exec_load_deref(st, i),
            Instr::StoreDeref(i) => {
                let v = frame.pop();
                let cell = frame.cells[i as usize];
                *self.cell_mut(cell) = v;
            }
            Instr::DeleteDeref(i) => {
                let cell = frame.cells[i as usize];
                *self.cell_mut(cell) = Value::Undef;
            }
            Instr::LoadClosure(i) => {
                let cell = frame.cells[i as usize];
                frame.push(Value::Obj(cell));
            }
            Instr::LoadClassDeref(i) => return self.exec_load_class_deref(st, i),
            Instr::LoadName(i) => return self.exec_load_name(st, i),
            Instr::StoreName(i) => return self.exec_store_name(st, i),
            Instr::DeleteName(i) => return self.exec_delete_name(st, i),
            Instr::LoadGlobal(i) => return self.exec_load_global(st, i),
            Instr::StoreGlobal(i) => return self.exec_store_global(st, i),
            Instr::DeleteGlobal(i) => return self.exec_delete_global(st, i),
            Instr::LoadAttr(i) => return self.exec_load_attr(st, i),
            Instr::StoreAttr(i) => return self.exec_store_attr(st, i),
            Instr::DeleteAttr(i) => return self.exec_delete_attr(st, i),
            Instr::LoadMethod(i) => return self.exec_load_method(st, i),
            Instr::CallMethod(n) => return self.exec_call_method(st, n),
            Instr::LoadAssertionError => {
                let v = Value::Obj(self.types.exc(crate::types::ExcKind::AssertionError));
                frame.push(v);
            }
            Instr::LoadBuildClass => {
                let v = self.native_value("builtins.__build_class__");
                if let Some(f) = st.frames.last_mut() {
                    f.push(v);
                }
            }
            Instr::BinarySubscr | Instr::StoreSubscr | Instr::DeleteSubscr => {
                return self.keyed(st, instr)
            }
            Instr::BuildSlice(n) => return self.exec_build_slice(st, n),
            Instr::UnaryOp(op) => return self.exec_unary(st, op),
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let b = frame.pop();
                let a = frame.pop();
                if let (Value::Int(x), Value::Int(y)) = (a, b) {
                    if let Some(v) = crate::interp::ops::int_fast(op, x, y) {
                        frame.push(v);
                        return Ok(());
                    }
                }
                return if matches!(instr, Instr::InplaceOp(_)) {
                    self.exec_inplace(st, op, a, b)
                } else {
                    self.exec_binary(st, op, a, b)
                };
            }
            Instr::CompareOp(op) => {
                let b = frame.pop();
                let a = frame.pop();
                if let (Value::Int(x), Value::Int(y)) = (a, b) {
                    frame.push(Value::Bool(crate::interp::ops::cmp_ints(op, x, y)));
                    return Ok(());
                }
                return self.exec_compare(st, op, a, b);
            }
            Instr::IsOp(invert) => {
                let b = frame.pop();
                let a = frame.pop();
                frame.push(Value::Bool(a.is(b) != invert));
            }
            Instr::ContainsOp(_) => return self.keyed(st, instr),
            Instr::Jump(t) => frame.pc = t,
            Instr::PopJumpIfFalse(t) => {
                let v = frame.pop();
                match v {
                    Value::Bool(b) => {
                        if !b {
                            frame.pc = t;
                        }
                    }
                    _ => return self.exec_jump_if(st, v, t, false, false),
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = frame.pop();
                match v {
                    Value::Bool(b) => {
                        if b {
                            frame.pc = t;
                        }
                    }
                    _ => return self.exec_jump_if(st, v, t, true, false),
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                let v = frame.pop();
                return self.exec_jump_if(st, v, t, false, true);
            }
            Instr::JumpIfTrueOrPop(t) => {
                let v = frame.pop();
                return self.exec_jump_if(st, v, t, true, true);
            }
            Instr::GetIter => return self.exec_get_iter(st),
            Instr::ForIter(t) => return self.exec_for_iter(st, t),
            Instr::Call(n) => return self.exec_call(st, n),
            Instr::CallKw(n) => return self.exec_call_kw(st, n),
            Instr::CallEx(kw) => return self.exec_call_ex(st, kw),
            Instr::MakeFunction(flags) => return self.exec_make_function(st, flags),
            Instr::ReturnValue => return self.exec_return(st),
            Instr::BuildTuple(n) => {
                let Some(base) = frame.stack_base(n as usize) else {
                    return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
                };
                let items = frame.slots.split_off(base);
                let v = self.new_tuple(items);
                push_top(st, v);
            }
            Instr::BuildList(n) => {
                let Some(base) = frame.stack_base(n as usize) else {
                    return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
                };
                let items = frame.slots.split_off(base);
                let v = self.new_list(items);
                push_top(st, v);
            }
            Instr::BuildSet(_) | Instr::BuildMap(_) => return self.keyed(st, instr),
            Instr::BuildString(n) => return self.exec_build_string(st, n),
            Instr::ListAppend(n) => return self.exec_list_append(st, n),
            Instr::SetAdd(_) | Instr::MapAdd(_) => return self.keyed(st, instr),
            Instr::ListExtend(n) => return self.exec_list_extend(st, n),
            Instr::SetUpdate(_) | Instr::DictUpdate(_) | Instr::DictMerge(_) => {
                return self.keyed(st, instr)
            }
            Instr::ListToTuple => return self.exec_list_to_tuple(st),
            Instr::FormatValue(flags) => return self.exec_format_value(st, flags),
            Instr::UnpackSequence(n) => return self.exec_unpack(st, n as usize, None),
            Instr::UnpackEx { before, after } => {
                return self.exec_unpack(st, before as usize, Some(after as usize))
            }
            Instr::SetupExcept(t) => {
                let h = Handler {
                    target: t,
                    depth: frame.slots.len() as u32,
                    handling: frame.handling.len() as u32,
                };
                frame.handlers.push(h);
            }
            Instr::PopBlock => {
                frame.handlers.pop();
            }
            Instr::PopExcept => {
                frame.handling.pop();
            }
            Instr::Raise(n) => return self.exec_raise(st, n),
            Instr::Reraise => {
                let exc = frame.pop();
                if let Flow::Stop(o) = self.unwind(st, exc) {
                    st.outcome = Some(o);
                }
            }
            Instr::CheckExcMatch => return self.exec_check_exc_match(st),
            Instr::BeforeWith => return self.exec_before_with(st),
            Instr::WithExceptStart => return self.exec_with_except_start(st),
            Instr::YieldValue => {
                let v = frame.pop();
                return self.exec_yield(st, v);
            }
            Instr::YieldFrom => return self.exec_yield_from(st),
            Instr::GetYieldFromIter => return self.exec_get_yield_from_iter(st),
            Instr::GetAwaitable => return self.exec_get_awaitable(st),
            Instr::AsyncGenWrap => return self.exec_async_gen_wrap(st),
            Instr::BeforeAsyncWith => return self.exec_before_async_with(st),
            Instr::GetAIter => return self.exec_get_aiter(st),
            Instr::GetANext => return self.exec_get_anext(st),
            Instr::EndAsyncFor => {
                let exc = frame.pop();
                if self.exc_is(exc, crate::types::ExcKind::StopAsyncIteration) {
                    if let Some(f) = st.frames.last_mut() {
                        f.handling.pop();
                        f.pop();
                    }
                } else if let Flow::Stop(o) = self.unwind(st, exc) {
                    st.outcome = Some(o);
                }
            }
            Instr::ImportName(i) => return self.exec_import_name(st, i),
            Instr::ImportFrom(i) => return self.exec_import_from(st, i),
            Instr::ImportStar => return self.exec_import_star(st),
        }
        Ok(())
    }

    fn exec_jump_if(
        &mut self,
        st: &mut ExecState,
        v: Value,
        target: u32,
        jump_if: bool,
        keep: bool,
    ) -> R<()> {
        match self.truth(v)? {
            Some(b) => {
                let f = top(st)?;
                if b == jump_if {
                    f.pc = target;
                    if keep {
                        f.push(v);
                    }
                }
                Ok(())
            }
            None => self.truth_call(
                st,
                v,
                crate::frame::Then::TruthJump {
                    target,
                    jump_if,
                    keep: if keep { v } else { Value::Undef },
                },
            ),
        }
    }

    fn exec_unary(&mut self, st: &mut ExecState, op: UnaryOp) -> R<()> {
        let v = top(st)?.pop();
        if op == UnaryOp::Not {
            return match self.truth(v)? {
                Some(b) => {
                    push_top(st, Value::Bool(!b));
                    Ok(())
                }
                None => self.truth_call(st, v, crate::frame::Then::Truth { invert: true }),
            };
        }
        let r = self.unary_op(op, v)?;
        push_top(st, r);
        Ok(())
    }
}

/// The top frame of a state that is running.
#[inline]
pub(crate) fn top(st: &mut ExecState) -> R<&mut crate::frame::Frame> {
    match st.frames.last_mut() {
        Some(f) => Ok(f),
        None => Err(Ctl::Raise(Value::None)),
    }
}

/// Push onto the top frame's stack.
#[inline]
pub(crate) fn push_top(st: &mut ExecState, v: Value) {
    if let Some(f) = st.frames.last_mut() {
        f.push(v);
    }
}

/// A few saved stack values, on the stack when they are few.
mod smallvec_lite {
    use crate::value::Value;

    /// Values copied off the top of a value stack.
    pub(super) enum Saved {
        Few([Value; 3], usize),
        Many(Vec<Value>),
    }

    impl Saved {
        pub(super) fn new(vals: &[Value]) -> Saved {
            if vals.len() <= 3 {
                let mut a = [Value::Undef; 3];
                a[..vals.len()].copy_from_slice(vals);
                Saved::Few(a, vals.len())
            } else {
                Saved::Many(vals.to_vec())
            }
        }

        pub(super) fn as_slice(&self) -> &[Value] {
            match self {
                Saved::Few(a, n) => &a[..*n],
                Saved::Many(v) => v,
            }
        }
    }
}
