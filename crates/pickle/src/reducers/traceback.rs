//! Traceback objects: pickled with their frames, as Stackless pickles a
//! frame as part of a traceback. Each link writes its frame's code and
//! globals inline, so no frame object needs a reducer of its own.

use brine_vm::frame_object::FrameInfo;
use brine_vm::traceback_object::TracebackInfo;
use brine_vm::{Obj, ObjId, Value};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `traceback`: `[code, line, globals, next]`.
pub(crate) struct TracebackReducer;

impl Reducer for TracebackReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let host = cx.vm.host_id(Value::Obj(obj));
        let Some(tb) = host
            .and_then(|h| cx.vm.host_ref::<TracebackInfo>(h))
            .cloned()
        else {
            return Err(super::containers::unexpected(cx.vm, obj));
        };
        let frame = cx
            .vm
            .host_id(tb.frame)
            .and_then(|h| cx.vm.host_ref::<FrameInfo>(h))
            .cloned();
        let Some(frame) = frame else {
            return Err(super::containers::unexpected(cx.vm, obj));
        };
        let state = vec![
            cx.obj(frame.code),
            Node::Int(i64::from(tb.lineno)),
            cx.obj(frame.globals),
            cx.value(tb.next),
        ];
        Ok(Reduction::new("traceback", vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        s: &[Node],
    ) -> Result<(), Error> {
        let code = cx.id(cx.arg(s, 0)?)?;
        let lineno = u32::try_from(cx.int(cx.arg(s, 1)?)?)
            .map_err(|_| cx.bad("a traceback line out of range"))?;
        let globals = cx.id(cx.arg(s, 2)?)?;
        let next = cx.value(cx.arg(s, 3)?)?;
        if !matches!(cx.vm.heap.get(code), Obj::Code(_)) {
            return Err(cx.bad("a traceback without code"));
        }
        let frame = cx.vm.frame_object(FrameInfo {
            code,
            lineno,
            lasti: 0,
            globals,
            locals: Value::None,
            back: Value::None,
        });
        let frame = cx.vm.alloc(frame);
        let tb = cx.vm.traceback_object(TracebackInfo {
            frame,
            lineno,
            next,
        });
        *cx.vm.heap.get_mut(id) = tb;
        Ok(())
    }
}
