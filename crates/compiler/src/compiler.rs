//! The compiler's driver: parse, resolve scopes, generate code unit by unit.
//!
//! `Codegen` holds the unit being built and the stack of units it is
//! nested in (a `def` inside a class inside the module is three units deep).
//! The code generation itself is spread by construct over `expr.rs`,
//! `call.rs`, `fstring.rs`, `assign.rs`, `stmt.rs`, `flow.rs`, `import.rs`,
//! `func.rs` and `comp.rs`; this file has what they share: names and the
//! instruction that reaches each (the scope decides), units, qualified names.

use std::borrow::Cow;

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};

use crate::ast::{ExprKind, Pos, Stmt, StmtKind};
use crate::error::CompileError;
use crate::front;
use crate::source::SourceText;
use crate::symtable::{self, mangle, Binding, Scope, ScopeKind, SymbolTable};
use crate::unit::Unit;

/// Compile a module's source into its code object.
///
/// The code is named `<module>`; it reads and writes its names with
/// `LoadName`/`StoreName` (a module frame's namespace is its globals) and
/// ends with `return None`. Functions, classes, lambdas and comprehensions
/// in it are code objects among its constants, recursively.
///
/// # Errors
/// A [`CompileError`] for source that does not parse, breaks a rule CPython
/// checks at compile time, or uses a construct brine does not support. The
/// error names the file, line and column.
pub fn compile_module(source: &str, filename: &str) -> Result<CodeObject, CompileError> {
    let src = SourceText::new(source, filename);
    let module = front::parse(&src)?;
    let table = symtable::build(&src, &module)?;
    let mut c = Codegen {
        src: &src,
        table: &table,
        unit: Unit::new("<module>", "<module>", 1, 0),
        outer: Vec::new(),
    };
    c.module(&module.body)?;
    Ok(c.unit.finish(filename))
}

/// Code generation state.
pub(crate) struct Codegen<'a> {
    pub(crate) src: &'a SourceText<'a>,
    pub(crate) table: &'a SymbolTable,
    /// The code object being built.
    pub(crate) unit: Unit<'a>,
    /// The units it is nested in, innermost last.
    outer: Vec<Unit<'a>>,
}

/// What is done to a name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameOp {
    Load,
    Store,
    Delete,
}

impl<'a> Codegen<'a> {
    fn module(&mut self, body: &'a [Stmt]) -> Result<(), CompileError> {
        self.setup_annotations(body);
        if let Some(doc) = docstring(body) {
            self.unit.load_const(Const::Str(doc.to_string()));
            let i = self.unit.name_index("__doc__");
            self.emit(Instr::StoreName(i));
        }
        self.stmts(body)?;
        self.unit.load_const(Const::None);
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        self.unit.emit(i);
    }

    pub(crate) fn err(&self, pos: Pos, msg: impl Into<String>) -> CompileError {
        self.src.error(pos, msg)
    }

    /// Give the instructions that follow the line of `pos`; returns the old line.
    pub(crate) fn set_line(&mut self, pos: Pos) -> u32 {
        std::mem::replace(&mut self.unit.line, pos.line)
    }

    /// The scope of the unit being built.
    pub(crate) fn scope(&self) -> &'a Scope {
        let table: &'a SymbolTable = self.table;
        &table.scopes[self.unit.scope]
    }

    /// A name as the current scope spells it (private names mangled).
    pub(crate) fn mangled<'n>(&self, name: &'n str) -> Cow<'n, str> {
        mangle(self.unit.private.as_deref(), name)
    }

    /// An error for a state the compiler should never reach, at the line
    /// being compiled (better than a wrong instruction).
    pub(crate) fn internal(&self, what: &str) -> CompileError {
        self.err(
            Pos {
                line: self.unit.line,
                col: 0,
            },
            format!("internal compiler error: {what}"),
        )
    }

    /// Push the value of a name.
    pub(crate) fn load_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, NameOp::Load)
    }

    /// Pop the top of the stack into a name.
    pub(crate) fn store_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, NameOp::Store)
    }

    /// Unbind a name.
    pub(crate) fn delete_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.name_op(name, NameOp::Delete)
    }

    /// The cell index of a name in the current unit.
    pub(crate) fn cell(&self, name: &str) -> Result<u32, CompileError> {
        self.unit
            .cell_index(name)
            .ok_or_else(|| self.internal(&format!("no cell for '{name}'")))
    }

    /// Emit the instruction that reaches a name, chosen by the kind of the
    /// scope and the name's binding in it.
    fn name_op(&mut self, name: &str, op: NameOp) -> Result<(), CompileError> {
        let name = self.mangled(name);
        let scope = self.scope();
        let binding = scope.binding(&name);
        let instr = match (scope.kind, binding) {
            (ScopeKind::Module, _)
            | (ScopeKind::Class, Binding::Local | Binding::GlobalImplicit) => {
                let i = self.unit.name_index(&name);
                pick(
                    op,
                    Instr::LoadName(i),
                    Instr::StoreName(i),
                    Instr::DeleteName(i),
                )
            }
            (_, Binding::GlobalExplicit | Binding::GlobalImplicit) => {
                let i = self.unit.name_index(&name);
                pick(
                    op,
                    Instr::LoadGlobal(i),
                    Instr::StoreGlobal(i),
                    Instr::DeleteGlobal(i),
                )
            }
            (_, Binding::Local) => {
                let i = self.unit.var_index(&name);
                pick(
                    op,
                    Instr::LoadFast(i),
                    Instr::StoreFast(i),
                    Instr::DeleteFast(i),
                )
            }
            (kind, Binding::Cell | Binding::Free) => {
                let i = self.cell(&name)?;
                let load = if kind == ScopeKind::Class {
                    Instr::LoadClassDeref(i)
                } else {
                    Instr::LoadDeref(i)
                };
                pick(op, load, Instr::StoreDeref(i), Instr::DeleteDeref(i))
            }
        };
        self.emit(instr);
        Ok(())
    }

    /// Start the unit of scope `scope`, its parameters and cells laid out.
    pub(crate) fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut u = Unit::new(name, qualname, first_line, scope);
        u.private = s.private.clone();
        for p in &s.params {
            u.var_index(p);
        }
        u.set_cells(s.cellvars(), s.freevars());
        let parent = std::mem::replace(&mut self.unit, u);
        self.outer.push(parent);
    }

    /// Finish the unit being built and return to the one around it.
    pub(crate) fn pop_unit(&mut self) -> CodeObject {
        match self.outer.pop() {
            Some(parent) => std::mem::replace(&mut self.unit, parent).finish(self.src.filename),
            // Not reached: every push has its pop. Keep the module going.
            None => std::mem::replace(&mut self.unit, Unit::new("<module>", "<module>", 1, 0))
                .finish(self.src.filename),
        }
    }

    /// The qualified name of a definition named `name` in the current unit
    /// (CPython's `compiler_set_qualname`).
    pub(crate) fn qualname_for(&self, name: &str, is_def: bool) -> String {
        let scope = self.scope();
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            _ if is_def && scope.binding(&self.mangled(name)) == Binding::GlobalExplicit => {
                name.to_string()
            }
            ScopeKind::Class => format!("{}.{name}", self.unit.qualname),
            _ => format!("{}.<locals>.{name}", self.unit.qualname),
        }
    }

    /// Push a function made from `code`, whose optional parts (`flags` of
    /// [`brine_vm::bytecode::make_function`]) are already on the stack, with
    /// a closure when the code has free variables.
    pub(crate) fn make_function(
        &mut self,
        code: CodeObject,
        mut flags: u32,
    ) -> Result<(), CompileError> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.cell(name)?;
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= brine_vm::bytecode::make_function::CLOSURE;
        }
        self.unit.load_const(Const::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }
}

fn pick(op: NameOp, load: Instr, store: Instr, delete: Instr) -> Instr {
    match op {
        NameOp::Load => load,
        NameOp::Store => store,
        NameOp::Delete => delete,
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Const(Const::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}
