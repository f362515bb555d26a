//! The second pass: resolve every name to a [`Binding`] (CPython's
//! `analyze_block`).
//!
//! Walking down, each scope receives the set of names bound by the
//! functions around it (`bound`); walking back up, it reports the names its
//! inner scopes need from outside (`free`). A function that binds such a
//! name makes it a cell; otherwise the name is free in it too, so that its
//! code can pass the cell on. A class body never binds names for inner
//! scopes, except `__class__`, which becomes a cell of the class body.

use indexmap::IndexSet;
use rustc_hash::FxBuildHasher;

use crate::error::CompileError;
use crate::source::SourceText;

use super::usage::{ASSIGNED, GLOBAL, NONLOCAL, PARAM};
use super::{Binding, Scope, ScopeKind, Symbol};

type Set = IndexSet<String, FxBuildHasher>;

/// Resolve every scope, starting from the module (scope 0).
pub(super) fn analyze(src: &SourceText<'_>, scopes: &mut [Scope]) -> Result<(), CompileError> {
    analyze_scope(src, scopes, 0, &Set::default()).map(|_| ())
}

/// Resolve scope `idx` and its children; returns the names free in it.
fn analyze_scope(
    src: &SourceText<'_>,
    scopes: &mut [Scope],
    idx: usize,
    bound: &Set,
) -> Result<Set, CompileError> {
    let kind = scopes[idx].kind;
    let mut local = Set::default();
    let mut declared_global = Set::default();
    for (name, sym) in scopes[idx].symbols.iter_mut() {
        sym.binding = if sym.flags & GLOBAL != 0 {
            declared_global.insert(name.clone());
            Binding::GlobalExplicit
        } else if sym.flags & NONLOCAL != 0 {
            if !bound.contains(name) {
                let pos = scopes[idx]
                    .nonlocal_at
                    .get(name)
                    .copied()
                    .unwrap_or_default();
                return Err(src.error(pos, format!("no binding for nonlocal '{name}' found")));
            }
            Binding::Free
        } else if sym.flags & (ASSIGNED | PARAM) != 0 {
            local.insert(name.clone());
            Binding::Local
        } else if bound.contains(name) {
            Binding::Free
        } else {
            Binding::GlobalImplicit
        };
    }

    let newbound = match kind {
        ScopeKind::Module => Set::default(),
        ScopeKind::Class => {
            let mut b = bound.clone();
            b.insert("__class__".to_string());
            b
        }
        _ => {
            let mut b: Set = bound
                .iter()
                .filter(|n| !declared_global.contains(*n))
                .cloned()
                .collect();
            b.extend(local.iter().cloned());
            b
        }
    };

    let mut child_free = Set::default();
    let children = scopes[idx].children.clone();
    for child in children {
        let free = stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            analyze_scope(src, scopes, child, &newbound)
        })?;
        child_free.extend(free);
    }

    let scope = &mut scopes[idx];
    for name in child_free {
        if kind == ScopeKind::Class && name == "__class__" {
            scope.needs_class_cell = true;
            continue;
        }
        match scope.symbols.get_mut(&name) {
            Some(sym) => match (kind, sym.binding) {
                (ScopeKind::Class, Binding::Free) => {}
                (ScopeKind::Class, _) => sym.free_class = true,
                (_, Binding::Local) => sym.binding = Binding::Cell,
                _ => {}
            },
            None => {
                scope.symbols.insert(
                    name,
                    Symbol {
                        flags: 0,
                        binding: Binding::Free,
                        free_class: false,
                    },
                );
            }
        }
    }
    Ok(scope
        .symbols
        .iter()
        .filter(|(_, s)| s.binding == Binding::Free || s.free_class)
        .map(|(n, _)| n.clone())
        .collect())
}
