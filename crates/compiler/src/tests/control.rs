//! `if`/`elif`/`else`, `while`, conditions, `assert`, `raise`.

use super::{assert_ops, compile};

#[test]
fn conditions_jump_without_materialising_booleans() {
    let code = compile("if a and not b:\n    x()\nelif c or d:\n    y()\nelse:\n    z()\n");
    assert_ops(
        &code,
        &[
            "LoadName a",
            "PopJumpIfFalse 8",
            "LoadName b",
            "PopJumpIfTrue 8",
            "LoadName x",
            "Call 0",
            "PopTop",
            "Jump 19",
            "LoadName c",
            "PopJumpIfTrue 12",
            "LoadName d",
            "PopJumpIfFalse 16",
            "LoadName y",
            "Call 0",
            "PopTop",
            "Jump 19",
            "LoadName z",
            "Call 0",
            "PopTop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn while_loops_test_at_the_top_and_run_else_when_the_test_fails() {
    let code = compile("while a:\n    x()\nelse:\n    y()\nwhile True:\n    z()\n");
    assert_ops(
        &code,
        &[
            "LoadName a",
            "PopJumpIfFalse 6",
            "LoadName x",
            "Call 0",
            "PopTop",
            "Jump 0",
            "LoadName y",
            "Call 0",
            "PopTop",
            "LoadName z",
            "Call 0",
            "PopTop",
            "Jump 9",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn a_branch_after_a_label_still_jumps_over_the_next() {
    // The `if True` branch makes no code; it follows a `Reraise` that ends
    // the `try`, yet a jump over the `elif` is still needed.
    let code =
        compile("try:\n    a()\nexcept E:\n    pass\nif True:\n    pass\nelif x:\n    y()\n");
    let ops = super::ops(&code);
    let reraise = ops.iter().position(|o| o == "Reraise").unwrap();
    assert!(ops[reraise + 1].starts_with("Jump "), "{ops:?}");
}

#[test]
fn assert_raises_the_builtin_assertion_error() {
    let code = compile("assert x, 'msg'\nraise X from Y\n");
    assert_ops(
        &code,
        &[
            "LoadName x",
            "PopJumpIfTrue 6",
            "LoadAssertionError",
            "LoadConst \"msg\"",
            "Call 1",
            "Raise 1",
            "LoadName X",
            "LoadName Y",
            "Raise 2",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn lines_follow_the_statements_and_expressions() {
    let code = compile("x = 1\nif x:\n    f(\n        x,\n    )\n");
    let lines: Vec<u32> = code.lines.clone();
    assert_eq!(lines, vec![1, 1, 2, 2, 3, 4, 3, 3, 3, 3]);
}
