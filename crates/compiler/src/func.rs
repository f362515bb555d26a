//! Functions, lambdas and classes: nested code objects, and the
//! `MakeFunction` (or `__build_class__` call) that turns them into values.
//!
//! A function is made by pushing, in order, its positional defaults (a
//! tuple), its keyword-only defaults (a dict), its closure (a tuple of the
//! cells its free variables name), then the code, and `MakeFunction` with a
//! bit for each part present. Decorators are evaluated before all that and
//! called on the result, innermost first. For `def` and `lambda` code,
//! `consts[0]` is the docstring, or `None` (as in CPython).
//!
//! A class is `__build_class__(body_function, "Name", *bases, **keywords)`.
//! Its body code runs in the class namespace (`LoadName`/`StoreName`), starts
//! by setting `__module__` and `__qualname__`, and returns the `__class__`
//! cell when a method needs one (for zero-argument `super()`), else `None`.

use brine_vm::bytecode::{make_function, Instr};
use brine_vm::code::flags;
use brine_vm::Const;

use crate::ast::{Annotation, ClassDef, Expr, FunctionDef, Lambda, Params, Pos};
use crate::compiler::{docstring, Codegen};
use crate::error::CompileError;
use crate::expr::const_value;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    pub(crate) fn function_def(&mut self, pos: Pos, f: &'a FunctionDef) -> R {
        let scope = self.scope_index(f.id)?;
        for d in &f.decorators {
            self.expr(d)?;
        }
        let parts = self.defaults(&f.params)? | self.annotations(f)?;
        let qualname = self.qualname_for(&f.name, true);
        self.push_unit(scope, &f.name, &qualname, pos.line);
        self.set_signature(&f.params);
        self.unit.flags |= self.code_flags(scope, f.is_async);
        let doc = docstring(&f.body).map_or(Const::None, |d| Const::Str(d.to_string()));
        self.unit.const_index(doc);
        self.stmts(&f.body)?;
        let code = self.pop_unit();
        self.make_function(code, parts)?;
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name)
    }

    pub(crate) fn lambda(&mut self, pos: Pos, l: &'a Lambda) -> R {
        let scope = self.scope_index(l.id)?;
        let parts = self.defaults(&l.params)?;
        let qualname = self.qualname_for("<lambda>", false);
        self.push_unit(scope, "<lambda>", &qualname, pos.line);
        self.set_signature(&l.params);
        let fl = self.code_flags(scope, false);
        self.unit.flags |= fl;
        self.unit.const_index(Const::None);
        self.expr(&l.body)?;
        if fl & flags::GENERATOR != 0 {
            // `lambda: (yield)` returns None, as a generator function would.
            self.emit(Instr::PopTop);
        } else {
            self.emit(Instr::ReturnValue);
        }
        let code = self.pop_unit();
        self.make_function(code, parts)
    }

    pub(crate) fn class_def(&mut self, pos: Pos, c: &'a ClassDef) -> R {
        let scope = self.scope_index(c.id)?;
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.emit(Instr::LoadBuildClass);
        let qualname = self.qualname_for(&c.name, true);
        self.push_unit(scope, &c.name, &qualname, pos.line);
        let name = self.unit.name_index("__name__");
        self.emit(Instr::LoadName(name));
        let module = self.unit.name_index("__module__");
        self.emit(Instr::StoreName(module));
        self.unit.load_const(Const::Str(qualname.clone()));
        let q = self.unit.name_index("__qualname__");
        self.emit(Instr::StoreName(q));
        self.setup_annotations(&c.body);
        if let Some(doc) = docstring(&c.body) {
            self.unit.load_const(Const::Str(doc.to_string()));
            let d = self.unit.name_index("__doc__");
            self.emit(Instr::StoreName(d));
        }
        self.stmts(&c.body)?;
        if self.scope().needs_class_cell {
            let i = self.cell("__class__")?;
            self.emit(Instr::LoadClosure(i));
        } else {
            self.unit.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.make_function(code, 0)?;
        self.unit.load_const(Const::Str(c.name.clone()));
        self.check_keywords(&c.keywords)?;
        self.call_args(2, &c.bases, &c.keywords)?;
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name)
    }

    /// The symbol-table scope a node opened.
    pub(crate) fn scope_index(&self, id: crate::ast::ScopeId) -> Result<usize, CompileError> {
        self.table
            .scope_of(id)
            .ok_or_else(|| self.internal("a scope the symbol table does not know"))
    }

    /// Push the defaults of a parameter list; returns the `MakeFunction` bits.
    fn defaults(&mut self, p: &'a Params) -> Result<u32, CompileError> {
        let mut parts = 0;
        let positional: Vec<&'a Expr> = p
            .posonly
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_ref())
            .collect();
        if !positional.is_empty() {
            let consts: Option<Vec<Const>> = positional.iter().map(|d| const_value(d)).collect();
            match consts {
                Some(c) => self.unit.load_const(Const::Tuple(c)),
                None => {
                    for d in &positional {
                        self.expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(positional.len() as u32));
                }
            }
            parts |= make_function::DEFAULTS;
        }
        let mut kw = 0;
        for a in &p.kwonly {
            if let Some(d) = &a.default {
                let key = self.mangled(&a.name).into_owned();
                self.unit.load_const(Const::Str(key));
                self.expr(d)?;
                kw += 1;
            }
        }
        if kw > 0 {
            self.emit(Instr::BuildMap(kw));
            parts |= make_function::KWDEFAULTS;
        }
        Ok(parts)
    }

    /// Push a `def`'s annotations as a dict, parameter names (and
    /// `return`) to values; returns the `MakeFunction` bit, or 0 when it
    /// has none.
    fn annotations(&mut self, f: &'a FunctionDef) -> Result<u32, CompileError> {
        // In the order of the signature, as CPython records them.
        let p = &f.params;
        let signature = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg);
        let params = signature.filter_map(|p| {
            p.annotation
                .as_ref()
                .map(|a| (self.mangled(&p.name).into_owned(), a))
        });
        let all: Vec<(String, &'a Annotation)> = params
            .collect::<Vec<_>>()
            .into_iter()
            .chain(f.returns.as_ref().map(|r| ("return".to_owned(), r)))
            .collect();
        if all.is_empty() {
            return Ok(0);
        }
        for (name, a) in &all {
            self.unit.load_const(Const::Str(name.clone()));
            match a {
                Annotation::Eval(e) => self.expr(e)?,
                Annotation::Text(t) => self.unit.load_const(Const::Str(t.clone())),
            }
        }
        self.emit(Instr::BuildMap(all.len() as u32));
        Ok(make_function::ANNOTATIONS)
    }

    fn set_signature(&mut self, p: &Params) {
        self.unit.argcount = (p.posonly.len() + p.args.len()) as u32;
        self.unit.posonlyargcount = p.posonly.len() as u32;
        self.unit.kwonlyargcount = p.kwonly.len() as u32;
        if p.vararg.is_some() {
            self.unit.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            self.unit.flags |= flags::VARKEYWORDS;
        }
    }

    /// `GENERATOR`, `COROUTINE`, `ASYNC_GENERATOR` and `NESTED`, from the scope.
    pub(crate) fn code_flags(&self, scope: usize, is_async: bool) -> u32 {
        let s = &self.table.scopes[scope];
        let mut fl = 0;
        if is_async && s.is_generator() {
            fl |= flags::ASYNC_GENERATOR;
        } else if is_async {
            fl |= flags::COROUTINE;
        } else if s.is_generator() {
            fl |= flags::GENERATOR;
        }
        if s.nested {
            fl |= flags::NESTED;
        }
        fl
    }
}
