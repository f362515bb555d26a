//! brine-compiler: Python 3 source to brine-vm code objects.
//!
//! [`compile_module`] turns the source of a module into a
//! [`brine_vm::CodeObject`], in four passes:
//!
//! 1. `front` parses with `ruff_python_parser` — chosen because it parses
//!    CPython's standard library about six times faster than
//!    `rustpython-parser` 0.4, and is maintained — and lowers its tree into
//!    brine's own `ast`, so that the rest of the compiler never names the
//!    parser (an upgrade of the parser touches `front` only). Parse errors
//!    get CPython's wording; constructs brine does not support are refused.
//! 2. `symtable` decides where every name lives (fast local, cell, free,
//!    global, namespace), as CPython's `symtable.c` does.
//! 3. Code generation (`compiler`, then one file per family of
//!    constructs) emits brine-vm's stack instructions with symbolic labels,
//!    unwinding `try`/`with`/loops on `break`, `continue` and `return`.
//! 4. Each `unit` resolves its labels and computes its stack depth
//!    (`stackdepth`).
//!
//! ```
//! use brine_compiler::{compile_module, disassemble, verify};
//! let code = compile_module("def f(x):\n    return x + 1\n", "<example>").unwrap();
//! assert_eq!(code.name, "<module>");
//! verify(&code).unwrap();
//! assert!(disassemble(&code).contains("BinaryOp(Add)"));
//!
//! let err = compile_module("return 1\n", "<example>").unwrap_err();
//! assert_eq!((err.line, err.message.as_str()), (1, "'return' outside function"));
//! ```
//!
//! [`Compiler`] is the same service as the VM's [`brine_vm::SourceCompiler`],
//! for `import` of `.py` files and `exec`.
//!
//! A map of the files:
//!
//! | file | what |
//! | --- | --- |
//! | `front.rs`, `front/` | parsing, lowering, parse errors in CPython's words |
//! | `ast.rs` | brine's syntax tree |
//! | `source.rs` | positions, and errors with the source line |
//! | `symtable.rs`, `symtable/` | scopes and name resolution |
//! | `compiler.rs` | the driver, names, units, qualified names |
//! | `expr.rs`, `call.rs`, `fstring.rs` | expressions |
//! | `assign.rs` | assignment targets, unpacking, `del` |
//! | `stmt.rs`, `flow.rs`, `import.rs` | statements, control flow, imports |
//! | `func.rs`, `comp.rs` | functions, lambdas, classes, comprehensions |
//! | `unit.rs`, `stackdepth.rs` | code under construction, stack depth |
//! | `dis.rs`, `verify.rs` | the disassembler, the code checker |

mod assign;
mod ast;
mod call;
mod comp;
pub mod compiler;
pub mod dis;
pub mod error;
mod expr;
mod flow;
mod front;
mod fstring;
mod func;
mod import;
mod service;
mod source;
mod stackdepth;
mod stmt;
mod symtable;
mod unit;

#[cfg(test)]
mod tests;

/// The code checker lives in brine-vm, so that a host loading code from
/// elsewhere needs no parser; it is re-exported here for compiler users.
pub use brine_vm::verify::{verify, VerifyError};

pub use self::{
    compiler::compile_module,
    dis::disassemble,
    error::{CompileError, ErrorKind},
    service::Compiler,
};
