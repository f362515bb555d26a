//! Scopes: which names are local, cell, free or global in each function,
//! class, lambda and comprehension, decided before code is generated.

use indexmap::IndexMap;

use crate::error::CompileError;
use crate::front::ast::{self, Expr, Stmt};
use crate::front::Source;
use ruff_text_size::Ranged;

/// The kind of a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name lives, as code generation needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Binding {
    /// A fast local (function-like scopes) or a namespace entry (class, module).
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound here nor in an enclosing function: globals, then builtins.
    GlobalImplicit,
}

#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    assigned: bool,
    param: bool,
    used: bool,
    global: bool,
    nonlocal: bool,
}

/// One scope.
#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    symbols: IndexMap<String, Flags>,
    pub(crate) bindings: IndexMap<String, Binding>,
    parent: Option<usize>,
    pub(crate) is_generator: bool,
    pub(crate) has_await: bool,
    /// For classes: a method uses `super`/`__class__`, so the class body has a `__class__` cell.
    pub(crate) needs_class_cell: bool,
    /// Parameters in order.
    pub(crate) params: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            symbols: IndexMap::new(),
            bindings: IndexMap::new(),
            parent,
            is_generator: false,
            has_await: false,
            needs_class_cell: false,
            params: Vec::new(),
        }
    }

    /// The binding of a name (names never seen are implicit globals).
    pub(crate) fn binding(&self, name: &str) -> Binding {
        self.bindings.get(name).copied().unwrap_or(match self.kind {
            ScopeKind::Module | ScopeKind::Class => Binding::GlobalImplicit,
            _ => Binding::GlobalImplicit,
        })
    }

    /// Names that are cells, in first-seen order.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, b)| **b == Binding::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.kind == ScopeKind::Class
            && self.needs_class_cell
            && !v.iter().any(|n| n == "__class__")
        {
            v.push("__class__".into());
        }
        v
    }

    /// Names that are free, in first-seen order.
    pub(crate) fn freevars(&self) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, b)| **b == Binding::Free)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// Local (non-cell, non-param) variable names in first-seen order.
    pub(crate) fn locals(&self) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(n, b)| **b == Binding::Local && !self.params.contains(n))
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// Every scope of a module, keyed by the source range of the node that opens it.
pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    by_node: IndexMap<(u32, u32), usize>,
}

impl SymbolTable {
    /// The scope a node (def, class, lambda, comprehension) opened.
    pub(crate) fn scope_of(&self, node: &impl Ranged) -> Option<usize> {
        let r = node.range();
        self.by_node
            .get(&(r.start().to_u32(), r.end().to_u32()))
            .copied()
    }
}

struct Builder<'s> {
    src: &'s Source<'s>,
    scopes: Vec<Scope>,
    by_node: IndexMap<(u32, u32), usize>,
    cur: usize,
}

/// Build the symbol table of a module.
pub(crate) fn build(
    src: &Source<'_>,
    module: &ast::ModModule,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        src,
        scopes: vec![Scope::new(ScopeKind::Module, None)],
        by_node: IndexMap::new(),
        cur: 0,
    };
    b.stmts(&module.body)?;
    b.resolve()?;
    Ok(SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    })
}

impl<'s> Builder<'s> {
    fn flags(&mut self, name: &str) -> &mut Flags {
        self.scopes[self.cur]
            .symbols
            .entry(name.to_string())
            .or_default()
    }

    fn assign(&mut self, name: &str) {
        self.flags(name).assigned = true;
    }

    fn use_name(&mut self, name: &str) {
        self.flags(name).used = true;
    }

    fn push(&mut self, kind: ScopeKind, node: &impl Ranged) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, Some(self.cur)));
        let r = node.range();
        self.by_node
            .insert((r.start().to_u32(), r.end().to_u32()), id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) {
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(a.parameter.name.as_str().to_string());
        }
        for a in p.kwonlyargs.iter() {
            names.push(a.parameter.name.as_str().to_string());
        }
        if let Some(v) = &p.vararg {
            names.push(v.name.as_str().to_string());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.as_str().to_string());
        }
        for n in &names {
            let f = self.flags(n);
            f.param = true;
            f.assigned = true;
        }
        self.scopes[self.cur].params = names;
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                self.assign(f.name.as_str());
                let prev = self.push(ScopeKind::Function, s);
                self.params(&f.parameters);
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.assign(c.name.as_str());
                let prev = self.push(ScopeKind::Class, s);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str());
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                } else if let Expr::Name(_) = &*a.target {
                } else {
                    self.target(&a.target)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.assign(n.as_str());
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(x) => x.as_str().to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.assign(&n);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name).as_str().to_string();
                    self.assign(&n);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.flags(n.as_str()).global = true;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scopes[self.cur].kind == ScopeKind::Module {
                    return Err(self
                        .src
                        .error(s, "nonlocal declaration not allowed at module level"));
                }
                for n in &g.names {
                    self.flags(n.as_str()).nonlocal = true;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::Match(_) | Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.assign(n.id.as_str()),
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> Result<(), CompileError> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let prev = self.push(ScopeKind::Comprehension, node);
        {
            let f = self.flags(".0");
            f.param = true;
            f.assigned = true;
        }
        self.scopes[self.cur].params = vec![".0".into()];
        if matches!(node, Expr::Generator(_)) {
            self.scopes[self.cur].is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                if let Expr::Name(name) = &*n.target {
                    let id = name.id.as_str();
                    // In a comprehension the target binds in the enclosing function.
                    let mut s = self.cur;
                    while self.scopes[s].kind == ScopeKind::Comprehension {
                        self.scopes[s]
                            .symbols
                            .entry(id.to_string())
                            .or_default()
                            .nonlocal = true;
                        match self.scopes[s].parent {
                            Some(p) => s = p,
                            None => break,
                        }
                    }
                    let target_scope = s;
                    if self.scopes[target_scope].kind == ScopeKind::Module
                        && target_scope != self.cur
                    {
                        let mut c = self.cur;
                        while c != target_scope {
                            let f = self.scopes[c].symbols.entry(id.to_string()).or_default();
                            f.nonlocal = false;
                            f.global = true;
                            c = self.scopes[c].parent.unwrap_or(target_scope);
                        }
                    }
                    self.scopes[target_scope]
                        .symbols
                        .entry(id.to_string())
                        .or_default()
                        .assigned = true;
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                let prev = self.push(ScopeKind::Lambda, e);
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.expr(&l.body)?;
                self.cur = prev;
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(e, &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension(e, &c.generators, &[&c.elt])?,
            Expr::Generator(c) => self.comprehension(e, &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, &c.generators, &[k, &c.value])?,
                None => self.comprehension(e, &c.generators, &[&c.value])?,
            },
            Expr::Await(a) => {
                self.scopes[self.cur].has_await = true;
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.scopes[self.cur].is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.scopes[self.cur].is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let id = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.use_name(id);
                        if id == "super" && self.scopes[self.cur].kind.is_function_like() {
                            self.use_name("__class__");
                        }
                    }
                    _ => self.assign(id),
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
    ) -> Result<(), CompileError> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// Decide every name's binding, marking cells in the scopes that free
    /// variables come from.
    fn resolve(&mut self) -> Result<(), CompileError> {
        let n = self.scopes.len();
        // Locals first.
        for i in 0..n {
            let kind = self.scopes[i].kind;
            let syms: Vec<(String, Flags)> = self.scopes[i]
                .symbols
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            for (name, f) in syms {
                let b = if f.global {
                    Binding::GlobalExplicit
                } else if f.nonlocal {
                    Binding::Free
                } else if f.assigned || f.param {
                    Binding::Local
                } else {
                    Binding::GlobalImplicit
                };
                let b = if kind == ScopeKind::Module && b != Binding::GlobalExplicit {
                    Binding::GlobalImplicit
                } else {
                    b
                };
                self.scopes[i].bindings.insert(name, b);
            }
        }
        // Then free variables, innermost scopes last so chains are complete.
        for i in 0..n {
            let names: Vec<(String, Binding)> = self.scopes[i]
                .bindings
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            for (name, b) in names {
                let explicit_nonlocal = self.scopes[i]
                    .symbols
                    .get(&name)
                    .is_some_and(|f| f.nonlocal);
                if b == Binding::Free
                    || (b == Binding::GlobalImplicit && self.scopes[i].kind != ScopeKind::Module)
                {
                    if let Some(owner) = self.find_binding(i, &name) {
                        self.mark_free_chain(i, owner, &name);
                    } else if explicit_nonlocal {
                        return Err(self.src.error_at(
                            0,
                            "SyntaxError",
                            format!("no binding for nonlocal '{name}' found"),
                        ));
                    } else {
                        self.scopes[i]
                            .bindings
                            .insert(name.clone(), Binding::GlobalImplicit);
                    }
                }
            }
        }
        Ok(())
    }

    /// The enclosing scope that binds `name` for scope `i`.
    fn find_binding(&self, i: usize, name: &str) -> Option<usize> {
        let mut cur = self.scopes[i].parent;
        while let Some(p) = cur {
            let s = &self.scopes[p];
            if name == "__class__" && s.kind == ScopeKind::Class {
                return Some(p);
            }
            if s.kind.is_function_like() {
                let local = s
                    .symbols
                    .get(name)
                    .is_some_and(|f| (f.assigned || f.param) && !f.global && !f.nonlocal);
                if local {
                    return Some(p);
                }
                if s.symbols.get(name).is_some_and(|f| f.global) {
                    return None;
                }
            }
            if s.kind == ScopeKind::Module {
                return None;
            }
            cur = s.parent;
        }
        None
    }

    fn mark_free_chain(&mut self, from: usize, owner: usize, name: &str) {
        if self.scopes[owner].kind == ScopeKind::Class {
            self.scopes[owner].needs_class_cell = true;
        } else {
            self.scopes[owner]
                .bindings
                .insert(name.to_string(), Binding::Cell);
        }
        let mut cur = Some(from);
        while let Some(c) = cur {
            if c == owner {
                break;
            }
            let class_local = self.scopes[c].kind == ScopeKind::Class
                && c != from
                && self.scopes[c].bindings.get(name) == Some(&Binding::Local);
            if !class_local {
                self.scopes[c]
                    .bindings
                    .insert(name.to_string(), Binding::Free);
            }
            cur = self.scopes[c].parent;
        }
    }
}
