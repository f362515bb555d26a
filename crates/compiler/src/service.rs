//! The compiler as the service the VM asks for.

use brine_vm::{CodeObject, SourceCompiler, SyntaxErrorInfo};

use crate::compiler::compile_module;

/// The compiler as the VM's [`SourceCompiler`]: hand it to the VM so that
/// `import` of `.py` files and `exec` can compile source.
///
/// ```
/// use brine_vm::SourceCompiler;
/// let code = brine_compiler::Compiler.compile_module("x = 1\n", "m.py").unwrap();
/// assert_eq!(code.filename, "m.py");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Compiler;

impl SourceCompiler for Compiler {
    fn compile_module(&self, source: &str, filename: &str) -> Result<CodeObject, SyntaxErrorInfo> {
        compile_module(source, filename).map_err(Into::into)
    }
}
