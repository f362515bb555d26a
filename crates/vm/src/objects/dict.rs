//! Dicts and sets: insertion-ordered hash tables keyed by [`HKey`].
//!
//! A key is reduced to an `HKey` that Rust can hash and compare without the
//! heap: equal Python keys (`1`, `1.0`, `True`) reduce to equal `HKey`s.
//! Iteration order is insertion order, so printing and pickling never depend
//! on hashing.

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use rustc_hash::FxBuildHasher;

use crate::heap::ObjId;
use crate::value::Value;

/// A str key with its precomputed hash.
#[derive(Clone, Debug)]
pub struct StrKey {
    /// The text.
    pub s: Rc<str>,
    /// Its hash, computed once when the str was made.
    pub hash: u64,
}

impl PartialEq for StrKey {
    fn eq(&self, other: &StrKey) -> bool {
        self.hash == other.hash && (Rc::ptr_eq(&self.s, &other.s) || self.s == other.s)
    }
}
impl Eq for StrKey {}

/// A dict or set key reduced to plain Rust data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HKey {
    /// `None`
    None,
    /// An int, or a bool, or a float with an integral value that fits.
    Int(i64),
    /// An int beyond 64 bits.
    BigInt(Rc<BigInt>),
    /// A float that is not integral (bits of the f64; NaN compares by identity).
    Float(u64),
    /// A str.
    Str(StrKey),
    /// A bytes value.
    Bytes(Rc<[u8]>),
    /// A tuple of hashable values.
    Tuple(Rc<[HKey]>),
    /// A frozenset: its elements' keys, sorted by hash for order independence.
    FrozenSet(Rc<[HKey]>),
    /// An object hashed by identity (instances, functions, classes, …).
    Id(ObjId),
    /// An object whose class defines `__hash__`: the hash it returned, and
    /// the object, compared by identity.
    User(i64, ObjId),
}

impl Hash for HKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash_u64());
    }
}

/// FNV-1a of bytes: the stable hash brine uses for str and bytes.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl HKey {
    /// Whether both are the same str key (the same text, usually the same
    /// shared allocation).
    #[inline]
    pub fn same_str(&self, other: &HKey) -> bool {
        match (self, other) {
            (HKey::Str(a), HKey::Str(b)) => {
                Rc::ptr_eq(&a.s, &b.s) || (a.hash == b.hash && a.s == b.s)
            }
            _ => false,
        }
    }

    /// A hash consistent with equality; also what `hash()` builds on.
    pub fn hash_u64(&self) -> u64 {
        match self {
            HKey::None => 0xfca8_6420,
            HKey::Int(i) => *i as u64,
            HKey::BigInt(b) => hash_bytes(&b.to_signed_bytes_le()),
            HKey::Float(bits) => *bits,
            HKey::Str(k) => k.hash,
            HKey::Bytes(b) => hash_bytes(b),
            HKey::Tuple(items) => {
                let mut h: u64 = 0x345678;
                for k in items.iter() {
                    h = (h ^ k.hash_u64()).wrapping_mul(1_000_003);
                }
                h
            }
            HKey::FrozenSet(items) => items
                .iter()
                .fold(0x1234_5678u64, |h, k| h ^ k.hash_u64().rotate_left(7)),
            HKey::Id(id) => u64::from(id.0).wrapping_mul(0x9e37_79b9_7f4a_7c15),
            HKey::User(h, _) => *h as u64,
        }
    }
}

/// Entries of a dict: key -> (original key value, value).
pub type DictMap = IndexMap<HKey, (Value, Value), FxBuildHasher>;

/// Elements of a set: key -> original value.
pub type SetMap = IndexMap<HKey, Value, FxBuildHasher>;

/// A set's elements in the order CPython would iterate them.
pub fn set_order(s: &SetMap) -> Vec<Value> {
    crate::hash::cpython_set_order(s.keys())
        .into_iter()
        .filter_map(|i| s.get_index(i).map(|(_, v)| *v))
        .collect()
}

/// A dict.
#[derive(Clone, Debug, Default)]
pub struct Dict {
    /// The entries in insertion order.
    pub map: DictMap,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// The value for a key.
    #[inline]
    pub fn get(&self, k: &HKey) -> Option<Value> {
        self.map.get(k).map(|e| e.1)
    }

    /// Set a key; a key already present keeps its place and original key.
    #[inline]
    pub fn insert(&mut self, k: HKey, key: Value, value: Value) {
        match self.map.get_mut(&k) {
            Some(e) => e.1 = value,
            None => {
                self.map.insert(k, (key, value));
            }
        }
    }

    /// Remove a key, keeping the order of the others.
    pub fn remove(&mut self, k: &HKey) -> Option<(Value, Value)> {
        self.map.shift_remove(k)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
