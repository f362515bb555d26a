//! Heap objects: the payload behind every [`ObjId`].

use std::rc::Rc;

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

use crate::frame::Frame;
use crate::heap::ObjId;
use crate::native::NativeId;
use crate::objects::code::CodeData;
use crate::objects::dict::{hash_bytes, Dict, SetMap};
use crate::objects::iter::IterState;
use crate::value::Value;

/// A str: immutable text with its hash and length in characters.
#[derive(Clone, Debug)]
pub struct PyStr {
    /// The text.
    pub s: Rc<str>,
    /// Its hash, computed once.
    pub hash: u64,
    /// Its length in characters (code points).
    pub chars: usize,
}

impl PyStr {
    /// Wrap text, computing its hash and character count.
    pub fn new(s: Rc<str>) -> PyStr {
        let hash = hash_bytes(s.as_bytes());
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr { s, hash, chars }
    }

    /// Whether every character is one byte, so byte and char indices agree.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
}

/// A function made by `def` or `lambda`.
#[derive(Clone, Debug)]
pub struct Function {
    /// The code object (an `Obj::Code`).
    pub code: ObjId,
    /// The globals dict it runs with.
    pub globals: ObjId,
    /// `__name__` (a str).
    pub name: Value,
    /// `__qualname__` (a str).
    pub qualname: Value,
    /// Positional defaults, for the last parameters.
    pub defaults: Vec<Value>,
    /// Keyword-only defaults (a dict), if any.
    pub kwdefaults: Option<ObjId>,
    /// Cells for the code's free variables.
    pub closure: Vec<ObjId>,
    /// Attributes set on the function (`__dict__`), if any.
    pub dict: Option<ObjId>,
    /// `__module__`.
    pub module: Value,
    /// `__doc__`.
    pub doc: Value,
}

/// A class: a built-in type or one made by a `class` statement.
#[derive(Clone, Debug)]
pub struct Class {
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// `__bases__`.
    pub bases: Vec<ObjId>,
    /// `__mro__`, the class itself first.
    pub mro: Vec<ObjId>,
    /// The class namespace (an `Obj::Dict`).
    pub dict: ObjId,
    /// The built-in type whose instances' layout this class has.
    pub base_kind: BaseKind,
    /// Whether this is a built-in type (its attributes cannot be set).
    pub builtin: bool,
    /// Its metaclass (`type` unless a class statement chose another).
    pub meta: ObjId,
}

/// Which built-in layout the instances of a class have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BaseKind {
    /// A plain `object` instance: a `__dict__` only.
    Object,
    /// Instances carry exception data.
    Exception,
    /// Instances of a subclass of a built-in value type (list, dict, int, …)
    /// carry a value of that type.
    Value,
}

/// Data of an exception instance.
#[derive(Clone, Debug, Default)]
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Value,
    /// Where it was raised and what it went through, innermost first.
    pub traceback: Vec<TbEntry>,
    /// `__cause__`.
    pub cause: Value,
    /// `__context__`.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

/// One line of a traceback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TbEntry {
    /// The code that was running (an `Obj::Code`).
    pub code: ObjId,
    /// The line it was at.
    pub line: u32,
    /// The globals of the frame (a dict), for `tb_frame.f_globals`.
    pub globals: ObjId,
}

/// An instance of a user-defined class (or of a built-in exception).
#[derive(Clone, Debug)]
pub struct Instance {
    /// Its class.
    pub class: ObjId,
    /// Its attributes (an `Obj::Dict`, which `__dict__` returns).
    pub dict: ObjId,
    /// Exception data, for exception instances.
    pub exc: Option<Box<ExcData>>,
    /// The built-in value a subclass of a built-in type wraps.
    pub base: Value,
    /// For instances used as dict or set keys whose class defines
    /// `__hash__`: the hash and the canonical equal key (see [`crate::native::Ctl::NeedKey`]).
    pub key: Option<(i64, ObjId)>,
}

/// A module.
#[derive(Clone, Debug)]
pub struct Module {
    /// `__name__`.
    pub name: Value,
    /// Its namespace (an `Obj::Dict`), which is also its functions' globals.
    pub dict: ObjId,
}

/// Whether a generator-like object is a generator or a coroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenKind {
    /// Made by calling a generator function.
    Generator,
    /// Made by calling an `async def` function.
    Coroutine,
    /// The frame of an `async def` function with `yield`: the async
    /// generator object (brine-asyncgen's) that drives it is what the call gives.
    AsyncGenerator,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GenState {
    /// Made, never started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on a frame stack now.
    Running,
    /// Returned or raised.
    Finished,
}

/// A generator or coroutine: a detached frame and where it is.
#[derive(Clone, Debug)]
pub struct Generator {
    /// Generator or coroutine.
    pub kind: GenKind,
    /// Its state.
    pub state: GenState,
    /// Its frame while not running (`None` while running or finished).
    pub frame: Option<Box<Frame>>,
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// The code object.
    pub code: ObjId,
}

/// Which part of a dict a view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewKind {
    /// `keys()`
    Keys,
    /// `values()`
    Values,
    /// `items()`
    Items,
}

/// Other singletons that are heap objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Singleton {
    /// `NotImplemented`
    NotImplemented,
    /// `Ellipsis` (`...`)
    Ellipsis,
}

/// A heap object.
#[derive(Clone, Debug)]
pub enum Obj {
    /// A freed slot.
    Free,
    /// A str.
    Str(PyStr),
    /// A bytes value.
    Bytes(Rc<[u8]>),
    /// An int beyond 64 bits.
    Int(Rc<BigInt>),
    /// A tuple.
    Tuple(Vec<Value>),
    /// A list.
    List(Vec<Value>),
    /// A dict.
    Dict(Dict),
    /// A set.
    Set(SetMap),
    /// A frozenset.
    FrozenSet(SetMap),
    /// A range.
    Range {
        /// First value.
        start: i64,
        /// End (exclusive).
        stop: i64,
        /// Step (never zero).
        step: i64,
    },
    /// A slice.
    Slice {
        /// `start`
        start: Value,
        /// `stop`
        stop: Value,
        /// `step`
        step: Value,
    },
    /// A function.
    Function(Box<Function>),
    /// A built-in function, or a built-in method bound to `self_` (`Undef` when unbound).
    Native {
        /// Which built-in.
        id: NativeId,
        /// The object it is bound to, or `Undef`.
        self_: Value,
    },
    /// A bound method.
    Method {
        /// The function.
        func: Value,
        /// The object it is bound to.
        self_: Value,
    },
    /// A code object.
    Code(Rc<CodeData>),
    /// A class.
    Class(Box<Class>),
    /// An instance of a user class or an exception.
    Instance(Box<Instance>),
    /// A module.
    Module(Module),
    /// A cell (a variable shared with a closure).
    Cell(Value),
    /// A generator or coroutine.
    Generator(Box<Generator>),
    /// A built-in iterator.
    Iter(Box<IterState>),
    /// A dict view.
    View {
        /// The dict.
        dict: ObjId,
        /// Keys, values or items.
        kind: ViewKind,
    },
    /// A property.
    Property {
        /// Getter.
        fget: Value,
        /// Setter.
        fset: Value,
        /// Deleter.
        fdel: Value,
    },
    /// A staticmethod wrapper.
    StaticMethod(Value),
    /// A classmethod wrapper.
    ClassMethod(Value),
    /// A `super()` proxy.
    Super {
        /// The class after which the MRO search starts.
        class: ObjId,
        /// The object (or class) it binds to.
        obj: Value,
    },
    /// `NotImplemented` or `Ellipsis`.
    Singleton(Singleton),
    /// An object whose type a higher layer defines (a tasklet, a channel).
    Host(HostObj),
}

/// An object of a type defined outside the VM: its class and its payload.
#[derive(Debug)]
pub struct HostObj {
    /// The class (`type(obj)`).
    pub class: ObjId,
    /// The payload, which the defining layer downcasts.
    pub data: Box<dyn HostData>,
}

impl Clone for HostObj {
    fn clone(&self) -> HostObj {
        HostObj {
            class: self.class,
            data: self.data.clone_box(),
        }
    }
}

/// The payload of a [`HostObj`]: plain data the collector can trace.
/// It downcasts through `Any` (trait upcasting); copying comes with
/// [`HostAny`], for every `Clone` type.
pub trait HostData: std::any::Any + HostAny + std::fmt::Debug {
    /// Add the id of every object the payload refers to.
    fn trace(&self, out: &mut Vec<ObjId>);
}

/// Copying a [`HostData`] payload; implemented for every `Clone` payload type.
pub trait HostAny {
    /// A copy of the payload.
    fn clone_box(&self) -> Box<dyn HostData>;
}

impl<T: HostData + Clone + 'static> HostAny for T {
    fn clone_box(&self) -> Box<dyn HostData> {
        Box::new(self.clone())
    }
}

fn push_value(out: &mut Vec<ObjId>, v: Value) {
    if let Value::Obj(id) = v {
        out.push(id);
    }
}

fn push_values(out: &mut Vec<ObjId>, vs: &[Value]) {
    out.extend(vs.iter().filter_map(|v| v.obj()));
}

fn trace_dict(out: &mut Vec<ObjId>, d: &Dict) {
    for (k, v) in d.map.values() {
        push_value(out, *k);
        push_value(out, *v);
    }
}

impl Obj {
    /// Add the id of every object this one refers to.
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        match self {
            Obj::Free
            | Obj::Str(_)
            | Obj::Bytes(_)
            | Obj::Int(_)
            | Obj::Range { .. }
            | Obj::Singleton(_) => {}
            Obj::Tuple(v) | Obj::List(v) => push_values(out, v),
            Obj::Dict(d) => trace_dict(out, d),
            Obj::Set(s) | Obj::FrozenSet(s) => {
                for v in s.values() {
                    push_value(out, *v);
                }
            }
            Obj::Slice { start, stop, step } => {
                push_values(out, &[*start, *stop, *step]);
            }
            Obj::Function(f) => {
                out.push(f.code);
                out.push(f.globals);
                push_values(out, &[f.name, f.qualname, f.module, f.doc]);
                push_values(out, &f.defaults);
                out.extend(f.kwdefaults);
                out.extend(f.closure.iter().copied());
                out.extend(f.dict);
            }
            Obj::Native { self_, .. } => push_value(out, *self_),
            Obj::Method { func, self_ } => push_values(out, &[*func, *self_]),
            Obj::Code(c) => push_values(out, &c.consts),
            Obj::Class(c) => {
                push_values(out, &[c.name, c.qualname]);
                out.extend(c.bases.iter().copied());
                out.extend(c.mro.iter().copied());
                out.push(c.dict);
                out.push(c.meta);
            }
            Obj::Instance(i) => {
                out.push(i.class);
                out.push(i.dict);
                push_value(out, i.base);
                if let Some((_, k)) = i.key {
                    out.push(k);
                }
                if let Some(e) = &i.exc {
                    push_values(out, &[e.args, e.cause, e.context]);
                    out.extend(e.traceback.iter().flat_map(|t| [t.code, t.globals]));
                }
            }
            Obj::Module(m) => {
                push_value(out, m.name);
                out.push(m.dict);
            }
            Obj::Cell(v) | Obj::StaticMethod(v) | Obj::ClassMethod(v) => push_value(out, *v),
            Obj::Generator(g) => {
                push_values(out, &[g.name, g.qualname]);
                out.push(g.code);
                if let Some(f) = &g.frame {
                    f.trace(out);
                }
            }
            Obj::Iter(it) => it.trace(out),
            Obj::View { dict, .. } => out.push(*dict),
            Obj::Property { fget, fset, fdel } => push_values(out, &[*fget, *fset, *fdel]),
            Obj::Super { class, obj } => {
                out.push(*class);
                push_value(out, *obj);
            }
            Obj::Host(h) => {
                out.push(h.class);
                h.data.trace(out);
            }
        }
    }
}
