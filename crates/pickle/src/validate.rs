//! Checking what a load built before anything runs it: every reference an
//! object holds names an object of the kind the VM expects there.
//!
//! A reducer checks what it reads from its own entry; an object it refers
//! to may be built later, or replaced by the result of a Python call, so
//! kinds are checked here once the table is built, and again after
//! placeholders are replaced:
//!
//! ```text
//!  function   code is code, globals a dict, one cell per free variable
//!  frame      globals and namespace dicts, cells, handlers above the locals,
//!             a generator continuation names a generator
//!  generator  code is code, and its frame checks
//!  tasklet    its frames check, continuations jump inside the frame below;
//!             blocked on a channel, if on anything
//!  channel    queues tasklets
//!  class      bases and MRO are classes, its namespace a dict
//!  instance   its class is a class, its attributes a dict
//!  frame obj  its code is code, its globals a dict
//!  code       declares a stack of at most MAX_STACK values (a frame
//!             reserves it when it starts)
//! ```

use brine_sched::{Channel, Place, Tasklet};
use brine_vm::frame::{GenMode, Then, INVALID_PC};
use brine_vm::frame_object::FrameInfo;
use brine_vm::{CodeObject, Const, Frame, Obj, ObjId, Vm};

use crate::error::Error;

/// Why an object's reference is wrong: a message for [`Error::BadEntry`].
type Problem = &'static str;

/// Check every object of the table; `pending` says which entries are
/// placeholders still waiting for a Python call (not checked yet), `found`
/// which are objects of the VM's own that the pickle named (not checked).
pub(crate) fn check_all(
    vm: &Vm,
    ids: &[ObjId],
    tags: impl Fn(usize) -> String,
    pending: impl Fn(ObjId) -> bool,
    found: impl Fn(ObjId) -> bool,
) -> Result<(), Error> {
    let cx = Check { vm, pending };
    for (i, id) in ids.iter().enumerate() {
        if found(*id) {
            continue;
        }
        if let Err(message) = cx.object(*id) {
            return Err(Error::BadEntry {
                index: i,
                tag: tags(i),
                message: message.to_owned(),
            });
        }
    }
    Ok(())
}

struct Check<'a, P> {
    vm: &'a Vm,
    pending: P,
}

impl<P: Fn(ObjId) -> bool> Check<'_, P> {
    /// Whether `id` is of the kind `f` accepts (or not built yet).
    fn is(&self, id: ObjId, f: impl Fn(&Obj) -> bool) -> bool {
        (self.pending)(id) || f(self.vm.heap.get(id))
    }

    fn is_dict(&self, id: ObjId) -> bool {
        self.is(id, |o| matches!(o, Obj::Dict(_)))
    }

    fn is_class(&self, id: ObjId) -> bool {
        self.is(id, |o| matches!(o, Obj::Class(_)))
    }

    fn is_code(&self, id: ObjId) -> bool {
        matches!(self.vm.heap.get(id), Obj::Code(_))
    }

    fn object(&self, id: ObjId) -> Result<(), Problem> {
        match self.vm.heap.get(id) {
            Obj::Function(f) => {
                let Obj::Code(code) = self.vm.heap.get(f.code) else {
                    return Err("a function's code is not a code object");
                };
                if !self.is_dict(f.globals) {
                    return Err("a function's globals are not a dict");
                }
                if f.closure.len() != code.code.freevars.len()
                    || !f
                        .closure
                        .iter()
                        .all(|c| self.is(*c, |o| matches!(o, Obj::Cell(_))))
                {
                    return Err("a function's closure does not fit its code");
                }
                if !f
                    .kwdefaults
                    .into_iter()
                    .chain(f.dict)
                    .all(|d| self.is_dict(d))
                {
                    return Err("a function's keyword defaults or attributes are not a dict");
                }
                Ok(())
            }
            Obj::Generator(g) => {
                if !self.is_code(g.code) {
                    return Err("a generator's code is not a code object");
                }
                g.frame.as_deref().map_or(Ok(()), |f| self.frame(f))
            }
            Obj::Class(c) => {
                if !c.bases.iter().chain(&c.mro).all(|b| self.is_class(*b))
                    || !self.is_class(c.meta)
                {
                    return Err("a class's bases, MRO or metaclass are not classes");
                }
                if !self.is_dict(c.dict) {
                    return Err("a class's namespace is not a dict");
                }
                Ok(())
            }
            Obj::Instance(i) => {
                if !self.is_class(i.class) || !self.is_dict(i.dict) {
                    return Err("an instance's class or attributes are wrong");
                }
                Ok(())
            }
            Obj::Code(c) if !stack_fits(&c.code) => Err("a code object's max_stack is too large"),
            Obj::Module(m) if !self.is_dict(m.dict) => Err("a module's namespace is not a dict"),
            Obj::View { dict, .. } if !self.is_dict(*dict) => Err("a dict view of something else"),
            Obj::Super { class, .. } if !self.is_class(*class) => {
                Err("super() of something that is not a class")
            }
            Obj::Host(h) => {
                let any: &dyn std::any::Any = h.data.as_ref();
                if let Some(t) = any.downcast_ref::<Tasklet>() {
                    self.tasklet(t)
                } else if let Some(c) = any.downcast_ref::<Channel>() {
                    self.channel(c)
                } else if let Some(f) = any.downcast_ref::<FrameInfo>() {
                    if self.is_code(f.code) && self.is_dict(f.globals) {
                        Ok(())
                    } else {
                        Err("a frame object without code or globals")
                    }
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    fn frame(&self, f: &Frame) -> Result<(), Problem> {
        if !self.is_code(f.code_id) {
            return Err("a frame's code is not a code object");
        }
        if !self.is_dict(f.globals) || !f.namespace.is_none_or(|n| self.is_dict(n)) {
            return Err("a frame's globals or namespace are not a dict");
        }
        if !f
            .cells
            .iter()
            .all(|c| self.is(*c, |o| matches!(o, Obj::Cell(_))))
        {
            return Err("a frame's cells are not cells");
        }
        let top = f.nlocals as usize + f.code.code.max_stack as usize + 1;
        if f.pc != INVALID_PC
            && !f
                .handlers
                .iter()
                .all(|h| (f.nlocals as usize..=top).contains(&(h.depth as usize)))
        {
            return Err("a frame's handler does not fit its stack");
        }
        self.then(&f.then)
    }

    fn then(&self, t: &Then) -> Result<(), Problem> {
        match t {
            Then::InitCheck { next, .. } => self.then(next),
            Then::Gen { gen, next, .. } => {
                if !self.is(*gen, |o| matches!(o, Obj::Generator(_))) {
                    return Err("a generator continuation without a generator");
                }
                self.then(next)
            }
            Then::BuildClass { ns, .. } if !self.is_dict(*ns) => {
                Err("a class body continuation without a namespace dict")
            }
            Then::Import { module, .. } if !self.is(*module, |o| matches!(o, Obj::Module(_))) => {
                Err("an import continuation without a module")
            }
            _ => Ok(()),
        }
    }

    fn tasklet(&self, t: &Tasklet) -> Result<(), Problem> {
        let frames = &t.state.frames;
        for (i, f) in frames.iter().enumerate() {
            self.frame(f)?;
            // A frame's continuation jumps in the frame below it.
            let below = i.checked_sub(1).and_then(|b| frames.get(b));
            if below.is_some_and(|b| !jumps_fit(&f.then, b.code.code.instructions.len())) {
                return Err("a continuation jumps outside the code of the frame below");
            }
        }
        if let Some(then) = &t.state.pending {
            self.then(then)?;
            if frames
                .last()
                .is_some_and(|f| !jumps_fit(then, f.code.code.instructions.len()))
            {
                return Err("a continuation jumps outside the code of the frame below");
            }
        }
        if let Place::Channel { channel, .. } = t.place {
            if !self.is(channel, |_| {
                brine_sched::channel_of(self.vm, channel).is_some()
            }) {
                return Err("a tasklet blocked on something that is not a channel");
            }
        }
        Ok(())
    }

    fn channel(&self, c: &Channel) -> Result<(), Problem> {
        let tasklets = c
            .queue
            .iter()
            .all(|t| self.is(*t, |_| brine_sched::tasklet_of(self.vm, *t).is_some()));
        if !tasklets {
            return Err("a channel queues something that is not a tasklet");
        }
        Ok(())
    }
}

/// Whether every jump of a continuation is an instruction of a code `len` long.
fn jumps_fit(t: &Then, len: usize) -> bool {
    let fits = |target: u32| (target as usize) < len;
    match t {
        Then::TruthJump { target, .. } | Then::ForIter { target } => fits(*target),
        Then::InitCheck { next, .. } => jumps_fit(next, len),
        Then::Gen { mode, next, .. } => {
            let mode_fits = match mode {
                GenMode::ForIter { target } => fits(*target),
                _ => true,
            };
            mode_fits && jumps_fit(next, len)
        }
        _ => true,
    }
}

/// The largest `max_stack` a loaded code object may declare: a frame
/// reserves that many slots when it starts, so it must be bounded.
const MAX_STACK: u32 = 1 << 20;

/// Whether `code` and the code among its constants declare stacks within [`MAX_STACK`].
fn stack_fits(code: &CodeObject) -> bool {
    let mut todo = vec![code];
    while let Some(c) = todo.pop() {
        if c.max_stack > MAX_STACK {
            return false;
        }
        todo.extend(c.consts.iter().filter_map(|k| match k {
            Const::Code(inner) => Some(&**inner),
            _ => None,
        }));
    }
    true
}
