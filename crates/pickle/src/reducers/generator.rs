//! Generators and coroutines, suspended anywhere: their frame comes along.

use brine_vm::object::{GenKind, GenState, Generator};
use brine_vm::{Obj, ObjId};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `generator`: `[kind, state, frame, name, qualname, code]`.
pub(crate) struct GeneratorReducer;

impl Reducer for GeneratorReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let (vm, mut cx) = cx.split();
        let Obj::Generator(g) = vm.heap.get(obj) else {
            return Err(super::containers::unexpected(vm, obj));
        };
        let kind = match g.kind {
            GenKind::Generator => 0,
            GenKind::Coroutine => 1,
            GenKind::AsyncGenerator => 2,
        };
        let state = match g.state {
            GenState::Created => 0,
            GenState::Suspended => 1,
            GenState::Running => 2,
            GenState::Finished => 3,
        };
        let frame = match &g.frame {
            Some(f) => super::frame::dump_frame(&mut cx, f)?,
            None => Node::Nil,
        };
        let st = vec![
            Node::Int(kind),
            Node::Int(state),
            frame,
            cx.value(g.name),
            cx.value(g.qualname),
            cx.obj(g.code),
        ];
        Ok(Reduction::new("generator", vec![], st))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let kind = match cx.int(cx.arg(state, 0)?)? {
            0 => GenKind::Generator,
            1 => GenKind::Coroutine,
            2 => GenKind::AsyncGenerator,
            _ => return Err(cx.bad("an unknown generator kind")),
        };
        let gstate = match cx.int(cx.arg(state, 1)?)? {
            0 => GenState::Created,
            1 => GenState::Suspended,
            2 => GenState::Running,
            3 => GenState::Finished,
            _ => return Err(cx.bad("an unknown generator state")),
        };
        let frame = match cx.arg(state, 2)? {
            Node::Nil => None,
            n => Some(Box::new(super::frame::load_frame(cx, n, true)?)),
        };
        if frame.is_none() && matches!(gstate, GenState::Created | GenState::Suspended) {
            return Err(cx.bad("a suspended generator without a frame"));
        }
        let g = Generator {
            kind,
            state: gstate,
            frame,
            name: cx.value(cx.arg(state, 3)?)?,
            qualname: cx.value(cx.arg(state, 4)?)?,
            code: cx.id(cx.arg(state, 5)?)?,
        };
        *cx.vm.heap.get_mut(id) = Obj::Generator(Box::new(g));
        Ok(())
    }
}
