//! Reading nodes and envelopes from MessagePack bytes: a cursor over the
//! input that checks every length against what is left before it takes
//! it, so no hand-made length allocates more than the input holds.

use rmp::Marker;

use crate::envelope::{Entry, Envelope};
use crate::error::Error;
use crate::node::{Node, EXT_BIGINT, EXT_REF, EXT_UNDEF};

/// The most list items reserved ahead of reading them.
const MAX_RESERVE: usize = 1024;

/// One value as read, before it is a [`Node`]: a list is only its length.
enum Item<'a> {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
    Bin(&'a [u8]),
    List(usize),
    Ref(u32),
    Undef,
    BigInt(&'a [u8]),
}

/// What is left of the input, and how deep lists may nest.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
    max_depth: usize,
}

/// Why bytes are not a well-formed pickle. It is one word, so the
/// reader's results stay small; it becomes [`Error::Decode`] where the
/// reader is left.
#[derive(Clone, Copy, Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct Malformed(&'static str);

impl From<Malformed> for Error {
    fn from(m: Malformed) -> Error {
        Error::Decode(m.0.to_owned())
    }
}

fn bad(message: &'static str) -> Malformed {
    Malformed(message)
}

impl<'a> Reader<'a> {
    /// A reader of `bytes` whose lists nest at most `max_depth` deep.
    pub(crate) fn new(bytes: &'a [u8], max_depth: usize) -> Reader<'a> {
        Reader {
            rest: bytes,
            max_depth,
        }
    }

    /// Whether every byte was read.
    pub(crate) fn at_end(&self) -> bool {
        self.rest.is_empty()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        if n > self.rest.len() {
            return Err(bad("the pickle is truncated"));
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Malformed> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn marker(&mut self) -> Result<Marker, Malformed> {
        let [b] = self.array::<1>()?;
        Ok(Marker::from_u8(b))
    }

    fn len8(&mut self) -> Result<usize, Malformed> {
        Ok(usize::from(self.array::<1>()?[0]))
    }

    fn len16(&mut self) -> Result<usize, Malformed> {
        Ok(usize::from(u16::from_be_bytes(self.array()?)))
    }

    fn len32(&mut self) -> Result<usize, Malformed> {
        usize::try_from(u32::from_be_bytes(self.array()?)).map_err(|_| bad("a length too large"))
    }

    /// Read the length of the array that comes next.
    fn array_len(&mut self) -> Result<usize, Malformed> {
        match self.marker()? {
            Marker::FixArray(n) => Ok(usize::from(n)),
            Marker::Array16 => self.len16(),
            Marker::Array32 => self.len32(),
            _ => Err(bad("a list was expected")),
        }
    }

    /// Read an array header of exactly `n` items.
    fn array_of(&mut self, n: usize, wrong: &'static str) -> Result<(), Malformed> {
        if self.array_len()? == n {
            Ok(())
        } else {
            Err(bad(wrong))
        }
    }

    /// Read an unsigned int that fits in 32 bits.
    fn u32(&mut self) -> Result<u32, Malformed> {
        match self.node(0)? {
            Node::Int(i) => u32::try_from(i).map_err(|_| bad("an int out of range")),
            _ => Err(bad("an int was expected")),
        }
    }

    /// Read a string.
    fn string(&mut self) -> Result<String, Malformed> {
        match self.node(0)? {
            Node::Str(s) => Ok(s),
            _ => Err(bad("a str was expected")),
        }
    }

    fn str_data(&mut self, n: usize) -> Result<Item<'a>, Malformed> {
        std::str::from_utf8(self.take(n)?)
            .map(Item::Str)
            .map_err(|_| bad("a str that is not UTF-8"))
    }

    fn ext_data(&mut self, n: usize) -> Result<Item<'a>, Malformed> {
        let [tag] = self.array::<1>()?;
        let data = self.take(n)?;
        match tag as i8 {
            EXT_REF => data
                .try_into()
                .map(|b| Item::Ref(u32::from_be_bytes(b)))
                .map_err(|_| bad("bad object reference")),
            EXT_UNDEF => Ok(Item::Undef),
            EXT_BIGINT if !data.is_empty() => Ok(Item::BigInt(data)),
            _ => Err(bad("an unknown extension type")),
        }
    }

    /// Read the next value, a list only as its length: the items follow.
    fn item(&mut self) -> Result<Item<'a>, Malformed> {
        Ok(match self.marker()? {
            Marker::Null => Item::Nil,
            Marker::True => Item::Bool(true),
            Marker::False => Item::Bool(false),
            Marker::FixPos(n) => Item::Int(i64::from(n)),
            Marker::FixNeg(n) => Item::Int(i64::from(n)),
            Marker::U8 => Item::Int(i64::from(self.array::<1>()?[0])),
            Marker::U16 => Item::Int(i64::from(u16::from_be_bytes(self.array()?))),
            Marker::U32 => Item::Int(i64::from(u32::from_be_bytes(self.array()?))),
            Marker::U64 => Item::Int(
                i64::try_from(u64::from_be_bytes(self.array()?))
                    .map_err(|_| bad("int out of range"))?,
            ),
            Marker::I8 => Item::Int(i64::from(i8::from_be_bytes(self.array()?))),
            Marker::I16 => Item::Int(i64::from(i16::from_be_bytes(self.array()?))),
            Marker::I32 => Item::Int(i64::from(i32::from_be_bytes(self.array()?))),
            Marker::I64 => Item::Int(i64::from_be_bytes(self.array()?)),
            Marker::F32 => Item::Float(f64::from(f32::from_be_bytes(self.array()?))),
            Marker::F64 => Item::Float(f64::from_be_bytes(self.array()?)),
            Marker::FixStr(n) => self.str_data(usize::from(n))?,
            Marker::Str8 => {
                let n = self.len8()?;
                self.str_data(n)?
            }
            Marker::Str16 => {
                let n = self.len16()?;
                self.str_data(n)?
            }
            Marker::Str32 => {
                let n = self.len32()?;
                self.str_data(n)?
            }
            Marker::Bin8 => {
                let n = self.len8()?;
                Item::Bin(self.take(n)?)
            }
            Marker::Bin16 => {
                let n = self.len16()?;
                Item::Bin(self.take(n)?)
            }
            Marker::Bin32 => {
                let n = self.len32()?;
                Item::Bin(self.take(n)?)
            }
            Marker::FixArray(n) => Item::List(usize::from(n)),
            Marker::Array16 => Item::List(self.len16()?),
            Marker::Array32 => Item::List(self.len32()?),
            Marker::FixExt1 => self.ext_data(1)?,
            Marker::FixExt2 => self.ext_data(2)?,
            Marker::FixExt4 => self.ext_data(4)?,
            Marker::FixExt8 => self.ext_data(8)?,
            Marker::FixExt16 => self.ext_data(16)?,
            Marker::Ext8 => {
                let n = self.len8()?;
                self.ext_data(n)?
            }
            Marker::Ext16 => {
                let n = self.len16()?;
                self.ext_data(n)?
            }
            Marker::Ext32 => {
                let n = self.len32()?;
                self.ext_data(n)?
            }
            Marker::FixMap(_) | Marker::Map16 | Marker::Map32 => {
                return Err(bad("a map where a pickle value was expected"))
            }
            Marker::Reserved => return Err(bad("a reserved MessagePack marker")),
        })
    }

    fn check_depth(&self, depth: usize) -> Result<(), Malformed> {
        if depth >= self.max_depth {
            return Err(bad("the pickle is nested too deeply"));
        }
        Ok(())
    }

    /// Read one node, `depth` lists deep.
    fn node(&mut self, depth: usize) -> Result<Node, Malformed> {
        let mut one = Vec::with_capacity(1);
        self.node_into(&mut one, depth)?;
        one.pop().ok_or_else(|| bad("no value"))
    }

    /// Read one node, `depth` lists deep, onto the end of `out` (built in
    /// place: a node is never moved through a `Result`).
    fn node_into(&mut self, out: &mut Vec<Node>, depth: usize) -> Result<(), Malformed> {
        out.push(match self.item()? {
            Item::Nil => Node::Nil,
            Item::Bool(b) => Node::Bool(b),
            Item::Int(i) => Node::Int(i),
            Item::Float(f) => Node::Float(f),
            Item::Str(s) => Node::Str(s.to_owned()),
            Item::Bin(b) => Node::Bin(b.to_vec()),
            Item::Ref(i) => Node::Ref(i),
            Item::Undef => Node::Undef,
            Item::BigInt(b) => Node::BigInt(b.to_vec()),
            Item::List(n) => Node::List(self.items(n, depth)?),
        });
        Ok(())
    }

    /// Read the `n` items of a list `depth` lists deep.
    fn items(&mut self, n: usize, depth: usize) -> Result<Vec<Node>, Malformed> {
        self.check_depth(depth)?;
        let mut items = Vec::with_capacity(n.min(MAX_RESERVE));
        for _ in 0..n {
            self.node_into(&mut items, depth + 1)?;
        }
        Ok(items)
    }

    /// Read a list of nodes whose items sit `depth` lists deep.
    fn nodes(&mut self, depth: usize) -> Result<Vec<Node>, Malformed> {
        let n = self.array_len()?;
        self.items(n, depth.saturating_sub(1))
    }

    /// Read one entry of the object table.
    fn entry(&mut self) -> Result<Entry, Malformed> {
        self.array_of(3, "an entry of the wrong length")?;
        Ok(Entry {
            tag: self.u32()?,
            args: self.nodes(3)?,
            state: self.nodes(3)?,
        })
    }

    /// Read a whole envelope.
    pub(crate) fn envelope(&mut self) -> Result<Envelope, Malformed> {
        self.array_of(7, "an envelope of the wrong length")?;
        let format = self.string()?;
        let version = self.u32()?;
        let magic = self.u32()?;
        let flags = match self.node(0)? {
            Node::Int(i) => i,
            _ => return Err(bad("the flags are not an int")),
        };
        let n = self.array_len()?;
        let mut tags = Vec::with_capacity(n.min(MAX_RESERVE));
        for _ in 0..n {
            tags.push(self.string()?);
        }
        let root = self.node(1)?;
        let n = self.array_len()?;
        let mut entries = Vec::with_capacity(n.min(MAX_RESERVE));
        for _ in 0..n {
            entries.push(self.entry()?);
        }
        Ok(Envelope {
            format,
            version,
            magic,
            flags,
            tags,
            root,
            entries,
        })
    }
}
