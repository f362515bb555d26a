//! Raising and unwinding: handlers, tracebacks, `__context__`, `raise … from`.

use crate::frame::{ExecState, GenMode, Then};
use crate::interp::{top, Flow, RunOutcome};
use crate::native::R;
use crate::object::{GenKind, GenState, Obj, TbEntry};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The exception being handled in the newest frame that handles one.
    pub(crate) fn current_handled(&self, st: &ExecState) -> Value {
        for f in st.frames.iter().rev() {
            if let Some(v) = f.handling.last() {
                return *v;
            }
        }
        Value::None
    }

    /// Raise a new exception in the top frame: record where, link the
    /// exception being handled as its `__context__`, and unwind.
    pub(crate) fn raise_new(&mut self, st: &mut ExecState, exc: Value) -> Flow {
        let exc = self.normalize_exc(exc);
        let handled = self.current_handled(st);
        if let Some(f) = st
            .frames
            .last()
            .filter(|f| f.code.code.flags & crate::code::flags::HOST_CALL == 0)
        {
            let entry = TbEntry {
                code: f.code_id,
                line: f.line(),
                globals: f.globals,
            };
            let same = exc.is(handled);
            if let Some(d) = self.exc_data_mut(exc) {
                d.traceback.push(entry);
                if !same && handled != Value::None && d.context == Value::None {
                    d.context = handled;
                }
            }
        }
        self.unwind(st, exc)
    }

    /// Turn whatever was raised into an exception instance (a class is
    /// instantiated; anything else is a `TypeError`).
    fn normalize_exc(&mut self, exc: Value) -> Value {
        if self.is_exception(exc) {
            return exc;
        }
        if let Value::Obj(id) = exc {
            if matches!(self.heap.get(id), Obj::Class(_))
                && self.is_subclass(id, self.types.exc(ExcKind::BaseException))
            {
                return self.new_exc_with_args(id, Vec::new());
            }
        }
        self.new_exc(
            ExcKind::TypeError,
            "exceptions must derive from BaseException",
        )
    }

    /// Mutable exception data of an exception instance.
    pub(crate) fn exc_data_mut(&mut self, exc: Value) -> Option<&mut crate::object::ExcData> {
        match exc {
            Value::Obj(id) => match self.heap.get_mut(id) {
                Obj::Instance(i) => i.exc.as_deref_mut(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Exception data of an exception instance.
    pub fn exc_data(&self, exc: Value) -> Option<&crate::object::ExcData> {
        match exc {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Instance(i) => i.exc.as_deref(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Propagate `exc` from the top frame: to the innermost handler, else out
    /// of the frame into its caller, one frame at a time.
    pub(crate) fn unwind(&mut self, st: &mut ExecState, mut exc: Value) -> Flow {
        loop {
            let Some(frame) = st.frames.last_mut() else {
                return Flow::Stop(RunOutcome::Raised(exc));
            };
            if let Some(h) = frame.handlers.pop() {
                frame.slots.truncate(h.depth as usize);
                frame.handling.truncate(h.handling as usize);
                frame.handling.push(exc);
                frame.push(exc);
                frame.pc = h.target;
                return Flow::Continue;
            }
            let Some(frame) = st.frames.pop() else {
                return Flow::Stop(RunOutcome::Raised(exc));
            };
            let then = frame.then.clone();
            self.recycle_slots(frame.slots);
            match then {
                Then::Finish => return Flow::Stop(RunOutcome::Raised(exc)),
                Then::Delegate if self.exc_is(exc, ExcKind::StopIteration) => {
                    return match self.end_delegation(st, exc) {
                        Ok(()) => Flow::Continue,
                        Err(crate::native::Ctl::Raise(e)) => self.raise_new(st, e),
                        Err(_) => Flow::Continue,
                    };
                }
                Then::ForIter { target } if self.exc_is(exc, ExcKind::StopIteration) => {
                    if let Some(f) = st.frames.last_mut() {
                        f.pop();
                        f.pc = target;
                    }
                    return Flow::Continue;
                }
                Then::Gen { gen, mode, next } => {
                    self.set_gen_state(gen, GenState::Finished);
                    let stop_async = self.gen_kind(gen) == Some(GenKind::AsyncGenerator)
                        && self.exc_is(exc, ExcKind::StopAsyncIteration);
                    if stop_async || self.exc_is(exc, ExcKind::StopIteration) {
                        let which = if stop_async {
                            "StopAsyncIteration"
                        } else {
                            "StopIteration"
                        };
                        let msg = format!("{} raised {which}", self.gen_word(gen));
                        let new = self.new_exc(ExcKind::RuntimeError, &msg);
                        if let Some(d) = self.exc_data_mut(new) {
                            d.cause = exc;
                            d.context = exc;
                        }
                        exc = new;
                    } else if mode == GenMode::Close && self.exc_is(exc, ExcKind::GeneratorExit) {
                        return match self.apply_then(st, *next, Value::None) {
                            Ok(()) => Flow::Continue,
                            Err(crate::native::Ctl::Raise(e)) => self.raise_new(st, e),
                            Err(_) => Flow::Continue,
                        };
                    }
                }
                _ => {}
            }
            if let Some(f) = st
                .frames
                .last()
                .filter(|f| f.code.code.flags & crate::code::flags::HOST_CALL == 0)
            {
                let entry = TbEntry {
                    code: f.code_id,
                    line: f.line(),
                    globals: f.globals,
                };
                if let Some(d) = self.exc_data_mut(exc) {
                    d.traceback.push(entry);
                }
            }
        }
    }

    pub(crate) fn exec_raise(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        match n {
            0 => {
                let exc = self.current_handled(st);
                if exc == Value::None {
                    return self.fail(ExcKind::RuntimeError, "No active exception to reraise");
                }
                if let Flow::Stop(o) = self.unwind(st, exc) {
                    st.outcome = Some(o);
                }
                Ok(())
            }
            1 => {
                let exc = f.pop();
                let exc = self.normalize_exc(exc);
                Err(crate::native::Ctl::Raise(exc))
            }
            _ => {
                let cause = f.pop();
                let exc = f.pop();
                let exc = self.normalize_exc(exc);
                let cause = if cause == Value::None {
                    Value::None
                } else {
                    let c = self.normalize_exc(cause);
                    if !self.is_exception(c) {
                        return self.fail(
                            ExcKind::TypeError,
                            "exception causes must derive from BaseException",
                        );
                    }
                    c
                };
                if let Some(d) = self.exc_data_mut(exc) {
                    d.cause = cause;
                    d.suppress_context = true;
                }
                Err(crate::native::Ctl::Raise(exc))
            }
        }
    }

    pub(crate) fn exec_check_exc_match(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let t = f.pop();
        let exc = f.top();
        let m = self.exc_matches(exc, t)?;
        super::push_top(st, Value::Bool(m));
        Ok(())
    }

    /// Whether `exc` matches an `except` clause's class or tuple of classes.
    pub(crate) fn exc_matches(&mut self, exc: Value, t: Value) -> R<bool> {
        let classes: Vec<Value> = match t {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(items) => items.clone(),
                _ => vec![t],
            },
            _ => vec![t],
        };
        let base = self.types.exc(ExcKind::BaseException);
        for c in classes {
            match c {
                Value::Obj(id)
                    if matches!(self.heap.get(id), Obj::Class(_)) && self.is_subclass(id, base) =>
                {
                    if self.isinstance(exc, id) {
                        return Ok(true);
                    }
                }
                _ => {
                    return self.fail(
                        ExcKind::TypeError,
                        "catching classes that do not inherit from BaseException is not allowed",
                    )
                }
            }
        }
        Ok(false)
    }

    pub(crate) fn unbound_local(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let name = top(st)?
            .code
            .code
            .varnames
            .get(i as usize)
            .cloned()
            .unwrap_or_default();
        self.fail(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}
