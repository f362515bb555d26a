//! f-strings: each field is `FormatValue` (with its conversion, and its
//! format spec when there is one, itself an f-string), the pieces are
//! joined by `BuildString`.

use brine_vm::bytecode::{format_value, Instr};
use brine_vm::Const;

use crate::ast::FPart;
use crate::compiler::Codegen;
use crate::error::CompileError;

impl<'a> Codegen<'a> {
    /// Push the str an f-string (or a format spec) makes.
    pub(crate) fn fstring(&mut self, parts: &'a [FPart]) -> Result<(), CompileError> {
        for part in parts {
            match part {
                FPart::Lit(s) => self.unit.load_const(Const::Str(s.clone())),
                FPart::Field(f) => {
                    self.expr(&f.value)?;
                    let mut flags = f.conversion;
                    if let Some(spec) = &f.spec {
                        self.fstring(spec)?;
                        flags |= format_value::HAS_SPEC;
                    }
                    self.emit(Instr::FormatValue(flags));
                }
            }
        }
        match parts.len() {
            0 => self.unit.load_const(Const::Str(String::new())),
            1 => {}
            n => self.emit(Instr::BuildString(n as u32)),
        }
        Ok(())
    }
}
