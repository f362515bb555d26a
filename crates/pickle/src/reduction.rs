//! What a reducer turns an object into: a type tag, constructor arguments,
//! and state set once every object of the pickle exists (the
//! `__reduce__` / `__setstate__` split, which makes cycles loadable).

use std::borrow::Cow;

use crate::node::Node;

/// An object reduced to plain data.
#[derive(Clone, Debug, PartialEq)]
pub struct Reduction {
    /// The stable type tag a reducer of the loading side is registered under.
    pub tag: Cow<'static, str>,
    /// Constructor arguments.
    pub args: Vec<Node>,
    /// State set after construction.
    pub state: Vec<Node>,
}

impl Reduction {
    /// A reduction with `tag`, arguments and state.
    pub fn new(tag: impl Into<Cow<'static, str>>, args: Vec<Node>, state: Vec<Node>) -> Reduction {
        Reduction {
            tag: tag.into(),
            args,
            state,
        }
    }
}
