//! Generators (`yield`, `yield from`) and coroutines (`async def`, `await`).

use brine_vm::code::flags;

use super::{assert_ops, code_of, compile, error};

#[test]
fn yield_makes_a_generator_and_sends_come_back_as_values() {
    let code = compile("def g():\n    x = yield 1\n    yield\n    yield from h()\n    return x\n");
    let g = code_of(&code, "g");
    assert_eq!(g.flags, flags::GENERATOR);
    assert_ops(
        g,
        &[
            "LoadConst 1",
            "YieldValue",
            "StoreFast x",
            "LoadConst None",
            "YieldValue",
            "PopTop",
            "LoadGlobal h",
            "Call 0",
            "GetYieldFromIter",
            "LoadConst None",
            "YieldFrom",
            "PopTop",
            "LoadFast x",
            "ReturnValue",
        ],
    );
}

#[test]
fn async_def_makes_a_coroutine_and_await_delegates() {
    let code = compile("async def c():\n    return await d()\n");
    let c = code_of(&code, "c");
    assert_eq!(c.flags, flags::COROUTINE);
    assert_ops(
        c,
        &[
            "LoadGlobal d",
            "Call 0",
            "GetAwaitable",
            "LoadConst None",
            "YieldFrom",
            "ReturnValue",
        ],
    );
}

#[test]
fn async_generators_and_async_loops_are_refused_by_name() {
    for (src, line, msg) in [
        (
            "async def f():\n    yield 1\n",
            2,
            "async generators are not supported yet",
        ),
        (
            "async def f():\n    async for x in y:\n        pass\n",
            2,
            "'async for' is not supported yet",
        ),
        (
            "async def f():\n    async with y:\n        pass\n",
            2,
            "'async with' is not supported yet",
        ),
        (
            "async def f():\n    return [x async for x in y]\n",
            2,
            "asynchronous comprehensions are not supported yet",
        ),
        (
            "async def f():\n    return [await x for x in y]\n",
            2,
            "asynchronous comprehensions are not supported yet",
        ),
        (
            "async def f():\n    yield from g()\n",
            2,
            "'yield from' inside async function",
        ),
    ] {
        let e = error(src);
        assert_eq!((e.line, e.message.as_str()), (line, msg), "{src:?}");
    }
}
