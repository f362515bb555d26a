//! The envelope: what a pickle is, then its root and its object table.
//!
//! ```text
//!  [ "brine-pickle", version, magic, flags, [tags…], root, [[tag, args, state]…] ]
//! ```
//! An object refers to others by their index in the table (`Node::Ref`),
//! never by nesting, so the depth of a pickle does not grow with the depth
//! of what it holds.

use serde::{Deserialize, Serialize};

use crate::node::Node;

/// The format name every brine pickle starts with.
pub const FORMAT_NAME: &str = "brine-pickle";

/// The version of the format; a pickle of another version is refused.
pub const FORMAT_VERSION: u32 = 1;

/// One object of the table: its type tag (an index into the envelope's
/// tags), what constructs it and the state set afterwards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Index into [`Envelope::tags`].
    pub tag: u32,
    /// Constructor arguments.
    pub args: Vec<Node>,
    /// State set once every object exists.
    pub state: Vec<Node>,
}

/// A whole pickle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// [`FORMAT_NAME`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// The bytecode magic number of the VM that wrote it.
    pub magic: u32,
    /// The pickle flags it was written with.
    pub flags: i64,
    /// The type tags the table uses, each once.
    pub tags: Vec<String>,
    /// The pickled value.
    pub root: Node,
    /// The object table.
    pub entries: Vec<Entry>,
}
