//! The front end: the only module that names the parser crates.
//!
//! brine parses with `ruff_python_parser`, chosen because it parses CPython's
//! standard library about six times faster than `rustpython-parser` 0.4 and
//! is maintained. Its syntax tree changes shape between releases, so nothing
//! outside this module sees it: [`parse`] lowers it into brine's own
//! [`crate::ast`], and maps the parser's errors to CPython's wording
//! ([`syntax_error`]). Upgrading the parser touches these files only.
//!
//! Deeply nested source (`1+1+…` ten thousand times) is refused with a
//! `SyntaxError`, as CPython refuses it with a `RecursionError`, before
//! anything recursive walks it.

mod lower;
mod syntax_error;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as py, PySourceType};
use ruff_text_size::Ranged;

use crate::ast::Module;
use crate::error::CompileError;
use crate::source::SourceText;

/// How deeply statements and expressions may nest.
pub(crate) const MAX_NESTING: u32 = 1000;

/// Parse a module and lower it to brine's syntax tree.
///
/// # Errors
/// Syntax errors, worded as CPython words them where the parser's error maps
/// onto one of CPython's; constructs brine does not support.
pub(crate) fn parse(src: &SourceText<'_>) -> Result<Module, CompileError> {
    if let Some(at) = src.text.find('\0') {
        return Err(src.error(src.pos(at as u32), "source code cannot contain null bytes"));
    }
    let parsed = ruff_python_parser::parse_unchecked_source(src.text, PySourceType::Python);
    let mut depth = DepthCheck::default();
    for s in &parsed.syntax().body {
        depth.visit_stmt(s);
    }
    if let Some(offset) = depth.too_deep {
        // Dropping the tree is recursive too: leak it rather than overflow.
        std::mem::forget(parsed);
        return Err(src.error(
            src.pos(offset),
            format!("too many nested statements and expressions (more than {MAX_NESTING} levels)"),
        ));
    }
    if let Some(e) = parsed.errors().iter().min_by_key(|e| e.location.start()) {
        return Err(syntax_error::syntax_error(src, &parsed, e));
    }
    lower::module(src, parsed.syntax())
}

/// Finds the first place the tree nests deeper than [`MAX_NESTING`].
#[derive(Default)]
struct DepthCheck {
    depth: u32,
    too_deep: Option<u32>,
}

impl DepthCheck {
    /// Run `walk` one level deeper, unless that is too deep.
    fn nested(&mut self, node: &impl Ranged, walk: impl FnOnce(&mut Self)) {
        if self.too_deep.is_some() {
            return;
        }
        if self.depth >= MAX_NESTING {
            self.too_deep = Some(node.start().to_u32());
            return;
        }
        self.depth += 1;
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || walk(self));
        self.depth -= 1;
    }
}

impl<'a> Visitor<'a> for DepthCheck {
    fn visit_stmt(&mut self, stmt: &'a py::Stmt) {
        self.nested(stmt, |v| visitor::walk_stmt(v, stmt));
    }

    fn visit_expr(&mut self, expr: &'a py::Expr) {
        self.nested(expr, |v| visitor::walk_expr(v, expr));
    }
}
