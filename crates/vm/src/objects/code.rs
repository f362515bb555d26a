//! Code objects as the VM holds them: the compiled code plus its constants
//! turned into values and its names into dict keys, made once at load.

use crate::code::CodeObject;
use crate::objects::dict::HKey;
use crate::value::Value;

/// A loaded code object.
#[derive(Debug)]
pub struct CodeData {
    /// The compiled code.
    pub code: CodeObject,
    /// `code.consts` as values (nested code objects as `Obj::Code` values).
    pub consts: Vec<Value>,
    /// `code.names` as str values.
    pub names: Vec<Value>,
    /// `code.names` as dict keys, for global and attribute look-ups.
    pub name_keys: Vec<HKey>,
    /// For each cellvar, the local slot of the parameter it shadows, if any.
    pub cell2arg: Vec<Option<u32>>,
    /// Whether the code is marked invalid (running it raises `SystemError`).
    pub invalid: bool,
    /// Whether the code has a `try` (or `with`) block: a generator of it
    /// is closed when it is collected suspended, so its handlers run.
    pub has_handlers: bool,
    /// For each name, where `LoadGlobal` last found it among the globals'
    /// entries: a hint, checked against the entry's key before use.
    pub global_hints: Vec<std::cell::Cell<u32>>,
    /// For each name, the built-in class and entry of its namespace where
    /// `LoadMethod` last found it: a hint, checked before use.
    pub method_hints: Vec<std::cell::Cell<(u32, u32)>>,
}

impl CodeData {
    /// The number of cells a frame of this code has (cellvars and freevars).
    pub fn ncells(&self) -> usize {
        self.code.cellvars.len() + self.code.freevars.len()
    }
}
