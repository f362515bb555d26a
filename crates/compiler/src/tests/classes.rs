//! Classes: `__build_class__`, the body's namespace, `super()` and the
//! `__class__` cell, private name mangling.

use super::{assert_ops, code_of, compile};

#[test]
fn a_class_is_built_from_its_body_function_bases_and_keywords() {
    let code = compile(
        "class A(B, metaclass=M):\n    '''doc'''\n    def m(self):\n        return super().m()\n",
    );
    assert_ops(
        &code,
        &[
            "LoadBuildClass",
            "LoadConst <code A>",
            "MakeFunction 0",
            "LoadConst \"A\"",
            "LoadName B",
            "LoadName M",
            "LoadConst (\"metaclass\",)",
            "CallKw 4",
            "StoreName A",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let a = code_of(&code, "A");
    assert_eq!(a.cellvars, ["__class__"]);
    assert_ops(
        a,
        &[
            "LoadName __name__",
            "StoreName __module__",
            "LoadConst \"A\"",
            "StoreName __qualname__",
            "LoadConst \"doc\"",
            "StoreName __doc__",
            "LoadClosure __class__",
            "BuildTuple 1",
            "LoadConst <code A.m>",
            "MakeFunction 8",
            "StoreName m",
            "LoadClosure __class__",
            "ReturnValue",
        ],
    );
    let m = code_of(&code, "A.m");
    assert_eq!(m.freevars, ["__class__"]);
    assert_ops(
        m,
        &[
            "LoadGlobal super",
            "Call 0",
            "LoadMethod m",
            "CallMethod 0",
            "ReturnValue",
        ],
    );
}

#[test]
fn without_super_the_body_returns_none() {
    let code = compile("class C:\n    x = 1\n    def f(self):\n        return x\n");
    let c = code_of(&code, "C");
    assert!(c.cellvars.is_empty());
    assert_eq!(
        &super::ops(c)[super::ops(c).len() - 2..],
        ["LoadConst None", "ReturnValue"]
    );
    // Methods do not see class attributes as variables.
    assert_ops(code_of(&code, "C.f"), &["LoadGlobal x", "ReturnValue"]);
}

#[test]
fn class_bases_may_be_unpacked_and_private_names_are_mangled() {
    let code = compile("class C(*bases, **kw):\n    __slots = 1\n    def f(self, __p):\n        return self.__slots, __p, __dunder__\n");
    assert_ops(
        &code,
        &[
            "LoadBuildClass",
            "LoadConst <code C>",
            "MakeFunction 0",
            "LoadConst \"C\"",
            "BuildList 2",
            "LoadName bases",
            "ListExtend 1",
            "ListToTuple",
            "BuildMap 0",
            "LoadName kw",
            "DictMerge 1",
            "CallEx true",
            "StoreName C",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert!(super::has(code_of(&code, "C"), "StoreName _C__slots"));
    let f = code_of(&code, "C.f");
    assert_eq!(f.varnames, ["self", "_C__p"]);
    assert_ops(
        f,
        &[
            "LoadFast self",
            "LoadAttr _C__slots",
            "LoadFast _C__p",
            "LoadGlobal __dunder__",
            "BuildTuple 3",
            "ReturnValue",
        ],
    );
}

#[test]
fn a_class_in_a_function_reads_its_free_variables_through_the_namespace_first() {
    let code = compile("def f():\n    x = 1\n    class C:\n        y = x\n        def g(self):\n            return x\n    return C\n");
    let c = code_of(&code, "f.<locals>.C");
    assert_eq!(c.freevars, ["x"]);
    assert!(super::has(c, "LoadClassDeref x"));
    // The class passes the cell on to its method.
    assert!(super::has(c, "LoadClosure x"));
    assert_ops(
        code_of(&code, "f.<locals>.C.g"),
        &["LoadDeref x", "ReturnValue"],
    );
}

#[test]
fn a_class_name_a_method_also_reads_from_outside_stays_in_the_namespace() {
    let code = compile("def outer():\n    b = 1\n    class C:\n        b = 2\n        def get(self):\n            return b\n    return C\n");
    let c = code_of(&code, "outer.<locals>.C");
    assert_eq!(c.freevars, ["b"]);
    assert!(super::has(c, "StoreName b"));
    assert!(super::has(c, "LoadClosure b"));
}
