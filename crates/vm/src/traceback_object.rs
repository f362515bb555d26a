//! Traceback objects as Python sees them (`exc.__traceback__`): a chain
//! made from the exception's recorded lines when asked for, outermost
//! first, each with a frame object of the line's code and globals.

use crate::heap::ObjId;
use crate::native::{Args, NativeDef, NativeKind, R};
use crate::object::{HostData, TbEntry};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// One link of a traceback.
#[derive(Clone, Debug)]
pub struct TracebackInfo {
    /// The frame object of the line (`tb_frame`).
    pub frame: Value,
    /// The line (`tb_lineno`).
    pub lineno: u32,
    /// The next link, towards where the exception was raised, or `None`.
    pub next: Value,
}

impl HostData for TracebackInfo {
    fn trace(&self, out: &mut Vec<ObjId>) {
        out.extend(self.frame.obj());
        out.extend(self.next.obj());
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
    ("tb_frame", getter("traceback.tb_frame", tb_frame)),
    ("tb_lineno", getter("traceback.tb_lineno", tb_lineno)),
    ("tb_lasti", getter("traceback.tb_lasti", tb_lasti)),
    ("tb_next", getter("traceback.tb_next", tb_next)),
];

impl Vm {
    /// The traceback object for `entries` (innermost first, as an
    /// exception records them); `None` when there are none.
    pub fn traceback_objects(&mut self, entries: &[TbEntry]) -> Value {
        let mut next = Value::None;
        for e in entries {
            let frame = self.frame_object(crate::frame_object::FrameInfo {
                code: e.code,
                lineno: e.line,
                lasti: 0,
                globals: e.globals,
                locals: Value::None,
                back: Value::None,
            });
            let frame = self.alloc(frame);
            let info = TracebackInfo {
                frame,
                lineno: e.line,
                next,
            };
            let cls = self.traceback_class();
            next = Value::Obj(self.alloc_host(cls, Box::new(info)));
        }
        next
    }

    /// The object a traceback object for `info` is (how a loaded pickle
    /// rebuilds one in place).
    pub fn traceback_object(&mut self, info: TracebackInfo) -> crate::object::Obj {
        let class = self.traceback_class();
        crate::object::Obj::Host(crate::object::HostObj {
            class,
            data: Box::new(info),
        })
    }

    /// The `traceback` class, made the first time it is needed.
    fn traceback_class(&mut self) -> ObjId {
        if let Some(c) = self.traceback_class {
            return c;
        }
        let cls = self.new_host_class("builtins", "traceback", Vec::new());
        for (attr, get) in ATTRS {
            self.add_native_property(cls, attr, *get, None);
        }
        self.traceback_class = Some(cls);
        cls
    }
}

/// The link a getter is called on.
fn info(vm: &mut Vm, args: &Args) -> R<TracebackInfo> {
    let found = args
        .pos
        .first()
        .and_then(|v| vm.host_id(*v))
        .and_then(|id| vm.host_ref::<TracebackInfo>(id))
        .cloned();
    match found {
        Some(t) => Ok(t),
        None => vm.fail(
            ExcKind::TypeError,
            "descriptor requires a 'traceback' object",
        ),
    }
}

fn tb_frame(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(info(vm, &args)?.frame)
}

fn tb_lineno(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(i64::from(info(vm, &args)?.lineno)))
}

fn tb_lasti(vm: &mut Vm, args: Args) -> R<Value> {
    info(vm, &args)?;
    Ok(Value::Int(0))
}

fn tb_next(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(info(vm, &args)?.next)
}
