//! Pickling and loading from Rust in one call: Python code a reduction
//! needs runs to its end on a fresh frame stack of the same VM.

use brine_vm::{ObjId, RunOutcome, Value, Vm};

use crate::dump::{DumpStep, Dumper};
use crate::error::Error;
use crate::load::{LoadStep, Loader};
use crate::options::Options;
use crate::registry::Registry;

/// Run `func(*args)` to its end.
///
/// # Errors
/// When it raises ([`Error::Raised`], with the exception's last line) or switches tasklets.
pub fn call(vm: &mut Vm, func: Value, args: Vec<Value>) -> Result<Value, Error> {
    let mut st = match vm.start_call(func, args) {
        Ok(st) => st,
        Err(_) => return Err(Error::Raised("the reducer cannot be called".into())),
    };
    finish(vm, &mut st)
}

/// [`call`] with `live` and `extra` kept alive while it runs.
fn call_rooted(
    vm: &mut Vm,
    func: Value,
    args: Vec<Value>,
    live: &[ObjId],
    extra: Value,
) -> Result<Value, Error> {
    let base = vm.roots.len();
    vm.roots.extend(live.iter().map(|id| Value::Obj(*id)));
    vm.roots.push(extra);
    let r = call(vm, func, args);
    vm.roots.truncate(base);
    r
}

fn finish(vm: &mut Vm, st: &mut brine_vm::ExecState) -> Result<Value, Error> {
    match vm.run(st, u64::MAX) {
        RunOutcome::Finished(v) => Ok(v),
        RunOutcome::Raised(e) => Err(Error::Raised(vm.exception_line(e))),
        _ => Err(Error::Raised(
            "Python code run while pickling tried to switch tasklets".into(),
        )),
    }
}

/// Import module `name` by running its body (for a pickle that names it).
///
/// # Errors
/// When the VM has no compiler or the import raises.
pub fn import(vm: &mut Vm, name: &str) -> Result<ObjId, Error> {
    let source = format!("import {name}\n");
    let code = match &vm.compiler {
        Some(c) => c
            .compile_module(&source, "<pickle>")
            .map_err(|_| Error::NoModule(name.into()))?,
        None => return Err(Error::NoModule(name.into())),
    };
    let mut st = vm
        .start_module(code, "<pickle>")
        .map_err(|_| Error::NoModule(name.into()))?;
    let modules = vm.modules;
    let result = finish(vm, &mut st);
    if let Some(brine_vm::Obj::Dict(d)) = vm.heap.get_obj(Value::Obj(modules)) {
        let mut d = d.clone();
        d.remove(&Vm::key_of("<pickle>"));
        *vm.heap.get_mut(modules) = brine_vm::Obj::Dict(d);
    }
    result?;
    crate::reducers::global::find_module(vm, name).ok_or_else(|| Error::NoModule(name.into()))
}

/// Pickle `value` to bytes.
///
/// # Errors
/// When something in it cannot be pickled, or a Python reducer fails.
pub fn dumps(
    vm: &mut Vm,
    registry: &Registry,
    opts: Options,
    value: Value,
) -> Result<Vec<u8>, Error> {
    let mut d = Dumper::new(vm, registry.clone(), opts, value);
    loop {
        match d.step(vm)? {
            DumpStep::Done(bytes) => return Ok(bytes),
            DumpStep::Call { func, args } => {
                let mut live = vec![];
                d.trace(&mut live);
                let r = call_rooted(vm, func, args, &live, value)?;
                d.answer(vm, r)?;
            }
        }
    }
}

/// Load a value from bytes. Warnings the load produced are written to the
/// VM's `stderr` as CPython prints them.
///
/// # Errors
/// Malformed bytes, or a Python reduction that fails.
pub fn loads(
    vm: &mut Vm,
    registry: &Registry,
    opts: Options,
    bytes: &[u8],
) -> Result<Value, Error> {
    let mut l = Loader::new(vm, registry.clone(), opts, bytes)?;
    let v = loop {
        match l.step(vm)? {
            LoadStep::Done(v) => break v,
            LoadStep::Import(name) => {
                let mut live = vec![];
                l.trace(&mut live);
                let base = vm.roots.len();
                vm.roots.extend(live.into_iter().map(Value::Obj));
                let r = import(vm, &name);
                vm.roots.truncate(base);
                r?;
            }
            LoadStep::Call { func, args } => {
                let mut live = vec![];
                l.trace(&mut live);
                let r = call_rooted(vm, func, args, &live, Value::None)?;
                l.answer(vm, r);
            }
        }
    };
    for w in l.warnings() {
        let _ = writeln!(vm.stderr, "<pickle>:1: RuntimeWarning: {w}");
    }
    Ok(v)
}

use std::io::Write;
