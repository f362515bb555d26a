//! A disassembler: one line per instruction, with names and constants resolved.

use std::fmt::Write;

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};

/// The instructions of `code` and of every code object nested in it, as text.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    write_code(code, &mut out);
    out
}

fn write_code(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} ({}), args {}, stack {}",
        code.qualname, code.filename, code.argcount, code.max_stack
    );
    for (i, ins) in code.instructions.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let note = match ins {
            Instr::LoadConst(k) => code.consts.get(*k as usize).map(short_const),
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
            | Instr::ImportFrom(k) => code.names.get(*k as usize).cloned(),
            Instr::LoadFast(k) | Instr::StoreFast(k) | Instr::DeleteFast(k) => {
                code.varnames.get(*k as usize).cloned()
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
                    .cloned()
            }
            _ => None,
        };
        match note {
            Some(n) => {
                let _ = writeln!(out, "{line:>5} {i:>5} {ins:?} ({n})");
            }
            None => {
                let _ = writeln!(out, "{line:>5} {i:>5} {ins:?}");
            }
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            write_code(inner, out);
        }
    }
}

fn short_const(c: &Const) -> String {
    match c {
        Const::Code(code) => format!("<code {}>", code.qualname),
        other => format!("{other:?}"),
    }
}
