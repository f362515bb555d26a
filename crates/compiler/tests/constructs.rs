//! One test per family of constructs: each compiles a snippet, checks the
//! instructions that matter, and verifies every code object produced
//! (operand indices, jump targets, line table, stack depth).

use brine_compiler::{compile_module, disassemble, CompileError};
use brine_vm::bytecode::Instr;
use brine_vm::code::flags;
use brine_vm::{CodeObject, Const};

/// Check a code object and everything nested in it; panics with the disassembly on a problem.
fn verify(code: &CodeObject) {
    let n = code.instructions.len();
    assert_eq!(
        code.lines.len(),
        n,
        "line table length in {}",
        code.qualname
    );
    let ncells = (code.cellvars.len() + code.freevars.len()) as u32;
    for (pc, ins) in code.instructions.iter().enumerate() {
        let ok = match ins {
            Instr::LoadConst(i) => (*i as usize) < code.consts.len(),
            Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => {
                (*i as usize) < code.varnames.len()
            }
            Instr::LoadDeref(i)
            | Instr::StoreDeref(i)
            | Instr::DeleteDeref(i)
            | Instr::LoadClosure(i)
            | Instr::LoadClassDeref(i) => *i < ncells,
            Instr::LoadName(i)
            | Instr::StoreName(i)
            | Instr::DeleteName(i)
            | Instr::LoadGlobal(i)
            | Instr::StoreGlobal(i)
            | Instr::DeleteGlobal(i)
            | Instr::LoadAttr(i)
            | Instr::StoreAttr(i)
            | Instr::DeleteAttr(i)
            | Instr::LoadMethod(i)
            | Instr::ImportName(i)
            | Instr::ImportFrom(i) => (*i as usize) < code.names.len(),
            _ => true,
        };
        assert!(ok, "operand out of range at {pc} in\n{}", disassemble(code));
        if let Some(t) = ins.jump_target() {
            assert!(
                (t as usize) < n,
                "jump target {t} out of range at {pc} in\n{}",
                disassemble(code)
            );
        }
    }
    // Stack depth: never negative, equal at join points, within max_stack.
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    while let Some((pc, d)) = work.pop() {
        if pc >= n {
            continue;
        }
        assert!(
            d >= 0,
            "negative stack depth at {pc} in\n{}",
            disassemble(code)
        );
        assert!(
            d <= code.max_stack as i32,
            "depth {d} over max_stack at {pc}"
        );
        match depth[pc] {
            Some(seen) => {
                assert_eq!(
                    seen,
                    d,
                    "depths disagree at join {pc} in\n{}",
                    disassemble(code)
                );
                continue;
            }
            None => depth[pc] = Some(d),
        }
        let ins = code.instructions[pc];
        if let Some(t) = ins.jump_target() {
            work.push((t as usize, d + ins.stack_effect(true)));
        }
        if !ins.is_terminal() {
            work.push((pc + 1, d + ins.stack_effect(false)));
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner);
        }
    }
}

fn compile(src: &str) -> CodeObject {
    let code =
        compile_module(src, "<test>").unwrap_or_else(|e| panic!("{src:?} did not compile: {e}"));
    verify(&code);
    code
}

fn find<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
    code.consts.iter().find_map(|c| match c {
        Const::Code(inner) if inner.name == name => Some(&**inner),
        Const::Code(inner) => find(inner, name),
        _ => None,
    })
}

fn nested<'c>(code: &'c CodeObject, name: &str) -> &'c CodeObject {
    find(code, name).unwrap_or_else(|| panic!("no code object {name} in\n{}", disassemble(code)))
}

fn error(src: &str) -> CompileError {
    match compile_module(src, "<test>") {
        Ok(code) => panic!("{src:?} compiled:\n{}", disassemble(&code)),
        Err(e) => e,
    }
}

#[test]
fn expressions_fold_negative_literals_and_chain_comparisons() {
    let code = compile(
        "x = -5\ny = 1 < x <= 3\nz = a and b or not c\nw = [1, *x, 2]\nv = {**d, 'k': 1}\n",
    );
    assert!(code.consts.contains(&Const::Int(-5)));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::JumpIfFalseOrPop(_))));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::Swap(2))));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::ListExtend(1))));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::DictUpdate(1))));
}

#[test]
fn assignment_unpacks_nested_and_starred_targets() {
    let code = compile(
        "a, (b, c) = x\nfirst, *rest, last = y\nd[k] += 1\no.attr -= 2\ndel d[k], o.attr\n",
    );
    assert!(code.instructions.contains(&Instr::UnpackSequence(2)));
    assert!(code.instructions.contains(&Instr::UnpackEx {
        before: 1,
        after: 1
    }));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::InplaceOp(_))));
    assert!(code.instructions.contains(&Instr::DeleteSubscr));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::DeleteAttr(_))));
}

#[test]
fn control_flow_places_else_branches() {
    let code = compile("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\nwhile c:\n    pass\nelse:\n    y = 1\n");
    assert!(
        code.instructions
            .iter()
            .filter(|i| matches!(i, Instr::PopJumpIfFalse(_)))
            .count()
            >= 3
    );
}

#[test]
fn break_and_continue_unwind_finally_and_with() {
    let src = "for x in xs:\n    try:\n        with m:\n            if x: break\n            continue\n    finally:\n        f()\n";
    let code = compile(src);
    // The finally body is compiled once on each exit path: normal, exception, break, continue.
    let calls = code
        .instructions
        .iter()
        .filter(|i| matches!(i, Instr::Call(0)))
        .count();
    assert!(
        calls >= 4,
        "finally body copies: {calls}\n{}",
        disassemble(&code)
    );
    assert!(
        code.instructions
            .iter()
            .filter(|i| matches!(i, Instr::Call(3)))
            .count()
            >= 3,
        "with exits:\n{}",
        disassemble(&code)
    );
}

#[test]
fn exceptions_use_handlers_and_clear_the_bound_name() {
    let code = compile("try:\n    f()\nexcept (A, B) as e:\n    g(e)\nexcept C:\n    pass\nelse:\n    h()\nfinally:\n    k()\nraise X from Y\n");
    assert!(
        code.instructions
            .iter()
            .filter(|i| matches!(i, Instr::SetupExcept(_)))
            .count()
            >= 3
    );
    assert!(
        code.instructions
            .iter()
            .filter(|i| matches!(i, Instr::CheckExcMatch))
            .count()
            == 2
    );
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::DeleteName(_))));
    assert!(code.instructions.contains(&Instr::Raise(2)));
}

#[test]
fn closures_make_cells_and_free_variables() {
    let code = compile("def outer(a):\n    b = 1\n    def inner():\n        nonlocal b\n        b += a\n        return b\n    return inner\n");
    let outer = nested(&code, "outer");
    assert_eq!(outer.cellvars, vec!["a".to_string(), "b".to_string()]);
    let inner = nested(outer, "inner");
    assert_eq!(inner.freevars.len(), 2);
    assert!(inner
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::StoreDeref(_))));
    assert_eq!(inner.qualname, "outer.<locals>.inner");
}

#[test]
fn functions_record_their_signature() {
    let code = compile("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    return a\n");
    let f = nested(&code, "f");
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 2, 2));
    assert_eq!(
        f.flags & (flags::VARARGS | flags::VARKEYWORDS),
        flags::VARARGS | flags::VARKEYWORDS
    );
    assert_eq!(&f.varnames[..7], &["a", "b", "c", "d", "e", "args", "kw"]);
}

#[test]
fn classes_get_a_class_cell_for_super() {
    let code = compile(
        "class A(B, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m()\n",
    );
    let a = nested(&code, "A");
    assert_eq!(a.cellvars, vec!["__class__".to_string()]);
    let m = nested(a, "m");
    assert_eq!(m.freevars, vec!["__class__".to_string()]);
    assert_eq!(m.qualname, "A.m");
    assert!(code.instructions.contains(&Instr::LoadBuildClass));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::CallKw(_))));
}

#[test]
fn comprehensions_are_nested_functions() {
    let code = compile("a = [x * y for x in xs if x for y in ys]\nb = {k: v for k, v in d}\nc = {s for s in t}\ng = (i for i in r)\n");
    let lc = nested(&code, "<listcomp>");
    assert_eq!(lc.varnames[0], ".0");
    assert!(lc.instructions.contains(&Instr::ListAppend(3)));
    assert!(nested(&code, "<dictcomp>")
        .instructions
        .contains(&Instr::MapAdd(2)));
    assert!(nested(&code, "<setcomp>")
        .instructions
        .contains(&Instr::SetAdd(2)));
    assert_ne!(nested(&code, "<genexpr>").flags & flags::GENERATOR, 0);
}

#[test]
fn generators_and_coroutines_are_flagged() {
    let code = compile(
        "def g():\n    x = yield 1\n    yield from h()\nasync def c():\n    return await d()\n",
    );
    let g = nested(&code, "g");
    assert_ne!(g.flags & flags::GENERATOR, 0);
    assert!(g.instructions.contains(&Instr::YieldFrom));
    let c = nested(&code, "c");
    assert_ne!(c.flags & flags::COROUTINE, 0);
    assert!(c.instructions.contains(&Instr::GetAwaitable));
}

#[test]
fn imports_bind_the_right_names() {
    let code = compile("import a\nimport b as c\nfrom d import e, f as g\nfrom h import *\n");
    for n in ["a", "c", "e", "g"] {
        assert!(
            code.names.iter().any(|x| x == n),
            "{n} not bound:\n{}",
            disassemble(&code)
        );
    }
    assert!(code.instructions.contains(&Instr::ImportStar));
}

#[test]
fn f_strings_format_with_conversions_and_nested_specs() {
    let code = compile("s = f'{a!r:>{w}} and {b=} {c:.2f}'\n");
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::FormatValue(f) if f & 0x04 != 0)));
    assert!(code
        .instructions
        .iter()
        .any(|i| matches!(i, Instr::BuildString(_))));
    assert!(code
        .consts
        .iter()
        .any(|c| matches!(c, Const::Str(s) if s.ends_with("b="))));
}

#[test]
fn compile_errors_name_the_construct_and_line() {
    let cases = [
        ("x = 1\nreturn x\n", 2, "'return' outside function"),
        ("break\n", 1, "'break' outside loop"),
        (
            "def f():\n    continue\n",
            2,
            "'continue' not properly in loop",
        ),
        (
            "match x:\n    case 1:\n        pass\n",
            1,
            "the 'match' statement is not supported",
        ),
        (
            "async def f():\n    yield 1\n",
            1,
            "async generators are not supported yet",
        ),
        (
            "async def f():\n    async for x in y:\n        pass\n",
            2,
            "'async for' is not supported yet",
        ),
        ("x = 1j\n", 1, "complex numbers are not supported"),
        ("await x\n", 1, "'await' outside function"),
        (
            "def f():\n    nonlocal q\n",
            1,
            "no binding for nonlocal 'q' found",
        ),
    ];
    for (src, line, msg) in cases {
        let e = error(src);
        assert_eq!(e.kind, "SyntaxError", "{src:?}");
        assert!(e.message.contains(msg), "{src:?}: {}", e.message);
        if line > 1 || !msg.contains("nonlocal") {
            assert_eq!(e.line, line, "{src:?}: {e}");
        }
    }
    let e = error("def f(:\n");
    assert_eq!(e.line, 1);
}

#[test]
fn every_differential_script_compiles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scripts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "py") {
            let src = std::fs::read_to_string(&p).unwrap_or_default();
            let code =
                compile_module(&src, &p.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
            verify(&code);
            n += 1;
        }
    }
    assert!(n > 0);
}
