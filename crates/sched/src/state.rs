//! The scheduler's state inside the VM: the run queue, the current and main
//! tasklets, the watchdogs, and the operations every switching built-in
//! shares.
//!
//! ```text
//!  runq:  [ current | next | … | last ]    schedule(): current goes last
//!  watchdogs: [ main in run(100) ]          run queue empty: the top one resumes
//! ```

use std::collections::VecDeque;

use brine_vm::{Ctl, HostData, HostRequest, ObjId, Value, Vm, R};

use crate::channel::Channel;
use crate::tasklet::{Place, Resume, Tasklet};

/// The name of the request a built-in returns after making another tasklet current.
pub(crate) const SWITCH: &str = "stackless.switch";

/// A tasklet waiting in `stackless.run()`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Watchdog {
    /// The tasklet that called `run()`.
    pub tasklet: ObjId,
    /// Instructions a tasklet may run before it is interrupted (0: never).
    pub timeout: u64,
    /// Interrupt only at a voluntary switch.
    pub soft: bool,
    /// Count the timeout over all tasklets since `run()` was called.
    pub total: bool,
    /// `Vm::executed` when `run()` was called.
    pub started: u64,
}

/// The classes the `stackless` module defines.
#[derive(Clone, Copy, Debug)]
pub struct SchedTypes {
    /// `stackless.tasklet`.
    pub tasklet: ObjId,
    /// `stackless.channel`.
    pub channel: ObjId,
    /// `TaskletExit`.
    pub tasklet_exit: ObjId,
}

/// The scheduler's state, kept as the VM's host state.
#[derive(Clone, Debug)]
pub struct Sched {
    /// The main tasklet.
    pub main: ObjId,
    /// The running tasklet.
    pub current: ObjId,
    /// Runnable tasklets; the current one first when it is runnable.
    pub runq: VecDeque<ObjId>,
    /// Tasklets inside `stackless.run()`, innermost last.
    pub watchdogs: Vec<Watchdog>,
    /// The module's classes.
    pub types: SchedTypes,
    /// Module attributes written in Python (`atomic`, …), set at start.
    pub py_attrs: Vec<(String, Value)>,
    /// `set_schedule_callback`'s callable, or `None`.
    pub schedule_callback: Value,
    /// `set_channel_callback`'s callable, or `None`.
    pub channel_callback: Value,
    /// `set_error_handler`'s callable, or `None`: it gets a tasklet's
    /// uncaught exception before main does.
    pub error_handler: Value,
    /// `switch_trap` level: switching is an error while it is not zero.
    pub switch_trap: i64,
    /// `pickle_flags()` of the thread.
    pub pickle_flags: i64,
    /// `pickle_flags_default()`.
    pub pickle_flags_default: i64,
    /// While the schedule callback runs: the tasklet `getcurrent()` names
    /// (the one switched away from, as in Stackless).
    pub callback_current: Option<ObjId>,
}

impl HostData for Sched {
    fn trace(&self, out: &mut Vec<ObjId>) {
        out.push(self.main);
        out.push(self.current);
        out.extend(self.runq.iter().copied());
        out.extend(self.watchdogs.iter().map(|w| w.tasklet));
        out.extend([
            self.types.tasklet,
            self.types.channel,
            self.types.tasklet_exit,
        ]);
        out.extend(self.py_attrs.iter().filter_map(|(_, v)| v.obj()));
        out.extend(self.schedule_callback.obj());
        out.extend(self.callback_current);
        out.extend(self.channel_callback.obj());
        out.extend(self.error_handler.obj());
    }
}

/// The scheduler state of a VM the `stackless` module is installed in.
/// Built-ins of the module only exist once it is, so a VM without it is a
/// bug; it raises rather than panics.
pub(crate) fn sched(vm: &mut Vm) -> R<&mut Sched> {
    vm.host_state_mut::<Sched>().ok_or(Ctl::Raise(Value::None))
}

/// The scheduler state, read-only.
pub(crate) fn sched_ref(vm: &Vm) -> Option<&Sched> {
    vm.host_state::<Sched>()
}

/// The tasklet behind `t`: a tasklet object, or an instance of a subclass
/// wrapping one. Ids the scheduler keeps are those Python code sees.
pub fn tasklet(vm: &Vm, t: ObjId) -> Option<&Tasklet> {
    let h = vm.host_id(Value::Obj(t))?;
    vm.host_ref::<Tasklet>(h)
}

/// The tasklet behind `t`, mutably.
pub(crate) fn tasklet_mut(vm: &mut Vm, t: ObjId) -> Option<&mut Tasklet> {
    let h = vm.host_id(Value::Obj(t))?;
    vm.host_mut::<Tasklet>(h)
}

/// The channel behind `c`, mutably.
pub(crate) fn channel_mut(vm: &mut Vm, c: ObjId) -> Option<&mut Channel> {
    let h = vm.host_id(Value::Obj(c))?;
    vm.host_mut::<Channel>(h)
}

/// The channel behind `c`.
pub fn channel(vm: &Vm, c: ObjId) -> Option<&Channel> {
    let h = vm.host_id(Value::Obj(c))?;
    vm.host_ref::<Channel>(h)
}

/// The request that hands control to the scheduler loop, which runs
/// whatever tasklet is now current.
pub(crate) fn switch() -> Ctl {
    Ctl::Host(HostRequest {
        name: SWITCH,
        args: Vec::new(),
    })
}

/// The current tasklet's id.
pub(crate) fn current(vm: &Vm) -> Option<ObjId> {
    sched_ref(vm).map(|s| s.current)
}

/// Take `t` out of whatever chain it is in (a channel's balance shrinks).
pub(crate) fn unlink(vm: &mut Vm, t: ObjId) {
    let place = tasklet(vm, t).map(|x| x.place).unwrap_or(Place::Nowhere);
    match place {
        Place::Nowhere => {}
        Place::RunQueue => {
            if let Some(s) = vm.host_state_mut::<Sched>() {
                if let Some(i) = s.runq.iter().position(|x| *x == t) {
                    s.runq.remove(i);
                }
            }
        }
        Place::Channel { channel, dir } => {
            if let Some(c) = channel_mut(vm, channel) {
                if let Some(i) = c.queue.iter().position(|x| *x == t) {
                    c.queue.remove(i);
                    c.balance -= i64::from(dir);
                }
            }
        }
        // It stays on the stack of watchdogs until its `run()` returns.
        Place::Watchdog => {}
    }
    if let Some(x) = tasklet_mut(vm, t) {
        x.place = Place::Nowhere;
    }
}

/// Put `t` at the end of the run queue (it runs after every runnable one).
pub(crate) fn insert_last(vm: &mut Vm, t: ObjId) {
    if let Some(s) = vm.host_state_mut::<Sched>() {
        s.runq.push_back(t);
    }
    if let Some(x) = tasklet_mut(vm, t) {
        x.place = Place::RunQueue;
    }
}

/// Put `t` at the head of the run queue and make it current, whatever
/// chain it was in: the caller of `throw()` runs right after it.
pub(crate) fn make_current(vm: &mut Vm, t: ObjId) {
    unlink(vm, t);
    if let Some(s) = vm.host_state_mut::<Sched>() {
        s.runq.push_front(t);
        s.current = t;
    }
    if let Some(x) = tasklet_mut(vm, t) {
        x.place = Place::RunQueue;
    }
}

/// Switch to `t` as Stackless's scheduler does: a tasklet blocked on a
/// channel leaves it, and one in no chain joins the run queue, just before
/// the current one; then the run queue turns to it.
pub(crate) fn switch_to(vm: &mut Vm, t: ObjId) {
    let in_queue = tasklet(vm, t).is_some_and(|x| x.place == Place::RunQueue);
    if !in_queue {
        make_current(vm, t);
        return;
    }
    if let Some(s) = vm.host_state_mut::<Sched>() {
        if let Some(i) = s.runq.iter().position(|x| *x == t) {
            s.runq.rotate_left(i);
        }
        s.current = t;
    }
}

/// Tasklet `w` runs again: if it waits in `run()`, that call returns, so
/// it leaves the stack of watchdogs, and so does every watchdog inside it,
/// which becomes runnable again at the end of the run queue unless it is
/// scheduled already (its own `run()` returns `None` when it runs).
pub(crate) fn leave_watchdog_stack(vm: &mut Vm, w: ObjId) {
    let inner: Vec<ObjId> = match vm.host_state_mut::<Sched>() {
        Some(s) => match s.watchdogs.iter().rposition(|x| x.tasklet == w) {
            Some(i) => {
                let inner = s
                    .watchdogs
                    .drain(i + 1..)
                    .rev()
                    .map(|x| x.tasklet)
                    .collect();
                s.watchdogs.truncate(i);
                inner
            }
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    for t in inner {
        let floating = tasklet_mut(vm, t).is_some_and(|x| {
            let f = matches!(x.place, Place::Watchdog | Place::Nowhere);
            if f {
                x.place = Place::Nowhere;
            }
            f
        });
        if floating {
            set_resume(vm, t, Value::None, Resume::Value);
            insert_last(vm, t);
        }
    }
}

/// Resume watchdog `w` with what its `run()` gives (see
/// [`leave_watchdog_stack`] for the watchdogs inside it).
pub(crate) fn wake_watchdog(vm: &mut Vm, w: ObjId, tempval: Value, resume: Resume) {
    // Waiting in `run()` is no chain; one made runnable meanwhile keeps its
    // place and the queue turns to it.
    if let Some(x) = tasklet_mut(vm, w) {
        if x.place == Place::Watchdog {
            x.place = Place::Nowhere;
        }
    }
    set_resume(vm, w, tempval, resume);
    switch_to(vm, w);
}

/// Whether `t` is in no chain: not runnable and not blocked (a watchdog
/// waiting in `run()` is in none).
fn floating(vm: &Vm, t: ObjId) -> bool {
    tasklet(vm, t).is_some_and(|x| matches!(x.place, Place::Nowhere | Place::Watchdog))
}

/// Set what `t` gets when it next runs.
pub(crate) fn set_resume(vm: &mut Vm, t: ObjId, tempval: Value, resume: Resume) {
    if let Some(x) = tasklet_mut(vm, t) {
        x.tempval = tempval;
        x.resume = resume;
    }
}

/// After the current tasklet left the run queue: the next runnable one
/// becomes current; when none is left, the innermost watchdog resumes (its
/// `run()` returns `None`), or else a main tasklet that is in no chain
/// (paused by `switch()` or `schedule_remove()`) revives with what it
/// holds. `false` when nothing can run (main is blocked).
pub(crate) fn pick_next(vm: &mut Vm) -> bool {
    let Some(s) = vm.host_state_mut::<Sched>() else {
        return false;
    };
    if let Some(&next) = s.runq.front() {
        s.current = next;
        return true;
    }
    let Some(w) = wakeup(vm) else {
        return false;
    };
    if !floating(vm, w) {
        return false;
    }
    if tasklet(vm, w).is_some_and(|x| x.place == Place::Watchdog) {
        wake_watchdog(vm, w, Value::None, Resume::Value);
        return true;
    }
    if tasklet(vm, w).is_some_and(|m| m.resume == Resume::Continue) {
        set_resume(vm, w, Value::None, Resume::Value);
    }
    switch_to(vm, w);
    true
}

/// The tasklet to wake when nothing else can run: the innermost watchdog,
/// else main.
pub(crate) fn wakeup(vm: &Vm) -> Option<ObjId> {
    let s = sched_ref(vm)?;
    Some(s.watchdogs.last().map_or(s.main, |w| w.tasklet))
}

/// Whether the current tasklet `me` may block: another tasklet is
/// runnable, or the one to wake (a watchdog, or a paused main) is not `me`
/// and is in no chain.
pub(crate) fn can_block(vm: &Vm, me: ObjId) -> bool {
    let Some(s) = sched_ref(vm) else {
        return false;
    };
    if s.runq.iter().any(|t| *t != me) {
        return true;
    }
    wakeup(vm).is_some_and(|w| w != me && floating(vm, w))
}
