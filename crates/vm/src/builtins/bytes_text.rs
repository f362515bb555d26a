//! The text-like methods of `bytes`: `join`, `split`, `strip` and its
//! kin, `partition`, `splitlines`, case changes and tests, and
//! `bytes.fromhex`, on ASCII as CPython does them.

use crate::builtins::bytes_methods::{bytes_arg, Bytes};
use crate::builtins::def;
use crate::native::{Args, NativeDef, NativeKind, NativeKind::Method as M, R};
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("bytes.join", M, join),
    def("bytes.split", M, split),
    def("bytes.rsplit", M, rsplit),
    def("bytes.strip", M, strip),
    def("bytes.lstrip", M, lstrip),
    def("bytes.rstrip", M, rstrip),
    def("bytes.partition", M, partition),
    def("bytes.rpartition", M, rpartition),
    def("bytes.splitlines", M, splitlines),
    def("bytes.upper", M, upper),
    def("bytes.lower", M, lower),
    def("bytes.isdigit", M, isdigit),
    def("bytes.isalpha", M, isalpha),
    def("bytes.isalnum", M, isalnum),
    def("bytes.isspace", M, isspace),
    def("bytes.isupper", M, isupper),
    def("bytes.islower", M, islower),
    def("bytes.fromhex", NativeKind::ClassMethod, fromhex),
];

/// The bytes `self` stands for.
fn this(vm: &mut Vm, args: &Args, name: &str, max: usize) -> R<Bytes> {
    vm.arity_m(name, args, 1, max)?;
    bytes_arg(vm, args.pos[0], false)
}

fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.alloc(Obj::Bytes(b.into()))
}

fn list_of(vm: &mut Vm, parts: Vec<Vec<u8>>) -> Value {
    let items = parts.into_iter().map(|p| new_bytes(vm, p)).collect();
    vm.new_list(items)
}

fn join(vm: &mut Vm, args: Args) -> R<Value> {
    let sep = this(vm, &args, "join", 2)?;
    let Some(&it) = args.pos.get(1) else {
        return vm.fail(
            ExcKind::TypeError,
            "join() takes exactly one argument (0 given)",
        );
    };
    let items = vm.collect_native(it)?;
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.heap.get_obj(item) {
            Some(Obj::Bytes(b)) => out.extend_from_slice(b),
            _ => {
                let t = vm.type_name(item);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("sequence item {i}: expected a bytes-like object, {t} found"),
                );
            }
        }
    }
    Ok(new_bytes(vm, out))
}

/// The `sep` and `maxsplit` of `split`/`rsplit`, by position or keyword.
fn split_args(vm: &mut Vm, args: &Args, name: &str) -> R<(Option<Bytes>, i64)> {
    vm.arity_m(name, args, 1, 3)?;
    let sep = args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(args, "sep"))
        .filter(|v| *v != Value::None);
    let sep = match sep {
        Some(v) => {
            let s = bytes_arg(vm, v, false)?;
            if s.is_empty() {
                return vm.fail(ExcKind::ValueError, "empty separator");
            }
            Some(s)
        }
        None => None,
    };
    let max = match args
        .pos
        .get(2)
        .copied()
        .or_else(|| vm.kwarg(args, "maxsplit"))
    {
        Some(Value::Int(n)) => n,
        None => -1,
        Some(v) => {
            let t = vm.type_name(v);
            return vm.fail(
                ExcKind::TypeError,
                format!("'{t}' object cannot be interpreted as an integer"),
            );
        }
    };
    Ok((sep, max))
}

/// The pieces of `b` between runs of ASCII whitespace, at most `max`
/// splits from the start (the rest is kept as it is).
fn split_whitespace(b: &[u8], max: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if max >= 0 && out.len() as i64 == max {
            out.push(b[i..].to_vec());
            break;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        out.push(b[start..i].to_vec());
    }
    out
}

/// The pieces of `b` between occurrences of `sep`, at most `max` splits
/// from the start.
fn split_on(b: &[u8], sep: &[u8], max: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= b.len() {
        if max >= 0 && out.len() as i64 == max {
            break;
        }
        if &b[i..i + sep.len()] == sep {
            out.push(b[start..i].to_vec());
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(b[start..].to_vec());
    out
}

fn split(vm: &mut Vm, args: Args) -> R<Value> {
    let (sep, max) = split_args(vm, &args, "split")?;
    let b = bytes_arg(vm, args.pos[0], false)?;
    let parts = match sep {
        None => split_whitespace(&b, max),
        Some(sep) => split_on(&b, &sep, max),
    };
    Ok(list_of(vm, parts))
}

fn rsplit(vm: &mut Vm, args: Args) -> R<Value> {
    let (sep, max) = split_args(vm, &args, "rsplit")?;
    let mut b = bytes_arg(vm, args.pos[0], false)?.to_vec();
    b.reverse();
    let mut parts = match sep {
        None => split_whitespace(&b, max),
        Some(sep) => {
            let mut rev = sep.to_vec();
            rev.reverse();
            split_on(&b, &rev, max)
        }
    };
    for p in &mut parts {
        p.reverse();
    }
    parts.reverse();
    Ok(list_of(vm, parts))
}

/// Strip `chars` (ASCII whitespace when not given) from the ends of `self`.
fn strip_ends(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> R<Value> {
    let b = this(vm, &args, name, 2)?;
    let chars: Option<Bytes> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, *v, false)?),
    };
    let strip = |c: &u8| match &chars {
        Some(set) => set.contains(c),
        None => c.is_ascii_whitespace(),
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && strip(&b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(&b[end - 1]) {
            end -= 1;
        }
    }
    Ok(new_bytes(vm, b[start..end].to_vec()))
}

fn strip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_ends(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_ends(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_ends(vm, args, "rstrip", false, true)
}

/// `partition` (first occurrence) or `rpartition` (last).
fn partition_at(vm: &mut Vm, args: Args, name: &str, last: bool) -> R<Value> {
    vm.arity_m(name, &args, 2, 2)?;
    let b = bytes_arg(vm, args.pos[0], false)?;
    let sep = bytes_arg(vm, args.pos[1], false)?;
    if sep.is_empty() {
        return vm.fail(ExcKind::ValueError, "empty separator");
    }
    let mut found = (0..=b.len().saturating_sub(sep.len())).filter(|&i| b[i..].starts_with(&sep));
    let at = if last {
        found.next_back()
    } else {
        found.next()
    };
    let parts = match at {
        Some(i) => [b[..i].to_vec(), sep.to_vec(), b[i + sep.len()..].to_vec()],
        None if last => [Vec::new(), Vec::new(), b.to_vec()],
        None => [b.to_vec(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| new_bytes(vm, p)).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: Args) -> R<Value> {
    partition_at(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> R<Value> {
    partition_at(vm, args, "rpartition", true)
}

fn splitlines(vm: &mut Vm, args: Args) -> R<Value> {
    let b = this(vm, &args, "splitlines", 2)?;
    let keep = match args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "keepends"))
    {
        Some(v) => vm.truth(v)?.unwrap_or(false),
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        parts.push(b[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    Ok(list_of(vm, parts))
}

fn map_bytes(vm: &mut Vm, args: Args, name: &str, f: fn(&u8) -> u8) -> R<Value> {
    let b = this(vm, &args, name, 1)?;
    let out = b.iter().map(f).collect();
    Ok(new_bytes(vm, out))
}

fn upper(vm: &mut Vm, args: Args) -> R<Value> {
    map_bytes(vm, args, "upper", u8::to_ascii_uppercase)
}

fn lower(vm: &mut Vm, args: Args) -> R<Value> {
    map_bytes(vm, args, "lower", u8::to_ascii_lowercase)
}

/// Whether `self` is not empty and every byte passes `test`.
fn every(vm: &mut Vm, args: Args, name: &str, test: fn(&u8) -> bool) -> R<Value> {
    let b = this(vm, &args, name, 1)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(test)))
}

fn isdigit(vm: &mut Vm, args: Args) -> R<Value> {
    every(vm, args, "isdigit", u8::is_ascii_digit)
}

fn isalpha(vm: &mut Vm, args: Args) -> R<Value> {
    every(vm, args, "isalpha", u8::is_ascii_alphabetic)
}

fn isalnum(vm: &mut Vm, args: Args) -> R<Value> {
    every(vm, args, "isalnum", u8::is_ascii_alphanumeric)
}

fn isspace(vm: &mut Vm, args: Args) -> R<Value> {
    every(vm, args, "isspace", u8::is_ascii_whitespace)
}

/// Whether `self` has a cased byte and all its cased bytes pass `test`.
fn cased(vm: &mut Vm, args: Args, name: &str, test: fn(&u8) -> bool) -> R<Value> {
    let b = this(vm, &args, name, 1)?;
    let mut letters = b.iter().filter(|c| c.is_ascii_alphabetic()).peekable();
    let some = letters.peek().is_some();
    Ok(Value::Bool(some && letters.all(test)))
}

fn isupper(vm: &mut Vm, args: Args) -> R<Value> {
    cased(vm, args, "isupper", u8::is_ascii_uppercase)
}

fn islower(vm: &mut Vm, args: Args) -> R<Value> {
    cased(vm, args, "islower", u8::is_ascii_lowercase)
}

fn fromhex(vm: &mut Vm, args: Args) -> R<Value> {
    let Some(text) = args.pos.get(1).and_then(|v| vm.str_of(*v)) else {
        return vm.fail(ExcKind::TypeError, "fromhex() argument must be str");
    };
    let text: Vec<char> = text.s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let pair = (
            text[i].to_digit(16),
            text.get(i + 1).and_then(|c| c.to_digit(16)),
        );
        match pair {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            _ => {
                let at = if pair.0.is_some() { i + 1 } else { i };
                return vm.fail(
                    ExcKind::ValueError,
                    format!("non-hexadecimal number found in fromhex() arg at position {at}"),
                );
            }
        }
        i += 2;
    }
    Ok(new_bytes(vm, out))
}
