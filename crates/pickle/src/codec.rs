//! The MessagePack codec: the only file that names rmp-serde.
//!
//! Envelopes are written and read by [`write`] and [`read`] without serde,
//! byte for byte as rmp-serde writes them through [`Node`]'s `Serialize`
//! (which stays for other serde formats); code objects, brine-vm's own
//! serde types, go through rmp-serde.
//!
//! [`Node`]: crate::Node

mod read;
mod write;

pub(crate) use self::read::scan;
pub(crate) use self::write::{entry as write_entry, head as write_head, Head};

use crate::envelope::Envelope;
use crate::error::Error;

/// Write `env` as MessagePack at the end of `out` (a buffer the caller may reuse).
///
/// # Errors
/// Never for a well-formed envelope; an encoder error is reported as [`Error::Encode`].
pub fn encode_into(env: &Envelope, out: &mut Vec<u8>) -> Result<(), Error> {
    write::envelope(out, env)
}

/// Read an envelope from MessagePack bytes, nested at most `max_depth` deep.
///
/// # Errors
/// Truncated or malformed bytes: [`Error::Decode`].
pub fn decode(bytes: &[u8], max_depth: usize) -> Result<Envelope, Error> {
    let (env, used) = decode_prefix(bytes, max_depth)?;
    if used != bytes.len() {
        return Err(Error::Decode("trailing bytes after the pickle".into()));
    }
    Ok(env)
}

/// Read the envelope at the start of `bytes`, nested at most `max_depth`
/// deep, and how many bytes it takes; what follows it is left unread (as
/// CPython's `pickle.loads` leaves what follows the `STOP` opcode).
///
/// # Errors
/// Truncated or malformed bytes: [`Error::Decode`].
pub fn decode_prefix(bytes: &[u8], max_depth: usize) -> Result<(Envelope, usize), Error> {
    let mut r = read::Reader::new(bytes, max_depth);
    let env = r.envelope()?;
    Ok((env, bytes.len() - r.remaining()))
}

/// Encode a serde value (a code object) as MessagePack bytes, to be
/// carried inside a pickle as `bin`.
///
/// # Errors
/// Never for brine's own types; an encoder error is reported as [`Error::Encode`].
pub(crate) fn encode_value<T: serde::Serialize>(v: &T) -> Result<Vec<u8>, Error> {
    rmp_serde::to_vec(v).map_err(|e| Error::Encode(e.to_string()))
}

/// Decode a serde value written by [`encode_value`].
///
/// # Errors
/// Malformed bytes: [`Error::Decode`].
pub(crate) fn decode_value<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let mut de = rmp_serde::Deserializer::from_read_ref(bytes);
    de.set_max_depth(256);
    serde::Deserialize::deserialize(&mut de).map_err(|e| Error::Decode(e.to_string()))
}
