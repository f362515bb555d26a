//! Generators (`yield`, `yield from`) and coroutines (`async def`, `await`).

use brine_vm::code::flags;

use super::{assert_ops, code_of, compile, error, ops};

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
fn misplaced_async_constructs_are_syntax_errors() {
    for (src, line, msg) in [
        (
            "async def f():\n    yield from g()\n",
            2,
            "'yield from' inside async function",
        ),
        (
            "async def f():\n    yield 1\n    return 2\n",
            3,
            "'return' with value in async generator",
        ),
        (
            "def f():\n    async for x in y:\n        pass\n",
            2,
            "'async for' outside async function",
        ),
        (
            "def f():\n    async with y:\n        pass\n",
            2,
            "'async with' outside async function",
        ),
        (
            "def f():\n    return [x async for x in y]\n",
            2,
            "asynchronous comprehension outside of an asynchronous function",
        ),
    ] {
        let e = error(src);
        assert_eq!((e.line, e.message.as_str()), (line, msg), "{src:?}");
    }
}

#[test]
fn an_async_generator_wraps_what_it_yields() {
    let code = compile("async def f():\n    x = yield 1\n");
    let f = code_of(&code, "f");
    assert_ne!(f.flags & flags::ASYNC_GENERATOR, 0);
    assert_eq!(f.flags & flags::COROUTINE, 0);
    assert_eq!(
        ops(f)[..4],
        ["LoadConst 1", "AsyncGenWrap", "YieldValue", "StoreFast x"]
    );
}

#[test]
fn async_for_awaits_each_anext_until_stop_async_iteration() {
    let code = compile("async def f(y):\n    async for x in y:\n        pass\n");
    assert_eq!(
        ops(code_of(&code, "f")),
        [
            "LoadFast y",
            "GetAIter",
            "SetupExcept 10",
            "GetANext",
            "GetAwaitable",
            "LoadConst None",
            "YieldFrom",
            "PopBlock",
            "StoreFast x",
            "Jump 2",
            "EndAsyncFor",
            "LoadConst None",
            "ReturnValue",
        ]
    );
}
