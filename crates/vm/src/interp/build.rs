//! Building values: collections, f-strings, unpacking, `with`, classes and imports.

use crate::frame::{ExecState, Then};
use crate::heap::ObjId;
use crate::interp::{push_top, top};
use crate::native::{Args, Ctl, R};
use crate::object::Obj;
use crate::objects::dict::{Dict, SetMap};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Re-run the current instruction once `v` has been turned into a list
    /// by the prelude (for iterables that need user code).
    fn retry_with_list(&mut self, st: &mut ExecState, v: Value) -> R<()> {
        let f = top(st)?;
        f.pc -= 1;
        let conv = self.prelude_fn("_to_list")?;
        self.call(st, conv, Args::new(vec![v]), Then::Push)
    }

    pub(crate) fn exec_build_set(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let Some(base) = f.stack_base(n as usize) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let items = f.slots.split_off(base);
        let mut s = SetMap::default();
        for v in items {
            let k = self.hkey(v)?;
            s.entry(k).or_insert(v);
        }
        let v = self.alloc(Obj::Set(s));
        push_top(st, v);
        Ok(())
    }

    pub(crate) fn exec_build_map(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let Some(base) = f.stack_base(2 * n as usize) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let items = f.slots.split_off(base);
        let mut d = Dict::new();
        for kv in items.chunks(2) {
            let k = self.hkey(kv[0])?;
            d.insert(k, kv[0], kv[1]);
        }
        let v = self.alloc(Obj::Dict(d));
        push_top(st, v);
        Ok(())
    }

    pub(crate) fn exec_build_string(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let Some(base) = f.stack_base(n as usize) else {
            return self.fail(crate::types::ExcKind::SystemError, "value stack underflow");
        };
        let items = f.slots.split_off(base);
        let mut s = String::new();
        for v in items {
            s.push_str(self.text(v));
        }
        let v = self.new_string(s);
        push_top(st, v);
        Ok(())
    }

    pub(crate) fn exec_list_append(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let l = f.peek(n as usize);
        if let Value::Obj(id) = l {
            if let Obj::List(items) = self.heap.get_mut(id) {
                items.push(v);
            }
        }
        Ok(())
    }

    pub(crate) fn exec_set_add(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let s = f.peek(n as usize);
        let k = self.hkey(v)?;
        if let Value::Obj(id) = s {
            if let Obj::Set(items) = self.heap.get_mut(id) {
                items.entry(k).or_insert(v);
            }
        }
        Ok(())
    }

    pub(crate) fn exec_map_add(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let k = f.pop();
        let d = f.peek(n as usize);
        let hk = self.hkey(k)?;
        if let Value::Obj(id) = d {
            if let Obj::Dict(items) = self.heap.get_mut(id) {
                items.insert(hk, k, v);
            }
        }
        Ok(())
    }

    /// For `ListExtend`/`SetUpdate`: pop the iterable on top and return the
    /// target `n`-th from the top with the iterable's items; `None` when the
    /// iterable needs user code (the instruction then re-runs on a list the
    /// prelude builds).
    fn pop_items_for(&mut self, st: &mut ExecState, n: u32) -> R<Option<(Value, Vec<Value>)>> {
        let it = top(st)?.top();
        if !self.is_native_iterable(it) {
            let it = top(st)?.pop();
            self.retry_with_list(st, it)?;
            return Ok(None);
        }
        let f = top(st)?;
        f.pop();
        let target = f.peek(n as usize);
        let items = self.collect_native(it)?;
        Ok(Some((target, items)))
    }

    pub(crate) fn exec_list_extend(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let Some((l, items)) = self.pop_items_for(st, n)? else {
            return Ok(());
        };
        if let Value::Obj(id) = l {
            if let Obj::List(v) = self.heap.get_mut(id) {
                v.extend(items);
            }
        }
        Ok(())
    }

    pub(crate) fn exec_set_update(&mut self, st: &mut ExecState, n: u32) -> R<()> {
        let Some((s, items)) = self.pop_items_for(st, n)? else {
            return Ok(());
        };
        for v in items {
            let k = self.hkey(v)?;
            if let Value::Obj(id) = s {
                if let Obj::Set(set) = self.heap.get_mut(id) {
                    set.entry(k).or_insert(v);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn exec_dict_update(&mut self, st: &mut ExecState, n: u32, merge: bool) -> R<()> {
        let f = top(st)?;
        let m = f.pop();
        let d = f.peek(n as usize);
        let Value::Obj(did) = d else { return Ok(()) };
        let entries: Vec<(Value, Value)> = match m {
            Value::Obj(mid) => match self.heap.get(mid) {
                Obj::Dict(src) => src.map.values().copied().collect(),
                _ => {
                    let t = self.type_name(m);
                    let msg = if merge {
                        format!("argument after ** must be a mapping, not {t}")
                    } else {
                        format!("'{t}' object is not a mapping")
                    };
                    return self.fail(ExcKind::TypeError, msg);
                }
            },
            _ => {
                let t = self.type_name(m);
                return self.fail(ExcKind::TypeError, format!("'{t}' object is not a mapping"));
            }
        };
        for (k, v) in entries {
            let hk = self.hkey(k)?;
            if merge {
                let dup = matches!(self.heap.get(did), Obj::Dict(x) if x.map.contains_key(&hk));
                if dup {
                    let ks = self.text(k).to_string();
                    return self.fail(
                        ExcKind::TypeError,
                        format!("got multiple values for keyword argument '{ks}'"),
                    );
                }
            }
            if let Obj::Dict(x) = self.heap.get_mut(did) {
                x.insert(hk, k, v);
            }
        }
        Ok(())
    }

    /// Update dict `id` from a mapping or an iterable of pairs (built-in only).
    pub(crate) fn dict_update_from(&mut self, id: ObjId, src: Value) -> R<()> {
        // A dict subclass (defaultdict, Counter, …) is read through its dict.
        let base = self.unwrap_base(src);
        let src = if matches!(base, Value::Obj(b) if matches!(self.heap.get(b), Obj::Dict(_))) {
            base
        } else {
            src
        };
        let entries: Vec<(Value, Value)> = match src {
            Value::Obj(s) => match self.heap.get(s) {
                Obj::Dict(d) => d.map.values().copied().collect(),
                _ => {
                    let items = self.collect_native(src)?;
                    let mut out = Vec::new();
                    for (i, it) in items.into_iter().enumerate() {
                        let pair = self.collect_native(it).map_err(|_| {
                            let t = self.type_name(it);
                            self.err(
                                ExcKind::TypeError,
                                format!("cannot convert dictionary update sequence element #{i} to a sequence ({t})"),
                            )
                        })?;
                        if pair.len() != 2 {
                            return self.fail(
                                ExcKind::ValueError,
                                format!(
                                    "dictionary update sequence element #{i} has length {}; 2 is required",
                                    pair.len()
                                ),
                            );
                        }
                        out.push((pair[0], pair[1]));
                    }
                    out
                }
            },
            _ => {
                let t = self.type_name(src);
                return self.fail(ExcKind::TypeError, format!("'{t}' object is not iterable"));
            }
        };
        for (k, v) in entries {
            let hk = self.hkey(k)?;
            if let Obj::Dict(d) = self.heap.get_mut(id) {
                d.insert(hk, k, v);
            }
        }
        Ok(())
    }

    pub(crate) fn exec_list_to_tuple(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let l = f.pop();
        let items = match l {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::List(v) => v.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let t = self.new_tuple(items);
        push_top(st, t);
        Ok(())
    }

    pub(crate) fn exec_format_value(&mut self, st: &mut ExecState, flags: u32) -> R<()> {
        use crate::bytecode::format_value as fv;
        let f = top(st)?;
        let spec = if flags & fv::HAS_SPEC != 0 {
            f.pop()
        } else {
            Value::Undef
        };
        let v = f.pop();
        let conv = flags & fv::CONVERSION_MASK;
        if !self.needs_user_format(v) {
            let s = match conv {
                fv::REPR => Some(self.repr_native(v)?),
                fv::ASCII => Some(crate::builtins::ascii_escape(&self.repr_native(v)?)),
                fv::STR => Some(self.str_native(v)?),
                _ => None,
            };
            let out = match s {
                Some(s) => {
                    let sv = self.new_string(s);
                    self.format_native(sv, self.text(spec).to_string().as_str())?
                }
                None => {
                    let spec = self.text(spec).to_string();
                    self.format_native(v, &spec)?
                }
            };
            let r = self.new_string(out);
            push_top(st, r);
            return Ok(());
        }
        let func = self.prelude_fn("_format_value")?;
        let spec = if spec.is_undef() {
            self.intern("")
        } else {
            spec
        };
        self.call(
            st,
            func,
            Args::new(vec![v, Value::Int(i64::from(conv)), spec]),
            Then::Push,
        )
    }

    pub(crate) fn exec_unpack(
        &mut self,
        st: &mut ExecState,
        before: usize,
        after: Option<usize>,
    ) -> R<()> {
        let f = top(st)?;
        let seq = f.pop();
        let items = match seq {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(v) | Obj::List(v) => Some(v.clone()),
                _ => None,
            },
            _ => None,
        };
        let items = match items {
            Some(i) => i,
            None => {
                if matches!(seq, Value::Obj(_)) && !self.is_native_iterable(seq) {
                    if self.iter_native(seq).is_err() {
                        let t = self.type_name(seq);
                        return self.fail(
                            ExcKind::TypeError,
                            format!("cannot unpack non-iterable {t} object"),
                        );
                    }
                    return self.retry_with_list(st, seq);
                }
                match self.collect_native(seq) {
                    Ok(i) => i,
                    Err(_) => {
                        let t = self.type_name(seq);
                        return self.fail(
                            ExcKind::TypeError,
                            format!("cannot unpack non-iterable {t} object"),
                        );
                    }
                }
            }
        };
        match after {
            None => {
                if items.len() != before {
                    let msg = if items.len() < before {
                        format!(
                            "not enough values to unpack (expected {before}, got {})",
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {before})")
                    };
                    return self.fail(ExcKind::ValueError, msg);
                }
                let f = top(st)?;
                f.slots.extend(items.into_iter().rev());
            }
            Some(after) => {
                if items.len() < before + after {
                    return self.fail(
                        ExcKind::ValueError,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        ),
                    );
                }
                let mid_end = items.len() - after;
                let star = self.new_list(items[before..mid_end].to_vec());
                let f = top(st)?;
                for v in items[mid_end..].iter().rev() {
                    f.push(*v);
                }
                f.push(star);
                for v in items[..before].iter().rev() {
                    f.push(*v);
                }
            }
        }
        Ok(())
    }

    pub(crate) fn exec_before_with(&mut self, st: &mut ExecState) -> R<()> {
        self.before_with(st, false)
    }

    pub(crate) fn exec_before_async_with(&mut self, st: &mut ExecState) -> R<()> {
        self.before_with(st, true)
    }

    /// `BeforeWith` and `BeforeAsyncWith`: push the bound exit, then call
    /// the enter method (an async one's result is awaited by the code).
    fn before_with(&mut self, st: &mut ExecState, is_async: bool) -> R<()> {
        let ctx = top(st)?.pop();
        let (enter, exit, what) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous context manager")
        } else {
            ("__enter__", "__exit__", "context manager")
        };
        let enter = self.lookup_special(ctx, enter);
        let exit = self.lookup_special(ctx, exit);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let t = self.type_name(ctx);
            return self.fail(
                ExcKind::TypeError,
                format!("'{t}' object does not support the {what} protocol"),
            );
        };
        let bound_exit = match exit {
            Value::Obj(id) if matches!(self.heap.get(id), Obj::Function(_)) => {
                self.alloc(Obj::Method {
                    func: exit,
                    self_: ctx,
                })
            }
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Native { id: nid, .. } => {
                    let nid = *nid;
                    self.alloc(Obj::Native {
                        id: nid,
                        self_: ctx,
                    })
                }
                _ => exit,
            },
            _ => exit,
        };
        push_top(st, bound_exit);
        let then = if is_async {
            Then::Push
        } else {
            Then::EnterWith
        };
        self.call(st, enter, Args::new(vec![ctx]), then)
    }

    pub(crate) fn exec_with_except_start(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let exc = f.peek(1);
        let exit = f.peek(2);
        let t = Value::Obj(self.type_of(exc));
        self.call(st, exit, Args::new(vec![t, exc, Value::None]), Then::Push)
    }

    /// `__build_class__(func, name, *bases, **kw)`: run the body with a fresh
    /// namespace; `Then::BuildClass` makes the class when it returns.
    pub(crate) fn build_class(&mut self, st: &mut ExecState, args: Args) -> R<()> {
        if args.pos.len() < 2 {
            return self.fail(ExcKind::TypeError, "__build_class__: not enough arguments");
        }
        let func = args.pos[0];
        let name = args.pos[1];
        let bases = self.new_tuple(args.pos[2..].to_vec());
        let mut meta = Value::Undef;
        let kwd = self.new_dict();
        for (k, v) in &args.kw {
            if self.text(*k) == "metaclass" {
                meta = *v;
            } else {
                let hk = self.hkey(*k)?;
                if let Obj::Dict(d) = self.heap.get_mut(kwd) {
                    d.insert(hk, *k, *v);
                }
            }
        }
        if meta.is_undef() {
            // The metaclass of the first base with one other than `type`.
            for b in &args.pos[2..] {
                let m = Value::Obj(self.type_of(*b));
                if m != Value::Obj(self.types.type_) && self.class(self.type_of(*b)).is_some() {
                    meta = m;
                    break;
                }
            }
        }
        let ns = self.new_dict();
        let Value::Obj(fid) = func else {
            return self.fail(
                ExcKind::TypeError,
                "__build_class__: func must be a function",
            );
        };
        let then = Then::BuildClass {
            meta,
            name,
            bases,
            ns,
            kwargs: Value::Obj(kwd),
        };
        let mut frame = self.make_frame(fid, Args::default(), then)?;
        frame.namespace = Some(ns);
        st.frames.push(frame);
        Ok(())
    }

    /// Make a class from a name, a tuple of bases and a filled namespace.
    pub(crate) fn new_class_from_ns(&mut self, name: Value, bases: Value, ns: ObjId) -> R<Value> {
        let bases: Vec<ObjId> = match bases {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Tuple(t) => t.iter().filter_map(|v| v.obj()).collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        for b in &bases {
            if self.class(*b).is_none() {
                return self.fail(ExcKind::TypeError, "bases must be types");
            }
        }
        let bases = if bases.is_empty() {
            vec![self.types.object]
        } else {
            bases
        };
        let n = self.text(name).to_string();
        let id = self.make_class(&n, bases, ns, false)?;
        Ok(Value::Obj(id))
    }

    /// Push a finished class, first running a base's `__init_subclass__`
    /// when one is defined in Python.
    pub(crate) fn finish_class(&mut self, st: &mut ExecState, cls: Value, kwargs: Value) -> R<()> {
        let key = Vm::key_of("__init_subclass__");
        let hook = cls
            .obj()
            .and_then(|c| self.class(c))
            .map(|c| c.mro[1..].to_vec())
            .unwrap_or_default()
            .into_iter()
            .find_map(|k| {
                self.class(k)
                    .and_then(|c| self.dict_ref(c.dict))
                    .and_then(|d| d.get(&key))
            });
        let init_subclass =
            matches!(hook, Some(Value::Obj(h)) if matches!(self.heap.get(h), Obj::Function(_)));
        let set_name = cls
            .obj()
            .and_then(|c| self.class(c))
            .and_then(|c| self.dict_ref(c.dict))
            .is_some_and(|d| {
                d.map
                    .values()
                    .any(|(_, v)| self.has_user_method(*v, "__set_name__"))
            });
        if init_subclass || set_name {
            let f = self.prelude_fn("_class_hooks")?;
            let a = vec![cls, kwargs, Value::Bool(init_subclass)];
            return self.call(st, f, Args::new(a), Then::Push);
        }
        push_top(st, cls);
        Ok(())
    }

    pub(crate) fn exec_import_name(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let fromlist = f.pop();
        let level = f.pop();
        let name = f.code.code.names[i as usize].clone();
        let top_name = name.split('.').next().unwrap_or("").to_string();
        if top_name == name {
            return match self.import_module(st, &name, true)? {
                Some(m) => {
                    push_top(st, Value::Obj(m));
                    Ok(())
                }
                None => Ok(()),
            };
        }
        // `import a.b`: the package, then the submodule, each loaded by
        // running this instruction again once its body has run.
        for part in [&top_name, &name] {
            if self.dict_get_str(self.modules, part).is_none()
                && self.import_module(st, part, false)?.is_none()
            {
                let caller = st
                    .frames
                    .len()
                    .checked_sub(2)
                    .and_then(|i| st.frames.get_mut(i));
                if let Some(f) = caller {
                    f.push(level);
                    f.push(fromlist);
                    f.pc = f.pc.saturating_sub(1);
                }
                return Ok(());
            }
        }
        let (Some(Value::Obj(package)), Some(Value::Obj(sub))) = (
            self.dict_get_str(self.modules, &top_name),
            self.dict_get_str(self.modules, &name),
        ) else {
            return self.fail(
                ExcKind::ModuleNotFoundError,
                format!("No module named '{name}'"),
            );
        };
        if let (Some(d), Some(last)) = (self.module_dict(package), name.rsplit('.').next()) {
            self.dict_set_str(d, last, Value::Obj(sub));
        }
        let wants_sub = !matches!(fromlist, Value::None)
            && !matches!(self.heap.get_obj(fromlist), Some(Obj::Tuple(t)) if t.is_empty());
        push_top(st, Value::Obj(if wants_sub { sub } else { package }));
        Ok(())
    }

    /// Find or load module `name`. Returns the module when it is ready, or
    /// `None` when its body was pushed to run (its result is pushed when it returns).
    /// With `push`, the module is pushed when its body returns (an
    /// import's result); without, nothing is.
    pub(crate) fn import_module(
        &mut self,
        st: &mut ExecState,
        name: &str,
        push: bool,
    ) -> R<Option<ObjId>> {
        if let Some(Value::Obj(m)) = self.dict_get_str(self.modules, name) {
            return Ok(Some(m));
        }
        if let Some(m) = self.builtin_module(name)? {
            return Ok(Some(m));
        }
        let not_found = || format!("No module named '{name}'");
        // A dotted name is only one of the standard library's submodules
        // brine writes (`collections.abc`).
        let dotted = name.contains('.');
        if (dotted && crate::stdlib::source(name).is_none()) || self.compiler.is_none() {
            return self.fail(ExcKind::ModuleNotFoundError, not_found());
        }
        let mut found = None;
        for dir in self.search_path.iter().filter(|_| !dotted) {
            let p = dir.join(format!("{name}.py"));
            if p.is_file() {
                found = Some(p);
                break;
            }
        }
        let (source, filename) = match found {
            Some(path) => match std::fs::read_to_string(&path) {
                Ok(s) => (s, path.display().to_string()),
                Err(e) => {
                    return self.fail(
                        ExcKind::ImportError,
                        format!("cannot read {}: {e}", path.display()),
                    )
                }
            },
            // Modules of the standard library that brine writes in Python.
            None => match crate::stdlib::source(name) {
                Some(src) => (src.to_string(), format!("<brine {name}>")),
                None => return self.fail(ExcKind::ModuleNotFoundError, not_found()),
            },
        };
        let compiled = match &self.compiler {
            Some(c) => c.compile_module(&source, &filename),
            None => return self.fail(ExcKind::ModuleNotFoundError, not_found()),
        };
        let code = match compiled {
            Ok(c) => c,
            Err(e) => return Err(Ctl::Raise(self.syntax_error(&e))),
        };
        let code_id = self.load_code(code);
        let module = self.new_module(name, Some(&filename));
        let frame = self.module_frame(
            code_id,
            module,
            if push {
                Then::Import {
                    module,
                    push: Value::Obj(module),
                }
            } else {
                Then::Discard
            },
        )?;
        if st.frames.len() >= self.recursion_limit {
            return self.fail(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        st.frames.push(frame);
        Ok(None)
    }

    pub(crate) fn exec_import_from(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let m = f.top();
        let name = f.code.names[i as usize];
        let key = f.code.name_keys[i as usize].clone();
        match self.getattr_key(m, name, &key) {
            Ok(v) => {
                push_top(st, v);
                Ok(())
            }
            Err(Ctl::Raise(_)) => {
                let n = self.text(name).to_string();
                let (mname, file) = match m {
                    Value::Obj(id) => match self.heap.get(id) {
                        Obj::Module(md) => {
                            let d = md.dict;
                            let mn = self.text(md.name).to_string();
                            let file = self
                                .dict_get_str(d, "__file__")
                                .map(|v| self.text(v).to_string());
                            (mn, file)
                        }
                        _ => (String::new(), None),
                    },
                    _ => (String::new(), None),
                };
                let loc = file.unwrap_or_else(|| "unknown location".to_string());
                self.fail(
                    ExcKind::ImportError,
                    format!("cannot import name '{n}' from '{mname}' ({loc})"),
                )
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn exec_import_star(&mut self, st: &mut ExecState) -> R<()> {
        let f = top(st)?;
        let m = f.pop();
        let target = f.namespace.unwrap_or(f.globals);
        let Value::Obj(mid) = m else { return Ok(()) };
        let Obj::Module(md) = self.heap.get(mid) else {
            return Ok(());
        };
        let entries: Vec<(crate::objects::dict::HKey, (Value, Value))> =
            match self.heap.get(md.dict) {
                Obj::Dict(d) => d.map.iter().map(|(k, v)| (k.clone(), *v)).collect(),
                _ => Vec::new(),
            };
        for (hk, (k, v)) in entries {
            if self.text(k).starts_with('_') {
                continue;
            }
            if let Obj::Dict(d) = self.heap.get_mut(target) {
                d.insert(hk, k, v);
            }
        }
        Ok(())
    }
}
