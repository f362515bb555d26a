//! Calls: `obj.m(a)` through `LoadMethod`/`CallMethod`, `f(a, k=v)` through
//! `Call`/`CallKw`, and anything with `*args` or `**kwargs` through `CallEx`.

use brine_vm::bytecode::Instr;
use brine_vm::Const;

use crate::ast::{Expr, ExprKind, Keyword};
use crate::compiler::Codegen;
use crate::error::CompileError;
use crate::expr::Display;

type R = Result<(), CompileError>;

impl<'a> Codegen<'a> {
    /// `func(args, keywords)`.
    pub(crate) fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        self.check_keywords(keywords)?;
        let plain_args = !args.iter().any(is_starred);
        if plain_args && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                let i = self.attr_index(attr);
                self.emit(Instr::LoadMethod(i));
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_args(0, args, keywords)
    }

    /// Call the callable on the stack below `pushed` positional arguments
    /// already pushed, followed by `args` and `keywords`.
    pub(crate) fn call_args(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> R {
        let unpacking = args.iter().any(is_starred) || keywords.iter().any(|k| k.name.is_none());
        if !unpacking {
            for a in args {
                self.expr(a)?;
            }
            let n = pushed + args.len() as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call(n));
                return Ok(());
            }
            let mut names = Vec::with_capacity(keywords.len());
            for k in keywords {
                self.expr(&k.value)?;
                names.push(Const::Str(k.name.clone().unwrap_or_default()));
            }
            self.unit.load_const(Const::Tuple(names));
            self.emit(Instr::CallKw(n + keywords.len() as u32));
            return Ok(());
        }
        // f(*a, **k): a tuple of the positional arguments, a dict of the rest.
        self.seq_build(pushed, args, Display::Tuple)?;
        if keywords.is_empty() {
            self.emit(Instr::CallEx(false));
            return Ok(());
        }
        let mut have_dict = false;
        let mut i = 0;
        while i < keywords.len() {
            let run = keywords[i..]
                .iter()
                .take_while(|k| k.name.is_some())
                .count();
            if run > 0 {
                for k in &keywords[i..i + run] {
                    self.unit
                        .load_const(Const::Str(k.name.clone().unwrap_or_default()));
                    self.expr(&k.value)?;
                }
                self.emit(Instr::BuildMap(run as u32));
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
                have_dict = true;
                i += run;
            } else {
                if !have_dict {
                    self.emit(Instr::BuildMap(0));
                    have_dict = true;
                }
                self.expr(&keywords[i].value)?;
                self.emit(Instr::DictMerge(1));
                i += 1;
            }
        }
        self.emit(Instr::CallEx(true));
        Ok(())
    }

    /// `f(a=1, a=2)` is a `SyntaxError`.
    pub(crate) fn check_keywords(&self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.name else { continue };
            if keywords[..i].iter().any(|p| p.name.as_ref() == Some(name)) {
                return Err(self.err(k.pos, format!("keyword argument repeated: {name}")));
            }
        }
        Ok(())
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}
