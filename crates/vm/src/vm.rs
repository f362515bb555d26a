//! The VM: the heap, the built-in types and modules, and the helpers every
//! instruction and built-in uses.

use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::heap::{Heap, ObjId};
use crate::native::{Ctl, NativeDef, NativeId, R};
use crate::object::{Class, Instance, Obj, PyStr, Singleton};
use crate::objects::dict::{Dict, HKey, StrKey};
use crate::source::SourceCompiler;
use crate::types::{ExcKind, Types};
use crate::value::Value;

/// The default limit on the depth of the frame stack (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// A brine virtual machine: one heap, its built-ins and modules. Execution
/// states ([`crate::frame::ExecState`]) run on it with [`Vm::run`].
pub struct Vm {
    /// The object arena.
    pub heap: Heap,
    /// The built-in classes.
    pub types: Types,
    /// The built-in function table.
    pub natives: Vec<NativeDef>,
    pub(crate) native_index: FxHashMap<&'static str, NativeId>,
    /// Per built-in: whether the call path treats it specially (by name).
    pub(crate) native_special: Vec<bool>,
    interned: FxHashMap<Rc<str>, ObjId>,
    /// The `builtins` namespace (a dict).
    pub builtins: ObjId,
    /// Loaded modules by name (a dict, `sys.modules`).
    pub modules: ObjId,
    /// The prelude's namespace: built-ins written in Python.
    pub prelude: ObjId,
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `Ellipsis`.
    pub ellipsis: Value,
    /// Compiles `.py` files for `import`; without it only built-in modules import.
    pub compiler: Option<Box<dyn SourceCompiler>>,
    /// The deepest a frame stack may get before `RecursionError`.
    pub recursion_limit: usize,
    /// Where `print` writes.
    pub stdout: Box<dyn Write>,
    /// Where `sys.stderr` writes.
    pub stderr: Box<dyn Write>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Folders searched for `.py` modules.
    pub search_path: Vec<PathBuf>,
    /// Values the host holds: roots for the collector.
    pub roots: Vec<Value>,
    /// Execution states parked by the host, roots for the collector.
    pub parked: Vec<crate::frame::ExecState>,
    /// The host's own state (the scheduler), traced as a root.
    pub host_state: Option<Box<dyn crate::object::HostData>>,
    /// Init functions of built-in modules registered by higher layers.
    pub(crate) module_inits: FxHashMap<&'static str, crate::host::ModuleInit>,
    /// The code at the bottom of host calls, without and with keyword
    /// arguments, once made.
    pub(crate) host_call: [Option<ObjId>; 2],
    /// The class of frame objects, once made.
    pub(crate) frame_class: Option<ObjId>,
    /// The class of traceback objects, once made.
    pub(crate) traceback_class: Option<ObjId>,
    pub(crate) slot_pool: Vec<Vec<Value>>,
    /// How many instructions [`Vm::run`] has executed, in all states.
    pub executed: u64,
    /// The exit status asked for by `sys.exit`, once raised to the top.
    pub exit_code: Option<i32>,
    /// The running code's `contextvars.Context` (`None` until one is
    /// made). A scheduler swaps it with each tasklet switch.
    pub context: Value,
    /// Canonical user-hashed keys by hash (weak: pruned after collection).
    pub(crate) user_keys: FxHashMap<i64, Vec<ObjId>>,
    /// Identities handed out and taken back from checkpoints.
    pub(crate) identities: crate::identity::Identities,
    /// Keys of the special names the interpreter looks up on every
    /// attribute store, instantiation and call.
    pub(crate) sk: SpecialKeys,
}

/// Dict keys of special method names, made once.
pub(crate) struct SpecialKeys {
    pub(crate) setattr: HKey,
    pub(crate) getattr: HKey,
    pub(crate) init: HKey,
    pub(crate) new: HKey,
    pub(crate) call: HKey,
    pub(crate) del: HKey,
}

impl SpecialKeys {
    fn new() -> SpecialKeys {
        SpecialKeys {
            setattr: Vm::key_of("__setattr__"),
            getattr: Vm::key_of("__getattr__"),
            init: Vm::key_of("__init__"),
            new: Vm::key_of("__new__"),
            call: Vm::key_of("__call__"),
            del: Vm::key_of("__del__"),
        }
    }
}

impl Vm {
    /// Intern a str: the same text always gives the same object.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(id) = self.interned.get(s) {
            return Value::Obj(*id);
        }
        let rc: Rc<str> = Rc::from(s);
        let id = self.heap.alloc(Obj::Str(PyStr::new(rc.clone())));
        self.interned.insert(rc, id);
        Value::Obj(id)
    }

    /// A new str.
    pub fn new_str(&mut self, s: &str) -> Value {
        if s.len() <= 1 {
            return self.intern(s);
        }
        Value::Obj(self.heap.alloc(Obj::Str(PyStr::new(Rc::from(s)))))
    }

    /// A new str from an owned `String`.
    pub fn new_string(&mut self, s: String) -> Value {
        if s.len() <= 1 {
            return self.intern(&s);
        }
        Value::Obj(self.heap.alloc(Obj::Str(PyStr::new(Rc::from(s)))))
    }

    /// Store an object, returning a value that refers to it.
    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> Value {
        Value::Obj(self.heap.alloc(obj))
    }

    /// A new tuple.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Obj::Tuple(items))
    }

    /// A new list.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Obj::List(items))
    }

    /// The items of a tuple or list value, if it is one.
    pub fn sequence_items(&self, v: Value) -> Option<&[Value]> {
        match self.heap.get_obj(v)? {
            Obj::Tuple(items) | Obj::List(items) => Some(items),
            _ => None,
        }
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> ObjId {
        self.heap.alloc(Obj::Dict(Dict::new()))
    }

    /// The str behind a value, if it is a str.
    #[inline]
    pub fn str_of(&self, v: Value) -> Option<&PyStr> {
        match v {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Str(s) => Some(s),
                Obj::Instance(i) => match i.base {
                    Value::Obj(b) => match self.heap.get(b) {
                        Obj::Str(s) => Some(s),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The text of a str value, or `""` for anything else.
    pub fn text(&self, v: Value) -> &str {
        self.str_of(v).map(|s| &*s.s).unwrap_or("")
    }

    /// The dict key for a str value known to be a str.
    pub fn str_key(&self, v: Value) -> Option<HKey> {
        self.str_of(v).map(|s| {
            HKey::Str(StrKey {
                s: s.s.clone(),
                hash: s.hash,
            })
        })
    }

    /// The dict key of a Rust str (for looking names up).
    ///
    /// Keys are cached per thread, so looking up a special method by name
    /// does not allocate.
    pub fn key_of(s: &str) -> HKey {
        thread_local! {
            static KEYS: std::cell::RefCell<FxHashMap<Box<str>, HKey>> = std::cell::RefCell::new(FxHashMap::default());
        }
        KEYS.with(|k| {
            if let Some(key) = k.borrow().get(s) {
                return key.clone();
            }
            let p = PyStr::new(Rc::from(s));
            let key = HKey::Str(StrKey {
                s: p.s,
                hash: p.hash,
            });
            if s.len() <= 64 {
                k.borrow_mut().insert(Box::from(s), key.clone());
            }
            key
        })
    }

    /// The class of a value.
    pub fn type_of(&self, v: Value) -> ObjId {
        let t = &self.types;
        match v {
            Value::Undef | Value::None => t.none,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Free => t.object,
                Obj::Str(_) => t.str_,
                Obj::Bytes(_) => t.bytes,
                Obj::Int(_) => t.int,
                Obj::Tuple(_) => t.tuple,
                Obj::List(_) => t.list,
                Obj::Dict(_) => t.dict,
                Obj::Set(_) => t.set,
                Obj::FrozenSet(_) => t.frozenset,
                Obj::Range { .. } => t.range,
                Obj::Slice { .. } => t.slice,
                Obj::Function(_) => t.function,
                Obj::Native { .. } => t.builtin_function,
                Obj::Method { .. } => t.method,
                Obj::Code(_) => t.code,
                Obj::Class(c) => c.meta,
                Obj::Instance(i) => i.class,
                Obj::Module(_) => t.module,
                Obj::Cell(_) => t.cell,
                Obj::Generator(g) => match g.kind {
                    crate::object::GenKind::Generator | crate::object::GenKind::AsyncGenerator => {
                        t.generator
                    }
                    crate::object::GenKind::Coroutine => t.coroutine,
                },
                Obj::Iter(_) => t.iterator,
                Obj::View { kind, .. } => match kind {
                    crate::object::ViewKind::Keys => t.dict_keys,
                    crate::object::ViewKind::Values => t.dict_values,
                    crate::object::ViewKind::Items => t.dict_items,
                },
                Obj::Property { .. } => t.property,
                Obj::StaticMethod(_) => t.staticmethod,
                Obj::ClassMethod(_) => t.classmethod,
                Obj::Super { .. } => t.super_,
                Obj::Singleton(Singleton::NotImplemented) => t.not_implemented,
                Obj::Singleton(Singleton::Ellipsis) => t.ellipsis,
                Obj::Host(h) => h.class,
            },
        }
    }

    /// The class behind an id known to be a class.
    pub fn class(&self, id: ObjId) -> Option<&Class> {
        match self.heap.get(id) {
            Obj::Class(c) => Some(c),
            _ => None,
        }
    }

    /// A class's `__name__`.
    pub fn class_name(&self, id: ObjId) -> String {
        match self.class(id) {
            Some(c) => self.text(c.name).to_string(),
            None => "?".to_string(),
        }
    }

    /// The name of `v`'s type as CPython's messages write it: `__name__`,
    /// prefixed with the module for types a higher layer defines (as a C
    /// type's `tp_name` is, `_stackless.tasklet`).
    pub fn type_name(&self, v: Value) -> String {
        if let Value::Obj(id) = v {
            if let Obj::Iter(it) = self.heap.get(id) {
                return it.type_name().to_string();
            }
        }
        let cls = self.type_of(v);
        match self.host_class_module(cls) {
            Some(m) => format!("{m}.{}", self.class_name(cls)),
            None => self.class_name(cls),
        }
    }

    /// The module of a built-in class a higher layer defined (one whose
    /// namespace names a module other than `builtins`).
    pub fn host_class_module(&self, cls: ObjId) -> Option<String> {
        let c = self.class(cls)?;
        if !c.builtin {
            return None;
        }
        let m = self.dict_ref(c.dict)?.get(&Vm::key_of("__module__"))?;
        let m = self.text(m);
        (m != "builtins" && !m.is_empty()).then(|| m.to_string())
    }

    /// Whether class `sub` is `base` or derives from it.
    pub fn is_subclass(&self, sub: ObjId, base: ObjId) -> bool {
        sub == base || self.class(sub).is_some_and(|c| c.mro.contains(&base))
    }

    /// Whether `v` is an instance of `class` (or of a subclass).
    pub fn isinstance(&self, v: Value, class: ObjId) -> bool {
        self.is_subclass(self.type_of(v), class)
    }

    /// A new exception instance of a built-in kind with a message.
    pub fn new_exc(&mut self, kind: ExcKind, msg: &str) -> Value {
        let class = self.types.exc(kind);
        let m = self.new_str(msg);
        self.new_exc_with_args(class, vec![m])
    }

    /// A new exception instance of `class` with `args`.
    pub fn new_exc_with_args(&mut self, class: ObjId, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let dict = self.new_dict();
        self.alloc(Obj::Instance(Box::new(Instance {
            class,
            dict,
            exc: Some(Box::new(crate::object::ExcData {
                args,
                cause: Value::None,
                context: Value::None,
                ..Default::default()
            })),
            base: Value::Undef,
            key: None,
        })))
    }

    /// Raise a built-in exception with a message.
    #[cold]
    pub fn err(&mut self, kind: ExcKind, msg: impl AsRef<str>) -> Ctl {
        Ctl::Raise(self.new_exc(kind, msg.as_ref()))
    }

    /// `Err` of [`Vm::err`], for returning directly.
    #[cold]
    pub fn fail<T>(&mut self, kind: ExcKind, msg: impl AsRef<str>) -> R<T> {
        Err(self.err(kind, msg))
    }

    /// The built-in registered under a stable name.
    pub fn native_id(&self, name: &str) -> Option<NativeId> {
        self.native_index.get(name).copied()
    }

    /// Make instance `canon` a canonical dict key of hash `h` again (an
    /// instance restored with its key), so that equal keys find it.
    pub fn register_user_key(&mut self, h: i64, canon: ObjId) {
        let ids = self.user_keys.entry(h).or_default();
        if !ids.contains(&canon) {
            ids.push(canon);
        }
    }

    /// Register a built-in (used by higher layers to add their modules);
    /// returns its id. Re-registering a name replaces the function.
    pub fn register_native(&mut self, def: NativeDef) -> NativeId {
        if let Some(id) = self.native_index.get(def.name) {
            self.natives[id.0 as usize] = def;
            return *id;
        }
        let id = NativeId(self.natives.len() as u16);
        self.natives.push(def);
        self.native_special.push(matches!(
            def.name,
            "builtins.__build_class__"
                | "builtins.super"
                | "type.__call__"
                | "builtins.globals"
                | "builtins.locals"
                | "builtins.vars"
                | "builtins.dir"
                | "sys.exc_info"
                | "sys._getframe"
                | "sys._depth"
        ));
        self.native_index.insert(def.name, id);
        id
    }

    /// A value for the built-in function registered under `name`.
    pub fn native_value(&mut self, name: &str) -> Value {
        match self.native_id(name) {
            Some(id) => self.alloc(Obj::Native {
                id,
                self_: Value::Undef,
            }),
            None => Value::None,
        }
    }

    /// Whether `v` is an exception instance.
    pub fn is_exception(&self, v: Value) -> bool {
        match v {
            Value::Obj(id) => matches!(self.heap.get(id), Obj::Instance(i) if i.exc.is_some()),
            _ => false,
        }
    }

    /// Whether exception `exc` is an instance of the built-in `kind`.
    pub fn exc_is(&self, exc: Value, kind: ExcKind) -> bool {
        self.isinstance(exc, self.types.exc(kind))
    }

    /// Take a recycled vector for frame slots.
    pub(crate) fn take_slots(&mut self, cap: usize) -> Vec<Value> {
        match self.slot_pool.pop() {
            Some(mut v) => {
                v.reserve(cap);
                v
            }
            None => Vec::with_capacity(cap.max(8)),
        }
    }

    /// Give a frame's slot vector back for reuse.
    pub(crate) fn recycle_slots(&mut self, mut v: Vec<Value>) {
        if self.slot_pool.len() < 256 && v.capacity() <= 1024 {
            v.clear();
            self.slot_pool.push(v);
        }
    }

    /// Build a VM from parts; used by the bootstrap.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(heap: Heap, types: Types, builtins: ObjId, modules: ObjId) -> Vm {
        Vm {
            heap,
            types,
            natives: Vec::new(),
            native_index: FxHashMap::default(),
            native_special: Vec::new(),
            interned: FxHashMap::default(),
            builtins,
            modules,
            prelude: builtins,
            not_implemented: Value::None,
            ellipsis: Value::None,
            compiler: None,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            stdout: Box::new(std::io::sink()),
            stderr: Box::new(std::io::sink()),
            argv: Vec::new(),
            search_path: Vec::new(),
            roots: Vec::new(),
            parked: Vec::new(),
            host_state: None,
            module_inits: FxHashMap::default(),
            host_call: [None; 2],
            frame_class: None,
            traceback_class: None,
            slot_pool: Vec::new(),
            executed: 0,
            exit_code: None,
            context: Value::None,
            user_keys: FxHashMap::default(),
            identities: Default::default(),
            sk: SpecialKeys::new(),
        }
    }

    /// Every root the collector starts from besides running states.
    pub(crate) fn root_ids(&self) -> Vec<ObjId> {
        let mut ids: Vec<ObjId> = self.interned.values().copied().collect();
        ids.extend([self.builtins, self.modules, self.prelude]);
        ids.extend(self.context.obj());
        let t = &self.types;
        ids.extend([
            t.object,
            t.type_,
            t.int,
            t.bool_,
            t.float,
            t.str_,
            t.bytes,
            t.list,
            t.tuple,
            t.dict,
            t.set,
            t.frozenset,
            t.range,
            t.slice,
            t.none,
            t.function,
            t.builtin_function,
            t.method,
            t.code,
            t.module,
            t.cell,
            t.generator,
            t.coroutine,
            t.iterator,
            t.property,
            t.staticmethod,
            t.classmethod,
            t.super_,
            t.dict_keys,
            t.dict_values,
            t.dict_items,
            t.not_implemented,
            t.ellipsis,
        ]);
        ids.extend(t.exc.iter().copied());
        ids.extend(self.not_implemented.obj());
        ids.extend(self.ellipsis.obj());
        for s in &self.parked {
            s.trace(&mut ids);
        }
        ids.extend(self.host_call.iter().flatten());
        ids.extend(self.frame_class);
        ids.extend(self.traceback_class);
        if let Some(h) = &self.host_state {
            h.trace(&mut ids);
        }
        ids
    }
}
