//! Name instructions: globals, class and module namespaces, cells.

use crate::frame::ExecState;
use crate::heap::ObjId;
use crate::interp::{push_top, top};
use crate::native::R;
use crate::object::Obj;
use crate::objects::dict::HKey;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The value inside a cell, mutably.
    #[inline]
    pub(crate) fn cell_mut(&mut self, cell: ObjId) -> &mut Value {
        match self.heap.get_mut(cell) {
            Obj::Cell(v) => v,
            other => {
                // A frame's cells are always cells; anything else is replaced.
                *other = Obj::Cell(Value::Undef);
                match other {
                    Obj::Cell(v) => v,
                    _ => unreachable!("just made a cell"),
                }
            }
        }
    }

    /// The value inside a cell.
    #[inline]
    pub(crate) fn cell_get(&self, cell: ObjId) -> Value {
        match self.heap.get(cell) {
            Obj::Cell(v) => *v,
            _ => Value::Undef,
        }
    }

    fn dict_lookup(&self, dict: ObjId, key: &HKey) -> Option<Value> {
        match self.heap.get(dict) {
            Obj::Dict(d) => d.get(key),
            _ => None,
        }
    }

    fn name_error(&mut self, name: &str) -> crate::native::Ctl {
        self.err(ExcKind::NameError, format!("name '{name}' is not defined"))
    }

    fn free_var_error(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let code = &f.code.code;
        let i = i as usize;
        let (name, free) = if i < code.cellvars.len() {
            (code.cellvars[i].clone(), false)
        } else {
            (
                code.freevars
                    .get(i - code.cellvars.len())
                    .cloned()
                    .unwrap_or_default(),
                true,
            )
        };
        if free {
            self.fail(
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.fail(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    pub(crate) fn exec_load_deref(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let cell = top(st)?.cells[i as usize];
        let v = self.cell_get(cell);
        if v.is_undef() {
            return self.free_var_error(st, i);
        }
        push_top(st, v);
        Ok(())
    }

    pub(crate) fn exec_load_class_deref(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let code = &f.code.code;
        let idx = i as usize;
        let name = if idx < code.cellvars.len() {
            &code.cellvars[idx]
        } else {
            &code.freevars[idx - code.cellvars.len()]
        };
        if let Some(ns) = f.namespace {
            if let Some(v) = self.dict_lookup(ns, &Vm::key_of(name)) {
                push_top(st, v);
                return Ok(());
            }
        }
        self.exec_load_deref(st, i)
    }

    pub(crate) fn exec_load_global(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let key = &f.code.name_keys[i as usize];
        // The entry where the name was found last time, if it still holds it.
        if let Obj::Dict(d) = self.heap.get(f.globals) {
            let hint = &f.code.global_hints[i as usize];
            if let Some((k, (_, v))) = d.map.get_index(hint.get() as usize) {
                if k.same_str(key) {
                    let v = *v;
                    f.push(v);
                    return Ok(());
                }
            }
            if let Some((idx, _, (_, v))) = d.map.get_full(key) {
                hint.set(idx as u32);
                let v = *v;
                f.push(v);
                return Ok(());
            }
        }
        let v = self.dict_lookup(self.builtins, key);
        match v {
            Some(v) => {
                f.push(v);
                Ok(())
            }
            None => {
                let name = f.code.code.names[i as usize].clone();
                Err(self.name_error(&name))
            }
        }
    }

    pub(crate) fn exec_load_name(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let key = &f.code.name_keys[i as usize];
        let v = f
            .namespace
            .and_then(|ns| self.dict_lookup(ns, key))
            .or_else(|| self.dict_lookup(f.globals, key))
            .or_else(|| self.dict_lookup(self.builtins, key));
        match v {
            Some(v) => {
                f.push(v);
                Ok(())
            }
            None => {
                let name = f.code.code.names[i as usize].clone();
                Err(self.name_error(&name))
            }
        }
    }

    fn store_in(&mut self, dict: ObjId, key: HKey, name: Value, v: Value) {
        if let Obj::Dict(d) = self.heap.get_mut(dict) {
            d.insert(key, name, v);
        }
    }

    pub(crate) fn exec_store_name(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let dict = f.namespace.unwrap_or(f.globals);
        let key = f.code.name_keys[i as usize].clone();
        let name = f.code.names[i as usize];
        self.store_in(dict, key, name, v);
        Ok(())
    }

    pub(crate) fn exec_store_global(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        let f = top(st)?;
        let v = f.pop();
        let dict = f.globals;
        let key = f.code.name_keys[i as usize].clone();
        let name = f.code.names[i as usize];
        self.store_in(dict, key, name, v);
        Ok(())
    }

    fn delete_in(&mut self, st: &mut ExecState, i: u32, global: bool) -> R<()> {
        let f = top(st)?;
        let dict = if global {
            f.globals
        } else {
            f.namespace.unwrap_or(f.globals)
        };
        let key = f.code.name_keys[i as usize].clone();
        let name = f.code.code.names[i as usize].clone();
        let removed = match self.heap.get_mut(dict) {
            Obj::Dict(d) => d.remove(&key).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.name_error(&name))
        }
    }

    pub(crate) fn exec_delete_name(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        self.delete_in(st, i, false)
    }

    pub(crate) fn exec_delete_global(&mut self, st: &mut ExecState, i: u32) -> R<()> {
        self.delete_in(st, i, true)
    }
}
