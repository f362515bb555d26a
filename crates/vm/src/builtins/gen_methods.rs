//! Methods of generators and coroutines: `send`, `throw`, `close`, `__next__`.

use crate::builtins::def;
use crate::frame::GenMode;
use crate::heap::ObjId;
use crate::native::{Args, Ctl, GenInput, NativeDef, NativeKind::Method as M, R};
use crate::object::{GenState, Obj};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("generator.send", M, send),
    def("generator.throw", M, throw),
    def("generator.close", M, close),
    def("generator.__next__", M, next),
    def("generator.__iter__", M, iter_self),
    def("coroutine.send", M, send),
    def("coroutine.throw", M, throw),
    def("coroutine.close", M, close),
    def("iterator.__next__", M, iter_next),
    def("iterator.__iter__", M, iter_self),
];

fn gen_id(vm: &mut Vm, args: &Args) -> R<ObjId> {
    match args.pos.first() {
        Some(Value::Obj(id)) if matches!(vm.heap.get(*id), Obj::Generator(_)) => Ok(*id),
        _ => vm.fail(ExcKind::TypeError, "descriptor requires a generator"),
    }
}

fn send(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("send", &args, 2, 2)?;
    let gen = gen_id(vm, &args)?;
    Err(Ctl::resume(gen, GenInput::Send(args.pos[1]), GenMode::Next))
}

fn next(vm: &mut Vm, args: Args) -> R<Value> {
    let gen = gen_id(vm, &args)?;
    Err(Ctl::resume(gen, GenInput::Send(Value::None), GenMode::Next))
}

fn iter_self(_: &mut Vm, args: Args) -> R<Value> {
    Ok(args.pos.first().copied().unwrap_or(Value::None))
}

fn iter_next(vm: &mut Vm, args: Args) -> R<Value> {
    let it = args.pos.first().copied().unwrap_or(Value::None);
    match vm.iter_next_native(it)? {
        Some(v) => Ok(v),
        None => {
            let c = vm.types.exc(ExcKind::StopIteration);
            Err(Ctl::Raise(vm.new_exc_with_args(c, vec![])))
        }
    }
}

fn throw(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("throw", &args, 2, 4)?;
    let gen = gen_id(vm, &args)?;
    let t = args.pos[1];
    let exc = if vm.is_exception(t) {
        t
    } else if let Some(c) = t.obj().filter(|c| vm.class(*c).is_some()) {
        let a: Vec<Value> = args
            .pos
            .get(2)
            .copied()
            .filter(|v| *v != Value::None)
            .into_iter()
            .collect();
        if let Some(v) = a.first().copied().filter(|v| vm.is_exception(*v)) {
            v
        } else {
            vm.new_exc_with_args(c, a)
        }
    } else {
        return vm.fail(
            ExcKind::TypeError,
            "exceptions must be classes or instances deriving from BaseException, not str",
        );
    };
    Err(Ctl::resume(gen, GenInput::Throw(exc), GenMode::Next))
}

fn close(vm: &mut Vm, args: Args) -> R<Value> {
    let gen = gen_id(vm, &args)?;
    let state = match vm.heap.get(gen) {
        Obj::Generator(g) => g.state,
        _ => GenState::Finished,
    };
    if state != GenState::Suspended {
        if let Obj::Generator(g) = vm.heap.get_mut(gen) {
            g.state = GenState::Finished;
            g.frame = None;
        }
        return Ok(Value::None);
    }
    let exc = vm.new_exc_with_args(vm.types.exc(ExcKind::GeneratorExit), vec![]);
    Err(Ctl::resume(gen, GenInput::Throw(exc), GenMode::Close))
}
