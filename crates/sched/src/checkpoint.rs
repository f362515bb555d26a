//! The scheduler's state as VM values, for whole-program checkpoints: a
//! pickler turns the record into bytes with everything it refers to, and
//! a fresh VM's scheduler takes it back after loading.
//!
//! ```text
//!  record = (main, current, [runq…], [(tasklet, timeout, soft, total, started)…],
//!            schedule_callback, channel_callback, error_handler,
//!            switch_trap, pickle_flags, pickle_flags_default, callback_current,
//!            running, switched_in, last_ran, watchdog, executed)
//! ```

use brine_vm::{ObjId, Value, Vm};

use crate::error::Error;
use crate::scheduler::Scheduler;
use crate::state::{sched_ref, tasklet_mut, Sched, Watchdog};

const FIELDS: usize = 16;

fn count(n: u64) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn opt(id: Option<ObjId>) -> Value {
    id.map_or(Value::None, Value::Obj)
}

fn watchdog_record(vm: &mut Vm, w: &Watchdog) -> Value {
    vm.new_tuple(vec![
        Value::Obj(w.tasklet),
        count(w.timeout),
        Value::Bool(w.soft),
        Value::Bool(w.total),
        count(w.started),
    ])
}

/// The items of a tuple or list value.
fn items(vm: &Vm, v: Value) -> Result<Vec<Value>, Error> {
    vm.sequence_items(v)
        .map(<[Value]>::to_vec)
        .ok_or_else(|| Error::BadCheckpoint("a sequence was expected".into()))
}

fn obj(v: Value) -> Result<ObjId, Error> {
    v.obj()
        .ok_or_else(|| Error::BadCheckpoint("an object was expected".into()))
}

fn opt_obj(v: Value) -> Result<Option<ObjId>, Error> {
    match v {
        Value::None => Ok(None),
        v => obj(v).map(Some),
    }
}

fn int(v: Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(Error::BadCheckpoint("an int was expected".into())),
    }
}

fn uint(v: Value) -> Result<u64, Error> {
    u64::try_from(int(v)?).map_err(|_| Error::BadCheckpoint("a negative count".into()))
}

fn watchdog_of(vm: &Vm, v: Value) -> Result<Watchdog, Error> {
    let w = items(vm, v)?;
    let [t, timeout, soft, total, started] = w.as_slice() else {
        return Err(Error::BadCheckpoint("a watchdog has five fields".into()));
    };
    Ok(Watchdog {
        tasklet: obj(*t)?,
        timeout: uint(*timeout)?,
        soft: int(*soft)? != 0,
        total: int(*total)? != 0,
        started: uint(*started)?,
    })
}

impl Scheduler {
    /// The scheduler's whole state (the run queue, the watchdogs, the
    /// callbacks, the flags, the loop's own bookkeeping and the VM's
    /// instruction counter) as a tuple of VM values, to pickle with the
    /// program. Call it between [`Scheduler::run`] calls, when every
    /// tasklet's frames are in its object.
    ///
    /// # Errors
    /// When the scheduler is not installed.
    pub fn checkpoint(&self, vm: &mut Vm) -> Result<Value, Error> {
        // The running tasklet's context is the VM's current one.
        let context = vm.context;
        if let Some(t) = self.running_id.and_then(|id| tasklet_mut(vm, id)) {
            t.context = context;
        }
        let s = sched_ref(vm).ok_or(Error::NotInstalled)?.clone();
        let runq: Vec<Value> = s.runq.iter().map(|t| Value::Obj(*t)).collect();
        let runq = vm.new_list(runq);
        let watchdogs: Vec<Value> = s.watchdogs.iter().map(|w| watchdog_record(vm, w)).collect();
        let watchdogs = vm.new_list(watchdogs);
        let watchdog = match &self.watchdog {
            Some(w) => watchdog_record(vm, w),
            None => Value::None,
        };
        let record = vec![
            Value::Obj(s.main),
            Value::Obj(s.current),
            runq,
            watchdogs,
            s.schedule_callback,
            s.channel_callback,
            s.error_handler,
            Value::Int(s.switch_trap),
            Value::Int(s.pickle_flags),
            Value::Int(s.pickle_flags_default),
            opt(s.callback_current),
            opt(self.running_id),
            count(self.switched_in),
            opt(self.last_ran),
            watchdog,
            count(vm.executed),
        ];
        Ok(vm.new_tuple(record))
    }

    /// Take back a state [`Scheduler::checkpoint`] made, loaded into `vm`
    /// (a VM with the scheduler installed, whose own main tasklet is
    /// replaced by the loaded one).
    ///
    /// # Errors
    /// When the scheduler is not installed or the record is malformed.
    pub fn restore(vm: &mut Vm, record: Value) -> Result<Scheduler, Error> {
        let r = items(vm, record)?;
        if r.len() != FIELDS {
            return Err(Error::BadCheckpoint(format!(
                "the scheduler's record has {} fields, not {FIELDS}",
                r.len()
            )));
        }
        let tasklet_or_err = |vm: &Vm, id: ObjId| -> Result<ObjId, Error> {
            crate::state::tasklet(vm, id)
                .map(|_| id)
                .ok_or_else(|| Error::BadCheckpoint("a tasklet was expected".into()))
        };
        let main = tasklet_or_err(vm, obj(r[0])?)?;
        let current = tasklet_or_err(vm, obj(r[1])?)?;
        let mut runq = std::collections::VecDeque::new();
        for t in items(vm, r[2])? {
            runq.push_back(tasklet_or_err(vm, obj(t)?)?);
        }
        let mut watchdogs = Vec::new();
        for w in items(vm, r[3])? {
            let w = watchdog_of(vm, w)?;
            tasklet_or_err(vm, w.tasklet)?;
            watchdogs.push(w);
        }
        let callback_current = opt_obj(r[10])?;
        let running_id = opt_obj(r[11])?;
        let last_ran = opt_obj(r[13])?;
        for t in [callback_current, running_id, last_ran]
            .into_iter()
            .flatten()
        {
            tasklet_or_err(vm, t)?;
        }
        let watchdog = match r[14] {
            Value::None => None,
            w => Some(watchdog_of(vm, w)?),
        };
        let switched_in = uint(r[12])?;
        let executed = uint(r[15])?;
        let s: &mut Sched = vm.host_state_mut::<Sched>().ok_or(Error::NotInstalled)?;
        s.main = main;
        s.current = current;
        s.runq = runq;
        s.watchdogs = watchdogs;
        s.schedule_callback = r[4];
        s.channel_callback = r[5];
        s.error_handler = r[6];
        s.switch_trap = int(r[7])?;
        s.pickle_flags = int(r[8])?;
        s.pickle_flags_default = int(r[9])?;
        s.callback_current = callback_current;
        vm.executed = executed;
        vm.context = running_id
            .and_then(|id| crate::state::tasklet(vm, id))
            .map_or(Value::None, |t| t.context);
        Ok(Scheduler {
            running: Box::default(),
            running_id,
            switched_in,
            last_ran,
            watchdog,
        })
    }
}
