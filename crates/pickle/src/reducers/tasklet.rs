//! Tasklets in every state, and channels with the tasklets blocked on them.
//!
//! A loaded tasklet is alive but not scheduled: `insert()` schedules it (as
//! in Stackless). One blocked on a channel stays blocked on the loaded
//! channel. A whole-program pickle keeps every place, since the
//! scheduler's state comes along.

use brine_sched::{Channel, Place, Resume, Tasklet};
use brine_vm::object::HostObj;
use brine_vm::{ExecState, Obj, ObjId};

use crate::dump::{DumpCx, Values};
use crate::error::Error;
use crate::load::LoadCx;
use crate::node::Node;
use crate::reduction::Reduction;
use crate::registry::Reducer;

/// `stackless.PICKLEFLAGS_PICKLE_CONTEXT`.
const PICKLE_CONTEXT: i64 = 8;

/// `tasklet` and `channel`.
pub(crate) struct TaskletReducer;

fn flag(n: Option<&Node>) -> bool {
    matches!(n, Some(Node::Bool(true)))
}

impl TaskletReducer {
    fn reduce_tasklet(cx: &mut Values<'_>, class: ObjId, t: &Tasklet) -> Result<Reduction, Error> {
        if t.running && t.state.frames.is_empty() && t.alive {
            return Err(Error::Unpicklable {
                type_name: "tasklet (the running tasklet)".into(),
            });
        }
        let resume = match t.resume {
            Resume::Continue => Node::List(vec![Node::Int(0)]),
            Resume::Value => Node::List(vec![Node::Int(1)]),
            Resume::Throw(e) => Node::List(vec![Node::Int(2), cx.value(e)]),
        };
        let place = match t.place {
            Place::Nowhere => Node::List(vec![Node::Int(0)]),
            Place::RunQueue => Node::List(vec![Node::Int(1)]),
            Place::Channel { channel, dir } => Node::List(vec![
                Node::Int(2),
                cx.obj(channel),
                Node::Int(i64::from(dir)),
            ]),
            Place::Watchdog => Node::List(vec![Node::Int(3)]),
        };
        let mut frames = Vec::with_capacity(t.state.frames.len());
        for f in &t.state.frames {
            frames.push(super::frame::dump_frame(cx, f)?);
        }
        let pending = match &t.state.pending {
            Some(then) => super::frame::dump_then(cx, then)?,
            None => Node::Nil,
        };
        // Its context only when asked for (PICKLEFLAGS_PICKLE_CONTEXT), as
        // in Stackless; a whole program keeps everything.
        let opts = cx.options();
        let context = if opts.whole_program || opts.flags & PICKLE_CONTEXT != 0 {
            cx.value(t.context)
        } else {
            Node::Nil
        };
        let state = vec![
            cx.value(t.tempval),
            resume,
            place,
            Node::Bool(t.alive),
            Node::Bool(t.atomic),
            Node::Bool(t.block_trap),
            Node::Bool(t.ignore_nesting),
            Node::Bool(t.is_main),
            Node::Bool(t.pending_irq),
            Node::Bool(t.in_error_handler),
            Node::List(frames),
            pending,
            Node::Bool(true),
            context,
        ];
        let class = cx.obj(class);
        Ok(Reduction::new("tasklet", vec![class], state))
    }

    fn load_tasklet(cx: &mut LoadCx<'_>, s: &[Node]) -> Result<Tasklet, Error> {
        let whole = cx.options().whole_program;
        let tempval = cx.value(cx.arg(s, 0)?)?;
        let r = cx.arg(s, 1)?.as_list().unwrap_or_default();
        let resume = match cx.int(cx.arg(r, 0)?)? {
            0 => Resume::Continue,
            1 => Resume::Value,
            2 => Resume::Throw(cx.value(cx.arg(r, 1)?)?),
            _ => return Err(cx.bad("an unknown resume mode")),
        };
        let p = cx.arg(s, 2)?.as_list().unwrap_or_default();
        let place = match cx.int(cx.arg(p, 0)?)? {
            0 => Place::Nowhere,
            1 if whole => Place::RunQueue,
            3 if whole => Place::Watchdog,
            1 | 3 => Place::Nowhere,
            2 => Place::Channel {
                channel: cx.id(cx.arg(p, 1)?)?,
                dir: if cx.int(cx.arg(p, 2)?)? > 0 { 1 } else { -1 },
            },
            _ => return Err(cx.bad("an unknown place")),
        };
        let restorable = flag(s.get(12));
        let mut frames = Vec::new();
        for f in cx.arg(s, 10)?.as_list().unwrap_or_default() {
            frames.push(super::frame::load_frame(cx, f, restorable)?);
        }
        let pending = match cx.arg(s, 11)? {
            Node::Nil => None,
            n => Some(super::frame::load_then(cx, n)?),
        };
        let mut exec = ExecState::default();
        exec.frames = frames;
        exec.pending = pending;
        Ok(Tasklet {
            state: Box::new(exec),
            tempval,
            resume,
            place,
            alive: flag(s.get(3)),
            running: false,
            atomic: flag(s.get(4)),
            block_trap: flag(s.get(5)),
            ignore_nesting: flag(s.get(6)),
            is_main: whole && flag(s.get(7)),
            pending_irq: flag(s.get(8)),
            in_error_handler: flag(s.get(9)),
            context: match s.get(13) {
                Some(n) => cx.value(n)?,
                None => brine_vm::Value::None,
            },
        })
    }
}

impl Reducer for TaskletReducer {
    fn reduce(&self, cx: &mut DumpCx<'_>, obj: ObjId) -> Result<Reduction, Error> {
        let (vm, mut cx) = cx.split();
        let Obj::Host(h) = vm.heap.get(obj) else {
            return Err(super::containers::unexpected(vm, obj));
        };
        let class = h.class;
        let any: &dyn std::any::Any = h.data.as_ref();
        if let Some(t) = any.downcast_ref::<Tasklet>() {
            return Self::reduce_tasklet(&mut cx, class, t);
        }
        let Some(c) = any.downcast_ref::<Channel>() else {
            return Err(super::containers::unexpected(vm, obj));
        };
        let state = vec![
            Node::List(c.queue.iter().map(|t| cx.obj(*t)).collect()),
            Node::Int(c.balance),
            Node::Int(c.preference),
            Node::Bool(c.schedule_all),
            Node::Bool(c.closing),
        ];
        let class = cx.obj(class);
        Ok(Reduction::new("channel", vec![class], state))
    }

    fn load(&self, cx: &mut LoadCx<'_>, id: ObjId, args: &[Node], s: &[Node]) -> Result<(), Error> {
        let class = cx.id(cx.arg(args, 0)?)?;
        let data: Box<dyn brine_vm::HostData> = if cx.tag() == "tasklet" {
            cx.loaded_tasklet(id);
            Box::new(Self::load_tasklet(cx, s)?)
        } else {
            let queue = cx
                .arg(s, 0)?
                .as_list()
                .unwrap_or_default()
                .iter()
                .map(|n| cx.id(n))
                .collect::<Result<_, _>>()?;
            Box::new(Channel {
                queue,
                balance: cx.int(cx.arg(s, 1)?)?,
                preference: cx.int(cx.arg(s, 2)?)?,
                schedule_all: flag(s.get(3)),
                closing: flag(s.get(4)),
            })
        };
        *cx.vm.heap.get_mut(id) = Obj::Host(HostObj { class, data });
        Ok(())
    }
}
