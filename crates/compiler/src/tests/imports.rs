//! `import` and `from … import …`.

use super::{assert_ops, code_of, compile, error};

#[test]
fn imports_bind_the_top_package_or_the_alias() {
    let code = compile("import a\nimport a.b.c\nimport a.b as ab\nfrom d import e, f as g\n");
    assert_ops(
        &code,
        &[
            "LoadConst 0",
            "LoadConst None",
            "ImportName a",
            "StoreName a",
            "LoadConst 0",
            "LoadConst None",
            "ImportName a.b.c",
            "StoreName a",
            "LoadConst 0",
            "LoadConst None",
            "ImportName a.b",
            "LoadAttr b",
            "StoreName ab",
            "LoadConst 0",
            "LoadConst (\"e\", \"f\")",
            "ImportName d",
            "ImportFrom e",
            "StoreName e",
            "ImportFrom f",
            "StoreName g",
            "PopTop",
            "LoadConst None",
            "ReturnValue",
        ],
    );
}

#[test]
fn relative_and_star_imports() {
    let code = compile("from . import h\nfrom ..m import *\n");
    let ops = super::ops(&code);
    assert_eq!(ops[0], "LoadConst 1");
    assert_eq!(ops[1], "LoadConst (\"h\",)");
    assert!(code.names.iter().any(|n| n.is_empty()));
    assert_eq!(
        ops[6..10],
        [
            "LoadConst 2",
            "LoadConst (\"*\",)",
            "ImportName m",
            "ImportStar"
        ]
    );
    let e = error("def f():\n    from m import *\n");
    assert_eq!(
        (e.line, e.message.as_str()),
        (2, "import * only allowed at module level")
    );
}

#[test]
fn imports_in_functions_bind_locals_and_conditional_imports_compile() {
    let code = compile("def f():\n    import os\n    return os\ntry:\n    import fast as impl\nexcept ImportError:\n    import slow as impl\n");
    assert!(super::has(code_of(&code, "f"), "StoreFast os"));
    assert_eq!(
        super::ops(&code)
            .iter()
            .filter(|o| *o == "StoreName impl")
            .count(),
        2
    );
}
