//! The payload types of heap objects that need more than a few lines.

pub mod code;
pub mod dict;
pub mod iter;
