//! The scheduler loop: runs the current tasklet's frames on the VM until a
//! built-in switches (a request that unwinds here), the tasklet ends, or a
//! budget is spent, then goes on with whichever tasklet is current.
//!
//! The running tasklet's frames live in the loop, not in its object; every
//! other tasklet's frames live in its object, where the collector finds them.

use brine_vm::{ExcKind, ExecState, ObjId, RunOutcome, Value, Vm};

use crate::error::Error;
use crate::state::{
    insert_last, make_current, pick_next, sched_ref, set_resume, switch_to, tasklet, tasklet_mut,
    unlink, wake_watchdog, SWITCH,
};
use crate::tasklet::{Place, Resume};

/// How a call to [`Scheduler::run`] ended.
#[derive(Clone, Debug, PartialEq)]
pub enum SchedOutcome {
    /// The main tasklet's frames returned this value.
    Finished(Value),
    /// An exception ended the main tasklet's frames.
    Raised(Value),
    /// The budget was spent; everything can run on.
    BudgetSpent,
    /// The main tasklet has no frames (the host is main) and it is its turn:
    /// `run()`'s result is in [`HostTurn`].
    HostTurn(HostTurn),
}

/// What the host, acting as the main tasklet, gets back.
#[derive(Clone, Debug, PartialEq)]
pub enum HostTurn {
    /// The run queue emptied (everything ended or blocked).
    Idle,
    /// The watchdog interrupted this tasklet and took it out of the run queue.
    Interrupted(ObjId),
    /// A tasklet ended with this uncaught exception.
    Raised(Value),
}

/// The scheduler loop of one VM; the state it shares with built-ins is the
/// VM's host state ([`Sched`]).
#[derive(Debug, Default)]
pub struct Scheduler {
    pub(crate) running: Box<ExecState>,
    pub(crate) running_id: Option<ObjId>,
    /// `Vm::executed` when the running tasklet was switched in.
    pub(crate) switched_in: u64,
    /// The tasklet that ran last, for the schedule callback's `prev`.
    pub(crate) last_ran: Option<ObjId>,
    /// The watchdog with a timeout, as it was at the last switch (only a
    /// switch changes the watchdogs).
    pub(crate) watchdog: Option<crate::state::Watchdog>,
}

impl Scheduler {
    /// Install the `stackless` module and a main tasklet in `vm`. The main
    /// tasklet has no frames: the host is main until [`Scheduler::set_main`].
    ///
    /// # Errors
    /// When the module's Python part cannot be compiled (a bug in brine), or
    /// the VM has no compiler.
    pub fn new(vm: &mut Vm) -> Result<Scheduler, Error> {
        crate::module::install(vm)?;
        Ok(Scheduler::default())
    }

    /// Make `state` (a module's or a call's frames) the main tasklet's frames.
    pub fn set_main(&mut self, vm: &mut Vm, state: ExecState) {
        let main = self.main(vm);
        if let Some(t) = tasklet_mut(vm, main) {
            *t.state = state;
            t.alive = true;
            t.resume = Resume::Continue;
        }
    }

    /// The main tasklet.
    pub fn main(&self, vm: &Vm) -> ObjId {
        sched_ref(vm).map(|s| s.main).unwrap_or(brine_vm::ObjId(0))
    }

    /// Make a tasklet that calls `func(*args)` and put it at the end of the
    /// run queue, as `stackless.tasklet(func)(*args)` does.
    ///
    /// # Errors
    /// When the scheduler is not installed.
    pub fn spawn(&mut self, vm: &mut Vm, func: Value, args: Vec<Value>) -> Result<ObjId, Error> {
        crate::module::spawn(vm, func, args).ok_or(Error::NotInstalled)
    }

    /// As `stackless.run(timeout)` called by the host acting as the main
    /// tasklet: run the other tasklets until the run queue empties or one
    /// runs `timeout` instructions in a row (0: no limit), which is then
    /// taken out of the run queue and returned.
    ///
    /// # Errors
    /// When a tasklet ends with an uncaught exception ([`Error::Uncaught`]),
    /// or the main tasklet has frames of its own.
    pub fn run_watchdog(&mut self, vm: &mut Vm, timeout: u64) -> Result<Option<ObjId>, Error> {
        let main = self.main(vm);
        if tasklet(vm, main).is_some_and(|t| t.alive) {
            return Err(Error::MainHasFrames);
        }
        if !self.enter_run(vm, timeout) {
            return Ok(None);
        }
        loop {
            match self.run(vm, u64::MAX) {
                SchedOutcome::HostTurn(HostTurn::Idle) => return Ok(None),
                SchedOutcome::HostTurn(HostTurn::Interrupted(t)) => return Ok(Some(t)),
                SchedOutcome::HostTurn(HostTurn::Raised(e)) | SchedOutcome::Raised(e) => {
                    return Err(Error::Uncaught(vm.exception_line(e)))
                }
                SchedOutcome::BudgetSpent => continue,
                SchedOutcome::Finished(_) => return Ok(None),
            }
        }
    }

    /// Make the host, as the main tasklet, wait in `stackless.run(timeout)`
    /// so that [`Scheduler::run`] runs the other tasklets until it is the
    /// host's turn. `false` when no other tasklet is runnable.
    pub fn enter_run(&mut self, vm: &mut Vm, timeout: u64) -> bool {
        crate::module::enter_watchdog(vm, timeout, false, false)
    }

    /// Put a paused tasklet (one the watchdog interrupted) back at the end
    /// of the run queue, as `t.insert()` does.
    ///
    /// # Errors
    /// When `t` is not a tasklet, has ended, or is blocked on a channel.
    pub fn insert(&mut self, vm: &mut Vm, t: ObjId) -> Result<(), Error> {
        let x = tasklet(vm, t).ok_or(Error::NotATasklet)?;
        if !x.alive || x.blocked() {
            return Err(Error::NotRunnable);
        }
        if x.place != Place::RunQueue {
            unlink(vm, t);
            insert_last(vm, t);
        }
        Ok(())
    }

    /// End a tasklet, as `t.kill()` called by the host acting as the main
    /// tasklet: `TaskletExit` is raised in it at once (its `finally` blocks
    /// run), then the host has control again. A tasklet that ended already
    /// is left as it is.
    ///
    /// # Errors
    /// When `t` is not a tasklet, or its cleanup raised another exception.
    pub fn kill(&mut self, vm: &mut Vm, t: ObjId) -> Result<(), Error> {
        let x = tasklet(vm, t).ok_or(Error::NotATasklet)?;
        if !x.alive || x.running {
            return Ok(());
        }
        let exit = sched_ref(vm).ok_or(Error::NotInstalled)?.types.tasklet_exit;
        let exc = vm.new_exc_with_args(exit, Vec::new());
        let main = self.main(vm);
        if tasklet(vm, main).is_some_and(|m| m.place != Place::RunQueue) {
            make_current(vm, main);
        }
        set_resume(vm, t, Value::None, Resume::Throw(exc));
        make_current(vm, t);
        loop {
            match self.run(vm, u64::MAX) {
                SchedOutcome::HostTurn(HostTurn::Raised(e)) | SchedOutcome::Raised(e) => {
                    return Err(Error::Uncaught(vm.exception_line(e)))
                }
                SchedOutcome::BudgetSpent => continue,
                _ => return Ok(()),
            }
        }
    }

    /// Run tasklets for at most `budget` instructions in all.
    ///
    /// Between calls the running tasklet's frames are back in its object,
    /// so whatever the host runs meanwhile (and its collections) sees them.
    pub fn run(&mut self, vm: &mut Vm, budget: u64) -> SchedOutcome {
        self.swap_running(vm);
        let out = self.run_slice(vm, budget);
        self.swap_running(vm);
        out
    }

    /// Swap the frames held by the loop with those in the running
    /// tasklet's object: parks them there, or takes them back.
    fn swap_running(&mut self, vm: &mut Vm) {
        if let Some(id) = self.running_id {
            if let Some(t) = tasklet_mut(vm, id) {
                std::mem::swap(&mut t.state, &mut self.running);
            }
        }
    }

    fn run_slice(&mut self, vm: &mut Vm, budget: u64) -> SchedOutcome {
        let mut left = budget;
        loop {
            if let Some(turn) = self.switch_in(vm) {
                return turn;
            }
            // Resuming it may have ended the tasklet at once: go on with the next.
            let Some(cur) = self.running_id else {
                continue;
            };
            let limit = self.watchdog_limit(vm);
            let n = left.min(limit.max(1));
            let before = vm.executed;
            let out = vm.run(&mut self.running, n);
            left -= (vm.executed - before).min(left);
            match out {
                RunOutcome::BudgetSpent => {
                    if limit <= n && self.time_up(vm, cur) {
                        continue;
                    }
                    if left == 0 {
                        return SchedOutcome::BudgetSpent;
                    }
                }
                RunOutcome::Request(r) if r.name == SWITCH => self.soft_interrupt(vm, cur),
                RunOutcome::Request(r) => {
                    let e = vm.new_exc(
                        ExcKind::SystemError,
                        &format!("no host serves the request '{}'", r.name),
                    );
                    if let Some(o) = vm.throw_into(&mut self.running, e) {
                        if let Some(end) = self.ended(vm, cur, o) {
                            return end;
                        }
                    }
                }
                o @ (RunOutcome::Finished(_) | RunOutcome::Raised(_)) => {
                    if let Some(end) = self.ended(vm, cur, o) {
                        return end;
                    }
                }
            }
            if left == 0 {
                return SchedOutcome::BudgetSpent;
            }
        }
    }

    /// How many instructions the running tasklet may run before the
    /// watchdog interrupts it.
    fn watchdog_limit(&self, vm: &Vm) -> u64 {
        let Some(w) = self.watchdog else {
            return u64::MAX;
        };
        let start = if w.total { w.started } else { self.switched_in };
        w.timeout.saturating_sub(vm.executed.saturating_sub(start))
    }

    /// The watchdog's time is up for the running `cur`. A tasklet that may
    /// be interrupted is (`true`); otherwise (a soft watchdog, an atomic
    /// tasklet, a switch trap) the interrupt waits: its time starts again,
    /// and a soft watchdog takes over at the tasklet's next switch.
    fn time_up(&mut self, vm: &mut Vm, cur: ObjId) -> bool {
        let Some(w) = self.watchdog else {
            return false;
        };
        let atomic = tasklet(vm, cur).is_some_and(|t| t.atomic);
        let trapped = sched_ref(vm).is_some_and(|s| s.switch_trap != 0);
        if !(w.soft || atomic || trapped) {
            return self.interrupt(vm, cur);
        }
        if let Some(t) = tasklet_mut(vm, cur) {
            t.pending_irq = true;
        }
        self.switched_in = vm.executed;
        if w.total {
            let now = vm.executed;
            if let Some(s) = vm.host_state_mut::<crate::state::Sched>() {
                if let Some(x) = s.watchdogs.iter_mut().find(|x| x.tasklet == w.tasklet) {
                    x.started = now;
                }
            }
            self.watchdog = self
                .watchdog
                .map(|x| crate::state::Watchdog { started: now, ..x });
        }
        false
    }

    /// `prev` switched of its own accord. If a soft watchdog's time ran out
    /// while it ran, the watchdog takes over now (its `run()` returns
    /// `None`) and the tasklet that was to run next runs after it.
    fn soft_interrupt(&mut self, vm: &mut Vm, prev: ObjId) {
        let Some(w) = self.watchdog.filter(|w| w.soft) else {
            return;
        };
        let pending = tasklet_mut(vm, prev).is_some_and(|t| std::mem::take(&mut t.pending_irq));
        let next = sched_ref(vm).map(|s| s.current);
        let floating = tasklet(vm, w.tasklet).is_some_and(|t| t.place == Place::Watchdog);
        if pending && floating && prev != w.tasklet && next != Some(w.tasklet) {
            wake_watchdog(vm, w.tasklet, Value::None, Resume::Value);
        }
    }

    /// The watchdog's time is up for `cur`: take it out of the run queue
    /// and resume the watchdog with it. `false` when there is no watchdog.
    fn interrupt(&mut self, vm: &mut Vm, cur: ObjId) -> bool {
        let Some(w) =
            sched_ref(vm).and_then(|s| s.watchdogs.iter().find(|w| w.timeout > 0).copied())
        else {
            return false;
        };
        unlink(vm, cur);
        if let Some(t) = tasklet_mut(vm, cur) {
            t.resume = Resume::Continue;
        }
        wake_watchdog(vm, w.tasklet, Value::Obj(cur), Resume::Value);
        true
    }

    /// Make the running state that of the current tasklet: save the one
    /// that ran, load the current one, and give it what it resumes with.
    /// Returns the host's turn when main is current and has no frames.
    fn switch_in(&mut self, vm: &mut Vm) -> Option<SchedOutcome> {
        let s = sched_ref(vm)?;
        let cur = s.current;
        if self.running_id == Some(cur) {
            return None;
        }
        let callback = s.schedule_callback;
        if let Some(old) = self.running_id {
            self.last_ran = Some(old);
        }
        let prev = self.last_ran;
        // Frames change hands by swapping boxes: the one that ran gets its
        // frames back and gives up the empty box it held.
        let context = vm.context;
        if let Some(old) = self.running_id.take() {
            if let Some(t) = tasklet_mut(vm, old) {
                std::mem::swap(&mut t.state, &mut self.running);
                t.running = false;
                t.context = context;
            }
        }
        // A tasklet waiting in `run()` that runs again returns from it.
        if sched_ref(vm).is_some_and(|s| s.watchdogs.iter().any(|w| w.tasklet == cur)) {
            crate::state::leave_watchdog_stack(vm, cur);
        }
        self.watchdog =
            sched_ref(vm).and_then(|s| s.watchdogs.iter().find(|w| w.timeout > 0).copied());
        let t = tasklet_mut(vm, cur)?;
        let context = t.context;
        vm.context = context;
        let t = tasklet_mut(vm, cur)?;
        let resume = std::mem::replace(&mut t.resume, Resume::Continue);
        let tempval = std::mem::replace(&mut t.tempval, Value::None);
        if !t.alive && t.is_main {
            return Some(SchedOutcome::HostTurn(match resume {
                Resume::Throw(e) => HostTurn::Raised(e),
                Resume::Value => match tempval {
                    Value::Obj(id) if tasklet(vm, id).is_some() => HostTurn::Interrupted(id),
                    _ => HostTurn::Idle,
                },
                Resume::Continue => HostTurn::Idle,
            }));
        }
        t.running = true;
        std::mem::swap(&mut self.running, &mut t.state);
        self.running_id = Some(cur);
        self.switched_in = vm.executed;
        if callback != Value::None {
            // The callback runs first, then hands the tasklet what it resumes with.
            crate::module::push_schedule_callback(
                vm,
                &mut self.running,
                callback,
                prev,
                resume,
                tempval,
            );
            return None;
        }
        let done = match resume {
            Resume::Continue => None,
            Resume::Value => vm.resume_with(&mut self.running, tempval),
            Resume::Throw(e) => vm.throw_into(&mut self.running, e),
        };
        done.and_then(|o| self.ended(vm, cur, o))
    }

    /// The running tasklet `cur` ended with `out`. Main's end ends the run,
    /// and so does another's `SystemExit` (the program exits). Another
    /// uncaught exception (not `TaskletExit`) is raised in the innermost
    /// watchdog, or in main. When nothing is runnable after a normal end, the
    /// watchdog or a paused main wakes; a blocked main gets an error.
    fn ended(&mut self, vm: &mut Vm, cur: ObjId, out: RunOutcome) -> Option<SchedOutcome> {
        // An error handler gets the exception first, in the same tasklet.
        if let RunOutcome::Raised(e) = out {
            if !crate::module::is_tasklet_exit(vm, e) && !vm.exc_is(e, ExcKind::SystemExit) {
                if let Some(state) = crate::module::error_handler_frames(vm, cur, e) {
                    *self.running = state;
                    return None;
                }
            }
        }
        if let Some(t) = tasklet_mut(vm, cur) {
            t.in_error_handler = false;
        }
        *self.running = ExecState::default();
        self.running_id = None;
        self.last_ran = Some(cur);
        unlink(vm, cur);
        let is_main = tasklet(vm, cur).is_some_and(|t| t.is_main);
        if let Some(t) = tasklet_mut(vm, cur) {
            t.alive = false;
            t.running = false;
            t.resume = Resume::Continue;
        }
        if is_main {
            return Some(match out {
                RunOutcome::Raised(e) => SchedOutcome::Raised(e),
                RunOutcome::Finished(v) => SchedOutcome::Finished(v),
                _ => SchedOutcome::Finished(Value::None),
            });
        }
        let exc = match out {
            RunOutcome::Raised(e) if !crate::module::is_tasklet_exit(vm, e) => e,
            _ => {
                if !pick_next(vm) {
                    crate::module::main_cannot_wake(vm);
                }
                return None;
            }
        };
        // "If it is truly a SystemExit on the main thread, we want the exit!"
        if vm.exc_is(exc, ExcKind::SystemExit) {
            return Some(SchedOutcome::Raised(exc));
        }
        let on_stack = sched_ref(vm).and_then(|s| s.watchdogs.last().map(|w| w.tasklet));
        match on_stack {
            Some(w) => wake_watchdog(vm, w, Value::None, Resume::Throw(exc)),
            None => {
                let main = self.main(vm);
                set_resume(vm, main, Value::None, Resume::Throw(exc));
                switch_to(vm, main);
            }
        }
        None
    }
}
