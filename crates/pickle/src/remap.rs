//! Replacing placeholders: the objects Python calls made while loading
//! take the place of their entries' placeholders in every loaded object.

use brine_vm::frame::{GenMode, Then};
use brine_vm::objects::iter::IterState;
use brine_vm::{Frame, Obj, ObjId, Value, Vm};
use rustc_hash::FxHashMap;

/// Replace every reference to a key of `forward` in the objects `ids`.
pub(crate) fn remap_all(vm: &mut Vm, ids: &[ObjId], forward: &FxHashMap<ObjId, ObjId>) {
    if forward.is_empty() {
        return;
    }
    let m = |id: &mut ObjId| {
        if let Some(to) = forward.get(id) {
            *id = *to;
        }
    };
    for id in ids {
        if forward.contains_key(id) {
            continue;
        }
        remap_obj(vm.heap.get_mut(*id), &m);
    }
}

fn val(v: &mut Value, m: &dyn Fn(&mut ObjId)) {
    if let Value::Obj(id) = v {
        m(id);
    }
}

fn vals(vs: &mut [Value], m: &dyn Fn(&mut ObjId)) {
    for v in vs {
        val(v, m);
    }
}

fn remap_obj(o: &mut Obj, m: &dyn Fn(&mut ObjId)) {
    match o {
        Obj::Tuple(v) | Obj::List(v) => vals(v, m),
        Obj::Dict(d) => {
            for (k, v) in d.map.values_mut() {
                val(k, m);
                val(v, m);
            }
        }
        Obj::Slice { start, stop, step } => {
            val(start, m);
            val(stop, m);
            val(step, m);
        }
        Obj::Function(f) => {
            m(&mut f.code);
            m(&mut f.globals);
            vals(&mut f.defaults, m);
            f.kwdefaults.iter_mut().for_each(m);
            f.closure.iter_mut().for_each(m);
            f.dict.iter_mut().for_each(m);
            val(&mut f.module, m);
            val(&mut f.doc, m);
        }
        Obj::Native { self_, .. } => val(self_, m),
        Obj::Method { func, self_ } => {
            val(func, m);
            val(self_, m);
        }
        Obj::Class(c) => {
            c.bases.iter_mut().for_each(m);
            c.mro.iter_mut().for_each(m);
            m(&mut c.dict);
            m(&mut c.meta);
        }
        Obj::Instance(i) => {
            m(&mut i.class);
            m(&mut i.dict);
            val(&mut i.base, m);
            if let Some(e) = &mut i.exc {
                val(&mut e.args, m);
                val(&mut e.cause, m);
                val(&mut e.context, m);
            }
        }
        Obj::Module(md) => m(&mut md.dict),
        Obj::Cell(v) | Obj::StaticMethod(v) | Obj::ClassMethod(v) => val(v, m),
        Obj::Generator(g) => {
            if let Some(f) = &mut g.frame {
                remap_frame(f, m);
            }
        }
        Obj::Iter(it) => match it.as_mut() {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => m(seq),
            IterState::Dict { dict, .. } => m(dict),
            IterState::Set { set, .. } => m(set),
            IterState::Enumerate { it, .. } => val(it, m),
            IterState::Zip { its } => vals(its, m),
            _ => {}
        },
        Obj::View { dict, .. } => m(dict),
        Obj::Property { fget, fset, fdel } => {
            val(fget, m);
            val(fset, m);
            val(fdel, m);
        }
        Obj::Super { class, obj } => {
            m(class);
            val(obj, m);
        }
        Obj::Host(h) => {
            m(&mut h.class);
            let any: &mut dyn std::any::Any = h.data.as_mut();
            if let Some(t) = any.downcast_mut::<brine_sched::Tasklet>() {
                val(&mut t.tempval, m);
                val(&mut t.context, m);
                if let brine_sched::Resume::Throw(e) = &mut t.resume {
                    val(e, m);
                }
                if let brine_sched::Place::Channel { channel, .. } = &mut t.place {
                    m(channel);
                }
                for f in &mut t.state.frames {
                    remap_frame(f, m);
                }
            } else if let Some(c) = any.downcast_mut::<brine_sched::Channel>() {
                c.queue.iter_mut().for_each(m);
            } else if let Some(f) = any.downcast_mut::<brine_vm::frame_object::FrameInfo>() {
                m(&mut f.code);
                m(&mut f.globals);
                val(&mut f.locals, m);
                val(&mut f.back, m);
            }
        }
        _ => {}
    }
}

/// Replace references in a frame and its continuation.
pub(crate) fn remap_frame(f: &mut Frame, m: &dyn Fn(&mut ObjId)) {
    vals(&mut f.slots, m);
    f.cells.iter_mut().for_each(m);
    vals(&mut f.handling, m);
    m(&mut f.globals);
    f.namespace.iter_mut().for_each(m);
    remap_then(&mut f.then, m);
}

fn remap_then(t: &mut Then, m: &dyn Fn(&mut ObjId)) {
    match t {
        Then::InitPush { instance } => val(instance, m),
        Then::InitCheck { instance, next } => {
            val(instance, m);
            remap_then(next, m);
        }
        Then::TruthJump { keep, .. } => val(keep, m),
        Then::BinaryRight { lhs, rhs, .. }
        | Then::InplaceFallback { lhs, rhs, .. }
        | Then::BinaryFail { lhs, rhs, .. }
        | Then::CompareRight { lhs, rhs, .. }
        | Then::CompareFail { lhs, rhs, .. } => {
            val(lhs, m);
            val(rhs, m);
        }
        Then::Gen { gen, mode, next } => {
            m(gen);
            if let GenMode::NextDefault { default } = mode {
                val(default, m);
            }
            remap_then(next, m);
        }
        Then::BuildClass {
            meta,
            name,
            bases,
            ns,
            kwargs,
        } => {
            val(meta, m);
            val(name, m);
            val(bases, m);
            m(ns);
            val(kwargs, m);
        }
        Then::Import { module, push } => {
            m(module);
            val(push, m);
        }
        _ => {}
    }
}
