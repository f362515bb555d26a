//! f-strings: conversions, format specs (nested f-strings), `{x=}`.

use brine_vm::bytecode::format_value;

use super::{assert_ops, compile};

#[test]
fn fields_format_with_conversions_and_nested_specs() {
    let code = compile("s = f'{a!r:>{w}} and {b=} {c:.2f}'\n");
    let spec_repr = (format_value::REPR | format_value::HAS_SPEC).to_string();
    assert_ops(
        &code,
        &[
            "LoadName a",
            "LoadConst \">\"",
            "LoadName w",
            "FormatValue 0",
            "BuildString 2",
            &format!("FormatValue {spec_repr}"),
            "LoadConst \" and b=\"",
            "LoadName b",
            "FormatValue 2",
            "LoadConst \" \"",
            "LoadName c",
            "LoadConst \".2f\"",
            "FormatValue 4",
            "BuildString 5",
            "StoreName s",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn plain_and_single_field_f_strings_need_no_join() {
    let code = compile("t = f'x' 'y'\nu = f'{v!s}'\nw = f''\nz = f'{v!a}{v=!s}'\n");
    assert_ops(
        &code,
        &[
            "LoadConst \"xy\"",
            "StoreName t",
            "LoadName v",
            "FormatValue 1",
            "StoreName u",
            "LoadConst \"\"",
            "StoreName w",
            "LoadName v",
            "FormatValue 3",
            "LoadConst \"v=\"",
            "LoadName v",
            "FormatValue 1",
            "BuildString 3",
            "StoreName z",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}
