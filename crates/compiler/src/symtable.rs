//! Scopes: where every name of every function, lambda, class, comprehension
//! and of the module lives, decided before code is generated.
//!
//! This mirrors CPython 3.11's `symtable.c`: a first pass (`build`) records,
//! per scope, how each name is used (assigned, parameter, read, declared
//! `global`/`nonlocal`); a second (`analyze`) resolves each
//! name to a [`Binding`], turning the locals that inner scopes capture into
//! cells and threading free variables through the scopes in between. As in
//! CPython, class bodies do not enclose the functions in them (a method
//! cannot see class attributes as variables), a function that reads `super`
//! or `__class__` gets `__class__` as a free variable served by a cell of
//! its class, and the target of `:=` in a comprehension binds in the
//! enclosing function. Names of the form `__spam` inside a class are mangled
//! to `_Class__spam` ([`mangle`]).
//!
//! The compile-time checks CPython makes on scopes are made here too:
//! `nonlocal` at module level or without a binding, a name used before its
//! `global` declaration, duplicate parameters, `yield` and `await` outside
//! the functions that allow them.

mod analyze;
mod build;

use std::borrow::Cow;
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use crate::ast::{CompKind, Module, Pos, ScopeId};
use crate::error::CompileError;
use crate::source::SourceText;

/// An insertion-ordered map with a fast hash (names are not attacker-chosen
/// keys that matter here: a compile is bounded by its source).
pub(crate) type Map<K, V> = IndexMap<K, V, FxBuildHasher>;

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
    /// Functions, lambdas and comprehensions: scopes with fast locals.
    pub(crate) fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Binding {
    /// A fast local (functions), or an entry of the frame's namespace
    /// (module, class body).
    Local,
    /// A local that an inner scope captures.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound here nor in an enclosing function: globals, then builtins.
    GlobalImplicit,
}

/// How a name is used in one scope (bits of [`Symbol::flags`]).
pub(crate) mod usage {
    /// Bound here: assigned, deleted, imported, a `for` or `with` target, a
    /// `def` or `class` name, an `except … as` name.
    pub(crate) const ASSIGNED: u8 = 0x01;
    /// A parameter.
    pub(crate) const PARAM: u8 = 0x02;
    /// Read.
    pub(crate) const USED: u8 = 0x04;
    /// Declared `global` (or the target of `:=` in a module-level comprehension).
    pub(crate) const GLOBAL: u8 = 0x08;
    /// Declared `nonlocal` (or the target of `:=` in a comprehension).
    pub(crate) const NONLOCAL: u8 = 0x10;
    /// The iteration variable of a comprehension.
    pub(crate) const COMP_ITER: u8 = 0x20;
}

/// A name in a scope.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Symbol {
    /// Bits of [`usage`].
    pub(crate) flags: u8,
    /// Where it lives (decided by the analysis).
    pub(crate) binding: Binding,
    /// A class-body name that a method also reads as a free variable of
    /// the enclosing function: the class code names it in `freevars` to
    /// pass the cell on, and still uses the namespace for its own accesses.
    pub(crate) free_class: bool,
}

/// One scope.
#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    pub(crate) parent: Option<usize>,
    pub(crate) children: Vec<usize>,
    /// Names by their (mangled) spelling, in the order first met.
    pub(crate) symbols: Map<String, Symbol>,
    /// Parameters (mangled) in `varnames` order.
    pub(crate) params: Vec<String>,
    /// `async def`.
    pub(crate) is_async: bool,
    /// The first `yield` or `yield from`, which makes a function a generator.
    pub(crate) yield_pos: Option<Pos>,
    /// A class whose methods read `__class__` (or `super`): its body has a
    /// `__class__` cell.
    pub(crate) needs_class_cell: bool,
    /// Nested in a function (CPython's `CO_NESTED`).
    pub(crate) nested: bool,
    /// The class name private names are mangled with, inherited from the
    /// innermost enclosing class.
    pub(crate) private: Option<Rc<str>>,
    /// Where each name was declared `nonlocal`, for errors.
    pub(crate) nonlocal_at: Map<String, Pos>,
    /// Which comprehension, for a comprehension scope.
    pub(crate) comp_kind: Option<CompKind>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>, private: Option<Rc<str>>) -> Scope {
        Scope {
            kind,
            parent,
            children: Vec::new(),
            symbols: Map::default(),
            params: Vec::new(),
            is_async: false,
            yield_pos: None,
            needs_class_cell: false,
            nested: false,
            private,
            nonlocal_at: Map::default(),
            comp_kind: None,
        }
    }

    /// Where a (mangled) name lives; names never seen are implicit globals.
    pub(crate) fn binding(&self, name: &str) -> Binding {
        self.symbols
            .get(name)
            .map_or(Binding::GlobalImplicit, |s| s.binding)
    }

    /// Whether calling the code makes a generator.
    pub(crate) fn is_generator(&self) -> bool {
        self.yield_pos.is_some()
    }

    /// The code's `cellvars`, sorted as CPython sorts them.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.binding == Binding::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.needs_class_cell && !v.iter().any(|n| n == "__class__") {
            v.push("__class__".into());
        }
        v.sort();
        v
    }

    /// The code's `freevars`, sorted as CPython sorts them.
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.binding == Binding::Free || s.free_class)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// Every scope of a module; scope 0 is the module.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    /// The scope each [`ScopeId`] opened.
    by_id: Vec<Option<usize>>,
}

impl SymbolTable {
    /// The scope a function, lambda, class or comprehension opened.
    pub(crate) fn scope_of(&self, id: ScopeId) -> Option<usize> {
        self.by_id.get(id.0 as usize).copied().flatten()
    }
}

/// Build and analyze the symbol table of a module.
///
/// # Errors
/// The scope rules CPython checks at compile time.
pub(crate) fn build(src: &SourceText<'_>, module: &Module) -> Result<SymbolTable, CompileError> {
    let mut scopes = vec![Scope::new(ScopeKind::Module, None, None)];
    let mut by_id = vec![None; module.scope_count as usize];
    build::visit_module(src, &mut scopes, &mut by_id, &module.body)?;
    analyze::analyze(src, &mut scopes)?;
    Ok(SymbolTable { scopes, by_id })
}

/// CPython's private name mangling: `__spam` inside class `Ham` is
/// `_Ham__spam` (not dunders, not dotted names; leading underscores of the
/// class name are dropped, and a class named only `_`s mangles nothing).
pub(crate) fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}
