//! brine-vm: a stackless bytecode VM for Python programs.
//!
//! Values live in a [`heap::Heap`] addressed by ids; a running program is an
//! [`frame::ExecState`] — a stack of frames that are plain data — that
//! [`vm::Vm::run`] advances by a budget of instructions. A Python call pushes
//! a frame instead of recursing in Rust, so a state can be stopped, kept and
//! resumed between any two instructions.
//!
//! ```
//! use brine_vm::{Vm, RunOutcome};
//! let mut vm = Vm::new(None).unwrap();
//! let len = vm.native_value("builtins.len");
//! let s = vm.new_str("hello");
//! let mut st = vm.start_call(len, vec![s]).unwrap();
//! assert_eq!(vm.run(&mut st, 100), RunOutcome::Finished(brine_vm::Value::Int(5)));
//! ```

pub mod bootstrap;
pub mod builtin_source;
pub mod builtins;
pub mod bytecode;
pub mod class;
pub mod code;
pub mod format;
pub mod frame;
pub mod frame_object;
pub mod hash;
pub mod heap;
pub mod host;
pub mod identity;
pub mod interp;
pub mod load;
pub mod native;
pub mod num;
pub mod object;
pub mod objects;
pub mod source;
pub mod stdlib;
pub mod traceback;
pub mod traceback_object;
pub mod types;
pub mod value;
pub mod verify;
pub mod vm;

pub use self::{
    bootstrap::BootError,
    builtin_source::BuiltinSourceError,
    bytecode::{BinOp, CmpOp, Instr, UnaryOp},
    code::{CodeObject, Const, MAGIC},
    frame::{ExecState, Frame, Then},
    heap::{Heap, ObjId},
    host::ModuleInit,
    interp::RunOutcome,
    native::{Args, Ctl, HostRequest, NativeDef, NativeId, NativeKind, R},
    object::{HostAny, HostData, HostObj, Obj},
    source::{SourceCompiler, SyntaxErrorInfo},
    types::ExcKind,
    value::Value,
    vm::Vm,
};
