//! The public API as a host uses it: compile, verify, disassemble, and the
//! errors converted for the VM. The construct-by-construct tests are unit
//! tests in `src/tests/`.

use brine_compiler::{compile_module, disassemble, verify, CompileError, Compiler, ErrorKind};
use brine_vm::{Const, SourceCompiler, SyntaxErrorInfo};

#[test]
fn a_module_compiles_to_verified_code_with_nested_functions() {
    let src = "def add(a, b=1):\n    return a + b\n\nprint(add(2))\n";
    let code = compile_module(src, "m.py").unwrap();
    verify(&code).unwrap();
    assert_eq!((code.name.as_str(), code.first_line), ("<module>", 1));
    assert_eq!(code.filename, "m.py");
    let add = code
        .consts
        .iter()
        .find_map(|c| match c {
            Const::Code(c) => Some(c),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        (add.name.as_str(), add.argcount, add.first_line),
        ("add", 2, 1)
    );
    let text = disassemble(&code);
    assert!(text.contains("code add (m.py, line 1)"), "{text}");
    assert!(text.contains("MakeFunction(1)"), "{text}");
}

#[test]
fn errors_carry_what_cpython_reports_and_convert_for_the_vm() {
    let e: CompileError = compile_module("x = 1\nif x\n    pass\n", "bad.py").unwrap_err();
    assert_eq!(e.kind, ErrorKind::SyntaxError);
    assert_eq!(e.message, "expected ':'");
    assert_eq!((e.line, e.column), (2, 5));
    assert_eq!(e.text, "if x");
    assert_eq!(e.to_string(), "bad.py:2:5: SyntaxError: expected ':'");
    let info: SyntaxErrorInfo = e.into();
    assert_eq!(info.kind, "SyntaxError");
    assert_eq!(info.filename, "bad.py");

    let e = Compiler
        .compile_module("def f():\nreturn 1\n", "ind.py")
        .unwrap_err();
    assert_eq!(e.kind, "IndentationError");
    assert_eq!(
        e.message,
        "expected an indented block after function definition on line 1"
    );
}

#[test]
fn no_source_text_panics() {
    let nasty = [
        "",
        "\n",
        "(",
        ")",
        "\"",
        "'''",
        "f'{",
        "f'{x!z}'",
        "\\",
        "x = \\\n",
        "def",
        "class C(",
        "lambda",
        "@",
        "0x",
        "1e",
        "1__0",
        "é = 1",
        "x = \u{0}",
        "\t\tx",
        "if 1:\n\tpass\n        pass",
        "async",
        "await",
        "yield",
        "return",
        "nonlocal x",
        "global",
        "from . import *",
        "del ()",
        "[*x] = y",
        "a, *b, *c = d",
        "(a for a in b) = 1",
        "f(**k, *a)",
        "x[::]",
        "try:\n pass\nexcept:\n pass\nexcept E:\n pass",
        "with a as (b, *c): pass",
        "def f(a, /, b, *, c): ...",
        "def f(*, a=1, **k): ...",
        "class C(*b, **k): pass",
        "match x:\n case 1: pass",
        "type X = int",
        "x: int",
        "print(f'{x=!r:>{w}}')",
    ];
    for src in nasty {
        if let Ok(code) = compile_module(src, "<nasty>") {
            verify(&code).unwrap_or_else(|e| panic!("{src:?}: {e}\n{}", disassemble(&code)));
        }
    }
    // Parentheses nest no syntax; lists in lists do.
    let parens = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
    verify(&compile_module(&parens, "<parens>").unwrap()).unwrap();
    let deep = format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    assert!(compile_module(&deep, "<deep>").is_err());
    let long = format!("x = {}\n", vec!["1"; 5000].join(" + "));
    assert!(compile_module(&long, "<long>").is_err());
}

#[test]
fn source_nested_up_to_the_limit_compiles_on_a_small_stack() {
    let n = 990;
    let shapes = [
        format!("x = {}\n", vec!["a"; n].join(" + ")),
        format!("x = {}a\n", "-".repeat(n)),
        format!("x = {}1{}\n", "[".repeat(n), "]".repeat(n)),
        format!("x = {}1\n", "lambda: ".repeat(n / 2)),
        format!("x = {}1{}\n", "f(".repeat(n / 2), ")".repeat(n / 2)),
        (0..n / 4)
            .map(|i| format!("{}def f{i}():\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(n / 4)
            + "return 1\n",
    ];
    for src in shapes {
        let handle = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || compile_module(&src, "<deep>").map(|c| verify(&c).is_ok()))
            .unwrap();
        assert_eq!(handle.join().unwrap(), Ok(true));
    }
}
