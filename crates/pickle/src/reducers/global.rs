//! What pickles by reference: classes and other objects found as
//! `module.qualname`, modules and their namespaces, built-in functions.

use brine_vm::{NativeId, Obj, ObjId, Value, Vm};

use crate::dump::DumpCx;
use crate::envelope::Envelope;
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::{LoadPhase, Reducer};

/// The module a value's class says it was defined in.
pub(crate) fn module_name_of(vm: &Vm, v: Value) -> String {
    let class = match vm.heap.get_obj(v) {
        Some(Obj::Class(_)) => v.obj(),
        _ => Some(vm.type_of(v)),
    };
    class
        .and_then(|c| class_module(vm, c))
        .unwrap_or_else(|| "builtins".into())
}

/// A class's `__module__`.
pub(crate) fn class_module(vm: &Vm, class: ObjId) -> Option<String> {
    let c = vm.class(class)?;
    let m = vm.dict_ref(c.dict)?.get(&Vm::key_of("__module__"))?;
    Some(vm.str_of(m)?.s.to_string())
}

/// The loaded module `name`, or a built-in one made now.
pub(crate) fn find_module(vm: &mut Vm, name: &str) -> Option<ObjId> {
    if let Some(Value::Obj(m)) = vm.dict_get_str(vm.modules, name) {
        return Some(m);
    }
    vm.builtin_module(name).ok().flatten()
}

/// The namespace of module `name`.
fn module_namespace(vm: &mut Vm, name: &str) -> Option<ObjId> {
    if name == "builtins" {
        return Some(vm.builtins);
    }
    let m = find_module(vm, name)?;
    vm.module_dict(m)
}

/// `module.qualname`, looked up through module and class namespaces.
pub(crate) fn lookup(vm: &mut Vm, module: &str, qualname: &str) -> Option<Value> {
    let mut ns = module_namespace(vm, module)?;
    let mut found: Option<Value> = None;
    for part in qualname.split('.') {
        if let Some(Value::Obj(prev)) = found {
            ns = match vm.heap.get(prev) {
                Obj::Class(c) => c.dict,
                Obj::Module(m) => m.dict,
                _ => return None,
            };
        }
        found = vm.dict_get_str(ns, part);
        if found.is_none() {
            break;
        }
    }
    match found {
        Some(v) => Some(v),
        None if module == "builtins" => builtin_type(vm, qualname).map(Value::Obj),
        None => None,
    }
}

/// A built-in type that `builtins` does not name (`function`, `generator`, …).
fn builtin_type(vm: &Vm, name: &str) -> Option<ObjId> {
    let t = &vm.types;
    [
        t.function,
        t.builtin_function,
        t.method,
        t.code,
        t.module,
        t.cell,
        t.generator,
        t.coroutine,
        t.iterator,
        t.none,
        t.dict_keys,
        t.dict_values,
        t.dict_items,
        t.not_implemented,
        t.ellipsis,
    ]
    .into_iter()
    .find(|c| vm.class_name(*c) == name)
}

/// Whether module `m` pickles by name: always unless modules go by value,
/// and always for built-in modules (those without a source file).
pub(crate) fn module_by_reference(cx: &DumpCx<'_>, m: ObjId) -> bool {
    if !cx.options().modules_by_value {
        return true;
    }
    let Some(dict) = cx.vm.module_dict(m) else {
        return true;
    };
    cx.vm.dict_get_str(dict, "__file__").is_none()
}

fn module_name(vm: &Vm, m: ObjId) -> String {
    match vm.heap.get(m) {
        Obj::Module(md) => vm
            .str_of(md.name)
            .map(|s| s.s.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The reduction of a dict that is a namespace pickled by reference.
pub(crate) fn namespace_by_reference(cx: &mut DumpCx<'_>, dict: ObjId) -> Option<Reduction> {
    if dict == cx.vm.prelude {
        return Some(Reduction::new("prelude_dict", vec![], vec![]));
    }
    if dict == cx.vm.builtins {
        return Some(Reduction::new(
            "module_dict",
            vec![Node::Str("builtins".into())],
            vec![],
        ));
    }
    let m = cx.module_of_dict(dict)?;
    module_by_reference(cx, m).then(|| {
        Reduction::new(
            "module_dict",
            vec![Node::Str(module_name(cx.vm, m))],
            vec![],
        )
    })
}

/// The modules a pickle names by reference that are not loaded yet.
pub(crate) fn missing_modules(vm: &mut Vm, env: &Envelope) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in &env.entries {
        let Some(tag) = env.tags.get(e.tag as usize) else {
            continue;
        };
        if !matches!(tag.as_str(), "global" | "module" | "module_dict") {
            continue;
        }
        let Some(name) = e.args.first().and_then(Node::as_str) else {
            continue;
        };
        if name != "builtins" && find_module(vm, name).is_none() && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out.reverse();
    out
}

/// The loading VM's own unbound built-in `name` (`builtins.len` is the
/// object `len` names), so that identity survives a round trip.
fn unbound_builtin(vm: &mut Vm, name: &str, native: NativeId, self_: Value) -> Option<ObjId> {
    if !self_.is_undef() {
        return None;
    }
    let (module, attr) = name.rsplit_once('.')?;
    let found = lookup(vm, module, attr)?.obj()?;
    match vm.heap.get(found) {
        Obj::Native { id, self_ } if *id == native && self_.is_undef() => Some(found),
        _ => None,
    }
}

/// Classes by reference (`global`), modules, namespaces and built-in functions.
pub(crate) struct GlobalReducer;

impl Reducer for GlobalReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        match cx.vm.heap.get(obj).clone() {
            Obj::Module(m) => {
                let name = cx
                    .vm
                    .str_of(m.name)
                    .map(|s| s.s.to_string())
                    .unwrap_or_default();
                if module_by_reference(cx, obj) {
                    Ok(Reduction::new("module", vec![Node::Str(name)], vec![]))
                } else {
                    let dict = cx.obj(m.dict);
                    Ok(Reduction::new(
                        "module_value",
                        vec![Node::Str(name)],
                        vec![dict],
                    ))
                }
            }
            Obj::Native { id, self_ } => {
                let name = cx
                    .vm
                    .natives
                    .get(id.0 as usize)
                    .map(|d| d.name)
                    .unwrap_or_default();
                let bound = cx.value(self_);
                Ok(Reduction::new(
                    "builtin",
                    vec![Node::Str(name.into()), bound],
                    vec![],
                ))
            }
            _ => Err(super::containers::unexpected(cx.vm, obj)),
        }
    }

    fn load(
        &self,
        cx: &mut LoadCx<'_>,
        id: ObjId,
        args: &[Node],
        state: &[Node],
    ) -> Result<(), Error> {
        if cx.tag() == "prelude_dict" {
            let p = cx.vm.prelude;
            cx.alias(p);
            return Ok(());
        }
        let name = cx.str(cx.arg(args, 0)?)?.to_owned();
        match cx.tag() {
            "global" => {
                let qualname = cx.str(cx.arg(args, 1)?)?.to_owned();
                match lookup(cx.vm, &name, &qualname) {
                    Some(Value::Obj(found)) => cx.alias(found),
                    _ => {
                        return Err(Error::NotFound {
                            what: "a global".into(),
                            path: format!("{name}.{qualname}"),
                        })
                    }
                }
            }
            "module" => {
                let m = find_module(cx.vm, &name).ok_or(Error::NoModule(name))?;
                cx.alias(m);
            }
            "module_dict" => {
                let d = module_namespace(cx.vm, &name).ok_or(Error::NoModule(name))?;
                cx.alias(d);
            }
            "module_value" => {
                let dict = cx.id(cx.arg(state, 0)?)?;
                let name_v = cx.vm.new_str(&name);
                *cx.vm.heap.get_mut(id) =
                    Obj::Module(brine_vm::object::Module { name: name_v, dict });
                let modules = cx.vm.modules;
                cx.vm.dict_set_str(modules, &name, Value::Obj(id));
            }
            "builtin" => {
                let native = cx.vm.native_id(&name).ok_or_else(|| Error::NotFound {
                    what: "a built-in function".into(),
                    path: name.clone(),
                })?;
                let self_ = cx.value(cx.arg(args, 1)?)?;
                if let Some(found) = unbound_builtin(cx.vm, &name, native, self_) {
                    cx.alias(found);
                    return Ok(());
                }
                *cx.vm.heap.get_mut(id) = Obj::Native { id: native, self_ };
            }
            _ => return Err(cx.bad("not a global")),
        }
        Ok(())
    }

    fn phase(&self) -> LoadPhase {
        LoadPhase::First
    }
}
