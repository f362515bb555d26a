//! Operators, literals, conditions, comparisons, displays.

use super::{assert_ops, compile};

#[test]
fn literals_fold_and_boolean_operators_short_circuit() {
    let code = compile(
        "x = -5\ny = not a\nz = a and b or c\nw = (1, -2.5, 's', None)\nv = x if c else y\n",
    );
    assert_ops(
        &code,
        &[
            "LoadConst -5",
            "StoreName x",
            "LoadName a",
            "UnaryOp Not",
            "StoreName y",
            "LoadName a",
            "JumpIfFalseOrPop 8",
            "LoadName b",
            "JumpIfTrueOrPop 10",
            "LoadName c",
            "StoreName z",
            "LoadConst (1, -2.5, \"s\", None)",
            "StoreName w",
            "LoadName c",
            "PopJumpIfFalse 17",
            "LoadName x",
            "Jump 18",
            "LoadName y",
            "StoreName v",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 1);
}

#[test]
fn chained_comparisons_evaluate_the_middle_once() {
    let code = compile("x = a < b < c\n");
    assert_ops(
        &code,
        &[
            "LoadName a",
            "LoadName b",
            "Swap 2",
            "Copy 2",
            "CompareOp Lt",
            "JumpIfFalseOrPop 9",
            "LoadName c",
            "CompareOp Lt",
            "Jump 11",
            "Swap 2",
            "PopTop",
            "StoreName x",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    assert_eq!(code.max_stack, 3);
    let code = compile("y = a is not b\nz = a not in b\n");
    assert_ops(
        &code,
        &[
            "LoadName a",
            "LoadName b",
            "IsOp true",
            "StoreName y",
            "LoadName a",
            "LoadName b",
            "ContainsOp true",
            "StoreName z",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn displays_unpack_starred_items_and_slices_build_slices() {
    let code = compile("x = {**d, 'k': 1}\ns = {a, *b}\nt = (a, *b)\nq = a[1:2, ::3]\n");
    assert_ops(
        &code,
        &[
            "BuildMap 0",
            "LoadName d",
            "DictUpdate 1",
            "LoadConst \"k\"",
            "LoadConst 1",
            "MapAdd 1",
            "StoreName x",
            "LoadName a",
            "BuildSet 1",
            "LoadName b",
            "SetUpdate 1",
            "StoreName s",
            "LoadName a",
            "BuildList 1",
            "LoadName b",
            "ListExtend 1",
            "ListToTuple",
            "StoreName t",
            "LoadName a",
            "LoadConst 1",
            "LoadConst 2",
            "BuildSlice 2",
            "LoadConst None",
            "LoadConst None",
            "LoadConst 3",
            "BuildSlice 3",
            "BuildTuple 2",
            "BinarySubscr",
            "StoreName q",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn constant_lists_load_one_tuple_and_big_displays_grow_item_by_item() {
    let code = compile("x = [1, 2, 3, 4]\nb = b'x' b'y'\n");
    assert_ops(
        &code,
        &[
            "BuildList 0",
            "LoadConst (1, 2, 3, 4)",
            "ListExtend 1",
            "StoreName x",
            "LoadConst b\"xy\"",
            "StoreName b",
            "LoadConst None",
            "ReturnValue",
        ],
    );
    let items: Vec<String> = (0..100).map(|i| format!("v{i}")).collect();
    let code = compile(&format!("x = [{}]\n", items.join(", ")));
    assert!(code.max_stack <= 31, "stack {}", code.max_stack);
    let pairs: Vec<String> = (0..100).map(|i| format!("k{i}: v{i}")).collect();
    let code = compile(&format!("x = {{{}}}\n", pairs.join(", ")));
    assert!(code.max_stack <= 32, "stack {}", code.max_stack);
}

#[test]
fn big_ints_and_floats_are_constants() {
    use brine_vm::Const;
    let code = compile(
        "a = 123456789012345678901234567890\nb = -9223372036854775808\nc = 0x_ff\nd = 1.5e3\n",
    );
    assert!(
        matches!(&code.consts[0], Const::BigInt(b) if b.to_string() == "123456789012345678901234567890")
    );
    assert!(code.consts.contains(&Const::Int(i64::MIN)));
    assert!(code.consts.contains(&Const::Int(255)));
    assert!(code.consts.contains(&Const::Float(1500.0)));
}

#[test]
fn walrus_binds_and_keeps_the_value() {
    let code = compile("if (n := len(a)) > 3:\n    print(n)\n");
    assert_ops(
        &code,
        &[
            "LoadName len",
            "LoadName a",
            "Call 1",
            "Copy 1",
            "StoreName n",
            "LoadConst 3",
            "CompareOp Gt",
            "PopJumpIfFalse 12",
            "LoadName print",
            "LoadName n",
            "Call 1",
            "PopTop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}
