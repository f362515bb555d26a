//! Generators and coroutines: resuming a detached frame, yielding it back,
//! `yield from` / `await` delegation, and `close`/`throw`.
//!
//! A suspended generator owns its frame. Resuming pushes the frame on the
//! resumer's frame stack with `Then::Gen`, which says what a yield or a
//! return means to the frame below; yielding pops it back into the
//! generator. Delegation (`yield from`) chains this: a sub-generator's yield
//! makes the delegating frame yield the same value, one frame at a time, in
//! the same loop, never on the Rust stack.

use crate::frame::{ExecState, GenMode, Then};
use crate::heap::ObjId;
use crate::interp::{push_top, top};
use crate::native::{Ctl, GenInput, R};
use crate::object::{GenKind, GenState, Obj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    pub(crate) fn set_gen_state(&mut self, gen: ObjId, state: GenState) {
        if let Obj::Generator(g) = self.heap.get_mut(gen) {
            g.state = state;
            if state == GenState::Finished {
                g.frame = None;
            }
        }
    }

    /// The kind of generator `gen`, if it is one.
    pub(crate) fn gen_kind(&self, gen: ObjId) -> Option<GenKind> {
        match self.heap.get(gen) {
            Obj::Generator(g) => Some(g.kind),
            _ => None,
        }
    }

    pub(crate) fn gen_word(&self, gen: ObjId) -> &'static str {
        match self.gen_kind(gen) {
            Some(GenKind::Coroutine) => "coroutine",
            Some(GenKind::AsyncGenerator) => "async generator",
            _ => "generator",
        }
    }

    /// Resume generator `gen` with `input`; `mode` says what its yield and
    /// return mean, `then` what to do with the value for modes that give one.
    pub(crate) fn resume_gen(
        &mut self,
        st: &mut ExecState,
        gen: ObjId,
        input: GenInput,
        mode: GenMode,
        then: Option<Then>,
    ) -> R<()> {
        let next = Box::new(then.unwrap_or(Then::Push));
        let Obj::Generator(g) = self.heap.get_mut(gen) else {
            return self.fail(ExcKind::TypeError, "not a generator");
        };
        match g.state {
            GenState::Running => {
                let w = self.gen_word(gen);
                return self.fail(ExcKind::ValueError, format!("{w} already executing"));
            }
            GenState::Finished => {
                // Sending or throwing into an ended coroutine (not closing it).
                if g.kind == GenKind::Coroutine && mode != GenMode::Close {
                    return self.fail(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    );
                }
                return match input {
                    GenInput::Throw(exc) if mode != GenMode::Close => Err(Ctl::Raise(exc)),
                    _ => self.gen_returned(st, gen, mode, *next, Value::None),
                };
            }
            GenState::Created => match input {
                GenInput::Send(v) if v != Value::None => {
                    let w = self.gen_word(gen);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("can't send non-None value to a just-started {w}"),
                    );
                }
                GenInput::Throw(exc) => {
                    self.set_gen_state(gen, GenState::Finished);
                    if mode == GenMode::Close {
                        return self.apply_then(st, *next, Value::None);
                    }
                    return Err(Ctl::Raise(exc));
                }
                GenInput::Send(_) => {}
            },
            GenState::Suspended => {}
        }
        let was_created = g.state == GenState::Created;
        let Some(mut frame) = g.frame.take() else {
            return self.fail(ExcKind::SystemError, "generator without a frame");
        };
        g.state = GenState::Running;
        if st.frames.len() >= self.recursion_limit {
            if let Obj::Generator(g) = self.heap.get_mut(gen) {
                g.frame = Some(frame);
                g.state = if was_created {
                    GenState::Created
                } else {
                    GenState::Suspended
                };
            }
            return self.fail(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        frame.then = Then::Gen { gen, mode, next };
        let delegating = !was_created && frame.is_delegating();
        st.frames.push(*frame);
        match input {
            GenInput::Send(v) => {
                if !was_created {
                    push_top(st, v);
                }
                Ok(())
            }
            GenInput::Throw(exc) => {
                if delegating {
                    let sub = top(st)?.top();
                    if let Value::Obj(sid) = sub {
                        if matches!(self.heap.get(sid), Obj::Generator(_)) {
                            // Past the `YieldFrom`, as when it runs: a
                            // value the delegate yields puts the frame
                            // back on it, and one it returns is pushed.
                            top(st)?.pc += 1;
                            return self.resume_gen(
                                st,
                                sid,
                                GenInput::Throw(exc),
                                GenMode::YieldFrom,
                                None,
                            );
                        }
                        return self.throw_to_delegate(st, sub, exc);
                    }
                }
                Err(Ctl::Raise(exc))
            }
        }
    }

    /// Throw `exc` into the top frame, which delegates to `sub`, an object
    /// that is not a generator: `GeneratorExit` closes `sub` (if it has
    /// `close`) and is raised in the frame; another exception goes to
    /// `sub.throw` if it has one, else is raised in the frame.
    fn throw_to_delegate(&mut self, st: &mut ExecState, sub: Value, exc: Value) -> R<()> {
        let args = crate::native::Args::new(vec![sub, exc]);
        if self.exc_is(exc, ExcKind::GeneratorExit) {
            return match self.lookup_special(sub, "close") {
                Some(close) => {
                    let args = crate::native::Args::new(vec![sub]);
                    self.call(st, close, args, Then::RaiseAfter { exc })
                }
                None => Err(Ctl::Raise(exc)),
            };
        }
        match self.lookup_special(sub, "throw") {
            Some(throw) => {
                // Past the `YieldFrom`, as after a `send`: a value thrown
                // back up is yielded from there.
                top(st)?.pc += 1;
                self.call(st, throw, args, Then::Delegate)
            }
            None => Err(Ctl::Raise(exc)),
        }
    }

    /// The top frame yields `v`.
    pub(crate) fn exec_yield(&mut self, st: &mut ExecState, mut v: Value) -> R<()> {
        loop {
            let Some(mut frame) = st.frames.pop() else {
                return Ok(());
            };
            let then = std::mem::replace(&mut frame.then, Then::Discard);
            let Then::Gen { gen, mode, next } = then else {
                frame.then = then;
                st.frames.push(frame);
                return self.fail(ExcKind::SystemError, "yield outside a generator frame");
            };
            if let Obj::Generator(g) = self.heap.get_mut(gen) {
                g.frame = Some(Box::new(frame));
                g.state = GenState::Suspended;
            }
            match mode {
                GenMode::ForIter { .. } => {
                    push_top(st, v);
                    return Ok(());
                }
                GenMode::Next | GenMode::NextDefault { .. } => {
                    return self.apply_then(st, *next, v);
                }
                GenMode::Close => {
                    let w = self.gen_word(gen);
                    return self.fail(ExcKind::RuntimeError, format!("{w} ignored GeneratorExit"));
                }
                GenMode::YieldFrom => {
                    let f = top(st)?;
                    f.pc = f.pc.saturating_sub(1);
                    let _ = &mut v;
                }
            }
        }
    }

    /// Generator `gen`'s frame returned `v`.
    pub(crate) fn gen_returned(
        &mut self,
        st: &mut ExecState,
        gen: ObjId,
        mode: GenMode,
        next: Then,
        v: Value,
    ) -> R<()> {
        self.set_gen_state(gen, GenState::Finished);
        match mode {
            GenMode::ForIter { target } => {
                let f = top(st)?;
                f.pop();
                f.pc = target;
                Ok(())
            }
            GenMode::Next => {
                let args = if v == Value::None { vec![] } else { vec![v] };
                let class = self.types.exc(ExcKind::StopIteration);
                let exc = self.new_exc_with_args(class, args);
                Err(Ctl::Raise(exc))
            }
            GenMode::NextDefault { default } => self.apply_then(st, next, default),
            GenMode::YieldFrom => {
                let f = top(st)?;
                f.pop();
                f.push(v);
                Ok(())
            }
            GenMode::Close => self.apply_then(st, next, Value::None),
        }
    }

    pub(crate) fn exec_yield_from(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let it = f.top();
        if let Value::Obj(id) = it {
            match self.heap.get(id) {
                Obj::Generator(_) => {
                    return self.resume_gen(st, id, GenInput::Send(v), GenMode::YieldFrom, None)
                }
                Obj::Iter(_) => {
                    return match self.iter_next_native(it)? {
                        Some(x) => {
                            let f = top(st)?;
                            f.pc -= 1;
                            self.exec_yield(st, x)
                        }
                        None => {
                            let f = top(st)?;
                            f.pop();
                            f.push(Value::None);
                            Ok(())
                        }
                    };
                }
                _ => {}
            }
        }
        let (method, args) = if v == Value::None {
            (self.lookup_special(it, "__next__"), vec![it])
        } else {
            (self.lookup_special(it, "send"), vec![it, v])
        };
        match method {
            Some(m) => self.call(st, m, crate::native::Args::new(args), Then::Delegate),
            None if v != Value::None && self.lookup_special(it, "__next__").is_some() => {
                let t = self.type_name(it);
                self.fail(
                    ExcKind::AttributeError,
                    format!("'{t}' object has no attribute 'send'"),
                )
            }
            None => {
                let t = self.type_name(it);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object cannot be delegated to with yield from"),
                )
            }
        }
    }

    /// A delegate raised `StopIteration`: the top frame's `yield from`
    /// gives its value.
    pub(crate) fn end_delegation(&mut self, st: &mut ExecState, stop: Value) -> R<()> {
        let value = self.stop_iteration_value(stop);
        let f = top(st)?;
        f.pop();
        f.push(value);
        Ok(())
    }

    /// The value a `StopIteration` carries: its first argument, or `None`.
    pub(crate) fn stop_iteration_value(&self, stop: Value) -> Value {
        let args = match self.heap.get_obj(stop) {
            Some(Obj::Instance(i)) => i.exc.as_ref().map_or(Value::None, |e| e.args),
            _ => Value::None,
        };
        match self.heap.get_obj(args) {
            Some(Obj::Tuple(items)) => items.first().copied().unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    /// `Then::Awaitable`: what `__await__()` returned must be an iterator
    /// that is not a coroutine.
    pub(crate) fn check_awaitable(&mut self, st: &mut ExecState, it: Value) -> R<()> {
        let iterator = match self.heap.get_obj(it) {
            Some(Obj::Generator(g)) if g.kind == GenKind::Coroutine => {
                return self.fail(ExcKind::TypeError, "__await__() returned a coroutine");
            }
            Some(Obj::Generator(_) | Obj::Iter(_)) => true,
            _ => self.lookup_special(it, "__next__").is_some(),
        };
        if !iterator {
            let t = self.type_name(it);
            return self.fail(
                ExcKind::TypeError,
                format!("__await__() returned non-iterator of type '{t}'"),
            );
        }
        push_top(st, it);
        Ok(())
    }

    pub(crate) fn exec_get_yield_from_iter(&mut self, st: &mut ExecState) -> R<()> {
        let v = top(st)?.top();
        if let Value::Obj(id) = v {
            if let Obj::Generator(g) = self.heap.get(id) {
                if g.kind == GenKind::Coroutine {
                    return self.fail(
                        ExcKind::TypeError,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    );
                }
                return Ok(());
            }
        }
        top(st)?.pop();
        match self.iter_native(v)? {
            Some(it) => {
                push_top(st, it);
                Ok(())
            }
            None => self.iter_call(st, v),
        }
    }

    pub(crate) fn exec_get_awaitable(&mut self, st: &mut ExecState) -> R<()> {
        let v = top(st)?.top();
        if let Value::Obj(id) = v {
            if let Obj::Generator(g) = self.heap.get(id) {
                if g.kind == GenKind::Coroutine {
                    if g.state == GenState::Finished {
                        return self.fail(
                            ExcKind::RuntimeError,
                            "cannot reuse already awaited coroutine",
                        );
                    }
                    return Ok(());
                }
            }
        }
        match self.lookup_special(v, "__await__") {
            Some(m) => {
                top(st)?.pop();
                self.call(st, m, crate::native::Args::new(vec![v]), Then::Awaitable)
            }
            None => {
                let t = self.type_name(v);
                self.fail(
                    ExcKind::TypeError,
                    format!("object {t} can't be used in 'await' expression"),
                )
            }
        }
    }

    /// `AsyncGenWrap`: the top of the stack becomes an instance of
    /// `_asyncgen._wrapped` whose `value` is it (made here: no frame runs).
    pub(crate) fn exec_async_gen_wrap(&mut self, st: &mut ExecState) -> R<()> {
        let Value::Obj(class) = self.async_gen_support("_wrapped")? else {
            return self.fail(ExcKind::SystemError, "_asyncgen._wrapped is not a class");
        };
        let v = top(st)?.pop();
        let dict = self.new_dict();
        self.dict_set_str(dict, "value", v);
        let wrapped = self.alloc(Obj::Instance(Box::new(crate::object::Instance {
            class,
            dict,
            exc: None,
            base: Value::Undef,
            key: None,
        })));
        push_top(st, wrapped);
        Ok(())
    }

    /// `name` of the `_asyncgen` module brine-asyncgen installs: the async
    /// generator class, and the class that marks what it yields.
    pub(crate) fn async_gen_support(&mut self, name: &str) -> R<Value> {
        let found = match self.dict_get_str(self.modules, "_asyncgen") {
            Some(Value::Obj(m)) => self.module_dict(m).and_then(|d| self.dict_get_str(d, name)),
            _ => None,
        };
        match found {
            Some(v) => Ok(v),
            None => self.fail(
                ExcKind::SystemError,
                "async generators need brine-asyncgen installed in the VM",
            ),
        }
    }

    /// `GetAIter`: `obj => obj.__aiter__()`.
    pub(crate) fn exec_get_aiter(&mut self, st: &mut ExecState) -> R<()> {
        let obj = top(st)?.top();
        let Some(m) = self.lookup_special(obj, "__aiter__") else {
            let t = self.type_name(obj);
            return self.fail(
                ExcKind::TypeError,
                format!("'async for' requires an object with __aiter__ method, got {t}"),
            );
        };
        top(st)?.pop();
        self.call(st, m, crate::native::Args::new(vec![obj]), Then::Push)
    }

    /// `GetANext`: `aiter => aiter, aiter.__anext__()`.
    pub(crate) fn exec_get_anext(&mut self, st: &mut ExecState) -> R<()> {
        let aiter = top(st)?.top();
        let Some(m) = self.lookup_special(aiter, "__anext__") else {
            let t = self.type_name(aiter);
            return self.fail(
                ExcKind::TypeError,
                format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
                ),
            );
        };
        self.call(st, m, crate::native::Args::new(vec![aiter]), Then::Push)
    }
}
