//! Functions by value (lambdas, nested functions and closures included),
//! cells, bound methods, and the descriptors `staticmethod`,
//! `classmethod` and `property`.

use brine_vm::object::Function;
use brine_vm::{Obj, ObjId, Value};

use crate::dump::DumpCx;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

use super::global::{find_module, lookup};

/// A function found again as `module.qualname` pickles by reference, as
/// Stackless's `save_function` tries `save_global` first; `None` for a
/// lambda, a nested function, or when modules pickle by value (a whole
/// program checkpoint loads into a VM that has no module to find it in).
fn by_reference(cx: &mut DumpCx<'_>, obj: ObjId, f: &Function) -> Option<Reduction> {
    if cx.options().modules_by_value {
        return None;
    }
    let qualname = cx.vm.str_of(f.qualname)?.s.to_string();
    let module = cx.vm.str_of(f.module)?.s.to_string();
    if qualname.contains('<') {
        return None;
    }
    if module != "builtins" {
        find_module(cx.vm, &module)?;
    }
    (lookup(cx.vm, &module, &qualname) == Some(Value::Obj(obj))).then(|| {
        Reduction::new(
            "global",
            vec![Node::Str(module), Node::Str(qualname)],
            vec![],
        )
    })
}

/// `function`: code, then globals, names, defaults, closure, `__dict__`.
pub(crate) struct FunctionReducer;

impl Reducer for FunctionReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let Obj::Function(f) = cx.vm.heap.get(obj) else {
            return Err(super::containers::unexpected(cx.vm, obj));
        };
        let f = (**f).clone();
        if let Some(r) = by_reference(cx, obj, &f) {
            return Ok(r);
        }
        let code = cx.obj(f.code);
        let state = vec![
            cx.obj(f.globals),
            cx.value(f.name),
            cx.value(f.qualname),
            cx.values(&f.defaults),
            f.kwdefaults.map_or(Node::Nil, |d| cx.obj(d)),
            Node::List(f.closure.iter().map(|c| cx.obj(*c)).collect()),
            f.dict.map_or(Node::Nil, |d| cx.obj(d)),
            cx.value(f.module),
            cx.value(f.doc),
        ];
        Ok(Reduction::new("function", vec![code], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let code = cx.id(cx.arg(args, 0)?)?;
        let invalid = match cx.vm.heap.get(code) {
            Obj::Code(c) => c.invalid,
            _ => return Err(cx.bad("the code is not a code object")),
        };
        let opt = |cx: &LoadCx<'_>, n: &Node| -> Result<Option<ObjId>, Error> {
            match n {
                Node::Nil => Ok(None),
                n => cx.id(n).map(Some),
            }
        };
        let closure = cx
            .arg(state, 5)?
            .as_list()
            .ok_or_else(|| cx.bad("the closure is not a list"))?
            .iter()
            .map(|n| cx.id(n))
            .collect::<Result<Vec<_>, _>>()?;
        let f = Function {
            code,
            globals: cx.id(cx.arg(state, 0)?)?,
            name: cx.value(cx.arg(state, 1)?)?,
            qualname: cx.value(cx.arg(state, 2)?)?,
            defaults: cx.values(cx.arg(state, 3)?)?,
            kwdefaults: opt(cx, cx.arg(state, 4)?)?,
            closure,
            dict: opt(cx, cx.arg(state, 6)?)?,
            module: cx.value(cx.arg(state, 7)?)?,
            doc: cx.value(cx.arg(state, 8)?)?,
        };
        if invalid {
            let name = cx
                .vm
                .str_of(f.qualname)
                .map(|s| s.s.to_string())
                .unwrap_or_default();
            cx.warn(format!(
                "Unpickling function with invalid code object: <function {name}>"
            ));
        }
        *cx.vm.heap.get_mut(id) = Obj::Function(Box::new(f));
        Ok(())
    }
}

/// Cells, bound methods and descriptors: a few values each.
pub(crate) struct WrapperReducer;

impl Reducer for WrapperReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let (tag, vs): (&'static str, Vec<Value>) = match cx.vm.heap.get(obj) {
            Obj::Cell(v) => ("cell", vec![*v]),
            Obj::Method { func, self_ } => ("method", vec![*func, *self_]),
            Obj::StaticMethod(v) => ("staticmethod", vec![*v]),
            Obj::ClassMethod(v) => ("classmethod", vec![*v]),
            Obj::Property { fget, fset, fdel } => ("property", vec![*fget, *fset, *fdel]),
            _ => return Err(super::containers::unexpected(cx.vm, obj)),
        };
        let state = cx.nodes(&vs);
        Ok(Reduction::new(tag, vec![], state))
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        _args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        let n = match cx.tag() {
            "method" => 2,
            "property" => 3,
            _ => 1,
        };
        let mut vs = Vec::with_capacity(n);
        for i in 0..n {
            vs.push(cx.value(cx.arg(state, i)?)?);
        }
        let obj = match cx.tag() {
            "cell" => Obj::Cell(vs[0]),
            "method" => Obj::Method {
                func: vs[0],
                self_: vs[1],
            },
            "staticmethod" => Obj::StaticMethod(vs[0]),
            "classmethod" => Obj::ClassMethod(vs[0]),
            "property" => Obj::Property {
                fget: vs[0],
                fset: vs[1],
                fdel: vs[2],
            },
            _ => return Err(cx.bad("not a wrapper")),
        };
        *cx.vm.heap.get_mut(id) = obj;
        Ok(())
    }
}
