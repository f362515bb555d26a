//! The tasklet: a microthread's frames, its value in transit and its flags,
//! all plain data.

use brine_vm::{ExecState, HostData, ObjId, Value};

/// What a suspended tasklet does when it next runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resume {
    /// Carry on: it is new, or was interrupted between two instructions.
    Continue,
    /// The call that switched it out returns its `tempval`.
    Value,
    /// The call that switched it out raises this exception.
    Throw(Value),
}

/// Which chain a tasklet is linked into.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// None: new, paused, or dead.
    Nowhere,
    /// The run queue (the current tasklet included).
    RunQueue,
    /// Blocked on `channel`, sending (`dir` 1) or receiving (`dir` -1).
    Channel {
        /// The channel.
        channel: ObjId,
        /// 1 for a sender, -1 for a receiver.
        dir: i8,
    },
    /// Inside `stackless.run()`, waiting for the run queue to empty.
    Watchdog,
}

/// A tasklet's state.
#[derive(Clone, Debug)]
pub struct Tasklet {
    /// Its frames; empty while it runs (the scheduler holds them), before it
    /// is bound with arguments, and once it has ended.
    pub state: Box<ExecState>,
    /// The value in transit: what a switch returns, what a blocked sender
    /// sends; before arguments are bound, the callable `bind(func)` gave.
    pub tempval: Value,
    /// What it does when it next runs.
    pub resume: Resume,
    /// The chain it is linked into.
    pub place: Place,
    /// It has frames to run (bound with arguments and not ended).
    pub alive: bool,
    /// It is the running tasklet.
    pub running: bool,
    /// The watchdog does not interrupt it.
    pub atomic: bool,
    /// Blocking it on a channel is an error.
    pub block_trap: bool,
    /// `set_ignore_nesting` was given a true value.
    pub ignore_nesting: bool,
    /// It is the main tasklet.
    pub is_main: bool,
    /// The watchdog's time ran out while it could not be interrupted (soft
    /// watchdog, or atomic): a soft watchdog takes over at its next switch.
    pub pending_irq: bool,
    /// It runs the error handler for its own uncaught exception.
    pub in_error_handler: bool,
    /// Its `contextvars.Context` (`None` until it has one); while it runs,
    /// the VM's current context is its context.
    pub context: Value,
}

impl Tasklet {
    /// A new, unbound tasklet.
    pub fn new() -> Tasklet {
        Tasklet {
            state: Box::default(),
            tempval: Value::None,
            resume: Resume::Continue,
            place: Place::Nowhere,
            alive: false,
            running: false,
            atomic: false,
            block_trap: false,
            ignore_nesting: false,
            is_main: false,
            pending_irq: false,
            in_error_handler: false,
            context: Value::None,
        }
    }

    /// A copy of its flags, value in transit and links, without its frames.
    pub fn header(&self) -> Tasklet {
        Tasklet {
            state: Box::default(),
            tempval: self.tempval,
            resume: self.resume,
            place: self.place,
            alive: self.alive,
            running: self.running,
            atomic: self.atomic,
            block_trap: self.block_trap,
            ignore_nesting: self.ignore_nesting,
            is_main: self.is_main,
            pending_irq: self.pending_irq,
            in_error_handler: self.in_error_handler,
            context: self.context,
        }
    }

    /// Linked into the run queue or blocked on a channel.
    pub fn scheduled(&self) -> bool {
        matches!(self.place, Place::RunQueue | Place::Channel { .. })
    }

    /// Blocked on a channel.
    pub fn blocked(&self) -> bool {
        matches!(self.place, Place::Channel { .. })
    }

    /// The memory its frames take: the frame stack, and each frame's
    /// locals and value stack, cells and handlers.
    pub fn frame_bytes(&self) -> usize {
        let frames = &self.state.frames;
        frames.capacity() * std::mem::size_of::<brine_vm::Frame>()
            + frames
                .iter()
                .map(|f| {
                    f.slots.capacity() * std::mem::size_of::<Value>()
                        + f.cells.capacity() * std::mem::size_of::<ObjId>()
                        + f.handlers.capacity() * std::mem::size_of::<brine_vm::frame::Handler>()
                        + f.handling.capacity() * std::mem::size_of::<Value>()
                })
                .sum::<usize>()
    }
}

impl Default for Tasklet {
    fn default() -> Tasklet {
        Tasklet::new()
    }
}

impl HostData for Tasklet {
    fn trace(&self, out: &mut Vec<ObjId>) {
        self.state.trace(out);
        out.extend(self.tempval.obj());
        out.extend(self.context.obj());
        if let Resume::Throw(e) = self.resume {
            out.extend(e.obj());
        }
        if let Place::Channel { channel, .. } = self.place {
            out.push(channel);
        }
    }
}
