//! Functions, lambdas, decorators, closures, `global` and `nonlocal`.

use brine_vm::code::flags;
use brine_vm::Const;

use super::{assert_ops, code_of, compile};

#[test]
fn signatures_lay_out_varnames_and_defaults() {
    let code = compile("def f(a, b=1, /, c=2, *args, d, e=x, **kw):\n    'doc'\n    return a\n");
    assert_ops(
        &code,
        &[
            "LoadConst (1, 2)",
            "LoadConst \"e\"",
            "LoadName x",
            "BuildMap 1",
            "LoadConst <code f>",
            "MakeFunction 3",
            "StoreName f",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let f = code_of(&code, "f");
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 2, 2));
    assert_eq!(f.flags, flags::VARARGS | flags::VARKEYWORDS);
    assert_eq!(f.varnames, ["a", "b", "c", "d", "e", "args", "kw"]);
    // The docstring is consts[0], as in CPython.
    assert_eq!(f.consts[0], Const::Str("doc".into()));
    assert_ops(f, &["LoadFast a", "ReturnValue"]);
}

#[test]
fn decorators_are_evaluated_first_and_applied_innermost_first() {
    let code = compile("@dec1\n@dec2(3)\ndef f():\n    pass\n");
    assert_ops(
        &code,
        &[
            "LoadName dec1",
            "LoadName dec2",
            "LoadConst 3",
            "Call 1",
            "LoadConst <code f>",
            "MakeFunction 0",
            "Call 1",
            "Call 1",
            "StoreName f",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let f = code_of(&code, "f");
    assert_eq!(f.first_line, 1);
    assert_eq!(f.consts[0], Const::None);
    assert_ops(f, &["LoadConst None", "ReturnValue"]);
}

#[test]
fn captured_variables_become_cells_and_nonlocal_writes_them() {
    let code = compile("def outer(a):\n    b = 1\n    def inner():\n        nonlocal b\n        b += a\n        return b\n    return inner\n");
    let outer = code_of(&code, "outer");
    assert_eq!(outer.cellvars, ["a", "b"]);
    // A parameter that is a cell keeps its varnames slot.
    assert_eq!(outer.varnames, ["a", "inner"]);
    assert_ops(
        outer,
        &[
            "LoadConst 1",
            "StoreDeref b",
            "LoadClosure a",
            "LoadClosure b",
            "BuildTuple 2",
            "LoadConst <code outer.<locals>.inner>",
            "MakeFunction 8",
            "StoreFast inner",
            "LoadFast inner",
            "ReturnValue",
        ],
    );
    let inner = code_of(&code, "inner");
    assert_eq!(inner.qualname, "outer.<locals>.inner");
    assert_eq!(inner.freevars, ["a", "b"]);
    assert_eq!(inner.flags, flags::NESTED);
    assert_ops(
        inner,
        &[
            "LoadDeref b",
            "LoadDeref a",
            "InplaceOp Add",
            "StoreDeref b",
            "LoadDeref b",
            "ReturnValue",
        ],
    );
}

#[test]
fn free_variables_pass_through_the_scopes_between() {
    // `x` is read two functions down: the middle one passes the cell on.
    let code = compile("def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n");
    assert_eq!(code_of(&code, "a").cellvars, ["x"]);
    let b = code_of(&code, "b");
    assert_eq!(b.freevars, ["x"]);
    assert_eq!(&super::ops(b)[..2], ["LoadClosure x", "BuildTuple 1"]);
    assert_eq!(code_of(&code, "c").freevars, ["x"]);
}

#[test]
fn lambdas_are_functions_returning_their_expression() {
    let code = compile("f = lambda x, y=2: x + y\ng = lambda: (yield)\n");
    let lam = code_of(&code, "<lambda>");
    assert_eq!(lam.consts[0], Const::None);
    assert_ops(
        lam,
        &["LoadFast x", "LoadFast y", "BinaryOp Add", "ReturnValue"],
    );
    assert_eq!(
        &super::ops(&code)[..3],
        [
            "LoadConst (2,)",
            "LoadConst <code <lambda>>",
            "MakeFunction 1"
        ]
    );
}

#[test]
fn qualified_names_follow_cpython() {
    let code = compile("def f():\n    def g():\n        return lambda: 1\n    class C:\n        def m(self):\n            return [x for x in self]\n    return g, C\n");
    for q in [
        "f",
        "f.<locals>.g",
        "f.<locals>.g.<locals>.<lambda>",
        "f.<locals>.C",
        "f.<locals>.C.m",
        "f.<locals>.C.m.<locals>.<listcomp>",
    ] {
        code_of(&code, q);
    }
    let code = compile("def f():\n    global g\n    def g():\n        pass\n");
    assert_eq!(code_of(&code, "g").qualname, "g");
}
