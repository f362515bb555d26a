//! Checking compiled code: what the compiler promises the VM about every
//! code object it produces.
//!
//! The tests run every compiled snippet through [`verify`]; a host can run
//! code from elsewhere through it too.

use crate::bytecode::{format_value, Instr};
use crate::code::{CodeObject, Const};

/// A broken promise: which code object, which instruction, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{qualname}: instruction {pc}: {message}")]
pub struct VerifyError {
    /// The qualified name of the code object.
    pub qualname: String,
    /// The instruction's index.
    pub pc: usize,
    /// What is wrong.
    pub message: String,
}

/// Check `code` and every code object among its constants, recursively:
///
/// - the line table is as long as the code, and the parameters fit in `varnames`;
/// - every operand indexes its table (`consts`, `names`, `varnames`, the
///   cells), every jump target is an instruction;
/// - along every path, handlers included, the stack never holds fewer values
///   than an instruction takes, has the same depth whichever way a point is
///   reached, never exceeds `max_stack`, and control never runs off the end.
///
/// # Errors
/// The first problem found.
pub fn verify(code: &CodeObject) -> Result<(), VerifyError> {
    // Nested code is checked from a worklist: nesting can be deep.
    let mut todo = vec![code];
    while let Some(code) = todo.pop() {
        verify_one(code)?;
        for c in &code.consts {
            if let Const::Code(inner) = c {
                todo.push(inner);
            }
        }
    }
    Ok(())
}

fn verify_one(code: &CodeObject) -> Result<(), VerifyError> {
    let fail = |pc: usize, message: String| VerifyError {
        qualname: code.qualname.clone(),
        pc,
        message,
    };
    let n = code.instructions.len();
    if code.lines.len() != n {
        return Err(fail(
            0,
            format!("{} lines for {n} instructions", code.lines.len()),
        ));
    }
    if code.total_args() > code.varnames.len() || code.posonlyargcount > code.argcount {
        return Err(fail(0, "parameters do not fit varnames".into()));
    }
    for (pc, ins) in code.instructions.iter().enumerate() {
        if let Some(problem) = operand_problem(code, ins) {
            return Err(fail(pc, format!("{ins:?}: {problem}")));
        }
    }
    check_stack(code).map_err(|(pc, m)| fail(pc, m))
}

/// Why an instruction's operand is out of range, if it is.
fn operand_problem(code: &CodeObject, ins: &Instr) -> Option<&'static str> {
    let cells = code.cellvars.len() + code.freevars.len();
    let n = code.instructions.len();
    let ok = match *ins {
        Instr::LoadConst(i) => (i as usize) < code.consts.len(),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => {
            (i as usize) < code.varnames.len()
        }
        Instr::LoadDeref(i)
        | Instr::StoreDeref(i)
        | Instr::DeleteDeref(i)
        | Instr::LoadClosure(i)
        | Instr::LoadClassDeref(i) => (i as usize) < cells,
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
        | Instr::ImportFrom(i) => (i as usize) < code.names.len(),
        Instr::Copy(k) => k >= 1,
        Instr::Swap(k) => k >= 2,
        Instr::BuildSlice(k) => k == 2 || k == 3,
        Instr::Raise(k) => k <= 2,
        Instr::FormatValue(f) => f & !(format_value::CONVERSION_MASK | format_value::HAS_SPEC) == 0,
        _ => true,
    };
    if !ok {
        return Some("operand out of range");
    }
    match ins.jump_target() {
        Some(t) if t as usize >= n => Some("jump target out of range"),
        _ => None,
    }
}

/// How many values an instruction reads from the stack.
fn takes(ins: &Instr) -> i32 {
    use Instr::*;
    let n = |x: u32| x as i32;
    match *ins {
        PopTop
        | StoreFast(_)
        | StoreDeref(_)
        | StoreName(_)
        | StoreGlobal(_)
        | LoadAttr(_)
        | DeleteAttr(_)
        | LoadMethod(_)
        | UnaryOp(_)
        | PopJumpIfFalse(_)
        | PopJumpIfTrue(_)
        | JumpIfFalseOrPop(_)
        | JumpIfTrueOrPop(_)
        | GetIter
        | ForIter(_)
        | ReturnValue
        | ListToTuple
        | UnpackSequence(_)
        | UnpackEx { .. }
        | Reraise
        | BeforeWith
        | YieldValue
        | GetYieldFromIter
        | GetAwaitable
        | AsyncGenWrap
        | BeforeAsyncWith
        | GetAIter
        | GetANext
        | ImportFrom(_)
        | ImportStar => 1,
        StoreAttr(_) | BinarySubscr | DeleteSubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_)
        | IsOp(_) | ContainsOp(_) | CheckExcMatch | WithExceptStart | YieldFrom | ImportName(_)
        | EndAsyncFor => 2,
        StoreSubscr => 3,
        Copy(k) | Swap(k) | BuildSlice(k) | BuildTuple(k) | BuildList(k) | BuildSet(k)
        | BuildString(k) | Raise(k) => n(k),
        BuildMap(k) => 2 * n(k),
        CallMethod(k) | CallKw(k) => n(k) + 2,
        Call(k) => n(k) + 1,
        CallEx(kw) => 2 + i32::from(kw),
        MakeFunction(f) => 1 + (f & 0x0f).count_ones() as i32,
        ListAppend(k) | SetAdd(k) | ListExtend(k) | SetUpdate(k) | DictUpdate(k) | DictMerge(k) => {
            n(k) + 1
        }
        MapAdd(k) => n(k) + 2,
        FormatValue(f) => 1 + i32::from(f & format_value::HAS_SPEC != 0),
        _ => 0,
    }
}

/// Walk every path; the error is `(pc, message)`.
fn check_stack(code: &CodeObject) -> Result<(), (usize, String)> {
    let instrs = &code.instructions;
    let max = code.max_stack as i32;
    let mut seen: Vec<Option<i32>> = vec![None; instrs.len()];
    let mut work = vec![(0usize, 0i32, 0usize)];
    while let Some((pc, depth, from)) = work.pop() {
        let Some(&ins) = instrs.get(pc) else {
            return Err((from, "control runs off the end of the code".into()));
        };
        match seen[pc] {
            Some(d) if d == depth => continue,
            Some(d) => {
                return Err((
                    pc,
                    format!("stack depth {depth} here from {from}, but {d} from elsewhere"),
                ))
            }
            None => seen[pc] = Some(depth),
        }
        if depth < takes(&ins) {
            return Err((
                pc,
                format!(
                    "{ins:?} needs {} values, the stack has {depth}",
                    takes(&ins)
                ),
            ));
        }
        if let Some(t) = ins.jump_target() {
            work.push((t as usize, depth + ins.stack_effect(true), pc));
        }
        if !ins.is_terminal() {
            work.push((pc + 1, depth + ins.stack_effect(false), pc));
        }
        for d in [ins.stack_effect(true), ins.stack_effect(false)] {
            if depth + d > max {
                return Err((
                    pc,
                    format!("stack depth {} over max_stack {max}", depth + d),
                ));
            }
        }
    }
    Ok(())
}
