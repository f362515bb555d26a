//! Attributes: look-up along the MRO, binding, properties, `__getattr__`,
//! `super()`, and assignment.

use crate::frame::{ExecState, Then};
use crate::heap::ObjId;
use crate::interp::top;
use crate::native::{Args, Ctl, NativeKind, R};
use crate::object::{BaseKind, GenState, Obj};
use crate::objects::dict::HKey;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Finish an instruction whose result may need user code: a value goes
    /// through `then`; a tail-call request runs with `then`.
    pub(crate) fn finish_with(&mut self, st: &mut ExecState, r: R<Value>, then: Then) -> R<()> {
        match r {
            Ok(v) => self.apply_then(st, then, v),
            Err(Ctl::Call(mut req)) => {
                let t = req.then.take().unwrap_or(then);
                self.call(st, req.callee, req.args, t)
            }
            Err(Ctl::Resume(r)) => {
                let t = r.then.unwrap_or(then);
                self.resume_gen(st, r.gen, r.input, r.mode, Some(t))
            }
            Err(Ctl::Host(req)) => {
                st.pending = Some(then);
                Err(Ctl::Host(req))
            }
            // A built-in `__next__` that raised `StopIteration` ends the `for` loop.
            Err(Ctl::Raise(e))
                if matches!(then, Then::ForIter { .. })
                    && self.exc_is(e, ExcKind::StopIteration) =>
            {
                if let (Then::ForIter { target }, Some(f)) = (then, st.frames.last_mut()) {
                    f.pop();
                    f.pc = target;
                }
                Ok(())
            }
            // A delegate's built-in `send` or `__next__` that raised
            // `StopIteration` ends the `yield from`.
            Err(Ctl::Raise(e))
                if matches!(then, Then::Delegate) && self.exc_is(e, ExcKind::StopIteration) =>
            {
                self.end_delegation(st, e)
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn exec_load_attr(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let obj = f.pop();
        let name = f.code.names[i as usize];
        let r = self.getattr_key(obj, name, &f.code.name_keys[i as usize]);
        self.finish_with(st, r, Then::Push)
    }

    pub(crate) fn exec_load_method(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let obj = f.pop();
        let name = f.code.names[i as usize];
        let code = f.code.clone();
        let key = &code.name_keys[i as usize];
        let plain = match obj {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Instance(inst) => !self
                    .dict_ref(inst.dict)
                    .is_some_and(|d| d.map.contains_key(key)),
                Obj::Class(_) | Obj::Module(_) | Obj::Super { .. } | Obj::Function(_) => false,
                _ => true,
            },
            _ => true,
        };
        if plain {
            let found = match self.builtin_method_by_hint(obj, &code, i as usize) {
                Some(m) => Some(m),
                None => self.lookup_type(obj, key),
            };
            if let Some(Value::Obj(m)) = found {
                let is_method = match self.heap.get(m) {
                    Obj::Function(_) => true,
                    Obj::Native { id, self_ } => {
                        self_.is_undef() && self.native_kind(*id) == NativeKind::Method
                    }
                    _ => false,
                };
                if is_method {
                    let f = top(st)?;
                    f.push(Value::Obj(m));
                    f.push(obj);
                    return Ok(());
                }
            }
        }
        let r = self.getattr_key(obj, name, key);
        self.finish_with(st, r, Then::PushThenNull)
    }

    /// A name in the own namespace of `obj`'s class, when that class is
    /// built in (its namespace cannot change under it): looked up at the
    /// entry where it was found last time, else found and remembered.
    #[inline]
    fn builtin_method_by_hint(
        &self,
        obj: Value,
        code: &crate::objects::code::CodeData,
        i: usize,
    ) -> Option<Value> {
        let cls = self.type_of(obj);
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        if !c.builtin {
            return None;
        }
        let Obj::Dict(d) = self.heap.get(c.dict) else {
            return None;
        };
        let hint = &code.method_hints[i];
        let (hc, hi) = hint.get();
        let key = &code.name_keys[i];
        if hc == cls.0 {
            if let Some((k, (_, v))) = d.map.get_index(hi as usize) {
                if k.same_str(key) {
                    return Some(*v);
                }
            }
        }
        let (idx, _, (_, v)) = d.map.get_full(key)?;
        hint.set((cls.0, idx as u32));
        Some(*v)
    }

    pub(crate) fn exec_store_attr(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let obj = f.pop();
        let v = f.pop();
        let name = f.code.names[i as usize];
        let r = self
            .setattr_key(obj, name, &f.code.name_keys[i as usize], v)
            .map(|()| Value::None);
        self.finish_with(st, r, Then::Discard)
    }

    pub(crate) fn exec_delete_attr(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let obj = f.pop();
        let name = f.code.names[i as usize];
        let key = f.code.name_keys[i as usize].clone();
        let r = self.delattr_key(obj, name, key).map(|()| Value::None);
        self.finish_with(st, r, Then::Discard)
    }

    /// `getattr(obj, name)`; user code (properties, `__getattr__`) is
    /// requested as a tail call.
    pub fn getattr(&mut self, obj: Value, name: Value) -> R<Value> {
        let Some(key) = self.str_key(name) else {
            let t = self.type_name(name);
            return self.fail(
                ExcKind::TypeError,
                format!("attribute name must be string, not '{t}'"),
            );
        };
        self.getattr_key(obj, name, &key)
    }

    /// Bind a value found on a class to `obj` (functions become methods).
    fn bind(&mut self, descr: Value, obj: Value, owner: ObjId) -> R<Value> {
        let Value::Obj(d) = descr else {
            return Ok(descr);
        };
        Ok(match self.heap.get(d) {
            Obj::Function(_) => self.alloc(Obj::Method {
                func: descr,
                self_: obj,
            }),
            Obj::Native { id, self_ } if self_.is_undef() => match self.native_kind(*id) {
                NativeKind::Method => {
                    let id = *id;
                    self.alloc(Obj::Native { id, self_: obj })
                }
                NativeKind::ClassMethod => {
                    let id = *id;
                    self.alloc(Obj::Native {
                        id,
                        self_: Value::Obj(owner),
                    })
                }
                NativeKind::Function => descr,
            },
            Obj::StaticMethod(f) => *f,
            Obj::ClassMethod(f) => {
                let f = *f;
                self.alloc(Obj::Method {
                    func: f,
                    self_: Value::Obj(owner),
                })
            }
            Obj::Property { fget, .. } => {
                let fget = *fget;
                if fget == Value::None {
                    let n = self.type_name(obj);
                    return self.fail(
                        ExcKind::AttributeError,
                        format!("property of '{n}' object has no getter"),
                    );
                }
                return Err(Ctl::tail_call(fget, vec![obj]));
            }
            _ => descr,
        })
    }

    /// `getattr` with the name's dict key already made.
    pub fn getattr_key(&mut self, obj: Value, name: Value, key: &HKey) -> R<Value> {
        if let Value::Obj(id) = obj {
            match self.heap.get(id) {
                Obj::Class(_) => return self.class_getattr(id, name, key),
                Obj::Module(m) => {
                    let d = m.dict;
                    let mname = self.text(m.name).to_string();
                    if let Some(v) = self.dict_ref(d).and_then(|d| d.get(key)) {
                        return Ok(v);
                    }
                    if self.text(name) == "__dict__" {
                        return Ok(Value::Obj(d));
                    }
                    // PEP 562: a module-level `__getattr__` answers for missing names.
                    if let Some(f) = self.dict_get_str(d, "__getattr__") {
                        return Err(Ctl::tail_call(f, vec![name]));
                    }
                    let n = self.text(name).to_string();
                    return self.fail(
                        ExcKind::AttributeError,
                        format!("module '{mname}' has no attribute '{n}'"),
                    );
                }
                Obj::Super { class, obj: sobj } => {
                    let (class, sobj) = (*class, *sobj);
                    return self.super_getattr(class, sobj, name, key);
                }
                _ => {}
            }
        }
        let tp = self.type_of(obj);
        let descr = self.lookup(tp, key);
        if let Some(Value::Obj(d)) = descr {
            if matches!(self.heap.get(d), Obj::Property { .. }) {
                return self.bind(Value::Obj(d), obj, tp);
            }
            // A data descriptor written in Python (`__get__` and `__set__`) wins
            // over the instance dict.
            if let Some(get) = self.user_descriptor(d, true) {
                return Err(Ctl::tail_call(
                    get,
                    vec![Value::Obj(d), obj, Value::Obj(tp)],
                ));
            }
        }
        if let Value::Obj(id) = obj {
            match self.heap.get(id) {
                Obj::Instance(inst) => {
                    if let Some(v) = self.dict_ref(inst.dict).and_then(|d| d.get(key)) {
                        return Ok(v);
                    }
                }
                Obj::Function(f) => {
                    if let Some(v) = f
                        .dict
                        .and_then(|d| self.dict_ref(d))
                        .and_then(|d| d.get(key))
                    {
                        return Ok(v);
                    }
                }
                _ => {}
            }
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(v);
        }
        if let Some(d) = descr {
            if let Some(get) = d.obj().and_then(|id| self.user_descriptor(id, false)) {
                return Err(Ctl::tail_call(get, vec![d, obj, Value::Obj(tp)]));
            }
            return self.bind(d, obj, tp);
        }
        if let Some(ga) = self.lookup(tp, &self.sk.getattr) {
            return Err(Ctl::tail_call(ga, vec![obj, name]));
        }
        let (t, n) = (self.type_name(obj), self.text(name).to_string());
        self.fail(
            ExcKind::AttributeError,
            format!("'{t}' object has no attribute '{n}'"),
        )
    }

    fn class_getattr(&mut self, cls: ObjId, name: Value, key: &HKey) -> R<Value> {
        // `type`'s own `__name__` and `__qualname__` are data descriptors:
        // they win over a class's namespace (a property named `__name__`
        // is for its instances).
        if matches!(self.text(name), "__name__" | "__qualname__") {
            if let Some(v) = self.special_attr(Value::Obj(cls), name)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.lookup(cls, key) {
            if let Some(get) = v.obj().and_then(|id| self.user_descriptor(id, false)) {
                return Err(Ctl::tail_call(get, vec![v, Value::None, Value::Obj(cls)]));
            }
            if let Value::Obj(d) = v {
                match self.heap.get(d) {
                    Obj::StaticMethod(f) => return Ok(*f),
                    Obj::ClassMethod(f) => {
                        let f = *f;
                        return Ok(self.alloc(Obj::Method {
                            func: f,
                            self_: Value::Obj(cls),
                        }));
                    }
                    Obj::Native { id, self_ }
                        if self_.is_undef() && self.native_kind(*id) == NativeKind::ClassMethod =>
                    {
                        let id = *id;
                        return Ok(self.alloc(Obj::Native {
                            id,
                            self_: Value::Obj(cls),
                        }));
                    }
                    _ => {}
                }
            }
            return Ok(v);
        }
        if let Some(v) = self.special_attr(Value::Obj(cls), name)? {
            return Ok(v);
        }
        let tp = self.type_of(Value::Obj(cls));
        if let Some(d) = self.lookup(tp, key) {
            return self.bind(d, Value::Obj(cls), tp);
        }
        let (c, n) = (self.class_name(cls), self.text(name).to_string());
        self.fail(
            ExcKind::AttributeError,
            format!("type object '{c}' has no attribute '{n}'"),
        )
    }

    fn super_getattr(&mut self, class: ObjId, obj: Value, name: Value, key: &HKey) -> R<Value> {
        let (start_type, is_class) = match obj {
            // super(C, klass) with klass a subclass of C: klass's own MRO.
            Value::Obj(id)
                if matches!(self.heap.get(id), Obj::Class(_)) && self.is_subclass(id, class) =>
            {
                (id, true)
            }
            _ => (self.type_of(obj), false),
        };
        let mro = self
            .class(start_type)
            .map(|c| c.mro.clone())
            .unwrap_or_default();
        let pos = mro
            .iter()
            .position(|c| *c == class)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for &k in &mro[pos..] {
            let found = self
                .class(k)
                .and_then(|c| self.dict_ref(c.dict))
                .and_then(|d| d.get(key));
            if let Some(v) = found {
                if is_class {
                    if let Value::Obj(d) = v {
                        match self.heap.get(d) {
                            Obj::ClassMethod(f) => {
                                let f = *f;
                                return Ok(self.alloc(Obj::Method {
                                    func: f,
                                    self_: obj,
                                }));
                            }
                            Obj::StaticMethod(f) => return Ok(*f),
                            Obj::Function(_) if self.text(name) == "__init_subclass__" => {
                                // An implicit class method, as in CPython.
                                return Ok(self.alloc(Obj::Method {
                                    func: v,
                                    self_: obj,
                                }));
                            }
                            Obj::Native { id, self_ }
                                if self_.is_undef()
                                    && self.native_kind(*id) == NativeKind::ClassMethod =>
                            {
                                let id = *id;
                                return Ok(self.alloc(Obj::Native { id, self_: obj }));
                            }
                            _ => {}
                        }
                    }
                    return Ok(v);
                }
                return self.bind(v, obj, start_type);
            }
        }
        let n = self.text(name).to_string();
        self.fail(
            ExcKind::AttributeError,
            format!("'super' object has no attribute '{n}'"),
        )
    }

    /// The `__get__` of an instance whose class defines it in Python (a
    /// descriptor); with `data`, only if the class also defines `__set__`
    /// or `__delete__`.
    fn user_descriptor(&self, d: ObjId, data: bool) -> Option<Value> {
        if !matches!(self.heap.get(d), Obj::Instance(_)) {
            return None;
        }
        let v = Value::Obj(d);
        if !self.has_user_method(v, "__get__") {
            return None;
        }
        if data && !self.has_user_method(v, "__set__") && !self.has_user_method(v, "__delete__") {
            return None;
        }
        self.lookup_special(v, "__get__")
    }

    /// Attributes that are not in any dict: `__class__`, `__name__`, `args`, …
    fn special_attr(&mut self, obj: Value, name: Value) -> R<Option<Value>> {
        let n = self.text(name).to_string();
        if !n.starts_with("__")
            && !matches!(
                n.as_str(),
                "args"
                    | "start"
                    | "stop"
                    | "step"
                    | "real"
                    | "imag"
                    | "gi_running"
                    | "cr_running"
                    | "gi_frame"
                    | "gi_code"
                    | "cr_code"
                    | "gi_yieldfrom"
                    | "cr_await"
                    | "value"
                    | "code"
                    | "name"
                    | "path"
                    | "msg"
                    | "errno"
                    | "strerror"
                    | "filename"
                    | "cell_contents"
            )
            && !n.starts_with("co_")
        {
            return Ok(None);
        }
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Value::Obj(id) = obj else {
            return Ok(match (n.as_str(), obj) {
                ("real", Value::Int(_) | Value::Float(_) | Value::Bool(_)) => Some(obj),
                ("imag", Value::Int(_) | Value::Bool(_)) => Some(Value::Int(0)),
                ("imag", Value::Float(_)) => Some(Value::Float(0.0)),
                _ => None,
            });
        };
        let v = match (self.heap.get(id), n.as_str()) {
            (Obj::Class(c), "__name__") => Some(c.name),
            (Obj::Class(c), "__qualname__") => Some(c.qualname),
            (Obj::Class(c), "__mro__") => {
                let m: Vec<Value> = c.mro.iter().map(|x| Value::Obj(*x)).collect();
                Some(self.new_tuple(m))
            }
            (Obj::Class(c), "__bases__") => {
                let m: Vec<Value> = c.bases.iter().map(|x| Value::Obj(*x)).collect();
                Some(self.new_tuple(m))
            }
            (Obj::Class(c), "__base__") => Some(
                c.bases
                    .first()
                    .map(|b| Value::Obj(*b))
                    .unwrap_or(Value::None),
            ),
            (Obj::Class(c), "__dict__") => Some(Value::Obj(c.dict)),
            (Obj::Class(c), "__doc__") => Some(
                self.dict_ref(c.dict)
                    .and_then(|d| d.get(&Vm::key_of("__doc__")))
                    .unwrap_or(Value::None),
            ),
            (Obj::Class(c), "__module__") => Some(if c.builtin {
                self.intern("builtins")
            } else {
                Value::None
            }),
            (Obj::Function(_), "__annotations__") => {
                // Made empty the first time it is asked for, then kept.
                let annotations = self.new_dict();
                let dict = match self.heap.get(id) {
                    Obj::Function(f) => f.dict,
                    _ => None,
                };
                let dict = match dict {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict();
                        if let Obj::Function(f) = self.heap.get_mut(id) {
                            f.dict = Some(d);
                        }
                        d
                    }
                };
                self.dict_set_str(dict, "__annotations__", Value::Obj(annotations));
                Some(Value::Obj(annotations))
            }
            (Obj::Function(f), "__name__") => Some(f.name),
            (Obj::Function(f), "__qualname__") => Some(f.qualname),
            (Obj::Function(f), "__module__") => Some(f.module),
            (Obj::Function(f), "__doc__") => Some(f.doc),
            (Obj::Function(f), "__code__") => Some(Value::Obj(f.code)),
            (Obj::Function(f), "__globals__") => Some(Value::Obj(f.globals)),
            (Obj::Function(f), "__defaults__") => {
                let d = f.defaults.clone();
                Some(if d.is_empty() {
                    Value::None
                } else {
                    self.new_tuple(d)
                })
            }
            (Obj::Function(f), "__kwdefaults__") => {
                Some(f.kwdefaults.map(Value::Obj).unwrap_or(Value::None))
            }
            (Obj::Function(f), "__closure__") => {
                let c: Vec<Value> = f.closure.iter().map(|x| Value::Obj(*x)).collect();
                Some(if c.is_empty() {
                    Value::None
                } else {
                    self.new_tuple(c)
                })
            }
            (Obj::Function(f), "__dict__") => {
                let d = match f.dict {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict();
                        if let Obj::Function(f) = self.heap.get_mut(id) {
                            f.dict = Some(d);
                        }
                        d
                    }
                };
                Some(Value::Obj(d))
            }
            (Obj::Native { id: nid, self_ }, "__name__" | "__qualname__") => {
                let full = self
                    .natives
                    .get(nid.0 as usize)
                    .map(|d| d.name)
                    .unwrap_or("?");
                let short = full.rsplit('.').next().unwrap_or(full).to_string();
                let _ = self_;
                Some(self.new_str(if n == "__name__" {
                    &short
                } else {
                    full.strip_prefix("builtins.").unwrap_or(full)
                }))
            }
            (Obj::Native { self_, .. }, "__self__") => Some(*self_),
            (Obj::Method { func, .. }, "__func__") => Some(*func),
            (Obj::Method { self_, .. }, "__self__") => Some(*self_),
            (Obj::Method { func, .. }, "__name__" | "__qualname__" | "__doc__" | "__module__") => {
                let func = *func;
                return self.getattr(func, name).map(Some);
            }
            (Obj::Instance(i), "__dict__") => Some(Value::Obj(i.dict)),
            (Obj::Instance(i), "args") if i.exc.is_some() => i.exc.as_ref().map(|e| e.args),
            (Obj::Instance(i), "__cause__") if i.exc.is_some() => i.exc.as_ref().map(|e| e.cause),
            (Obj::Instance(i), "__context__") if i.exc.is_some() => {
                i.exc.as_ref().map(|e| e.context)
            }
            (Obj::Instance(i), "__suppress_context__") if i.exc.is_some() => {
                i.exc.as_ref().map(|e| Value::Bool(e.suppress_context))
            }
            (Obj::Instance(i), "__traceback__") if i.exc.is_some() => {
                let entries = i
                    .exc
                    .as_ref()
                    .map(|e| e.traceback.clone())
                    .unwrap_or_default();
                Some(self.traceback_objects(&entries))
            }
            (Obj::Instance(i), "value")
                if i.exc.is_some() && self.exc_is(obj, ExcKind::StopIteration) =>
            {
                Some(self.stop_iteration_value(obj))
            }
            (Obj::Instance(i), "code")
                if i.exc.is_some() && self.exc_is(obj, ExcKind::SystemExit) =>
            {
                let args = self.exc_args(obj);
                Some(match args.as_slice() {
                    [] => Value::None,
                    [only] => *only,
                    _ => self.new_tuple(args),
                })
            }
            (Obj::Instance(i), "name" | "path" | "msg")
                if i.exc.is_some() && self.exc_is(obj, ExcKind::ImportError) =>
            {
                // `name` and `path` are in the instance's dict when given.
                let args = self.exc_args(obj);
                Some(match (n.as_str(), args.as_slice()) {
                    ("msg", [only]) => *only,
                    _ => Value::None,
                })
            }
            (Obj::Instance(i), "errno" | "strerror" | "filename")
                if i.exc.is_some() && self.exc_is(obj, ExcKind::OSError) =>
            {
                let args = self.exc_args(obj);
                let at = match n.as_str() {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                Some(match args.get(at) {
                    Some(v) if args.len() >= 2 => *v,
                    _ => Value::None,
                })
            }
            (Obj::Module(m), "__name__") => Some(m.name),
            (Obj::Generator(g), "__name__") => Some(g.name),
            (Obj::Generator(g), "__qualname__") => Some(g.qualname),
            (Obj::Generator(g), "gi_running" | "cr_running") => {
                Some(Value::Bool(g.state == GenState::Running))
            }
            (Obj::Generator(g), "gi_code" | "cr_code") => Some(Value::Obj(g.code)),
            (Obj::Generator(g), "gi_yieldfrom" | "cr_await") => Some(
                g.frame
                    .as_ref()
                    .filter(|f| g.state == GenState::Suspended && f.is_delegating())
                    .map_or(Value::None, |f| f.top()),
            ),
            (Obj::Generator(g), "gi_frame") => Some(if g.state == GenState::Finished {
                Value::None
            } else {
                Value::Obj(id)
            }),
            (Obj::Range { start, .. }, "start") => Some(Value::Int(*start)),
            (Obj::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
            (Obj::Range { step, .. }, "step") => Some(Value::Int(*step)),
            (Obj::Cell(v), "cell_contents") => {
                if v.is_undef() {
                    return self.fail(ExcKind::ValueError, "Cell is empty");
                }
                Some(*v)
            }
            (Obj::Slice { start, .. }, "start") => Some(*start),
            (Obj::Slice { stop, .. }, "stop") => Some(*stop),
            (Obj::Slice { step, .. }, "step") => Some(*step),
            (Obj::Code(c), _) if n.starts_with("co_") => {
                let c = c.clone();
                self.code_attr(&c, &n)
            }
            (Obj::Property { fget, .. }, "fget") => Some(*fget),
            (Obj::Property { fset, .. }, "fset") => Some(*fset),
            (Obj::StaticMethod(f) | Obj::ClassMethod(f), "__func__") => Some(*f),
            (Obj::Int(_), "real") => Some(obj),
            (Obj::Int(_), "imag") => Some(Value::Int(0)),
            _ => None,
        };
        Ok(v)
    }

    /// The `co_*` attributes of a code object.
    fn code_attr(&mut self, c: &crate::objects::code::CodeData, n: &str) -> Option<Value> {
        let co = &c.code;
        let strs = |vm: &mut Vm, names: &[String]| {
            let items: Vec<Value> = names.iter().map(|s| vm.new_str(s)).collect();
            vm.new_tuple(items)
        };
        Some(match n {
            "co_name" => self.new_str(&co.name),
            "co_qualname" => self.new_str(&co.qualname),
            "co_filename" => self.new_str(&co.filename),
            "co_firstlineno" => Value::Int(i64::from(co.first_line)),
            "co_argcount" => Value::Int(i64::from(co.argcount)),
            "co_posonlyargcount" => Value::Int(i64::from(co.posonlyargcount)),
            "co_kwonlyargcount" => Value::Int(i64::from(co.kwonlyargcount)),
            "co_nlocals" => Value::Int(co.varnames.len() as i64),
            "co_flags" => Value::Int(i64::from(co.flags & 0xffff)),
            "co_varnames" => strs(self, &co.varnames),
            "co_names" => strs(self, &co.names),
            "co_cellvars" => strs(self, &co.cellvars),
            "co_freevars" => strs(self, &co.freevars),
            "co_consts" => self.new_tuple(c.consts.clone()),
            _ => return None,
        })
    }

    /// `setattr(obj, name, v)`.
    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> R<()> {
        let Some(key) = self.str_key(name) else {
            return self.fail(ExcKind::TypeError, "attribute name must be string");
        };
        self.setattr_key(obj, name, &key, v)
    }

    fn setattr_key(&mut self, obj: Value, name: Value, key: &HKey, v: Value) -> R<()> {
        let tp = self.type_of(obj);
        if let Some(Value::Obj(d)) = self.lookup(tp, key) {
            if self.has_user_method(Value::Obj(d), "__set__")
                && matches!(self.heap.get(d), Obj::Instance(_))
            {
                let set = self
                    .lookup_special(Value::Obj(d), "__set__")
                    .unwrap_or(Value::None);
                return Err(Ctl::call_then(
                    set,
                    vec![Value::Obj(d), obj, v],
                    Then::Discard,
                ));
            }
            if let Obj::Property { fset, .. } = self.heap.get(d) {
                let fset = *fset;
                if fset == Value::None {
                    let (n, t) = (self.text(name).to_string(), self.type_name(obj));
                    let msg = if self.host_class_module(tp).is_some() {
                        // A C type's read-only attribute, as CPython words it.
                        format!("attribute '{n}' of '{t}' objects is not writable")
                    } else {
                        format!("property '{n}' of '{t}' object has no setter")
                    };
                    return self.fail(ExcKind::AttributeError, msg);
                }
                return Err(Ctl::call_then(fset, vec![obj, v], Then::Discard));
            }
        }
        if let Some(sa) = self.lookup(tp, &self.sk.setattr) {
            if matches!(sa, Value::Obj(i) if matches!(self.heap.get(i), Obj::Function(_))) {
                return Err(Ctl::call_then(sa, vec![obj, name, v], Then::Discard));
            }
        }
        let Value::Obj(id) = obj else {
            return self.no_attr_to_set(obj, name);
        };
        let nm = self.text(name).to_string();
        match self.heap.get_mut(id) {
            Obj::Instance(inst) => {
                if let Some(e) = inst.exc.as_deref_mut() {
                    match nm.as_str() {
                        "__cause__" => {
                            e.cause = v;
                            e.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            e.context = v;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            e.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "__traceback__" => return Ok(()),
                        _ => {}
                    }
                }
                let (d, class) = (inst.dict, inst.class);
                let known = self.dict_ref(d).is_some_and(|dict| dict.get(key).is_some());
                if !known && !self.slots_allow(class, &nm) {
                    return self.no_attr_to_set(obj, name);
                }
                if let Obj::Dict(dict) = self.heap.get_mut(d) {
                    match dict.map.get_mut(key) {
                        Some(e) => e.1 = v,
                        None => dict.insert(key.clone(), name, v),
                    }
                }
                Ok(())
            }
            Obj::Class(c) => {
                if c.builtin {
                    let cn = self.class_name(id);
                    return self.fail(
                        ExcKind::TypeError,
                        format!("cannot set '{nm}' attribute of immutable type '{cn}'"),
                    );
                }
                let d = c.dict;
                if let Obj::Dict(dict) = self.heap.get_mut(d) {
                    dict.insert(key.clone(), name, v);
                }
                Ok(())
            }
            Obj::Module(m) => {
                let d = m.dict;
                if let Obj::Dict(dict) = self.heap.get_mut(d) {
                    dict.insert(key.clone(), name, v);
                }
                Ok(())
            }
            Obj::Function(f) => {
                if nm == "__name__" {
                    f.name = v;
                    return Ok(());
                }
                if nm == "__qualname__" {
                    f.qualname = v;
                    return Ok(());
                }
                if nm == "__doc__" {
                    f.doc = v;
                    return Ok(());
                }
                let d = match f.dict {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict();
                        if let Obj::Function(f) = self.heap.get_mut(id) {
                            f.dict = Some(d);
                        }
                        d
                    }
                };
                if let Obj::Dict(dict) = self.heap.get_mut(d) {
                    dict.insert(key.clone(), name, v);
                }
                Ok(())
            }
            _ => self.no_attr_to_set(obj, name),
        }
    }

    /// Whether instances of `class` may gain the attribute `name`: always,
    /// unless every Python class in its MRO declares `__slots__` without
    /// `__dict__` and none of them names it (CPython's slotted layout).
    fn slots_allow(&self, class: ObjId, name: &str) -> bool {
        let Some(mro) = self.class(class).map(|c| &c.mro) else {
            return true;
        };
        let slots_key = Vm::key_of("__slots__");
        let mut named = false;
        for &c in mro {
            let Some(cls) = self.class(c) else { continue };
            if cls.builtin {
                if cls.base_kind == BaseKind::Exception {
                    return true;
                }
                continue;
            }
            let Some(slots) = self.dict_ref(cls.dict).and_then(|d| d.get(&slots_key)) else {
                return true;
            };
            let names: &[Value] = match slots {
                Value::Obj(id) => match self.heap.get(id) {
                    Obj::Tuple(items) | Obj::List(items) => items,
                    Obj::Str(_) => std::slice::from_ref(&slots),
                    _ => return true,
                },
                _ => return true,
            };
            for &n in names {
                match self.str_of(n).map(|s| &*s.s) {
                    Some("__dict__") => return true,
                    Some(s) if s == name => named = true,
                    _ => {}
                }
            }
        }
        named
    }

    fn no_attr_to_set(&mut self, obj: Value, name: Value) -> R<()> {
        let (t, n) = (self.type_name(obj), self.text(name).to_string());
        self.fail(
            ExcKind::AttributeError,
            format!("'{t}' object has no attribute '{n}'"),
        )
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: Value, name: Value) -> R<()> {
        let Some(key) = self.str_key(name) else {
            return self.fail(ExcKind::TypeError, "attribute name must be string");
        };
        self.delattr_key(obj, name, key)
    }

    fn delattr_key(&mut self, obj: Value, name: Value, key: HKey) -> R<()> {
        let tp = self.type_of(obj);
        if let Some(Value::Obj(d)) = self.lookup(tp, &key) {
            if self.has_user_method(Value::Obj(d), "__delete__")
                && matches!(self.heap.get(d), Obj::Instance(_))
            {
                let del = self
                    .lookup_special(Value::Obj(d), "__delete__")
                    .unwrap_or(Value::None);
                return Err(Ctl::call_then(del, vec![Value::Obj(d), obj], Then::Discard));
            }
            if let Obj::Property { fdel, .. } = self.heap.get(d) {
                let fdel = *fdel;
                if fdel == Value::None {
                    let (n, t) = (self.text(name).to_string(), self.type_name(obj));
                    return self.fail(
                        ExcKind::AttributeError,
                        format!("property '{n}' of '{t}' object has no deleter"),
                    );
                }
                return Err(Ctl::call_then(fdel, vec![obj], Then::Discard));
            }
        }
        let removed = match obj {
            Value::Obj(id) => match self.heap.get_mut(id) {
                Obj::Instance(inst) => {
                    let d = inst.dict;
                    match self.heap.get_mut(d) {
                        Obj::Dict(dict) => dict.remove(&key).is_some(),
                        _ => false,
                    }
                }
                Obj::Class(c) if !c.builtin => {
                    let d = c.dict;
                    match self.heap.get_mut(d) {
                        Obj::Dict(dict) => dict.remove(&key).is_some(),
                        _ => false,
                    }
                }
                Obj::Module(m) => {
                    let d = m.dict;
                    match self.heap.get_mut(d) {
                        Obj::Dict(dict) => dict.remove(&key).is_some(),
                        _ => false,
                    }
                }
                Obj::Function(f) => match f.dict {
                    Some(d) => match self.heap.get_mut(d) {
                        Obj::Dict(dict) => dict.remove(&key).is_some(),
                        _ => false,
                    },
                    None => false,
                },
                _ => false,
            },
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            self.no_attr_to_set(obj, name)
        }
    }

    /// The arguments of a zero-argument `super()`: the `__class__` cell's
    /// class and the calling frame's first argument.
    pub(crate) fn zero_arg_super(&mut self, st: &mut ExecState) -> R<Args> {
        let f = top(st)?;
        let code = &f.code.code;
        if code.argcount == 0 && code.flags & crate::code::flags::VARARGS == 0 {
            return self.fail(ExcKind::RuntimeError, "super(): no arguments");
        }
        let Some(ci) = code.freevars.iter().position(|n| n == "__class__") else {
            return self.fail(ExcKind::RuntimeError, "super(): __class__ cell not found");
        };
        let cell = f.cells[code.cellvars.len() + ci];
        let first_name = code.varnames.first().cloned().unwrap_or_default();
        let mut first = f.slots.first().copied().unwrap_or(Value::Undef);
        if let Some(k) = code.cellvars.iter().position(|n| *n == first_name) {
            first = self.cell_get(f.cells[k]);
        }
        let class = self.cell_get(cell);
        if class.is_undef() || first.is_undef() {
            return self.fail(ExcKind::RuntimeError, "super(): empty __class__ cell");
        }
        Ok(Args::new(vec![class, first]))
    }
}
