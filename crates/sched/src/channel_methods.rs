//! `stackless.channel`: sending and receiving between tasklets, with
//! Stackless's rules for who runs on after a transfer.
//!
//! A transfer to a waiting tasklet does not block. Whether the caller or
//! the partner runs on is the channel's `preference` (-1: the receiver,
//! 1: the sender, 0: the caller, the partner goes last in the run queue);
//! `schedule_all` makes both wait their turn. With no partner waiting the
//! caller blocks, unless nothing else could run: then it is a deadlock.

use brine_vm::{Args, Ctl, ExcKind, NativeDef, ObjId, Value, Vm, R};

use crate::class::{function, method, new_object, read_only, read_write, self_of, Property};

use crate::channel::Channel;
use crate::module::{int_flag, py_attr, DEADLOCK, SWITCH_TRAPPED};
use crate::state::{
    can_block, channel, channel_mut, pick_next, sched, sched_ref, set_resume, switch, tasklet,
    tasklet_mut,
};
use crate::tasklet::{Place, Resume};

const METHODS: &[NativeDef] = &[
    function("stackless.channel.__new__", new),
    method("stackless.channel.__init__", init),
    method("stackless.channel.send", send),
    method("stackless.channel.receive", receive),
    method("stackless.channel._send_exc", send_exc),
    method("stackless.channel._send_exc_now", send_exc_now),
    method("stackless.channel._send_now", send_now),
    method("stackless.channel._receive_now", receive_now),
    method("stackless.channel.close", close),
    method("stackless.channel.open", open),
    method("stackless.channel.__iter__", iter),
    method("stackless.channel.__next__", next),
];

const PROPERTIES: &[Property] = &[
    read_only("balance", "stackless.channel.balance", balance),
    read_only("closing", "stackless.channel.closing", closing),
    read_only("closed", "stackless.channel.closed", closed),
    read_write(
        "preference",
        (
            "stackless.channel.preference",
            "stackless.channel.preference.__set__",
        ),
        preference,
        set_preference,
    ),
    read_write(
        "schedule_all",
        (
            "stackless.channel.schedule_all",
            "stackless.channel.schedule_all.__set__",
        ),
        schedule_all,
        set_schedule_all,
    ),
    read_only("queue", "stackless.channel.queue", queue),
];

/// Make the `channel` class.
pub(crate) fn make_class(vm: &mut Vm) -> ObjId {
    crate::class::make_class(vm, "channel", METHODS, PROPERTIES)
}

/// The channel `self` of a method call.
fn this(vm: &mut Vm, args: &Args) -> R<ObjId> {
    self_of(vm, args, "channel", |vm, id| channel(vm, id).is_some())
}

/// A channel's flags and the head of its queue, copied out.
#[derive(Clone, Copy, Debug)]
struct View {
    id: ObjId,
    balance: i64,
    preference: i64,
    schedule_all: bool,
    closing: bool,
    head: Option<ObjId>,
}

impl View {
    /// Whether a tasklet waits on the other side of an action in `dir`.
    fn partner_waiting(&self, dir: i8) -> bool {
        if dir > 0 {
            self.balance < 0
        } else {
            self.balance > 0
        }
    }
}

/// The flags of channel `c`, if it is one.
fn view(vm: &Vm, c: ObjId) -> Option<View> {
    channel(vm, c).map(|ch| View {
        id: c,
        balance: ch.balance,
        preference: ch.preference,
        schedule_all: ch.schedule_all,
        closing: ch.closing,
        head: ch.queue.front().copied(),
    })
}

fn state(vm: &mut Vm, args: &Args) -> R<View> {
    let c = this(vm, args)?;
    match view(vm, c) {
        Some(v) => Ok(v),
        None => vm.fail(ExcKind::TypeError, "not a channel"),
    }
}

fn new(vm: &mut Vm, args: Args) -> R<Value> {
    let exact = sched(vm)?.types.channel;
    let (obj, _) = new_object(vm, &args, exact, "channel", Box::new(Channel::new()))?;
    Ok(obj)
}

fn init(vm: &mut Vm, args: Args) -> R<Value> {
    this(vm, &args)?;
    Ok(Value::None)
}

/// A send (`dir` 1) or receive (`dir` -1) called from Python: `self` and
/// the value sent are the arguments. With a channel callback set, the
/// action goes through the module's Python helper, which calls it first.
fn checked_action(vm: &mut Vm, args: &Args, dir: i8, callback: bool) -> R<Value> {
    checked_action_of(vm, args, dir, callback, false)
}

/// [`checked_action`] for a value that is a plain one or (`is_exc`) an
/// exception for the receiver to raise.
fn checked_action_of(vm: &mut Vm, args: &Args, dir: i8, callback: bool, is_exc: bool) -> R<Value> {
    let (name, n) = if dir > 0 { ("send", 2) } else { ("receive", 1) };
    vm.arity_m(name, args, n, n)?;
    let Some(ch) = args
        .pos
        .first()
        .and_then(|v| v.obj())
        .and_then(|c| view(vm, c))
    else {
        return vm.fail(
            ExcKind::TypeError,
            "descriptor requires a '_stackless.channel' object",
        );
    };
    let value = if dir > 0 { args.pos[1] } else { Value::None };
    let s = sched(vm)?;
    let (me, cb) = (s.current, s.channel_callback);
    if callback && cb != Value::None {
        let willblock = !ch.partner_waiting(dir);
        let helper = py_attr(vm, "_channel_action");
        return Err(Ctl::tail_call(
            helper,
            vec![
                cb,
                Value::Obj(ch.id),
                Value::Int(i64::from(dir > 0)),
                Value::Int(i64::from(willblock)),
                value,
                Value::Bool(is_exc),
            ],
        ));
    }
    action(vm, ch, me, dir, value, is_exc)
}

fn send(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action(vm, &args, 1, true)
}

fn receive(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action(vm, &args, -1, true)
}

fn send_now(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action(vm, &args, 1, false)
}

fn receive_now(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action(vm, &args, -1, false)
}

/// `_send_exc(exc)`: send an exception instance, which the receiver raises.
fn send_exc(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action_of(vm, &args, 1, true, true)
}

/// `_send_exc_now(exc)`: `_send_exc` once the channel callback has run.
fn send_exc_now(vm: &mut Vm, args: Args) -> R<Value> {
    checked_action_of(vm, &args, 1, false, true)
}

/// One send (`dir` 1) or receive (`dir` -1) by the current tasklet `me`.
/// `is_exc`: the value sent is an exception for the receiver to raise.
fn action(vm: &mut Vm, ch: View, me: ObjId, dir: i8, value: Value, is_exc: bool) -> R<Value> {
    let c = ch.id;
    if ch.partner_waiting(dir) {
        return transfer(vm, ch, me, dir, value, is_exc);
    }
    if tasklet(vm, me).is_some_and(|t| t.block_trap) {
        return vm.fail(
            ExcKind::RuntimeError,
            "this tasklet does not like to be blocked.",
        );
    }
    if ch.closing {
        return vm.fail(
            ExcKind::ValueError,
            "Send/receive operation on a closed channel",
        );
    }
    let s = sched(vm)?;
    let others = s.runq.iter().any(|t| *t != me) || !s.watchdogs.is_empty();
    if !others && !can_block(vm, me) {
        return vm.fail(ExcKind::RuntimeError, DEADLOCK);
    }
    let s = sched(vm)?;
    if s.switch_trap != 0 {
        return vm.fail(ExcKind::RuntimeError, SWITCH_TRAPPED);
    }
    // Block: leave the run queue (the current tasklet is at its head) for
    // the channel's queue; the next runnable tasklet, or a watchdog, runs.
    if s.runq.front() == Some(&me) {
        s.runq.pop_front();
    } else if let Some(i) = s.runq.iter().position(|t| *t == me) {
        s.runq.remove(i);
    }
    let next = s.runq.front().copied();
    if let Some(next) = next {
        s.current = next;
    }
    if let Some(ch) = channel_mut(vm, c) {
        ch.queue.push_back(me);
        ch.balance += i64::from(dir);
    }
    if let Some(t) = tasklet_mut(vm, me) {
        t.place = Place::Channel { channel: c, dir };
        t.tempval = value;
        t.resume = if is_exc {
            Resume::Throw(value)
        } else {
            Resume::Value
        };
    }
    if next.is_none() && pick_next(vm) && is_exc {
        // Stackless wakes the watchdog (or main) with the blocked sender's
        // exception when that is what it holds.
        if let Some(woken) = sched_ref(vm).map(|s| s.current) {
            set_resume(vm, woken, Value::None, Resume::Throw(value));
        }
    }
    Err(switch())
}

/// A partner is waiting on the channel: hand the value over, then decide
/// who runs on.
fn transfer(vm: &mut Vm, ch: View, me: ObjId, dir: i8, value: Value, is_exc: bool) -> R<Value> {
    let Some(partner) = ch.head else {
        return vm.fail(ExcKind::SystemError, "channel queue and balance disagree");
    };
    // The partner leaves the head of the channel's queue.
    if let Some(c) = channel_mut(vm, ch.id) {
        c.queue.pop_front();
        c.balance += i64::from(dir);
    }
    // Hand the value over in one visit to the partner: a receiver gets the
    // sender's value (or its exception); a sender's send returns None. It
    // joins the run queue below, first or last.
    let first = !ch.schedule_all && ch.preference == -i64::from(dir);
    let Some(p) = tasklet_mut(vm, partner) else {
        return vm.fail(ExcKind::SystemError, "a channel queue holds a non-tasklet");
    };
    let (mine, mine_val) = if dir > 0 {
        if is_exc {
            (p.tempval, p.resume) = (Value::None, Resume::Throw(value));
        } else {
            (p.tempval, p.resume) = (value, Resume::Value);
        }
        (Resume::Value, Value::None)
    } else {
        let got = match p.resume {
            Resume::Throw(e) => (Resume::Throw(e), Value::None),
            _ => (Resume::Value, p.tempval),
        };
        (p.tempval, p.resume) = (Value::None, Resume::Value);
        got
    };
    p.place = Place::RunQueue;
    let s = sched(vm)?;
    if ch.schedule_all || first {
        // Both wait their turn (schedule_all), or the partner runs now; the
        // caller goes last either way.
        let queued = if s.runq.front() == Some(&me) {
            s.runq.pop_front().is_some()
        } else {
            let i = s.runq.iter().position(|t| *t == me);
            i.and_then(|i| s.runq.remove(i)).is_some()
        };
        if first {
            s.runq.push_front(partner);
        } else {
            s.runq.push_back(partner);
        }
        if queued {
            s.runq.push_back(me);
        }
        if let Some(&next) = s.runq.front() {
            s.current = next;
        }
        set_resume(vm, me, mine_val, mine);
        return Err(switch());
    }
    s.runq.push_back(partner);
    match mine {
        Resume::Throw(e) => Err(Ctl::Raise(e)),
        _ => Ok(mine_val),
    }
}

fn close(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    if let Some(ch) = channel_mut(vm, c) {
        ch.closing = true;
    }
    Ok(Value::None)
}

fn open(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    if let Some(ch) = channel_mut(vm, c) {
        ch.closing = false;
    }
    Ok(Value::None)
}

fn iter(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    Ok(args.pos.first().copied().unwrap_or(Value::Obj(c)))
}

fn next(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    // A closing channel with no sender waiting ends the iteration.
    if channel(vm, c).is_some_and(|ch| ch.closing && ch.balance <= 0) {
        let e = vm.new_exc_with_args(vm.types.exc(ExcKind::StopIteration), Vec::new());
        return Err(Ctl::Raise(e));
    }
    receive(vm, args)
}

fn balance(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(state(vm, &args)?.balance))
}

fn closing(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Bool(state(vm, &args)?.closing))
}

fn closed(vm: &mut Vm, args: Args) -> R<Value> {
    let v = state(vm, &args)?;
    Ok(Value::Bool(v.closing && v.balance == 0))
}

fn preference(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(state(vm, &args)?.preference))
}

fn set_preference(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    let p = match args.pos.get(1) {
        Some(Value::Int(i)) => i.signum(),
        Some(Value::Bool(b)) => i64::from(*b),
        _ => return vm.fail(ExcKind::TypeError, "preference must be set to an integer"),
    };
    if let Some(ch) = channel_mut(vm, c) {
        ch.preference = p;
    }
    Ok(Value::None)
}

fn schedule_all(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(Value::Int(i64::from(state(vm, &args)?.schedule_all)))
}

fn set_schedule_all(vm: &mut Vm, args: Args) -> R<Value> {
    let c = this(vm, &args)?;
    let v = int_flag(
        vm,
        args.pos.get(1).copied(),
        "preference must be set to a bool or integer",
    )?;
    if let Some(ch) = channel_mut(vm, c) {
        ch.schedule_all = v;
    }
    Ok(Value::None)
}

fn queue(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(state(vm, &args)?.head.map_or(Value::None, Value::Obj))
}
