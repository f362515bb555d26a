//! brine-vm: a stackless bytecode VM for Python programs.

pub mod bytecode;
pub mod code;
pub mod source;

pub use self::{
    bytecode::{BinOp, CmpOp, Instr, UnaryOp},
    code::{CodeObject, Const, MAGIC},
    source::{SourceCompiler, SyntaxErrorInfo},
};
