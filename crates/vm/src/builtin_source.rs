//! The Python parts of built-in modules: source that a layer ships (the
//! `stackless`, `pickle` and `_asyncgen` modules), run once in the module's
//! namespace when the layer is installed.

use crate::frame::{ExecState, Then};
use crate::heap::ObjId;
use crate::interp::RunOutcome;
use crate::vm::Vm;

/// Why the Python part of a built-in module could not run (a bug in the
/// layer that ships it, or a VM made without a compiler).
#[derive(Debug, thiserror::Error)]
pub enum BuiltinSourceError {
    /// The VM has no compiler.
    #[error("the VM has no compiler")]
    NoCompiler,
    /// The source does not compile.
    #[error("line {line}: {message}")]
    Syntax {
        /// Where.
        line: u32,
        /// Why.
        message: String,
    },
    /// The module body raised (the exception, on one line).
    #[error("{0}")]
    Raised(String),
    /// The module body switched tasklets or stopped before its end.
    #[error("the module body did not finish")]
    Unfinished,
}

impl Vm {
    /// Compile `source` and run it in `module`'s namespace. Its code is
    /// hidden from tracebacks: its functions stand for built-ins.
    ///
    /// # Errors
    /// When there is no compiler, or the source does not compile or run.
    pub fn run_builtin_source(
        &mut self,
        module: ObjId,
        source: &str,
        filename: &str,
    ) -> Result<(), BuiltinSourceError> {
        let mut code = match &self.compiler {
            Some(c) => {
                c.compile_module(source, filename)
                    .map_err(|e| BuiltinSourceError::Syntax {
                        line: e.line,
                        message: e.message,
                    })?
            }
            None => return Err(BuiltinSourceError::NoCompiler),
        };
        code.hide_from_tracebacks();
        let code_id = self.load_code(code);
        let frame = self
            .module_frame(code_id, module, Then::Finish)
            .map_err(|_| BuiltinSourceError::Unfinished)?;
        let mut st = ExecState::default();
        st.frames.push(frame);
        match self.run(&mut st, u64::MAX) {
            RunOutcome::Finished(_) => Ok(()),
            RunOutcome::Raised(e) => Err(BuiltinSourceError::Raised(self.exception_line(e))),
            _ => Err(BuiltinSourceError::Unfinished),
        }
    }
}
