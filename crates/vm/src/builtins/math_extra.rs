//! The `math` functions of hyperbolic angles, logarithms near 1, cube
//! roots, and the mantissa and exponent of a float (`frexp`, `ldexp`).

use crate::builtins::def;
use crate::builtins::modules::{float_arg, math1};
use crate::native::{Args, NativeDef, NativeKind::Function as F, R};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("math.log1p", F, log1p),
    def("math.expm1", F, expm1),
    def("math.exp2", F, exp2),
    def("math.cbrt", F, cbrt),
    def("math.sinh", F, sinh),
    def("math.cosh", F, cosh),
    def("math.tanh", F, tanh),
    def("math.asinh", F, asinh),
    def("math.acosh", F, acosh),
    def("math.atanh", F, atanh),
    def("math.frexp", F, frexp),
    def("math.ldexp", F, ldexp),
];

fn log1p(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "log1p", f64::ln_1p)
}

fn expm1(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "expm1", f64::exp_m1)
}

fn exp2(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "exp2", f64::exp2)
}

fn cbrt(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "cbrt", f64::cbrt)
}

fn sinh(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "sinh", f64::sinh)
}

fn cosh(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "cosh", f64::cosh)
}

fn tanh(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "tanh", f64::tanh)
}

fn asinh(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "asinh", f64::asinh)
}

fn acosh(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "acosh", f64::acosh)
}

fn atanh(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("atanh", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x.abs() >= 1.0 {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    Ok(Value::Float(x.atanh()))
}

/// `x` as `m * 2**e` with `0.5 <= |m| < 1` (zero, infinities and NaN
/// with exponent 0).
fn split_float(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = split_float(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

fn frexp(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("frexp", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    let (m, e) = split_float(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("ldexp", &args, 2, 2)?;
    let x = float_arg(vm, &args, 0)?;
    let Value::Int(e) = args.pos[1] else {
        return vm.fail(
            ExcKind::TypeError,
            "Expected an int as second argument to ldexp.",
        );
    };
    let r = crate::num::scale_by_power_of_two(x, e.clamp(-100_000, 100_000));
    if r.is_infinite() && x.is_finite() {
        return vm.fail(ExcKind::OverflowError, "math range error");
    }
    Ok(Value::Float(r))
}
