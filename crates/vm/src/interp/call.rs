//! Calls: argument binding, frame push, built-in dispatch, continuations,
//! returns, and making functions.
//!
//! ```text
//!  caller stack: [ … f a1 … an ]  --Call(n)-->  new Frame { slots: [a1 … an, locals…] }
//!                                               then = Then::Push
//!  callee ReturnValue v: pop the callee, apply `then` to v in the caller.
//! ```

use std::rc::Rc;

use crate::code::flags;
use crate::frame::{ExecState, Frame, Then};
use crate::heap::ObjId;
use crate::interp::{push_top, top, RunOutcome};
use crate::native::{Args, Ctl, NativeKind, R};
use crate::object::{Function, GenKind, GenState, Generator, Obj};
use crate::objects::code::CodeData;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// The most callables [`Vm::call`] unwraps (bound methods, static methods,
/// `__call__`) before it raises `RecursionError`.
const MAX_CALL_UNWRAP: u32 = 100;

/// The name CPython uses for a function in argument errors (its qualname).
pub fn bind_error_name(vm: &Vm, func: &Function) -> String {
    vm.text(func.qualname).to_string()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Vm {
    pub(crate) fn exec_call(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let n = n as usize;
        let Some(base) = f.stack_base(n + 1).map(|b| b + 1) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let callee = f.slots[base - 1];
        if let Value::Obj(id) = callee {
            if let Obj::Function(_) = self.heap.get(id) {
                if self.fast_call(st, id, base, base - 1)? {
                    return Ok(());
                }
                let f = top(st)?;
                let args: Vec<Value> = f.slots.split_off(base);
                f.slots.pop();
                return self.call_function(st, id, Args::new(args), Then::Push);
            }
        }
        if let Value::Obj(id) = callee {
            if matches!(self.heap.get(id), Obj::Class(_)) && self.fast_instantiate(st, id, base)? {
                return Ok(());
            }
        }
        let f = top(st)?;
        let args: Vec<Value> = f.slots.split_off(base);
        f.slots.pop();
        self.call(st, callee, Args::new(args), Then::Push)
    }

    /// `C(args)` for a Python class whose `__new__` is `object.__new__` and
    /// whose `__init__` takes exactly these positional arguments: make the
    /// instance and push `__init__`'s frame straight from the caller's stack.
    fn fast_instantiate(&mut self, st: &mut ExecState, cls: ObjId, base: usize) -> R<bool> {
        let Obj::Class(c) = self.heap.get(cls) else {
            return Ok(false);
        };
        if c.builtin || c.base_kind != crate::object::BaseKind::Object || c.meta != self.types.type_
        {
            return Ok(false);
        }
        let Some(Value::Obj(new)) = self.lookup(cls, &self.sk.new) else {
            return Ok(false);
        };
        let object_new = self.native_id("object.__new__");
        if !matches!(self.heap.get(new), Obj::Native { id, .. } if Some(*id) == object_new) {
            return Ok(false);
        }
        let Some(Value::Obj(init)) = self.lookup(cls, &self.sk.init) else {
            return Ok(false);
        };
        if !matches!(self.heap.get(init), Obj::Function(_)) {
            return Ok(false);
        }
        let dict = self.new_dict();
        let instance = self.alloc(Obj::Instance(Box::new(crate::object::Instance {
            class: cls,
            dict,
            exc: None,
            base: Value::Undef,
            key: None,
        })));
        self.track_finalizer(instance);
        // The class slot becomes `self`: the arguments follow it on the stack.
        let f = top(st)?;
        f.slots[base - 1] = instance;
        if self.fast_call(st, init, base - 1, base - 1)? {
            if let Some(frame) = st.frames.last_mut() {
                frame.then = Then::InitPush { instance };
            }
            return Ok(true);
        }
        let f = top(st)?;
        f.slots[base - 1] = Value::Obj(cls);
        Ok(false)
    }

    pub(crate) fn exec_call_method(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let n = n as usize;
        let Some(base) = f.stack_base(n + 1).map(|b| b + 1) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let self_ = f.slots[base - 1];
        let callee = f.slots[base - 2];
        let start = if self_.is_undef() { base } else { base - 1 };
        if let Value::Obj(id) = callee {
            if matches!(self.heap.get(id), Obj::Function(_))
                && self.fast_call(st, id, start, base - 2)?
            {
                return Ok(());
            }
        }
        let f = top(st)?;
        let args: Vec<Value> = f.slots.split_off(start);
        f.slots.truncate(base - 2);
        if let Value::Obj(id) = callee {
            match self.heap.get(id) {
                Obj::Function(_) => return self.call_function(st, id, Args::new(args), Then::Push),
                // A plain built-in: call it straight, its result is pushed.
                Obj::Native { id: nid, self_ } if self_.is_undef() => {
                    let i = nid.0 as usize;
                    if !self.native_special.get(i).copied().unwrap_or(true)
                        && !args.iter().any(|v| self.may_need_key(*v))
                    {
                        let f = self.natives[i].f;
                        return match f(self, Args::new(args)) {
                            Ok(v) => {
                                push_top(st, v);
                                Ok(())
                            }
                            // No continuation to keep: the result is pushed.
                            Err(e @ Ctl::Host(_)) => Err(e),
                            Err(e) => self.finish_with(st, Err(e), Then::Push),
                        };
                    }
                }
                _ => {}
            }
        }
        self.call(st, callee, Args::new(args), Then::Push)
    }

    pub(crate) fn exec_call_kw(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let names = f.pop();
        let names: Vec<Value> = match names {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(t) => t.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let f = top(st)?;
        let n = n as usize;
        let Some(base) = f.stack_base(n + 1).map(|b| b + 1) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let mut args: Vec<Value> = f.slots.split_off(base);
        let callee = f.pop();
        let kwvals = args.split_off(args.len() - names.len().min(args.len()));
        let kw = names.into_iter().zip(kwvals).collect();
        self.call(st, callee, Args { pos: args, kw }, Then::Push)
    }

    pub(crate) fn exec_call_ex(&mut self, st: &mut ExecState, has_kw: bool) -> R<()> {
        let f = top(st)?;
        let kwargs = if has_kw { f.pop() } else { Value::None };
        let posargs = f.pop();
        let callee = f.pop();
        let pos = match posargs {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(t) | Obj::List(t) => t.clone(),
                _ => self.collect_native(posargs)?,
            },
            _ => self.collect_native(posargs)?,
        };
        let mut kw = Vec::new();
        if let Value::Obj(id) = kwargs {
            if let Obj::Dict(d) = self.heap.get(id) {
                for (k, v) in d.map.values() {
                    kw.push((*k, *v));
                }
            }
        }
        self.call(st, callee, Args { pos, kw }, Then::Push)
    }

    /// Call any callable; its result goes through `then`.
    pub fn call(&mut self, st: &mut ExecState, callee: Value, args: Args, then: Then) -> R<()> {
        self.call_through(st, callee, args, then, 0)
    }

    /// [`Vm::call`] after `depth` bound methods, static methods and
    /// `__call__`s were unwrapped; a chain longer than
    /// [`MAX_CALL_UNWRAP`] (a `__call__` that is its own instance) raises
    /// `RecursionError` instead of growing the Rust stack.
    fn call_through(
        &mut self,
        st: &mut ExecState,
        callee: Value,
        args: Args,
        then: Then,
        depth: u32,
    ) -> R<()> {
        if depth > MAX_CALL_UNWRAP {
            return self.fail(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            );
        }
        let Value::Obj(id) = callee else {
            return self.not_callable(callee);
        };
        match self.heap.get(id) {
            Obj::Function(_) => self.call_function(st, id, args, then),
            Obj::Method { func, self_ } => {
                let (func, self_) = (*func, *self_);
                let mut args = args;
                args.pos.insert(0, self_);
                self.call_through(st, func, args, then, depth + 1)
            }
            Obj::Native { id: nid, self_ } => {
                let (nid, self_) = (*nid, *self_);
                let mut args = args;
                if !self_.is_undef() {
                    args.pos.insert(0, self_);
                }
                self.call_native(st, nid, args, then)
            }
            Obj::Class(c) => {
                let meta = c.meta;
                if meta != self.types.type_ {
                    if let Some(m) = self.lookup(meta, &self.sk.call) {
                        if matches!(m, Value::Obj(f) if matches!(self.heap.get(f), Obj::Function(_)))
                        {
                            let mut args = args;
                            args.pos.insert(0, callee);
                            return self.call_through(st, m, args, then, depth + 1);
                        }
                    }
                }
                self.instantiate(st, id, args, then)
            }
            Obj::StaticMethod(f) => {
                let f = *f;
                self.call_through(st, f, args, then, depth + 1)
            }
            _ => match self.lookup_type(callee, &self.sk.call) {
                Some(m) => {
                    let mut args = args;
                    args.pos.insert(0, callee);
                    self.call_through(st, m, args, then, depth + 1)
                }
                None => self.not_callable(callee),
            },
        }
    }

    fn not_callable(&mut self, callee: Value) -> R<()> {
        let t = self.type_name(callee);
        self.fail(ExcKind::TypeError, format!("'{t}' object is not callable"))
    }

    fn call_native(
        &mut self,
        st: &mut ExecState,
        nid: crate::native::NativeId,
        args: Args,
        then: Then,
    ) -> R<()> {
        let Some(def) = self.natives.get(nid.0 as usize).copied() else {
            return self.fail(ExcKind::SystemError, "unknown built-in");
        };
        let special = self
            .native_special
            .get(nid.0 as usize)
            .copied()
            .unwrap_or(false);
        match if special { def.name } else { "" } {
            "builtins.__build_class__" => return self.build_class(st, args),
            "builtins.super" if args.pos.is_empty() => {
                let args = self.zero_arg_super(st)?;
                let v = (def.f)(self, args)?;
                return self.apply_then(st, then, v);
            }
            "type.__call__" => {
                let mut args = args;
                let Some(Value::Obj(cls)) = (!args.pos.is_empty()).then(|| args.pos.remove(0))
                else {
                    return self.fail(ExcKind::TypeError, "type.__call__ needs a class");
                };
                if self.class(cls).is_none() {
                    return self.fail(ExcKind::TypeError, "type.__call__ needs a class");
                }
                return self.instantiate(st, cls, args, then);
            }
            "builtins.globals" => {
                let g = top(st)?.globals;
                return self.apply_then(st, then, Value::Obj(g));
            }
            "sys._getframe" => {
                let depth = match args.pos.first() {
                    Some(v) => self.int_arg(*v, "")?.max(0) as usize,
                    None => 0,
                };
                let visible: Vec<usize> = (0..st.frames.len())
                    .filter(|&i| st.frames[i].code.code.flags & crate::code::flags::HOST_CALL == 0)
                    .collect();
                let Some(&top_index) = visible
                    .len()
                    .checked_sub(depth + 1)
                    .and_then(|i| visible.get(i))
                else {
                    return self.fail(ExcKind::ValueError, "call stack is not deep enough");
                };
                let frames = st.frames[..=top_index].to_vec();
                let f = self.frame_objects(&frames);
                return self.apply_then(st, then, f);
            }
            "sys._depth" => {
                let n = st
                    .frames
                    .iter()
                    .filter(|f| f.code.code.flags & crate::code::flags::HOST_CALL == 0)
                    .count();
                return self.apply_then(st, then, Value::Int(n as i64));
            }
            "sys.exc_info" => {
                let e = self.current_handled(st);
                let info = if e == Value::None {
                    vec![Value::None, Value::None, Value::None]
                } else {
                    let entries = self
                        .exc_data(e)
                        .map(|d| d.traceback.clone())
                        .unwrap_or_default();
                    let tb = self.traceback_objects(&entries);
                    vec![Value::Obj(self.type_of(e)), e, tb]
                };
                let t = self.new_tuple(info);
                return self.apply_then(st, then, t);
            }
            "builtins.locals" | "builtins.vars" if args.pos.is_empty() => {
                let d = self.frame_locals(st)?;
                return self.apply_then(st, then, d);
            }
            "builtins.dir" if args.pos.is_empty() => {
                let d = self.frame_locals(st)?;
                let names = self.sorted_str_keys(d)?;
                return self.apply_then(st, then, names);
            }
            _ => {}
        }
        // Only an argument that is (or holds) an instance can need a key
        // computed by Python code; keep the arguments to retry then.
        let retry: Option<Vec<Value>> = (args.kw.is_empty()
            && args.pos.len() <= 4
            && args.pos.iter().any(|v| self.may_need_key(*v)))
        .then(|| args.pos.clone());
        match (def.f)(self, args) {
            Err(Ctl::NeedKey(k)) => match retry {
                Some(pos) => {
                    let callee = self.alloc(Obj::Native {
                        id: nid,
                        self_: Value::Undef,
                    });
                    let a = self.new_tuple(pos);
                    let f = self.prelude_fn("_canon_then_call")?;
                    self.call(st, f, Args::new(vec![k, callee, a]), then)
                }
                None => Err(Ctl::NeedKey(k)),
            },
            r => self.finish_with(st, r, then),
        }
    }

    /// Whether hashing `v` could need a key computed by Python code.
    #[inline]
    fn may_need_key(&self, v: Value) -> bool {
        match v {
            Value::Obj(id) => !matches!(
                self.heap.get(id),
                Obj::Str(_) | Obj::Int(_) | Obj::Host(_) | Obj::Native { .. } | Obj::Bytes(_)
            ),
            _ => false,
        }
    }

    /// Call a Python function: bind arguments and push its frame (or make
    /// a generator when its code is a generator's).
    pub(crate) fn call_function(
        &mut self,
        st: &mut ExecState,
        fid: ObjId,
        args: Args,
        then: Then,
    ) -> R<()> {
        let frame = self.make_frame(fid, args, then.clone())?;
        if frame.code.code.is_generator_like() {
            let is_async_gen = frame.code.code.flags & flags::ASYNC_GENERATOR != 0;
            let gen = self.make_generator(frame);
            if is_async_gen {
                let class = self.async_gen_support("async_generator")?;
                return self.call(st, class, Args::new(vec![gen]), then);
            }
            return self.apply_then(st, then, gen);
        }
        if st.frames.len() >= self.recursion_limit {
            self.recycle_slots(frame.slots);
            return self.fail(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        st.frames.push(frame);
        Ok(())
    }

    fn make_generator(&mut self, mut frame: Frame) -> Value {
        let kind = if frame.code.code.flags & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if frame.code.code.flags & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let name = self.new_str(&frame.code.code.name.clone());
        let qualname = self.new_str(&frame.code.code.qualname.clone());
        frame.then = Then::Discard;
        let code = frame.code_id;
        // Closed when collected suspended, so that its handlers run (an
        // async generator's wrapper sees to its own).
        let closes = kind != GenKind::AsyncGenerator && frame.code.has_handlers;
        let gen = self.alloc(Obj::Generator(Box::new(Generator {
            kind,
            state: GenState::Created,
            frame: Some(Box::new(frame)),
            name,
            qualname,
            code,
        })));
        if let (true, Value::Obj(id)) = (closes, gen) {
            self.heap.finalize_when_unreachable(id);
        }
        gen
    }

    /// Call a Python function whose arguments are the top frame's
    /// `slots[start..]` when its signature is plain positional and matches:
    /// the arguments go straight into the new frame (no argument vector),
    /// and the caller's stack is cut back to `drop_from`. `Ok(false)` when
    /// the general path must run.
    fn fast_call(
        &mut self,
        st: &mut ExecState,
        fid: ObjId,
        start: usize,
        drop_from: usize,
    ) -> R<bool> {
        let Obj::Function(func) = self.heap.get(fid) else {
            return Ok(false);
        };
        let (code_id, globals) = (func.code, func.globals);
        let Obj::Code(code) = self.heap.get(code_id) else {
            return Ok(false);
        };
        let co = &code.code;
        let n = top(st)?.slots.len() - start;
        let special = flags::VARARGS
            | flags::VARKEYWORDS
            | flags::GENERATOR
            | flags::COROUTINE
            | flags::ASYNC_GENERATOR;
        if code.invalid
            || co.flags & special != 0
            || co.kwonlyargcount != 0
            || co.argcount as usize != n
            || !co.cellvars.is_empty()
            || st.frames.len() >= self.recursion_limit
        {
            return Ok(false);
        }
        let code = code.clone();
        let cells = if code.code.freevars.is_empty() {
            Vec::new()
        } else {
            match self.heap.get(fid) {
                Obj::Function(f) => f.closure.clone(),
                _ => Vec::new(),
            }
        };
        let nlocals = code.code.varnames.len();
        let mut slots = self.take_slots(nlocals + code.code.max_stack as usize);
        let f = top(st)?;
        slots.extend_from_slice(&f.slots[start..]);
        f.slots.truncate(drop_from);
        slots.resize(nlocals, Value::Undef);
        st.frames.push(Frame {
            code_id,
            code,
            pc: 0,
            slots,
            nlocals: nlocals as u32,
            cells,
            handlers: Vec::new(),
            handling: Vec::new(),
            globals,
            namespace: None,
            then: Then::Push,
        });
        Ok(true)
    }

    /// Build the frame for calling function `fid` with `args`.
    pub(crate) fn make_frame(&mut self, fid: ObjId, args: Args, then: Then) -> R<Frame> {
        let Obj::Function(func) = self.heap.get(fid) else {
            return self.fail(ExcKind::SystemError, "not a function");
        };
        let code_id = func.code;
        let globals = func.globals;
        let Obj::Code(code) = self.heap.get(code_id) else {
            return self.fail(ExcKind::SystemError, "function without code");
        };
        let code: Rc<CodeData> = code.clone();
        if code.invalid {
            return self.fail(
                ExcKind::SystemError,
                "invalid code object: its magic number does not match this VM",
            );
        }
        let co = &code.code;
        let nlocals = co.varnames.len();
        let mut slots = self.take_slots(nlocals + co.max_stack as usize);
        let simple = args.kw.is_empty()
            && co.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && co.kwonlyargcount == 0
            && args.pos.len() == co.argcount as usize;
        if simple {
            slots.extend_from_slice(&args.pos);
            slots.resize(nlocals, Value::Undef);
        } else {
            slots.resize(nlocals, Value::Undef);
            if let Err(e) = self.bind_args(fid, &code, args, &mut slots) {
                self.recycle_slots(slots);
                return Err(e);
            }
        }
        let mut cells = Vec::new();
        if !co.cellvars.is_empty() || !co.freevars.is_empty() {
            cells.reserve(code.ncells());
            for c in &code.cell2arg {
                let v = match c {
                    Some(i) => slots[*i as usize],
                    None => Value::Undef,
                };
                cells.push(self.heap.alloc(Obj::Cell(v)));
            }
            if let Obj::Function(func) = self.heap.get(fid) {
                cells.extend(func.closure.iter().copied());
            }
        }
        Ok(Frame {
            code_id,
            code,
            pc: 0,
            slots,
            nlocals: nlocals as u32,
            cells,
            handlers: Vec::new(),
            handling: Vec::new(),
            globals,
            namespace: None,
            then,
        })
    }

    fn bind_args(&mut self, fid: ObjId, code: &CodeData, args: Args, slots: &mut [Value]) -> R<()> {
        let co = &code.code;
        let Obj::Function(func) = self.heap.get(fid) else {
            return self.fail(ExcKind::SystemError, "not a function");
        };
        let fname = bind_error_name(self, func);
        let defaults = func.defaults.clone();
        let kwdefaults = func.kwdefaults;
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let posonly = co.posonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        let npos = args.pos.len();
        if npos > argcount && !has_varargs {
            let min = argcount - defaults.len().min(argcount);
            let takes = if min == argcount {
                plural(argcount, "positional argument")
            } else {
                format!("from {min} to {argcount} positional arguments")
            };
            let given = if npos == 1 { "was" } else { "were" };
            return self.fail(
                ExcKind::TypeError,
                format!("{fname}() takes {takes} but {npos} {given} given"),
            );
        }
        for (i, v) in args.pos.iter().take(argcount).enumerate() {
            slots[i] = *v;
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            let extra = if npos > argcount {
                args.pos[argcount..].to_vec()
            } else {
                Vec::new()
            };
            slots[slot] = self.new_tuple(extra);
            slot += 1;
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            slots[slot] = Value::Obj(d);
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (k, v) in args.kw {
            let name = self.text(k).to_string();
            let idx = co.varnames[..argcount + kwonly]
                .iter()
                .position(|n| *n == name);
            match idx {
                Some(i) if i >= posonly => {
                    if !slots[i].is_undef() {
                        return self.fail(
                            ExcKind::TypeError,
                            format!("{fname}() got multiple values for argument '{name}'"),
                        );
                    }
                    slots[i] = v;
                }
                _ => match kwdict {
                    Some(d) => {
                        let key = self.hkey(k)?;
                        if let Obj::Dict(dict) = self.heap.get_mut(d) {
                            dict.insert(key, k, v);
                        }
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(name);
                            continue;
                        }
                        return self.fail(
                            ExcKind::TypeError,
                            format!("{fname}() got an unexpected keyword argument '{name}'"),
                        );
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return self.fail(
                ExcKind::TypeError,
                format!(
                    "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly_as_kw.join(", ")
                ),
            );
        }
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if slots[i].is_undef() {
                if i >= first_default {
                    slots[i] = defaults[i - first_default];
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, &missing, "positional"));
        }
        for (slot, name) in slots[argcount..argcount + kwonly]
            .iter_mut()
            .zip(&co.varnames[argcount..])
        {
            if slot.is_undef() {
                match kwdefaults.and_then(|d| self.dict_get_str(d, name)) {
                    Some(v) => *slot = v,
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, &missing, "keyword-only"));
        }
        Ok(())
    }

    /// CPython's `f() missing 2 required positional arguments: 'a' and 'b'`.
    #[cold]
    fn missing_args(&mut self, fname: &str, missing: &[String], kind: &str) -> Ctl {
        let n = missing.len();
        let s = if n == 1 { "" } else { "s" };
        let names = name_list(missing);
        self.err(
            ExcKind::TypeError,
            format!("{fname}() missing {n} required {kind} argument{s}: {names}"),
        )
    }

    pub(crate) fn exec_return(&mut self, st: &mut ExecState) -> R<()> {
        let Some(mut frame) = st.frames.pop() else {
            return Ok(());
        };
        let v = frame.pop();
        let then = std::mem::replace(&mut frame.then, Then::Discard);
        let Frame { slots, .. } = frame;
        self.recycle_slots(slots);
        match then {
            Then::Gen { gen, mode, next } => self.gen_returned(st, gen, mode, *next, v),
            then => self.apply_then(st, then, v),
        }
    }

    /// Apply a continuation to a result, in the frame now on top.
    pub(crate) fn apply_then(&mut self, st: &mut ExecState, then: Then, v: Value) -> R<()> {
        match then {
            Then::Push | Then::ForIter { .. } | Then::EnterWith => push_top(st, v),
            Then::Delegate => {
                let f = top(st)?;
                f.pc = f.pc.saturating_sub(1);
                return self.exec_yield(st, v);
            }
            Then::RaiseAfter { exc } => return Err(Ctl::Raise(exc)),
            Then::Awaitable => return self.check_awaitable(st, v),
            Then::Discard | Then::Stored | Then::SetItem | Then::Gen { .. } => {}
            Then::Finish => st.outcome = Some(RunOutcome::Finished(v)),
            Then::PushThenNull => {
                push_top(st, v);
                push_top(st, Value::Undef);
            }
            Then::InitPush { instance } => {
                if v != Value::None {
                    let t = self.type_name(v);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("__init__() should return None, not '{t}'"),
                    );
                }
                push_top(st, instance);
            }
            Then::InitCheck { instance, next } => {
                if v != Value::None {
                    let t = self.type_name(v);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("__init__() should return None, not '{t}'"),
                    );
                }
                return self.apply_then(st, *next, instance);
            }
            Then::Truth { invert } => {
                let b = self.truth_of_result(v)?;
                push_top(st, Value::Bool(b != invert));
            }
            Then::TruthJump {
                target,
                jump_if,
                keep,
            } => {
                let b = self.truth_of_result(v)?;
                let f = top(st)?;
                if b == jump_if {
                    f.pc = target;
                    if !keep.is_undef() {
                        f.push(keep);
                    }
                }
            }
            Then::BinaryRight { op, lhs, rhs } => {
                if v.is(self.not_implemented) {
                    return self.binary_reflected(st, op, lhs, rhs);
                }
                push_top(st, v);
            }
            Then::InplaceFallback { op, lhs, rhs } => {
                if v.is(self.not_implemented) {
                    return self.exec_binary(st, op, lhs, rhs);
                }
                push_top(st, v);
            }
            Then::BinaryFail { op, lhs, rhs } => {
                if v.is(self.not_implemented) {
                    return Err(self.binary_type_error(op, lhs, rhs));
                }
                push_top(st, v);
            }
            Then::CompareRight { op, lhs, rhs } => {
                if v.is(self.not_implemented) {
                    return self.compare_reflected(st, op, lhs, rhs);
                }
                push_top(st, v);
            }
            Then::CompareFail { op, lhs, rhs } => {
                if v.is(self.not_implemented) {
                    let r = self.compare_default(op, lhs, rhs)?;
                    push_top(st, r);
                } else {
                    push_top(st, v);
                }
            }
            Then::StrCheck { method } => {
                if self.str_of(v).is_none() {
                    let t = self.type_name(v);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("{method} returned non-string (type {t})"),
                    );
                }
                push_top(st, v);
            }
            Then::IntCheck { method } => {
                if !matches!(v, Value::Int(_) | Value::Bool(_)) && !self.is_bigint(v) {
                    let t = self.type_name(v);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("'{t}' object cannot be interpreted as an integer ({method})"),
                    );
                }
                push_top(st, v);
            }
            Then::BuildClass {
                meta,
                name,
                bases,
                ns,
                kwargs,
            } => {
                let cell = match v {
                    Value::Obj(c) if matches!(self.heap.get(c), Obj::Cell(_)) => v,
                    _ => Value::None,
                };
                if matches!(meta, Value::Obj(m) if m != self.types.type_) {
                    // A metaclass other than `type`: the prelude calls it.
                    let f = self.prelude_fn("_build_with_meta")?;
                    let a = vec![meta, name, bases, Value::Obj(ns), kwargs, cell];
                    return self.call(st, f, Args::new(a), Then::Push);
                }
                let cls = self.new_class_from_ns(name, bases, ns)?;
                if let Value::Obj(c) = cell {
                    *self.cell_mut(c) = cls;
                }
                return self.finish_class(st, cls, kwargs);
            }
            Then::Import { push, .. } => push_top(st, push),
        }
        Ok(())
    }

    pub(crate) fn exec_make_function(&mut self, st: &mut ExecState, fl: u32) -> R<()> {
        use crate::bytecode::make_function as mf;
        let f = top(st)?;
        let code = f.pop();
        let closure = if fl & mf::CLOSURE != 0 {
            f.pop()
        } else {
            Value::None
        };
        let annotations = if fl & mf::ANNOTATIONS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let kwdefaults = if fl & mf::KWDEFAULTS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let defaults = if fl & mf::DEFAULTS != 0 {
            f.pop()
        } else {
            Value::None
        };
        let globals = f.globals;
        let Value::Obj(code_id) = code else {
            return self.fail(ExcKind::SystemError, "MakeFunction without code");
        };
        let (name, qualname, doc) = match self.heap.get(code_id) {
            // A `def`'s docstring is its first constant (None without one).
            Obj::Code(c) => {
                let doc = match c.consts.first() {
                    Some(d) if !c.code.name.starts_with('<') => *d,
                    _ => Value::None,
                };
                (c.code.name.clone(), c.code.qualname.clone(), doc)
            }
            _ => return self.fail(ExcKind::SystemError, "MakeFunction without code"),
        };
        let tuple_items = |vm: &Vm, v: Value| -> Vec<Value> {
            match v {
                Value::Obj(id) => match vm.heap.get(id) {
                    Obj::Tuple(t) => t.clone(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            }
        };
        let defaults = tuple_items(self, defaults);
        let closure: Vec<ObjId> = tuple_items(self, closure)
            .into_iter()
            .filter_map(|v| v.obj())
            .collect();
        let module = self
            .dict_get_str(globals, "__name__")
            .unwrap_or(Value::None);
        let name = self.intern(&name);
        let qualname = self.new_str(&qualname);
        let dict = match annotations {
            Value::Obj(_) => {
                let d = self.new_dict();
                self.dict_set_str(d, "__annotations__", annotations);
                Some(d)
            }
            _ => None,
        };
        let func = Function {
            code: code_id,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults: kwdefaults.obj(),
            closure,
            dict,
            module,
            doc,
        };
        let v = self.alloc(Obj::Function(Box::new(func)));
        push_top(st, v);
        Ok(())
    }

    /// Instantiate a class: `__new__`, then `__init__` when it is Python code.
    fn instantiate(&mut self, st: &mut ExecState, cls: ObjId, args: Args, then: Then) -> R<()> {
        if cls == self.types.type_ && args.pos.len() == 1 && args.kw.is_empty() {
            let t = Value::Obj(self.type_of(args.pos[0]));
            return self.apply_then(st, then, t);
        }
        let new = self.lookup(cls, &self.sk.new);
        let init = self.lookup(cls, &self.sk.init);
        let init_is_py =
            matches!(init, Some(Value::Obj(id)) if matches!(self.heap.get(id), Obj::Function(_)));
        let new_is_native = match new {
            Some(Value::Obj(id)) => matches!(self.heap.get(id), Obj::Native { .. }),
            _ => true,
        };
        if !new_is_native {
            // A user `__new__` (a staticmethod): call it, then `__init__` on the result.
            let Some(newf) = new else {
                return self.fail(ExcKind::SystemError, "no __new__");
            };
            let newf = match newf {
                Value::Obj(id) => match self.heap.get(id) {
                    Obj::StaticMethod(f) => *f,
                    _ => newf,
                },
                _ => newf,
            };
            let mut nargs = args.clone();
            nargs.pos.insert(0, Value::Obj(cls));
            if !init_is_py {
                return self.call(st, newf, nargs, then);
            }
            let helper = self.prelude_fn("_new_then_init")?;
            let a = self.new_tuple(args.pos.clone());
            let kw = self.new_dict();
            for (k, v) in &args.kw {
                let key = self.hkey(*k)?;
                if let Obj::Dict(d) = self.heap.get_mut(kw) {
                    d.insert(key, *k, *v);
                }
            }
            return self.call(
                st,
                helper,
                Args::new(vec![Value::Obj(cls), newf, a, Value::Obj(kw)]),
                then,
            );
        }
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(Value::Obj(cls));
        pos.extend_from_slice(&args.pos);
        let nargs = Args {
            pos,
            kw: args.kw.clone(),
        };
        let Some(Value::Obj(new_id)) = new else {
            return self.fail(ExcKind::TypeError, "cannot create instances of this type");
        };
        let Obj::Native { id: nid, .. } = self.heap.get(new_id) else {
            return self.fail(ExcKind::TypeError, "bad __new__");
        };
        let def = self.natives[nid.0 as usize];
        if def.name == "object.__new__"
            && !init_is_py
            && (!args.pos.is_empty() || !args.kw.is_empty())
        {
            let n = self.class_name(cls);
            return self.fail(ExcKind::TypeError, format!("{n}() takes no arguments"));
        }
        let instance = match (def.f)(self, nargs) {
            Ok(v) => v,
            Err(Ctl::NeedKey(k)) => {
                if !args.kw.is_empty() {
                    return Err(Ctl::NeedKey(k));
                }
                let a = self.new_tuple(args.pos.clone());
                let f = self.prelude_fn("_canon_then_call")?;
                return self.call(st, f, Args::new(vec![k, Value::Obj(cls), a]), then);
            }
            Err(Ctl::Call(mut req)) => {
                let t = req.then.take().unwrap_or(then);
                return self.call(st, req.callee, req.args, t);
            }
            Err(e) => return Err(e),
        };
        let Some(initf) = init.filter(|_| init_is_py && self.isinstance(instance, cls)) else {
            return self.apply_then(st, then, instance);
        };
        let mut iargs = args;
        iargs.pos.insert(0, instance);
        let then = Then::InitCheck {
            instance,
            next: Box::new(then),
        };
        self.call(st, initf, iargs, then)
    }

    /// `locals()`: the namespace of a class body or module, else a new dict
    /// of the frame's bound fast locals and cells.
    fn frame_locals(&mut self, st: &mut ExecState) -> R<Value> {
        let f = top(st)?.clone();
        Ok(self.locals_of(&f))
    }

    /// `locals()` of a frame: the namespace of a class body or module, else
    /// a new dict of its bound fast locals and cells.
    pub fn locals_of(&mut self, f: &crate::frame::Frame) -> Value {
        if let Some(ns) = f.namespace {
            return Value::Obj(ns);
        }
        if f.code.code.name == "<module>" {
            return Value::Obj(f.globals);
        }
        let mut pairs: Vec<(String, Value)> = Vec::new();
        let co = &f.code.code;
        for (i, n) in co.varnames.iter().enumerate() {
            if let Some(v) = f.slots.get(i).filter(|v| !v.is_undef()) {
                pairs.push((n.clone(), *v));
            }
        }
        let cells: Vec<(String, ObjId)> = co
            .cellvars
            .iter()
            .chain(co.freevars.iter())
            .cloned()
            .zip(f.cells.iter().copied())
            .collect();
        for (n, c) in cells {
            let v = self.cell_get(c);
            if !v.is_undef() {
                pairs.push((n, v));
            }
        }
        let d = self.new_dict();
        for (n, v) in pairs {
            self.dict_set_str(d, &n, v);
        }
        Value::Obj(d)
    }

    /// `dir()`: the names of a namespace dict (from `frame_locals`), sorted.
    fn sorted_str_keys(&mut self, ns: Value) -> R<Value> {
        let Value::Obj(id) = ns else {
            return self.fail(ExcKind::SystemError, "dir() needs a namespace");
        };
        let mut names: Vec<(Rc<str>, Value)> = match self.dict_ref(id) {
            Some(d) => d
                .map
                .values()
                .filter_map(|(k, _)| self.str_of(*k).map(|s| (s.s.clone(), *k)))
                .collect(),
            None => Vec::new(),
        };
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let items = names.into_iter().map(|(_, k)| k).collect();
        Ok(self.new_list(items))
    }

    /// A function defined in the prelude.
    pub(crate) fn prelude_fn(&mut self, name: &str) -> R<Value> {
        match self.dict_get_str(self.prelude, name) {
            Some(v) => Ok(v),
            None => self.fail(
                ExcKind::SystemError,
                format!("prelude function {name} is missing"),
            ),
        }
    }

    /// Whether a built-in binds like a method.
    pub(crate) fn native_kind(&self, id: crate::native::NativeId) -> NativeKind {
        self.natives
            .get(id.0 as usize)
            .map(|d| d.kind)
            .unwrap_or(NativeKind::Function)
    }
}
