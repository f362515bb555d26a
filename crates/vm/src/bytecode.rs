//! brine's instruction set.
//!
//! Instructions are a small `Copy` enum with typed operands that index into
//! the tables of their [`CodeObject`](crate::code::CodeObject): `consts`,
//! `names`, `varnames`, the cells (`cellvars` then `freevars`). Jump targets
//! are absolute instruction indices. The machine is a stack machine; every
//! variant's doc gives its stack effect as `before => after`, top of stack on
//! the right.
//!
//! Exceptions use a handler stack in the frame rather than CPython 3.11's
//! exception table: [`Instr::SetupExcept`] pushes a handler, [`Instr::PopBlock`]
//! pops it. When an exception is raised while a handler is active, the value
//! stack is cut back to the depth it had at `SetupExcept`, the exceptions
//! being handled in the frame are cut back likewise, the new exception is
//! pushed both on the value stack and on the frame's "being handled" list
//! (what `sys.exc_info()` and a bare `raise` see), and execution jumps to the
//! handler's target. [`Instr::PopExcept`] ends the handling of the newest one.

use serde::{Deserialize, Serialize};

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnaryOp {
    /// `-x` (`__neg__`)
    Neg,
    /// `+x` (`__pos__`)
    Pos,
    /// `not x` (truth value, always a bool)
    Not,
    /// `~x` (`__invert__`)
    Invert,
}

/// A binary arithmetic or bitwise operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `@`
    MatMul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

impl BinOp {
    /// The operator as Python source spells it (`"+"`), for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    /// The name of the special method that implements it (`"__add__"`).
    pub fn dunder(self) -> &'static str {
        match self {
            BinOp::Add => "__add__",
            BinOp::Sub => "__sub__",
            BinOp::Mul => "__mul__",
            BinOp::MatMul => "__matmul__",
            BinOp::TrueDiv => "__truediv__",
            BinOp::FloorDiv => "__floordiv__",
            BinOp::Mod => "__mod__",
            BinOp::Pow => "__pow__",
            BinOp::LShift => "__lshift__",
            BinOp::RShift => "__rshift__",
            BinOp::And => "__and__",
            BinOp::Or => "__or__",
            BinOp::Xor => "__xor__",
        }
    }

    /// The reflected special method (`"__radd__"`).
    pub fn rdunder(self) -> &'static str {
        match self {
            BinOp::Add => "__radd__",
            BinOp::Sub => "__rsub__",
            BinOp::Mul => "__rmul__",
            BinOp::MatMul => "__rmatmul__",
            BinOp::TrueDiv => "__rtruediv__",
            BinOp::FloorDiv => "__rfloordiv__",
            BinOp::Mod => "__rmod__",
            BinOp::Pow => "__rpow__",
            BinOp::LShift => "__rlshift__",
            BinOp::RShift => "__rrshift__",
            BinOp::And => "__rand__",
            BinOp::Or => "__ror__",
            BinOp::Xor => "__rxor__",
        }
    }

    /// The in-place special method (`"__iadd__"`).
    pub fn idunder(self) -> &'static str {
        match self {
            BinOp::Add => "__iadd__",
            BinOp::Sub => "__isub__",
            BinOp::Mul => "__imul__",
            BinOp::MatMul => "__imatmul__",
            BinOp::TrueDiv => "__itruediv__",
            BinOp::FloorDiv => "__ifloordiv__",
            BinOp::Mod => "__imod__",
            BinOp::Pow => "__ipow__",
            BinOp::LShift => "__ilshift__",
            BinOp::RShift => "__irshift__",
            BinOp::And => "__iand__",
            BinOp::Or => "__ior__",
            BinOp::Xor => "__ixor__",
        }
    }
}

/// A rich comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as Python source spells it.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The special method that implements it (`"__lt__"`).
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Bits of [`Instr::MakeFunction`]'s operand: which optional parts are on the stack.
pub mod make_function {
    /// A tuple of positional defaults.
    pub const DEFAULTS: u32 = 0x01;
    /// A dict of keyword-only defaults.
    pub const KWDEFAULTS: u32 = 0x02;
    /// A dict of annotations (`__annotations__`).
    pub const ANNOTATIONS: u32 = 0x04;
    /// A tuple of cells for the code's free variables.
    pub const CLOSURE: u32 = 0x08;
}

/// Bits of [`Instr::FormatValue`]'s operand.
pub mod format_value {
    /// Mask of the conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    pub const CONVERSION_MASK: u32 = 0x03;
    /// `!s`
    pub const STR: u32 = 0x01;
    /// `!r`
    pub const REPR: u32 = 0x02;
    /// `!a`
    pub const ASCII: u32 = 0x03;
    /// A format spec (a str) is on the stack above the value.
    pub const HAS_SPEC: u32 = 0x04;
}

/// One instruction. Operands index into the code object's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Instr {
    /// Does nothing. Stack: `=>`
    Nop,
    /// Stack: `a =>`
    PopTop,
    /// Push a copy of the n-th value from the top (1 is the top).
    /// Stack: `x, …(n-1 values) => x, …, x`
    Copy(u32),
    /// Swap the top with the n-th value from the top (n >= 2).
    /// Stack: `x, …, y => y, …, x`
    Swap(u32),

    /// Push `consts[i]`. Stack: `=> c`
    LoadConst(u32),
    /// Push local `varnames[i]`; `UnboundLocalError` if unset. Stack: `=> v`
    LoadFast(u32),
    /// Stack: `v =>` (stores into local `varnames[i]`)
    StoreFast(u32),
    /// Unset local `varnames[i]`. Stack: `=>`
    DeleteFast(u32),
    /// Push the contents of cell i (cellvars, then freevars). Stack: `=> v`
    LoadDeref(u32),
    /// Stack: `v =>` (stores into cell i)
    StoreDeref(u32),
    /// Empty cell i. Stack: `=>`
    DeleteDeref(u32),
    /// Push cell i itself, to build a closure. Stack: `=> cell`
    LoadClosure(u32),
    /// In a class body: the name of free variable i from the class namespace
    /// if it is there, else the contents of cell i. Stack: `=> v`
    LoadClassDeref(u32),
    /// Look `names[i]` up in the frame's namespace (class body or module),
    /// then globals, then builtins. Stack: `=> v`
    LoadName(u32),
    /// Stack: `v =>` (binds `names[i]` in the frame's namespace)
    StoreName(u32),
    /// Stack: `=>` (unbinds `names[i]` in the frame's namespace)
    DeleteName(u32),
    /// Look `names[i]` up in globals, then builtins. Stack: `=> v`
    LoadGlobal(u32),
    /// Stack: `v =>` (binds global `names[i]`)
    StoreGlobal(u32),
    /// Stack: `=>` (unbinds global `names[i]`)
    DeleteGlobal(u32),
    /// Stack: `obj => obj.names[i]`
    LoadAttr(u32),
    /// Stack: `v, obj =>` (`obj.names[i] = v`)
    StoreAttr(u32),
    /// Stack: `obj =>` (`del obj.names[i]`)
    DeleteAttr(u32),
    /// Look up method `names[i]` for a following [`Instr::CallMethod`].
    /// Stack: `obj => func, obj` when `func` is a plain function found on the
    /// type (called with `obj` as first argument), else `obj => attr, NULL`.
    LoadMethod(u32),
    /// Call after [`Instr::LoadMethod`] with n positional arguments.
    /// Stack: `func, self_or_null, a1, …, an => result`
    CallMethod(u32),
    /// Push the builtin `AssertionError` (not shadowable). Stack: `=> AssertionError`
    LoadAssertionError,
    /// Push the builtin `__build_class__`. Stack: `=> __build_class__`
    LoadBuildClass,

    /// Stack: `obj, key => obj[key]`
    BinarySubscr,
    /// Stack: `v, obj, key =>` (`obj[key] = v`)
    StoreSubscr,
    /// Stack: `obj, key =>` (`del obj[key]`)
    DeleteSubscr,
    /// n is 2 or 3. Stack: `start, stop[, step] => slice`
    BuildSlice(u32),

    /// Stack: `a => op a`
    UnaryOp(UnaryOp),
    /// Stack: `a, b => a op b`
    BinaryOp(BinOp),
    /// Augmented assignment: tries `__iop__` first. Stack: `a, b => a op= b`
    InplaceOp(BinOp),
    /// Stack: `a, b => a op b`
    CompareOp(CmpOp),
    /// `is` (false) or `is not` (true). Stack: `a, b => bool`
    IsOp(bool),
    /// `in` (false) or `not in` (true). Stack: `a, b => bool` (`a in b`)
    ContainsOp(bool),

    /// Jump to target. Stack: `=>`
    Jump(u32),
    /// Stack: `v =>`; jumps if `v` is false.
    PopJumpIfFalse(u32),
    /// Stack: `v =>`; jumps if `v` is true.
    PopJumpIfTrue(u32),
    /// Stack: `v => v` and jump if `v` is false, else `v =>`.
    JumpIfFalseOrPop(u32),
    /// Stack: `v => v` and jump if `v` is true, else `v =>`.
    JumpIfTrueOrPop(u32),

    /// Stack: `obj => iter(obj)`
    GetIter,
    /// Stack: `it => it, next(it)`; when `it` is exhausted: `it =>` and jump.
    ForIter(u32),

    /// Call with n positional arguments. Stack: `f, a1, …, an => result`
    Call(u32),
    /// Call with n arguments, of which the last `len(names)` are keyword
    /// arguments named by the tuple on top. Stack: `f, a1, …, an, names => result`
    CallKw(u32),
    /// `f(*args)` (false) or `f(*args, **kwargs)` (true); `args` is a tuple,
    /// `kwargs` a dict. Stack: `f, args[, kwargs] => result`
    CallEx(bool),
    /// Make a function from a code object; the operand's bits
    /// ([`make_function`]) say which optional parts are on the stack, in this
    /// order. Stack: `[defaults], [kwdefaults], [closure], code => function`
    MakeFunction(u32),
    /// Return from the frame. Stack: `v =>`
    ReturnValue,

    /// Stack: `a1, …, an => (a1, …, an)`
    BuildTuple(u32),
    /// Stack: `a1, …, an => [a1, …, an]`
    BuildList(u32),
    /// Stack: `a1, …, an => {a1, …, an}`
    BuildSet(u32),
    /// n key/value pairs. Stack: `k1, v1, …, kn, vn => {k1: v1, …}`
    BuildMap(u32),
    /// Concatenate n strs (f-strings). Stack: `s1, …, sn => s`
    BuildString(u32),
    /// Append to the list n-th from the top once `v` is popped (comprehensions).
    /// Stack: `list, …, v => list, …`
    ListAppend(u32),
    /// Add to the set n-th from the top once `v` is popped. Stack: `set, …, v => set, …`
    SetAdd(u32),
    /// Set a key in the dict n-th from the top once `k, v` are popped.
    /// Stack: `dict, …, k, v => dict, …`
    MapAdd(u32),
    /// Extend the list n-th from the top with an iterable. Stack: `list, …, it => list, …`
    ListExtend(u32),
    /// Update the set n-th from the top with an iterable. Stack: `set, …, it => set, …`
    SetUpdate(u32),
    /// `{**m}`: update the dict n-th from the top with a mapping. Stack: `dict, …, m => dict, …`
    DictUpdate(u32),
    /// `f(**m)`: like [`Instr::DictUpdate`] but a repeated key is a `TypeError`.
    DictMerge(u32),
    /// Stack: `list => tuple`
    ListToTuple,
    /// f-string field; operand bits in [`format_value`]. Stack: `v[, spec] => str`
    FormatValue(u32),
    /// Stack: `seq => vn, …, v1` (v1 on top, so stores run left to right)
    UnpackSequence(u32),
    /// `a, *b, c = seq`. Stack: `seq => v_last…, list, …, v1` (v1 on top)
    UnpackEx {
        /// Names before the starred one.
        before: u16,
        /// Names after the starred one.
        after: u16,
    },

    /// Push an exception handler that jumps to target. Stack: `=>`
    SetupExcept(u32),
    /// Pop the newest exception handler (the protected block ended normally).
    PopBlock,
    /// End handling of the newest exception being handled in this frame.
    PopExcept,
    /// `raise` (n = 0: re-raise the exception being handled), `raise exc`
    /// (n = 1), `raise exc from cause` (n = 2). Stack: `[exc, [cause]] =>`
    Raise(u32),
    /// Raise `exc` again, keeping its traceback. Stack: `exc =>`
    Reraise,
    /// Does `exc` match the class or tuple of classes `t`? Stack: `exc, t => exc, bool`
    CheckExcMatch,
    /// Enter a `with` block: calls `ctx.__enter__()`. Stack: `ctx => exit, result`
    BeforeWith,
    /// In a `with` block's handler: calls `exit(type, exc, tb)`.
    /// Stack: `exit, exc => exit, exc, result`
    WithExceptStart,

    /// Suspend the generator, producing v; resuming pushes the sent value.
    /// Stack: `v => sent`
    YieldValue,
    /// Delegate to a sub-iterator (`yield from`, `await`): send `v` into `it`;
    /// while it yields, this frame yields the same values; when it returns,
    /// push its return value. Stack: `it, v => result`
    YieldFrom,
    /// Stack: `obj => iter(obj)`, except generators and coroutines, kept as they are.
    GetYieldFromIter,
    /// Stack: `obj => awaitable iterator` (a coroutine, or `obj.__await__()`)
    GetAwaitable,

    /// Import module `names[i]`. Stack: `level, fromlist => module`
    ImportName(u32),
    /// Stack: `module => module, module.names[i]` (`ImportError` if missing)
    ImportFrom(u32),
    /// `from module import *` into the frame's namespace. Stack: `module =>`
    ImportStar,

    /// Mark a value an async generator yields (`yield v` in an `async
    /// def`), so that its driver tells it apart from what an `await`
    /// passes through. Stack: `v => wrapped(v)`
    AsyncGenWrap,
    /// `async with`: look up `__aenter__` and `__aexit__` on the type and
    /// call `__aenter__`. Stack: `ctx => bound __aexit__, awaitable`
    BeforeAsyncWith,
    /// `async for`: Stack: `obj => obj.__aiter__()`
    GetAIter,
    /// `async for`: Stack: `aiter => aiter, aiter.__anext__()`
    GetANext,
    /// The handler of an `async for`'s `__anext__`: a `StopAsyncIteration`
    /// ends the loop (it stops being handled and the iterator is dropped);
    /// any other exception is raised again. Stack: `aiter, exc =>`
    EndAsyncFor,
}

impl Instr {
    /// How the instruction changes the stack depth: on the fall-through path
    /// when `jump` is false, on the path to its target when `jump` is true.
    pub fn stack_effect(&self, jump: bool) -> i32 {
        use Instr::*;
        let n = |x: &u32| *x as i32;
        match self {
            Nop | Jump(_) | DeleteFast(_) | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_)
            | PopBlock | PopExcept => 0,
            SetupExcept(_) => {
                // On the handler path the exception is pushed.
                i32::from(jump)
            }
            PopTop => -1,
            Copy(_) => 1,
            Swap(_) => 0,
            LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
            | LoadName(_) | LoadGlobal(_) | LoadAssertionError | LoadBuildClass => 1,
            StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) => -1,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            CallMethod(argc) => -n(argc) - 1,
            BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice(k) => 1 - n(k),
            UnaryOp(_) => 0,
            BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            GetIter => 0,
            ForIter(_) => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Call(argc) => -n(argc),
            CallKw(argc) => -n(argc) - 1,
            CallEx(kw) => -1 - i32::from(*kw),
            MakeFunction(flags) => -((flags & 0x0f).count_ones() as i32),
            ReturnValue => -1,
            BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
            BuildMap(k) => 1 - 2 * n(k),
            ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
            | DictMerge(_) => -1,
            MapAdd(_) => -2,
            ListToTuple => 0,
            FormatValue(flags) => {
                if flags & format_value::HAS_SPEC != 0 {
                    -1
                } else {
                    0
                }
            }
            UnpackSequence(k) => n(k) - 1,
            UnpackEx { before, after } => i32::from(*before) + i32::from(*after),
            Raise(k) => -n(k),
            Reraise => -1,
            CheckExcMatch => 0,
            BeforeWith => 1,
            WithExceptStart => 1,
            YieldValue => 0,
            YieldFrom => -1,
            GetYieldFromIter | GetAwaitable | AsyncGenWrap | GetAIter => 0,
            BeforeAsyncWith | GetANext => 1,
            EndAsyncFor => -2,
            ImportName(_) => -1,
            ImportFrom(_) => 1,
            ImportStar => -1,
        }
    }

    /// The jump target, for instructions that may jump.
    pub fn jump_target(&self) -> Option<u32> {
        use Instr::*;
        match self {
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t) | ForIter(t) | SetupExcept(t) => Some(*t),
            _ => None,
        }
    }

    /// Whether execution never falls through to the next instruction.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            Instr::Jump(_) | Instr::ReturnValue | Instr::Raise(_) | Instr::Reraise
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_compact() {
        assert!(std::mem::size_of::<Instr>() <= 8);
    }

    #[test]
    fn handler_path_pushes_the_exception() {
        assert_eq!(Instr::SetupExcept(3).stack_effect(true), 1);
        assert_eq!(Instr::SetupExcept(3).stack_effect(false), 0);
    }
}
