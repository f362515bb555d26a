//! The first pass: record how each scope uses each name.

use crate::ast::{
    Annotation, ClassDef, Comp, CompKind, Expr, ExprKind, FPart, FunctionDef, Lambda, Params, Pos,
    ScopeId, Stmt, StmtKind,
};
use crate::error::CompileError;
use crate::source::SourceText;

use super::usage::{ASSIGNED, COMP_ITER, GLOBAL, NONLOCAL, PARAM, USED};
use std::rc::Rc;

use super::{mangle, Binding, Scope, ScopeKind, Symbol};

type R = Result<(), CompileError>;

const IN_CLASS_BODY: &str =
    "assignment expression within a comprehension cannot be used in a class body";

/// Record the module's scopes into `scopes` (which holds the module scope).
pub(super) fn visit_module(
    src: &SourceText<'_>,
    scopes: &mut Vec<Scope>,
    by_id: &mut [Option<usize>],
    body: &[Stmt],
) -> R {
    let mut b = Builder {
        src,
        scopes,
        by_id,
        cur: 0,
    };
    b.stmts(body)
}

struct Builder<'b, 's> {
    src: &'b SourceText<'s>,
    scopes: &'b mut Vec<Scope>,
    by_id: &'b mut [Option<usize>],
    cur: usize,
}

impl Builder<'_, '_> {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn kind(&self) -> ScopeKind {
        self.scopes[self.cur].kind
    }

    fn err(&self, pos: Pos, msg: impl Into<String>) -> CompileError {
        self.src.error(pos, msg)
    }

    /// The flags of `name` (unmangled) in the current scope, after adding `bits`.
    fn mark(&mut self, name: &str, bits: u8) -> u8 {
        let scope = &mut self.scopes[self.cur];
        let key = mangle(scope.private.as_deref(), name);
        let sym = match scope.symbols.get_index_of(&*key) {
            Some(i) => &mut scope.symbols[i],
            None => scope.symbols.entry(key.into_owned()).or_insert(Symbol {
                flags: 0,
                binding: Binding::GlobalImplicit,
                free_class: false,
            }),
        };
        let old = sym.flags;
        sym.flags |= bits;
        old
    }

    /// A name as the current scope spells it.
    fn mangled(&self, name: &str) -> String {
        mangle(self.scopes[self.cur].private.as_deref(), name).into_owned()
    }

    /// Open a new scope for the node `id`; returns the scope to come back to.
    fn open(&mut self, kind: ScopeKind, id: ScopeId, private: Option<Rc<str>>) -> usize {
        let idx = self.scopes.len();
        let parent = self.cur;
        let nested = {
            let p = &self.scopes[parent];
            p.nested || p.kind.is_function_like()
        };
        let mut s = Scope::new(kind, Some(parent), private);
        s.nested = nested;
        self.scopes.push(s);
        self.scopes[parent].children.push(idx);
        if let Some(slot) = self.by_id.get_mut(id.0 as usize) {
            *slot = Some(idx);
        }
        self.cur = idx;
        parent
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::Def(f) => self.function(f),
            StmtKind::Class(c) => self.class(c),
            StmtKind::Return(v) => v.iter().try_for_each(|e| self.expr(e)),
            StmtKind::Delete(ts) => ts.iter().try_for_each(|t| self.target(t)),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.mark(n, USED);
                }
                self.target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                // Only module and class bodies evaluate annotations.
                if let (Annotation::Eval(a), false) = (annotation, self.kind().is_function_like()) {
                    self.expr(a)?;
                }
                self.target(target)
            }
            StmtKind::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::If(branches) => branches.iter().try_for_each(|b| {
                if let Some(t) = &b.test {
                    self.expr(t)?;
                }
                self.stmts(&b.body)
            }),
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.ctx)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause).try_for_each(|e| self.expr(e))
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.typ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.mark(n, ASSIGNED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|m| self.expr(m))
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.mark(bound, ASSIGNED);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names.iter().filter(|a| a.name != "*") {
                    self.mark(a.asname.as_ref().unwrap_or(&a.name), ASSIGNED);
                }
                Ok(())
            }
            StmtKind::Global(names) => self.global(s.pos, names),
            StmtKind::Nonlocal(names) => self.nonlocal(s.pos, names),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
        }
    }

    fn global(&mut self, pos: Pos, names: &[String]) -> R {
        for n in names {
            let old = self.mark(n, 0);
            let problem = if old & PARAM != 0 {
                Some("is parameter and global")
            } else if old & NONLOCAL != 0 {
                Some("is nonlocal and global")
            } else if old & USED != 0 {
                Some("is used prior to global declaration")
            } else if old & ASSIGNED != 0 {
                Some("is assigned to before global declaration")
            } else {
                None
            };
            if let Some(p) = problem {
                return Err(self.err(pos, format!("name '{n}' {p}")));
            }
            self.mark(n, GLOBAL);
        }
        Ok(())
    }

    fn nonlocal(&mut self, pos: Pos, names: &[String]) -> R {
        if self.kind() == ScopeKind::Module {
            return Err(self.err(pos, "nonlocal declaration not allowed at module level"));
        }
        for n in names {
            let old = self.mark(n, 0);
            let problem = if old & PARAM != 0 {
                Some("is parameter and nonlocal")
            } else if old & GLOBAL != 0 {
                Some("is nonlocal and global")
            } else if old & USED != 0 {
                Some("is used prior to nonlocal declaration")
            } else if old & ASSIGNED != 0 {
                Some("is assigned to before nonlocal declaration")
            } else {
                None
            };
            if let Some(p) = problem {
                return Err(self.err(pos, format!("name '{n}' {p}")));
            }
            self.mark(n, NONLOCAL);
            let mangled = self.mangled(n);
            self.scope().nonlocal_at.entry(mangled).or_insert(pos);
        }
        Ok(())
    }

    /// Defaults are evaluated where the function is defined.
    fn defaults(&mut self, p: &Params) -> R {
        for param in p.in_order() {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    /// Enter the parameters of the scope just opened.
    fn params(&mut self, p: &Params) -> R {
        for param in p.in_order() {
            if self.mark(&param.name, PARAM | ASSIGNED) & PARAM != 0 {
                return Err(self.err(
                    param.pos,
                    format!("duplicate argument '{}' in function definition", param.name),
                ));
            }
            let mangled = self.mangled(&param.name);
            self.scope().params.push(mangled);
        }
        Ok(())
    }

    fn function(&mut self, f: &FunctionDef) -> R {
        self.exprs(&f.decorators)?;
        self.defaults(&f.params)?;
        // A `def` evaluates its annotations where it is defined.
        let annotations = f.params.in_order().filter_map(|p| p.annotation.as_ref());
        for a in annotations.chain(&f.returns) {
            if let Annotation::Eval(e) = a {
                self.expr(e)?;
            }
        }
        self.mark(&f.name, ASSIGNED);
        let private = self.scope().private.clone();
        let back = self.open(ScopeKind::Function, f.id, private);
        self.scope().is_async = f.is_async;
        self.params(&f.params)?;
        self.stmts(&f.body)?;
        self.cur = back;
        Ok(())
    }

    fn lambda(&mut self, l: &Lambda) -> R {
        self.defaults(&l.params)?;
        let private = self.scope().private.clone();
        let back = self.open(ScopeKind::Lambda, l.id, private);
        self.params(&l.params)?;
        self.expr(&l.body)?;
        self.cur = back;
        Ok(())
    }

    fn class(&mut self, c: &ClassDef) -> R {
        self.exprs(&c.decorators)?;
        self.exprs(&c.bases)?;
        for k in &c.keywords {
            self.expr(&k.value)?;
        }
        self.mark(&c.name, ASSIGNED);
        let back = self.open(ScopeKind::Class, c.id, Some(Rc::from(c.name.as_str())));
        self.stmts(&c.body)?;
        self.cur = back;
        Ok(())
    }

    fn comprehension(&mut self, pos: Pos, c: &Comp) -> R {
        let Some(first) = c.generators.first() else {
            return Ok(());
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&first.iter)?;
        let private = self.scope().private.clone();
        let back = self.open(ScopeKind::Comprehension, c.id, private);
        self.scope().comp_kind = Some(c.kind);
        self.mark(".0", PARAM | ASSIGNED);
        self.scope().params.push(".0".into());
        for (i, g) in c.generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.scope().is_async = true;
            }
        }
        self.expr(&c.elt)?;
        if let Some(v) = &c.value {
            self.expr(v)?;
        }
        let is_async = self.scope().is_async;
        self.cur = back;
        // An async list, set or dict comprehension is awaited where it is
        // written (an async generator expression is not).
        if is_async && c.kind != CompKind::Gen {
            match self.kind() {
                ScopeKind::Comprehension => self.scope().is_async = true,
                ScopeKind::Function if self.scope().is_async => {}
                _ => {
                    return Err(self.err(
                        pos,
                        "asynchronous comprehension outside of an asynchronous function",
                    ))
                }
            }
        }
        Ok(())
    }

    /// A comprehension's iteration target: bound, and remembered so that
    /// `:=` cannot rebind it.
    fn comp_target(&mut self, t: &Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => {
                self.mark(n, ASSIGNED | COMP_ITER);
                Ok(())
            }
            ExprKind::Tuple(es) | ExprKind::List(es) => {
                es.iter().try_for_each(|e| self.comp_target(e))
            }
            ExprKind::Starred(e) => self.comp_target(e),
            _ => self.target(t),
        }
    }

    /// An assignment or deletion target.
    fn target(&mut self, t: &Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => {
                self.mark(n, ASSIGNED);
                Ok(())
            }
            ExprKind::Tuple(es) | ExprKind::List(es) => es.iter().try_for_each(|e| self.target(e)),
            ExprKind::Starred(e) => self.target(e),
            _ => self.expr(t),
        }
    }

    /// `target := value`: binds in the nearest enclosing scope that is not
    /// a comprehension.
    fn named(&mut self, pos: Pos, target: &str) -> R {
        if self.kind() != ScopeKind::Comprehension {
            self.mark(target, ASSIGNED);
            return Ok(());
        }
        let mangled = self.mangled(target);
        let mut chain = Vec::new();
        let mut s = self.cur;
        while self.scopes[s].kind == ScopeKind::Comprehension {
            if self.scopes[s]
                .symbols
                .get(&mangled)
                .is_some_and(|sym| sym.flags & COMP_ITER != 0)
            {
                return Err(self.err(
                    pos,
                    format!(
                        "assignment expression cannot rebind comprehension iteration variable '{target}'"
                    ),
                ));
            }
            chain.push(s);
            match self.scopes[s].parent {
                Some(p) => s = p,
                None => break,
            }
        }
        let declared_global = self.scopes[s]
            .symbols
            .get(&mangled)
            .is_some_and(|sym| sym.flags & GLOBAL != 0);
        let through = match self.scopes[s].kind {
            ScopeKind::Class => return Err(self.err(pos, IN_CLASS_BODY)),
            ScopeKind::Module => GLOBAL,
            _ if declared_global => GLOBAL,
            _ => NONLOCAL,
        };
        let back = self.cur;
        for c in chain {
            self.cur = c;
            self.mark(target, through);
            self.scopes[c]
                .nonlocal_at
                .entry(mangled.clone())
                .or_insert(pos);
        }
        self.cur = s;
        self.mark(target, ASSIGNED);
        self.cur = back;
        Ok(())
    }

    fn fstring(&mut self, parts: &[FPart]) -> R {
        for p in parts {
            if let FPart::Field(f) = p {
                self.expr(&f.value)?;
                if let Some(spec) = &f.spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    /// `yield` and `await` are only allowed in some scopes.
    fn check_yield(&mut self, pos: Pos, is_await: bool, is_yield_from: bool) -> R {
        let kind = self.kind();
        let msg = match kind {
            ScopeKind::Module | ScopeKind::Class if is_await => "'await' outside function",
            ScopeKind::Module | ScopeKind::Class => "'yield' outside function",
            ScopeKind::Comprehension if is_await => {
                // An asynchronous comprehension: whether its scope may
                // await is checked once it is visited.
                self.scope().is_async = true;
                return Ok(());
            }
            ScopeKind::Comprehension => {
                return Err(self.err(pos, format!("'yield' inside {}", self.comp_description())))
            }
            ScopeKind::Lambda if is_await => "'await' outside async function",
            ScopeKind::Function if is_await && !self.scope().is_async => {
                "'await' outside async function"
            }
            ScopeKind::Function if is_yield_from && self.scope().is_async => {
                "'yield from' inside async function"
            }
            _ => {
                if !is_await && self.scope().yield_pos.is_none() {
                    self.scope().yield_pos = Some(pos);
                }
                return Ok(());
            }
        };
        Err(self.err(pos, msg))
    }

    /// How CPython names the comprehension being visited.
    fn comp_description(&self) -> &'static str {
        self.scopes[self.cur].comp_kind_description()
    }

    fn expr(&mut self, e: &Expr) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Const(_) => Ok(()),
            ExprKind::Name(n) => {
                self.mark(n, USED);
                if n == "super" && self.kind().is_function_like() {
                    self.mark("__class__", USED);
                }
                Ok(())
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::Named { target, value } => {
                self.expr(value)?;
                self.named(e.pos, target)
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Lambda(l) => self.lambda(l),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Set(es) | ExprKind::List(es) | ExprKind::Tuple(es) => self.exprs(es),
            ExprKind::Comp(c) => self.comprehension(e.pos, c),
            ExprKind::Await(v) => {
                self.check_yield(e.pos, true, false)?;
                self.expr(v)
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.pos, false, false)?;
                v.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.pos, false, true)?;
                self.expr(v)
            }
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                ops.iter().try_for_each(|(_, r)| self.expr(r))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Slice { lower, upper, step } => lower
                .iter()
                .chain(upper)
                .chain(step)
                .try_for_each(|x| self.expr(x)),
        }
    }
}

impl Scope {
    /// For messages about a comprehension scope.
    fn comp_kind_description(&self) -> &'static str {
        match self.comp_kind {
            Some(k) => k.description(),
            None => "comprehension",
        }
    }
}
