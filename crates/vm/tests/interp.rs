//! Interpreter tests on hand-assembled code objects (no compiler needed).

use brine_vm::bytecode::{make_function, BinOp, CmpOp, Instr};
use brine_vm::code::flags;
use brine_vm::{CodeObject, Const, ExcKind, RunOutcome, Value, Vm};

fn code(
    name: &str,
    argcount: u32,
    varnames: &[&str],
    consts: Vec<Const>,
    names: &[&str],
    instrs: Vec<Instr>,
) -> CodeObject {
    let n = instrs.len();
    CodeObject {
        name: name.into(),
        qualname: name.into(),
        filename: "<test>".into(),
        first_line: 1,
        flags: 0,
        argcount,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        instructions: instrs,
        lines: vec![1; n],
        consts,
        names: names.iter().map(|s| s.to_string()).collect(),
        varnames: varnames.iter().map(|s| s.to_string()).collect(),
        cellvars: vec![],
        freevars: vec![],
        max_stack: 8,
    }
}

/// `def down(n): return 0 if n == 0 else down(n - 1) + 1`, then `down(depth)`.
fn recursion_module(depth: i64) -> CodeObject {
    use Instr::*;
    let down = code(
        "down",
        1,
        &["n"],
        vec![Const::Int(0), Const::Int(1)],
        &["down"],
        vec![
            LoadFast(0),
            LoadConst(0),
            CompareOp(CmpOp::Eq),
            PopJumpIfFalse(6),
            LoadConst(0),
            ReturnValue,
            LoadGlobal(0),
            LoadFast(0),
            LoadConst(1),
            BinaryOp(BinOp::Sub),
            Call(1),
            LoadConst(1),
            BinaryOp(BinOp::Add),
            ReturnValue,
        ],
    );
    code(
        "<module>",
        0,
        &[],
        vec![Const::Code(Box::new(down)), Const::Int(depth)],
        &["down"],
        vec![
            LoadConst(0),
            MakeFunction(0),
            StoreName(0),
            LoadName(0),
            LoadConst(1),
            Call(1),
            ReturnValue,
        ],
    )
}

fn run_all(vm: &mut Vm, module: CodeObject, slice: u64) -> RunOutcome {
    let mut st = vm.start_module(module, "__main__").expect("module starts");
    loop {
        match vm.run(&mut st, slice) {
            RunOutcome::BudgetSpent => continue,
            other => return other,
        }
    }
}

#[test]
fn recursion_fifty_thousand_deep_does_not_touch_the_rust_stack() {
    let mut vm = Vm::new(None).expect("vm");
    vm.recursion_limit = 100_000;
    assert_eq!(
        run_all(&mut vm, recursion_module(50_000), 1 << 20),
        RunOutcome::Finished(Value::Int(50_000))
    );
}

#[test]
fn recursion_past_the_limit_raises_recursion_error() {
    let mut vm = Vm::new(None).expect("vm");
    match run_all(&mut vm, recursion_module(5_000), 1 << 20) {
        RunOutcome::Raised(e) => assert!(vm.exc_is(e, ExcKind::RecursionError)),
        other => panic!("expected RecursionError, got {other:?}"),
    }
}

#[test]
fn budget_slices_give_the_same_result() {
    for slice in [1, 2, 3, 7, 1000] {
        let mut vm = Vm::new(None).expect("vm");
        assert_eq!(
            run_all(&mut vm, recursion_module(300), slice),
            RunOutcome::Finished(Value::Int(300))
        );
    }
}

#[test]
fn big_ints_come_from_overflowing_arithmetic() {
    use Instr::*;
    let m = code(
        "<module>",
        0,
        &[],
        vec![Const::Int(2), Const::Int(100)],
        &[],
        vec![
            LoadConst(0),
            LoadConst(1),
            BinaryOp(BinOp::Pow),
            ReturnValue,
        ],
    );
    let mut vm = Vm::new(None).expect("vm");
    let RunOutcome::Finished(v) = run_all(&mut vm, m, 100) else {
        panic!("did not finish")
    };
    assert_eq!(
        vm.repr_native(v).expect("repr"),
        "1267650600228229401496703205376"
    );
}

#[test]
fn a_handler_catches_what_the_block_raises() {
    use Instr::*;
    // try: 1 / 0  except ZeroDivisionError: result = 7
    let m = code(
        "<module>",
        0,
        &[],
        vec![Const::Int(1), Const::Int(0), Const::Int(7)],
        &["ZeroDivisionError"],
        vec![
            SetupExcept(5),
            LoadConst(0),
            LoadConst(1),
            BinaryOp(BinOp::TrueDiv),
            ReturnValue,
            LoadName(0),
            CheckExcMatch,
            PopJumpIfFalse(12),
            PopTop,
            PopExcept,
            LoadConst(2),
            ReturnValue,
            Reraise,
        ],
    );
    let mut vm = Vm::new(None).expect("vm");
    assert_eq!(run_all(&mut vm, m, 1), RunOutcome::Finished(Value::Int(7)));
}

#[test]
fn generators_resume_by_pushing_their_frame() {
    use Instr::*;
    // def g(): yield 1; yield 2      total = sum over for-loop
    let mut g = code(
        "g",
        0,
        &[],
        vec![Const::Int(1), Const::Int(2), Const::None],
        &[],
        vec![
            LoadConst(0),
            YieldValue,
            PopTop,
            LoadConst(1),
            YieldValue,
            PopTop,
            LoadConst(2),
            ReturnValue,
        ],
    );
    g.flags = flags::GENERATOR;
    let m = code(
        "<module>",
        0,
        &[],
        vec![Const::Code(Box::new(g)), Const::Int(0)],
        &["total"],
        vec![
            LoadConst(1),
            StoreName(0),
            LoadConst(0),
            MakeFunction(0),
            Call(0),
            GetIter,
            ForIter(13),
            LoadName(0),
            BinaryOp(BinOp::Add),
            StoreName(0),
            Jump(6),
            Nop,
            Nop,
            LoadName(0),
            ReturnValue,
        ],
    );
    let _ = make_function::DEFAULTS;
    let mut vm = Vm::new(None).expect("vm");
    assert_eq!(run_all(&mut vm, m, 1), RunOutcome::Finished(Value::Int(3)));
}
