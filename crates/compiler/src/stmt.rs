//! Statements: assignment, control flow, exceptions, `with`, imports.

use brine_vm::bytecode::Instr;
use brine_vm::Const;

use crate::compiler::Compiler;
use crate::error::CompileError;
use crate::expr::binop;
use crate::front::ast::{self, Expr, Stmt};
use crate::symtable::ScopeKind;
use crate::unit::Block;

type R = Result<(), CompileError>;

impl<'a> Compiler<'a> {
    pub(crate) fn module_body(&mut self, body: &'a [Stmt]) -> R {
        if let Some(doc) = docstring(body) {
            self.u().load_const(Const::Str(doc));
            let i = self.u().name_index("__doc__");
            self.emit(Instr::StoreName(i));
        }
        self.setup_annotations(body);
        self.stmts(body)
    }

    /// A module or class body with annotated names starts with an empty
    /// `__annotations__` dict.
    pub(crate) fn setup_annotations(&mut self, body: &[Stmt]) {
        if body
            .iter()
            .any(|s| matches!(s, Stmt::AnnAssign(a) if matches!(&*a.target, Expr::Name(_))))
        {
            self.emit(Instr::BuildMap(0));
            let i = self.u().name_index("__annotations__");
            self.emit(Instr::StoreName(i));
        }
    }

    /// `x: T` in a module or class body records `__annotations__['x']`.
    fn record_annotation(&mut self, a: &'a ast::StmtAnnAssign) {
        let Expr::Name(n) = &*a.target else { return };
        if !matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class) {
            return;
        }
        // Plain names evaluate (`int`, `str`, `mod.Type`); anything more (which
        // may use syntax brine cannot evaluate, like `int | None`) is kept as text.
        if matches!(
            &*a.annotation,
            Expr::Name(_) | Expr::Attribute(_) | Expr::NoneLiteral(_)
        ) {
            if self.expr(&a.annotation).is_err() {
                self.u().load_const(Const::None);
            }
        } else {
            let range = ruff_text_size::Ranged::range(&*a.annotation);
            let text = self
                .src
                .text
                .get(range.start().to_usize()..range.end().to_usize())
                .unwrap_or("")
                .to_string();
            self.u().load_const(Const::Str(text));
        }
        let i = self.u().name_index("__annotations__");
        self.emit(Instr::LoadName(i));
        self.u().load_const(Const::Str(n.id.as_str().to_string()));
        self.emit(Instr::StoreSubscr);
    }

    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        self.set_line(s);
        match s {
            Stmt::FunctionDef(f) => self.function_def(s, f),
            Stmt::ClassDef(c) => self.class_def(s, c),
            Stmt::Return(r) => {
                if !matches!(self.scope().kind, ScopeKind::Function | ScopeKind::Lambda) {
                    return Err(self.err(s, "'return' outside function"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.u().load_const(Const::None),
                }
                self.unwind_for_return()?;
                self.emit(Instr::ReturnValue);
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store(&a.target)?;
                }
                self.record_annotation(a);
                Ok(())
            }
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.err(s, "'async for' is not supported yet"));
                }
                self.for_loop(f)
            }
            Stmt::While(w) => self.while_loop(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.err(s, "'async with' is not supported yet"));
                }
                self.with_items(&w.items, &w.body)
            }
            Stmt::Match(_) => Err(self.err(s, "the 'match' statement is not supported")),
            Stmt::TypeAlias(_) => Err(self.err(s, "the 'type' statement is not supported")),
            Stmt::IpyEscapeCommand(_) => Err(self.err(s, "invalid syntax")),
            Stmt::Raise(r) => {
                match (&r.exc, &r.cause) {
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
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.err(s, "'except*' is not supported"));
                }
                self.try_stmt(t)
            }
            Stmt::Assert(a) => {
                let end = self.u().new_label();
                self.expr(&a.test)?;
                self.u().jump(Instr::PopJumpIfTrue, end);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.u().place(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    self.u().load_const(Const::Int(0));
                    self.u().load_const(Const::None);
                    let idx = self.u().name_index(name);
                    self.emit(Instr::ImportName(idx));
                    match &alias.asname {
                        Some(as_) => {
                            for part in name.split('.').skip(1) {
                                let p = self.u().name_index(part);
                                self.emit(Instr::LoadAttr(p));
                            }
                            self.store_name(as_.as_str());
                        }
                        None => {
                            let top = name.split('.').next().unwrap_or(name).to_string();
                            self.store_name(&top);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i
                    .module
                    .as_ref()
                    .map(|m| m.as_str().to_string())
                    .unwrap_or_default();
                self.u().load_const(Const::Int(i64::from(i.level)));
                let names: Vec<Const> = i
                    .names
                    .iter()
                    .map(|a| Const::Str(a.name.as_str().to_string()))
                    .collect();
                self.u().load_const(Const::Tuple(names));
                let idx = self.u().name_index(&module);
                self.emit(Instr::ImportName(idx));
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    if self.scope().kind != ScopeKind::Module {
                        return Err(self.err(s, "import * only allowed at module level"));
                    }
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in &i.names {
                    let n = self.u().name_index(alias.name.as_str());
                    self.emit(Instr::ImportFrom(n));
                    let target = alias
                        .asname
                        .as_ref()
                        .unwrap_or(&alias.name)
                        .as_str()
                        .to_string();
                    self.store_name(&target);
                }
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if matches!(
                    &*e.value,
                    Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::EllipsisLiteral(_)
                ) {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Break(_) => self.break_continue(s, true),
            Stmt::Continue(_) => self.break_continue(s, false),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let i = self.u().name_index(at.attr.as_str());
                self.emit(Instr::LoadAttr(i));
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => {
                return Err(self.err(
                    other,
                    "'expression' is an illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    /// Store the top of the stack into an assignment target.
    pub(crate) fn store(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.store_name(n.id.as_str());
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.u().name_index(a.attr.as_str());
                self.emit(Instr::StoreAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(x) => self.store_seq(&x.elts, t),
            Expr::List(x) => self.store_seq(&x.elts, t),
            Expr::Starred(_) => {
                Err(self.err(t, "starred assignment target must be in a list or tuple"))
            }
            other => Err(self.err(other, format!("cannot assign to {}", describe(other)))),
        }
    }

    fn store_seq(&mut self, elts: &'a [Expr], node: &Expr) -> R {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(self.err(node, "multiple starred expressions in assignment"));
                }
                self.emit(Instr::UnpackEx {
                    before: i as u16,
                    after: (elts.len() - i - 1) as u16,
                });
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store(&s.value)?,
                other => self.store(other)?,
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.delete_name(n.id.as_str());
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.u().name_index(a.attr.as_str());
                self.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.delete(e)?;
                }
                Ok(())
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.delete(e)?;
                }
                Ok(())
            }
            other => Err(self.err(other, format!("cannot delete {}", describe(other)))),
        }
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.u().new_label();
        let mut next = self.u().new_label();
        self.cond_jump(&i.test, false, next)?;
        self.stmts(&i.body)?;
        if !i.elif_else_clauses.is_empty() {
            self.u().jump(Instr::Jump, end);
        }
        for (k, clause) in i.elif_else_clauses.iter().enumerate() {
            self.u().place(next);
            next = self.u().new_label();
            self.set_line(clause);
            if let Some(t) = &clause.test {
                self.cond_jump(t, false, next)?;
            }
            self.stmts(&clause.body)?;
            if k + 1 < i.elif_else_clauses.len() {
                self.u().jump(Instr::Jump, end);
            }
        }
        self.u().place(next);
        self.u().place(end);
        Ok(())
    }

    fn while_loop(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.u().new_label();
        let orelse = self.u().new_label();
        let end = self.u().new_label();
        self.u().place(start);
        self.set_line(&*w.test);
        self.cond_jump(&w.test, false, orelse)?;
        self.u().blocks.push(Block::Loop {
            start,
            end,
            for_loop: false,
        });
        self.stmts(&w.body)?;
        self.u().blocks.pop();
        self.u().jump(Instr::Jump, start);
        self.u().place(orelse);
        self.stmts(&w.orelse)?;
        self.u().place(end);
        Ok(())
    }

    fn for_loop(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.u().new_label();
        let orelse = self.u().new_label();
        let end = self.u().new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.u().place(start);
        self.set_line(&*f.iter);
        self.u().jump(Instr::ForIter, orelse);
        self.store(&f.target)?;
        self.u().blocks.push(Block::Loop {
            start,
            end,
            for_loop: true,
        });
        self.stmts(&f.body)?;
        self.u().blocks.pop();
        self.u().jump(Instr::Jump, start);
        self.u().place(orelse);
        self.stmts(&f.orelse)?;
        self.u().place(end);
        Ok(())
    }

    fn break_continue(&mut self, s: &Stmt, is_break: bool) -> R {
        let Some(pos) = self
            .unit()
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
        else {
            return Err(self.err(
                s,
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
            ));
        };
        let saved: Vec<Block<'a>> = self.u().blocks.split_off(pos + 1);
        for b in saved.iter().rev() {
            self.unwind_block(b, false)?;
        }
        let Block::Loop {
            start,
            end,
            for_loop,
        } = self.unit().blocks[pos].clone()
        else {
            return Ok(());
        };
        if is_break {
            if for_loop {
                self.emit(Instr::PopTop);
            }
            self.u().jump(Instr::Jump, end);
        } else {
            self.u().jump(Instr::Jump, start);
        }
        self.u().blocks.extend(saved);
        Ok(())
    }

    /// Undo one block on the way out of it (break/continue when
    /// `for_return` is false; the return value is on top when true).
    fn unwind_block(&mut self, b: &Block<'a>, for_return: bool) -> R {
        match b {
            Block::Loop { for_loop, .. } => {
                if *for_loop && !for_return {
                    self.emit(Instr::PopTop);
                }
            }
            Block::Try => self.emit(Instr::PopBlock),
            Block::Finally { body } => {
                self.emit(Instr::PopBlock);
                let body: &'a [Stmt] = body;
                self.stmts(body)?;
            }
            Block::Except => {
                if !for_return {
                    self.emit(Instr::PopExcept);
                }
            }
            Block::FinallyExc => {
                if !for_return {
                    self.emit(Instr::PopExcept);
                    self.emit(Instr::PopTop);
                }
            }
            Block::With => {
                self.emit(Instr::PopBlock);
                if for_return {
                    self.emit(Instr::Swap(2));
                }
                self.u().load_const(Const::None);
                self.u().load_const(Const::None);
                self.u().load_const(Const::None);
                self.emit(Instr::Call(3));
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    fn unwind_for_return(&mut self) -> R {
        let saved: Vec<Block<'a>> = std::mem::take(&mut self.u().blocks);
        let mut rest = saved.clone();
        while let Some(b) = rest.pop() {
            self.u().blocks = rest.clone();
            self.unwind_block(&b, true)?;
        }
        self.u().blocks = saved;
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let fin_exc = self.u().new_label();
        let end = self.u().new_label();
        self.u().jump(Instr::SetupExcept, fin_exc);
        self.u().blocks.push(Block::Finally { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.u().blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.finalbody)?;
        self.u().jump(Instr::Jump, end);
        self.u().place(fin_exc);
        self.u().blocks.push(Block::FinallyExc);
        self.stmts(&t.finalbody)?;
        self.u().blocks.pop();
        self.emit(Instr::Reraise);
        self.u().place(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let handler = self.u().new_label();
        let end = self.u().new_label();
        self.u().jump(Instr::SetupExcept, handler);
        self.u().blocks.push(Block::Try);
        self.stmts(&t.body)?;
        self.u().blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        self.u().jump(Instr::Jump, end);
        self.u().place(handler);
        for (k, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let next = self.u().new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.u().jump(Instr::PopJumpIfFalse, next);
                }
                None => {
                    if k + 1 < t.handlers.len() {
                        return Err(self.err(h, "default 'except:' must be last"));
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    let name = name.as_str().to_string();
                    self.store_name(&name);
                    let cleanup = self.u().new_label();
                    self.u().jump(Instr::SetupExcept, cleanup);
                    self.u().blocks.push(Block::Except);
                    self.u().blocks.push(Block::Try);
                    self.stmts(&h.body)?;
                    self.u().blocks.pop();
                    self.u().blocks.pop();
                    self.emit(Instr::PopBlock);
                    self.clear_name(&name);
                    self.emit(Instr::PopExcept);
                    self.u().jump(Instr::Jump, end);
                    self.u().place(cleanup);
                    self.clear_name(&name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.u().blocks.push(Block::Except);
                    self.stmts(&h.body)?;
                    self.u().blocks.pop();
                    self.emit(Instr::PopExcept);
                    self.u().jump(Instr::Jump, end);
                }
            }
            self.u().place(next);
        }
        self.emit(Instr::Reraise);
        self.u().place(end);
        Ok(())
    }

    /// `name = None; del name`, as CPython does after `except … as name`.
    fn clear_name(&mut self, name: &str) {
        self.u().load_const(Const::None);
        self.store_name(name);
        self.delete_name(name);
    }

    fn with_items(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.u().new_label();
        let suppress = self.u().new_label();
        let end = self.u().new_label();
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        match &item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Instr::PopTop),
        }
        self.u().jump(Instr::SetupExcept, handler);
        self.u().blocks.push(Block::With);
        self.with_items(rest, body)?;
        self.u().blocks.pop();
        self.emit(Instr::PopBlock);
        self.u().load_const(Const::None);
        self.u().load_const(Const::None);
        self.u().load_const(Const::None);
        self.emit(Instr::Call(3));
        self.emit(Instr::PopTop);
        self.u().jump(Instr::Jump, end);
        self.u().place(handler);
        self.emit(Instr::WithExceptStart);
        self.u().jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.u().place(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.u().place(end);
        Ok(())
    }
}

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's word for an expression that cannot be assigned to.
fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::BooleanLiteral(_) => "True",
        Expr::NoneLiteral(_) => "None",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        _ => "expression",
    }
}
