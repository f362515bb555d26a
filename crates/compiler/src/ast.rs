//! brine's own syntax tree: what code generation needs, and nothing of the
//! parser's.
//!
//! [`crate::front`] builds it from the parser's tree. It is smaller than
//! Python's `ast` module: annotations are gone, `elif` chains are flat,
//! literals are already [`Const`]s (implicit concatenation done, ints sized),
//! f-string `{x=}` is already a literal plus a field, and every construct
//! brine refuses for good (`match`, `type`, complex literals, …) was rejected
//! on the way in. What brine does not support *yet* (async generators,
//! `async for`, `async with`, async comprehensions) is kept, flagged, so that
//! code generation can name it — and so that supporting it later does not
//! touch the front end.
//!
//! Every statement and expression carries the [`Pos`] where it starts.
//! Expression context (load, store, delete) is not stored: it follows from
//! where an expression sits (an assignment's targets, a `del`, …).

use brine_vm::{BinOp, Const, UnaryOp};

/// Where a node starts: a 1-based line and the byte offset in that line.
///
/// The column is kept in bytes so that positions are cheap to make; it is
/// turned into a character column only when an error is reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Pos {
    /// 1-based line.
    pub(crate) line: u32,
    /// 0-based byte offset from the start of the line.
    pub(crate) col: u32,
}

/// Identifies a node that opens a scope (function, lambda, class,
/// comprehension), numbered by the front end in the order it met them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ScopeId(pub(crate) u32);

/// A parsed module: its statements and how many scope ids were handed out.
#[derive(Debug)]
pub(crate) struct Module {
    pub(crate) body: Vec<Stmt>,
    pub(crate) scope_count: u32,
}

/// A statement.
#[derive(Debug)]
pub(crate) struct Stmt {
    pub(crate) pos: Pos,
    pub(crate) kind: StmtKind,
}

/// The statements.
#[derive(Debug)]
pub(crate) enum StmtKind {
    Def(Box<FunctionDef>),
    Class(Box<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    /// `a = b = value`: the targets in source order.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        target: Expr,
        annotation: Annotation,
        value: Option<Expr>,
        /// A plain name, not parenthesized: recorded in `__annotations__`
        /// of a module or class body.
        simple: bool,
    },
    For(Box<For>),
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if`, its `elif`s, and its `else` (a branch without a test, last).
    If(Vec<Branch>),
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try(Box<Try>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import(Vec<Alias>),
    /// `from [.]*module import names`; `module` is empty for `from . import x`.
    ImportFrom {
        module: String,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

/// An annotation, as a module or class body or a `def` records it in
/// `__annotations__`:
/// a plain name, dotted name, string or `None` is evaluated; anything else (which
/// may use what brine cannot evaluate, like `int | None` or `list[int]`)
/// is kept as its source text, as `from __future__ import annotations` keeps
/// every annotation.
#[derive(Debug)]
pub(crate) enum Annotation {
    Eval(Expr),
    Text(String),
}

/// One branch of an `if` statement.
#[derive(Debug)]
pub(crate) struct Branch {
    pub(crate) pos: Pos,
    /// `None` for the `else` branch.
    pub(crate) test: Option<Expr>,
    pub(crate) body: Vec<Stmt>,
}

/// `def` and `async def`.
#[derive(Debug)]
pub(crate) struct FunctionDef {
    pub(crate) id: ScopeId,
    pub(crate) name: String,
    pub(crate) params: Params,
    pub(crate) body: Vec<Stmt>,
    pub(crate) decorators: Vec<Expr>,
    pub(crate) is_async: bool,
    /// The return annotation (`-> T`).
    pub(crate) returns: Option<Annotation>,
}

/// `class`.
#[derive(Debug)]
pub(crate) struct ClassDef {
    pub(crate) id: ScopeId,
    pub(crate) name: String,
    pub(crate) bases: Vec<Expr>,
    pub(crate) keywords: Vec<Keyword>,
    pub(crate) body: Vec<Stmt>,
    pub(crate) decorators: Vec<Expr>,
}

/// A parameter list.
#[derive(Debug, Default)]
pub(crate) struct Params {
    pub(crate) posonly: Vec<Param>,
    pub(crate) args: Vec<Param>,
    pub(crate) vararg: Option<Param>,
    pub(crate) kwonly: Vec<Param>,
    pub(crate) kwarg: Option<Param>,
}

impl Params {
    /// Every parameter in `varnames` order: positional (positional-only
    /// first), keyword-only, `*args`, `**kwargs`.
    pub(crate) fn in_order(&self) -> impl Iterator<Item = &Param> {
        self.posonly
            .iter()
            .chain(&self.args)
            .chain(&self.kwonly)
            .chain(&self.vararg)
            .chain(&self.kwarg)
    }
}

/// One parameter.
#[derive(Debug)]
pub(crate) struct Param {
    pub(crate) pos: Pos,
    pub(crate) name: String,
    pub(crate) default: Option<Expr>,
    /// Its annotation (`x: T`), for a `def`'s `__annotations__`.
    pub(crate) annotation: Option<Annotation>,
}

/// `for` and `async for`.
#[derive(Debug)]
pub(crate) struct For {
    pub(crate) target: Expr,
    pub(crate) iter: Expr,
    pub(crate) body: Vec<Stmt>,
    pub(crate) orelse: Vec<Stmt>,
    pub(crate) is_async: bool,
}

/// `try` with its clauses.
#[derive(Debug)]
pub(crate) struct Try {
    pub(crate) body: Vec<Stmt>,
    pub(crate) handlers: Vec<Handler>,
    pub(crate) orelse: Vec<Stmt>,
    pub(crate) finalbody: Vec<Stmt>,
}

/// `except [type [as name]]:`.
#[derive(Debug)]
pub(crate) struct Handler {
    pub(crate) pos: Pos,
    pub(crate) typ: Option<Expr>,
    pub(crate) name: Option<String>,
    pub(crate) body: Vec<Stmt>,
}

/// `ctx [as target]` in a `with`.
#[derive(Debug)]
pub(crate) struct WithItem {
    pub(crate) ctx: Expr,
    pub(crate) target: Option<Expr>,
}

/// `name [as asname]` in an import.
#[derive(Debug)]
pub(crate) struct Alias {
    pub(crate) pos: Pos,
    pub(crate) name: String,
    pub(crate) asname: Option<String>,
}

/// `name=value`, or `**value` when `name` is `None`, in a call or class header.
#[derive(Debug)]
pub(crate) struct Keyword {
    pub(crate) pos: Pos,
    pub(crate) name: Option<String>,
    pub(crate) value: Expr,
}

/// An expression.
#[derive(Debug)]
pub(crate) struct Expr {
    pub(crate) pos: Pos,
    pub(crate) kind: ExprKind,
}

/// The expressions.
#[derive(Debug)]
pub(crate) enum ExprKind {
    /// A literal: str, bytes, int, float, `True`, `False`, `None`, `...`.
    Const(Const),
    Name(String),
    /// `a and b and c` (`and` true) or `a or b or c`.
    BoolOp {
        and: bool,
        values: Vec<Expr>,
    },
    /// `target := value`.
    Named {
        target: String,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda(Box<Lambda>),
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key is a `**` item.
    Dict(Vec<(Option<Expr>, Expr)>),
    Set(Vec<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Comp(Box<Comp>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `left op1 e1 op2 e2 …`.
    Compare {
        left: Box<Expr>,
        ops: Vec<(CompareOp, Expr)>,
    },
    /// A call; `args` may hold [`ExprKind::Starred`] items.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    FString(Vec<FPart>),
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Starred(Box<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompareOp {
    Rich(brine_vm::CmpOp),
    Is,
    IsNot,
    In,
    NotIn,
}

/// `lambda params: body`.
#[derive(Debug)]
pub(crate) struct Lambda {
    pub(crate) id: ScopeId,
    pub(crate) params: Params,
    pub(crate) body: Expr,
}

/// Which comprehension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    /// The code object's name (`<listcomp>`).
    pub(crate) fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        }
    }

    /// The construct as CPython's messages name it (`list comprehension`).
    pub(crate) fn description(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

/// A comprehension or generator expression.
#[derive(Debug)]
pub(crate) struct Comp {
    pub(crate) id: ScopeId,
    pub(crate) kind: CompKind,
    /// The element, or the key of a dict comprehension.
    pub(crate) elt: Expr,
    /// The value of a dict comprehension.
    pub(crate) value: Option<Expr>,
    /// The `for … in … if …` clauses; never empty.
    pub(crate) generators: Vec<Generator>,
}

/// One `for target in iter if cond…` clause of a comprehension.
#[derive(Debug)]
pub(crate) struct Generator {
    pub(crate) target: Expr,
    pub(crate) iter: Expr,
    pub(crate) ifs: Vec<Expr>,
    pub(crate) is_async: bool,
}

/// A piece of an f-string.
#[derive(Debug)]
pub(crate) enum FPart {
    Lit(String),
    Field(Box<FField>),
}

/// `{value!conversion:spec}` in an f-string.
#[derive(Debug)]
pub(crate) struct FField {
    pub(crate) value: Expr,
    /// 0 none, or [`brine_vm::bytecode::format_value`]'s `STR`, `REPR`, `ASCII`.
    pub(crate) conversion: u32,
    /// The format spec, itself an f-string.
    pub(crate) spec: Option<Vec<FPart>>,
}
