//! The built-in functions, types' methods and modules, registered in one
//! table of [`NativeDef`]s at start-up.

mod bytes_methods;
mod bytes_text;
mod container_dunders;
mod core;
mod ctors;
mod dict_methods;
mod gen_methods;
mod list_methods;
mod math_extra;
pub(crate) mod modules;
mod num_dunders;
mod num_methods;
mod str_methods;

use crate::native::{Args, NativeDef, NativeKind, R};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// Every built-in brine-vm defines.
pub fn all_natives() -> Vec<NativeDef> {
    let mut v = Vec::new();
    v.extend_from_slice(core::NATIVES);
    v.extend_from_slice(ctors::NATIVES);
    v.extend_from_slice(str_methods::NATIVES);
    v.extend_from_slice(bytes_methods::NATIVES);
    v.extend_from_slice(bytes_text::NATIVES);
    v.extend_from_slice(list_methods::NATIVES);
    v.extend_from_slice(dict_methods::NATIVES);
    v.extend_from_slice(container_dunders::NATIVES);
    v.extend_from_slice(num_methods::NATIVES);
    v.extend_from_slice(num_dunders::NATIVES);
    v.extend_from_slice(gen_methods::NATIVES);
    v.extend_from_slice(modules::NATIVES);
    v.extend_from_slice(math_extra::NATIVES);
    v
}

/// Shorthand for a table entry.
pub(crate) const fn def(
    name: &'static str,
    kind: NativeKind,
    f: crate::native::NativeFn,
) -> NativeDef {
    NativeDef { name, kind, f }
}

/// What `index`/`rindex` of str and bytes give for what `find`/`rfind`
/// found: the position, or `ValueError(missing)` for -1.
pub(crate) fn index_found(vm: &mut Vm, found: i64, missing: &str) -> R<Value> {
    match found {
        -1 => vm.fail(ExcKind::ValueError, missing),
        i => Ok(Value::Int(i)),
    }
}

/// The number of values in `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

/// `ascii()` of a repr: non-ASCII characters as escapes.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

impl Vm {
    /// Check a built-in's positional argument count.
    pub fn arity(&mut self, name: &str, args: &Args, min: usize, max: usize) -> R<()> {
        let n = args.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                if min == 0 {
                    format!("{name}() takes no arguments ({n} given)")
                } else if min == 1 {
                    format!("{name}() takes exactly one argument ({n} given)")
                } else {
                    format!("{name}() takes exactly {min} arguments ({n} given)")
                }
            } else if n < min {
                format!(
                    "{name} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return self.fail(ExcKind::TypeError, msg);
        }
        Ok(())
    }

    /// Check a built-in method's argument count; `args` includes `self`,
    /// which the counts in the message (as CPython writes them) leave out.
    pub fn arity_m(&mut self, name: &str, args: &Args, min: usize, max: usize) -> R<()> {
        let n = args.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let (n, min, max) = (
            n.saturating_sub(1),
            min.saturating_sub(1),
            max.saturating_sub(1),
        );
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        self.fail(ExcKind::TypeError, msg)
    }

    /// Match a built-in's arguments to its parameters `names` (positional
    /// or by keyword, CPython's way); a parameter not given is `Undef`.
    pub fn bind_params(&mut self, fname: &str, args: &Args, names: &[&str]) -> R<Vec<Value>> {
        if args.pos.len() > names.len() {
            let (max, n) = (names.len(), args.pos.len());
            return self.fail(
                ExcKind::TypeError,
                format!("{fname}() takes at most {max} arguments ({n} given)"),
            );
        }
        let mut out = args.pos.clone();
        out.resize(names.len(), Value::Undef);
        for (k, v) in &args.kw {
            let key = self.text(*k).to_string();
            let Some(i) = names.iter().position(|n| *n == key) else {
                return self.fail(
                    ExcKind::TypeError,
                    format!("{fname}() got an unexpected keyword argument '{key}'"),
                );
            };
            if !out[i].is_undef() {
                return self.fail(
                    ExcKind::TypeError,
                    format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    ),
                );
            }
            out[i] = *v;
        }
        Ok(out)
    }

    /// A keyword argument by name, if given.
    pub fn kwarg(&self, args: &Args, name: &str) -> Option<Value> {
        args.kw
            .iter()
            .find(|(k, _)| self.text(*k) == name)
            .map(|(_, v)| *v)
    }

    /// Reject keyword arguments other than `allowed`.
    pub fn only_kwargs(&mut self, fname: &str, args: &Args, allowed: &[&str]) -> R<()> {
        for (k, _) in &args.kw {
            let n = self.text(*k).to_string();
            if !allowed.contains(&n.as_str()) {
                return self.fail(
                    ExcKind::TypeError,
                    format!("{fname}() got an unexpected keyword argument '{n}'"),
                );
            }
        }
        Ok(())
    }

    /// An int argument (bools count), or a `TypeError`.
    pub fn int_arg(&mut self, v: Value, what: &str) -> R<i64> {
        match self.unwrap_base(v) {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(i64::from(b)),
            other => {
                if self.is_bigint(other) {
                    return self.fail(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    );
                }
                let t = self.type_name(v);
                self.fail(
                    ExcKind::TypeError,
                    format!("'{t}' object cannot be interpreted as an integer{what}"),
                )
            }
        }
    }
}
