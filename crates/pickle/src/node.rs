//! The codec-neutral tree a reducer writes: MessagePack's own types, plus
//! three small extension types.
//!
//! ```text
//!  Nil  Bool  Int  Float  Str  Bin  List[..]     MessagePack's own types
//!  Ref(i)    ext 1, 4 bytes: the i-th entry of the object table
//!  Undef     ext 2, 1 byte:  no value (an unbound local, an empty cell)
//!  BigInt    ext 3:          an int beyond 64 bits, little-endian two's complement
//! ```
//! Values are never serde's externally tagged enums (`{"Int": 5}`): a
//! pickle is about a third smaller and faster without them.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The extension type of an object reference.
pub(crate) const EXT_REF: i8 = 1;
/// The extension type of the `Undef` marker.
pub(crate) const EXT_UNDEF: i8 = 2;
/// The extension type of a big int.
pub(crate) const EXT_BIGINT: i8 = 3;

/// The name serde formats use for an extension type (MessagePack's `ext`).
pub(crate) const EXT_STRUCT_NAME: &str = "_ExtStruct";

/// One value of a reduction.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `None`, or an absent optional part.
    Nil,
    /// A bool.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A float.
    Float(f64),
    /// Text.
    Str(String),
    /// Bytes.
    Bin(Vec<u8>),
    /// A sequence of nodes.
    List(Vec<Node>),
    /// An entry of the object table.
    Ref(u32),
    /// No value.
    Undef,
    /// An int beyond 64 bits: little-endian two's complement bytes.
    BigInt(Vec<u8>),
}

impl Node {
    /// The int this node holds.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Node::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The text this node holds.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The nodes this list holds.
    pub fn as_list(&self) -> Option<&[Node]> {
        match self {
            Node::List(v) => Some(v),
            _ => None,
        }
    }

    /// The table entry this node refers to.
    pub fn as_ref_index(&self) -> Option<u32> {
        match self {
            Node::Ref(i) => Some(*i),
            _ => None,
        }
    }
}

/// Bytes serialised as MessagePack `bin`, not as a list of ints.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

fn ext<S: Serializer>(s: S, tag: i8, data: &[u8]) -> Result<S::Ok, S::Error> {
    s.serialize_newtype_struct(EXT_STRUCT_NAME, &(tag, Bytes(data)))
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Nil => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Int(i) => s.serialize_i64(*i),
            Node::Float(f) => s.serialize_f64(*f),
            Node::Str(t) => s.serialize_str(t),
            Node::Bin(b) => s.serialize_bytes(b),
            Node::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for n in items {
                    seq.serialize_element(n)?;
                }
                seq.end()
            }
            Node::Ref(i) => ext(s, EXT_REF, &i.to_be_bytes()),
            Node::Undef => ext(s, EXT_UNDEF, &[0]),
            Node::BigInt(b) => ext(s, EXT_BIGINT, b),
        }
    }
}

/// The most list items reserved ahead of reading them: a hand-made length
/// never allocates more than the input can fill.
const MAX_RESERVE: usize = 1024;

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a pickle value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Nil)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Nil)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Node, E> {
        Ok(Node::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Node, E> {
        Ok(Node::Int(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Node, E> {
        i64::try_from(u)
            .map(Node::Int)
            .map_err(|_| E::custom("int out of range"))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Node, E> {
        Ok(Node::Float(f))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Node, E> {
        Ok(Node::Str(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Node, E> {
        Ok(Node::Str(s))
    }

    fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<Node, E> {
        Ok(Node::Bin(b.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, b: Vec<u8>) -> Result<Node, E> {
        Ok(Node::Bin(b))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVE));
        while let Some(n) = seq.next_element()? {
            items.push(n);
        }
        Ok(Node::List(items))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_tuple(2, ExtVisitor)
    }
}

/// An extension type: its tag, then its payload.
struct ExtVisitor;

impl<'de> Visitor<'de> for ExtVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an extension type")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let tag: i8 = seq
            .next_element()?
            .ok_or_else(|| de::Error::custom("an extension type without a tag"))?;
        seq.next_element_seed(ExtPayload(tag))?
            .ok_or_else(|| de::Error::custom("an extension type without a payload"))
    }
}

/// The payload of an extension type with tag `.0`, read straight into a
/// node: a reference, the commonest, allocates nothing.
struct ExtPayload(i8);

impl<'de> de::DeserializeSeed<'de> for ExtPayload {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_bytes(self)
    }
}

impl<'de> Visitor<'de> for ExtPayload {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("extension bytes")
    }

    fn visit_bytes<E: de::Error>(self, data: &[u8]) -> Result<Node, E> {
        match self.0 {
            EXT_REF => {
                let b: [u8; 4] = data
                    .try_into()
                    .map_err(|_| E::custom("bad object reference"))?;
                Ok(Node::Ref(u32::from_be_bytes(b)))
            }
            EXT_UNDEF => Ok(Node::Undef),
            EXT_BIGINT if !data.is_empty() => Ok(Node::BigInt(data.to_vec())),
            tag => Err(E::custom(format!("unknown extension type {tag}"))),
        }
    }

    fn visit_borrowed_bytes<E: de::Error>(self, data: &'de [u8]) -> Result<Node, E> {
        self.visit_bytes(data)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}
