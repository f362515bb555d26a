//! Comprehensions and generator expressions, compiled as CPython 3.11
//! compiles them: a nested function whose one parameter, `.0`, is the
//! iterator of the outermost iterable.
//!
//! ```text
//! outer:  LoadConst <code>; MakeFunction; <outermost iterable>; GetIter; Call(1)
//! inner:  BuildList(0)            (BuildSet / BuildMap; nothing for a genexpr)
//!         LoadFast .0
//!    L0:  ForIter(E0); <store target>; [<cond>; PopJumpIfFalse(L0)]…
//!           <iterable 2>; GetIter
//!      L1:  ForIter(E1); <store>; …
//!             <element>; ListAppend(depth + 1)   (YieldValue; PopTop for a genexpr)
//!           Jump(L1)
//!      E1:  Jump(L0)
//!    E0:  ReturnValue                (LoadConst None first for a genexpr)
//! ```

use brine_vm::bytecode::Instr;
use brine_vm::code::flags;
use brine_vm::Const;

use crate::ast::{Comp, CompKind, Pos};
use crate::compiler::Codegen;
use crate::error::CompileError;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    pub(crate) fn comprehension(&mut self, pos: Pos, c: &'a Comp) -> R {
        let Some(first) = c.generators.first() else {
            return Err(self.internal("a comprehension without 'for'"));
        };
        let scope = self.scope_index(c.id)?;
        let name = c.kind.code_name();
        let qualname = self.qualname_for(name, false);
        self.push_unit(scope, name, &qualname, pos.line);
        self.unit.argcount = 1;
        let is_async = self.table.scopes[scope].is_async;
        let mut fl = self.code_flags(scope, is_async && c.kind != CompKind::Gen);
        if c.kind == CompKind::Gen {
            fl |= if is_async {
                flags::ASYNC_GENERATOR
            } else {
                flags::GENERATOR
            };
        }
        self.unit.flags |= fl;
        match c.kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_loop(c, 0)?;
        if c.kind == CompKind::Gen {
            self.unit.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.make_function(code, 0)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && c.kind != CompKind::Gen {
            self.await_top();
        }
        Ok(())
    }

    /// The loop of generator `depth`, with the loops inside it.
    fn comp_loop(&mut self, c: &'a Comp, depth: usize) -> R {
        let Some(g) = c.generators.get(depth) else {
            return Err(self.internal("a comprehension loop out of range"));
        };
        let start = self.unit.new_label();
        let end = self.unit.new_label();
        if depth == 0 {
            self.load_name(".0")?;
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        self.unit.place(start);
        if g.is_async {
            self.unit.jump(Instr::SetupExcept, end);
            self.emit(Instr::GetANext);
            self.await_top();
            self.emit(Instr::PopBlock);
        } else {
            self.unit.jump(Instr::ForIter, end);
        }
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, start)?;
        }
        if depth + 1 < c.generators.len() {
            self.comp_loop(c, depth + 1)?;
        } else {
            // The collection sits under the iterators of every loop.
            let below = depth as u32 + 2;
            self.expr(&c.elt)?;
            match c.kind {
                CompKind::List => self.emit(Instr::ListAppend(below)),
                CompKind::Set => self.emit(Instr::SetAdd(below)),
                CompKind::Dict => {
                    match &c.value {
                        Some(v) => self.expr(v)?,
                        None => return Err(self.internal("a dict comprehension without value")),
                    }
                    self.emit(Instr::MapAdd(below));
                }
                CompKind::Gen => {
                    if self.unit.flags & flags::ASYNC_GENERATOR != 0 {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.unit.jump(Instr::Jump, start);
        self.unit.place(end);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}
