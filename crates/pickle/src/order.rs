//! The order of a load's Python calls: post-order over the object table,
//! so that what a call's arguments hold is built, and the results of the
//! calls it refers to are in place, before it is made (as CPython's
//! unpickler has built a `REDUCE`'s arguments before it calls).
//!
//! The walk starts at the pickle's root, then at every call entry not
//! reached from it. Through a call entry it follows only the arguments:
//! its state is set after every call, in the loader's last stage. In a
//! cycle of calls, one is made before another it refers to, which it then
//! sees as a placeholder, replaced everywhere once every call is made.

use crate::envelope::Envelope;
use crate::node::Node;

/// An entry the walk leaves, everything it refers to left before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Visit {
    /// Entry `i` is made by a Python call, which can be made now.
    Call(usize),
    /// Entry `i` is built already; the calls it refers to are made.
    Built(usize),
}

/// The walk, resumable between two calls.
#[derive(Clone, Debug, Default)]
pub(crate) struct CallOrder {
    /// Whether each entry is made by a Python call.
    calls: Vec<bool>,
    /// Whether each entry was reached.
    entered: Vec<bool>,
    /// Entries being walked: `(entry, what it refers to is pushed)`.
    stack: Vec<(usize, bool)>,
    /// Entries to start from, the next last.
    starts: Vec<usize>,
}

impl CallOrder {
    /// The walk of `env`, whose entries `calls` are made by Python calls.
    pub(crate) fn new(env: &Envelope, calls: impl IntoIterator<Item = usize>) -> CallOrder {
        let n = env.entries.len();
        let mut is_call = vec![false; n];
        let mut starts = Vec::new();
        for i in calls {
            if let Some(c) = is_call.get_mut(i) {
                *c = true;
                starts.push(i);
            }
        }
        starts.reverse();
        let mut root = Vec::new();
        refs(std::slice::from_ref(&env.root), &mut root);
        starts.extend(root.into_iter().rev().filter(|i| *i < n));
        CallOrder {
            calls: is_call,
            entered: vec![false; n],
            stack: Vec::new(),
            starts,
        }
    }

    /// The next entry left, or `None` when the walk is over.
    pub(crate) fn next(&mut self, env: &Envelope) -> Option<Visit> {
        loop {
            let (i, pushed) = match self.stack.pop() {
                Some(top) => top,
                None => (self.starts.pop()?, false),
            };
            if pushed {
                return Some(if self.calls[i] {
                    Visit::Call(i)
                } else {
                    Visit::Built(i)
                });
            }
            if self.entered[i] {
                continue;
            }
            self.entered[i] = true;
            self.stack.push((i, true));
            let Some(e) = env.entries.get(i) else {
                continue;
            };
            let mut out = Vec::new();
            refs(&e.args, &mut out);
            if !self.calls[i] {
                refs(&e.state, &mut out);
            }
            for r in out.into_iter().rev() {
                if !self.entered.get(r).copied().unwrap_or(true) {
                    self.stack.push((r, false));
                }
            }
        }
    }
}

/// The entries `nodes` refer to, in order, lists walked without recursion.
fn refs(nodes: &[Node], out: &mut Vec<usize>) {
    let mut todo: Vec<&[Node]> = vec![nodes];
    while let Some(list) = todo.pop() {
        for (k, n) in list.iter().enumerate() {
            match n {
                Node::Ref(i) => out.push(*i as usize),
                Node::List(items) => {
                    // The rest of this list after the items of the nested one.
                    todo.push(&list[k + 1..]);
                    todo.push(items);
                    break;
                }
                _ => {}
            }
        }
    }
}
