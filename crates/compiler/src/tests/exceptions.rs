//! `try`/`except`/`else`/`finally`, `raise`, and `with`.

use super::{assert_ops, code_of, compile};

#[test]
fn handlers_match_then_bind_and_unbind_the_name_on_every_way_out() {
    let code = compile(
        "try:\n    f()\nexcept (A, B) as e:\n    g(e)\nexcept C:\n    pass\nelse:\n    h()\n",
    );
    assert_ops(
        &code,
        &[
            "SetupExcept 9",
            "LoadName f",
            "Call 0",
            "PopTop",
            "PopBlock",
            "LoadName h",
            "Call 0",
            "PopTop",
            "Jump 37",
            // [exc]
            "LoadName A",
            "LoadName B",
            "BuildTuple 2",
            "CheckExcMatch",
            "PopJumpIfFalse 30",
            "StoreName e",
            "SetupExcept 26",
            "LoadName g",
            "LoadName e",
            "Call 1",
            "PopTop",
            "PopBlock",
            "PopExcept",
            "LoadConst None",
            "StoreName e",
            "DeleteName e",
            "Jump 37",
            // raised in the handler: unbind e, raise on
            "LoadConst None",
            "StoreName e",
            "DeleteName e",
            "Reraise",
            "LoadName C",
            "CheckExcMatch",
            "PopJumpIfFalse 36",
            "PopTop",
            "PopExcept",
            "Jump 37",
            // nothing matched
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 3);
}

#[test]
fn finally_runs_on_both_paths_and_bare_raise_reraises() {
    let code = compile("try:\n    f()\nfinally:\n    k()\n");
    assert_ops(
        &code,
        &[
            "SetupExcept 9",
            "LoadName f",
            "Call 0",
            "PopTop",
            "PopBlock",
            "LoadName k",
            "Call 0",
            "PopTop",
            "Jump 13",
            "LoadName k",
            "Call 0",
            "PopTop",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let code = compile("try:\n    f()\nexcept:\n    raise\n");
    assert_ops(
        &code,
        &[
            "SetupExcept 6",
            "LoadName f",
            "Call 0",
            "PopTop",
            "PopBlock",
            "Jump 11",
            "PopTop",
            "Raise 0",
            "PopExcept",
            "Jump 11",
            "Reraise",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn try_except_else_finally_nests_the_except_inside_the_finally() {
    let code = compile("try:\n    a()\nexcept E:\n    b()\nelse:\n    c()\nfinally:\n    d()\n");
    let ops = super::ops(&code);
    assert_eq!(ops[0], "SetupExcept 25");
    assert_eq!(ops[1], "SetupExcept 10");
    assert_eq!(ops.iter().filter(|o| *o == "LoadName d").count(), 2);
}

#[test]
fn with_calls_exit_with_nones_or_with_the_exception() {
    let code = compile("with open(p) as f:\n    f.read()\n");
    assert_ops(
        &code,
        &[
            "LoadName open",
            "LoadName p",
            "Call 1",
            "BeforeWith",
            "StoreName f",
            "SetupExcept 17",
            "LoadName f",
            "LoadMethod read",
            "CallMethod 0",
            "PopTop",
            "PopBlock",
            "LoadConst None",
            "Copy 1",
            "Copy 1",
            "Call 3",
            "PopTop",
            "Jump 23",
            // [exit, exc]
            "WithExceptStart",
            "PopJumpIfTrue 20",
            "Reraise",
            "PopTop",
            "PopExcept",
            "PopTop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 4);
}

#[test]
fn return_through_with_and_except_cleans_up_each_block() {
    let code = compile(
        "def g(x):\n    with open(x) as f, lock:\n        try:\n            yield f.read()\n        except OSError as e:\n            return e\n",
    );
    let ops = super::ops(code_of(&code, "g"));
    let ret = ops.iter().position(|o| o == "LoadFast e").unwrap();
    assert_eq!(
        ops[ret..ret + 21],
        [
            "LoadFast e",
            "PopBlock",
            "PopExcept",
            "LoadConst None",
            "StoreFast e",
            "DeleteFast e",
            "PopBlock",
            "Swap 2",
            "LoadConst None",
            "Copy 1",
            "Copy 1",
            "Call 3",
            "PopTop",
            "PopBlock",
            "Swap 2",
            "LoadConst None",
            "Copy 1",
            "Copy 1",
            "Call 3",
            "PopTop",
            "ReturnValue",
        ]
    );
}
