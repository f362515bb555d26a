//! Code objects, by value, with the bytecode magic number.
//!
//! Nested code objects among the constants are entries of their own, so
//! that a function and the code that made it share them after loading.
//! Every code object is verified before it can run. One with another magic
//! number loads marked invalid, with `RuntimeWarning('Unpickling code object
//! with invalid magic number N')`: calling it raises `SystemError`, and a
//! frame running it is invalid (as in Stackless).

use std::rc::Rc;

use brine_vm::{CodeObject, Const, Obj, ObjId, Value};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::{LoadPhase, Reducer};

/// `code`: `[magic, code without nested code, [[const index, ref]…]]`, and
/// `true` after them for code that is invalid already.
pub(crate) struct CodeReducer;

impl Reducer for CodeReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let Obj::Code(data) = cx.vm.heap.get(obj) else {
            return Err(super::containers::unexpected(cx.vm, obj));
        };
        let data = data.clone();
        let mut code = data.code.clone();
        let mut linked = Vec::new();
        // A loaded code object keeps its nested code only as linked
        // values, so the values (not `code.consts`) say which are code.
        for (i, c) in code.consts.iter_mut().enumerate() {
            let v = data.consts.get(i).copied().unwrap_or(Value::None);
            let nested = matches!(cx.vm.heap.get_obj(v), Some(Obj::Code(_)));
            if nested || matches!(c, Const::Code(_)) {
                *c = Const::None;
                linked.push(Node::List(vec![Node::Int(i as i64), cx.value(v)]));
            }
        }
        let bytes = crate::codec::encode_value(&code)?;
        let mut args = vec![
            Node::Int(i64::from(brine_vm::MAGIC)),
            Node::Bin(bytes),
            Node::List(linked),
        ];
        // Code that loaded invalid stays invalid, without a second warning:
        // Stackless's code keeps its prepended invalid instruction.
        if data.invalid {
            args.push(Node::Bool(true));
        }
        Ok(Reduction::new("code", args, vec![]))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        _state: &[Node],
    ) -> Result<(), Error> {
        let magic = cx.int(cx.arg(args, 0)?)?;
        let Node::Bin(bytes) = cx.arg(args, 1)? else {
            return Err(cx.bad("the code is not bytes"));
        };
        let code: CodeObject = crate::codec::decode_value(bytes)?;
        brine_vm::verify::verify(&code).map_err(|e| Error::Code(e.to_string()))?;
        let mut linked = Vec::new();
        for l in cx.arg(args, 2)?.as_list().unwrap_or_default() {
            let pair = l.as_list().unwrap_or_default();
            let i = cx.int(cx.arg(pair, 0)?)?;
            let target = cx.id(cx.arg(pair, 1)?)?;
            let i = usize::try_from(i)
                .ok()
                .filter(|i| matches!(code.consts.get(*i), Some(Const::None)))
                .ok_or_else(|| cx.bad("a nested code object at a bad index"))?;
            linked.push((i, target));
        }
        let mut data = cx.vm.code_data(code, &linked);
        data.invalid = matches!(args.get(3), Some(Node::Bool(true)));
        if magic != i64::from(brine_vm::MAGIC) {
            cx.warn(format!(
                "Unpickling code object with invalid magic number {magic}"
            ));
            data.invalid = true;
        }
        *cx.vm.heap.get_mut(id) = Obj::Code(Rc::new(data));
        Ok(())
    }

    fn phase(&self) -> LoadPhase {
        LoadPhase::First
    }
}
