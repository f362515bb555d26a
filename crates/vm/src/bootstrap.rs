//! Making a VM: the built-in types, the exception hierarchy, the built-in
//! function table, the `builtins` namespace and the prelude.

use crate::frame::ExecState;
use crate::heap::{Heap, ObjId};
use crate::interp::RunOutcome;
use crate::native::NativeId;
use crate::object::{BaseKind, Obj};
use crate::source::SourceCompiler;
use crate::types::{Types, EXCEPTIONS};
use crate::value::Value;
use crate::vm::Vm;

/// Built-ins written in Python: the parts of built-in functions that call
/// back into user code, so that they run as ordinary frames.
pub const PRELUDE: &str = include_str!("prelude.py");

/// Why a VM could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    /// The prelude did not compile.
    #[error("the prelude does not compile: {0}")]
    PreludeSyntax(String),
    /// The prelude raised while running.
    #[error("the prelude failed to run")]
    PreludeFailed,
}

impl Vm {
    /// A VM with every built-in ready. Without a compiler, `import` of `.py`
    /// files is unavailable and the prelude's functions are missing (code
    /// that needs them raises `SystemError`).
    ///
    /// # Errors
    /// When the prelude cannot be compiled or run (a bug in brine).
    pub fn new(compiler: Option<Box<dyn SourceCompiler>>) -> Result<Vm, BootError> {
        let mut heap = Heap::new();
        let placeholder = ObjId(0);
        let dummy = heap.alloc(Obj::Dict(Default::default()));
        let types = Types {
            object: placeholder,
            type_: placeholder,
            int: placeholder,
            bool_: placeholder,
            float: placeholder,
            str_: placeholder,
            bytes: placeholder,
            list: placeholder,
            tuple: placeholder,
            dict: placeholder,
            set: placeholder,
            frozenset: placeholder,
            range: placeholder,
            slice: placeholder,
            none: placeholder,
            function: placeholder,
            builtin_function: placeholder,
            method: placeholder,
            code: placeholder,
            module: placeholder,
            cell: placeholder,
            generator: placeholder,
            coroutine: placeholder,
            iterator: placeholder,
            property: placeholder,
            staticmethod: placeholder,
            classmethod: placeholder,
            super_: placeholder,
            dict_keys: placeholder,
            dict_values: placeholder,
            dict_items: placeholder,
            not_implemented: placeholder,
            ellipsis: placeholder,
            exc: Vec::new(),
        };
        let mut vm = Vm::from_parts(heap, types, dummy, dummy);
        vm.builtins = vm.new_dict();
        vm.modules = vm.new_dict();
        vm.make_types();
        vm.make_singletons();
        for def in crate::builtins::all_natives() {
            vm.register_native(def);
        }
        vm.install_natives();
        vm.fill_builtins();
        vm.compiler = compiler;
        vm.load_prelude()?;
        Ok(vm)
    }

    fn make_types(&mut self) {
        let object = self.make_builtin_class("object", vec![]);
        let type_ = self.make_builtin_class("type", vec![object]);
        // Every class made from here on is an instance of `type`.
        self.types.type_ = type_;
        let mk = |vm: &mut Vm, name: &str| vm.make_builtin_class(name, vec![object]);
        let int = mk(self, "int");
        let bool_ = self.make_builtin_class("bool", vec![int]);
        let t = Types {
            object,
            type_,
            int,
            bool_,
            float: mk(self, "float"),
            str_: mk(self, "str"),
            bytes: mk(self, "bytes"),
            list: mk(self, "list"),
            tuple: mk(self, "tuple"),
            dict: mk(self, "dict"),
            set: mk(self, "set"),
            frozenset: mk(self, "frozenset"),
            range: mk(self, "range"),
            slice: mk(self, "slice"),
            none: mk(self, "NoneType"),
            function: mk(self, "function"),
            builtin_function: mk(self, "builtin_function_or_method"),
            method: mk(self, "method"),
            code: mk(self, "code"),
            module: mk(self, "module"),
            cell: mk(self, "cell"),
            generator: mk(self, "generator"),
            coroutine: mk(self, "coroutine"),
            iterator: mk(self, "iterator"),
            property: mk(self, "property"),
            staticmethod: mk(self, "staticmethod"),
            classmethod: mk(self, "classmethod"),
            super_: mk(self, "super"),
            dict_keys: mk(self, "dict_keys"),
            dict_values: mk(self, "dict_values"),
            dict_items: mk(self, "dict_items"),
            not_implemented: mk(self, "NotImplementedType"),
            ellipsis: mk(self, "ellipsis"),
            exc: Vec::new(),
        };
        self.types = t;
        let type_ = self.types.type_;
        for id in [object, type_] {
            if let Obj::Class(c) = self.heap.get_mut(id) {
                c.meta = type_;
            }
        }
        for c in [
            self.types.int,
            self.types.bool_,
            self.types.float,
            self.types.str_,
            self.types.bytes,
            self.types.list,
            self.types.tuple,
            self.types.dict,
            self.types.set,
            self.types.frozenset,
        ] {
            if let Obj::Class(cl) = self.heap.get_mut(c) {
                cl.base_kind = BaseKind::Value;
            }
        }
        let mut exc: Vec<ObjId> = Vec::new();
        for (kind, name, base) in EXCEPTIONS {
            let base = match base {
                Some(b) => exc[*b as usize],
                None => object,
            };
            let id = self.make_builtin_class(name, vec![base]);
            if let Obj::Class(cl) = self.heap.get_mut(id) {
                cl.base_kind = BaseKind::Exception;
            }
            debug_assert_eq!(exc.len(), *kind as usize);
            exc.push(id);
        }
        self.types.exc = exc;
    }

    /// The class a built-in's dotted name puts it on (`"str.upper"` -> str).
    fn owner_class(&self, owner: &str) -> Option<ObjId> {
        let t = &self.types;
        Some(match owner {
            "object" => t.object,
            "type" => t.type_,
            "int" => t.int,
            "bool" => t.bool_,
            "float" => t.float,
            "str" => t.str_,
            "bytes" => t.bytes,
            "list" => t.list,
            "tuple" => t.tuple,
            "dict" => t.dict,
            "set" => t.set,
            "frozenset" => t.frozenset,
            "range" => t.range,
            "slice" => t.slice,
            "property" => t.property,
            "staticmethod" => t.staticmethod,
            "classmethod" => t.classmethod,
            "super" => t.super_,
            "generator" => t.generator,
            "coroutine" => t.coroutine,
            "iterator" => t.iterator,
            "BaseException" => t.exc(crate::types::ExcKind::BaseException),
            _ => return None,
        })
    }

    /// Put every registered built-in method on its class and every
    /// `builtins.*` function in the builtins namespace.
    pub fn install_natives(&mut self) {
        let defs: Vec<(usize, &'static str)> = self
            .natives
            .iter()
            .enumerate()
            .map(|(i, d)| (i, d.name))
            .collect();
        for (i, name) in defs {
            let Some((owner, attr)) = name.rsplit_once('.') else {
                continue;
            };
            let v = self.alloc(Obj::Native {
                id: NativeId(i as u16),
                self_: Value::Undef,
            });
            if owner == "builtins" {
                self.dict_set_str(self.builtins, attr, v);
            } else if let Some(c) = self.owner_class(owner) {
                self.class_set(c, attr, v);
            }
        }
    }

    fn fill_builtins(&mut self) {
        let b = self.builtins;
        let t = self.types.clone();
        for (name, id) in [
            ("object", t.object),
            ("type", t.type_),
            ("int", t.int),
            ("bool", t.bool_),
            ("float", t.float),
            ("str", t.str_),
            ("bytes", t.bytes),
            ("list", t.list),
            ("tuple", t.tuple),
            ("dict", t.dict),
            ("set", t.set),
            ("frozenset", t.frozenset),
            ("range", t.range),
            ("slice", t.slice),
            ("property", t.property),
            ("staticmethod", t.staticmethod),
            ("classmethod", t.classmethod),
            ("super", t.super_),
        ] {
            self.dict_set_str(b, name, Value::Obj(id));
        }
        for (kind, name, _) in EXCEPTIONS {
            let c = t.exc(*kind);
            self.dict_set_str(b, name, Value::Obj(c));
        }
        let ni = self.not_implemented;
        self.dict_set_str(b, "NotImplemented", ni);
        let el = self.ellipsis;
        self.dict_set_str(b, "Ellipsis", el);
        self.dict_set_str(b, "None", Value::None);
        self.dict_set_str(b, "True", Value::Bool(true));
        self.dict_set_str(b, "False", Value::Bool(false));
        let env = self.alias("EnvironmentError", crate::types::ExcKind::OSError);
        let _ = env;
        self.alias("IOError", crate::types::ExcKind::OSError);
        let name = self.new_str("builtins");
        self.dict_set_str(b, "__name__", name);
        let m = self
            .heap
            .alloc(Obj::Module(crate::object::Module { name, dict: b }));
        self.dict_set_str(self.modules, "builtins", Value::Obj(m));
        // `super` is a type whose call goes through the `builtins.super` built-in.
        if let Some(sup) = self.dict_get_str(b, "super") {
            let _ = sup;
            let f = self.native_value("builtins.super");
            self.dict_set_str(b, "super", f);
        }
    }

    fn alias(&mut self, name: &str, kind: crate::types::ExcKind) -> Value {
        let v = Value::Obj(self.types.exc(kind));
        self.dict_set_str(self.builtins, name, v);
        v
    }

    fn load_prelude(&mut self) -> Result<(), BootError> {
        let Some(compiler) = &self.compiler else {
            return Ok(());
        };
        let code = compiler
            .compile_module(PRELUDE, "<prelude>")
            .map_err(|e| BootError::PreludeSyntax(format!("line {}: {}", e.line, e.message)))?;
        let mut st: ExecState = self
            .start_module(code, "__prelude__")
            .map_err(|_| BootError::PreludeFailed)?;
        let dict = st.frames.first().map(|f| f.globals);
        match self.run(&mut st, u64::MAX) {
            RunOutcome::Finished(_) => {}
            _ => return Err(BootError::PreludeFailed),
        }
        if let Some(d) = dict {
            self.prelude = d;
        }
        Ok(())
    }
}
