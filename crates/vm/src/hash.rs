//! Dict keys from values, and `hash()`.

use crate::native::R;
use crate::num::Num;
use crate::object::Obj;
use crate::objects::dict::{HKey, StrKey};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's modulus for numeric hashes (2**61 - 1).
const HASH_MODULUS: i64 = (1 << 61) - 1;

impl Vm {
    /// The dict key of a value, or `TypeError: unhashable type`.
    pub fn hkey(&mut self, v: Value) -> R<HKey> {
        Ok(match v {
            Value::None | Value::Undef => HKey::None,
            Value::Bool(b) => HKey::Int(i64::from(b)),
            Value::Int(i) => HKey::Int(i),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    HKey::Int(f as i64)
                } else if f.fract() == 0.0 && f.is_finite() {
                    HKey::BigInt(std::rc::Rc::new(num_bigint::BigInt::from(f as i128)))
                } else if f == 0.0 {
                    HKey::Int(0)
                } else {
                    HKey::Float(f.to_bits())
                }
            }
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Str(s) => HKey::Str(StrKey {
                    s: s.s.clone(),
                    hash: s.hash,
                }),
                Obj::Int(b) => HKey::BigInt(b.clone()),
                Obj::Bytes(b) => HKey::Bytes(b.clone()),
                Obj::Tuple(items) => {
                    let items = items.clone();
                    let mut keys = Vec::with_capacity(items.len());
                    for x in items {
                        keys.push(self.hkey(x)?);
                    }
                    HKey::Tuple(keys.into())
                }
                Obj::FrozenSet(s) => {
                    let mut keys: Vec<HKey> = s.keys().cloned().collect();
                    keys.sort_by_key(|k| k.hash_u64());
                    HKey::FrozenSet(keys.into())
                }
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Slice { .. } => {
                    let t = self.type_name(v);
                    return self.fail(ExcKind::TypeError, format!("unhashable type: '{t}'"));
                }
                Obj::Instance(i) => {
                    let base = i.base;
                    if !base.is_undef() && !self.has_user_method(v, "__hash__") {
                        return self.hkey(base);
                    }
                    if self.has_user_method(v, "__eq__") && !self.has_user_method(v, "__hash__") {
                        let t = self.type_name(v);
                        return self.fail(ExcKind::TypeError, format!("unhashable type: '{t}'"));
                    }
                    if let Some(Value::None) = self.lookup_special(v, "__hash__") {
                        let t = self.type_name(v);
                        return self.fail(ExcKind::TypeError, format!("unhashable type: '{t}'"));
                    }
                    if self.has_user_method(v, "__hash__") {
                        return match i.key {
                            Some((h, canon)) => Ok(HKey::User(h, canon)),
                            None => Err(crate::native::Ctl::NeedKey(v)),
                        };
                    }
                    HKey::Id(id)
                }
                _ => HKey::Id(id),
            },
        })
    }

    /// `hash(v)` for values whose hash needs no user code.
    pub fn hash_native(&mut self, v: Value) -> R<i64> {
        if let Some(n) = self.num(v) {
            return Ok(match n {
                Num::I(i) => hash_int(i),
                Num::B(b) => {
                    let m = num_bigint::BigInt::from(HASH_MODULUS);
                    let r: num_bigint::BigInt = ((&*b % &m) + &m) % &m;
                    let r = i64::try_from(r).unwrap_or(0);
                    let r = if b.sign() == num_bigint::Sign::Minus {
                        r - HASH_MODULUS
                    } else {
                        r
                    };
                    if r == -1 {
                        -2
                    } else {
                        r
                    }
                }
                Num::F(f) => hash_float(f),
            });
        }
        let k = self.hkey(v)?;
        let h = k.hash_u64() as i64;
        Ok(if h == -1 { -2 } else { h })
    }
}

/// CPython's hash of an int that fits in 64 bits.
pub fn hash_int(i: i64) -> i64 {
    let neg = i < 0;
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let r = if neg { -m } else { m };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// CPython's hash of a float (integral floats hash like ints).
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    let (m, e) = frexp(f.abs());
    let mut mant = m;
    let mut exp = e;
    let mut x: u64 = 0;
    let modulus = HASH_MODULUS as u64;
    while mant != 0.0 {
        x = ((x << 28) & modulus) | (x >> (61 - 28));
        mant *= 268_435_456.0;
        exp -= 28;
        let y = mant as u64;
        mant -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let exp = if exp >= 0 {
        exp % 61
    } else {
        61 - 1 - ((-1 - exp) % 61)
    };
    x = ((x << exp) & modulus) | (x >> (61 - exp));
    let r = if f < 0.0 { -(x as i64) } else { x as i64 };
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}
