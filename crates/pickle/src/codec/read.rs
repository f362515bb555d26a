//! Reading nodes and envelopes from MessagePack bytes: a cursor over the
//! input that checks every length against what is left before it takes
//! it, so no hand-made length allocates more than the input holds.

use rmp::Marker;

use crate::envelope::{Entry, Envelope};
use crate::error::Error;
use crate::node::{Node, EXT_BIGINT, EXT_REF, EXT_UNDEF};

/// The most list items reserved ahead of reading them.
const MAX_RESERVE: usize = 1024;

/// What is left of the input, and how deep lists may nest.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
    max_depth: usize,
}

fn bad(message: &str) -> Error {
    Error::Decode(message.to_owned())
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

    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.rest.len() {
            return Err(bad("the pickle is truncated"));
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn marker(&mut self) -> Result<Marker, Error> {
        let [b] = self.array::<1>()?;
        Ok(Marker::from_u8(b))
    }

    fn len8(&mut self) -> Result<usize, Error> {
        Ok(usize::from(self.array::<1>()?[0]))
    }

    fn len16(&mut self) -> Result<usize, Error> {
        Ok(usize::from(u16::from_be_bytes(self.array()?)))
    }

    fn len32(&mut self) -> Result<usize, Error> {
        usize::try_from(u32::from_be_bytes(self.array()?)).map_err(|_| bad("a length too large"))
    }

    /// Read the length of the array that comes next.
    pub(crate) fn array_len(&mut self) -> Result<usize, Error> {
        match self.marker()? {
            Marker::FixArray(n) => Ok(usize::from(n)),
            Marker::Array16 => self.len16(),
            Marker::Array32 => self.len32(),
            _ => Err(bad("a list was expected")),
        }
    }

    /// Read an array header of exactly `n` items.
    fn array_of(&mut self, n: usize, what: &str) -> Result<(), Error> {
        if self.array_len()? == n {
            Ok(())
        } else {
            Err(Error::Decode(format!("{what} of the wrong length")))
        }
    }

    /// Read an unsigned int that fits in 32 bits.
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        match self.node(0)? {
            Node::Int(i) => u32::try_from(i).map_err(|_| bad("an int out of range")),
            _ => Err(bad("an int was expected")),
        }
    }

    /// Read a string.
    pub(crate) fn string(&mut self) -> Result<String, Error> {
        match self.node(0)? {
            Node::Str(s) => Ok(s),
            _ => Err(bad("a str was expected")),
        }
    }

    fn str_data(&mut self, n: usize) -> Result<Node, Error> {
        let b = self.take(n)?;
        std::str::from_utf8(b)
            .map(|s| Node::Str(s.to_owned()))
            .map_err(|_| bad("a str that is not UTF-8"))
    }

    fn ext_data(&mut self, n: usize) -> Result<Node, Error> {
        let [tag] = self.array::<1>()?;
        let data = self.take(n)?;
        match tag as i8 {
            EXT_REF => data
                .try_into()
                .map(|b| Node::Ref(u32::from_be_bytes(b)))
                .map_err(|_| bad("bad object reference")),
            EXT_UNDEF => Ok(Node::Undef),
            EXT_BIGINT if !data.is_empty() => Ok(Node::BigInt(data.to_vec())),
            tag => Err(Error::Decode(format!("unknown extension type {tag}"))),
        }
    }

    fn list(&mut self, n: usize, depth: usize) -> Result<Node, Error> {
        if depth >= self.max_depth {
            return Err(bad("the pickle is nested too deeply"));
        }
        let mut items = Vec::with_capacity(n.min(MAX_RESERVE));
        for _ in 0..n {
            items.push(self.node(depth + 1)?);
        }
        Ok(Node::List(items))
    }

    /// Read one node, `depth` lists deep.
    pub(crate) fn node(&mut self, depth: usize) -> Result<Node, Error> {
        Ok(match self.marker()? {
            Marker::Null => Node::Nil,
            Marker::True => Node::Bool(true),
            Marker::False => Node::Bool(false),
            Marker::FixPos(n) => Node::Int(i64::from(n)),
            Marker::FixNeg(n) => Node::Int(i64::from(n)),
            Marker::U8 => Node::Int(i64::from(self.array::<1>()?[0])),
            Marker::U16 => Node::Int(i64::from(u16::from_be_bytes(self.array()?))),
            Marker::U32 => Node::Int(i64::from(u32::from_be_bytes(self.array()?))),
            Marker::U64 => Node::Int(
                i64::try_from(u64::from_be_bytes(self.array()?))
                    .map_err(|_| bad("int out of range"))?,
            ),
            Marker::I8 => Node::Int(i64::from(i8::from_be_bytes(self.array()?))),
            Marker::I16 => Node::Int(i64::from(i16::from_be_bytes(self.array()?))),
            Marker::I32 => Node::Int(i64::from(i32::from_be_bytes(self.array()?))),
            Marker::I64 => Node::Int(i64::from_be_bytes(self.array()?)),
            Marker::F32 => Node::Float(f64::from(f32::from_be_bytes(self.array()?))),
            Marker::F64 => Node::Float(f64::from_be_bytes(self.array()?)),
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
                Node::Bin(self.take(n)?.to_vec())
            }
            Marker::Bin16 => {
                let n = self.len16()?;
                Node::Bin(self.take(n)?.to_vec())
            }
            Marker::Bin32 => {
                let n = self.len32()?;
                Node::Bin(self.take(n)?.to_vec())
            }
            Marker::FixArray(n) => self.list(usize::from(n), depth)?,
            Marker::Array16 => {
                let n = self.len16()?;
                self.list(n, depth)?
            }
            Marker::Array32 => {
                let n = self.len32()?;
                self.list(n, depth)?
            }
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

    /// Read a list of nodes whose items sit `depth` lists deep.
    fn nodes(&mut self, depth: usize) -> Result<Vec<Node>, Error> {
        match self.node(depth.saturating_sub(1))? {
            Node::List(items) => Ok(items),
            _ => Err(bad("a list was expected")),
        }
    }

    /// Read one entry of the object table.
    pub(crate) fn entry(&mut self) -> Result<Entry, Error> {
        self.array_of(3, "an entry")?;
        Ok(Entry {
            tag: self.u32()?,
            args: self.nodes(3)?,
            state: self.nodes(3)?,
        })
    }

    /// Read a whole envelope.
    pub(crate) fn envelope(&mut self) -> Result<Envelope, Error> {
        self.array_of(7, "the envelope")?;
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
