//! Objects that stand for others: `super()` proxies, and frame objects
//! (snapshots of a frame and those below it).
//!
//! Frame objects have no default reducer for ordinary pickles, as in
//! Stackless; a whole-program checkpoint keeps them, since the program
//! may hold one.

use brine_vm::frame_object::FrameInfo;
use brine_vm::{Obj, ObjId};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `super`: `[class, obj]`; `frame`: `[code, lineno, lasti, globals, locals, back]`.
pub(crate) struct ProxyReducer;

fn count(cx: &LoadCx<'_>, n: &Node) -> Result<u32, Error> {
    u32::try_from(cx.int(n)?).map_err(|_| cx.bad("a line or instruction index out of range"))
}

impl Reducer for ProxyReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        if let Obj::Super { class, obj } = cx.vm.heap.get(obj) {
            let (class, bound) = (*class, *obj);
            let state = vec![cx.obj(class), cx.value(bound)];
            return Ok(Reduction::new("super", vec![], state));
        }
        let info = cx
            .vm
            .host_id(brine_vm::Value::Obj(obj))
            .and_then(|h| cx.vm.host_ref::<FrameInfo>(h))
            .cloned();
        match info {
            Some(f) if cx.options().whole_program => {
                let state = vec![
                    cx.obj(f.code),
                    Node::Int(i64::from(f.lineno)),
                    Node::Int(i64::from(f.lasti)),
                    cx.obj(f.globals),
                    cx.value(f.locals),
                    cx.value(f.back),
                ];
                Ok(Reduction::new("frame", vec![], state))
            }
            _ => Err(super::containers::unexpected(cx.vm, obj)),
        }
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        s: &[Node],
    ) -> Result<(), Error> {
        if cx.tag() == "super" {
            let class = cx.id(cx.arg(s, 0)?)?;
            let obj = cx.value(cx.arg(s, 1)?)?;
            *cx.vm.heap.get_mut(id) = Obj::Super { class, obj };
            return Ok(());
        }
        // The kinds of the code and globals, which may be built after
        // this entry, are checked once the table is built (`validate`).
        let code = cx.id(cx.arg(s, 0)?)?;
        let globals = cx.id(cx.arg(s, 3)?)?;
        let info = FrameInfo {
            code,
            lineno: count(cx, cx.arg(s, 1)?)?,
            lasti: count(cx, cx.arg(s, 2)?)?,
            globals,
            locals: cx.value(cx.arg(s, 4)?)?,
            back: cx.value(cx.arg(s, 5)?)?,
        };
        let frame = cx.vm.frame_object(info);
        *cx.vm.heap.get_mut(id) = frame;
        Ok(())
    }
}
