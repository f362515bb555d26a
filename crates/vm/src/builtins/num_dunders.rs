//! The arithmetic special methods of `int` and `float` as attributes:
//! what `super().__add__(other)` in an `int` subclass, or
//! `(5).__add__(3)`, call. Each works on the built-in values (a subclass
//! instance's base value) and gives `NotImplemented` for other operands.

use crate::builtins::def;
use crate::bytecode::BinOp;
use crate::native::{Args, NativeDef, NativeKind::Method as M, R};
use crate::num::Num;
use crate::value::Value;
use crate::vm::Vm;

/// `self op other`, or `other op self` when `reflected`. An `int`
/// method takes ints only; a `float` method takes ints and floats.
fn apply(vm: &mut Vm, args: &Args, op: BinOp, reflected: bool, float: bool) -> R<Value> {
    let name = if reflected { op.rdunder() } else { op.dunder() };
    vm.arity_m(name, args, 2, 2)?;
    let (a, b) = (vm.unwrap_base(args.pos[0]), vm.unwrap_base(args.pos[1]));
    let takes = |vm: &Vm, v: Value| match vm.num(v) {
        Some(Num::F(_)) => float,
        Some(_) => true,
        None => false,
    };
    if !takes(vm, a) || !takes(vm, b) {
        return Ok(vm.not_implemented);
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(vm.binary_native(op, x, y)?.unwrap_or(vm.not_implemented))
}

/// Methods `f` (`self op other`) and `rf` (reflected) for `op`, of
/// `float` when `float`, else of `int`.
macro_rules! dunders {
    ($float:expr; $($op:ident: $f:ident, $rf:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> R<Value> {
                apply(vm, &args, BinOp::$op, false, $float)
            }
            fn $rf(vm: &mut Vm, args: Args) -> R<Value> {
                apply(vm, &args, BinOp::$op, true, $float)
            }
        )*
    };
}

dunders! {
    false;
    Add: add, radd;
    Sub: sub, rsub;
    Mul: mul, rmul;
    TrueDiv: truediv, rtruediv;
    FloorDiv: floordiv, rfloordiv;
    Mod: modulo, rmodulo;
    Pow: power, rpower;
    LShift: lshift, rlshift;
    RShift: rshift, rrshift;
    And: and, rand;
    Or: or, ror;
    Xor: xor, rxor;
}

dunders! {
    true;
    Add: fadd, fradd;
    Sub: fsub, frsub;
    Mul: fmul, frmul;
    TrueDiv: ftruediv, frtruediv;
    FloorDiv: ffloordiv, frfloordiv;
    Mod: fmodulo, frmodulo;
    Pow: fpower, frpower;
}

pub(crate) const NATIVES: &[NativeDef] = &[
    def("int.__add__", M, add),
    def("int.__radd__", M, radd),
    def("int.__sub__", M, sub),
    def("int.__rsub__", M, rsub),
    def("int.__mul__", M, mul),
    def("int.__rmul__", M, rmul),
    def("int.__truediv__", M, truediv),
    def("int.__rtruediv__", M, rtruediv),
    def("int.__floordiv__", M, floordiv),
    def("int.__rfloordiv__", M, rfloordiv),
    def("int.__mod__", M, modulo),
    def("int.__rmod__", M, rmodulo),
    def("int.__pow__", M, power),
    def("int.__rpow__", M, rpower),
    def("int.__lshift__", M, lshift),
    def("int.__rlshift__", M, rlshift),
    def("int.__rshift__", M, rshift),
    def("int.__rrshift__", M, rrshift),
    def("int.__and__", M, and),
    def("int.__rand__", M, rand),
    def("int.__or__", M, or),
    def("int.__ror__", M, ror),
    def("int.__xor__", M, xor),
    def("int.__rxor__", M, rxor),
    def("float.__add__", M, fadd),
    def("float.__radd__", M, fradd),
    def("float.__sub__", M, fsub),
    def("float.__rsub__", M, frsub),
    def("float.__mul__", M, fmul),
    def("float.__rmul__", M, frmul),
    def("float.__truediv__", M, ftruediv),
    def("float.__rtruediv__", M, frtruediv),
    def("float.__floordiv__", M, ffloordiv),
    def("float.__rfloordiv__", M, frfloordiv),
    def("float.__mod__", M, fmodulo),
    def("float.__rmod__", M, frmodulo),
    def("float.__pow__", M, fpower),
    def("float.__rpow__", M, frpower),
];
