//! Assignment targets: names, attributes, subscripts, unpacking (nested, and
//! starred with `UnpackEx`); augmented assignment; `del`.

use brine_vm::bytecode::{BinOp, Instr};
use brine_vm::Const;

use crate::ast::{Annotation, Expr, ExprKind, Pos, Stmt, StmtKind};
use crate::compiler::Codegen;
use crate::error::CompileError;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    /// `t1 = t2 = … = value`.
    pub(crate) fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> R {
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Instr::Copy(1));
            }
            self.store(t)?;
        }
        Ok(())
    }

    /// Pop the top of the stack into an assignment target.
    pub(crate) fn store(&mut self, t: &'a Expr) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let old = self.set_line(t.pos);
            let r = self.store_inner(t);
            self.unit.line = old;
            r
        })
    }

    fn store_inner(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple(es) | ExprKind::List(es) => self.unpack(es, t.pos),
            ExprKind::Starred(_) => Err(self.err(
                t.pos,
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.err(t.pos, format!("cannot assign to {}", describe(t)))),
        }
    }

    /// Unpack the top of the stack into the targets of a tuple or list.
    fn unpack(&mut self, elts: &'a [Expr], pos: Pos) -> R {
        let mut stars = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, ExprKind::Starred(_)));
        match (stars.next(), stars.next()) {
            (None, _) => self.emit(Instr::UnpackSequence(elts.len() as u32)),
            (Some((i, _)), None) => {
                let after = elts.len() - i - 1;
                match (u16::try_from(i), u16::try_from(after)) {
                    (Ok(before), Ok(after)) if before < 256 => {
                        self.emit(Instr::UnpackEx { before, after });
                    }
                    _ => {
                        return Err(
                            self.err(pos, "too many expressions in star-unpacking assignment")
                        )
                    }
                }
            }
            (Some(_), Some(_)) => {
                return Err(self.err(pos, "multiple starred expressions in assignment"))
            }
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred(inner) => self.store(inner)?,
                _ => self.store(e)?,
            }
        }
        Ok(())
    }

    /// `target op= value`: the target is read and written once (an
    /// attribute's object and a subscript's object and key are evaluated once).
    pub(crate) fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n)?;
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(n)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let i = self.attr_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            _ => Err(self.err(
                target.pos,
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(target)
                ),
            )),
        }
    }

    /// `target: annotation [= value]`. A module or class body records the
    /// annotation of a simple name in `__annotations__` (set up by
    /// [`Codegen::setup_annotations`]); a function evaluates no annotation.
    /// A bare annotation of an attribute or subscript evaluates its object.
    pub(crate) fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Annotation,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> R {
        if let Some(v) = value {
            self.expr(v)?;
            self.store(target)?;
        }
        match &target.kind {
            ExprKind::Name(name) if simple && !self.scope().kind.is_function_like() => {
                match annotation {
                    Annotation::Eval(e) => self.expr(e)?,
                    Annotation::Text(t) => self.unit.load_const(Const::Str(t.clone())),
                }
                let i = self.unit.name_index("__annotations__");
                self.emit(Instr::LoadName(i));
                let key = self.mangled(name).into_owned();
                self.unit.load_const(Const::Str(key));
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
            }
            ExprKind::Subscript { value: obj, index } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::PopTop);
                self.expr(index)?;
                self.emit(Instr::PopTop);
            }
            _ => {}
        }
        Ok(())
    }

    /// A module or class body that annotates a simple name anywhere (outside
    /// nested functions and classes) starts with `__annotations__ = {}`, as
    /// CPython's `SETUP_ANNOTATIONS` does.
    pub(crate) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Instr::BuildMap(0));
            let i = self.unit.name_index("__annotations__");
            self.emit(Instr::StoreName(i));
        }
    }

    /// `del target`.
    pub(crate) fn delete(&mut self, t: &'a Expr) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let old = self.set_line(t.pos);
            let r = self.delete_inner(t);
            self.unit.line = old;
            r
        })
    }

    fn delete_inner(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple(es) | ExprKind::List(es) => es.iter().try_for_each(|e| self.delete(e)),
            _ => Err(self.err(t.pos, format!("cannot delete {}", describe(t)))),
        }
    }
}

/// Whether a body annotates a simple name (CPython's `find_ann`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { simple, .. } => *simple,
        StmtKind::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        StmtKind::While { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::If(branches) => branches.iter().any(|b| has_annotations(&b.body)),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try(t) => {
            has_annotations(&t.body)
                || t.handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
        }
        _ => false,
    })
}

/// CPython's name for an expression in "cannot assign to …".
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::Bool(true)) => "True",
        ExprKind::Const(Const::Bool(false)) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Named { .. } => "named expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Comp(c) => c.kind.description(),
        ExprKind::Starred(_) => "starred",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        _ => "expression",
    }
}
