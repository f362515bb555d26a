//! Writing nodes and envelopes as MessagePack, straight into a byte buffer.
//!
//! The bytes are those serde and rmp-serde write for the same [`Node`]
//! (its `Serialize` is the codec-neutral path); this writer skips serde's
//! machinery, so the pickler can write each entry the moment it is reduced.

use rmp::{encode, Marker};

use crate::envelope::{Entry, Envelope};
use crate::error::Error;
use crate::node::{Node, EXT_BIGINT, EXT_REF, EXT_UNDEF};

fn failed(e: impl std::fmt::Display) -> Error {
    Error::Encode(e.to_string())
}

/// The length of a list, string or payload as MessagePack stores it.
fn len32(n: usize) -> Result<u32, Error> {
    u32::try_from(n).map_err(|_| Error::Encode(format!("{n} items are too many for one list")))
}

/// Write an array header of `n` items.
#[inline]
pub(crate) fn array_len(out: &mut Vec<u8>, n: usize) -> Result<(), Error> {
    if n < 16 {
        out.push(Marker::FixArray(n as u8).to_u8());
        return Ok(());
    }
    encode::write_array_len(out, len32(n)?).map_err(failed)?;
    Ok(())
}

fn uint(out: &mut Vec<u8>, n: u64) -> Result<(), Error> {
    encode::write_uint(out, n).map_err(failed)?;
    Ok(())
}

fn ext(out: &mut Vec<u8>, tag: i8, data: &[u8]) -> Result<(), Error> {
    encode::write_ext_meta(out, len32(data.len())?, tag).map_err(failed)?;
    out.extend_from_slice(data);
    Ok(())
}

/// Write one node. The commonest nodes (nil, bools, small ints, short
/// lists, references) are one to six bytes, written here without rmp's
/// general writers.
pub(crate) fn node(out: &mut Vec<u8>, n: &Node) -> Result<(), Error> {
    match n {
        Node::Nil => {
            out.push(Marker::Null.to_u8());
            Ok(())
        }
        Node::Bool(b) => {
            out.push(if *b { Marker::True } else { Marker::False }.to_u8());
            Ok(())
        }
        Node::Int(i @ 0..=127) => {
            out.push(*i as u8);
            Ok(())
        }
        Node::Int(i) => encode::write_sint(out, *i).map(drop).map_err(failed),
        Node::Float(f) => encode::write_f64(out, *f).map_err(failed),
        Node::Str(s) => encode::write_str(out, s).map_err(failed),
        Node::Bin(b) => encode::write_bin(out, b).map_err(failed),
        Node::List(items) => nodes(out, items),
        Node::Ref(i) => {
            let [a, b, c, d] = i.to_be_bytes();
            out.extend_from_slice(&[Marker::FixExt4.to_u8(), EXT_REF as u8, a, b, c, d]);
            Ok(())
        }
        Node::Undef => ext(out, EXT_UNDEF, &[0]),
        Node::BigInt(b) => ext(out, EXT_BIGINT, b),
    }
}

/// Write a list of nodes.
pub(crate) fn nodes(out: &mut Vec<u8>, items: &[Node]) -> Result<(), Error> {
    array_len(out, items.len())?;
    items.iter().try_for_each(|n| node(out, n))
}

/// Write one entry of the object table.
pub(crate) fn entry(
    out: &mut Vec<u8>,
    tag: u32,
    args: &[Node],
    state: &[Node],
) -> Result<(), Error> {
    array_len(out, 3)?;
    uint(out, u64::from(tag))?;
    nodes(out, args)?;
    nodes(out, state)
}

/// The head of an envelope: everything before its entries.
pub(crate) struct Head<'a> {
    /// The format name.
    pub(crate) format: &'a str,
    /// The format version.
    pub(crate) version: u32,
    /// The bytecode magic number.
    pub(crate) magic: u32,
    /// The pickle flags.
    pub(crate) flags: i64,
    /// The type tags.
    pub(crate) tags: &'a [String],
    /// The root.
    pub(crate) root: &'a Node,
    /// How many entries follow.
    pub(crate) n_entries: usize,
}

/// Write the head of an envelope; its entries follow it.
pub(crate) fn head(out: &mut Vec<u8>, h: &Head<'_>) -> Result<(), Error> {
    array_len(out, 7)?;
    encode::write_str(out, h.format).map_err(failed)?;
    uint(out, u64::from(h.version))?;
    uint(out, u64::from(h.magic))?;
    encode::write_sint(out, h.flags).map_err(failed)?;
    array_len(out, h.tags.len())?;
    for t in h.tags {
        encode::write_str(out, t).map_err(failed)?;
    }
    node(out, h.root)?;
    array_len(out, h.n_entries)
}

/// Write a whole envelope.
pub(crate) fn envelope(out: &mut Vec<u8>, env: &Envelope) -> Result<(), Error> {
    head(
        out,
        &Head {
            format: &env.format,
            version: env.version,
            magic: env.magic,
            flags: env.flags,
            tags: &env.tags,
            root: &env.root,
            n_entries: env.entries.len(),
        },
    )?;
    env.entries
        .iter()
        .try_for_each(|e: &Entry| entry(out, e.tag, &e.args, &e.state))
}
