//! A code object under construction: instructions with symbolic labels,
//! tables, the line of each instruction, and the final stack-depth pass.

use indexmap::IndexMap;

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};

use crate::front::ast::Stmt;

/// A jump target not yet placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// What a `break`, `continue` or `return` must undo on its way out.
#[derive(Clone, Debug)]
pub(crate) enum Block<'a> {
    /// A loop; `for_loop` when its iterator is on the stack.
    Loop {
        start: Label,
        end: Label,
        for_loop: bool,
    },
    /// A `try` body (an active `SetupExcept`).
    Try,
    /// A `try` body with a `finally`, whose body is compiled again on the way out.
    Finally { body: &'a [Stmt] },
    /// An `except` clause body (an exception being handled).
    Except,
    /// A `finally` body on the exception path (the exception on the stack and being handled).
    FinallyExc,
    /// A `with` body (an active `SetupExcept` and `exit` on the stack).
    With,
}

/// A code object being built.
pub(crate) struct Unit<'a> {
    pub(crate) name: String,
    pub(crate) qualname: String,
    pub(crate) filename: String,
    pub(crate) first_line: u32,
    pub(crate) flags: u32,
    pub(crate) argcount: u32,
    pub(crate) posonlyargcount: u32,
    pub(crate) kwonlyargcount: u32,
    pub(crate) scope: usize,
    pub(crate) line: u32,
    pub(crate) blocks: Vec<Block<'a>>,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Const>,
    names: IndexMap<String, u32>,
    pub(crate) varnames: IndexMap<String, u32>,
    pub(crate) cellvars: Vec<String>,
    pub(crate) freevars: Vec<String>,
    labels: Vec<u32>,
    jumps: Vec<usize>,
}

impl<'a> Unit<'a> {
    pub(crate) fn new(
        name: &str,
        qualname: &str,
        filename: &str,
        first_line: u32,
        scope: usize,
    ) -> Unit<'a> {
        Unit {
            name: name.into(),
            qualname: qualname.into(),
            filename: filename.into(),
            first_line,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            scope,
            line: first_line,
            blocks: Vec::new(),
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: IndexMap::new(),
            varnames: IndexMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            jumps: Vec::new(),
        }
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        self.instrs.push(i);
        self.lines.push(self.line);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(u32::MAX);
        Label(self.labels.len() as u32 - 1)
    }

    pub(crate) fn place(&mut self, l: Label) {
        self.labels[l.0 as usize] = self.instrs.len() as u32;
    }

    /// Emit a jump-like instruction to a label (`make` builds it from the target).
    pub(crate) fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.jumps.push(self.instrs.len());
        self.emit(make(l.0));
    }

    /// Whether the last instruction emitted never falls through.
    pub(crate) fn ends_terminal(&self) -> bool {
        self.instrs.last().is_some_and(|i| i.is_terminal())
    }

    pub(crate) fn const_index(&mut self, c: Const) -> u32 {
        let simple = !matches!(c, Const::Code(_) | Const::Float(_));
        if simple {
            if let Some(i) = self.consts.iter().position(|x| *x == c && same_kind(x, &c)) {
                return i as u32;
            }
        }
        self.consts.push(c);
        self.consts.len() as u32 - 1
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.const_index(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(crate) fn name_index(&mut self, n: &str) -> u32 {
        let len = self.names.len() as u32;
        *self.names.entry(n.to_string()).or_insert(len)
    }

    pub(crate) fn var_index(&mut self, n: &str) -> u32 {
        let len = self.varnames.len() as u32;
        *self.varnames.entry(n.to_string()).or_insert(len)
    }

    /// The cell index of a name: cellvars first, then freevars.
    pub(crate) fn cell_index(&self, n: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|c| c == n) {
            return Some(i as u32);
        }
        self.freevars
            .iter()
            .position(|c| c == n)
            .map(|i| (self.cellvars.len() + i) as u32)
    }

    /// Resolve labels, compute the stack depth, and produce the code object.
    pub(crate) fn finish(mut self) -> CodeObject {
        for &j in &self.jumps {
            let fix = |t: u32| self.labels.get(t as usize).copied().unwrap_or(0);
            self.instrs[j] = match self.instrs[j] {
                Instr::Jump(t) => Instr::Jump(fix(t)),
                Instr::PopJumpIfFalse(t) => Instr::PopJumpIfFalse(fix(t)),
                Instr::PopJumpIfTrue(t) => Instr::PopJumpIfTrue(fix(t)),
                Instr::JumpIfFalseOrPop(t) => Instr::JumpIfFalseOrPop(fix(t)),
                Instr::JumpIfTrueOrPop(t) => Instr::JumpIfTrueOrPop(fix(t)),
                Instr::ForIter(t) => Instr::ForIter(fix(t)),
                Instr::SetupExcept(t) => Instr::SetupExcept(fix(t)),
                other => other,
            };
        }
        let end = self.instrs.len() as u32;
        if !self.ends_terminal() || self.labels.contains(&end) {
            let i = self.const_index(Const::None);
            self.emit(Instr::LoadConst(i));
            self.emit(Instr::ReturnValue);
        }
        let max_stack = stack_depth(&self.instrs);
        CodeObject {
            name: self.name,
            qualname: self.qualname,
            filename: self.filename,
            first_line: self.first_line,
            flags: self.flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            instructions: self.instrs,
            lines: self.lines,
            consts: self.consts,
            names: self.names.into_keys().collect(),
            varnames: self.varnames.into_keys().collect(),
            cellvars: self.cellvars,
            freevars: self.freevars,
            max_stack,
        }
    }
}

fn same_kind(a: &Const, b: &Const) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// The deepest the value stack gets, by flow analysis over every reachable path.
pub(crate) fn stack_depth(instrs: &[Instr]) -> u32 {
    let mut depth: Vec<i32> = vec![-1; instrs.len() + 1];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0i32;
    while let Some((pc, d)) = work.pop() {
        if pc >= instrs.len() || depth[pc] >= d {
            continue;
        }
        depth[pc] = d;
        max = max.max(d);
        let i = instrs[pc];
        if let Some(t) = i.jump_target() {
            let dj = d + i.stack_effect(true);
            max = max.max(dj);
            work.push((t as usize, dj));
        }
        if !i.is_terminal() {
            let df = d + i.stack_effect(false);
            max = max.max(df);
            work.push((pc + 1, df));
        }
    }
    max.max(0) as u32 + 1
}
