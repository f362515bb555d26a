//! The compiler driver: a stack of code units over one module's symbol table.

use brine_vm::bytecode::Instr;
use brine_vm::CodeObject;
use ruff_text_size::Ranged;

use crate::error::CompileError;
use crate::front::{self, Source};
use crate::symtable::{self, Binding, Scope, ScopeKind, SymbolTable};
use crate::unit::Unit;

/// Compile module source into a code object.
///
/// # Errors
/// A [`CompileError`] for source that does not parse, breaks a rule CPython
/// checks at compile time, or uses a construct brine does not support.
pub fn compile_module(source: &str, filename: &str) -> Result<CodeObject, CompileError> {
    let src = Source::new(source, filename);
    let module = front::parse(&src)?;
    let table = symtable::build(&src, &module)?;
    let mut c = Compiler {
        src: &src,
        table,
        units: vec![Unit::new("<module>", "<module>", filename, 1, 0)],
    };
    c.module_body(&module.body)?;
    let unit = c
        .units
        .pop()
        .ok_or_else(|| src.error_at(0, "SyntaxError", "internal: no unit".into()))?;
    Ok(unit.finish())
}

/// Code generation state.
pub(crate) struct Compiler<'a> {
    pub(crate) src: &'a Source<'a>,
    pub(crate) table: SymbolTable,
    pub(crate) units: Vec<Unit<'a>>,
}

impl<'a> Compiler<'a> {
    /// The unit being built.
    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    /// The unit being built, read-only.
    pub(crate) fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    /// The scope of the unit being built.
    pub(crate) fn scope(&self) -> &Scope {
        &self.table.scopes[self.unit().scope]
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        self.u().emit(i);
    }

    pub(crate) fn err(&self, node: &impl Ranged, msg: impl Into<String>) -> CompileError {
        self.src.error(node, msg)
    }

    /// Set the line of the instructions that follow to a node's line; returns the old one.
    pub(crate) fn set_line(&mut self, node: &impl Ranged) -> u32 {
        let l = self.src.line(node);
        std::mem::replace(&mut self.u().line, l)
    }

    /// Load a name according to its binding in the current scope.
    pub(crate) fn load_name(&mut self, name: &str) {
        self.name_op(name, NameOp::Load);
    }

    /// Store the top of the stack into a name.
    pub(crate) fn store_name(&mut self, name: &str) {
        self.name_op(name, NameOp::Store);
    }

    /// Unbind a name.
    pub(crate) fn delete_name(&mut self, name: &str) {
        self.name_op(name, NameOp::Delete);
    }

    /// Emit the load, store or delete instruction for a name, chosen by
    /// the scope kind and the name's binding.
    fn name_op(&mut self, name: &str, op: NameOp) {
        let kind = self.scope().kind;
        let b = self.scope().binding(name);
        let place = match (kind, b) {
            (ScopeKind::Module, _)
            | (ScopeKind::Class, Binding::Local | Binding::GlobalImplicit) => Place::Name,
            (ScopeKind::Class, Binding::Free | Binding::Cell) if op == NameOp::Load => {
                Place::ClassDeref
            }
            (_, Binding::GlobalExplicit | Binding::GlobalImplicit) => Place::Global,
            (_, Binding::Local) => Place::Fast,
            (_, Binding::Cell | Binding::Free) => Place::Deref,
        };
        let u = self.u();
        let instr = match place {
            Place::Name => {
                let i = u.name_index(name);
                [
                    Instr::LoadName(i),
                    Instr::StoreName(i),
                    Instr::DeleteName(i),
                ]
            }
            Place::Global => {
                let i = u.name_index(name);
                [
                    Instr::LoadGlobal(i),
                    Instr::StoreGlobal(i),
                    Instr::DeleteGlobal(i),
                ]
            }
            Place::Fast => {
                let i = u.var_index(name);
                [
                    Instr::LoadFast(i),
                    Instr::StoreFast(i),
                    Instr::DeleteFast(i),
                ]
            }
            Place::Deref | Place::ClassDeref => {
                let i = u.cell_index(name).unwrap_or(0);
                let load = if place == Place::ClassDeref {
                    Instr::LoadClassDeref(i)
                } else {
                    Instr::LoadDeref(i)
                };
                [load, Instr::StoreDeref(i), Instr::DeleteDeref(i)]
            }
        }[op as usize];
        u.emit(instr);
    }

    /// Start a unit for scope `scope`, with its variables laid out.
    pub(crate) fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, first_line: u32) {
        let filename = self.src.filename.to_string();
        let mut u = Unit::new(name, qualname, &filename, first_line, scope);
        let s = &self.table.scopes[scope];
        for p in &s.params {
            u.var_index(p);
        }
        if s.kind != ScopeKind::Class {
            for l in s.locals() {
                u.var_index(&l);
            }
        }
        u.cellvars = s.cellvars();
        u.freevars = s.freevars();
        self.units.push(u);
    }

    /// The qualified name for a definition named `name` in the current unit.
    pub(crate) fn qualname_for(&self, name: &str) -> String {
        let u = self.unit();
        match self.scope().kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{name}", u.qualname),
            _ => format!("{}.<locals>.{name}", u.qualname),
        }
    }
}

/// What is done to a name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameOp {
    Load = 0,
    Store = 1,
    Delete = 2,
}

/// Where a name lives, as instructions see it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Name,
    Global,
    Fast,
    Deref,
    ClassDeref,
}
