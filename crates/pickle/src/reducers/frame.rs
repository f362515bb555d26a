//! Frames, as part of a tasklet, a generator or a coroutine: there is no
//! reducer for frames of their own (as in Stackless), so an application
//! may register one.
//!
//! ```text
//!  frame: [code, pc, [slots…], nlocals, [cells…], [[target, depth, handling]…],
//!          [handling…], globals, namespace, then]
//!  then:  [variant, fields…]
//! ```
//! A frame that cannot run after loading (its code has another magic
//! number, or it belonged to a tasklet that was not restorable) is loaded
//! invalid: running it raises `RuntimeError`.

use brine_vm::frame::{GenMode, Handler, Then, INVALID_PC};
use brine_vm::{BinOp, CmpOp, Frame, Obj};

use crate::dump::Values;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;

const BIN_OPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];

const CMP_OPS: [CmpOp; 6] = [
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Gt,
    CmpOp::Ge,
];

/// The special methods whose result a continuation checks.
const CHECKED_METHODS: [&str; 9] = [
    "__str__",
    "__repr__",
    "__format__",
    "__len__",
    "__index__",
    "__hash__",
    "__int__",
    "__float__",
    "__bool__",
];

/// The node of a frame.
pub(crate) fn dump_frame(cx: &mut Values<'_>, f: &Frame) -> Result<Node, Error> {
    Ok(Node::List(vec![
        cx.obj(f.code_id),
        Node::Int(i64::from(f.pc)),
        cx.values(&f.slots),
        Node::Int(i64::from(f.nlocals)),
        Node::List(f.cells.iter().map(|c| cx.obj(*c)).collect()),
        Node::List(
            f.handlers
                .iter()
                .map(|h| {
                    Node::List(vec![
                        Node::Int(i64::from(h.target)),
                        Node::Int(i64::from(h.depth)),
                        Node::Int(i64::from(h.handling)),
                    ])
                })
                .collect(),
        ),
        cx.values(&f.handling),
        cx.obj(f.globals),
        f.namespace.map_or(Node::Nil, |n| cx.obj(n)),
        dump_then(cx, &f.then)?,
    ]))
}

fn op_index<T: PartialEq>(all: &[T], op: &T) -> Node {
    Node::Int(all.iter().position(|x| x == op).unwrap_or(0) as i64)
}

pub(crate) fn dump_then(cx: &mut Values<'_>, t: &Then) -> Result<Node, Error> {
    let v = |i: i64| Node::Int(i);
    Ok(Node::List(match t {
        Then::Push => vec![v(0)],
        Then::Discard => vec![v(1)],
        Then::Finish => vec![v(2)],
        Then::InitPush { instance } => vec![v(3), cx.value(*instance)],
        Then::InitCheck { instance, next } => {
            vec![v(4), cx.value(*instance), dump_then(cx, next)?]
        }
        Then::Truth { invert } => vec![v(5), Node::Bool(*invert)],
        Then::TruthJump {
            target,
            jump_if,
            keep,
        } => vec![
            v(6),
            v(i64::from(*target)),
            Node::Bool(*jump_if),
            cx.value(*keep),
        ],
        Then::BinaryRight { op, lhs, rhs } => {
            vec![v(7), op_index(&BIN_OPS, op), cx.value(*lhs), cx.value(*rhs)]
        }
        Then::InplaceFallback { op, lhs, rhs } => {
            vec![v(8), op_index(&BIN_OPS, op), cx.value(*lhs), cx.value(*rhs)]
        }
        Then::BinaryFail { op, lhs, rhs } => {
            vec![v(9), op_index(&BIN_OPS, op), cx.value(*lhs), cx.value(*rhs)]
        }
        Then::CompareRight { op, lhs, rhs } => {
            vec![
                v(10),
                op_index(&CMP_OPS, op),
                cx.value(*lhs),
                cx.value(*rhs),
            ]
        }
        Then::CompareFail { op, lhs, rhs } => {
            vec![
                v(11),
                op_index(&CMP_OPS, op),
                cx.value(*lhs),
                cx.value(*rhs),
            ]
        }
        Then::ForIter { target } => vec![v(12), v(i64::from(*target))],
        Then::Gen { gen, mode, next } => {
            let mode = match mode {
                GenMode::ForIter { target } => Node::List(vec![v(0), v(i64::from(*target))]),
                GenMode::Next => Node::List(vec![v(1)]),
                GenMode::NextDefault { default } => Node::List(vec![v(2), cx.value(*default)]),
                GenMode::YieldFrom => Node::List(vec![v(3)]),
                GenMode::Close => Node::List(vec![v(4)]),
            };
            vec![v(13), cx.obj(*gen), mode, dump_then(cx, next)?]
        }
        Then::StrCheck { method } | Then::IntCheck { method } => {
            let i = CHECKED_METHODS
                .iter()
                .position(|m| m == method)
                .ok_or_else(|| Error::Unpicklable {
                    type_name: format!("continuation of {method}"),
                })?;
            let variant = if matches!(t, Then::StrCheck { .. }) {
                14
            } else {
                15
            };
            vec![v(variant), v(i as i64)]
        }
        Then::BuildClass {
            meta,
            name,
            bases,
            ns,
            kwargs,
        } => vec![
            v(16),
            cx.value(*meta),
            cx.value(*name),
            cx.value(*bases),
            cx.obj(*ns),
            cx.value(*kwargs),
        ],
        Then::Import { module, push } => vec![v(17), cx.obj(*module), cx.value(*push)],
        Then::EnterWith => vec![v(18)],
        Then::Stored => vec![v(19)],
        Then::SetItem => vec![v(20)],
        Then::PushThenNull => vec![v(21)],
        Then::Delegate => vec![v(22)],
        Then::RaiseAfter { exc } => vec![v(23), cx.value(*exc)],
        Then::Awaitable => vec![v(24)],
    }))
}

fn u32_of(cx: &LoadCx<'_>, n: &Node) -> Result<u32, Error> {
    u32::try_from(cx.int(n)?).map_err(|_| cx.bad("a count out of range"))
}

fn pick<T: Copy>(cx: &LoadCx<'_>, all: &[T], n: &Node) -> Result<T, Error> {
    usize::try_from(cx.int(n)?)
        .ok()
        .and_then(|i| all.get(i).copied())
        .ok_or_else(|| cx.bad("an unknown operator"))
}

/// Load a frame; `valid` is false for a frame of a tasklet that was not restorable.
pub(crate) fn load_frame(cx: &mut LoadCx<'_>, n: &Node, valid: bool) -> Result<Frame, Error> {
    let p = n.as_list().ok_or_else(|| cx.bad("a frame is not a list"))?;
    let code_id = cx.id(cx.arg(p, 0)?)?;
    let Obj::Code(code) = cx.vm.heap.get(code_id) else {
        return Err(cx.bad("a frame's code is not a code object"));
    };
    let code = code.clone();
    let mut pc = u32_of(cx, cx.arg(p, 1)?)?;
    let slots = cx.values(cx.arg(p, 2)?)?;
    let nlocals = u32_of(cx, cx.arg(p, 3)?)?;
    if nlocals as usize != code.code.varnames.len()
        || slots.len() < nlocals as usize
        || slots.len() > nlocals as usize + code.code.max_stack as usize + 1
        || (pc != INVALID_PC && pc as usize > code.code.instructions.len())
    {
        return Err(cx.bad("a frame does not fit its code"));
    }
    let cells = cx
        .arg(p, 4)?
        .as_list()
        .ok_or_else(|| cx.bad("cells are not a list"))?
        .iter()
        .map(|c| cx.id(c))
        .collect::<Result<Vec<_>, _>>()?;
    if cells.len() != code.ncells() {
        return Err(cx.bad("a frame has the wrong number of cells"));
    }
    let mut handlers = Vec::new();
    for h in cx.arg(p, 5)?.as_list().unwrap_or_default() {
        let h = h.as_list().unwrap_or_default();
        let handler = Handler {
            target: u32_of(cx, cx.arg(h, 0)?)?,
            depth: u32_of(cx, cx.arg(h, 1)?)?,
            handling: u32_of(cx, cx.arg(h, 2)?)?,
        };
        if handler.target as usize >= code.code.instructions.len() {
            return Err(cx.bad("a handler outside the code"));
        }
        handlers.push(handler);
    }
    let handling = cx.values(cx.arg(p, 6)?)?;
    let globals = cx.id(cx.arg(p, 7)?)?;
    let namespace = match cx.arg(p, 8)? {
        Node::Nil => None,
        n => Some(cx.id(n)?),
    };
    let then = load_then(cx, cx.arg(p, 9)?)?;
    if !valid || code.invalid {
        pc = INVALID_PC;
        handlers.clear();
    }
    Ok(Frame {
        code_id,
        code,
        pc,
        slots,
        nlocals,
        cells,
        handlers,
        handling,
        globals,
        namespace,
        then,
    })
}

pub(crate) fn load_then(cx: &mut LoadCx<'_>, n: &Node) -> Result<Then, Error> {
    let p = n
        .as_list()
        .ok_or_else(|| cx.bad("a continuation is not a list"))?;
    let variant = cx.int(cx.arg(p, 0)?)?;
    let val = |cx: &mut LoadCx<'_>, i: usize| -> Result<brine_vm::Value, Error> {
        let n = cx.arg(p, i)?;
        cx.value(n)
    };
    let bin = |cx: &mut LoadCx<'_>| -> Result<(BinOp, brine_vm::Value, brine_vm::Value), Error> {
        Ok((pick(cx, &BIN_OPS, cx.arg(p, 1)?)?, val(cx, 2)?, val(cx, 3)?))
    };
    let cmp = |cx: &mut LoadCx<'_>| -> Result<(CmpOp, brine_vm::Value, brine_vm::Value), Error> {
        Ok((pick(cx, &CMP_OPS, cx.arg(p, 1)?)?, val(cx, 2)?, val(cx, 3)?))
    };
    Ok(match variant {
        0 => Then::Push,
        1 => Then::Discard,
        2 => Then::Finish,
        3 => Then::InitPush {
            instance: val(cx, 1)?,
        },
        4 => Then::InitCheck {
            instance: val(cx, 1)?,
            next: Box::new(load_then(cx, cx.arg(p, 2)?)?),
        },
        5 => Then::Truth {
            invert: matches!(cx.arg(p, 1)?, Node::Bool(true)),
        },
        6 => Then::TruthJump {
            target: u32_of(cx, cx.arg(p, 1)?)?,
            jump_if: matches!(cx.arg(p, 2)?, Node::Bool(true)),
            keep: val(cx, 3)?,
        },
        7 => {
            let (op, lhs, rhs) = bin(cx)?;
            Then::BinaryRight { op, lhs, rhs }
        }
        8 => {
            let (op, lhs, rhs) = bin(cx)?;
            Then::InplaceFallback { op, lhs, rhs }
        }
        9 => {
            let (op, lhs, rhs) = bin(cx)?;
            Then::BinaryFail { op, lhs, rhs }
        }
        10 => {
            let (op, lhs, rhs) = cmp(cx)?;
            Then::CompareRight { op, lhs, rhs }
        }
        11 => {
            let (op, lhs, rhs) = cmp(cx)?;
            Then::CompareFail { op, lhs, rhs }
        }
        12 => Then::ForIter {
            target: u32_of(cx, cx.arg(p, 1)?)?,
        },
        13 => {
            let gen = cx.id(cx.arg(p, 1)?)?;
            let m = cx
                .arg(p, 2)?
                .as_list()
                .ok_or_else(|| cx.bad("a generator mode is not a list"))?;
            let mode = match cx.int(cx.arg(m, 0)?)? {
                0 => GenMode::ForIter {
                    target: u32_of(cx, cx.arg(m, 1)?)?,
                },
                1 => GenMode::Next,
                2 => GenMode::NextDefault {
                    default: {
                        let n = cx.arg(m, 1)?;
                        cx.value(n)?
                    },
                },
                3 => GenMode::YieldFrom,
                4 => GenMode::Close,
                _ => return Err(cx.bad("an unknown generator mode")),
            };
            let next = Box::new(load_then(cx, cx.arg(p, 3)?)?);
            Then::Gen { gen, mode, next }
        }
        14 | 15 => {
            let method = pick(cx, &CHECKED_METHODS, cx.arg(p, 1)?)?;
            if variant == 14 {
                Then::StrCheck { method }
            } else {
                Then::IntCheck { method }
            }
        }
        16 => Then::BuildClass {
            meta: val(cx, 1)?,
            name: val(cx, 2)?,
            bases: val(cx, 3)?,
            ns: cx.id(cx.arg(p, 4)?)?,
            kwargs: val(cx, 5)?,
        },
        17 => Then::Import {
            module: cx.id(cx.arg(p, 1)?)?,
            push: val(cx, 2)?,
        },
        18 => Then::EnterWith,
        19 => Then::Stored,
        20 => Then::SetItem,
        21 => Then::PushThenNull,
        22 => Then::Delegate,
        23 => Then::RaiseAfter { exc: val(cx, 1)? },
        24 => Then::Awaitable,
        _ => return Err(cx.bad("an unknown continuation")),
    })
}
