//! Code objects: compiled bytecode with its tables, as plain data.
//!
//! A [`CodeObject`] is what the compiler produces and what a frame runs. It
//! owns its constants (nested code objects included) and names as Rust data,
//! so it can be built without a VM, compared, and serialised; the VM turns
//! its constants into heap values once, when the code is loaded.

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use crate::bytecode::Instr;

/// The bytecode magic number: changes whenever the meaning of the
/// instruction set changes. Pickled code carries it; code with another magic
/// is refused to run.
pub const MAGIC: u32 = 0x6272_0001;

/// Flags of a code object (the CPython `co_flags` values).
pub mod flags {
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x0004;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// The function is nested in another.
    pub const NESTED: u32 = 0x0010;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 0x0020;
    /// Calling it makes a coroutine (`async def`).
    pub const COROUTINE: u32 = 0x0080;
    /// Calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// brine's own: code that stands for a built-in (the bottom frame of a
    /// host call, a module's helper written in Python), left out of
    /// tracebacks.
    pub const HOST_CALL: u32 = 0x1000_0000;
}

/// A constant of a code object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Const {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// Any larger int.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// A str.
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// A tuple of constants.
    Tuple(Vec<Const>),
    /// `...`
    Ellipsis,
    /// A nested code object (function, lambda, class body, comprehension).
    Code(Box<CodeObject>),
}

/// Compiled code: instructions and the tables their operands index.
///
/// `varnames` starts with the parameters, in this order: positional
/// (`argcount`, of which the first `posonlyargcount` are positional-only),
/// keyword-only (`kwonlyargcount`), then `*args` if [`flags::VARARGS`], then
/// `**kwargs` if [`flags::VARKEYWORDS`]. Cell indices count `cellvars` first,
/// then `freevars`. A cellvar that is also a parameter gets the argument's
/// value when the frame starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeObject {
    /// The function's name (`f`, `<lambda>`, `<module>`, `<listcomp>`).
    pub name: String,
    /// The dotted qualified name (`C.method.<locals>.inner`).
    pub qualname: String,
    /// The source file as given to the compiler.
    pub filename: String,
    /// The line of the `def` (1 for a module).
    pub first_line: u32,
    /// Bits from [`flags`].
    pub flags: u32,
    /// Positional parameters, positional-only ones included.
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// The instructions.
    pub instructions: Vec<Instr>,
    /// The source line of each instruction (same length as `instructions`).
    pub lines: Vec<u32>,
    /// Constants indexed by `LoadConst`.
    pub consts: Vec<Const>,
    /// Global, attribute and imported names.
    pub names: Vec<String>,
    /// Local variable names, parameters first.
    pub varnames: Vec<String>,
    /// Locals captured by nested functions.
    pub cellvars: Vec<String>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<String>,
    /// The deepest the value stack gets.
    pub max_stack: u32,
}

impl CodeObject {
    /// Mark this code and every code nested in it as standing for a
    /// built-in: their frames stay out of tracebacks.
    pub fn hide_from_tracebacks(&mut self) {
        self.flags |= flags::HOST_CALL;
        for c in &mut self.consts {
            if let Const::Code(inner) = c {
                inner.hide_from_tracebacks();
            }
        }
    }

    /// The number of parameters, `*args` and `**kwargs` included.
    pub fn total_args(&self) -> usize {
        let mut n = self.argcount as usize + self.kwonlyargcount as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// Whether calling the code makes a generator, coroutine or async generator
    /// instead of running it.
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// The source line of instruction `pc`, or the first line when out of range.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
}
