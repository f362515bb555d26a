//! Frame objects as Python sees them (`sys._getframe()`, a tasklet's
//! `frame`): a snapshot of a frame and the frames below it, taken when
//! asked for. Frames themselves stay plain data inside execution states.

use crate::frame::Frame;
use crate::heap::ObjId;
use crate::native::{Args, NativeDef, NativeKind, R};
use crate::object::HostData;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// A frame as it was when the frame object was made.
#[derive(Clone, Debug)]
pub struct FrameInfo {
    /// The code object it runs.
    pub code: ObjId,
    /// The line it was at.
    pub lineno: u32,
    /// The index of the instruction it was at.
    pub lasti: u32,
    /// Its globals (a dict).
    pub globals: ObjId,
    /// Its locals (a dict, or the module or class namespace).
    pub locals: Value,
    /// The frame below it, or `None`.
    pub back: Value,
}

impl HostData for FrameInfo {
    fn trace(&self, out: &mut Vec<ObjId>) {
        out.extend([self.code, self.globals]);
        out.extend(self.locals.obj());
        out.extend(self.back.obj());
    }
}

const fn getter(name: &'static str, f: crate::native::NativeFn) -> NativeDef {
    NativeDef {
        name,
        kind: NativeKind::Function,
        f,
    }
}

const ATTRS: &[(&str, NativeDef)] = &[
    ("f_code", getter("frame.f_code", f_code)),
    ("f_lineno", getter("frame.f_lineno", f_lineno)),
    ("f_lasti", getter("frame.f_lasti", f_lasti)),
    ("f_globals", getter("frame.f_globals", f_globals)),
    ("f_locals", getter("frame.f_locals", f_locals)),
    ("f_back", getter("frame.f_back", f_back)),
];

impl Vm {
    /// Frame objects for `frames` (bottom first), skipping the frames that
    /// stand for built-ins; the newest one, or `None` when there is none.
    pub fn frame_objects(&mut self, frames: &[Frame]) -> Value {
        let cls = self.frame_class();
        let mut back = Value::None;
        for f in frames {
            if f.code.code.flags & crate::code::flags::HOST_CALL != 0 {
                continue;
            }
            let info = FrameInfo {
                code: f.code_id,
                lineno: f.line(),
                lasti: f.pc.saturating_sub(1),
                globals: f.globals,
                locals: self.locals_of(f),
                back,
            };
            back = Value::Obj(self.alloc_host(cls, Box::new(info)));
        }
        back
    }

    /// The object a frame object for `info` is (how a loaded pickle
    /// rebuilds one in place).
    pub fn frame_object(&mut self, info: FrameInfo) -> crate::object::Obj {
        let class = self.frame_class();
        crate::object::Obj::Host(crate::object::HostObj {
            class,
            data: Box::new(info),
        })
    }

    /// The `frame` class, made the first time it is needed.
    fn frame_class(&mut self) -> ObjId {
        if let Some(c) = self.frame_class {
            return c;
        }
        let cls = self.new_host_class("builtins", "frame", Vec::new());
        for (attr, get) in ATTRS {
            self.add_native_property(cls, attr, *get, None);
        }
        self.frame_class = Some(cls);
        cls
    }
}

/// The frame a getter is called on.
fn info(vm: &mut Vm, args: &Args) -> R<FrameInfo> {
    let found = args
        .pos
        .first()
        .and_then(|v| vm.host_id(*v))
        .and_then(|id| vm.host_ref::<FrameInfo>(id))
        .cloned();
    match found {
        Some(f) => Ok(f),
        None => vm.fail(ExcKind::TypeError, "descriptor requires a 'frame' object"),
    }
}

fn f_code(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Obj(info(vm, &args)?.code))
}

fn f_lineno(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(i64::from(info(vm, &args)?.lineno)))
}

fn f_lasti(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(i64::from(info(vm, &args)?.lasti)))
}

fn f_globals(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Obj(info(vm, &args)?.globals))
}

fn f_locals(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(info(vm, &args)?.locals)
}

fn f_back(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(info(vm, &args)?.back)
}
