//! Expressions.

use brine_vm::bytecode::{format_value, BinOp, CmpOp, Instr, UnaryOp};
use brine_vm::Const;
use num_bigint::BigInt;

use crate::compiler::Compiler;
use crate::error::CompileError;
use crate::front::ast::{self, Expr};
use crate::symtable::ScopeKind;
use crate::unit::Label;

type R = Result<(), CompileError>;

/// The VM operator for a source operator.
pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
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

impl<'a> Compiler<'a> {
    /// Jump to `target` when the truth of `e` is `jump_if`; fall through otherwise.
    pub(crate) fn cond_jump(&mut self, e: &'a Expr, jump_if: bool, target: Label) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.cond_jump(&u.operand, !jump_if, target)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != jump_if {
                    // `and` jumping when false / `or` jumping when true: any operand decides.
                    for v in &b.values {
                        self.cond_jump(v, jump_if, target)?;
                    }
                } else {
                    let skip = self.u().new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !jump_if, skip)?;
                        } else {
                            self.cond_jump(v, jump_if, target)?;
                        }
                    }
                    self.u().place(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                if jump_if {
                    self.u().jump(Instr::PopJumpIfTrue, target);
                } else {
                    self.u().jump(Instr::PopJumpIfFalse, target);
                }
                Ok(())
            }
        }
    }

    /// Compile an expression, leaving its value on the stack.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                let end = self.u().new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        if b.op == ast::BoolOp::And {
                            self.u().jump(Instr::JumpIfFalseOrPop, end);
                        } else {
                            self.u().jump(Instr::JumpIfTrueOrPop, end);
                        }
                    }
                }
                self.u().place(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                if u.op == ast::UnaryOp::USub {
                    if let Expr::NumberLiteral(n) = &*u.operand {
                        if let Some(c) = self.number(n, true)? {
                            self.u().load_const(c);
                            return Ok(());
                        }
                    }
                }
                self.expr(&u.operand)?;
                self.emit(Instr::UnaryOp(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                }));
            }
            Expr::Lambda(l) => self.lambda(e, l)?,
            Expr::If(i) => {
                let orelse = self.u().new_label();
                let end = self.u().new_label();
                self.cond_jump(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.u().jump(Instr::Jump, end);
                self.u().place(orelse);
                self.expr(&i.orelse)?;
                self.u().place(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.seq_display(&s.elts, Display::Set)?,
            Expr::List(l) => self.seq_display(&l.elts, Display::List)?,
            Expr::Tuple(t) => {
                if let Some(c) = const_tuple(&t.elts) {
                    self.u().load_const(c);
                } else {
                    self.seq_display(&t.elts, Display::Tuple)?;
                }
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(e)?
            }
            Expr::Await(a) => {
                let kind = self.scope().kind;
                if !matches!(kind, ScopeKind::Function | ScopeKind::Lambda)
                    || self.unit().flags & brine_vm::code::flags::COROUTINE == 0
                {
                    return Err(self.err(
                        e,
                        if kind == ScopeKind::Module {
                            "'await' outside function"
                        } else {
                            "'await' outside async function"
                        },
                    ));
                }
                self.expr(&a.value)?;
                self.emit(Instr::GetAwaitable);
                self.u().load_const(Const::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Yield(y) => {
                self.check_yield(e)?;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.u().load_const(Const::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.check_yield(e)?;
                if self.unit().flags & brine_vm::code::flags::COROUTINE != 0 {
                    return Err(self.err(e, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.u().load_const(Const::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => {
                let old = self.set_line(e);
                self.call(c)?;
                self.u().line = old;
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(_) => return Err(self.err(e, "template strings are not supported")),
            Expr::StringLiteral(s) => self
                .u()
                .load_const(Const::Str(s.value.to_str().to_string())),
            Expr::BytesLiteral(b) => {
                let mut v = Vec::new();
                for part in b.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                self.u().load_const(Const::Bytes(v));
            }
            Expr::NumberLiteral(n) => match self.number(n, false)? {
                Some(c) => self.u().load_const(c),
                None => return Err(self.err(e, "complex numbers are not supported")),
            },
            Expr::BooleanLiteral(b) => self.u().load_const(Const::Bool(b.value)),
            Expr::NoneLiteral(_) => self.u().load_const(Const::None),
            Expr::EllipsisLiteral(_) => self.u().load_const(Const::Ellipsis),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.u().name_index(a.attr.as_str());
                self.emit(Instr::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(_) => return Err(self.err(e, "can't use starred expression here")),
            Expr::Name(n) => self.load_name(n.id.as_str()),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.u().load_const(Const::None),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            Expr::IpyEscapeCommand(_) => return Err(self.err(e, "invalid syntax")),
        }
        Ok(())
    }

    fn check_yield(&self, e: &Expr) -> R {
        match self.scope().kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                if self.unit().flags & brine_vm::code::flags::COROUTINE != 0 {
                    return Err(self.err(e, "async generators are not supported yet"));
                }
                Ok(())
            }
            ScopeKind::Comprehension => Err(self.err(e, "'yield' inside list comprehension")),
            _ => Err(self.err(e, "'yield' outside function")),
        }
    }

    fn number(
        &self,
        n: &ast::ExprNumberLiteral,
        negate: bool,
    ) -> Result<Option<Const>, CompileError> {
        Ok(match &n.value {
            ast::Number::Int(i) => {
                if let Some(v) = i.as_i64() {
                    Some(Const::Int(if negate { -v } else { v }))
                } else {
                    let text = i.to_string();
                    let parsed = parse_int_literal(&text)
                        .ok_or_else(|| self.err(n, "invalid integer literal"))?;
                    let v = if negate { -parsed } else { parsed };
                    Some(match i64::try_from(&v) {
                        Ok(small) => Const::Int(small),
                        Err(_) => Const::BigInt(v),
                    })
                }
            }
            ast::Number::Float(f) => Some(Const::Float(if negate { -*f } else { *f })),
            ast::Number::Complex { .. } => None,
        })
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.emit(cmp_instr(c.ops[0]));
            return Ok(());
        }
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.emit(cmp_instr(c.ops[i]));
                self.u().jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(cmp_instr(c.ops[i]));
            }
        }
        self.u().jump(Instr::Jump, end);
        self.u().place(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.u().place(end);
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !starred && kws.is_empty() {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let i = self.u().name_index(a.attr.as_str());
                self.emit(Instr::LoadMethod(i));
                for x in args.iter() {
                    self.expr(x)?;
                }
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        if !starred {
            for x in args.iter() {
                self.expr(x)?;
            }
            if kws.is_empty() {
                self.emit(Instr::Call(args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in kws.iter() {
                    self.expr(&k.value)?;
                    if let Some(a) = &k.arg {
                        names.push(Const::Str(a.as_str().to_string()));
                    }
                }
                self.u().load_const(Const::Tuple(names));
                self.emit(Instr::CallKw((args.len() + kws.len()) as u32));
            }
            return Ok(());
        }
        self.seq_display(args, Display::Tuple)?;
        if kws.is_empty() {
            self.emit(Instr::CallEx(false));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for k in kws.iter() {
            match &k.arg {
                Some(a) => {
                    self.u().load_const(Const::Str(a.as_str().to_string()));
                    self.expr(&k.value)?;
                    self.emit(Instr::BuildMap(1));
                    self.emit(Instr::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.emit(Instr::CallEx(true));
        Ok(())
    }

    fn seq_display(&mut self, elts: &'a [Expr], kind: Display) -> R {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            for x in elts {
                self.expr(x)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let mut pending = 0u32;
        let mut built = false;
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(if kind == Display::Set {
                            Instr::BuildSet(pending)
                        } else {
                            Instr::BuildList(pending)
                        });
                        built = true;
                        pending = 0;
                    }
                    self.expr(&s.value)?;
                    self.emit(if kind == Display::Set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                other => {
                    self.expr(other)?;
                    if built {
                        self.emit(if kind == Display::Set {
                            Instr::SetAdd(1)
                        } else {
                            Instr::ListAppend(1)
                        });
                    } else {
                        pending += 1;
                    }
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> R {
        let mut pending = 0u32;
        let mut built = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    if built {
                        self.emit(Instr::MapAdd(1));
                    } else {
                        pending += 1;
                    }
                }
                None => {
                    if !built {
                        self.emit(Instr::BuildMap(pending));
                        built = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if !built {
            self.emit(Instr::BuildMap(pending));
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut count = 0u32;
        let mut lit = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => lit.push_str(&s.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut lit, &mut count)?
                }
            }
        }
        if !lit.is_empty() || count == 0 {
            self.u().load_const(Const::Str(std::mem::take(&mut lit)));
            count += 1;
        }
        if count != 1 {
            self.emit(Instr::BuildString(count));
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        lit: &mut String,
        count: &mut u32,
    ) -> R {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => format_value::STR,
                        ast::ConversionFlag::Repr => format_value::REPR,
                        ast::ConversionFlag::Ascii => format_value::ASCII,
                    };
                    if let Some(dt) = &i.debug_text {
                        lit.push_str(dt.as_str());
                        if conv == 0 && i.format_spec.is_none() {
                            conv = format_value::REPR;
                        }
                    }
                    if !lit.is_empty() {
                        self.u().load_const(Const::Str(std::mem::take(lit)));
                        *count += 1;
                    }
                    self.expr(&i.expression)?;
                    let mut flags = conv;
                    if let Some(spec) = &i.format_spec {
                        let mut spec_lit = String::new();
                        let mut spec_count = 0u32;
                        self.fstring_elements(&spec.elements, &mut spec_lit, &mut spec_count)?;
                        if !spec_lit.is_empty() || spec_count == 0 {
                            self.u().load_const(Const::Str(spec_lit));
                            spec_count += 1;
                        }
                        if spec_count > 1 {
                            self.emit(Instr::BuildString(spec_count));
                        }
                        flags |= format_value::HAS_SPEC;
                    }
                    self.emit(Instr::FormatValue(flags));
                    *count += 1;
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

fn cmp_instr(op: ast::CmpOp) -> Instr {
    use ast::CmpOp as C;
    match op {
        C::Eq => Instr::CompareOp(CmpOp::Eq),
        C::NotEq => Instr::CompareOp(CmpOp::Ne),
        C::Lt => Instr::CompareOp(CmpOp::Lt),
        C::LtE => Instr::CompareOp(CmpOp::Le),
        C::Gt => Instr::CompareOp(CmpOp::Gt),
        C::GtE => Instr::CompareOp(CmpOp::Ge),
        C::Is => Instr::IsOp(false),
        C::IsNot => Instr::IsOp(true),
        C::In => Instr::ContainsOp(false),
        C::NotIn => Instr::ContainsOp(true),
    }
}

/// A tuple of literal constants as one constant.
fn const_tuple(elts: &[Expr]) -> Option<Const> {
    let mut out = Vec::new();
    for e in elts {
        out.push(match e {
            Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => Const::Int(i.as_i64()?),
                ast::Number::Float(f) => Const::Float(*f),
                _ => return None,
            },
            Expr::BooleanLiteral(b) => Const::Bool(b.value),
            Expr::NoneLiteral(_) => Const::None,
            _ => return None,
        });
    }
    Some(Const::Tuple(out))
}

/// Parse the text of an int literal of any base and size.
fn parse_int_literal(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = if let Some(r) = lower.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (2, r)
    } else {
        (10, lower.as_str())
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}
