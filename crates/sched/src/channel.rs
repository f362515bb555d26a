//! The channel: a queue of tasklets blocked sending or receiving, and the
//! flags that decide who runs after a transfer.

use std::collections::VecDeque;

use brine_vm::{HostData, ObjId};

/// A channel's state.
#[derive(Clone, Debug, Default)]
pub struct Channel {
    /// The blocked tasklets, oldest first; all send or all receive.
    pub queue: VecDeque<ObjId>,
    /// Blocked senders (positive) or receivers (negative).
    pub balance: i64,
    /// -1: the receiver runs on at a transfer; 1: the sender; 0: neither.
    pub preference: i64,
    /// Every transfer schedules both sides instead.
    pub schedule_all: bool,
    /// `close()` was called: the queue may not grow.
    pub closing: bool,
}

impl Channel {
    /// A new open channel that prefers receivers.
    pub fn new() -> Channel {
        Channel {
            preference: -1,
            ..Channel::default()
        }
    }

    /// Closing and empty.
    pub fn closed(&self) -> bool {
        self.closing && self.balance == 0
    }
}

impl HostData for Channel {
    fn trace(&self, out: &mut Vec<ObjId>) {
        out.extend(self.queue.iter().copied());
    }
}
