//! `for` and `while` with `break` and `continue`, also through `try`,
//! `finally`, `except` and `with` blocks, and `return` out of them.

use super::{assert_ops, code_of, compile};

#[test]
fn for_loops_pop_the_iterator_on_break_and_skip_else() {
    let code = compile("for x in xs:\n    if x:\n        break\n    continue\nelse:\n    done()\n");
    assert_ops(
        &code,
        &[
            "LoadName xs",
            "GetIter",
            "ForIter 10",
            "StoreName x",
            "LoadName x",
            "PopJumpIfFalse 8",
            "PopTop",
            "Jump 13",
            "Jump 2",
            "Jump 2",
            "LoadName done",
            "Call 0",
            "PopTop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_and_continue_run_the_finally_body_on_their_way_out() {
    let code = compile("while a:\n    try:\n        if b:\n            continue\n        break\n    finally:\n        f()\n");
    assert_ops(
        &code,
        &[
            "LoadName a",
            "PopJumpIfFalse 25",
            "SetupExcept 20",
            "LoadName b",
            "PopJumpIfFalse 10",
            // continue: leave the try, run finally, back to the test
            "PopBlock",
            "LoadName f",
            "Call 0",
            "PopTop",
            "Jump 0",
            // break: the same, then past the loop
            "PopBlock",
            "LoadName f",
            "Call 0",
            "PopTop",
            "Jump 25",
            // the normal way out of the try
            "PopBlock",
            "LoadName f",
            "Call 0",
            "PopTop",
            "Jump 24",
            // the exceptional way
            "LoadName f",
            "Call 0",
            "PopTop",
            "Reraise",
            "Jump 0",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_out_of_with_calls_exit_and_out_of_except_ends_the_handling() {
    let code = compile("for x in xs:\n    with m as v:\n        break\n");
    assert_ops(
        &code,
        &[
            "LoadName xs",
            "GetIter",
            "ForIter 30",
            "StoreName x",
            "LoadName m",
            "BeforeWith",
            "StoreName v",
            "SetupExcept 23",
            "PopBlock",
            "LoadConst None",
            "Copy 1",
            "Copy 1",
            "Call 3",
            "PopTop",
            "PopTop",
            "Jump 30",
            "PopBlock",
            "LoadConst None",
            "Copy 1",
            "Copy 1",
            "Call 3",
            "PopTop",
            "Jump 29",
            "WithExceptStart",
            "PopJumpIfTrue 26",
            "Reraise",
            "PopTop",
            "PopExcept",
            "PopTop",
            "Jump 2",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 5);
    let code = compile("for x in xs:\n    try:\n        pass\n    except E:\n        break\n");
    assert_ops(
        &code,
        &[
            "LoadName xs",
            "GetIter",
            "ForIter 18",
            "StoreName x",
            "SetupExcept 7",
            "PopBlock",
            "Jump 17",
            "LoadName E",
            "CheckExcMatch",
            "PopJumpIfFalse 16",
            "PopTop",
            "PopExcept",
            "PopTop",
            "Jump 18",
            "PopExcept",
            "Jump 17",
            "Reraise",
            "Jump 2",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn return_keeps_its_value_on_top_while_blocks_unwind() {
    let code = compile("def f():\n    for x in xs:\n        try:\n            return x\n        finally:\n            g()\n");
    assert_ops(
        code_of(&code, "f"),
        &[
            "LoadGlobal xs",
            "GetIter",
            "ForIter 23",
            "StoreFast x",
            "SetupExcept 18",
            "LoadFast x",
            "PopBlock",
            "LoadGlobal g",
            "Call 0",
            "PopTop",
            "Swap 2",
            "PopTop",
            "ReturnValue",
            "PopBlock",
            "LoadGlobal g",
            "Call 0",
            "PopTop",
            "Jump 22",
            "LoadGlobal g",
            "Call 0",
            "PopTop",
            "Reraise",
            "Jump 2",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn break_in_a_finally_run_for_a_return_drops_the_return_value() {
    let code = compile("def f():\n    for x in xs:\n        try:\n            return x\n        finally:\n            break\n    return 0\n");
    let f = code_of(&code, "f");
    // return x: PopBlock, then the finally body (`break`: drop the value,
    // drop the iterator, leave the loop).
    assert_eq!(
        super::ops(f)[5..10],
        ["LoadFast x", "PopBlock", "PopTop", "PopTop", "Jump 23"]
    );
}

#[test]
fn nested_finally_bodies_unwind_with_the_blocks_around_them() {
    // The inner finally's `return` must also run the outer finally.
    let code = compile(
        "def f():\n    try:\n        try:\n            pass\n        finally:\n            return 1\n    finally:\n        g()\n",
    );
    let ops = super::ops(code_of(&code, "f"));
    let calls = ops.iter().filter(|o| *o == "LoadGlobal g").count();
    assert!(calls >= 3, "{ops:?}");
}
