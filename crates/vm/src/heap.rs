//! The heap: an arena of objects addressed by [`ObjId`], with a tracing collector.
//!
//! Objects never move and are never addressed by pointer; an id is an index
//! into the arena. Collection is mark and sweep from roots the caller names,
//! and the interpreter only asks for it at safe points between instructions,
//! where every live value is reachable from a root.
//!
//! An object registered with [`Heap::finalize_when_unreachable`] is not
//! freed when it becomes unreachable: the collection keeps it (and what it
//! reaches) alive and queues it, and the interpreter calls its class's
//! `__del__` at the next safe point. That happens once; then it is an
//! ordinary object.

use serde::{Deserialize, Serialize};

use crate::object::Obj;
use crate::value::Value;

/// The id of a heap object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObjId(pub u32);

impl ObjId {
    /// The arena index.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The smallest number of allocations between two collections.
const MIN_GC_INTERVAL: usize = 100_000;

/// The object arena.
#[derive(Default)]
pub struct Heap {
    slots: Vec<Obj>,
    marks: Vec<bool>,
    free: Vec<u32>,
    since_gc: usize,
    live_after_gc: usize,
    /// Objects to finalize once they become unreachable.
    finalizable: Vec<ObjId>,
    /// Objects found unreachable whose `__del__` has not run yet (roots).
    doomed: Vec<ObjId>,
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap::default()
    }

    /// Store an object and return its id.
    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> ObjId {
        self.since_gc += 1;
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = obj;
            ObjId(i)
        } else {
            self.slots.push(obj);
            self.marks.push(false);
            ObjId((self.slots.len() - 1) as u32)
        }
    }

    /// The object behind an id.
    #[inline]
    pub fn get(&self, id: ObjId) -> &Obj {
        &self.slots[id.index()]
    }

    /// The object behind an id, mutably.
    #[inline]
    pub fn get_mut(&mut self, id: ObjId) -> &mut Obj {
        &mut self.slots[id.index()]
    }

    /// Whether `id` names a slot that holds a live object.
    pub fn contains(&self, id: ObjId) -> bool {
        self.slots
            .get(id.index())
            .is_some_and(|o| !matches!(o, Obj::Free))
    }

    /// The number of live objects (slots in use).
    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    /// Whether the heap holds no object.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether enough was allocated since the last collection to collect again.
    #[inline]
    pub fn should_collect(&self) -> bool {
        self.since_gc > MIN_GC_INTERVAL.max(self.live_after_gc)
    }

    /// Finalize `id` when it becomes unreachable: a collection that finds
    /// it so keeps it and queues it for [`Heap::take_doomed`].
    pub fn finalize_when_unreachable(&mut self, id: ObjId) {
        self.finalizable.push(id);
    }

    /// The objects registered to be finalized, and those found unreachable
    /// and waiting for it: a whole-program checkpoint keeps both.
    pub fn finalization_state(&self) -> (&[ObjId], &[ObjId]) {
        (&self.finalizable, &self.doomed)
    }

    /// Set what [`Heap::finalization_state`] gave (in a resumed program).
    pub fn restore_finalization_state(&mut self, finalizable: Vec<ObjId>, doomed: Vec<ObjId>) {
        self.finalizable = finalizable;
        self.doomed = doomed;
    }

    /// The objects found unreachable since the last call, to finalize now.
    pub fn take_doomed(&mut self) -> Vec<ObjId> {
        std::mem::take(&mut self.doomed)
    }

    /// Whether objects wait to be finalized.
    pub fn has_doomed(&self) -> bool {
        !self.doomed.is_empty()
    }

    /// Collect before the next instruction (`gc.collect()`).
    pub fn request_collection(&mut self) {
        self.since_gc = usize::MAX / 2;
    }

    /// Mark everything reachable from `work`.
    fn mark_from(&mut self, mut work: Vec<ObjId>) {
        let mut children = Vec::new();
        while let Some(id) = work.pop() {
            let i = id.index();
            if i >= self.marks.len() || self.marks[i] {
                continue;
            }
            self.marks[i] = true;
            children.clear();
            self.slots[i].trace(&mut children);
            work.extend(children.iter().copied().filter(|c| !self.marks[c.index()]));
        }
    }

    /// Free every object not reachable from `roots`, except those to be
    /// finalized, which are queued; returns how many were freed.
    pub fn collect(&mut self, roots: &[Value], root_ids: &[ObjId]) -> usize {
        let mut work: Vec<ObjId> = Vec::with_capacity(1024);
        work.extend(roots.iter().filter_map(|v| v.obj()));
        work.extend_from_slice(root_ids);
        work.extend_from_slice(&self.doomed);
        self.mark_from(work);
        let (now_doomed, still): (Vec<ObjId>, Vec<ObjId>) = std::mem::take(&mut self.finalizable)
            .into_iter()
            .filter(|id| self.contains(*id))
            .partition(|id| !self.marks[id.index()]);
        self.finalizable = still;
        self.mark_from(now_doomed.clone());
        self.doomed.extend(now_doomed);
        let mut freed = 0;
        for i in 0..self.slots.len() {
            if self.marks[i] {
                self.marks[i] = false;
            } else if !matches!(self.slots[i], Obj::Free) {
                self.slots[i] = Obj::Free;
                self.free.push(i as u32);
                freed += 1;
            }
        }
        self.since_gc = 0;
        self.live_after_gc = self.len();
        freed
    }
}

impl Heap {
    /// The object a value refers to, if it is a heap object.
    pub fn get_obj(&self, v: Value) -> Option<&Obj> {
        match v {
            Value::Obj(id) => Some(self.get(id)),
            _ => None,
        }
    }
}
