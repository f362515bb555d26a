//! Unit tests, one file per family of constructs (in `tests/`), and the
//! helpers they share: every snippet compiled here is also run through
//! [`verify`], so each test checks operands, jumps, lines and stack depth
//! besides the instructions it names.

mod assign;
mod classes;
mod comprehensions;
mod control;
mod errors;
mod exceptions;
mod expressions;
mod fstrings;
mod functions;
mod generators;
mod imports;
mod loops;
mod scripts;

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};

use crate::{compile_module, disassemble, verify, CompileError};

/// Compile and verify a snippet; panics with the disassembly on a problem.
pub(crate) fn compile(src: &str) -> CodeObject {
    let code = compile_module(src, "<test>").unwrap_or_else(|e| panic!("{src:?}: {e}"));
    if let Err(e) = verify(&code) {
        panic!("{e}\n{}", disassemble(&code));
    }
    code
}

/// The error a snippet gives.
pub(crate) fn error(src: &str) -> CompileError {
    match compile_module(src, "<test>") {
        Ok(code) => panic!("{src:?} compiled:\n{}", disassemble(&code)),
        Err(e) => e,
    }
}

/// A nested code object by name or qualified name, searched depth first.
pub(crate) fn code_of<'c>(code: &'c CodeObject, name: &str) -> &'c CodeObject {
    fn find<'c>(code: &'c CodeObject, name: &str) -> Option<&'c CodeObject> {
        code.consts.iter().find_map(|c| match c {
            Const::Code(inner) if inner.name == name || inner.qualname == name => Some(&**inner),
            Const::Code(inner) => find(inner, name),
            _ => None,
        })
    }
    find(code, name).unwrap_or_else(|| panic!("no code {name} in\n{}", disassemble(code)))
}

/// The instructions as short text: `LoadName x`, `LoadConst 1`, `Jump 7`,
/// `BinaryOp Add`, `Call 2`, `ReturnValue`.
pub(crate) fn ops(code: &CodeObject) -> Vec<String> {
    code.instructions.iter().map(|i| render(code, i)).collect()
}

fn render(code: &CodeObject, ins: &Instr) -> String {
    let debug = format!("{ins:?}");
    let name_end = debug.find(['(', ' ']).unwrap_or(debug.len());
    let name = &debug[..name_end];
    if let Some(note) = crate::dis::operand(code, ins) {
        let note = match note.strip_prefix("-> ") {
            Some(target) => target,
            None => note
                .strip_prefix('(')
                .and_then(|n| n.strip_suffix(')'))
                .unwrap_or(&note),
        };
        return format!("{name} {note}");
    }
    let rest = debug[name_end..]
        .trim_start_matches(['(', ' '])
        .trim_end_matches(')');
    if rest.is_empty() {
        name.to_string()
    } else {
        format!("{name} {rest}")
    }
}

/// Assert the exact instructions of a code object.
#[track_caller]
pub(crate) fn assert_ops(code: &CodeObject, expected: &[&str]) {
    let got = ops(code);
    assert_eq!(got, expected, "\n{}", disassemble(code));
}

/// Whether the code has an instruction rendering as `op`.
pub(crate) fn has(code: &CodeObject, op: &str) -> bool {
    ops(code).iter().any(|o| o == op)
}
