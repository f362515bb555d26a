//! Classes: by reference (`module.qualname`) when they can be found again
//! there, by value otherwise (a class defined inside a function, or one of
//! a module pickled by value).

use brine_vm::object::{BaseKind, Class};
use brine_vm::{Obj, ObjId, Value};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

use super::global::{class_module, find_module, lookup, module_by_reference};

/// `type`: a `global` reference, or `class` by value.
pub(crate) struct ClassReducer;

fn by_reference(cx: &mut DumpCx<'_>, obj: ObjId, c: &Class) -> Option<Reduction> {
    let name = cx.vm.str_of(c.name)?.s.to_string();
    if c.builtin {
        let module = cx
            .vm
            .host_class_module(obj)
            .unwrap_or_else(|| "builtins".into());
        return Some(Reduction::new(
            "global",
            vec![Node::Str(module), Node::Str(name)],
            vec![],
        ));
    }
    let qualname = cx.vm.str_of(c.qualname)?.s.to_string();
    let module = class_module(cx.vm, obj)?;
    if qualname.contains("<locals>") {
        return None;
    }
    let m = find_module(cx.vm, &module)?;
    if !module_by_reference(cx, m) {
        return None;
    }
    (lookup(cx.vm, &module, &qualname) == Some(Value::Obj(obj))).then(|| {
        Reduction::new(
            "global",
            vec![Node::Str(module), Node::Str(qualname)],
            vec![],
        )
    })
}

impl Reducer for ClassReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let Obj::Class(c) = cx.vm.heap.get(obj) else {
            return Err(super::containers::unexpected(cx.vm, obj));
        };
        let c = (**c).clone();
        if let Some(r) = by_reference(cx, obj, &c) {
            return Ok(r);
        }
        if c.builtin {
            return Err(super::containers::unexpected(cx.vm, obj));
        }
        let base_kind = match c.base_kind {
            BaseKind::Object => 0,
            BaseKind::Exception => 1,
            BaseKind::Value => 2,
        };
        let state = vec![
            cx.value(c.name),
            cx.value(c.qualname),
            Node::List(c.bases.iter().map(|b| cx.obj(*b)).collect()),
            Node::List(c.mro.iter().map(|b| cx.obj(*b)).collect()),
            cx.obj(c.dict),
            Node::Int(base_kind),
            cx.obj(c.meta),
        ];
        Ok(Reduction::new("class", vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let ids = |cx: &LoadCx<'_>, n: &Node| -> Result<Vec<ObjId>, Error> {
            n.as_list()
                .ok_or_else(|| cx.bad("a list was expected"))?
                .iter()
                .map(|x| cx.id(x))
                .collect()
        };
        let base_kind = match cx.int(cx.arg(state, 5)?)? {
            0 => BaseKind::Object,
            1 => BaseKind::Exception,
            2 => BaseKind::Value,
            _ => return Err(cx.bad("unknown instance layout")),
        };
        let mro = ids(cx, cx.arg(state, 3)?)?;
        if mro.first() != Some(&id) {
            return Err(cx.bad("the MRO does not start with the class"));
        }
        let c = Class {
            name: cx.value(cx.arg(state, 0)?)?,
            qualname: cx.value(cx.arg(state, 1)?)?,
            bases: ids(cx, cx.arg(state, 2)?)?,
            mro,
            dict: cx.id(cx.arg(state, 4)?)?,
            base_kind,
            builtin: false,
            meta: cx.id(cx.arg(state, 6)?)?,
        };
        *cx.vm.heap.get_mut(id) = Obj::Class(Box::new(c));
        Ok(())
    }
}
