//! Lowering the parser's tree into brine's ([`crate::ast`]).

use brine_vm::bytecode::format_value;
use brine_vm::{BinOp, CmpOp, Const, UnaryOp};
use num_bigint::BigInt;
use ruff_python_ast as py;
use ruff_text_size::Ranged;

use crate::ast::{
    Alias, Annotation, Branch, ClassDef, Comp, CompKind, CompareOp, Expr, ExprKind, FField, FPart,
    For, FunctionDef, Generator, Handler, Keyword, Lambda, Module, Param, Params, Pos, ScopeId,
    Stmt, StmtKind, Try, WithItem,
};
use crate::error::CompileError;
use crate::source::SourceText;

type R<T> = Result<T, CompileError>;

/// Lower a module's statements.
pub(super) fn module(src: &SourceText<'_>, m: &py::ModModule) -> R<Module> {
    let mut l = Lower { src, next_scope: 0 };
    let body = l.body(&m.body)?;
    Ok(Module {
        body,
        scope_count: l.next_scope,
    })
}

struct Lower<'s> {
    src: &'s SourceText<'s>,
    next_scope: u32,
}

impl Lower<'_> {
    fn pos(&self, node: &impl Ranged) -> Pos {
        self.src.pos(node.start().to_u32())
    }

    fn err(&self, node: &impl Ranged, msg: impl Into<String>) -> CompileError {
        self.src.error(self.pos(node), msg)
    }

    fn scope_id(&mut self) -> ScopeId {
        self.next_scope += 1;
        ScopeId(self.next_scope - 1)
    }

    fn body(&mut self, stmts: &[py::Stmt]) -> R<Vec<Stmt>> {
        stmts.iter().map(|s| self.stmt(s)).collect()
    }

    fn exprs(&mut self, es: &[py::Expr]) -> R<Vec<Expr>> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    fn opt(&mut self, e: Option<&py::Expr>) -> R<Option<Expr>> {
        e.map(|e| self.expr(e)).transpose()
    }

    fn boxed(&mut self, e: &py::Expr) -> R<Box<Expr>> {
        Ok(Box::new(self.expr(e)?))
    }

    fn opt_boxed(&mut self, e: Option<&py::Expr>) -> R<Option<Box<Expr>>> {
        Ok(self.opt(e)?.map(Box::new))
    }

    fn stmt(&mut self, s: &py::Stmt) -> R<Stmt> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &py::Stmt) -> R<Stmt> {
        let kind = match s {
            py::Stmt::FunctionDef(f) => {
                if let Some(tp) = &f.type_params {
                    return Err(self.err(&**tp, "type parameter lists are not supported"));
                }
                let decorators = self.decorators(&f.decorator_list)?;
                let params = self.params(&f.parameters)?;
                StmtKind::Def(Box::new(FunctionDef {
                    id: self.scope_id(),
                    name: f.name.as_str().to_string(),
                    params,
                    body: self.body(&f.body)?,
                    decorators,
                    is_async: f.is_async,
                    returns: self.opt_annotation(f.returns.as_deref())?,
                }))
            }
            py::Stmt::ClassDef(c) => {
                if let Some(tp) = &c.type_params {
                    return Err(self.err(&**tp, "type parameter lists are not supported"));
                }
                let decorators = self.decorators(&c.decorator_list)?;
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (Vec::new(), Vec::new()),
                };
                StmtKind::Class(Box::new(ClassDef {
                    id: self.scope_id(),
                    name: c.name.as_str().to_string(),
                    bases,
                    keywords,
                    body: self.body(&c.body)?,
                    decorators,
                }))
            }
            py::Stmt::Return(r) => StmtKind::Return(self.opt(r.value.as_deref())?),
            py::Stmt::Delete(d) => StmtKind::Delete(self.exprs(&d.targets)?),
            py::Stmt::Assign(a) => StmtKind::Assign {
                targets: self.exprs(&a.targets)?,
                value: self.expr(&a.value)?,
            },
            py::Stmt::AugAssign(a) => StmtKind::AugAssign {
                target: self.expr(&a.target)?,
                op: binop(a.op),
                value: self.expr(&a.value)?,
            },
            py::Stmt::AnnAssign(a) => StmtKind::AnnAssign {
                target: self.expr(&a.target)?,
                annotation: self.annotation(&a.annotation)?,
                value: self.opt(a.value.as_deref())?,
                simple: a.simple,
            },
            py::Stmt::TypeAlias(_) => {
                return Err(self.err(s, "the 'type' statement is not supported"))
            }
            py::Stmt::For(f) => StmtKind::For(Box::new(For {
                target: self.expr(&f.target)?,
                iter: self.expr(&f.iter)?,
                body: self.body(&f.body)?,
                orelse: self.body(&f.orelse)?,
                is_async: f.is_async,
            })),
            py::Stmt::While(w) => StmtKind::While {
                test: self.expr(&w.test)?,
                body: self.body(&w.body)?,
                orelse: self.body(&w.orelse)?,
            },
            py::Stmt::If(i) => {
                let mut branches = vec![Branch {
                    pos: self.pos(s),
                    test: Some(self.expr(&i.test)?),
                    body: self.body(&i.body)?,
                }];
                for c in &i.elif_else_clauses {
                    branches.push(Branch {
                        pos: self.pos(c),
                        test: self.opt(c.test.as_ref())?,
                        body: self.body(&c.body)?,
                    });
                }
                StmtKind::If(branches)
            }
            py::Stmt::With(w) => {
                let mut items = Vec::with_capacity(w.items.len());
                for item in &w.items {
                    items.push(WithItem {
                        ctx: self.expr(&item.context_expr)?,
                        target: self.opt(item.optional_vars.as_deref())?,
                    });
                }
                StmtKind::With {
                    items,
                    body: self.body(&w.body)?,
                    is_async: w.is_async,
                }
            }
            py::Stmt::Match(_) => return Err(self.err(s, "the 'match' statement is not supported")),
            py::Stmt::Raise(r) => StmtKind::Raise {
                exc: self.opt(r.exc.as_deref())?,
                cause: self.opt(r.cause.as_deref())?,
            },
            py::Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.err(s, "'except*' is not supported"));
                }
                let mut handlers = Vec::with_capacity(t.handlers.len());
                for h in &t.handlers {
                    let py::ExceptHandler::ExceptHandler(h) = h;
                    handlers.push(Handler {
                        pos: self.pos(h),
                        typ: self.opt(h.type_.as_deref())?,
                        name: h.name.as_ref().map(|n| n.as_str().to_string()),
                        body: self.body(&h.body)?,
                    });
                }
                StmtKind::Try(Box::new(Try {
                    body: self.body(&t.body)?,
                    handlers,
                    orelse: self.body(&t.orelse)?,
                    finalbody: self.body(&t.finalbody)?,
                }))
            }
            py::Stmt::Assert(a) => StmtKind::Assert {
                test: self.expr(&a.test)?,
                msg: self.opt(a.msg.as_deref())?,
            },
            py::Stmt::Import(i) => {
                if i.is_lazy {
                    return Err(self.err(s, "lazy imports are not supported"));
                }
                StmtKind::Import(self.aliases(&i.names))
            }
            py::Stmt::ImportFrom(i) => {
                if i.is_lazy {
                    return Err(self.err(s, "lazy imports are not supported"));
                }
                StmtKind::ImportFrom {
                    module: i
                        .module
                        .as_ref()
                        .map(|m| m.as_str().to_string())
                        .unwrap_or_default(),
                    names: self.aliases(&i.names),
                    level: i.level,
                }
            }
            py::Stmt::Global(g) => StmtKind::Global(identifiers(&g.names)),
            py::Stmt::Nonlocal(n) => StmtKind::Nonlocal(identifiers(&n.names)),
            py::Stmt::Expr(e) => StmtKind::Expr(self.expr(&e.value)?),
            py::Stmt::Pass(_) => StmtKind::Pass,
            py::Stmt::Break(_) => StmtKind::Break,
            py::Stmt::Continue(_) => StmtKind::Continue,
            py::Stmt::IpyEscapeCommand(_) => return Err(self.err(s, "invalid syntax")),
        };
        Ok(Stmt {
            pos: self.pos(s),
            kind,
        })
    }

    fn opt_annotation(&mut self, e: Option<&py::Expr>) -> R<Option<Annotation>> {
        e.map(|e| self.annotation(e)).transpose()
    }

    fn annotation(&mut self, e: &py::Expr) -> R<Annotation> {
        let plain = matches!(
            e,
            py::Expr::Name(_)
                | py::Expr::Attribute(_)
                | py::Expr::NoneLiteral(_)
                | py::Expr::StringLiteral(_)
        );
        if plain {
            return Ok(Annotation::Eval(self.expr(e)?));
        }
        let r = e.range();
        let text = self
            .src
            .text
            .get(r.start().to_usize()..r.end().to_usize())
            .unwrap_or("");
        Ok(Annotation::Text(text.to_string()))
    }

    fn decorators(&mut self, ds: &[py::Decorator]) -> R<Vec<Expr>> {
        ds.iter().map(|d| self.expr(&d.expression)).collect()
    }

    fn aliases(&self, names: &[py::Alias]) -> Vec<Alias> {
        names
            .iter()
            .map(|a| Alias {
                pos: self.pos(a),
                name: a.name.as_str().to_string(),
                asname: a.asname.as_ref().map(|n| n.as_str().to_string()),
            })
            .collect()
    }

    fn keywords(&mut self, ks: &[py::Keyword]) -> R<Vec<Keyword>> {
        let mut out = Vec::with_capacity(ks.len());
        for k in ks {
            out.push(Keyword {
                pos: self.pos(k),
                name: k.arg.as_ref().map(|a| a.as_str().to_string()),
                value: self.expr(&k.value)?,
            });
        }
        Ok(out)
    }

    fn params(&mut self, p: &py::Parameters) -> R<Params> {
        let with_defaults = |l: &mut Self, ps: &[py::ParameterWithDefault]| -> R<Vec<Param>> {
            let mut out = Vec::with_capacity(ps.len());
            for pw in ps {
                out.push(Param {
                    pos: l.pos(pw),
                    name: pw.parameter.name.as_str().to_string(),
                    default: l.opt(pw.default.as_deref())?,
                    annotation: l.opt_annotation(pw.parameter.annotation.as_deref())?,
                });
            }
            Ok(out)
        };
        let plain = |l: &mut Self, p: Option<&py::Parameter>| -> R<Option<Param>> {
            let Some(p) = p else { return Ok(None) };
            Ok(Some(Param {
                pos: l.pos(p),
                name: p.name.as_str().to_string(),
                default: None,
                annotation: l.opt_annotation(p.annotation.as_deref())?,
            }))
        };
        Ok(Params {
            posonly: with_defaults(self, &p.posonlyargs)?,
            args: with_defaults(self, &p.args)?,
            vararg: plain(self, p.vararg.as_deref())?,
            kwonly: with_defaults(self, &p.kwonlyargs)?,
            kwarg: plain(self, p.kwarg.as_deref())?,
        })
    }

    fn expr(&mut self, e: &py::Expr) -> R<Expr> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &py::Expr) -> R<Expr> {
        let kind = match e {
            py::Expr::BoolOp(b) => ExprKind::BoolOp {
                and: b.op == py::BoolOp::And,
                values: self.exprs(&b.values)?,
            },
            py::Expr::Named(n) => {
                let py::Expr::Name(target) = &*n.target else {
                    return Err(self.err(&*n.target, "cannot use assignment expressions here"));
                };
                ExprKind::Named {
                    target: target.id.as_str().to_string(),
                    value: self.boxed(&n.value)?,
                }
            }
            py::Expr::BinOp(b) => ExprKind::BinOp {
                left: self.boxed(&b.left)?,
                op: binop(b.op),
                right: self.boxed(&b.right)?,
            },
            py::Expr::UnaryOp(u) => ExprKind::Unary {
                op: match u.op {
                    py::UnaryOp::Invert => UnaryOp::Invert,
                    py::UnaryOp::Not => UnaryOp::Not,
                    py::UnaryOp::UAdd => UnaryOp::Pos,
                    py::UnaryOp::USub => UnaryOp::Neg,
                },
                operand: self.boxed(&u.operand)?,
            },
            py::Expr::Lambda(l) => {
                let params = match &l.parameters {
                    Some(p) => self.params(p)?,
                    None => Params::default(),
                };
                ExprKind::Lambda(Box::new(Lambda {
                    id: self.scope_id(),
                    params,
                    body: self.expr(&l.body)?,
                }))
            }
            py::Expr::If(i) => ExprKind::IfExp {
                test: self.boxed(&i.test)?,
                body: self.boxed(&i.body)?,
                orelse: self.boxed(&i.orelse)?,
            },
            py::Expr::Dict(d) => {
                let mut items = Vec::with_capacity(d.items.len());
                for item in &d.items {
                    items.push((self.opt(item.key.as_ref())?, self.expr(&item.value)?));
                }
                ExprKind::Dict(items)
            }
            py::Expr::Set(s) => ExprKind::Set(self.exprs(&s.elts)?),
            py::Expr::List(l) => ExprKind::List(self.exprs(&l.elts)?),
            py::Expr::Tuple(t) => ExprKind::Tuple(self.exprs(&t.elts)?),
            py::Expr::ListComp(c) => self.comp(CompKind::List, &c.elt, None, &c.generators)?,
            py::Expr::SetComp(c) => self.comp(CompKind::Set, &c.elt, None, &c.generators)?,
            py::Expr::Generator(c) => self.comp(CompKind::Gen, &c.elt, None, &c.generators)?,
            py::Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.err(e, "dict unpacking cannot be used in dict comprehension"));
                };
                self.comp(CompKind::Dict, key, Some(&c.value), &c.generators)?
            }
            py::Expr::Await(a) => ExprKind::Await(self.boxed(&a.value)?),
            py::Expr::Yield(y) => ExprKind::Yield(self.opt_boxed(y.value.as_deref())?),
            py::Expr::YieldFrom(y) => ExprKind::YieldFrom(self.boxed(&y.value)?),
            py::Expr::Compare(c) => {
                let mut ops = Vec::with_capacity(c.ops.len());
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    ops.push((cmpop(*op), self.expr(right)?));
                }
                ExprKind::Compare {
                    left: self.boxed(&c.left)?,
                    ops,
                }
            }
            py::Expr::Call(c) => ExprKind::Call {
                func: self.boxed(&c.func)?,
                args: self.exprs(&c.arguments.args)?,
                keywords: self.keywords(&c.arguments.keywords)?,
            },
            py::Expr::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.iter() {
                    match part {
                        py::FStringPart::Literal(l) => push_lit(&mut parts, &l.value),
                        py::FStringPart::FString(fs) => self.fstring(&fs.elements, &mut parts)?,
                    }
                }
                ExprKind::FString(parts)
            }
            py::Expr::TString(_) => return Err(self.err(e, "template strings are not supported")),
            py::Expr::StringLiteral(s) => ExprKind::Const(Const::Str(s.value.to_str().into())),
            py::Expr::BytesLiteral(b) => {
                let mut v = Vec::new();
                for part in b.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                ExprKind::Const(Const::Bytes(v))
            }
            py::Expr::NumberLiteral(n) => ExprKind::Const(self.number(n)?),
            py::Expr::BooleanLiteral(b) => ExprKind::Const(Const::Bool(b.value)),
            py::Expr::NoneLiteral(_) => ExprKind::Const(Const::None),
            py::Expr::EllipsisLiteral(_) => ExprKind::Const(Const::Ellipsis),
            py::Expr::Attribute(a) => ExprKind::Attribute {
                value: self.boxed(&a.value)?,
                attr: a.attr.as_str().to_string(),
            },
            py::Expr::Subscript(s) => ExprKind::Subscript {
                value: self.boxed(&s.value)?,
                index: self.boxed(&s.slice)?,
            },
            py::Expr::Starred(s) => ExprKind::Starred(self.boxed(&s.value)?),
            py::Expr::Name(n) => ExprKind::Name(n.id.as_str().to_string()),
            py::Expr::Slice(s) => ExprKind::Slice {
                lower: self.opt_boxed(s.lower.as_deref())?,
                upper: self.opt_boxed(s.upper.as_deref())?,
                step: self.opt_boxed(s.step.as_deref())?,
            },
            py::Expr::IpyEscapeCommand(_) => return Err(self.err(e, "invalid syntax")),
        };
        Ok(Expr {
            pos: self.pos(e),
            kind,
        })
    }

    fn comp(
        &mut self,
        kind: CompKind,
        elt: &py::Expr,
        value: Option<&py::Expr>,
        generators: &[py::Comprehension],
    ) -> R<ExprKind> {
        if let py::Expr::Starred(_) = elt {
            return Err(self.err(elt, "iterable unpacking cannot be used in comprehension"));
        }
        let mut gens = Vec::with_capacity(generators.len());
        for g in generators {
            gens.push(Generator {
                target: self.expr(&g.target)?,
                iter: self.expr(&g.iter)?,
                ifs: self.exprs(&g.ifs)?,
                is_async: g.is_async,
            });
        }
        if gens.is_empty() {
            return Err(self.err(elt, "invalid syntax"));
        }
        Ok(ExprKind::Comp(Box::new(Comp {
            id: self.scope_id(),
            kind,
            elt: self.expr(elt)?,
            value: self.opt(value)?,
            generators: gens,
        })))
    }

    /// Append an f-string's elements (or a format spec's) to `out`.
    fn fstring(&mut self, els: &py::InterpolatedStringElements, out: &mut Vec<FPart>) -> R<()> {
        for el in els.iter() {
            match el {
                py::InterpolatedStringElement::Literal(l) => push_lit(out, &l.value),
                py::InterpolatedStringElement::Interpolation(i) => {
                    // `{x=}` is the text `x=` followed by the field, shown
                    // with repr() unless a conversion or spec is given.
                    if let Some(d) = &i.debug_text {
                        push_lit(out, d.as_str());
                    }
                    let mut conversion = match i.conversion {
                        py::ConversionFlag::None => 0,
                        py::ConversionFlag::Str => format_value::STR,
                        py::ConversionFlag::Repr => format_value::REPR,
                        py::ConversionFlag::Ascii => format_value::ASCII,
                    };
                    if i.debug_text.is_some() && conversion == 0 && i.format_spec.is_none() {
                        conversion = format_value::REPR;
                    }
                    let value = self.expr(&i.expression)?;
                    let spec = match &i.format_spec {
                        Some(s) => {
                            let mut parts = Vec::new();
                            self.fstring(&s.elements, &mut parts)?;
                            Some(parts)
                        }
                        None => None,
                    };
                    out.push(FPart::Field(Box::new(FField {
                        value,
                        conversion,
                        spec,
                    })));
                }
            }
        }
        Ok(())
    }

    fn number(&self, n: &py::ExprNumberLiteral) -> R<Const> {
        match &n.value {
            py::Number::Int(i) => {
                if let Some(v) = i.as_i64() {
                    return Ok(Const::Int(v));
                }
                // Past i64: the decimal digits, or the literal as written.
                let big = parse_int_literal(&i.to_string())
                    .ok_or_else(|| self.err(n, "invalid integer literal"))?;
                Ok(match i64::try_from(&big) {
                    Ok(v) => Const::Int(v),
                    Err(_) => Const::BigInt(big),
                })
            }
            py::Number::Float(f) => Ok(Const::Float(*f)),
            py::Number::Complex { .. } => Err(self.err(n, "complex numbers are not supported")),
        }
    }
}

fn identifiers(names: &[py::Identifier]) -> Vec<String> {
    names.iter().map(|n| n.as_str().to_string()).collect()
}

/// Append literal text, joining it to a literal just before.
fn push_lit(out: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(FPart::Lit(prev)) => prev.push_str(s),
        _ => out.push(FPart::Lit(s.to_string())),
    }
}

fn binop(op: py::Operator) -> BinOp {
    use py::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: py::CmpOp) -> CompareOp {
    use py::CmpOp as C;
    match op {
        C::Eq => CompareOp::Rich(CmpOp::Eq),
        C::NotEq => CompareOp::Rich(CmpOp::Ne),
        C::Lt => CompareOp::Rich(CmpOp::Lt),
        C::LtE => CompareOp::Rich(CmpOp::Le),
        C::Gt => CompareOp::Rich(CmpOp::Gt),
        C::GtE => CompareOp::Rich(CmpOp::Ge),
        C::Is => CompareOp::Is,
        C::IsNot => CompareOp::IsNot,
        C::In => CompareOp::In,
        C::NotIn => CompareOp::NotIn,
    }
}

/// The value of an int literal of any base and size (`0x_ff`, `1_000`).
fn parse_int_literal(text: &str) -> Option<BigInt> {
    let t: String = text
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    let (radix, digits) = if let Some(r) = t.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = t.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = t.strip_prefix("0b") {
        (2, r)
    } else {
        (10, t.as_str())
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

#[cfg(test)]
mod tests {
    use super::parse_int_literal;

    #[test]
    fn int_literals_of_every_base() {
        assert_eq!(
            parse_int_literal("0x_FF_ff").map(|b| b.to_string()),
            Some("65535".into())
        );
        assert_eq!(
            parse_int_literal("0b1_0").map(|b| b.to_string()),
            Some("2".into())
        );
        assert_eq!(
            parse_int_literal("0o17").map(|b| b.to_string()),
            Some("15".into())
        );
        assert_eq!(
            parse_int_literal("18446744073709551616").map(|b| b.to_string()),
            Some("18446744073709551616".into())
        );
    }
}
