//! Pickling: walk the object graph from a root with a memo, reduce every
//! object once, and write the flat table.
//!
//! Some objects are reduced by Python code (`__reduce_ex__`, a
//! `copyreg.pickle` reducer, `persistent_id`). The pickler never runs it
//! itself: [`Dumper::step`] hands the call out ([`DumpStep::Call`]) and the
//! caller gives the result back with [`Dumper::answer`]. The `pickle`
//! module's Python part makes those calls in the calling tasklet; a Rust
//! host runs them with [`crate::dumps`].

use std::borrow::Cow;

use brine_vm::{Obj, ObjId, Value, Vm};
use rustc_hash::FxHashMap;

use crate::envelope::{FORMAT_NAME, FORMAT_VERSION};
use crate::error::Error;
use crate::memo::Memo;
use crate::node::Node;
use crate::options::Options;
use crate::python::{self, Next, Partial, PyReduce};
use crate::reduction::Reduction;
use crate::registry::Registry;

/// What the pickler needs next.
#[derive(Debug)]
pub enum DumpStep {
    /// Call `func(*args)` and give the result to [`Dumper::answer`].
    Call {
        /// What to call.
        func: Value,
        /// Its arguments.
        args: Vec<Value>,
    },
    /// The pickle is written.
    Done(Vec<u8>),
}

/// The walk's state that reducers write into.
#[derive(Clone, Debug)]
pub(crate) struct DumpState {
    pub(crate) opts: Options,
    memo: Memo,
    objs: Vec<ObjId>,
    pub(crate) module_dicts: FxHashMap<ObjId, ObjId>,
}

/// What a reducer gets: the VM, and the walk to add objects to.
pub struct DumpCx<'a> {
    /// The VM the objects live in.
    pub vm: &'a mut Vm,
    pub(crate) st: &'a mut DumpState,
}

impl DumpCx<'_> {
    /// The node for a value: immediates, str, bytes and big ints inline,
    /// any other object a reference to its table entry.
    pub fn value(&mut self, v: Value) -> Node {
        self.split().1.value(v)
    }

    /// The nodes for several values.
    pub fn values(&mut self, vs: &[Value]) -> Node {
        self.split().1.values(vs)
    }

    /// The nodes for several values, one each (an entry's arguments or state).
    pub fn nodes(&mut self, vs: &[Value]) -> Vec<Node> {
        self.split().1.nodes(vs)
    }

    /// A reference to the table entry of `id`.
    pub fn obj(&mut self, id: ObjId) -> Node {
        self.split().1.obj(id)
    }

    /// The VM to read, and a writer of value nodes, at once: a reducer
    /// reads the object it reduces in place instead of cloning it.
    pub fn split(&mut self) -> (&Vm, Values<'_>) {
        let vm: &Vm = self.vm;
        (vm, Values { vm, st: self.st })
    }

    /// The options of this pickling.
    pub fn options(&self) -> &Options {
        &self.st.opts
    }

    /// The module whose namespace `dict` is, if it is one.
    pub fn module_of_dict(&self, dict: ObjId) -> Option<ObjId> {
        self.st.module_dicts.get(&dict).copied()
    }
}

/// Turns values into nodes, over a VM it only reads (see [`DumpCx::split`]).
pub struct Values<'a> {
    vm: &'a Vm,
    st: &'a mut DumpState,
}

impl Values<'_> {
    /// The node for a value (see [`DumpCx::value`]).
    pub fn value(&mut self, v: Value) -> Node {
        value_node(self.vm, self.st, v)
    }

    /// The nodes for several values, as one list node.
    pub fn values(&mut self, vs: &[Value]) -> Node {
        Node::List(self.nodes(vs))
    }

    /// The nodes for several values, one each.
    pub fn nodes(&mut self, vs: &[Value]) -> Vec<Node> {
        vs.iter().map(|v| self.value(*v)).collect()
    }

    /// A reference to the table entry of `id`.
    pub fn obj(&mut self, id: ObjId) -> Node {
        self.value(Value::Obj(id))
    }

    /// The options of this pickling.
    pub fn options(&self) -> &Options {
        &self.st.opts
    }
}

pub(crate) fn value_node(vm: &Vm, st: &mut DumpState, v: Value) -> Node {
    match v {
        Value::Undef => Node::Undef,
        Value::None => Node::Nil,
        Value::Bool(b) => Node::Bool(b),
        Value::Int(i) => Node::Int(i),
        Value::Float(f) => Node::Float(f),
        Value::Obj(id) => match vm.heap.get(id) {
            Obj::Str(s) => Node::Str(s.s.to_string()),
            Obj::Bytes(b) => Node::Bin(b.to_vec()),
            Obj::Int(b) => Node::BigInt(b.to_signed_bytes_le()),
            _ => Node::Ref(st.memo_index(id)),
        },
    }
}

impl DumpState {
    fn memo_index(&mut self, id: ObjId) -> u32 {
        if let Some(i) = self.memo.get(id) {
            return i;
        }
        let i = self.objs.len() as u32;
        self.objs.push(id);
        self.memo.insert(id, i);
        i
    }
}

/// A Python call the pickler waits for, and what its result is for.
#[derive(Clone, Copy, Debug)]
enum Waiting {
    /// `persistent_id(obj)` for entry `index`.
    PersistentId(usize),
    /// A Python reduction of entry `index`.
    Reduce(usize, PyReduce),
}

/// A pickling in progress.
#[derive(Clone, Debug)]
pub struct Dumper {
    registry: Registry,
    st: DumpState,
    root: Node,
    /// The entries written so far, each as soon as it is reduced (in the
    /// buffer of the options, which becomes the pickle).
    body: Vec<u8>,
    /// How many entries `body` holds.
    written: usize,
    tags: Vec<String>,
    tag_index: FxHashMap<Cow<'static, str>, u32>,
    /// The Python `persistent_id` callable, or `None`.
    persistent_id: Value,
    /// Python reducers by class (`copyreg.dispatch_table`, `Pickler.dispatch_table`).
    dispatch: Vec<(ObjId, Value)>,
    waiting: Option<Waiting>,
    /// The Python reduction of the entry being written, while it needs
    /// more calls.
    partial: Option<Partial>,
    /// Entries whose persistent id was asked for already.
    pid_done: usize,
}

impl Dumper {
    /// Start pickling `root`.
    pub fn new(vm: &mut Vm, registry: Registry, mut opts: Options, root: Value) -> Dumper {
        let mut body = std::mem::take(&mut opts.buffer);
        body.clear();
        let module_dicts = python::module_dicts(vm);
        let mut st = DumpState {
            opts,
            memo: Memo::default(),
            objs: Vec::new(),
            module_dicts,
        };
        let root = value_node(vm, &mut st, root);
        Dumper {
            registry,
            st,
            root,
            body,
            written: 0,
            tags: Vec::new(),
            tag_index: FxHashMap::default(),
            persistent_id: Value::None,
            dispatch: Vec::new(),
            waiting: None,
            partial: None,
            pid_done: 0,
        }
    }

    /// Add the id of every object the pickling refers to (while Python
    /// code runs, they must stay alive).
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        out.extend_from_slice(&self.st.objs);
        out.extend(self.persistent_id.obj());
        out.extend(
            self.dispatch
                .iter()
                .flat_map(|(c, f)| [Some(*c), f.obj()])
                .flatten(),
        );
        if let Some(p) = &self.partial {
            p.trace(out);
        }
    }

    /// Ask the Python callable `f` for a persistent id of every object.
    pub fn set_persistent_id(&mut self, f: Value) {
        self.persistent_id = f;
    }

    /// Reduce instances of `class` with the Python callable `reducer`.
    pub fn add_dispatch(&mut self, class: ObjId, reducer: Value) {
        self.dispatch.push((class, reducer));
    }

    /// Go on until a Python call is needed or the pickle is written.
    ///
    /// # Errors
    /// When an object cannot be pickled.
    pub fn step(&mut self, vm: &mut Vm) -> Result<DumpStep, Error> {
        while self.written < self.st.objs.len() {
            let index = self.written;
            let id = self.st.objs[index];
            if let Some(p) = self.partial.take() {
                if let Some(call) = self.go_on(vm, index, id, p)? {
                    return Ok(call);
                }
                continue;
            }
            if self.persistent_id != Value::None && self.pid_done <= index {
                self.pid_done = index + 1;
                self.waiting = Some(Waiting::PersistentId(index));
                return Ok(DumpStep::Call {
                    func: self.persistent_id,
                    args: vec![Value::Obj(id)],
                });
            }
            if let Some(call) = self.python_reduction(vm, index, id)? {
                return Ok(call);
            }
            let r = self.reduce_native(vm, id)?;
            self.push_entry_at(index, r)?;
        }
        let bytes = self.finish()?;
        Ok(DumpStep::Done(bytes))
    }

    /// The result of the call [`Dumper::step`] asked for.
    ///
    /// # Errors
    /// When a Python reducer returned something that is not a reduction.
    pub fn answer(&mut self, vm: &mut Vm, result: Value) -> Result<(), Error> {
        match self.waiting.take() {
            Some(Waiting::PersistentId(index)) => {
                if result != Value::None {
                    let pid = self.value(vm, result);
                    self.push_entry_at(index, Reduction::new("persistent", vec![pid], vec![]))?;
                }
                Ok(())
            }
            Some(Waiting::Reduce(index, how)) => {
                let id = self.st.objs[index];
                let partial = self.partial.take();
                let mut cx = DumpCx {
                    vm,
                    st: &mut self.st,
                };
                match python::answer(&mut cx, id, how, partial, result)? {
                    Next::Entry(r) => self.push_entry_at(index, r),
                    Next::More(p) => {
                        self.partial = Some(p);
                        Ok(())
                    }
                }
            }
            None => Ok(()),
        }
    }

    fn value(&mut self, vm: &Vm, v: Value) -> Node {
        value_node(vm, &mut self.st, v)
    }

    /// A Python call that reduces entry `index`, if its object needs one.
    fn python_reduction(
        &mut self,
        vm: &mut Vm,
        index: usize,
        id: ObjId,
    ) -> Result<Option<DumpStep>, Error> {
        let class = vm.type_of(Value::Obj(id));
        if self.registry.has_class(class) || self.st.opts.whole_program {
            return Ok(None);
        }
        if let Some((_, f)) = self.dispatch.iter().find(|(c, _)| *c == class) {
            self.waiting = Some(Waiting::Reduce(index, PyReduce::Dispatch));
            return Ok(Some(DumpStep::Call {
                func: *f,
                args: vec![Value::Obj(id)],
            }));
        }
        match python::instance_call(vm, id, self.st.opts.protocol)? {
            Some((how, func, args)) => {
                self.waiting = Some(Waiting::Reduce(index, how));
                Ok(Some(DumpStep::Call { func, args }))
            }
            None => Ok(None),
        }
    }

    /// Go on with the partial reduction `p` of entry `index`: the next
    /// Python call it needs, or its entry written (then `None`).
    fn go_on(
        &mut self,
        vm: &mut Vm,
        index: usize,
        id: ObjId,
        p: Partial,
    ) -> Result<Option<DumpStep>, Error> {
        if let Some((how, func, args)) = python::next_call(vm, id, &p) {
            self.partial = Some(p);
            self.waiting = Some(Waiting::Reduce(index, how));
            return Ok(Some(DumpStep::Call { func, args }));
        }
        let mut cx = DumpCx {
            vm,
            st: &mut self.st,
        };
        let r = python::finish(&mut cx, id, p)?;
        self.push_entry_at(index, r)?;
        Ok(None)
    }

    fn reduce_native(&mut self, vm: &mut Vm, id: ObjId) -> Result<Reduction, Error> {
        let kind = crate::kind::kind_of(vm, id);
        let class = vm.type_of(Value::Obj(id));
        let reducer = self
            .registry
            .reducer_for(kind, class)
            .ok_or_else(|| Error::Unpicklable {
                type_name: vm.type_name(Value::Obj(id)),
            })?;
        let mut cx = DumpCx {
            vm,
            st: &mut self.st,
        };
        reducer.reduce(&mut cx, id)
    }

    /// Write the reduction of entry `index`, unless it is written already.
    fn push_entry_at(&mut self, index: usize, r: Reduction) -> Result<(), Error> {
        if index != self.written {
            return Ok(());
        }
        let tag = match self.tag_index.get(&r.tag) {
            Some(t) => *t,
            None => {
                let t = self.tags.len() as u32;
                self.tags.push(r.tag.to_string());
                self.tag_index.insert(r.tag.clone(), t);
                t
            }
        };
        crate::codec::write_entry(&mut self.body, tag, &r.args, &r.state)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<Vec<u8>, Error> {
        let mut head_bytes = Vec::with_capacity(64);
        let head = crate::codec::Head {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            magic: brine_vm::MAGIC,
            flags: self.st.opts.flags,
            tags: &self.tags,
            root: &self.root,
            n_entries: self.written,
        };
        crate::codec::write_head(&mut head_bytes, &head)?;
        let mut out = std::mem::take(&mut self.body);
        out.splice(0..0, head_bytes);
        Ok(out)
    }
}
