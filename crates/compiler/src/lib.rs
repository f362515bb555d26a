//! brine-compiler: Python 3 source to brine-vm code objects.
//!
//! Parsing is done by `ruff_python_parser` behind [`front`]; a symbol table
//! pass decides where every name lives; code generation emits brine-vm's
//! stack instructions with symbolic labels and computes each code object's
//! stack depth.
//!
//! ```
//! let code = brine_compiler::compile_module("x = 1 + 2\n", "<example>").unwrap();
//! assert_eq!(code.name, "<module>");
//! ```

mod compiler;
mod dis;
mod error;
mod expr;
mod front;
mod func;
mod stmt;
mod symtable;
mod unit;

pub use self::{compiler::compile_module, dis::disassemble, error::CompileError};

/// The compiler as the VM's [`brine_vm::SourceCompiler`] service.
#[derive(Clone, Copy, Debug, Default)]
pub struct Compiler;

impl brine_vm::SourceCompiler for Compiler {
    fn compile_module(
        &self,
        source: &str,
        filename: &str,
    ) -> Result<brine_vm::CodeObject, brine_vm::SyntaxErrorInfo> {
        compile_module(source, filename).map_err(Into::into)
    }
}
