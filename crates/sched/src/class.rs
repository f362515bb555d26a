//! Defining the module's classes from tables of built-ins, and what every
//! method and constructor of them checks first.

use brine_vm::{Args, ExcKind, HostData, NativeDef, NativeKind, ObjId, Value, Vm, R};

/// A method: binds to the instance it is looked up on.
pub(crate) const fn method(name: &'static str, f: brine_vm::native::NativeFn) -> NativeDef {
    NativeDef {
        name,
        kind: NativeKind::Method,
        f,
    }
}

/// A plain function (`__new__`, property accessors).
pub(crate) const fn function(name: &'static str, f: brine_vm::native::NativeFn) -> NativeDef {
    NativeDef {
        name,
        kind: NativeKind::Function,
        f,
    }
}

/// A property: its attribute name, getter and setter.
pub(crate) struct Property {
    /// The attribute name.
    pub(crate) attr: &'static str,
    /// The getter, named as a built-in.
    pub(crate) get: NativeDef,
    /// The setter, if the attribute can be set.
    pub(crate) set: Option<NativeDef>,
}

/// A read-only property.
pub(crate) const fn read_only(
    attr: &'static str,
    name: &'static str,
    get: brine_vm::native::NativeFn,
) -> Property {
    Property {
        attr,
        get: function(name, get),
        set: None,
    }
}

/// A property that can be set too.
pub(crate) const fn read_write(
    attr: &'static str,
    names: (&'static str, &'static str),
    get: brine_vm::native::NativeFn,
    set: brine_vm::native::NativeFn,
) -> Property {
    Property {
        attr,
        get: function(names.0, get),
        set: Some(function(names.1, set)),
    }
}

/// Make class `_stackless.name` (the module's classes live in the
/// `_stackless` extension, as in Stackless) with these methods and properties.
pub(crate) fn make_class(
    vm: &mut Vm,
    name: &str,
    methods: &[NativeDef],
    properties: &[Property],
) -> ObjId {
    let cls = vm.new_host_class("_stackless", name, Vec::new());
    for d in methods {
        vm.add_native(cls, *d);
    }
    for p in properties {
        vm.add_native_property(cls, p.attr, p.get, p.set);
    }
    cls
}

/// `self` of a method call on class `what`, when `is_one` says it is one.
pub(crate) fn self_of(
    vm: &mut Vm,
    args: &Args,
    what: &str,
    is_one: fn(&Vm, ObjId) -> bool,
) -> R<ObjId> {
    if let Some(Value::Obj(id)) = args.pos.first() {
        if is_one(vm, *id) {
            return Ok(*id);
        }
    }
    vm.fail(
        ExcKind::TypeError,
        format!("descriptor requires a '_stackless.{what}' object"),
    )
}

/// `__new__(cls, …)` of class `exact` (named `what`): a new host object
/// holding `data`, wrapped when `cls` is a subclass. Returns the object
/// Python sees and the class it was made for.
pub(crate) fn new_object(
    vm: &mut Vm,
    args: &Args,
    exact: ObjId,
    what: &str,
    data: Box<dyn HostData>,
) -> R<(Value, ObjId)> {
    let Some(Value::Obj(cls)) = args.pos.first().copied() else {
        return vm.fail(
            ExcKind::TypeError,
            format!("{what}.__new__(X): X is not a type object"),
        );
    };
    if vm.class(cls).is_none() || !vm.is_subclass(cls, exact) {
        return vm.fail(
            ExcKind::TypeError,
            format!("{what}.__new__(X): X is not a subtype of {what}"),
        );
    }
    let h = vm.alloc_host(exact, data);
    Ok((vm.wrap_host(cls, exact, h), cls))
}
