//! Statements: the dispatch, and the simple ones (`if`, `raise`, `assert`,
//! expression statements). Loops, `try`, `with`, `break`, `continue` and
//! `return` are in [`crate::flow`]; imports in [`crate::import`].

use brine_vm::bytecode::Instr;

use crate::ast::{Branch, Expr, ExprKind, Stmt, StmtKind};
use crate::compiler::Codegen;
use crate::error::CompileError;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            self.set_line(s.pos);
            self.stmt_inner(s)
        })
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Def(f) => self.function_def(s.pos, f),
            StmtKind::Class(c) => self.class_def(s.pos, c),
            StmtKind::Return(v) => self.return_stmt(s.pos, v.as_ref()),
            StmtKind::Delete(ts) => ts.iter().try_for_each(|t| self.delete(t)),
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple),
            StmtKind::For(f) => self.for_loop(s.pos, f),
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse),
            StmtKind::If(branches) => self.if_stmt(branches),
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_items(s.pos, items, body, *is_async),
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try(t) => self.try_stmt(t),
            StmtKind::Assert { test, msg } => self.assert(test, msg.as_ref()),
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s.pos, module, names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Break => self.break_stmt(s.pos),
            StmtKind::Continue => self.continue_stmt(s.pos),
        }
    }

    /// An expression for its effect; a lone literal (a docstring, `...`)
    /// makes no code.
    fn expr_stmt(&mut self, e: &'a Expr) -> R {
        if let ExprKind::Const(_) = e.kind {
            return Ok(());
        }
        self.expr(e)?;
        self.emit(Instr::PopTop);
        Ok(())
    }

    fn if_stmt(&mut self, branches: &'a [Branch]) -> R {
        let end = self.unit.new_label();
        for (i, b) in branches.iter().enumerate() {
            self.set_line(b.pos);
            let last = i + 1 == branches.len();
            match &b.test {
                Some(test) => {
                    let next = self.unit.new_label();
                    self.cond_jump(test, false, next)?;
                    self.stmts(&b.body)?;
                    if !last && self.unit.reachable() {
                        self.unit.jump(Instr::Jump, end);
                    }
                    self.unit.place(next);
                }
                None => self.stmts(&b.body)?,
            }
        }
        self.unit.place(end);
        Ok(())
    }

    /// `raise` (re-raise what is being handled), `raise exc`, `raise exc from cause`.
    fn raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> R {
        match (exc, cause) {
            (None, _) => self.emit(Instr::Raise(0)),
            (Some(e), None) => {
                self.expr(e)?;
                self.emit(Instr::Raise(1));
            }
            (Some(e), Some(c)) => {
                self.expr(e)?;
                self.expr(c)?;
                self.emit(Instr::Raise(2));
            }
        }
        Ok(())
    }

    /// `assert test, msg`: `AssertionError` is the builtin, not a global
    /// that could be shadowed.
    fn assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> R {
        let end = self.unit.new_label();
        self.cond_jump(test, true, end)?;
        self.emit(Instr::LoadAssertionError);
        if let Some(m) = msg {
            self.expr(m)?;
            self.emit(Instr::Call(1));
        }
        self.emit(Instr::Raise(1));
        self.unit.place(end);
        Ok(())
    }
}
