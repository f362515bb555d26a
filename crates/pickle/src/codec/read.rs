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

    /// How many bytes are left unread.
    pub(crate) fn remaining(&self) -> usize {
        self.rest.len()
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

/// How far bytes go towards whole MessagePack values, found without
/// building them (see [`scan`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scan {
    /// How many bytes, from the start, hold whole values.
    pub(crate) used: usize,
    /// How many values are still to come after them; 0 once the values
    /// asked for are whole, or at bytes no pickle holds (a map, a reserved
    /// marker), which are then left for the reader to report.
    pub(crate) pending: u64,
    /// The fewest bytes that must follow the ones scanned before the
    /// pending values can be whole (every value takes at least one byte),
    /// so reading that many never reads past them.
    pub(crate) need: u64,
}

/// How a value is laid out after its marker byte.
#[derive(Clone, Copy)]
struct Shape {
    /// Bytes of the big-endian length after the marker (0, 1, 2 or 4).
    len_bytes: usize,
    /// An extension type byte follows the length.
    ext: bool,
    /// The data bytes, or the items of an array, when the marker alone
    /// says how many (added to the length read, if any).
    fixed: usize,
    /// The value is an array: the count is of values that follow, not bytes.
    array: bool,
}

impl Shape {
    const fn data(len_bytes: usize, ext: bool, fixed: usize) -> Option<Shape> {
        Some(Shape {
            len_bytes,
            ext,
            fixed,
            array: false,
        })
    }

    const fn array(len_bytes: usize, fixed: usize) -> Option<Shape> {
        Some(Shape {
            len_bytes,
            ext: false,
            fixed,
            array: true,
        })
    }
}

/// The layout of a value by its marker; `None` for what no pickle holds.
fn shape(m: Marker) -> Option<Shape> {
    match m {
        Marker::Null | Marker::True | Marker::False | Marker::FixPos(_) | Marker::FixNeg(_) => {
            Shape::data(0, false, 0)
        }
        Marker::U8 | Marker::I8 => Shape::data(0, false, 1),
        Marker::U16 | Marker::I16 => Shape::data(0, false, 2),
        Marker::U32 | Marker::I32 | Marker::F32 => Shape::data(0, false, 4),
        Marker::U64 | Marker::I64 | Marker::F64 => Shape::data(0, false, 8),
        Marker::FixStr(n) => Shape::data(0, false, usize::from(n)),
        Marker::Str8 | Marker::Bin8 => Shape::data(1, false, 0),
        Marker::Str16 | Marker::Bin16 => Shape::data(2, false, 0),
        Marker::Str32 | Marker::Bin32 => Shape::data(4, false, 0),
        Marker::FixExt1 => Shape::data(0, true, 1),
        Marker::FixExt2 => Shape::data(0, true, 2),
        Marker::FixExt4 => Shape::data(0, true, 4),
        Marker::FixExt8 => Shape::data(0, true, 8),
        Marker::FixExt16 => Shape::data(0, true, 16),
        Marker::Ext8 => Shape::data(1, true, 0),
        Marker::Ext16 => Shape::data(2, true, 0),
        Marker::Ext32 => Shape::data(4, true, 0),
        Marker::FixArray(n) => Shape::array(0, usize::from(n)),
        Marker::Array16 => Shape::array(2, 0),
        Marker::Array32 => Shape::array(4, 0),
        Marker::FixMap(_) | Marker::Map16 | Marker::Map32 | Marker::Reserved => None,
    }
}

/// Skip `pending` whole values from the start of `bytes` (a pickle is
/// one: its envelope), as far as the bytes go. The state between two
/// calls is only the count of pending values, so a stream is read in
/// pieces: scan what was read, keep the bytes past `used`, read `need`
/// more, and scan again from there with the new `pending`.
pub(crate) fn scan(bytes: &[u8], mut pending: u64) -> Scan {
    let mut used = 0;
    while pending > 0 {
        let rest = bytes.get(used..).unwrap_or_default();
        let short = |len: usize| Scan {
            used,
            pending,
            need: (len - rest.len()) as u64 + (pending - 1),
        };
        let Some(&marker) = rest.first() else {
            return short(1);
        };
        let Some(s) = shape(Marker::from_u8(marker)) else {
            return Scan {
                used,
                pending: 0,
                need: 0,
            };
        };
        let head = 1 + s.len_bytes + usize::from(s.ext);
        if rest.len() < head {
            return short(head);
        }
        let len = rest
            .get(1..1 + s.len_bytes)
            .unwrap_or_default()
            .iter()
            .fold(0usize, |n, b| n << 8 | usize::from(*b));
        let count = s.fixed.saturating_add(len);
        let whole = if s.array {
            head
        } else {
            head.saturating_add(count)
        };
        if rest.len() < whole {
            return short(whole);
        }
        used += whole;
        pending -= 1;
        if s.array {
            pending = pending.saturating_add(count as u64);
        }
    }
    Scan {
        used,
        pending: 0,
        need: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::scan;
    use crate::envelope::{Entry, Envelope, FORMAT_NAME, FORMAT_VERSION};
    use crate::node::Node;

    /// An envelope holding every kind of node, long strings and bins among them.
    fn sample() -> Vec<u8> {
        let nodes = vec![
            Node::Nil,
            Node::Bool(true),
            Node::Int(-3),
            Node::Int(1 << 40),
            Node::Float(0.5),
            Node::Str("s".repeat(300)),
            Node::Bin(vec![7; 70_000]),
            Node::BigInt(vec![1; 9]),
            Node::Undef,
            Node::Ref(0),
            Node::List((0..20).map(Node::Int).collect()),
        ];
        let env = Envelope {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            magic: 1,
            flags: 0,
            tags: vec!["list".into()],
            root: Node::Ref(0),
            entries: vec![Entry {
                tag: 0,
                args: nodes.clone(),
                state: vec![Node::List(nodes)],
            }],
        };
        let mut out = Vec::new();
        crate::codec::encode_into(&env, &mut out).expect("encodes");
        out
    }

    /// Read `bytes` as a stream does: `need` more bytes at a time.
    fn read_in_pieces(bytes: &[u8]) -> (usize, usize) {
        let (mut done, mut read, mut pending, mut need) = (0, 0, 1, 1);
        let mut reads = 0;
        while pending > 0 && read < bytes.len() {
            read = (read + need as usize).min(bytes.len());
            reads += 1;
            let s = scan(&bytes[done..read], pending);
            done += s.used;
            pending = s.pending;
            need = s.need;
        }
        (read, reads)
    }

    #[test]
    fn pieces_end_exactly_at_the_end_of_the_pickle() {
        let one = sample();
        let mut two = one.clone();
        two.extend_from_slice(b"the next pickle");
        let (read, reads) = read_in_pieces(&two);
        assert_eq!(read, one.len());
        // The sample holds about seventy values: pending ones are read together.
        assert!(reads < 40, "{reads} reads");
    }

    #[test]
    fn whole_bytes_scan_at_once_and_cut_bytes_never() {
        let one = sample();
        let s = scan(&one, 1);
        assert_eq!((s.used, s.pending, s.need), (one.len(), 0, 0));
        for cut in 0..one.len() {
            let s = scan(&one[..cut], 1);
            assert!(s.pending > 0 && s.need > 0, "cut at {cut}");
            assert!(cut + s.need as usize <= one.len(), "cut at {cut} overreads");
        }
    }

    #[test]
    fn a_map_stops_the_scan() {
        let s = scan(&[0x80, 1, 2], 1);
        assert_eq!((s.used, s.pending), (0, 0));
    }
}
