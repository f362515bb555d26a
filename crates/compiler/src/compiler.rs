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
        let kind = self.scope().kind;
        let b = self.scope().binding(name);
        match (kind, b) {
            (
                ScopeKind::Module,
                Binding::GlobalExplicit | Binding::GlobalImplicit | Binding::Local,
            ) => {
                let i = self.u().name_index(name);
                self.emit(Instr::LoadName(i));
            }
            (ScopeKind::Class, Binding::Local | Binding::GlobalImplicit) => {
                let i = self.u().name_index(name);
                self.emit(Instr::LoadName(i));
            }
            (ScopeKind::Class, Binding::Free | Binding::Cell) => {
                let i = self.u().cell_index(name).unwrap_or(0);
                self.emit(Instr::LoadClassDeref(i));
            }
            (_, Binding::GlobalExplicit | Binding::GlobalImplicit) => {
                let i = self.u().name_index(name);
                self.emit(Instr::LoadGlobal(i));
            }
            (_, Binding::Local) => {
                let i = self.u().var_index(name);
                self.emit(Instr::LoadFast(i));
            }
            (_, Binding::Cell | Binding::Free) => {
                let i = self.u().cell_index(name).unwrap_or(0);
                self.emit(Instr::LoadDeref(i));
            }
        }
    }

    /// Store the top of the stack into a name.
    pub(crate) fn store_name(&mut self, name: &str) {
        let kind = self.scope().kind;
        let b = self.scope().binding(name);
        match (kind, b) {
            (ScopeKind::Module | ScopeKind::Class, Binding::Local | Binding::GlobalImplicit)
            | (ScopeKind::Module, _) => {
                let i = self.u().name_index(name);
                self.emit(Instr::StoreName(i));
            }
            (_, Binding::GlobalExplicit | Binding::GlobalImplicit) => {
                let i = self.u().name_index(name);
                self.emit(Instr::StoreGlobal(i));
            }
            (_, Binding::Local) => {
                let i = self.u().var_index(name);
                self.emit(Instr::StoreFast(i));
            }
            (_, Binding::Cell | Binding::Free) => {
                let i = self.u().cell_index(name).unwrap_or(0);
                self.emit(Instr::StoreDeref(i));
            }
        }
    }

    /// Unbind a name.
    pub(crate) fn delete_name(&mut self, name: &str) {
        let kind = self.scope().kind;
        let b = self.scope().binding(name);
        match (kind, b) {
            (ScopeKind::Module | ScopeKind::Class, Binding::Local | Binding::GlobalImplicit)
            | (ScopeKind::Module, _) => {
                let i = self.u().name_index(name);
                self.emit(Instr::DeleteName(i));
            }
            (_, Binding::GlobalExplicit | Binding::GlobalImplicit) => {
                let i = self.u().name_index(name);
                self.emit(Instr::DeleteGlobal(i));
            }
            (_, Binding::Local) => {
                let i = self.u().var_index(name);
                self.emit(Instr::DeleteFast(i));
            }
            (_, Binding::Cell | Binding::Free) => {
                let i = self.u().cell_index(name).unwrap_or(0);
                self.emit(Instr::DeleteDeref(i));
            }
        }
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
