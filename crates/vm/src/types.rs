//! The built-in types and the standard exception hierarchy.

use crate::heap::ObjId;

/// A built-in exception class the VM itself raises or names.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ExcKind {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    StopIteration,
    StopAsyncIteration,
    ArithmeticError,
    FloatingPointError,
    OverflowError,
    ZeroDivisionError,
    AssertionError,
    AttributeError,
    BufferError,
    EOFError,
    ImportError,
    ModuleNotFoundError,
    LookupError,
    IndexError,
    KeyError,
    MemoryError,
    NameError,
    UnboundLocalError,
    OSError,
    FileNotFoundError,
    ReferenceError,
    RuntimeError,
    NotImplementedError,
    RecursionError,
    SyntaxError,
    IndentationError,
    SystemError,
    TypeError,
    ValueError,
    UnicodeError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    Warning,
    UserWarning,
    DeprecationWarning,
    RuntimeWarning,
}

/// Every built-in exception with its name and base, bases first.
pub const EXCEPTIONS: &[(ExcKind, &str, Option<ExcKind>)] = {
    use ExcKind::*;
    &[
        (BaseException, "BaseException", None),
        (SystemExit, "SystemExit", Some(BaseException)),
        (KeyboardInterrupt, "KeyboardInterrupt", Some(BaseException)),
        (GeneratorExit, "GeneratorExit", Some(BaseException)),
        (Exception, "Exception", Some(BaseException)),
        (StopIteration, "StopIteration", Some(Exception)),
        (StopAsyncIteration, "StopAsyncIteration", Some(Exception)),
        (ArithmeticError, "ArithmeticError", Some(Exception)),
        (
            FloatingPointError,
            "FloatingPointError",
            Some(ArithmeticError),
        ),
        (OverflowError, "OverflowError", Some(ArithmeticError)),
        (
            ZeroDivisionError,
            "ZeroDivisionError",
            Some(ArithmeticError),
        ),
        (AssertionError, "AssertionError", Some(Exception)),
        (AttributeError, "AttributeError", Some(Exception)),
        (BufferError, "BufferError", Some(Exception)),
        (EOFError, "EOFError", Some(Exception)),
        (ImportError, "ImportError", Some(Exception)),
        (
            ModuleNotFoundError,
            "ModuleNotFoundError",
            Some(ImportError),
        ),
        (LookupError, "LookupError", Some(Exception)),
        (IndexError, "IndexError", Some(LookupError)),
        (KeyError, "KeyError", Some(LookupError)),
        (MemoryError, "MemoryError", Some(Exception)),
        (NameError, "NameError", Some(Exception)),
        (UnboundLocalError, "UnboundLocalError", Some(NameError)),
        (OSError, "OSError", Some(Exception)),
        (FileNotFoundError, "FileNotFoundError", Some(OSError)),
        (ReferenceError, "ReferenceError", Some(Exception)),
        (RuntimeError, "RuntimeError", Some(Exception)),
        (
            NotImplementedError,
            "NotImplementedError",
            Some(RuntimeError),
        ),
        (RecursionError, "RecursionError", Some(RuntimeError)),
        (SyntaxError, "SyntaxError", Some(Exception)),
        (IndentationError, "IndentationError", Some(SyntaxError)),
        (SystemError, "SystemError", Some(Exception)),
        (TypeError, "TypeError", Some(Exception)),
        (ValueError, "ValueError", Some(Exception)),
        (UnicodeError, "UnicodeError", Some(ValueError)),
        (UnicodeDecodeError, "UnicodeDecodeError", Some(UnicodeError)),
        (UnicodeEncodeError, "UnicodeEncodeError", Some(UnicodeError)),
        (Warning, "Warning", Some(Exception)),
        (UserWarning, "UserWarning", Some(Warning)),
        (DeprecationWarning, "DeprecationWarning", Some(Warning)),
        (RuntimeWarning, "RuntimeWarning", Some(Warning)),
    ]
};

/// The class objects of the built-in types.
#[allow(missing_docs)]
#[derive(Clone, Debug)]
pub struct Types {
    pub object: ObjId,
    pub type_: ObjId,
    pub int: ObjId,
    pub bool_: ObjId,
    pub float: ObjId,
    pub str_: ObjId,
    pub bytes: ObjId,
    pub list: ObjId,
    pub tuple: ObjId,
    pub dict: ObjId,
    pub set: ObjId,
    pub frozenset: ObjId,
    pub range: ObjId,
    pub slice: ObjId,
    pub none: ObjId,
    pub function: ObjId,
    pub builtin_function: ObjId,
    pub method: ObjId,
    pub code: ObjId,
    pub module: ObjId,
    pub cell: ObjId,
    pub generator: ObjId,
    pub coroutine: ObjId,
    pub iterator: ObjId,
    pub property: ObjId,
    pub staticmethod: ObjId,
    pub classmethod: ObjId,
    pub super_: ObjId,
    pub dict_keys: ObjId,
    pub dict_values: ObjId,
    pub dict_items: ObjId,
    pub not_implemented: ObjId,
    pub ellipsis: ObjId,
    /// Exception classes, indexed by `ExcKind as usize`.
    pub exc: Vec<ObjId>,
}

impl Types {
    /// The class of a built-in exception.
    #[inline]
    pub fn exc(&self, kind: ExcKind) -> ObjId {
        self.exc[kind as usize]
    }
}
