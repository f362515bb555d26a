//! Built-in functions: a table of Rust functions addressed by [`NativeId`].
//!
//! A built-in never calls back into VM code on the Rust stack. When it needs
//! user code run (`str()` of an instance calls `__str__`), it returns
//! [`Ctl::Call`] and the interpreter pushes a frame; its [`Then`] says what
//! to do with the result.

use serde::{Deserialize, Serialize};

use crate::frame::{GenMode, Then};
use crate::heap::ObjId;
use crate::value::Value;
use crate::vm::Vm;

/// The index of a built-in in the VM's table. Stable within one VM; pickles
/// name built-ins by [`NativeDef::name`] instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NativeId(pub u16);

/// How a built-in binds when found on a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A plain function (module level, or a static method of a type).
    Function,
    /// A method: binds to the instance it is looked up on.
    Method,
    /// A class method: binds to the class.
    ClassMethod,
}

/// Arguments of a call: positional values, then keyword arguments
/// (name as a str value, value).
#[derive(Clone, Debug, Default)]
pub struct Args {
    /// Positional arguments (for a method, `self` first).
    pub pos: Vec<Value>,
    /// Keyword arguments in call order.
    pub kw: Vec<(Value, Value)>,
}

impl Args {
    /// Positional arguments only.
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
}

/// The signature of a built-in.
pub type NativeFn = fn(&mut Vm, Args) -> R<Value>;

/// One built-in: its stable name and its code.
#[derive(Clone, Copy)]
pub struct NativeDef {
    /// The stable dotted name (`"builtins.len"`, `"str.upper"`, `"math.sqrt"`).
    pub name: &'static str,
    /// How it binds when found on a class.
    pub kind: NativeKind,
    /// The function.
    pub f: NativeFn,
}

/// A request to call something, made by a built-in or an instruction.
#[derive(Clone, Debug)]
pub struct CallReq {
    /// What to call.
    pub callee: Value,
    /// The arguments.
    pub args: Args,
    /// What to do with the result; `None` means it is the requester's own
    /// result (a tail call).
    pub then: Option<Then>,
}

/// How to resume a generator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GenInput {
    /// Send a value (`next()` sends `None`).
    Send(Value),
    /// Raise an exception at the `yield`.
    Throw(Value),
}

/// A request to resume a generator.
#[derive(Clone, Debug)]
pub struct ResumeReq {
    /// The generator.
    pub gen: ObjId,
    /// What it is resumed with.
    pub input: GenInput,
    /// What its yield and return mean to the resumer.
    pub mode: GenMode,
    /// What to do with the value it yields or returns, for modes that give one.
    pub then: Option<Then>,
}

impl Ctl {
    /// A request to resume generator `gen` with `input`, its result being
    /// the requester's.
    pub fn resume(gen: ObjId, input: GenInput, mode: GenMode) -> Ctl {
        Ctl::Resume(Box::new(ResumeReq {
            gen,
            input,
            mode,
            then: None,
        }))
    }
}

/// A request the VM cannot serve and hands to its host (the scheduler).
#[derive(Clone, Debug, PartialEq)]
pub struct HostRequest {
    /// What is asked (`"schedule"`, `"channel.send"`, …).
    pub name: &'static str,
    /// Its arguments.
    pub args: Vec<Value>,
}

/// Why a built-in or instruction did not simply produce a value.
#[derive(Clone, Debug)]
pub enum Ctl {
    /// A Python exception (an exception instance) is raised.
    Raise(Value),
    /// Run this call first.
    Call(Box<CallReq>),
    /// Resume a generator (boxed: it is rare, and keeps `Ctl` small).
    Resume(Box<ResumeReq>),
    /// Stop running and hand this request to the host.
    Host(HostRequest),
    /// A dict or set operation met an instance whose class defines
    /// `__hash__` and `__eq__` in Python and that has no key yet: the
    /// prelude computes it (`hash()`, then `==` against live keys with the
    /// same hash), and the operation runs again.
    NeedKey(Value),
}

/// The result of a built-in or of a step of an instruction.
pub type R<T> = Result<T, Ctl>;

impl Ctl {
    /// A request to call `callee` and use its result as the requester's.
    pub fn tail_call(callee: Value, args: Vec<Value>) -> Ctl {
        Ctl::Call(Box::new(CallReq {
            callee,
            args: Args::new(args),
            then: None,
        }))
    }

    /// A request to call `callee` and continue with `then`.
    pub fn call_then(callee: Value, args: Vec<Value>, then: Then) -> Ctl {
        Ctl::Call(Box::new(CallReq {
            callee,
            args: Args::new(args),
            then: Some(then),
        }))
    }
}
