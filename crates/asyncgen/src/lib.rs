//! brine-asyncgen: async generators on top of brine-vm's generators.
//!
//! The compiler gives an `async def` with `yield` the `ASYNC_GENERATOR`
//! flag and marks each value it yields (`AsyncGenWrap`). Calling such a
//! function makes an ordinary generator over its frame and hands it to the
//! `async_generator` class of the `_asyncgen` module, which this crate
//! installs. That class and its `asend`/`athrow` awaitables are written in
//! Python (`asyncgen.py`, CPython's `genobject.c` rules), so every step of
//! an async generator is a frame of the VM's own loop: nothing recurses in
//! Rust, and every object involved pickles as it is.
//!
//! ```
//! let mut vm = brine_vm::Vm::new(Some(Box::new(brine_compiler::Compiler))).unwrap();
//! brine_asyncgen::install(&mut vm).unwrap();
//! ```

mod error;

pub use self::error::Error;

use brine_vm::{Args, NativeDef, NativeKind, Obj, ObjId, Value, Vm, R};

/// The Python part: the async generator and its awaitables, the hooks.
const SOURCE: &str = include_str!("asyncgen.py");

/// The name of the module the VM finds async generator support in.
pub const MODULE: &str = "_asyncgen";

/// Install async generators in `vm`: the `_asyncgen` module, the
/// `aiter` and `anext` built-ins, and `sys.set_asyncgen_hooks` /
/// `sys.get_asyncgen_hooks`.
///
/// # Errors
/// When the VM has no compiler, or the module's Python part fails (a bug
/// in brine).
pub fn install(vm: &mut Vm) -> Result<(), Error> {
    let module = vm.new_module(MODULE, None);
    let dict = vm.module_dict(module).ok_or(Error::NotInstalled)?;
    let id = vm.register_native(FINALIZE_WHEN_UNREACHABLE);
    let f = vm.alloc(Obj::Native {
        id,
        self_: Value::Undef,
    });
    vm.dict_set_str(dict, "_finalize_when_unreachable", f);
    vm.run_builtin_source(module, SOURCE, "<brine _asyncgen>")?;
    let ns = namespace(vm)?;
    for name in ["aiter", "anext"] {
        if let Some(f) = vm.dict_get_str(ns, name) {
            let builtins = vm.builtins;
            vm.dict_set_str(builtins, name, f);
        }
    }
    vm.register_module("sys", add_sys_functions);
    if let Some(Value::Obj(sys)) = vm.dict_get_str(vm.modules, "sys") {
        if let Some(dict) = vm.module_dict(sys) {
            add_sys_functions(vm, dict);
        }
    }
    Ok(())
}

/// Put `get_asyncgen_hooks` and `set_asyncgen_hooks` in `sys`'s namespace
/// (when `sys` is first imported: importing it here would take its
/// `argv` before the host sets it).
fn add_sys_functions(vm: &mut Vm, sys: ObjId) {
    let Ok(ns) = namespace(vm) else {
        return;
    };
    for name in ["get_asyncgen_hooks", "set_asyncgen_hooks"] {
        if let Some(f) = vm.dict_get_str(ns, name) {
            vm.dict_set_str(sys, name, f);
        }
    }
}

/// `_finalize_when_unreachable(obj)`: `obj.__del__()` runs once `obj` is
/// unreachable (an async generator's finalizer hook, or its closing).
const FINALIZE_WHEN_UNREACHABLE: NativeDef = NativeDef {
    name: "_asyncgen._finalize_when_unreachable",
    kind: NativeKind::Function,
    f: finalize_when_unreachable,
};

fn finalize_when_unreachable(vm: &mut Vm, args: Args) -> R<Value> {
    if let Some(Value::Obj(id)) = args.pos.first() {
        vm.heap.finalize_when_unreachable(*id);
    }
    Ok(Value::None)
}

/// The names, in the `_asyncgen` namespace, of the hooks
/// `sys.set_asyncgen_hooks` sets.
const HOOKS: [&str; 2] = ["_firstiter", "_finalizer"];

fn namespace(vm: &Vm) -> Result<ObjId, Error> {
    match vm.dict_get_str(vm.modules, MODULE) {
        Some(Value::Obj(m)) => vm.module_dict(m).ok_or(Error::NotInstalled),
        _ => Err(Error::NotInstalled),
    }
}

/// The hooks `sys.set_asyncgen_hooks` set, `(firstiter, finalizer)`: the
/// part of a whole-program checkpoint that async generators own.
///
/// # Errors
/// When async generators are not installed in `vm`.
pub fn hooks(vm: &mut Vm) -> Result<Value, Error> {
    let ns = namespace(vm)?;
    let pair = HOOKS.map(|name| vm.dict_get_str(ns, name).unwrap_or(Value::None));
    Ok(vm.new_tuple(pair.to_vec()))
}

/// Set the hooks back to what [`hooks`] gave.
///
/// # Errors
/// When async generators are not installed, or `saved` is not a pair.
pub fn restore_hooks(vm: &mut Vm, saved: Value) -> Result<(), Error> {
    let ns = namespace(vm)?;
    let Some(&[firstiter, finalizer]) = vm.sequence_items(saved) else {
        return Err(Error::BadHooks);
    };
    for (name, v) in HOOKS.into_iter().zip([firstiter, finalizer]) {
        vm.dict_set_str(ns, name, v);
    }
    Ok(())
}
