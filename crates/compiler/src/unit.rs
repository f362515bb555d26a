//! A code object under construction: instructions with symbolic jump
//! labels, the line of each instruction, the tables operands index, and the
//! blocks a `break`, `continue` or `return` must unwind.

use brine_vm::bytecode::Instr;
use brine_vm::{CodeObject, Const};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::ast::Stmt;
use crate::stackdepth::max_stack;
use crate::symtable::Map;

/// A jump target, placed later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// A block that leaving early (`break`, `continue`, `return`) must undo.
#[derive(Clone, Debug)]
pub(crate) enum Block<'a> {
    /// A loop; a `for` loop's iterator is on the stack.
    Loop {
        start: Label,
        end: Label,
        is_for: bool,
    },
    /// A protected body: a `SetupExcept` is active.
    Try,
    /// The body of a `try` with a `finally`: a `SetupExcept` is active, and
    /// the `finally` body is compiled once more on the way out.
    Finally(&'a [Stmt]),
    /// A `finally` body run for an exception: the exception is on the stack
    /// and being handled.
    FinallyEnd,
    /// An `except` clause's body: the exception is being handled; `as name`
    /// is unbound on the way out.
    Handler(Option<&'a str>),
    /// A `with` body: a `SetupExcept` is active and the exit is on the stack.
    With {
        /// `async with`: the exit's result is awaited.
        is_async: bool,
    },
    /// A `finally` body compiled for a `return`: the return value is under it.
    PopValue,
}

/// A code object being built.
pub(crate) struct Unit<'a> {
    pub(crate) name: String,
    pub(crate) qualname: String,
    pub(crate) first_line: u32,
    pub(crate) flags: u32,
    pub(crate) argcount: u32,
    pub(crate) posonlyargcount: u32,
    pub(crate) kwonlyargcount: u32,
    /// The scope in the symbol table.
    pub(crate) scope: usize,
    /// The class name private names are mangled with.
    pub(crate) private: Option<Rc<str>>,
    /// The line given to instructions emitted now.
    pub(crate) line: u32,
    pub(crate) blocks: Vec<Block<'a>>,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Const>,
    const_index: Map<ConstKey, u32>,
    names: Map<String, u32>,
    varnames: Map<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    /// Where each label is placed (`u32::MAX`: not yet).
    labels: Vec<u32>,
    /// Instructions whose operand is a label number, to resolve at the end.
    jumps: Vec<usize>,
    /// Where the last label was placed.
    last_place: Option<usize>,
}

impl<'a> Unit<'a> {
    pub(crate) fn new(name: &str, qualname: &str, first_line: u32, scope: usize) -> Unit<'a> {
        Unit {
            name: name.into(),
            qualname: qualname.into(),
            first_line,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            scope,
            private: None,
            line: first_line,
            blocks: Vec::new(),
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            const_index: Map::default(),
            names: Map::default(),
            varnames: Map::default(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            jumps: Vec::new(),
            last_place: None,
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

    /// Place a label at the next instruction.
    pub(crate) fn place(&mut self, l: Label) {
        if let Some(slot) = self.labels.get_mut(l.0 as usize) {
            *slot = self.instrs.len() as u32;
        }
        self.last_place = Some(self.instrs.len());
    }

    /// Emit a jump (`make` builds it from its target) to a label.
    pub(crate) fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.jumps.push(self.instrs.len());
        self.emit(make(l.0));
    }

    /// Whether the last instruction never falls through.
    fn ends_terminal(&self) -> bool {
        self.instrs.last().is_some_and(Instr::is_terminal)
    }

    /// Whether the next instruction can be reached: the last one falls
    /// through, or a label is placed here.
    pub(crate) fn reachable(&self) -> bool {
        !self.ends_terminal() || self.last_place == Some(self.instrs.len())
    }

    /// The index of a constant, shared with an equal constant already there
    /// (code objects are never shared).
    pub(crate) fn const_index(&mut self, c: Const) -> u32 {
        let Some(key) = ConstKey::of(&c) else {
            self.consts.push(c);
            return self.consts.len() as u32 - 1;
        };
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        self.const_index.insert(key, i);
        i
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.const_index(c);
        self.emit(Instr::LoadConst(i));
    }

    /// The index of a name in `names`.
    pub(crate) fn name_index(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.names.get(n) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.insert(n.to_string(), i);
        i
    }

    /// The index of a local in `varnames`, added on first use.
    pub(crate) fn var_index(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.varnames.get(n) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.insert(n.to_string(), i);
        i
    }

    pub(crate) fn set_cells(&mut self, cellvars: Vec<String>, freevars: Vec<String>) {
        self.cellvars = cellvars;
        self.freevars = freevars;
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

    /// Resolve labels, end with `return None` if control can fall off the
    /// end, compute the stack depth, and produce the code object.
    pub(crate) fn finish(mut self, filename: &str) -> CodeObject {
        let end = self.instrs.len() as u32;
        // A label at the end (or never placed) jumps to the implicit return.
        let to_end = self.labels.iter().any(|&l| l == end || l == u32::MAX);
        if !self.ends_terminal() || to_end {
            self.load_const(Const::None);
            self.emit(Instr::ReturnValue);
        }
        let labels = std::mem::take(&mut self.labels);
        let resolve = |t: u32| match labels.get(t as usize) {
            Some(&at) if at != u32::MAX => at,
            _ => end,
        };
        for &j in &self.jumps {
            if let Some(ins) = self.instrs.get_mut(j) {
                *ins = retarget(*ins, resolve);
            }
        }
        let max_stack = max_stack(&self.instrs);
        CodeObject {
            name: self.name,
            qualname: self.qualname,
            filename: filename.to_string(),
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

/// A jump instruction with its target mapped.
fn retarget(ins: Instr, f: impl Fn(u32) -> u32) -> Instr {
    match ins {
        Instr::Jump(t) => Instr::Jump(f(t)),
        Instr::PopJumpIfFalse(t) => Instr::PopJumpIfFalse(f(t)),
        Instr::PopJumpIfTrue(t) => Instr::PopJumpIfTrue(f(t)),
        Instr::JumpIfFalseOrPop(t) => Instr::JumpIfFalseOrPop(f(t)),
        Instr::JumpIfTrueOrPop(t) => Instr::JumpIfTrueOrPop(f(t)),
        Instr::ForIter(t) => Instr::ForIter(f(t)),
        Instr::SetupExcept(t) => Instr::SetupExcept(f(t)),
        other => other,
    }
}

/// A constant as a map key: equal keys are interchangeable constants
/// (`1` and `True` and `1.0` are not; `0.0` and `-0.0` are not).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    Ellipsis,
}

impl ConstKey {
    fn of(c: &Const) -> Option<ConstKey> {
        Some(match c {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(*i),
            Const::BigInt(b) => ConstKey::BigInt(b.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(t) => ConstKey::Tuple(t.iter().map(ConstKey::of).collect::<Option<_>>()?),
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Code(_) => return None,
        })
    }
}
