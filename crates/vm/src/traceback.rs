//! Printing uncaught exceptions as CPython does.

use crate::interp::RunOutcome;
use crate::object::Obj;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Run `callee(*args)` to completion on a fresh execution state (a host
    /// call, nested in nothing): `Ok(result)` or `Err(exception)`.
    pub fn call_to_completion(&mut self, callee: Value, args: Vec<Value>) -> Result<Value, Value> {
        let mut st = match self.start_call(callee, args) {
            Ok(st) => st,
            Err(crate::native::Ctl::Raise(e)) => return Err(e),
            Err(_) => return Err(Value::None),
        };
        loop {
            match self.run(&mut st, u64::MAX) {
                RunOutcome::Finished(v) => return Ok(v),
                RunOutcome::Raised(e) => return Err(e),
                RunOutcome::BudgetSpent => continue,
                RunOutcome::Request(_) => return Err(Value::None),
            }
        }
    }

    /// The `str()` of a value, running user `__str__` if there is one.
    pub fn str_to_completion(&mut self, v: Value) -> String {
        let f = Value::Obj(self.types.str_);
        match self.call_to_completion(f, vec![v]) {
            Ok(s) => self.text(s).to_string(),
            Err(_) => String::from("<exception str() failed>"),
        }
    }

    /// The last line CPython prints for an exception: `Type: message`.
    pub fn exception_line(&mut self, exc: Value) -> String {
        let cls = self.type_of(exc);
        let mut name = self
            .class(cls)
            .map(|c| self.text(c.qualname).to_string())
            .unwrap_or_default();
        if let Some(c) = self.class(cls) {
            if !c.builtin {
                let module = self
                    .dict_ref(c.dict)
                    .and_then(|d| d.get(&Vm::key_of("__module__")))
                    .map(|m| self.text(m).to_string())
                    .unwrap_or_default();
                if !module.is_empty() && module != "__main__" && module != "builtins" {
                    name = format!("{module}.{name}");
                }
            }
        }
        let msg = self.str_to_completion(exc);
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// The whole report CPython prints for an uncaught exception, chained
    /// causes and contexts first.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut chain = vec![(exc, "")];
        let mut cur = exc;
        let mut seen = vec![exc];
        while let Some(d) = self.exc_data(cur) {
            let (next, how) = if d.cause != Value::None {
                (
                    d.cause,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                )
            } else if d.context != Value::None && !d.suppress_context {
                (
                    d.context,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                )
            } else {
                break;
            };
            if seen.iter().any(|s| s.is(next)) {
                break;
            }
            seen.push(next);
            chain.push((next, how));
            cur = next;
        }
        let mut out = String::new();
        for (e, how) in chain.into_iter().rev() {
            out.push_str(&self.format_one(e));
            out.push_str(how);
        }
        out
    }

    fn flush_repeats(&self, out: &mut String, repeats: usize) {
        if repeats >= 3 {
            let more = repeats - 2;
            let s = if more == 1 { "" } else { "s" };
            out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
        }
    }

    fn format_tb_entry(&self, out: &mut String, e: crate::object::TbEntry) {
        let (file, name) = match self.heap.get(e.code) {
            Obj::Code(c) => (c.code.filename.clone(), c.code.name.clone()),
            _ => ("?".into(), "?".into()),
        };
        out.push_str(&format!("  File \"{file}\", line {}, in {name}\n", e.line));
        if let Ok(src) = std::fs::read_to_string(&file) {
            if let Some(l) = src.lines().nth(e.line.saturating_sub(1) as usize) {
                out.push_str(&format!("    {}\n", l.trim()));
            }
        }
    }

    fn format_one(&mut self, exc: Value) -> String {
        let mut out = self.format_traceback(exc);
        if self.exc_is(exc, crate::types::ExcKind::SyntaxError) {
            if let Value::Obj(id) = exc {
                if let Obj::Instance(i) = self.heap.get(id) {
                    let attrs = self.dict_ref(i.dict);
                    let get = |k: &str| attrs.and_then(|d| d.get(&Vm::key_of(k)));
                    let file = get("filename")
                        .map(|v| self.text(v).to_string())
                        .unwrap_or_default();
                    let line = match get("lineno") {
                        Some(Value::Int(n)) => n,
                        _ => 0,
                    };
                    let text = get("text")
                        .map(|v| self.text(v).to_string())
                        .unwrap_or_default();
                    out.push_str(&format!("  File \"{file}\", line {line}\n"));
                    if !text.trim().is_empty() {
                        out.push_str(&format!("    {}\n", text.trim()));
                    }
                }
            }
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        out
    }

    /// The `Traceback (most recent call last):` part of an exception's
    /// report, one entry per frame it passed; empty when it has none.
    pub fn format_traceback(&self, exc: Value) -> String {
        let mut out = String::new();
        let tb = self
            .exc_data(exc)
            .map(|d| d.traceback.clone())
            .unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints a line repeated more than three times in a row
            // three times, then says how many more there were.
            let mut last: Option<crate::object::TbEntry> = None;
            let mut repeats = 0usize;
            for e in tb.iter().rev() {
                if last == Some(*e) {
                    repeats += 1;
                    if repeats >= 3 {
                        continue;
                    }
                } else {
                    self.flush_repeats(&mut out, repeats);
                    repeats = 0;
                }
                last = Some(*e);
                self.format_tb_entry(&mut out, *e);
            }
            self.flush_repeats(&mut out, repeats);
        }
        out
    }
}
