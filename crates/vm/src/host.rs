//! Services for the layers above the VM: classes whose instances are
//! [`HostObj`]s, built-in modules they define, and the host's own state.
//!
//! A higher layer (the scheduler) defines its object types as payloads
//! implementing [`HostData`], makes a class for each with
//! [`Vm::new_host_class`], and registers a module with
//! [`Vm::register_module`]; `import` then builds the module from the
//! built-ins named `module.function` and the layer's init function.

use crate::heap::ObjId;
use crate::native::{NativeDef, NativeKind};
use crate::object::{BaseKind, HostData, HostObj, Instance, Obj};
use crate::value::Value;
use crate::vm::Vm;

/// Fills a built-in module's namespace (a dict) when it is first imported.
pub type ModuleInit = fn(&mut Vm, ObjId);

impl Vm {
    /// Make a class for a host type: `module.name`, deriving from `bases`
    /// (`object` when empty). Python classes may derive from it; their
    /// instances wrap a host object made by the class's `__new__`.
    pub fn new_host_class(&mut self, module: &str, name: &str, bases: Vec<ObjId>) -> ObjId {
        let bases = if bases.is_empty() {
            vec![self.types.object]
        } else {
            bases
        };
        let cls = self.make_builtin_class(name, bases);
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            if c.base_kind == BaseKind::Object {
                c.base_kind = BaseKind::Value;
            }
        }
        let m = self.intern(module);
        self.class_set(cls, "__module__", m);
        cls
    }

    /// Register `def` and put it on `cls` under the last part of its name.
    pub fn add_native(&mut self, cls: ObjId, def: NativeDef) {
        let id = self.register_native(def);
        let attr = def.name.rsplit('.').next().unwrap_or(def.name);
        let v = self.alloc(Obj::Native {
            id,
            self_: Value::Undef,
        });
        self.class_set(cls, attr, v);
    }

    /// Put a property on `cls` whose getter (and setter, if given) are built-ins.
    pub fn add_native_property(
        &mut self,
        cls: ObjId,
        attr: &str,
        get: NativeDef,
        set: Option<NativeDef>,
    ) {
        let accessor = |vm: &mut Vm, def: NativeDef| {
            let id = vm.register_native(NativeDef {
                kind: NativeKind::Function,
                ..def
            });
            vm.alloc(Obj::Native {
                id,
                self_: Value::Undef,
            })
        };
        let fget = accessor(self, get);
        let fset = match set {
            Some(d) => accessor(self, d),
            None => Value::None,
        };
        let p = self.alloc(Obj::Property {
            fget,
            fset,
            fdel: Value::None,
        });
        self.class_set(cls, attr, p);
    }

    /// Store a host payload as an object of class `cls`.
    pub fn alloc_host(&mut self, cls: ObjId, data: Box<dyn HostData>) -> ObjId {
        self.heap.alloc(Obj::Host(HostObj { class: cls, data }))
    }

    /// The object `cls(…)` gives for a freshly made host object `host` of
    /// class `exact`: the host object itself, or for a subclass an instance
    /// wrapping it.
    pub fn wrap_host(&mut self, cls: ObjId, exact: ObjId, host: ObjId) -> Value {
        if cls == exact {
            return Value::Obj(host);
        }
        let dict = self.new_dict();
        self.alloc(Obj::Instance(Box::new(Instance {
            class: cls,
            dict,
            exc: None,
            base: Value::Obj(host),
            key: None,
        })))
    }

    /// The id of the host object `v` is or wraps.
    #[inline]
    pub fn host_id(&self, v: Value) -> Option<ObjId> {
        let Value::Obj(id) = v else { return None };
        match self.heap.get(id) {
            Obj::Host(_) => Some(id),
            Obj::Instance(i) => match i.base {
                Value::Obj(b) if matches!(self.heap.get(b), Obj::Host(_)) => Some(b),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `v` is a host object.
    pub fn is_host(&self, v: Value) -> bool {
        matches!(v, Value::Obj(id) if matches!(self.heap.get(id), Obj::Host(_)))
    }

    /// The payload of host object `id`, if it is a `T`.
    #[inline]
    pub fn host_ref<T: HostData + 'static>(&self, id: ObjId) -> Option<&T> {
        match self.heap.get(id) {
            Obj::Host(h) => (&*h.data as &dyn std::any::Any).downcast_ref::<T>(),
            _ => None,
        }
    }

    /// The payload of host object `id`, mutably, if it is a `T`.
    #[inline]
    pub fn host_mut<T: HostData + 'static>(&mut self, id: ObjId) -> Option<&mut T> {
        match self.heap.get_mut(id) {
            Obj::Host(h) => (&mut *h.data as &mut dyn std::any::Any).downcast_mut::<T>(),
            _ => None,
        }
    }

    /// Make `import name` build a module from the built-ins registered as
    /// `name.function`, then call `init` with its namespace.
    pub fn register_module(&mut self, name: &'static str, init: ModuleInit) {
        self.module_inits.insert(name, init);
    }

    /// The host's state, if it is a `T`.
    #[inline]
    pub fn host_state<T: HostData + 'static>(&self) -> Option<&T> {
        (&**self.host_state.as_ref()? as &dyn std::any::Any).downcast_ref::<T>()
    }

    /// The host's state, mutably, if it is a `T`.
    #[inline]
    pub fn host_state_mut<T: HostData + 'static>(&mut self) -> Option<&mut T> {
        (&mut **self.host_state.as_mut()? as &mut dyn std::any::Any).downcast_mut::<T>()
    }
}
