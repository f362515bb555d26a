//! Arithmetic on ints (any size) and floats with CPython's results and errors.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::BinOp;
use crate::native::R;
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// A number taken out of a value.
#[derive(Clone, Debug)]
pub enum Num {
    /// An int that fits in 64 bits (bools too).
    I(i64),
    /// A larger int.
    B(Rc<BigInt>),
    /// A float.
    F(f64),
}

impl Num {
    /// As a big int (floats are not ints).
    pub fn big(&self) -> Option<BigInt> {
        match self {
            Num::I(i) => Some(BigInt::from(*i)),
            Num::B(b) => Some((**b).clone()),
            Num::F(_) => None,
        }
    }
}

/// Convert a big int to f64 the way CPython does (error when too large).
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

impl Vm {
    /// The number inside a value, if it is an int, bool or float.
    #[inline]
    pub fn num(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::I(i)),
            Value::Bool(b) => Some(Num::I(i64::from(b))),
            Value::Float(f) => Some(Num::F(f)),
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Int(b) => Some(Num::B(b.clone())),
                Obj::Instance(i) if !i.base.is_undef() => self.num(i.base),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a value is an int beyond 64 bits.
    pub fn is_bigint(&self, v: Value) -> bool {
        matches!(v, Value::Obj(id) if matches!(self.heap.get(id), Obj::Int(_)))
    }

    /// An int value from a big int, small when it fits.
    pub fn int_from_big(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => self.alloc(Obj::Int(Rc::new(b))),
        }
    }

    /// A number as f64, for mixed arithmetic.
    pub fn num_to_f64(&mut self, n: &Num) -> R<f64> {
        match n {
            Num::I(i) => Ok(*i as f64),
            Num::F(f) => Ok(*f),
            Num::B(b) => match big_to_f64(b) {
                Some(f) => Ok(f),
                None => self.fail(ExcKind::OverflowError, "int too large to convert to float"),
            },
        }
    }

    /// `a op b` for numbers; `None` when `op` does not apply (e.g. `@`).
    pub fn num_binop(&mut self, op: BinOp, a: Num, b: Num) -> R<Option<Value>> {
        if let (Num::F(_), _) | (_, Num::F(_)) = (&a, &b) {
            if matches!(
                op,
                BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
            ) {
                return Ok(None);
            }
            let x = self.num_to_f64(&a)?;
            let y = self.num_to_f64(&b)?;
            return self.float_binop(op, x, y).map(Some);
        }
        if op == BinOp::TrueDiv {
            return self.int_truediv(&a, &b).map(Some);
        }
        if let (Num::I(x), Num::I(y)) = (&a, &b) {
            if let Some(v) = crate::interp::int_fast_pub(op, *x, *y) {
                return Ok(Some(v));
            }
        }
        let (Some(x), Some(y)) = (a.big(), b.big()) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return self.fail(
                        ExcKind::ZeroDivisionError,
                        "integer division or modulo by zero",
                    );
                }
                x.div_floor(&y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return self.fail(ExcKind::ZeroDivisionError, "integer modulo by zero");
                }
                x.mod_floor(&y)
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let fx = self.num_to_f64(&Num::B(Rc::new(x)))?;
                    let fy = self.num_to_f64(&Num::B(Rc::new(y)))?;
                    return self.float_binop(BinOp::Pow, fx, fy).map(Some);
                }
                let Some(e) = y.to_u32() else {
                    return self.fail(ExcKind::OverflowError, "exponent too large");
                };
                num_traits::pow(x, e as usize)
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return self.fail(ExcKind::ValueError, "negative shift count");
                }
                let Some(s) = y.to_usize() else {
                    return self.fail(ExcKind::OverflowError, "too many digits in integer");
                };
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return self.fail(ExcKind::ValueError, "negative shift count");
                }
                let s = y.to_usize().unwrap_or(usize::MAX);
                if s > 1 << 40 {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> s
                }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::TrueDiv | BinOp::MatMul => return Ok(None),
        };
        Ok(Some(self.int_from_big(r)))
    }

    fn int_truediv(&mut self, a: &Num, b: &Num) -> R<Value> {
        if let (Num::I(x), Num::I(y)) = (a, b) {
            if *y == 0 {
                return self.fail(ExcKind::ZeroDivisionError, "division by zero");
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Value::Float(*x as f64 / *y as f64));
            }
        }
        let (Some(x), Some(y)) = (a.big(), b.big()) else {
            return self.fail(ExcKind::TypeError, "bad operands");
        };
        if y.is_zero() {
            return self.fail(ExcKind::ZeroDivisionError, "division by zero");
        }
        match exact_int_div(&x, &y) {
            Some(f) => Ok(Value::Float(f)),
            None => self.fail(
                ExcKind::OverflowError,
                "integer division result too large for a float",
            ),
        }
    }

    /// `a op b` for floats.
    pub fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> R<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return self.fail(ExcKind::ZeroDivisionError, "float division by zero");
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return self.fail(ExcKind::ZeroDivisionError, "float floor division by zero");
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return self.fail(ExcKind::ZeroDivisionError, "float modulo");
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return self.fail(
                        ExcKind::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return self.fail(ExcKind::ValueError, "complex numbers are not supported");
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return self.fail(
                        ExcKind::OverflowError,
                        "(34, 'Numerical result out of range')",
                    );
                }
                r
            }
            _ => return self.fail(ExcKind::TypeError, "bad float operation"),
        };
        Ok(Value::Float(r))
    }
}

/// CPython's float divmod: the floor quotient and a remainder with the sign of `y`.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x / y` for ints, rounded once from the exact quotient to the nearest
/// double (ties to even), as CPython does; `None` when it is too large.
fn exact_int_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.magnitude(), y.magnitude());
    let sign = if negative { -1.0 } else { 1.0 };
    if a.is_zero() {
        return Some(sign * 0.0);
    }
    // Scale so the quotient has 55 or 56 bits, two beyond a double's;
    // a last bit set when the division is inexact breaks ties.
    let shift = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 {
        (a << shift as u64, b.clone())
    } else {
        (a.clone(), b << shift.unsigned_abs())
    };
    let (q, r) = num.div_rem(&den);
    let sticky = u64::from(!r.is_zero());
    let m = q.to_u64()? << 1 | sticky;
    let f = scale_by_power_of_two(m as f64, -(shift + 1));
    f.is_finite().then_some(sign * f)
}

/// `f * 2**k`, in steps that stay within a double's exponent range.
pub(crate) fn scale_by_power_of_two(mut f: f64, mut k: i64) -> f64 {
    while k > 1000 {
        f *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        f *= 2f64.powi(-1000);
        k += 1000;
    }
    f * 2f64.powi(k as i32)
}
