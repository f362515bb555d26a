//! Assignment: targets, unpacking, augmented assignment, annotations, `del`.

use super::{assert_ops, code_of, compile};

#[test]
fn unpacking_nests_and_stars_and_chains_copy_the_value() {
    let code = compile("a, (b, *c) = x\nfirst, *rest = y\na = b = f()\n");
    assert_ops(
        &code,
        &[
            "LoadName x",
            "UnpackSequence 2",
            "StoreName a",
            "UnpackEx { before: 1, after: 0 }",
            "StoreName b",
            "StoreName c",
            "LoadName y",
            "UnpackEx { before: 1, after: 0 }",
            "StoreName first",
            "StoreName rest",
            "LoadName f",
            "Call 0",
            "Copy 1",
            "StoreName a",
            "StoreName b",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn augmented_assignment_evaluates_the_target_once() {
    let code = compile("d[k] += 1\no.attr -= 2\nn *= 3\n");
    assert_ops(
        &code,
        &[
            "LoadName d",
            "LoadName k",
            "Copy 2",
            "Copy 2",
            "BinarySubscr",
            "LoadConst 1",
            "InplaceOp Add",
            "Swap 3",
            "Swap 2",
            "StoreSubscr",
            "LoadName o",
            "Copy 1",
            "LoadAttr attr",
            "LoadConst 2",
            "InplaceOp Sub",
            "Swap 2",
            "StoreAttr attr",
            "LoadName n",
            "LoadConst 3",
            "InplaceOp Mul",
            "StoreName n",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 4);
}

#[test]
fn del_unbinds_and_bare_annotations_of_attributes_evaluate_the_object() {
    let code = compile("def f():\n    o.p: int\n    del d[k], o.attr, n\n");
    assert_ops(
        code_of(&code, "f"),
        &[
            "LoadGlobal o",
            "PopTop",
            "LoadGlobal d",
            "LoadGlobal k",
            "DeleteSubscr",
            "LoadGlobal o",
            "DeleteAttr attr",
            "DeleteFast n",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn module_and_class_bodies_record_annotations() {
    // Plain names and strings are evaluated; other annotations are kept as
    // their source text.
    let code = compile(
        "x: int = 1\ny: list[int]\nclass P:\n    a: 'str'\n    if c:\n        b: m.T = 2\n",
    );
    assert_eq!(
        super::ops(&code)[..12],
        [
            "BuildMap 0",
            "StoreName __annotations__",
            "LoadConst 1",
            "StoreName x",
            "LoadName int",
            "LoadName __annotations__",
            "LoadConst \"x\"",
            "StoreSubscr",
            "LoadConst \"list[int]\"",
            "LoadName __annotations__",
            "LoadConst \"y\"",
            "StoreSubscr",
        ]
    );
    assert_ops(
        code_of(&code, "P"),
        &[
            "LoadName __name__",
            "StoreName __module__",
            "LoadConst \"P\"",
            "StoreName __qualname__",
            "BuildMap 0",
            "StoreName __annotations__",
            "LoadConst \"str\"",
            "LoadName __annotations__",
            "LoadConst \"a\"",
            "StoreSubscr",
            "LoadName c",
            "PopJumpIfFalse 19",
            "LoadConst 2",
            "StoreName b",
            "LoadName m",
            "LoadAttr T",
            "LoadName __annotations__",
            "LoadConst \"b\"",
            "StoreSubscr",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    // Functions evaluate none.
    let code = compile("def f():\n    z: undefined = 3\n");
    assert_ops(
        code_of(&code, "f"),
        &[
            "LoadConst 3",
            "StoreFast z",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn function_locals_are_fast_and_declared_globals_are_global() {
    let code = compile("def f():\n    global g\n    x = 1\n    del x\n    g = x\n    return g\n");
    let f = code_of(&code, "f");
    assert_ops(
        f,
        &[
            "LoadConst 1",
            "StoreFast x",
            "DeleteFast x",
            "LoadFast x",
            "StoreGlobal g",
            "LoadGlobal g",
            "ReturnValue",
        ],
    );
    // An annotated name is local even without a value, as in CPython.
    let code = compile("def f():\n    x: int\n    return x\n");
    assert_ops(code_of(&code, "f"), &["LoadFast x", "ReturnValue"]);
}
