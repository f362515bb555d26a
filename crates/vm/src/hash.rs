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
        self.hkey_depth(v, 0)
    }

    fn hkey_depth(&mut self, v: Value, depth: usize) -> R<HKey> {
        if depth > 500 {
            return self.fail(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            );
        }
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
                        keys.push(self.hkey_depth(x, depth + 1)?);
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
                        return self.hkey_depth(base, depth + 1);
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

    /// `hash(v)` for values whose hash needs no user code (CPython's value
    /// for numbers and tuples of them).
    pub fn hash_native(&mut self, v: Value) -> R<i64> {
        if let Some(Num::F(f)) = self.num(v) {
            return Ok(hash_float(f));
        }
        let k = self.hkey(v)?;
        Ok(py_hash(&k))
    }
}

/// CPython's hash of an int of any size.
pub fn hash_big(b: &num_bigint::BigInt) -> i64 {
    let m = num_bigint::BigInt::from(HASH_MODULUS);
    let r = i64::try_from(b.magnitude() % m.magnitude()).unwrap_or(0);
    let r = if b.sign() == num_bigint::Sign::Minus {
        -r
    } else {
        r
    };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// The hash CPython gives a key: exact for ints, floats, bools and tuples of
/// them and for user `__hash__` results; brine's own stable hash otherwise
/// (CPython's is randomised or address-based there).
pub fn py_hash(k: &HKey) -> i64 {
    match k {
        HKey::Int(i) => hash_int(*i),
        HKey::BigInt(b) => hash_big(b),
        HKey::Float(bits) => hash_float(f64::from_bits(*bits)),
        HKey::User(h, _) => *h,
        HKey::Tuple(items) => {
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for it in items.iter() {
                let lane = py_hash(it) as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        other => {
            let h = other.hash_u64() as i64;
            if h == -1 {
                -2
            } else {
                h
            }
        }
    }
}

/// The order CPython iterates a set whose elements were added in `keys`'
/// order: the slot order of its open-addressing table, simulated with the
/// same probing, growth and re-insertion rules (`Objects/setobject.c`).
pub fn cpython_set_order<'k>(keys: impl Iterator<Item = &'k HKey>) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    fn insert_clean(table: &mut [Option<(usize, u64)>], idx: usize, hash: u64) {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            if table[i].is_none() {
                table[i] = Some((idx, hash));
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].is_none() {
                        table[i + j] = Some((idx, hash));
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<(usize, u64)>> = vec![None; 8];
    let mut used = 0usize;
    for (idx, k) in keys.enumerate() {
        let hash = py_hash(k) as u64;
        insert_clean(&mut table, idx, hash);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (i, h) in old.into_iter().flatten() {
                insert_clean(&mut table, i, h);
            }
        }
    }
    table.into_iter().flatten().map(|(i, _)| i).collect()
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
