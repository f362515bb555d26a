//! The kind of an object: the name its default reducer is registered under.

use brine_vm::{Obj, ObjId, Vm};

/// The kind name of the object `id` (`"list"`, `"function"`, `"tasklet"`, …).
pub fn kind_of(vm: &Vm, id: ObjId) -> &'static str {
    match vm.heap.get(id) {
        Obj::Free => "free",
        Obj::Str(_) => "str",
        Obj::Bytes(_) => "bytes",
        Obj::Int(_) => "int",
        Obj::Tuple(_) => "tuple",
        Obj::List(_) => "list",
        Obj::Dict(_) => "dict",
        Obj::Set(_) => "set",
        Obj::FrozenSet(_) => "frozenset",
        Obj::Range { .. } => "range",
        Obj::Slice { .. } => "slice",
        Obj::Function(_) => "function",
        Obj::Native { .. } => "builtin_function",
        Obj::Method { .. } => "method",
        Obj::Code(_) => "code",
        Obj::Class(_) => "type",
        Obj::Instance(_) => "instance",
        Obj::Module(_) => "module",
        Obj::Cell(_) => "cell",
        Obj::Generator(_) => "generator",
        Obj::Iter(_) => "iterator",
        Obj::View { .. } => "dict_view",
        Obj::Property { .. } => "property",
        Obj::StaticMethod(_) => "staticmethod",
        Obj::ClassMethod(_) => "classmethod",
        Obj::Super { .. } => "super",
        Obj::Singleton(_) => "singleton",
        Obj::Host(h) => host_kind(h),
    }
}

fn host_kind(h: &brine_vm::HostObj) -> &'static str {
    let any: &dyn std::any::Any = h.data.as_ref();
    if any.is::<brine_sched::Tasklet>() {
        "tasklet"
    } else if any.is::<brine_sched::Channel>() {
        "channel"
    } else if any.is::<brine_vm::frame_object::FrameInfo>() {
        "frame"
    } else if any.is::<brine_vm::traceback_object::TracebackInfo>() {
        "traceback"
    } else if any.is::<crate::module::Session>() {
        "pickle_session"
    } else {
        "host"
    }
}
