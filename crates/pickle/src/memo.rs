//! The pickler's memo: the table index of every object met so far.
//!
//! A small pickle keeps it in a hash map. A large one moves to a vector
//! indexed by object id: ids are arena indices, and objects made together
//! sit together, so its reads mostly hit the cache where a hash map's
//! would miss.

use brine_vm::ObjId;
use rustc_hash::FxHashMap;

/// How many objects a hash map holds before the memo becomes a vector.
const DENSE_AFTER: usize = 4096;

/// Table indices by object id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memo {
    small: FxHashMap<ObjId, u32>,
    /// Index + 1 by object id; 0 for an object not met.
    dense: Vec<u32>,
}

impl Memo {
    /// The index of `id`, if it was met.
    #[inline]
    pub(crate) fn get(&self, id: ObjId) -> Option<u32> {
        if self.dense.is_empty() {
            self.small.get(&id).copied()
        } else {
            self.dense.get(id.index()).and_then(|i| i.checked_sub(1))
        }
    }

    /// Remember that `id` has table index `index`.
    pub(crate) fn insert(&mut self, id: ObjId, index: u32) {
        if self.dense.is_empty() {
            self.small.insert(id, index);
            if self.small.len() > DENSE_AFTER {
                for (id, i) in std::mem::take(&mut self.small) {
                    self.set_dense(id, i);
                }
            }
        } else {
            self.set_dense(id, index);
        }
    }

    fn set_dense(&mut self, id: ObjId, index: u32) {
        let at = id.index();
        if at >= self.dense.len() {
            self.dense.resize((at + 1).next_power_of_two(), 0);
        }
        self.dense[at] = index + 1;
    }
}
