//! `brine inspect`: what a checkpoint holds, each tasklet with its frames
//! printed like a traceback (function, file and line, the source line, the
//! locals), without running anything.

use std::fmt::Write as _;

use brine_sched::{tasklet_of, Place, Sched, Tasklet};
use brine_vm::{Frame, Obj, ObjId, Value, Vm};

use crate::error::Error;
use crate::runner::{Program, SharedOutput};

/// The longest a local's repr is shown.
const REPR_LIMIT: usize = 120;

/// A report of the checkpoint `bytes`: every tasklet the program holds,
/// main first, then the run queue, then the others.
///
/// # Errors
/// When the bytes are not a program checkpoint.
pub fn inspect(bytes: &[u8]) -> Result<String, Error> {
    let out = SharedOutput::default();
    let mut prog = Program::resume(bytes, Box::new(out.clone()), Box::new(out))?;
    let vm = &mut prog.vm;
    let tasklets = all_tasklets(vm);
    let current = vm.host_state::<Sched>().map(|s| s.current);
    let mut report = format!(
        "checkpoint: {} bytes, {} tasklets, {} instructions run\n",
        bytes.len(),
        tasklets.len(),
        vm.executed
    );
    for (n, t) in tasklets.iter().enumerate() {
        let Some(x) = tasklet_of(vm, *t).cloned() else {
            continue;
        };
        let _ = writeln!(
            report,
            "\nTasklet {n} ({}):",
            describe(&x, current == Some(*t))
        );
        for f in x.state.frames.iter() {
            write_frame(vm, &mut report, f);
        }
    }
    Ok(report)
}

/// A tasklet's state in words.
fn describe(t: &Tasklet, current: bool) -> String {
    let mut words: Vec<&str> = Vec::new();
    if t.is_main {
        words.push("main");
    }
    if current {
        words.push("current");
    }
    words.push(match (t.alive, t.place) {
        (false, _) if t.state.frames.is_empty() && t.tempval != Value::None => "new",
        (false, _) => "dead",
        (true, Place::RunQueue) => "scheduled",
        (true, Place::Channel { dir, .. }) if dir > 0 => "blocked sending on a channel",
        (true, Place::Channel { .. }) => "blocked receiving on a channel",
        (true, Place::Watchdog) => "waiting in stackless.run()",
        (true, Place::Nowhere) => "paused",
    });
    if t.atomic {
        words.push("atomic");
    }
    words.join(", ")
}

fn write_frame(vm: &mut Vm, out: &mut String, f: &Frame) {
    let code = &f.code.code;
    if code.flags & brine_vm::code::flags::HOST_CALL != 0 {
        return;
    }
    let line = f.line();
    let _ = writeln!(
        out,
        "  File \"{}\", line {line}, in {}",
        code.filename, code.name
    );
    if let Ok(src) = std::fs::read_to_string(&code.filename) {
        if let Some(l) = src.lines().nth(line.saturating_sub(1) as usize) {
            let _ = writeln!(out, "    {}", l.trim());
        }
    }
    let mut locals: Vec<(String, Value)> = code
        .varnames
        .iter()
        .zip(f.slots.iter())
        .take(f.nlocals as usize)
        .map(|(n, v)| (n.clone(), *v))
        .collect();
    let cell_names = code.cellvars.iter().chain(code.freevars.iter());
    for (name, cell) in cell_names.zip(f.cells.iter()) {
        if let Obj::Cell(v) = vm.heap.get(*cell) {
            locals.push((name.clone(), *v));
        }
    }
    for (name, v) in locals {
        if v == Value::Undef {
            continue;
        }
        let _ = writeln!(out, "      {name} = {}", short_repr(vm, v));
    }
}

fn short_repr(vm: &mut Vm, v: Value) -> String {
    let repr = vm.native_value("builtins.repr");
    let text = match vm.call_to_completion(repr, vec![v]) {
        Ok(s) => vm.text(s).to_string(),
        Err(_) => "<repr failed>".into(),
    };
    if text.chars().count() > REPR_LIMIT {
        let cut: String = text.chars().take(REPR_LIMIT).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// Every tasklet reachable from the scheduler and the modules, in a
/// stable order: main, the current one, the run queue, the watchdogs,
/// then the others as a walk from the modules meets them.
fn all_tasklets(vm: &Vm) -> Vec<ObjId> {
    let mut start: Vec<ObjId> = Vec::new();
    if let Some(s) = vm.host_state::<Sched>() {
        start.push(s.main);
        start.push(s.current);
        start.extend(s.runq.iter().copied());
        start.extend(s.watchdogs.iter().map(|w| w.tasklet));
    }
    start.push(vm.modules);
    let mut seen = vec![false; vm.heap.len().max(1)];
    let mut found: Vec<ObjId> = Vec::new();
    let mut found_hosts = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from(start);
    let mut children = Vec::new();
    while let Some(id) = queue.pop_front() {
        if !vm.heap.contains(id) {
            continue;
        }
        if id.index() >= seen.len() {
            seen.resize(id.index() + 1, false);
        }
        if seen[id.index()] {
            continue;
        }
        seen[id.index()] = true;
        if tasklet_of(vm, id).is_some() {
            let host = vm.host_id(Value::Obj(id)).unwrap_or(id);
            if found_hosts.insert(host) {
                found.push(id);
            }
        }
        children.clear();
        vm.heap.get(id).trace(&mut children);
        queue.extend(children.iter().copied());
    }
    found
}
