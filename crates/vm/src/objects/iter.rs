//! Built-in iterators, as plain data that can be suspended and pickled.

use crate::heap::ObjId;
use crate::object::ViewKind;
use crate::value::Value;

/// The state of a built-in iterator.
#[derive(Clone, Debug)]
pub enum IterState {
    /// Over a list or tuple (a list is read live).
    Seq {
        /// The list or tuple.
        seq: ObjId,
        /// The next index.
        idx: usize,
    },
    /// Over the characters of a str.
    Str {
        /// The str.
        s: ObjId,
        /// Byte offset of the next character.
        pos: usize,
    },
    /// Over the ints of a bytes value.
    Bytes {
        /// The bytes.
        b: ObjId,
        /// The next index.
        idx: usize,
    },
    /// Over a range.
    Range {
        /// The next value.
        cur: i64,
        /// The end (exclusive).
        stop: i64,
        /// The step.
        step: i64,
    },
    /// Over a dict's keys, values or items.
    Dict {
        /// The dict.
        dict: ObjId,
        /// The next entry index.
        idx: usize,
        /// What it yields.
        kind: ViewKind,
        /// The dict's size when iteration started.
        len: usize,
    },
    /// Over a set or frozenset, in CPython's iteration order.
    Set {
        /// The set.
        set: ObjId,
        /// The next position in `order`.
        idx: usize,
        /// The set's size when iteration started.
        len: usize,
        /// Entry indices in iteration order.
        order: Vec<u32>,
    },
    /// `enumerate(it, start)`.
    Enumerate {
        /// The underlying built-in iterator.
        it: Value,
        /// The next count.
        count: i64,
    },
    /// `zip(*its)`.
    Zip {
        /// The underlying built-in iterators.
        its: Vec<Value>,
    },
    /// `reversed(seq)` over a list, tuple, str or range materialised as a list.
    Reversed {
        /// The list or tuple.
        seq: ObjId,
        /// How many items are left (the next index plus one).
        left: usize,
    },
    /// An exhausted iterator.
    Done,
}

impl IterState {
    /// Add the id of every object the iterator refers to.
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        match self {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => out.push(*seq),
            IterState::Str { s, .. } => out.push(*s),
            IterState::Bytes { b, .. } => out.push(*b),
            IterState::Dict { dict, .. } => out.push(*dict),
            IterState::Set { set, .. } => out.push(*set),
            IterState::Enumerate { it, .. } => out.extend(it.obj()),
            IterState::Zip { its } => out.extend(its.iter().filter_map(|v| v.obj())),
            IterState::Range { .. } | IterState::Done => {}
        }
    }

    /// The iterator's type name, as `type(it).__name__` gives it.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::Seq { .. } => "list_iterator",
            IterState::Str { .. } => "str_ascii_iterator",
            IterState::Bytes { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { kind, .. } => match kind {
                ViewKind::Keys => "dict_keyiterator",
                ViewKind::Values => "dict_valueiterator",
                ViewKind::Items => "dict_itemiterator",
            },
            IterState::Set { .. } => "set_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Reversed { .. } => "list_reverseiterator",
            IterState::Done => "iterator",
        }
    }
}
