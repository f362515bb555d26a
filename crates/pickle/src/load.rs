//! Loading: decode the envelope, give every entry an object id, build the
//! objects in place, then run what Python reductions need.
//!
//! ```text
//!  imports        modules named by reference that are not loaded yet
//!  placeholders   one id per entry: any object may refer to any other
//!  build          code first, then every other entry with a reducer
//!  python         dicts and sets with str, bytes or number keys filled;
//!                 then persistent_load(pid), callable(*args), each after
//!                 the calls its arguments refer to ([`crate::order`]):
//!                 their results replace the placeholders everywhere
//!  tables         the other dict and set entries, hashed once every key is built
//!  state          __setstate__, list and dict items of Python reductions
//! ```
//! Like [`crate::Dumper`], the loader hands Python calls out
//! ([`LoadStep::Call`]) instead of running them.

use brine_vm::{Obj, ObjId, Value, Vm};
use num_bigint::BigInt;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::envelope::{Entry, Envelope, FORMAT_NAME, FORMAT_VERSION};
use crate::error::Error;
use crate::node::Node;
use crate::options::Options;
use crate::order::{CallOrder, Visit};
use crate::registry::{LoadPhase, Reducer, Registry};

/// What the loader needs next.
#[derive(Debug)]
pub enum LoadStep {
    /// Import the module `name` (run its body) and call [`Loader::step`] again.
    Import(String),
    /// Call `func(*args)` and give the result to [`Loader::answer`].
    Call {
        /// What to call.
        func: Value,
        /// Its arguments.
        args: Vec<Value>,
    },
    /// The loaded value.
    Done(Value),
}

/// A dict or set whose entries are set once every key is built.
#[derive(Clone, Debug)]
pub(crate) enum Table {
    /// A dict's pairs.
    Dict(ObjId, Vec<(Value, Value)>),
    /// A set's or frozenset's elements.
    Set(ObjId, Vec<Value>),
}

/// The load's state that reducers read and write.
#[derive(Clone, Debug)]
pub(crate) struct LoadState {
    pub(crate) ids: Vec<ObjId>,
    pub(crate) tables: Vec<Table>,
    pub(crate) warnings: Vec<String>,
    pub(crate) opts: Options,
    pub(crate) magic: u32,
    /// Tasklets loaded, to be told apart from others (they are not scheduled).
    pub(crate) tasklets: Vec<ObjId>,
    /// Python calls that set state, made once every object is built.
    pub(crate) calls: Vec<(Value, Vec<Value>)>,
    /// Placeholders replaced by objects found or made elsewhere.
    pub(crate) forward: FxHashMap<ObjId, ObjId>,
    /// A placeholder was replaced after objects that may refer to it were built.
    late_forward: bool,
    /// Entries that entries of the first phase referred to before they
    /// were built: an alias of one of them must be remapped.
    read_ahead: std::cell::RefCell<Vec<u32>>,
    phase: LoadPhase,
    index: usize,
    tag: String,
}

/// What a reducer gets when loading: the VM, and the ids of every entry.
pub struct LoadCx<'a> {
    /// The VM objects are built in.
    pub vm: &'a mut Vm,
    pub(crate) st: &'a mut LoadState,
}

impl LoadCx<'_> {
    /// The value a node stands for.
    ///
    /// # Errors
    /// A list node, or a reference outside the table.
    pub fn value(&mut self, n: &Node) -> Result<Value, Error> {
        if let Node::Ref(i) = n {
            self.note_read(*i);
        }
        node_value(self.vm, &self.st.ids, n).ok_or_else(|| self.bad("a value was expected"))
    }

    /// The values a list node stands for.
    ///
    /// # Errors
    /// When the node is not a list of values.
    pub fn values(&mut self, n: &Node) -> Result<Vec<Value>, Error> {
        let items = n.as_list().ok_or_else(|| self.bad("a list was expected"))?;
        self.all(items)
    }

    /// The values of several nodes (an entry's arguments or state).
    ///
    /// # Errors
    /// When a node is a reference outside the table.
    pub fn all(&mut self, items: &[Node]) -> Result<Vec<Value>, Error> {
        items.iter().map(|x| self.value(x)).collect()
    }

    /// The object a reference node names.
    ///
    /// # Errors
    /// When the node is not a reference into the table.
    pub fn id(&self, n: &Node) -> Result<ObjId, Error> {
        let i = n
            .as_ref_index()
            .ok_or_else(|| self.bad("an object reference was expected"))?;
        self.note_read(i);
        self.st
            .ids
            .get(i as usize)
            .copied()
            .ok_or_else(|| self.bad("an object reference was expected"))
    }

    /// Remember a reference, in the first phase, to an entry not built yet.
    fn note_read(&self, i: u32) {
        if self.st.phase == LoadPhase::First && i as usize >= self.st.index {
            self.st.read_ahead.borrow_mut().push(i);
        }
    }

    /// The int a node holds.
    ///
    /// # Errors
    /// When it holds something else.
    pub fn int(&self, n: &Node) -> Result<i64, Error> {
        n.as_int().ok_or_else(|| self.bad("an int was expected"))
    }

    /// The text a node holds.
    ///
    /// # Errors
    /// When it holds something else.
    pub fn str<'n>(&self, n: &'n Node) -> Result<&'n str, Error> {
        n.as_str().ok_or_else(|| self.bad("a str was expected"))
    }

    /// Argument `i` of an entry's list.
    ///
    /// # Errors
    /// When the list is shorter.
    pub fn arg<'n>(&self, items: &'n [Node], i: usize) -> Result<&'n Node, Error> {
        items
            .get(i)
            .ok_or_else(|| self.bad(&format!("part {i} is missing")))
    }

    /// An error naming the entry being loaded.
    pub fn bad(&self, message: &str) -> Error {
        Error::BadEntry {
            index: self.st.index,
            tag: self.st.tag.clone(),
            message: message.to_owned(),
        }
    }

    /// Fill dict `id` with `pairs` once every key is built.
    pub fn defer_dict(&mut self, id: ObjId, pairs: Vec<(Value, Value)>) {
        self.st.tables.push(Table::Dict(id, pairs));
    }

    /// Fill set or frozenset `id` with `items` once every element is built.
    pub fn defer_set(&mut self, id: ObjId, items: Vec<Value>) {
        self.st.tables.push(Table::Set(id, items));
    }

    /// Emit a `RuntimeWarning` with `message` once the load is done. A
    /// whole program is taken back as it was, without warnings: what they
    /// tell of (code marked invalid) was already so when it was saved.
    pub fn warn(&mut self, message: String) {
        if !self.st.opts.whole_program {
            self.st.warnings.push(message);
        }
    }

    /// The tag of the entry being loaded.
    pub fn tag(&self) -> &str {
        &self.st.tag
    }

    /// The options of this load.
    pub fn options(&self) -> &Options {
        &self.st.opts
    }

    /// The bytecode magic number the pickle was written with.
    pub fn magic(&self) -> u32 {
        self.st.magic
    }

    /// The entry being loaded is the existing object `existing` (an object
    /// pickled by reference): every reference to it goes there.
    pub fn alias(&mut self, existing: ObjId) {
        let i = self.st.index;
        if let Some(placeholder) = self.st.ids.get(i).copied() {
            self.st.forward.insert(placeholder, existing);
            self.st.ids[i] = existing;
            if self.st.phase != LoadPhase::First
                || self.st.read_ahead.borrow().contains(&(i as u32))
            {
                self.st.late_forward = true;
            }
        }
    }

    /// Call `func(*args)` once every object is built (`__setstate__`).
    pub fn call_later(&mut self, func: Value, args: Vec<Value>) {
        self.st.calls.push((func, args));
    }

    /// Note that `id` is a loaded tasklet.
    pub fn loaded_tasklet(&mut self, id: ObjId) {
        self.st.tasklets.push(id);
    }
}

/// The value of a node, given the ids of the table; `None` for a list.
pub(crate) fn node_value(vm: &mut Vm, ids: &[ObjId], n: &Node) -> Option<Value> {
    Some(match n {
        Node::Nil => Value::None,
        Node::Undef => Value::Undef,
        Node::Bool(b) => Value::Bool(*b),
        Node::Int(i) => Value::Int(*i),
        Node::Float(f) => Value::Float(*f),
        Node::Str(s) => vm.new_str(s),
        Node::Bin(b) => vm.alloc(Obj::Bytes(b.as_slice().into())),
        Node::BigInt(b) => vm.int_from_big(BigInt::from_signed_bytes_le(b)),
        Node::Ref(i) => Value::Obj(*ids.get(*i as usize)?),
        Node::List(_) => return None,
    })
}

/// A Python task of the load.
#[derive(Clone, Copy, Debug)]
enum PyTask {
    /// Entry `i` is `persistent_load(pid)`.
    Persistent(usize),
    /// Entry `i` is `callable(*args)`.
    Reduce(usize),
}

/// Where the loader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Imports,
    Python,
    State,
    Done,
}

/// A load in progress.
#[derive(Clone, Debug)]
pub struct Loader {
    registry: Registry,
    env: Envelope,
    st: LoadState,
    stage: Stage,
    imports: Vec<String>,
    tasks: Vec<PyTask>,
    /// The walk that orders the Python calls, once started.
    order: Option<CallOrder>,
    /// Calls that set state, made after every object is built.
    state_calls: Vec<(Value, Vec<Value>)>,
    next_state: usize,
    waiting: Option<usize>,
    persistent_load: Value,
}

impl Loader {
    /// Decode `bytes` and check its envelope.
    ///
    /// # Errors
    /// Malformed bytes, another format or version, too many objects, or
    /// a tag no reducer of `registry` loads.
    pub fn new(
        vm: &mut Vm,
        registry: Registry,
        opts: Options,
        bytes: &[u8],
    ) -> Result<Loader, Error> {
        let env = crate::codec::decode(bytes, opts.max_depth)?;
        Loader::for_envelope(vm, registry, opts, env)
    }

    /// Decode the pickle at the start of `bytes`, leaving what follows it
    /// unread (as CPython's `pickle.loads` does), and check its envelope.
    ///
    /// # Errors
    /// As [`Loader::new`], but for bytes after the pickle.
    pub fn from_prefix(
        vm: &mut Vm,
        registry: Registry,
        opts: Options,
        bytes: &[u8],
    ) -> Result<Loader, Error> {
        let (env, _) = crate::codec::decode_prefix(bytes, opts.max_depth)?;
        Loader::for_envelope(vm, registry, opts, env)
    }

    /// Check a decoded envelope and plan its load.
    fn for_envelope(
        vm: &mut Vm,
        registry: Registry,
        opts: Options,
        env: Envelope,
    ) -> Result<Loader, Error> {
        if env.format != FORMAT_NAME {
            return Err(Error::Format { found: env.format });
        }
        if env.version != FORMAT_VERSION {
            return Err(Error::Version {
                found: env.version,
                expected: FORMAT_VERSION,
            });
        }
        if env.entries.len() > opts.max_objects {
            return Err(Error::TooManyObjects {
                found: env.entries.len(),
                limit: opts.max_objects,
            });
        }
        for t in &env.tags {
            if !is_loader_tag(t) && registry.loader(t).is_none() {
                return Err(Error::UnknownTag(t.clone()));
            }
        }
        for e in &env.entries {
            if e.tag as usize >= env.tags.len() {
                return Err(Error::Decode(format!("entry with tag index {}", e.tag)));
            }
        }
        let imports = crate::reducers::global::missing_modules(vm, &env);
        Ok(Loader {
            registry,
            st: LoadState {
                ids: Vec::new(),
                tables: Vec::new(),
                warnings: Vec::new(),
                opts,
                magic: env.magic,
                tasklets: Vec::new(),
                calls: Vec::new(),
                forward: FxHashMap::default(),
                late_forward: false,
                read_ahead: Default::default(),
                phase: LoadPhase::First,
                index: 0,
                tag: String::new(),
            },
            env,
            stage: Stage::Imports,
            imports,
            tasks: Vec::new(),
            order: None,
            state_calls: Vec::new(),
            next_state: 0,
            waiting: None,
            persistent_load: Value::None,
        })
    }

    /// Add the id of every object the load refers to (while Python code
    /// runs, they must stay alive).
    pub fn trace(&self, out: &mut Vec<ObjId>) {
        out.extend_from_slice(&self.st.ids);
        out.extend(self.st.forward.values().copied());
        out.extend(self.persistent_load.obj());
        for (f, args) in self.st.calls.iter().chain(self.state_calls.iter()) {
            out.extend(f.obj());
            out.extend(args.iter().filter_map(|v| v.obj()));
        }
    }

    /// Give persistent ids to the Python callable `f`.
    pub fn set_persistent_load(&mut self, f: Value) {
        self.persistent_load = f;
    }

    /// The `RuntimeWarning` messages the load produced (once it is done).
    pub fn warnings(&self) -> &[String] {
        &self.st.warnings
    }

    /// The tasklets the pickle held.
    pub fn tasklets(&self) -> &[ObjId] {
        &self.st.tasklets
    }

    /// Go on until an import or a Python call is needed, or the value is loaded.
    ///
    /// # Errors
    /// A malformed entry.
    pub fn step(&mut self, vm: &mut Vm) -> Result<LoadStep, Error> {
        loop {
            match self.stage {
                Stage::Imports => {
                    if let Some(name) = self.imports.pop() {
                        return Ok(LoadStep::Import(name));
                    }
                    self.build(vm)?;
                    if self.st.late_forward {
                        crate::remap::remap_all(vm, &self.st.ids, &self.st.forward);
                        self.st.late_forward = false;
                    }
                    self.check(vm, false)?;
                    self.stage = Stage::Python;
                }
                Stage::Python => {
                    if let Some(call) = self.next_python(vm)? {
                        return Ok(call);
                    }
                    if !self.tasks.is_empty() {
                        self.check(vm, true)?;
                    }
                    self.finish_tables(vm)?;
                    self.stage = Stage::State;
                }
                Stage::State => {
                    if let Some((func, args)) = self.state_calls.get(self.next_state).cloned() {
                        self.next_state += 1;
                        return Ok(LoadStep::Call { func, args });
                    }
                    self.stage = Stage::Done;
                }
                Stage::Done => {
                    self.track_finalizers(vm);
                    let root = node_value(vm, &self.st.ids, &self.env.root)
                        .ok_or_else(|| Error::Decode("the root is not a value".into()))?;
                    return Ok(LoadStep::Done(self.forwarded(root)));
                }
            }
        }
    }

    /// Finalize the instances the load built whose class defines
    /// `__del__`, as if they were made by calling it (objects found
    /// elsewhere or made by Python code are the VM's own already). A
    /// whole program keeps its finalization state as it was.
    fn track_finalizers(&self, vm: &mut Vm) {
        if self.st.opts.whole_program {
            return;
        }
        let found: FxHashSet<ObjId> = self.st.forward.values().copied().collect();
        for id in &self.st.ids {
            if matches!(vm.heap.get(*id), Obj::Instance(_)) && !found.contains(id) {
                vm.track_finalizer(Value::Obj(*id));
            }
        }
    }

    /// The result of the call [`Loader::step`] asked for.
    pub fn answer(&mut self, _vm: &mut Vm, result: Value) {
        if let Some(i) = self.waiting.take() {
            if let (Value::Obj(r), Some(placeholder)) = (result, self.st.ids.get(i).copied()) {
                self.st.forward.insert(placeholder, r);
                self.st.late_forward = true;
                self.st.ids[i] = r;
            }
        }
    }

    fn forwarded(&self, v: Value) -> Value {
        match v {
            Value::Obj(id) => Value::Obj(self.st.forward.get(&id).copied().unwrap_or(id)),
            v => v,
        }
    }

    /// Give every entry an id, then build the entries reducers load.
    fn build(&mut self, vm: &mut Vm) -> Result<(), Error> {
        let n = self.env.entries.len();
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            ids.push(vm.heap.alloc(Obj::Tuple(Vec::new())));
        }
        self.st.ids = ids;
        let entries = std::mem::take(&mut self.env.entries);
        let reducers: Vec<Option<std::rc::Rc<dyn Reducer>>> = self
            .env
            .tags
            .iter()
            .map(|t| self.registry.loader(t))
            .collect();
        let result = (|| {
            for phase in [LoadPhase::First, LoadPhase::Objects] {
                self.st.phase = phase;
                for (i, e) in entries.iter().enumerate() {
                    self.build_entry(vm, &reducers, phase, i, e)?;
                }
            }
            Ok(())
        })();
        self.env.entries = entries;
        result
    }

    fn build_entry(
        &mut self,
        vm: &mut Vm,
        reducers: &[Option<std::rc::Rc<dyn Reducer>>],
        phase: LoadPhase,
        i: usize,
        e: &Entry,
    ) -> Result<(), Error> {
        let tag = self.env.tags[e.tag as usize].as_str();
        match (tag, reducers[e.tag as usize].as_ref()) {
            ("persistent", None) if phase == LoadPhase::First => {
                self.tasks.push(PyTask::Persistent(i));
            }
            ("reduce", None) if phase == LoadPhase::First => self.tasks.push(PyTask::Reduce(i)),
            (_, Some(r)) if r.phase() == phase => {
                self.st.index = i;
                self.st.tag.clear();
                self.st.tag.push_str(tag);
                let id = self.st.ids[i];
                let mut cx = LoadCx {
                    vm,
                    st: &mut self.st,
                };
                r.load(&mut cx, id, &e.args, &e.state)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Check the kinds of what every built object refers to
    /// ([`crate::validate`]); until `python_done`, the placeholders of
    /// persistent and reduce entries are not checked.
    fn check(&self, vm: &Vm, python_done: bool) -> Result<(), Error> {
        let pending: FxHashSet<ObjId> = if python_done {
            FxHashSet::default()
        } else {
            self.tasks
                .iter()
                .map(|t| match t {
                    PyTask::Persistent(i) | PyTask::Reduce(i) => self.st.ids[*i],
                })
                .collect()
        };
        let tag = |i: usize| {
            self.env
                .entries
                .get(i)
                .and_then(|e| self.env.tags.get(e.tag as usize))
                .cloned()
                .unwrap_or_default()
        };
        // Objects found elsewhere (by reference, or made by Python code)
        // are the VM's own, not the pickle's.
        let found: FxHashSet<ObjId> = self.st.forward.values().copied().collect();
        crate::validate::check_all(
            vm,
            &self.st.ids,
            tag,
            |id| pending.contains(&id),
            |id| found.contains(&id),
        )
    }

    fn entry_error(&self, i: usize, message: &str) -> Error {
        let tag = self
            .env
            .entries
            .get(i)
            .and_then(|e| self.env.tags.get(e.tag as usize))
            .cloned()
            .unwrap_or_default();
        Error::BadEntry {
            index: i,
            tag,
            message: message.to_owned(),
        }
    }

    /// Start the walk that orders the Python calls ([`CallOrder`]), and
    /// fill the dicts and sets whose keys need nothing built by a call (a
    /// call's keyword arguments, a namespace): a call may get them.
    fn start_python(&mut self, vm: &mut Vm) -> Result<CallOrder, Error> {
        let tables = std::mem::take(&mut self.st.tables);
        let (plain, rest): (Vec<Table>, Vec<Table>) = tables
            .into_iter()
            .partition(|t| crate::reducers::containers::plain_keys(vm, t));
        self.st.tables = rest;
        let fills = crate::reducers::containers::fill_tables(vm, &self.st.forward, plain)?;
        self.state_calls.extend(fills);
        let calls = self.tasks.iter().map(|t| match t {
            PyTask::Persistent(i) | PyTask::Reduce(i) => *i,
        });
        Ok(CallOrder::new(&self.env, calls))
    }

    /// The next Python call of a persistent or reduce entry, or `None`
    /// when all are made (then every placeholder is replaced). Before a
    /// call, what its arguments hold refers to the results of the calls
    /// made.
    fn next_python(&mut self, vm: &mut Vm) -> Result<Option<LoadStep>, Error> {
        let mut order = match self.order.take() {
            Some(o) => o,
            None if self.tasks.is_empty() => CallOrder::default(),
            None => self.start_python(vm)?,
        };
        let task = loop {
            match order.next(&self.env) {
                Some(Visit::Built(i)) => {
                    if let (false, Some(one)) = (self.st.forward.is_empty(), self.st.ids.get(i..=i))
                    {
                        crate::remap::remap_all(vm, one, &self.st.forward);
                    }
                }
                Some(Visit::Call(i)) => {
                    let tag = self
                        .env
                        .entries
                        .get(i)
                        .and_then(|e| self.env.tags.get(e.tag as usize));
                    break match tag.map(String::as_str) {
                        Some("persistent") => PyTask::Persistent(i),
                        _ => PyTask::Reduce(i),
                    };
                }
                None => {
                    if self.st.late_forward {
                        crate::remap::remap_all(vm, &self.st.ids, &self.st.forward);
                    }
                    return Ok(None);
                }
            }
        };
        self.order = Some(order);
        let (i, func, args) = match task {
            PyTask::Persistent(i) => {
                let e = &self.env.entries[i];
                let pid = e
                    .args
                    .first()
                    .and_then(|n| node_value(vm, &self.st.ids, n))
                    .ok_or_else(|| self.entry_error(i, "no persistent id"))?;
                if self.persistent_load == Value::None {
                    return Err(Error::BadReduce(
                        "A load persistent id instruction was encountered, but no persistent_load function was specified.".into(),
                    ));
                }
                (i, self.persistent_load, vec![self.forwarded(pid)])
            }
            PyTask::Reduce(i) => {
                let e = &self.env.entries[i];
                let func = e
                    .args
                    .first()
                    .and_then(|n| node_value(vm, &self.st.ids, n))
                    .ok_or_else(|| self.entry_error(i, "no callable"))?;
                let args = e
                    .args
                    .get(1)
                    .and_then(|n| node_value(vm, &self.st.ids, n))
                    .ok_or_else(|| self.entry_error(i, "no arguments"))?;
                let args = match vm.heap.get_obj(args) {
                    Some(Obj::Tuple(t)) => t.iter().map(|v| self.forwarded(*v)).collect(),
                    _ => return Err(self.entry_error(i, "the arguments are not a tuple")),
                };
                (i, self.forwarded(func), args)
            }
        };
        self.waiting = Some(i);
        Ok(Some(LoadStep::Call { func, args }))
    }

    /// Hash every dict and set entry, now that every key is built, and
    /// plan the state calls of Python reductions.
    fn finish_tables(&mut self, vm: &mut Vm) -> Result<(), Error> {
        let tables = std::mem::take(&mut self.st.tables);
        let fills = crate::reducers::containers::fill_tables(vm, &self.st.forward, tables)?;
        self.state_calls.extend(fills);
        for task in self.tasks.clone() {
            if let PyTask::Reduce(i) = task {
                let state = self.env.entries[i].state.clone();
                let obj = Value::Obj(self.st.ids[i]);
                let mut cx = LoadCx {
                    vm,
                    st: &mut self.st,
                };
                let calls = crate::reducers::instance::reduce_state_calls(&mut cx, obj, &state)?;
                self.state_calls.extend(calls);
            }
        }
        let later: Vec<(Value, Vec<Value>)> = std::mem::take(&mut self.st.calls);
        for (f, args) in later {
            let args = args.into_iter().map(|v| self.forwarded(v)).collect();
            self.state_calls.push((self.forwarded(f), args));
        }
        Ok(())
    }
}

/// Tags the loader itself handles.
fn is_loader_tag(tag: &str) -> bool {
    matches!(tag, "persistent" | "reduce")
}
