//! Classes: creation, the C3 method resolution order, and look-up along it.

use crate::heap::ObjId;
use crate::native::R;
use crate::object::{BaseKind, Class, Obj};
use crate::objects::dict::{Dict, HKey};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Look a name up along a class's MRO.
    #[inline]
    pub fn lookup(&self, class: ObjId, key: &HKey) -> Option<Value> {
        let Obj::Class(c) = self.heap.get(class) else {
            return None;
        };
        for &k in &c.mro {
            if let Obj::Class(kc) = self.heap.get(k) {
                if let Obj::Dict(d) = self.heap.get(kc.dict) {
                    if let Some(v) = d.get(key) {
                        return Some(v);
                    }
                }
            }
        }
        None
    }

    /// Look a name up along the MRO of `type(v)`.
    #[inline]
    pub fn lookup_type(&self, v: Value, key: &HKey) -> Option<Value> {
        self.lookup(self.type_of(v), key)
    }

    /// Look a special method up on `type(v)`, by Rust name.
    pub fn lookup_special(&self, v: Value, name: &str) -> Option<Value> {
        self.lookup_type(v, &Vm::key_of(name))
    }

    /// Whether a user-defined (Python) class along `type(v)`'s MRO defines `name`.
    pub fn has_user_method(&self, v: Value, name: &str) -> bool {
        matches!(self.lookup_special(v, name), Some(Value::Obj(id)) if matches!(self.heap.get(id), Obj::Function(_)))
    }

    /// Make a class object. `bases` empty means `(object,)`.
    pub fn make_class(
        &mut self,
        name: &str,
        bases: Vec<ObjId>,
        dict: ObjId,
        builtin: bool,
    ) -> R<ObjId> {
        let bases = if bases.is_empty() && !self.types.object.0 == 0 {
            vec![self.types.object]
        } else {
            bases
        };
        let mro_tail = self.c3_merge(&bases)?;
        let mut base_kind = BaseKind::Object;
        for b in &bases {
            if let Some(c) = self.class(*b) {
                if c.base_kind != BaseKind::Object {
                    base_kind = c.base_kind;
                }
            }
        }
        let name_v = self.new_str(name);
        // A `__qualname__` of the namespace names the class only if it is
        // a str (brine's own classes define a property of that name for
        // their instances).
        let qualname = match self.heap.get(dict) {
            Obj::Dict(d) => d
                .get(&Vm::key_of("__qualname__"))
                .filter(|q| self.str_of(*q).is_some())
                .unwrap_or(name_v),
            _ => name_v,
        };
        let id = self.heap.alloc(Obj::Class(Box::new(Class {
            name: name_v,
            qualname,
            bases,
            mro: Vec::new(),
            dict,
            base_kind,
            builtin,
            meta: self.types.type_,
        })));
        let mut mro = vec![id];
        mro.extend(mro_tail);
        if let Obj::Class(c) = self.heap.get_mut(id) {
            c.mro = mro;
        }
        Ok(id)
    }

    /// Make a built-in class during bootstrap.
    pub(crate) fn make_builtin_class(&mut self, name: &str, bases: Vec<ObjId>) -> ObjId {
        let dict = self.new_dict();
        let name_v = self.intern(name);
        let mut mro = Vec::new();
        for b in &bases {
            if let Some(c) = self.class(*b) {
                for m in &c.mro {
                    if !mro.contains(m) {
                        mro.push(*m);
                    }
                }
            }
        }
        let base_kind = bases
            .first()
            .and_then(|b| self.class(*b))
            .map(|c| c.base_kind)
            .unwrap_or(BaseKind::Object);
        let id = self.heap.alloc(Obj::Class(Box::new(Class {
            name: name_v,
            qualname: name_v,
            bases,
            mro: Vec::new(),
            dict,
            base_kind,
            builtin: true,
            meta: self.types.type_,
        })));
        mro.insert(0, id);
        if let Obj::Class(c) = self.heap.get_mut(id) {
            c.mro = mro;
        }
        id
    }

    /// C3 linearisation of the bases' MROs (without the class itself).
    fn c3_merge(&mut self, bases: &[ObjId]) -> R<Vec<ObjId>> {
        let mut seqs: Vec<Vec<ObjId>> = Vec::new();
        for b in bases {
            match self.class(*b) {
                Some(c) => seqs.push(c.mro.clone()),
                None => return self.fail(ExcKind::TypeError, "bases must be types"),
            }
        }
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let candidate = seqs
                .iter()
                .map(|s| s[0])
                .find(|c| seqs.iter().all(|s| !s[1..].contains(c)));
            let Some(c) = candidate else {
                let names: Vec<String> = bases.iter().map(|b| self.class_name(*b)).collect();
                return self.fail(
                    ExcKind::TypeError,
                    format!(
                        "Cannot create a consistent method resolution order (MRO) for bases {}",
                        names.join(", ")
                    ),
                );
            };
            out.push(c);
            for s in &mut seqs {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }

    /// Set a name in a class's namespace.
    pub fn class_set(&mut self, class: ObjId, name: &str, v: Value) {
        let key_v = self.intern(name);
        let dict = match self.heap.get(class) {
            Obj::Class(c) => c.dict,
            _ => return,
        };
        if let Obj::Dict(d) = self.heap.get_mut(dict) {
            d.insert(Vm::key_of(name), key_v, v);
        }
    }

    /// Set a name in a dict object.
    pub fn dict_set_str(&mut self, dict: ObjId, name: &str, v: Value) {
        let key_v = self.intern(name);
        if let Obj::Dict(d) = self.heap.get_mut(dict) {
            d.insert(Vm::key_of(name), key_v, v);
        }
    }

    /// Get a name from a dict object.
    pub fn dict_get_str(&self, dict: ObjId, name: &str) -> Option<Value> {
        match self.heap.get(dict) {
            Obj::Dict(d) => d.get(&Vm::key_of(name)),
            _ => None,
        }
    }

    /// The dict inside a dict object (empty for anything else).
    pub fn dict_ref(&self, id: ObjId) -> Option<&Dict> {
        match self.heap.get(id) {
            Obj::Dict(d) => Some(d),
            _ => None,
        }
    }
}
