//! Functions, lambdas, classes and comprehensions: nested code objects.

use brine_vm::bytecode::{make_function, Instr};
use brine_vm::code::flags;
use brine_vm::Const;

use crate::compiler::Compiler;
use crate::error::CompileError;
use crate::front::ast::{self, Expr, Stmt};
use crate::symtable::ScopeKind;

type R = Result<(), CompileError>;

impl<'a> Compiler<'a> {
    /// Push defaults, kw-only defaults and the closure for `scope`, then make
    /// the function from `code`.
    fn make_function(
        &mut self,
        params: Option<&'a ast::Parameters>,
        code: brine_vm::CodeObject,
    ) -> R {
        let mut fl = 0;
        if let Some(p) = params {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(Instr::BuildTuple(defaults.len() as u32));
                fl |= make_function::DEFAULTS;
            }
            let kwdefaults: Vec<(&str, &Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
                .collect();
            if !kwdefaults.is_empty() {
                for (n, d) in &kwdefaults {
                    self.u().load_const(Const::Str(n.to_string()));
                    self.expr(d)?;
                }
                self.emit(Instr::BuildMap(kwdefaults.len() as u32));
                fl |= make_function::KWDEFAULTS;
            }
        }
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.unit().cell_index(name).unwrap_or(0);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            fl |= make_function::CLOSURE;
        }
        self.u().load_const(Const::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(fl));
        Ok(())
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn scope_flags(&mut self, scope: usize, is_async: bool) {
        let s = &self.table.scopes[scope];
        let mut fl = 0;
        if is_async {
            fl |= flags::COROUTINE;
        } else if s.is_generator {
            fl |= flags::GENERATOR;
        }
        if self.units.len() > 1 {
            fl |= flags::NESTED;
        }
        self.u().flags |= fl;
    }

    pub(crate) fn function_def(&mut self, node: &'a Stmt, f: &'a ast::StmtFunctionDef) -> R {
        if f.type_params.is_some() {
            return Err(self.err(node, "type parameter lists are not supported"));
        }
        let Some(scope) = self.table.scope_of(node) else {
            return Err(self.err(node, "internal: function scope not found"));
        };
        if f.is_async && self.table.scopes[scope].is_generator {
            return Err(self.err(node, "async generators are not supported yet"));
        }
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let name = f.name.as_str();
        let qualname = self.qualname_for(name);
        let line = self.src.line(node);
        self.push_unit(scope, name, &qualname, line);
        self.set_arg_counts(&f.parameters);
        self.scope_flags(scope, f.is_async);
        self.stmts(&f.body)?;
        let code = self.pop_unit()?;
        self.make_function(Some(&f.parameters), code)?;
        for _ in &f.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    pub(crate) fn lambda(&mut self, node: &'a Expr, l: &'a ast::ExprLambda) -> R {
        let Some(scope) = self.table.scope_of(node) else {
            return Err(self.err(node, "internal: lambda scope not found"));
        };
        let qualname = self.qualname_for("<lambda>");
        let line = self.src.line(node);
        self.push_unit(scope, "<lambda>", &qualname, line);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.scope_flags(scope, false);
        self.expr(&l.body)?;
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit()?;
        self.make_function(l.parameters.as_deref(), code)
    }

    fn pop_unit(&mut self) -> Result<brine_vm::CodeObject, CompileError> {
        match self.units.pop() {
            Some(u) => Ok(u.finish()),
            None => Err(self
                .src
                .error_at(0, "SyntaxError", "internal: unit stack empty".into())),
        }
    }

    pub(crate) fn class_def(&mut self, node: &'a Stmt, c: &'a ast::StmtClassDef) -> R {
        if c.type_params.is_some() {
            return Err(self.err(node, "type parameter lists are not supported"));
        }
        let Some(scope) = self.table.scope_of(node) else {
            return Err(self.err(node, "internal: class scope not found"));
        };
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let name = c.name.as_str();
        let qualname = self.qualname_for(name);
        let line = self.src.line(node);
        self.emit(Instr::LoadBuildClass);
        self.push_unit(scope, name, &qualname, line);
        let mod_i = self.u().name_index("__name__");
        self.emit(Instr::LoadName(mod_i));
        let m = self.u().name_index("__module__");
        self.emit(Instr::StoreName(m));
        self.u().load_const(Const::Str(qualname.clone()));
        let q = self.u().name_index("__qualname__");
        self.emit(Instr::StoreName(q));
        self.setup_annotations(&c.body);
        if let Some(doc) = crate::stmt::docstring(&c.body) {
            self.u().load_const(Const::Str(doc));
            let d = self.u().name_index("__doc__");
            self.emit(Instr::StoreName(d));
        }
        self.stmts(&c.body)?;
        match self
            .unit()
            .cell_index("__class__")
            .filter(|_| self.scope().cellvars().iter().any(|n| n == "__class__"))
        {
            Some(i) => self.emit(Instr::LoadClosure(i)),
            None => self.u().load_const(Const::None),
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit()?;
        self.make_function(None, code)?;
        self.u().load_const(Const::Str(name.to_string()));
        let (bases, keywords) = match &c.arguments {
            Some(a) => (&a.args[..], &a.keywords[..]),
            None => (&[][..], &[][..]),
        };
        if bases.iter().any(|b| matches!(b, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Err(self.err(node, "starred class bases are not supported"));
        }
        for b in bases {
            self.expr(b)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(2 + bases.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in keywords {
                self.expr(&k.value)?;
                if let Some(a) = &k.arg {
                    names.push(Const::Str(a.as_str().to_string()));
                }
            }
            self.u().load_const(Const::Tuple(names));
            self.emit(Instr::CallKw((2 + bases.len() + keywords.len()) as u32));
        }
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    pub(crate) fn comprehension(&mut self, node: &'a Expr) -> R {
        let (name, gens, kind): (&str, &'a [ast::Comprehension], Comp<'a>) = match node {
            Expr::ListComp(c) => ("<listcomp>", &c.generators, Comp::List(&c.elt)),
            Expr::SetComp(c) => ("<setcomp>", &c.generators, Comp::Set(&c.elt)),
            Expr::Generator(c) => ("<genexpr>", &c.generators, Comp::Gen(&c.elt)),
            Expr::DictComp(c) => match &c.key {
                Some(k) => ("<dictcomp>", &c.generators, Comp::Dict(k, &c.value)),
                None => {
                    return Err(
                        self.err(node, "dict unpacking cannot be used in dict comprehension")
                    )
                }
            },
            _ => return Err(self.err(node, "internal: not a comprehension")),
        };
        if gens.iter().any(|g| g.is_async) {
            return Err(self.err(node, "asynchronous comprehensions are not supported yet"));
        }
        let Some(scope) = self.table.scope_of(node) else {
            return Err(self.err(node, "internal: comprehension scope not found"));
        };
        let Some(first) = gens.first() else {
            return Err(self.err(node, "comprehension without a 'for'"));
        };
        let qualname = self.qualname_for(name);
        let line = self.src.line(node);
        self.push_unit(scope, name, &qualname, line);
        self.u().argcount = 1;
        self.scope_flags(scope, false);
        if matches!(self.scope().kind, ScopeKind::Comprehension) && matches!(kind, Comp::Gen(_)) {
            self.u().flags |= flags::GENERATOR;
        }
        match kind {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comp_loop(gens, 0, kind)?;
        if matches!(kind, Comp::Gen(_)) {
            self.u().load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit()?;
        self.make_function(None, code)?;
        self.expr(&first.iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comp_loop(&mut self, gens: &'a [ast::Comprehension], depth: usize, kind: Comp<'a>) -> R {
        let g = &gens[depth];
        let start = self.u().new_label();
        let end = self.u().new_label();
        if depth == 0 {
            let i = self.u().var_index(".0");
            self.emit(Instr::LoadFast(i));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        self.u().place(start);
        self.u().jump(Instr::ForIter, end);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, start)?;
        }
        if depth + 1 < gens.len() {
            self.comp_loop(gens, depth + 1, kind)?;
        } else {
            let n = (depth + 2) as u32;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(n));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(n));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(n));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.u().jump(Instr::Jump, start);
        self.u().place(end);
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}
