//! Object identities that survive a checkpoint: `id()` and the address in
//! a default repr. An object's identity is derived from its heap slot,
//! unless it was taken back from a checkpoint with the identity it had;
//! each resumed generation derives from its own range, so a new object
//! never takes an identity a restored one holds.
//!
//! ```text
//!  identity = 0x7f00_0000_0000 + generation * 2^36 + slot * 16
//! ```

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::heap::{Heap, ObjId};
use crate::vm::Vm;

/// The base of every identity, where CPython's heap addresses often start.
const BASE: i64 = 0x7f00_0000_0000;

/// The identities a VM handed out and those it took back.
#[derive(Debug, Default)]
pub struct Identities {
    /// Identities restored from a checkpoint, by the object's new slot.
    restored: FxHashMap<ObjId, i64>,
    /// Objects whose identity a program saw (`id()`, a default repr).
    observed: RefCell<FxHashSet<ObjId>>,
    /// How many times the program was resumed.
    generation: i64,
}

impl Identities {
    /// Forget the objects the collector freed.
    pub(crate) fn prune(&mut self, heap: &Heap) {
        self.restored.retain(|id, _| heap.contains(*id));
        self.observed.get_mut().retain(|id| heap.contains(*id));
    }
}

impl Vm {
    /// The identity of `id` (`id()` of it), noted as seen by the program.
    pub fn identity(&self, id: ObjId) -> i64 {
        let ids = &self.identities;
        ids.observed.borrow_mut().insert(id);
        match ids.restored.get(&id) {
            Some(v) => *v,
            None => BASE + (ids.generation << 36) + i64::from(id.0) * 16,
        }
    }

    /// The objects whose identity the program saw, with it, in slot order:
    /// what a checkpoint keeps so that they are the same once resumed.
    pub fn seen_identities(&self) -> Vec<(ObjId, i64)> {
        let mut seen: Vec<ObjId> = self.identities.observed.borrow().iter().copied().collect();
        seen.sort_by_key(|id| id.0);
        seen.into_iter()
            .filter(|id| self.heap.contains(*id))
            .map(|id| (id, self.identity(id)))
            .collect()
    }

    /// How many times the program was resumed from a checkpoint.
    pub fn identity_generation(&self) -> i64 {
        self.identities.generation
    }

    /// Take back identities [`Vm::seen_identities`] gave, for objects now
    /// at these slots, in the generation after `generation`.
    pub fn restore_identities(&mut self, seen: &[(ObjId, i64)], generation: i64) {
        let ids = &mut self.identities;
        ids.generation = generation.saturating_add(1).clamp(0, (1 << 26) - 1);
        for (id, v) in seen {
            ids.restored.insert(*id, *v);
            ids.observed.get_mut().insert(*id);
        }
    }
}
