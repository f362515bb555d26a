//! Control flow with blocks: loops, `try`/`except`/`else`/`finally`, `with`,
//! and the `break`, `continue` and `return` that leave them early.
//!
//! The shapes follow the handler protocol of brine-vm's instruction set
//! (`SetupExcept` pushes a handler; when something is raised the stack is
//! cut back to its depth at `SetupExcept` and the exception pushed):
//!
//! ```text
//! try/except:  SetupExcept(H) body PopBlock else Jump(END)
//!          H:  [exc] <type> CheckExcMatch PopJumpIfFalse(NEXT) Store/PopTop
//!              handler-body PopExcept Jump(END)   NEXT: … Reraise   END:
//! try/finally: SetupExcept(F) body PopBlock finally Jump(END)
//!          F:  [exc] finally Reraise   END:
//! with:        <ctx> BeforeWith Store/PopTop SetupExcept(H) body PopBlock
//!              exit(None, None, None) PopTop Jump(END)
//!          H:  [exit, exc] WithExceptStart PopJumpIfTrue(S) Reraise
//!          S:  PopTop PopExcept PopTop   END:
//! ```
//!
//! Leaving blocks early undoes each of them, innermost first, as CPython's
//! `compiler_unwind_fblock` does: `PopBlock` for a protected body, the
//! `finally` body compiled once more, `PopExcept` (and the exception popped)
//! for a handler, `exit(None, None, None)` for a `with`, the iterator popped
//! for a `for` loop that a `break` or `return` leaves. A `return` evaluates
//! its value first and keeps it on top (`Swap(2)` before each pop).

use brine_vm::bytecode::Instr;
use brine_vm::code::flags;
use brine_vm::Const;

use crate::ast::{Expr, For, Pos, Stmt, Try, WithItem};
use crate::compiler::Codegen;
use crate::error::CompileError;
use crate::symtable::ScopeKind;
use crate::unit::{Block, Label};

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    pub(crate) fn while_loop(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let start = self.unit.new_label();
        let other = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.place(start);
        self.cond_jump(test, false, other)?;
        self.unit.blocks.push(Block::Loop {
            start,
            end,
            is_for: false,
        });
        self.stmts(body)?;
        self.unit.blocks.pop();
        self.set_line(test.pos);
        self.unit.jump(Instr::Jump, start);
        self.unit.place(other);
        self.stmts(orelse)?;
        self.unit.place(end);
        Ok(())
    }

    pub(crate) fn for_loop(&mut self, pos: Pos, f: &'a For) -> R {
        if f.is_async {
            return self.async_for_loop(pos, f);
        }
        let start = self.unit.new_label();
        let other = self.unit.new_label();
        let end = self.unit.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.unit.place(start);
        self.unit.jump(Instr::ForIter, other);
        self.for_body(pos, f, start, end)?;
        self.unit.place(other);
        self.stmts(&f.orelse)?;
        self.unit.place(end);
        Ok(())
    }

    /// A `for` loop's target and body, the item being on the stack; back
    /// to `start` after it (`break` goes to `end`).
    fn for_body(&mut self, pos: Pos, f: &'a For, start: Label, end: Label) -> R {
        self.store(&f.target)?;
        self.unit.blocks.push(Block::Loop {
            start,
            end,
            is_for: true,
        });
        self.stmts(&f.body)?;
        self.unit.blocks.pop();
        self.set_line(pos);
        self.unit.jump(Instr::Jump, start);
        Ok(())
    }

    /// `async for`: each item is `await aiter.__anext__()`, and the
    /// `StopAsyncIteration` that ends the loop is caught by `EndAsyncFor`.
    fn async_for_loop(&mut self, pos: Pos, f: &'a For) -> R {
        self.check_async(pos, "'async for' outside async function")?;
        let start = self.unit.new_label();
        let stop = self.unit.new_label();
        let end = self.unit.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        self.unit.place(start);
        self.unit.jump(Instr::SetupExcept, stop);
        self.emit(Instr::GetANext);
        self.await_top();
        self.emit(Instr::PopBlock);
        self.for_body(pos, f, start, end)?;
        self.unit.place(stop);
        self.emit(Instr::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.unit.place(end);
        Ok(())
    }

    /// An error unless the code being compiled is a coroutine or an async generator.
    fn check_async(&self, pos: Pos, message: &str) -> R {
        if self.unit.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) == 0 {
            return Err(self.err(pos, message));
        }
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, pos: Pos) -> R {
        let Some((i, _, end, is_for)) = self.innermost_loop() else {
            return Err(self.err(pos, "'break' outside loop"));
        };
        self.unwind(i + 1, false)?;
        if is_for {
            self.emit(Instr::PopTop);
        }
        self.unit.jump(Instr::Jump, end);
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, pos: Pos) -> R {
        let Some((i, start, _, _)) = self.innermost_loop() else {
            return Err(self.err(pos, "'continue' not properly in loop"));
        };
        self.unwind(i + 1, false)?;
        self.unit.jump(Instr::Jump, start);
        Ok(())
    }

    /// The innermost loop's block index, start, end, and whether it is a `for`.
    fn innermost_loop(&self) -> Option<(usize, crate::unit::Label, crate::unit::Label, bool)> {
        self.unit
            .blocks
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, b)| match b {
                Block::Loop { start, end, is_for } => Some((i, *start, *end, *is_for)),
                _ => None,
            })
    }

    pub(crate) fn return_stmt(&mut self, pos: Pos, value: Option<&'a Expr>) -> R {
        if self.scope().kind != ScopeKind::Function {
            return Err(self.err(pos, "'return' outside function"));
        }
        match value {
            Some(_) if self.unit.flags & flags::ASYNC_GENERATOR != 0 => {
                return Err(self.err(pos, "'return' with value in async generator"));
            }
            Some(v) => self.expr(v)?,
            None => self.unit.load_const(Const::None),
        }
        self.unwind(0, true)?;
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// Undo the blocks above the first `keep`, innermost first. Each one is
    /// undone with only the blocks around it active, so that a `finally`
    /// body compiled here unwinds correctly itself.
    fn unwind(&mut self, keep: usize, preserve_tos: bool) -> R {
        let line = self.unit.line;
        let saved = self.unit.blocks.clone();
        let mut result = Ok(());
        while self.unit.blocks.len() > keep {
            let Some(b) = self.unit.blocks.pop() else {
                break;
            };
            result = self.unwind_block(&b, preserve_tos);
            if result.is_err() {
                break;
            }
        }
        self.unit.blocks = saved;
        self.unit.line = line;
        result
    }

    fn unwind_block(&mut self, b: &Block<'a>, preserve_tos: bool) -> R {
        match b {
            Block::Loop { is_for, .. } => {
                if *is_for {
                    self.pop_under(preserve_tos);
                }
            }
            Block::Try => self.emit(Instr::PopBlock),
            Block::Finally(body) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.unit.blocks.push(Block::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.unit.blocks.pop();
                }
            }
            Block::FinallyEnd => {
                self.pop_under(preserve_tos);
                self.emit(Instr::PopExcept);
            }
            Block::Handler(name) => {
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
            Block::With { is_async } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones(*is_async);
            }
            Block::PopValue => self.pop_under(preserve_tos),
        }
        Ok(())
    }

    /// Pop the top of the stack, or the value under it when the top is kept.
    fn pop_under(&mut self, preserve_tos: bool) {
        if preserve_tos {
            self.emit(Instr::Swap(2));
        }
        self.emit(Instr::PopTop);
    }

    pub(crate) fn try_stmt(&mut self, t: &'a Try) -> R {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let on_exc = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.jump(Instr::SetupExcept, on_exc);
        self.unit.blocks.push(Block::Finally(&t.finalbody));
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.unit.blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.finalbody)?;
        self.unit.jump(Instr::Jump, end);
        self.unit.place(on_exc);
        self.unit.blocks.push(Block::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.unit.blocks.pop();
        self.emit(Instr::Reraise);
        self.unit.place(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a Try) -> R {
        let handler = self.unit.new_label();
        let end = self.unit.new_label();
        self.unit.jump(Instr::SetupExcept, handler);
        self.unit.blocks.push(Block::Try);
        self.stmts(&t.body)?;
        self.unit.blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        self.unit.jump(Instr::Jump, end);
        self.unit.place(handler);
        for (k, h) in t.handlers.iter().enumerate() {
            self.set_line(h.pos);
            let next = self.unit.new_label();
            match &h.typ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.unit.jump(Instr::PopJumpIfFalse, next);
                }
                None if k + 1 < t.handlers.len() => {
                    return Err(self.err(h.pos, "default 'except:' must be last"));
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    // `except E as name`: name is unbound afterwards, on
                    // every way out of the handler.
                    self.store_name(name)?;
                    let cleanup = self.unit.new_label();
                    self.unit.jump(Instr::SetupExcept, cleanup);
                    self.unit.blocks.push(Block::Handler(Some(name.as_str())));
                    self.unit.blocks.push(Block::Try);
                    self.stmts(&h.body)?;
                    self.unit.blocks.pop();
                    self.unit.blocks.pop();
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.clear_name(name)?;
                    self.unit.jump(Instr::Jump, end);
                    self.unit.place(cleanup);
                    self.clear_name(name)?;
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.unit.blocks.push(Block::Handler(None));
                    self.stmts(&h.body)?;
                    self.unit.blocks.pop();
                    self.emit(Instr::PopExcept);
                    self.unit.jump(Instr::Jump, end);
                }
            }
            self.unit.place(next);
        }
        // No clause matched: raise it again.
        self.emit(Instr::Reraise);
        self.unit.place(end);
        Ok(())
    }

    /// `name = None; del name`, as CPython does after `except … as name`.
    fn clear_name(&mut self, name: &str) -> R {
        self.unit.load_const(Const::None);
        self.store_name(name)?;
        self.delete_name(name)
    }

    /// `with a as x, b as y: body` is `with a as x: with b as y: body`.
    pub(crate) fn with_items(
        &mut self,
        pos: Pos,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.unit.new_label();
        let suppress = self.unit.new_label();
        let end = self.unit.new_label();
        if is_async {
            self.check_async(pos, "'async with' outside async function")?;
        }
        self.expr(&item.ctx)?;
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.await_top();
        } else {
            self.emit(Instr::BeforeWith);
        }
        // The enter result is stored before the handler is set up: the
        // handler's stack must be `[exit, exc]`.
        match &item.target {
            Some(t) => self.store(t)?,
            None => self.emit(Instr::PopTop),
        }
        self.unit.jump(Instr::SetupExcept, handler);
        self.unit.blocks.push(Block::With { is_async });
        self.with_items(pos, rest, body, is_async)?;
        self.unit.blocks.pop();
        self.set_line(pos);
        self.emit(Instr::PopBlock);
        self.call_exit_with_nones(is_async);
        self.unit.jump(Instr::Jump, end);
        self.unit.place(handler);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.await_top();
        }
        self.unit.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.unit.place(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.unit.place(end);
        Ok(())
    }

    /// `[exit] => []`: call `exit(None, None, None)` (and await it, for
    /// `async with`) and drop the result.
    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.unit.load_const(Const::None);
        self.emit(Instr::Copy(1));
        self.emit(Instr::Copy(1));
        self.emit(Instr::Call(3));
        if is_async {
            self.await_top();
        }
        self.emit(Instr::PopTop);
    }
}
