//! Loading code and modules: code objects into the heap, module objects,
//! module frames, and the built-in modules.

use std::rc::Rc;

use crate::code::{CodeObject, Const};
use crate::frame::{ExecState, Frame, Then};
use crate::heap::ObjId;
use crate::native::R;
use crate::object::{Module, Obj, Singleton};
use crate::objects::code::CodeData;
use crate::source::SyntaxErrorInfo;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Put a code object (and the code objects among its constants) in the heap.
    pub fn load_code(&mut self, code: CodeObject) -> ObjId {
        let data = self.code_data(code, &[]);
        self.heap.alloc(Obj::Code(Rc::new(data)))
    }

    /// A code object as the VM holds it. The constants at the indices
    /// `linked` names are the code objects given there, already in the
    /// heap (how a loaded pickle shares nested code); the others are made
    /// from `code.consts`.
    pub fn code_data(&mut self, code: CodeObject, linked: &[(usize, ObjId)]) -> CodeData {
        let consts: Vec<Value> = code
            .consts
            .iter()
            .enumerate()
            .map(|(i, c)| match linked.iter().find(|(j, _)| *j == i) {
                Some((_, id)) => Value::Obj(*id),
                None => self.const_value(c),
            })
            .collect();
        let names: Vec<Value> = code.names.iter().map(|n| self.intern(n)).collect();
        let name_keys = code.names.iter().map(|n| Vm::key_of(n)).collect();
        let global_hints = code
            .names
            .iter()
            .map(|_| std::cell::Cell::new(u32::MAX))
            .collect();
        let method_hints = code
            .names
            .iter()
            .map(|_| std::cell::Cell::new((u32::MAX, u32::MAX)))
            .collect();
        let cell2arg = code
            .cellvars
            .iter()
            .map(|c| {
                code.varnames[..code.total_args().min(code.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let has_handlers = code
            .instructions
            .iter()
            .any(|i| matches!(i, crate::bytecode::Instr::SetupExcept(_)));
        CodeData {
            has_handlers,
            code,
            consts,
            names,
            name_keys,
            cell2arg,
            invalid: false,
            global_hints,
            method_hints,
        }
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => self.int_from_big(b.clone()),
            Const::Float(f) => Value::Float(*f),
            Const::Str(s) => {
                if s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    self.intern(s)
                } else {
                    self.new_str(s)
                }
            }
            Const::Bytes(b) => self.alloc(Obj::Bytes(b.clone().into())),
            Const::Tuple(items) => {
                let vs = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(vs)
            }
            Const::Ellipsis => self.ellipsis,
            Const::Code(code) => Value::Obj(self.load_code((**code).clone())),
        }
    }

    /// A new module registered in `sys.modules`.
    pub fn new_module(&mut self, name: &str, file: Option<&str>) -> ObjId {
        let dict = self.new_dict();
        let name_v = self.new_str(name);
        self.dict_set_str(dict, "__name__", name_v);
        self.dict_set_str(dict, "__doc__", Value::None);
        if let Some(f) = file {
            let fv = self.new_str(f);
            self.dict_set_str(dict, "__file__", fv);
        }
        let m = self.heap.alloc(Obj::Module(Module { name: name_v, dict }));
        self.dict_set_str(self.modules, name, Value::Obj(m));
        m
    }

    /// The namespace dict of a module.
    pub fn module_dict(&self, module: ObjId) -> Option<ObjId> {
        match self.heap.get(module) {
            Obj::Module(m) => Some(m.dict),
            _ => None,
        }
    }

    /// A frame that runs `code` as the body of `module`.
    pub fn module_frame(&mut self, code: ObjId, module: ObjId, then: Then) -> R<Frame> {
        let Obj::Code(c) = self.heap.get(code) else {
            return self.fail(ExcKind::SystemError, "not a code object");
        };
        let c = c.clone();
        let Some(globals) = self.module_dict(module) else {
            return self.fail(ExcKind::SystemError, "not a module");
        };
        let nlocals = c.code.varnames.len();
        let mut slots = self.take_slots(nlocals + c.code.max_stack as usize);
        slots.resize(nlocals, Value::Undef);
        let mut cells = Vec::new();
        for _ in 0..c.ncells() {
            cells.push(self.heap.alloc(Obj::Cell(Value::Undef)));
        }
        Ok(Frame {
            code_id: code,
            code: c,
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

    /// An execution state that runs `code` as module `name`'s body (the
    /// main program when `name` is `__main__`).
    pub fn start_module(&mut self, code: CodeObject, name: &str) -> R<ExecState> {
        let file = code.filename.clone();
        let code_id = self.load_code(code);
        let module = self.new_module(name, Some(&file));
        let frame = self.module_frame(code_id, module, Then::Finish)?;
        Ok(ExecState {
            frames: vec![frame],
            ..ExecState::default()
        })
    }

    /// An execution state that calls `callee(*args)`; it finishes with the result.
    pub fn start_call(&mut self, callee: Value, args: Vec<Value>) -> R<ExecState> {
        let args = self.new_tuple(args);
        self.start_call_kw(callee, args, Value::None)
    }

    /// An execution state that calls `callee(*args, **kwargs)` (a tuple, and
    /// a dict or `None`) when it first runs; it finishes with the result.
    /// The call's own errors (a wrong argument count) are raised by that
    /// first run.
    pub fn start_call_kw(&mut self, callee: Value, args: Value, kwargs: Value) -> R<ExecState> {
        let code = self.host_call_code(kwargs != Value::None);
        let module = match self.dict_get_str(self.modules, "builtins") {
            Some(Value::Obj(m)) => m,
            _ => self.new_module("builtins", None),
        };
        let mut frame = self.module_frame(code, module, Then::Finish)?;
        frame.nlocals = 3;
        frame.slots.clear();
        frame.slots.extend([callee, args, kwargs]);
        Ok(ExecState {
            frames: vec![frame],
            ..ExecState::default()
        })
    }

    /// The code at the bottom of every [`Vm::start_call_kw`] state:
    /// `return f(*args, **kwargs)`, or `return f(*args)`; each made once.
    fn host_call_code(&mut self, with_kwargs: bool) -> ObjId {
        if let Some(id) = self.host_call[usize::from(with_kwargs)] {
            return id;
        }
        use crate::bytecode::Instr;
        let mut instructions = vec![Instr::LoadFast(0), Instr::LoadFast(1)];
        if with_kwargs {
            instructions.push(Instr::LoadFast(2));
        }
        instructions.extend([Instr::CallEx(with_kwargs), Instr::ReturnValue]);
        let code = CodeObject {
            name: "<call>".into(),
            qualname: "<call>".into(),
            filename: "<brine>".into(),
            first_line: 1,
            flags: crate::code::flags::HOST_CALL,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            lines: vec![1; instructions.len()],
            instructions,
            consts: vec![],
            names: vec![],
            varnames: vec!["f".into(), "args".into(), "kwargs".into()],
            cellvars: vec![],
            freevars: vec![],
            max_stack: 3,
        };
        let id = self.load_code(code);
        self.host_call[usize::from(with_kwargs)] = Some(id);
        id
    }

    /// A `SyntaxError` (or `IndentationError`) exception for a compile error.
    pub fn syntax_error(&mut self, e: &SyntaxErrorInfo) -> Value {
        let kind = if e.kind == "IndentationError" {
            ExcKind::IndentationError
        } else {
            ExcKind::SyntaxError
        };
        let exc = self.new_exc(kind, &e.message);
        let file = self.new_str(&e.filename);
        let text = self.new_str(&e.text);
        let key_file = self.intern("filename");
        let key_line = self.intern("lineno");
        let key_text = self.intern("text");
        let key_msg = self.intern("msg");
        let msg = self.new_str(&e.message);
        let dict = match exc {
            Value::Obj(id) => match self.heap.get(id) {
                Obj::Instance(i) => Some(i.dict),
                _ => None,
            },
            _ => None,
        };
        if let Some(Obj::Dict(d)) = dict.map(|d| self.heap.get_mut(d)) {
            d.insert(Vm::key_of("filename"), key_file, file);
            d.insert(
                Vm::key_of("lineno"),
                key_line,
                Value::Int(i64::from(e.line)),
            );
            d.insert(Vm::key_of("text"), key_text, text);
            d.insert(Vm::key_of("msg"), key_msg, msg);
        }
        exc
    }

    /// A built-in module by name (`sys`, `math`, or one registered by a higher layer).
    pub fn builtin_module(&mut self, name: &str) -> R<Option<ObjId>> {
        let prefix = format!("{name}.");
        let defs: Vec<(&'static str, crate::native::NativeId)> = self
            .natives
            .iter()
            .enumerate()
            .filter(|(_, d)| d.name.starts_with(&prefix) && !d.name[prefix.len()..].contains('.'))
            .map(|(i, d)| (d.name, crate::native::NativeId(i as u16)))
            .collect();
        let init = self.module_inits.get(name).copied();
        let known = matches!(name, "sys" | "math" | "time") || !defs.is_empty() || init.is_some();
        if !known || name == "builtins" {
            return Ok(None);
        }
        let m = self.new_module(name, None);
        let Some(dict) = self.module_dict(m) else {
            return Ok(None);
        };
        for (full, id) in defs {
            let short = &full[prefix.len()..];
            let f = self.alloc(Obj::Native {
                id,
                self_: Value::Undef,
            });
            self.dict_set_str(dict, short, f);
        }
        crate::builtins::modules::init_module(self, name, dict);
        if let Some(init) = init {
            init(self, dict);
        }
        Ok(Some(m))
    }

    /// `NotImplemented` and `Ellipsis` objects, made at bootstrap.
    pub(crate) fn make_singletons(&mut self) {
        self.not_implemented = self.alloc(Obj::Singleton(Singleton::NotImplemented));
        self.ellipsis = self.alloc(Obj::Singleton(Singleton::Ellipsis));
    }
}
