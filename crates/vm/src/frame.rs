//! Frames and execution states: everything a running tasklet is, as data.
//!
//! ```text
//!  ExecState.frames: [ Frame(<module>) | Frame(f) | Frame(g) ]   <- top runs
//!  Frame.slots:      [ local0 … localN-1 | stack0 … stackK ]
//!                      ^ fast locals       ^ value stack (grows right)
//! ```
//! A call pushes a frame whose [`Then`] says what to do with its result in
//! the frame below; a return pops it and applies the `Then`. No Rust
//! recursion happens for a VM-to-VM call.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::bytecode::{BinOp, CmpOp};
use crate::heap::ObjId;
use crate::objects::code::CodeData;
use crate::value::Value;

/// The instruction index of a frame that cannot run: one loaded from a
/// pickle whose code is invalid, or that belonged to a tasklet that was not
/// restorable. Running it raises `RuntimeError` (as in Stackless).
pub const INVALID_PC: u32 = u32::MAX;

/// An active exception handler of a frame (pushed by `SetupExcept`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handler {
    /// Where the handler code starts.
    pub target: u32,
    /// The length of `slots` when the handler was pushed.
    pub depth: u32,
    /// The length of `handling` when the handler was pushed.
    pub handling: u32,
}

/// How a generator was resumed, which says what its yield or return means
/// to the frame below it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GenMode {
    /// By `ForIter`: a yield pushes the value, a return ends the loop
    /// (pops the iterator and jumps to `target`).
    ForIter {
        /// The loop exit.
        target: u32,
    },
    /// By `next()`, `send()` or `throw()`: a yield gives the value, a return
    /// raises `StopIteration(value)`.
    Next,
    /// By `next(gen, default)`: like `Next` but a return gives `default`.
    NextDefault {
        /// What a finished generator gives.
        default: Value,
    },
    /// By `YieldFrom` in the frame below: a yield is passed on by that frame,
    /// a return replaces the iterator on its stack with the value.
    YieldFrom,
    /// By `close()`: a yield is a `RuntimeError`, a return or `GeneratorExit` gives `None`.
    Close,
}

/// What to do with a frame's result in the frame below it (or with a
/// built-in's result): a continuation, as plain data.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    /// Push the result.
    Push,
    /// Drop the result.
    Discard,
    /// The bottom frame: `run` finishes with the result.
    Finish,
    /// The result of `__init__` must be `None`; push `instance` (the common
    /// case of [`Then::InitCheck`], without a boxed continuation).
    InitPush {
        /// The new instance.
        instance: Value,
    },
    /// The result of `__init__` must be `None`; push `instance`.
    InitCheck {
        /// The new instance.
        instance: Value,
        /// What to do with the instance.
        next: Box<Then>,
    },
    /// Push the truth value of the result (`__bool__`, `__len__`, `__contains__`).
    Truth {
        /// Push `not result` instead.
        invert: bool,
    },
    /// A conditional jump waiting for the truth value of the result.
    TruthJump {
        /// Where to jump.
        target: u32,
        /// Jump when the truth value is this.
        jump_if: bool,
        /// For `JumpIf…OrPop`: the value to leave on the stack when jumping.
        keep: Value,
    },
    /// The result of `lhs.__op__(rhs)`: on `NotImplemented` try `rhs.__rop__(lhs)`.
    BinaryRight {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// The result of `__iop__`: on `NotImplemented` do the plain operation.
    InplaceFallback {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// The last try of an operator: `NotImplemented` is a `TypeError`.
    BinaryFail {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// The result of `lhs.__cmp__(rhs)`: on `NotImplemented` try the reflection.
    CompareRight {
        /// The operator.
        op: CmpOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// The reflected comparison: `NotImplemented` falls back to identity for
    /// `==`/`!=`, else a `TypeError`.
    CompareFail {
        /// The operator (as first asked).
        op: CmpOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// The result of `__next__` in a `for` loop: push it; `StopIteration`
    /// ends the loop (pop the iterator, jump to `target`).
    ForIter {
        /// The loop exit.
        target: u32,
    },
    /// A generator frame: what its yield or return means below it.
    Gen {
        /// The generator object the frame belongs to.
        gen: ObjId,
        /// How it was resumed.
        mode: GenMode,
        /// For `Next`, `NextDefault` and `Close`: what to do with the value given.
        next: Box<Then>,
    },
    /// The result must be a str (`__str__`, `__repr__`, `__format__`); push it.
    StrCheck {
        /// The special method, for the error message.
        method: &'static str,
    },
    /// The result must be an int (`__len__`, `__index__`, `__hash__`); push it.
    IntCheck {
        /// The special method, for the error message.
        method: &'static str,
    },
    /// A class body returned: make the class.
    BuildClass {
        /// The metaclass to call, or `Undef` for `type`.
        meta: Value,
        /// The class name.
        name: Value,
        /// The bases (a tuple).
        bases: Value,
        /// The namespace the body filled (a dict).
        ns: ObjId,
        /// Keyword arguments of the class statement (a dict).
        kwargs: Value,
    },
    /// A module body returned: push the module (for `ImportName`).
    Import {
        /// The module.
        module: ObjId,
        /// What to push: the module itself, or (for `import a.b`) the top package.
        push: Value,
    },
    /// A `with` statement's `__enter__` returned: push it above `exit`.
    EnterWith,
    /// A property setter or `__setattr__`-like call: drop the result.
    Stored,
    /// A `StoreSubscr`'s `__setitem__`: drop the result.
    SetItem,
    /// Push the result, then the `NULL` marker (`LoadMethod` that found a
    /// plain attribute through a getter).
    PushThenNull,
    /// A `YieldFrom` delegating to an object that is not a generator: the
    /// result of its `__next__`, `send` or `throw` is yielded by the frame,
    /// which runs its `YieldFrom` again when resumed; a `StopIteration`
    /// ends the delegation with its value.
    Delegate,
    /// The delegate of a frame being closed was closed: now raise `exc`
    /// (`GeneratorExit`) in the frame.
    RaiseAfter {
        /// What to raise.
        exc: Value,
    },
    /// `__await__()` returned: it must be an iterator (and not a coroutine).
    Awaitable,
}

/// A running function: code, position, locals, value stack, handlers.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The code object's heap id.
    pub code_id: ObjId,
    /// The code itself (shared with the heap object, for fast access).
    pub code: Rc<CodeData>,
    /// The index of the next instruction.
    pub pc: u32,
    /// Fast locals, then the value stack.
    pub slots: Vec<Value>,
    /// How many of `slots` are locals.
    pub nlocals: u32,
    /// The cells: the code's cellvars, then its freevars.
    pub cells: Vec<ObjId>,
    /// Active exception handlers, innermost last.
    pub handlers: Vec<Handler>,
    /// Exceptions being handled in this frame, newest last.
    pub handling: Vec<Value>,
    /// The globals dict.
    pub globals: ObjId,
    /// The namespace dict of a class body or module, for `LoadName`/`StoreName`.
    pub namespace: Option<ObjId>,
    /// What to do with the result.
    pub then: Then,
}

impl Frame {
    /// Pop the top of the value stack.
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.slots.pop().unwrap_or(Value::Undef)
    }

    /// Push onto the value stack.
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.slots.push(v);
    }

    /// Whether the frame of a suspended generator waits in a `yield from`
    /// (or `await`): its delegate is then the top of its stack.
    pub fn is_delegating(&self) -> bool {
        matches!(
            self.code.code.instructions.get(self.pc as usize),
            Some(crate::bytecode::Instr::YieldFrom)
        )
    }

    /// The top of the value stack.
    #[inline]
    pub fn top(&self) -> Value {
        self.slots.last().copied().unwrap_or(Value::Undef)
    }

    /// The n-th value from the top (1 is the top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value {
        let len = self.slots.len();
        if n == 0 || n > len {
            Value::Undef
        } else {
            self.slots[len - n]
        }
    }

    /// Where the top `n` values of the value stack start, if there are that many.
    #[inline]
    pub fn stack_base(&self, n: usize) -> Option<usize> {
        let len = self.slots.len();
        (len >= self.nlocals as usize + n).then(|| len - n)
    }

    /// The value stack (without the locals).
    pub fn stack(&self) -> &[Value] {
        &self.slots[self.nlocals as usize..]
    }

    /// The source line the frame is at (of the instruction last started).
    pub fn line(&self) -> u32 {
        self.code.code.line_of(self.pc.saturating_sub(1) as usize)
    }

    /// Add the id of every object this frame refers to.
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        out.push(self.code_id);
        out.extend(self.slots.iter().filter_map(|v| v.obj()));
        out.extend(self.cells.iter().copied());
        out.extend(self.handling.iter().filter_map(|v| v.obj()));
        out.push(self.globals);
        out.extend(self.namespace);
        self.then.trace(out);
    }
}

impl Then {
    /// Add the id of every object this continuation refers to.
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        fn vals(out: &mut Vec<ObjId>, vs: &[Value]) {
            out.extend(vs.iter().filter_map(|v| v.obj()));
        }
        match self {
            Then::InitCheck { instance, next } => {
                vals(out, &[*instance]);
                next.trace(out);
            }
            Then::TruthJump { keep, .. } => vals(out, &[*keep]),
            Then::InitPush { instance } => vals(out, &[*instance]),
            Then::BinaryRight { lhs, rhs, .. }
            | Then::InplaceFallback { lhs, rhs, .. }
            | Then::BinaryFail { lhs, rhs, .. }
            | Then::CompareRight { lhs, rhs, .. }
            | Then::CompareFail { lhs, rhs, .. } => vals(out, &[*lhs, *rhs]),
            Then::Gen { gen, mode, next } => {
                out.push(*gen);
                if let GenMode::NextDefault { default } = mode {
                    vals(out, &[*default]);
                }
                next.trace(out);
            }
            Then::BuildClass {
                meta,
                name,
                bases,
                ns,
                kwargs,
            } => {
                out.push(*ns);
                vals(out, &[*meta, *name, *bases, *kwargs]);
            }
            Then::Import { module, push } => {
                out.push(*module);
                vals(out, &[*push]);
            }
            Then::RaiseAfter { exc } => vals(out, &[*exc]),
            _ => {}
        }
    }
}

/// A tasklet's execution state: its frames, bottom first.
#[derive(Clone, Debug, Default)]
pub struct ExecState {
    /// The frames; the last one runs.
    pub frames: Vec<Frame>,
    /// Set by an instruction that ends the run (the bottom frame returned or
    /// raised); taken by the loop. Never part of a suspended state.
    pub(crate) outcome: Option<crate::interp::RunOutcome>,
    /// What to do with the result of a built-in that asked the host for
    /// something ([`crate::RunOutcome::Request`]); `None` means push it.
    pub pending: Option<Then>,
}

impl ExecState {
    /// Add the id of every object the state refers to.
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        for f in &self.frames {
            f.trace(out);
        }
        if let Some(t) = &self.pending {
            t.trace(out);
        }
    }
}
