//! Expressions: names, constants, operators, comparisons, conditions and
//! displays. Calls are in [`crate::call`], f-strings in [`crate::fstring`],
//! lambdas in [`crate::func`], comprehensions in [`crate::comp`].

use brine_vm::bytecode::{Instr, UnaryOp};
use brine_vm::code::flags;
use brine_vm::Const;
use num_bigint::BigInt;

use crate::ast::{CompareOp, Expr, ExprKind};
use crate::compiler::Codegen;
use crate::error::CompileError;
use crate::unit::Label;

type R = Result<(), CompileError>;

/// Above this many items, displays are built one item at a time rather than
/// from the stack (CPython's `STACK_USE_GUIDELINE`).
const STACK_USE_GUIDELINE: usize = 30;

/// Which sequence a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Display {
    List,
    Tuple,
    Set,
}

impl<'a> Codegen<'a> {
    /// `await` the value on top of the stack: `awaitable => result`.
    pub(crate) fn await_top(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.unit.load_const(Const::None);
        self.emit(Instr::YieldFrom);
    }

    /// Push the value of an expression.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let old = self.set_line(e.pos);
            let r = self.expr_inner(e);
            self.unit.line = old;
            r
        })
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Const(c) => self.unit.load_const(c.clone()),
            ExprKind::Name(n) => self.load_name(n)?,
            ExprKind::BoolOp { and, values } => {
                let end = self.unit.new_label();
                let jump = if *and {
                    Instr::JumpIfFalseOrPop
                } else {
                    Instr::JumpIfTrueOrPop
                };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.unit.jump(jump, end);
                    }
                }
                self.unit.place(end);
            }
            ExprKind::Named { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_name(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::BinaryOp(*op));
            }
            ExprKind::Unary { op, operand } => match const_value(e) {
                Some(c) if *op == UnaryOp::Neg => self.unit.load_const(c),
                _ => {
                    self.expr(operand)?;
                    self.emit(Instr::UnaryOp(*op));
                }
            },
            ExprKind::Lambda(l) => self.lambda(e.pos, l)?,
            ExprKind::IfExp { test, body, orelse } => {
                let other = self.unit.new_label();
                let end = self.unit.new_label();
                self.cond_jump(test, false, other)?;
                self.expr(body)?;
                self.unit.jump(Instr::Jump, end);
                self.unit.place(other);
                self.expr(orelse)?;
                self.unit.place(end);
            }
            ExprKind::Dict(items) => self.dict_display(items)?,
            ExprKind::Set(es) => self.seq_display(es, Display::Set)?,
            ExprKind::List(es) => self.seq_display(es, Display::List)?,
            ExprKind::Tuple(es) => match const_value(e) {
                Some(c) => self.unit.load_const(c),
                None => self.seq_display(es, Display::Tuple)?,
            },
            ExprKind::Comp(c) => self.comprehension(e.pos, c)?,
            ExprKind::Await(v) => {
                self.expr(v)?;
                self.await_top();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.unit.load_const(Const::None),
                }
                if self.unit.flags & flags::ASYNC_GENERATOR != 0 {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.unit.load_const(Const::None);
                self.emit(Instr::YieldFrom);
            }
            ExprKind::Compare { left, ops } => self.compare(left, ops)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Starred(_) => {
                return Err(self.err(e.pos, "can't use starred expression here"))
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.unit.load_const(Const::None),
                    }
                }
                match step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
        }
        Ok(())
    }

    /// The `names` index of an attribute (private names mangled).
    pub(crate) fn attr_index(&mut self, attr: &str) -> u32 {
        let name = self.mangled(attr);
        self.unit.name_index(&name)
    }

    /// Jump to `target` when the truth of `e` is `jump_if`, else fall through.
    pub(crate) fn cond_jump(&mut self, e: &'a Expr, jump_if: bool, target: Label) -> R {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let old = self.set_line(e.pos);
            let r = self.cond_jump_inner(e, jump_if, target);
            self.unit.line = old;
            r
        })
    }

    fn cond_jump_inner(&mut self, e: &'a Expr, jump_if: bool, target: Label) -> R {
        match &e.kind {
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand,
            } => self.cond_jump(operand, !jump_if, target),
            ExprKind::BoolOp { and, values } => {
                if *and != jump_if {
                    // `and` jumping when false, `or` jumping when true: any
                    // operand decides.
                    for v in values {
                        self.cond_jump(v, jump_if, target)?;
                    }
                } else {
                    let skip = self.unit.new_label();
                    let (last, rest) = match values.split_last() {
                        Some(x) => x,
                        None => return Ok(()),
                    };
                    for v in rest {
                        self.cond_jump(v, !jump_if, skip)?;
                    }
                    self.cond_jump(last, jump_if, target)?;
                    self.unit.place(skip);
                }
                Ok(())
            }
            ExprKind::Const(c) => {
                if const_truth(c) == jump_if {
                    self.unit.jump(Instr::Jump, target);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let jump = if jump_if {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.unit.jump(jump, target);
                Ok(())
            }
        }
    }

    /// `a < b < c`: `b` is evaluated once and kept for the next comparison;
    /// the first false result ends the chain.
    fn compare(&mut self, left: &'a Expr, ops: &'a [(CompareOp, Expr)]) -> R {
        self.expr(left)?;
        if let [(op, right)] = ops {
            self.expr(right)?;
            self.emit(compare_instr(*op));
            return Ok(());
        }
        let cleanup = self.unit.new_label();
        let end = self.unit.new_label();
        for (i, (op, right)) in ops.iter().enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.emit(compare_instr(*op));
                self.unit.jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(compare_instr(*op));
            }
        }
        self.unit.jump(Instr::Jump, end);
        self.unit.place(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.unit.place(end);
        Ok(())
    }

    /// A list, tuple or set display.
    pub(crate) fn seq_display(&mut self, elts: &'a [Expr], kind: Display) -> R {
        let all_const = elts.len() > 2 && kind != Display::Tuple;
        if all_const {
            let consts: Option<Vec<Const>> = elts.iter().map(const_value).collect();
            if let Some(consts) = consts {
                let (build, extend) = match kind {
                    Display::Set => (Instr::BuildSet(0), Instr::SetUpdate(1)),
                    _ => (Instr::BuildList(0), Instr::ListExtend(1)),
                };
                self.emit(build);
                self.unit.load_const(Const::Tuple(consts));
                self.emit(extend);
                return Ok(());
            }
        }
        self.seq_build(0, elts, kind)
    }

    /// Build a list, tuple or set whose first `pushed` items are already on
    /// the stack, followed by `elts` (which may hold `*iterable` items).
    pub(crate) fn seq_build(&mut self, pushed: u32, elts: &'a [Expr], kind: Display) -> R {
        let starred = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !starred && pushed as usize + elts.len() <= STACK_USE_GUIDELINE {
            for e in elts {
                self.expr(e)?;
            }
            let n = pushed + elts.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let is_set = kind == Display::Set;
        let lead = elts
            .iter()
            .take_while(|e| !matches!(e.kind, ExprKind::Starred(_)))
            .count()
            .min(STACK_USE_GUIDELINE);
        for e in &elts[..lead] {
            self.expr(e)?;
        }
        let n = pushed + lead as u32;
        self.emit(if is_set {
            Instr::BuildSet(n)
        } else {
            Instr::BuildList(n)
        });
        for e in &elts[lead..] {
            match &e.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if is_set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// `{k: v, **m, …}`: keys before values, left to right.
    fn dict_display(&mut self, items: &'a [(Option<Expr>, Expr)]) -> R {
        let lead = items
            .iter()
            .take_while(|(k, _)| k.is_some())
            .count()
            .min(STACK_USE_GUIDELINE / 2);
        for (k, v) in &items[..lead] {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(Instr::BuildMap(lead as u32));
        for (k, v) in &items[lead..] {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }
}

/// The instruction for a comparison operator.
fn compare_instr(op: CompareOp) -> Instr {
    match op {
        CompareOp::Rich(op) => Instr::CompareOp(op),
        CompareOp::Is => Instr::IsOp(false),
        CompareOp::IsNot => Instr::IsOp(true),
        CompareOp::In => Instr::ContainsOp(false),
        CompareOp::NotIn => Instr::ContainsOp(true),
    }
}

/// The value of an expression made of literals only: a literal, a negated
/// number, a tuple of those (CPython folds the same).
pub(crate) fn const_value(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Const(c) => Some(c.clone()),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ExprKind::Const(c) => negate(c),
            _ => None,
        },
        ExprKind::Tuple(es) => es
            .iter()
            .map(const_value)
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        _ => None,
    }
}

fn negate(c: &Const) -> Option<Const> {
    match c {
        Const::Int(i) => Some(match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::BigInt(-BigInt::from(*i)),
        }),
        Const::BigInt(b) => {
            let n = -b;
            Some(match i64::try_from(&n) {
                Ok(small) => Const::Int(small),
                Err(_) => Const::BigInt(n),
            })
        }
        Const::Float(f) => Some(Const::Float(-f)),
        _ => None,
    }
}

/// The truth value of a literal.
fn const_truth(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(b) => *b != BigInt::from(0),
        Const::Float(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) => !t.is_empty(),
        Const::Ellipsis | Const::Code(_) => true,
    }
}
