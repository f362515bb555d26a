//! Comprehensions and generator expressions: nested functions of `.0`.

use brine_vm::code::flags;

use super::{assert_ops, code_of, compile};

#[test]
fn a_list_comprehension_calls_a_function_of_the_outermost_iterator() {
    let code = compile("a = [x * y for x in xs if x for y in ys]\n");
    assert_ops(
        &code,
        &[
            "LoadConst <code <listcomp>>",
            "MakeFunction 0",
            "LoadName xs",
            "GetIter",
            "Call 1",
            "StoreName a",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let lc = code_of(&code, "<listcomp>");
    assert_eq!((lc.argcount, lc.varnames[0].as_str()), (1, ".0"));
    assert_ops(
        lc,
        &[
            "BuildList 0",
            "LoadFast .0",
            "ForIter 16",
            "StoreFast x",
            "LoadFast x",
            "PopJumpIfFalse 2",
            "LoadGlobal ys",
            "GetIter",
            "ForIter 15",
            "StoreFast y",
            "LoadFast x",
            "LoadFast y",
            "BinaryOp Mul",
            "ListAppend 3",
            "Jump 8",
            "Jump 2",
            "ReturnValue",
        ],
    );
    assert_eq!(lc.max_stack, 5);
}

#[test]
fn dict_set_and_generator_forms() {
    let code = compile("b = {k: v for k, v in d}\nc = {s for s in t}\ng = (i for i in r)\n");
    assert_ops(
        code_of(&code, "<dictcomp>"),
        &[
            "BuildMap 0",
            "LoadFast .0",
            "ForIter 10",
            "UnpackSequence 2",
            "StoreFast k",
            "StoreFast v",
            "LoadFast k",
            "LoadFast v",
            "MapAdd 2",
            "Jump 2",
            "ReturnValue",
        ],
    );
    assert_ops(
        code_of(&code, "<setcomp>"),
        &[
            "BuildSet 0",
            "LoadFast .0",
            "ForIter 7",
            "StoreFast s",
            "LoadFast s",
            "SetAdd 2",
            "Jump 2",
            "ReturnValue",
        ],
    );
    let g = code_of(&code, "<genexpr>");
    assert_eq!(g.flags, flags::GENERATOR);
    assert_ops(
        g,
        &[
            "LoadFast .0",
            "ForIter 7",
            "StoreFast i",
            "LoadFast i",
            "YieldValue",
            "PopTop",
            "Jump 1",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn walrus_in_a_comprehension_binds_in_the_enclosing_function() {
    let code = compile("def f(n):\n    return [y for x in range(n) if (y := x * n)]\n");
    let f = code_of(&code, "f");
    assert_eq!(f.cellvars, ["n", "y"]);
    let lc = code_of(&code, "f.<locals>.<listcomp>");
    assert_eq!(lc.freevars, ["n", "y"]);
    assert_eq!(lc.flags, flags::NESTED);
    assert!(super::has(lc, "StoreDeref y"));
    // At module level the target is a global of the comprehension.
    let code = compile("[y := x for x in z]\nprint(y)\n");
    assert!(super::has(code_of(&code, "<listcomp>"), "StoreGlobal y"));
}

#[test]
fn the_outermost_iterable_is_evaluated_in_the_enclosing_scope() {
    let code = compile("class C:\n    xs = [1]\n    ys = [x for x in xs]\n");
    let c = code_of(&code, "C");
    assert!(super::has(c, "LoadName xs"));
    assert!(!super::has(code_of(&code, "C.<listcomp>"), "LoadGlobal xs"));
}
