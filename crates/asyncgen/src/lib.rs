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

/// The `contextvars` module.
const CONTEXTVARS_SOURCE: &str = include_str!("contextvars.py");

/// The built-ins of `contextvars`: the VM's current context.
const CONTEXT_NATIVES: [NativeDef; 2] = [
    NativeDef {
        name: "contextvars._current_context",
        kind: NativeKind::Function,
        f: current_context,
    },
    NativeDef {
        name: "contextvars._set_current_context",
        kind: NativeKind::Function,
        f: set_current_context,
    },
];

fn current_context(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(vm.context)
}

fn set_current_context(vm: &mut Vm, args: Args) -> R<Value> {
    vm.context = args.pos.first().copied().unwrap_or(Value::None);
    Ok(Value::None)
}

/// The name of the module the VM finds async generator support in.
pub const MODULE: &str = "_asyncgen";

/// Install async generators in `vm`: the `_asyncgen` module, the
/// `aiter` and `anext` built-ins, `sys.set_asyncgen_hooks` /
/// `sys.get_asyncgen_hooks`, and the `contextvars` module.
///
/// # Errors
/// When the VM has no compiler, or a module's Python part fails (a bug
/// in brine).
pub fn install(vm: &mut Vm) -> Result<(), Error> {
    let ns = install_module(vm, MODULE, SOURCE, &[])?;
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
    install_module(vm, "contextvars", CONTEXTVARS_SOURCE, &CONTEXT_NATIVES)?;
    Ok(())
}

/// Make module `name` with the built-ins `natives` (named `name.function`)
/// in its namespace, then run its Python part there; its namespace.
fn install_module(
    vm: &mut Vm,
    name: &str,
    source: &str,
    natives: &[NativeDef],
) -> Result<ObjId, Error> {
    let module = vm.new_module(name, None);
    let dict = vm.module_dict(module).ok_or(Error::NotInstalled)?;
    for d in natives {
        let id = vm.register_native(*d);
        let f = vm.alloc(Obj::Native {
            id,
            self_: Value::Undef,
        });
        let short = d.name.rsplit('.').next().unwrap_or(d.name);
        vm.dict_set_str(dict, short, f);
    }
    vm.run_builtin_source(module, source, &format!("<brine {name}>"))?;
    Ok(dict)
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

/// The attributes of this crate's modules that are a running program's
/// state, `(module, attribute)`: the hooks `sys.set_asyncgen_hooks` set.
/// A whole-program checkpoint keeps them.
pub const PROGRAM_STATE: [(&str, &str); 2] = [(MODULE, "_firstiter"), (MODULE, "_finalizer")];

fn namespace(vm: &Vm) -> Result<ObjId, Error> {
    match vm.dict_get_str(vm.modules, MODULE) {
        Some(Value::Obj(m)) => vm.module_dict(m).ok_or(Error::NotInstalled),
        _ => Err(Error::NotInstalled),
    }
}
