//! `Value`: what a variable, a stack slot or a container element holds.

use serde::{Deserialize, Serialize};

use crate::heap::ObjId;

/// A Python value: small immediates inline, everything else an id into the heap.
///
/// `Value` is `Copy` and 16 bytes (a tag plus 8 bytes of payload).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// No value: an unbound local, an empty cell, the NULL of `LoadMethod`.
    /// Never visible to Python code.
    Undef,
    /// `None`
    #[default]
    None,
    /// `True` / `False`
    Bool(bool),
    /// An int that fits in 64 bits; larger ints are heap objects.
    Int(i64),
    /// A float.
    Float(f64),
    /// Any heap object.
    Obj(ObjId),
}

impl Value {
    /// The heap object this value refers to, if any.
    #[inline]
    pub fn obj(self) -> Option<ObjId> {
        match self {
            Value::Obj(id) => Some(id),
            _ => None,
        }
    }

    /// Whether this is the `Undef` marker.
    #[inline]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }

    /// Identity comparison (`is`).
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_a_tag_plus_eight_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
