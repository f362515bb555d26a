//! Whole-program checkpoints: every tasklet, channel and module of a
//! running program pickled as one value, written atomically, and resumed
//! in a fresh VM exactly where it stopped.
//!
//! ```text
//!  root = ("brine-program", scheduler record, [(name, module)…],
//!          (argv, search path, recursion limit, [(sys attribute, value)…],
//!           [(object, identity)…], generation,
//!           [(module, attribute, value)…],
//!           ([object to finalize…], [object found unreachable…])))
//!
//! Objects whose identity the program saw (`id()`, a default repr) keep
//! it: a dict keyed by `id(obj)` finds them after resuming.
//! ```
//!
//! Modules with a source file (the script, the modules beside it, brine's
//! standard library written in Python) go by value; built-in ones by name.

use std::io::Write;
use std::path::{Path, PathBuf};

use brine_pickle::{Options, Registry};
use brine_sched::Scheduler;
use brine_vm::{Obj, Value, Vm};

use crate::error::Error;
use crate::runner::{fresh_vm, Program, ProgramEnd};

/// The first item of a checkpoint's root, naming what the pickle holds.
const PROGRAM_MARK: &str = "brine-program";

/// The attributes of `sys` that are the program's state.
const SYS_STATE: [&str; 4] = ["argv", "stdin", "stdout", "stderr"];

fn options() -> Options {
    Options {
        modules_by_value: true,
        whole_program: true,
        ..Options::default()
    }
}

fn bad(what: &str) -> Error {
    Error::Checkpoint(what.to_owned())
}

fn items(vm: &Vm, v: Value) -> Result<Vec<Value>, Error> {
    vm.sequence_items(v)
        .map(<[Value]>::to_vec)
        .ok_or_else(|| bad("a sequence was expected"))
}

fn text(vm: &Vm, v: Value) -> Result<String, Error> {
    vm.str_of(v)
        .map(|s| s.s.to_string())
        .ok_or_else(|| bad("a str was expected"))
}

/// The `(name, value)` pairs of a list of 2-tuples.
fn named(vm: &Vm, v: Value) -> Result<Vec<(String, Value)>, Error> {
    items(vm, v)?
        .into_iter()
        .map(|pair| match items(vm, pair)?[..] {
            [name, value] => Ok((text(vm, name)?, value)),
            _ => Err(bad("a (name, value) entry is not a pair")),
        })
        .collect()
}

fn strings(vm: &Vm, v: Value) -> Result<Vec<String>, Error> {
    items(vm, v)?.into_iter().map(|s| text(vm, s)).collect()
}

/// The attributes of `sys` a program may change that belong to it: the
/// argument list, and the streams when it replaced them.
fn sys_state(vm: &mut Vm) -> Value {
    let mut attrs = Vec::new();
    if let Some(d) = module_dict(vm, "sys") {
        for name in SYS_STATE {
            let Some(v) = vm.dict_get_str(d, name) else {
                continue;
            };
            if vm.dict_get_str(vm.prelude, name).is_some_and(|p| p.is(v)) {
                continue;
            }
            let n = vm.new_str(name);
            attrs.push(vm.new_tuple(vec![n, v]));
        }
    }
    vm.new_list(attrs)
}

/// The attributes of built-in modules (pickled by reference, so not with
/// their namespace) that hold a running program's state.
fn program_state_attributes() -> impl Iterator<Item = (&'static str, &'static str)> {
    brine_pickle::PROGRAM_STATE
        .into_iter()
        .chain(brine_asyncgen::PROGRAM_STATE)
}

/// The namespace of module `name`, if it is loaded.
fn module_dict(vm: &Vm, name: &str) -> Option<brine_vm::ObjId> {
    match vm.dict_get_str(vm.modules, name)? {
        Value::Obj(m) => vm.module_dict(m),
        _ => None,
    }
}

/// `[(module, attribute, value)…]` of [`program_state_attributes`].
fn module_state(vm: &mut Vm) -> Value {
    let mut saved = Vec::new();
    for (module, attr) in program_state_attributes() {
        let Some(v) = module_dict(vm, module).and_then(|d| vm.dict_get_str(d, attr)) else {
            continue;
        };
        let (m, a) = (vm.new_str(module), vm.new_str(attr));
        saved.push(vm.new_tuple(vec![m, a, v]));
    }
    vm.new_list(saved)
}

fn restore_module_state(vm: &mut Vm, saved: Value) -> Result<(), Error> {
    for entry in items(vm, saved)? {
        let [m, a, v] = items(vm, entry)?[..] else {
            return Err(bad(
                "a module attribute is not a (module, attribute, value) triple",
            ));
        };
        let (module, attr) = (text(vm, m)?, text(vm, a)?);
        let Some(d) = module_dict(vm, &module) else {
            return Err(bad("a module with saved state is not loaded"));
        };
        vm.dict_set_str(d, &attr, v);
    }
    Ok(())
}

/// The objects to finalize when unreachable, and those found so and not
/// finalized yet: `([object…], [object…])`.
fn finalization_state(vm: &mut Vm) -> Value {
    let (finalizable, doomed) = vm.heap.finalization_state();
    let (finalizable, doomed) = (finalizable.to_vec(), doomed.to_vec());
    let lists = [finalizable, doomed].map(|ids| {
        let live = ids.into_iter().filter(|id| vm.heap.contains(*id));
        let items = live.map(Value::Obj).collect();
        vm.new_list(items)
    });
    vm.new_tuple(lists.to_vec())
}

fn restore_finalization_state(vm: &mut Vm, saved: Value) -> Result<(), Error> {
    let [finalizable, doomed] = items(vm, saved)?[..] else {
        return Err(bad("the finalization state is not a pair"));
    };
    let ids = |v: Value| -> Result<Vec<brine_vm::ObjId>, Error> {
        items(vm, v)?
            .into_iter()
            .map(|o| {
                o.obj()
                    .ok_or_else(|| bad("a finalizable object is not an object"))
            })
            .collect()
    };
    let (finalizable, doomed) = (ids(finalizable)?, ids(doomed)?);
    vm.heap.restore_finalization_state(finalizable, doomed);
    Ok(())
}

/// Instructions run between two looks at whether the program ended.
const SLICE: u64 = 1 << 20;

/// How [`Program::run_and_checkpoint`] stopped.
#[derive(Debug)]
pub enum Stopped {
    /// The program's checkpoint.
    Saved(Vec<u8>),
    /// The program ended first.
    Ended(ProgramEnd),
}

impl Program {
    /// Run `n` instructions (all tasklets together), then checkpoint. A
    /// tasklet in the middle of `pickle.dumps` or `pickle.loads` cannot be
    /// pickled, so the program runs on, an instruction at a time, to the
    /// first point where none is.
    ///
    /// # Errors
    /// When something the program holds cannot be pickled.
    pub fn run_and_checkpoint(&mut self, n: u64) -> Result<Stopped, Error> {
        let mut left = n;
        while left > 0 {
            let budget = left.min(SLICE);
            if let Some(end) = self.run_for(budget) {
                return Ok(Stopped::Ended(end));
            }
            left -= budget;
        }
        // A pickling in progress cannot be pickled: go on to its end.
        while brine_pickle::picklings_in_progress(&self.vm) > 0 {
            if let Some(end) = self.run_for(1) {
                return Ok(Stopped::Ended(end));
            }
        }
        loop {
            match self.checkpoint() {
                Err(Error::Pickle(brine_pickle::Error::InProgress)) => {
                    if let Some(end) = self.run_for(1) {
                        return Ok(Stopped::Ended(end));
                    }
                }
                saved => return saved.map(Stopped::Saved),
            }
        }
    }

    /// Pickle the whole program as it stands between two runs of
    /// [`Program::run_for`].
    ///
    /// # Errors
    /// When something the program holds cannot be pickled.
    pub fn checkpoint(&mut self) -> Result<Vec<u8>, Error> {
        let _ = self.vm.stdout.flush();
        let vm = &mut self.vm;
        let sched = self.sched.checkpoint(vm)?;
        let entries: Vec<(Value, Value)> = match vm.heap.get(vm.modules) {
            Obj::Dict(d) => d.map.values().copied().collect(),
            _ => Vec::new(),
        };
        let modules: Vec<Value> = entries
            .into_iter()
            .map(|(k, v)| vm.new_tuple(vec![k, v]))
            .collect();
        let modules = vm.new_list(modules);
        let argv: Vec<Value> = vm
            .argv
            .clone()
            .into_iter()
            .map(|a| vm.new_string(a))
            .collect();
        let argv = vm.new_list(argv);
        let path: Vec<Value> = vm
            .search_path
            .clone()
            .into_iter()
            .map(|p| vm.new_string(p.display().to_string()))
            .collect();
        let path = vm.new_list(path);
        let limit = Value::Int(i64::try_from(vm.recursion_limit).unwrap_or(i64::MAX));
        let sys_attrs = sys_state(vm);
        let seen: Vec<Value> = vm
            .seen_identities()
            .into_iter()
            .map(|(id, v)| vm.new_tuple(vec![Value::Obj(id), Value::Int(v)]))
            .collect();
        let seen = vm.new_list(seen);
        let generation = Value::Int(vm.identity_generation());
        let module_state = module_state(vm);
        let finalization = finalization_state(vm);
        let settings = vm.new_tuple(vec![
            argv,
            path,
            limit,
            sys_attrs,
            seen,
            generation,
            module_state,
            finalization,
        ]);
        let mark = vm.new_str(PROGRAM_MARK);
        let root = vm.new_tuple(vec![mark, sched, modules, settings]);
        let base = vm.roots.len();
        vm.roots.push(root);
        let bytes = brine_pickle::dumps(vm, &Registry::new(), options(), root);
        vm.roots.truncate(base);
        Ok(bytes?)
    }

    /// Load a checkpoint into a fresh VM, ready to run on with
    /// [`Program::run`] or [`Program::run_for`].
    ///
    /// # Errors
    /// When the bytes are not a program checkpoint or cannot be loaded.
    pub fn resume(
        bytes: &[u8],
        stdout: Box<dyn Write>,
        stderr: Box<dyn Write>,
    ) -> Result<Program, Error> {
        let (mut vm, _) = fresh_vm(stdout, stderr)?;
        let root = brine_pickle::loads(&mut vm, &Registry::new(), options(), bytes)?;
        let parts = items(&vm, root)?;
        let [mark, sched, modules, settings] = parts.as_slice() else {
            return Err(bad("the pickle is not a program checkpoint"));
        };
        if text(&vm, *mark).ok().as_deref() != Some(PROGRAM_MARK) {
            return Err(bad("the pickle is not a program checkpoint"));
        }
        let base = vm.roots.len();
        vm.roots.push(root);
        for (name, module) in named(&vm, *modules)? {
            let modules = vm.modules;
            vm.dict_set_str(modules, &name, module);
        }
        let [argv, path, limit, sys_attrs, seen, generation, module_state, finalization] =
            items(&vm, *settings)?[..]
        else {
            return Err(bad("the VM's settings are not an 8-tuple"));
        };
        restore_module_state(&mut vm, module_state)?;
        restore_finalization_state(&mut vm, finalization)?;
        vm.argv = strings(&vm, argv)?;
        vm.search_path = strings(&vm, path)?.into_iter().map(PathBuf::from).collect();
        vm.recursion_limit = match limit {
            Value::Int(n) if n > 0 => usize::try_from(n).unwrap_or(usize::MAX),
            _ => return Err(bad("the recursion limit is not a positive int")),
        };
        if let Some(d) = module_dict(&vm, "sys") {
            for (name, value) in named(&vm, sys_attrs)? {
                vm.dict_set_str(d, &name, value);
            }
        }
        let mut identities = Vec::new();
        for pair in items(&vm, seen)? {
            match items(&vm, pair)?[..] {
                [Value::Obj(id), Value::Int(v)] => identities.push((id, v)),
                _ => return Err(bad("an identity is not an (object, int) pair")),
            }
        }
        let Value::Int(generation) = generation else {
            return Err(bad("the generation is not an int"));
        };
        vm.restore_identities(&identities, generation);
        let sched = Scheduler::restore(&mut vm, *sched)?;
        vm.roots.truncate(base);
        Ok(Program::resumed(vm, sched))
    }
}

/// Write `bytes` to `path` so that a reader sees either the old file or
/// the whole new one: a temporary file beside it, synced, then renamed.
///
/// # Errors
/// When the file cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    let tmp = path.with_file_name(format!(".{name}.tmp{}", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(err)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}
