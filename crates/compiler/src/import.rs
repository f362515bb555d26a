//! `import` and `from … import …`.
//!
//! `ImportName` takes `level, fromlist` from the stack. `import a.b.c`
//! imports with no fromlist, which gives the top package `a`, and binds
//! `a`; `import a.b.c as d` follows the attributes down to `c` and binds
//! `d`. `from m import x, y as z` imports `m` with the fromlist `('x', 'y')`,
//! then takes each name with `ImportFrom`.

use brine_vm::bytecode::Instr;
use brine_vm::Const;

use crate::ast::{Alias, Pos};
use crate::compiler::Codegen;
use crate::error::CompileError;
use crate::symtable::ScopeKind;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    pub(crate) fn import(&mut self, names: &'a [Alias]) -> R {
        for alias in names {
            self.set_line(alias.pos);
            self.unit.load_const(Const::Int(0));
            self.unit.load_const(Const::None);
            let i = self.unit.name_index(&alias.name);
            self.emit(Instr::ImportName(i));
            match &alias.asname {
                Some(asname) => {
                    for part in alias.name.split('.').skip(1) {
                        let p = self.unit.name_index(part);
                        self.emit(Instr::LoadAttr(p));
                    }
                    self.store_name(asname)?;
                }
                None => {
                    let top = alias.name.split('.').next().unwrap_or(&alias.name);
                    self.store_name(top)?;
                }
            }
        }
        Ok(())
    }

    pub(crate) fn import_from(
        &mut self,
        pos: Pos,
        module: &'a str,
        names: &'a [Alias],
        level: u32,
    ) -> R {
        self.unit.load_const(Const::Int(i64::from(level)));
        let fromlist = names.iter().map(|a| Const::Str(a.name.clone())).collect();
        self.unit.load_const(Const::Tuple(fromlist));
        let m = self.unit.name_index(module);
        self.emit(Instr::ImportName(m));
        if let [star] = names {
            if star.name == "*" {
                if self.scope().kind != ScopeKind::Module {
                    return Err(self.err(pos, "import * only allowed at module level"));
                }
                self.emit(Instr::ImportStar);
                return Ok(());
            }
        }
        for alias in names {
            self.set_line(alias.pos);
            let i = self.unit.name_index(&alias.name);
            self.emit(Instr::ImportFrom(i));
            self.store_name(alias.asname.as_ref().unwrap_or(&alias.name))?;
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}
