//! A disassembler: one line per instruction, operands resolved, nested code
//! objects after their parent.

use std::fmt::Write;

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};

/// The instructions of `code` and of every code object among its constants,
/// recursively, as text.
///
/// Each code object starts with a header line (qualified name, file, first
/// line, flags, argument counts, stack depth); each instruction is a line
/// holding its source line, its index, the instruction, and what its operand
/// names (`(x)`, `('abc')`, `-> 12` for a jump).
///
/// ```
/// let code = brine_compiler::compile_module("x = 1\n", "<dis>").unwrap();
/// let text = brine_compiler::disassemble(&code);
/// assert!(text.contains("StoreName(0) (x)"));
/// ```
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    // Depth first, parents before children, without recursing: nesting can be deep.
    let mut todo = vec![code];
    while let Some(code) = todo.pop() {
        if !out.is_empty() {
            out.push('\n');
        }
        write_code(code, &mut out);
        let nested = code.consts.iter().filter_map(|c| match c {
            Const::Code(inner) => Some(&**inner),
            _ => None,
        });
        let at = todo.len();
        todo.extend(nested);
        todo[at..].reverse();
    }
    out
}

fn write_code(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} ({}, line {}) flags {:#06x} args {}/{}/{} stack {}",
        code.qualname,
        code.filename,
        code.first_line,
        code.flags,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.max_stack
    );
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames {:?}", code.varnames);
    }
    if !code.cellvars.is_empty() || !code.freevars.is_empty() {
        let _ = writeln!(
            out,
            "  cellvars {:?} freevars {:?}",
            code.cellvars, code.freevars
        );
    }
    for (pc, ins) in code.instructions.iter().enumerate() {
        let line = code.lines.get(pc).copied().unwrap_or(0);
        let _ = write!(out, "{line:>5} {pc:>5} {ins:?}");
        if let Some(note) = operand(code, ins) {
            let _ = write!(out, " {note}");
        }
        out.push('\n');
    }
}

/// What an instruction's operand refers to.
pub(crate) fn operand(code: &CodeObject, ins: &Instr) -> Option<String> {
    let name = |k: &u32| code.names.get(*k as usize).map(|n| format!("({n})"));
    match ins {
        Instr::LoadConst(k) => code
            .consts
            .get(*k as usize)
            .map(|c| format!("({})", short(c))),
        Instr::LoadName(k)
        | Instr::StoreName(k)
        | Instr::DeleteName(k)
        | Instr::LoadGlobal(k)
        | Instr::StoreGlobal(k)
        | Instr::DeleteGlobal(k)
        | Instr::LoadAttr(k)
        | Instr::StoreAttr(k)
        | Instr::DeleteAttr(k)
        | Instr::LoadMethod(k)
        | Instr::ImportName(k)
        | Instr::ImportFrom(k) => name(k),
        Instr::LoadFast(k) | Instr::StoreFast(k) | Instr::DeleteFast(k) => {
            code.varnames.get(*k as usize).map(|n| format!("({n})"))
        }
        Instr::LoadDeref(k)
        | Instr::StoreDeref(k)
        | Instr::DeleteDeref(k)
        | Instr::LoadClosure(k)
        | Instr::LoadClassDeref(k) => {
            let k = *k as usize;
            code.cellvars
                .get(k)
                .or_else(|| code.freevars.get(k.wrapping_sub(code.cellvars.len())))
                .map(|n| format!("({n})"))
        }
        other => other.jump_target().map(|t| format!("-> {t}")),
    }
}

/// A constant, with nested code shown by name.
fn short(c: &Const) -> String {
    match c {
        Const::Code(code) => format!("<code {}>", code.qualname),
        Const::Str(s) => format!("{s:?}"),
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(short).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::Int(i) => i.to_string(),
        Const::BigInt(b) => b.to_string(),
        Const::Float(f) => format!("{f:?}"),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::None => "None".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
    }
}
