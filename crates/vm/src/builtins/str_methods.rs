//! Methods of `str` and `bytes`.

use std::rc::Rc;

use crate::builtins::def;
use crate::native::{Args, Ctl, NativeDef, NativeKind::Function as F, NativeKind::Method as M, R};
use crate::object::Obj;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("str.split", M, split),
    def("str.rsplit", M, rsplit),
    def("str.join", M, join),
    def("str.strip", M, strip),
    def("str.lstrip", M, lstrip),
    def("str.rstrip", M, rstrip),
    def("str.replace", M, replace),
    def("str.find", M, find),
    def("str.rfind", M, rfind),
    def("str.index", M, index),
    def("str.rindex", M, rindex),
    def("str.count", M, count),
    def("str.startswith", M, startswith),
    def("str.endswith", M, endswith),
    def("str.upper", M, upper),
    def("str.lower", M, lower),
    def("str.casefold", M, lower),
    def("str.title", M, title),
    def("str.capitalize", M, capitalize),
    def("str.swapcase", M, swapcase),
    def("str.isdigit", M, isdigit),
    def("str.isdecimal", M, isdigit),
    def("str.isnumeric", M, isnumeric),
    def("str.isalpha", M, isalpha),
    def("str.isalnum", M, isalnum),
    def("str.isspace", M, isspace),
    def("str.isupper", M, isupper),
    def("str.islower", M, islower),
    def("str.istitle", M, istitle),
    def("str.isidentifier", M, isidentifier),
    def("str.isascii", M, isascii),
    def("str.zfill", M, zfill),
    def("str.center", M, center),
    def("str.ljust", M, ljust),
    def("str.rjust", M, rjust),
    def("str.partition", M, partition),
    def("str.rpartition", M, rpartition),
    def("str.splitlines", M, splitlines),
    def("str.format", M, format),
    def("str.format_map", M, format_map),
    def("str.encode", M, encode),
    def("str.removeprefix", M, removeprefix),
    def("str.removesuffix", M, removesuffix),
    def("str.expandtabs", M, expandtabs),
    def("str.translate", M, translate),
    def("str.maketrans", F, maketrans),
    def("str.__format__", M, dunder_format),
    def("builtins._format_parse", F, format_parse),
    def("bytes.decode", M, decode),
    def("bytes.hex", M, bytes_hex),
];

fn this(vm: &mut Vm, args: &Args, name: &str) -> R<Rc<str>> {
    match args.pos.first().and_then(|v| vm.str_of(*v)) {
        Some(s) => Ok(s.s.clone()),
        None => {
            let t = args
                .pos
                .first()
                .map(|v| vm.type_name(*v))
                .unwrap_or_default();
            vm.fail(
                ExcKind::TypeError,
                format!("descriptor '{name}' for 'str' objects doesn't apply to a '{t}' object"),
            )
        }
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> R<Rc<str>> {
    match vm.str_of(v) {
        Some(s) => Ok(s.s.clone()),
        None => {
            let t = vm.type_name(v);
            vm.fail(ExcKind::TypeError, format!("{what} must be str, not {t}"))
        }
    }
}

fn opt_str(vm: &mut Vm, args: &Args, i: usize, name: &str) -> R<Option<Rc<str>>> {
    match args.pos.get(i).copied().or_else(|| vm.kwarg(args, name)) {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg(vm, v, "argument").map(Some),
    }
}

fn list_of_strs(vm: &mut Vm, parts: Vec<String>) -> Value {
    let items = parts.into_iter().map(|p| vm.new_string(p)).collect();
    vm.new_list(items)
}

fn maxsplit(vm: &mut Vm, args: &Args) -> R<i64> {
    match args
        .pos
        .get(2)
        .copied()
        .or_else(|| vm.kwarg(args, "maxsplit"))
    {
        Some(v) => vm.int_arg(v, ""),
        None => Ok(-1),
    }
}

fn split(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "split")?;
    let sep = opt_str(vm, &args, 1, "sep")?;
    let max = maxsplit(vm, &args)?;
    let parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            out
        }
        Some(sep) => {
            if sep.is_empty() {
                return vm.fail(ExcKind::ValueError, "empty separator");
            }
            if max < 0 {
                s.split(&*sep).map(str::to_string).collect()
            } else {
                s.splitn(max as usize + 1, &*sep)
                    .map(str::to_string)
                    .collect()
            }
        }
    };
    Ok(list_of_strs(vm, parts))
}

fn rsplit(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "rsplit")?;
    let sep = opt_str(vm, &args, 1, "sep")?;
    let max = maxsplit(vm, &args)?;
    let mut parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out
        }
        Some(sep) => {
            if sep.is_empty() {
                return vm.fail(ExcKind::ValueError, "empty separator");
            }
            if max < 0 {
                s.rsplit(&*sep).map(str::to_string).collect()
            } else {
                s.rsplitn(max as usize + 1, &*sep)
                    .map(str::to_string)
                    .collect()
            }
        }
    };
    parts.reverse();
    Ok(list_of_strs(vm, parts))
}

fn join(vm: &mut Vm, args: Args) -> R<Value> {
    let sep = this(vm, &args, "join")?;
    vm.arity_m("join", &args, 2, 2)?;
    let it = args.pos[1];
    if !vm.is_native_iterable(it) {
        let f = vm.prelude_fn("_join")?;
        return Err(Ctl::tail_call(f, vec![args.pos[0], it]));
    }
    let items = vm.collect_native(it)?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.str_of(*x) {
            Some(s) => out.push_str(&s.s),
            None => {
                let t = vm.type_name(*x);
                return vm.fail(
                    ExcKind::TypeError,
                    format!("sequence item {i}: expected str instance, {t} found"),
                );
            }
        }
    }
    Ok(vm.new_string(out))
}

fn strip_with(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> R<Value> {
    let s = this(vm, &args, name)?;
    let chars = opt_str(vm, &args, 1, "chars")?;
    let pat = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_whitespace(),
    };
    let mut r: &str = &s;
    if left {
        r = r.trim_start_matches(pat);
    }
    if right {
        r = r.trim_end_matches(pat);
    }
    if r.len() == s.len() {
        return Ok(args.pos[0]);
    }
    let r = r.to_string();
    Ok(vm.new_string(r))
}

fn strip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_with(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_with(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> R<Value> {
    strip_with(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "replace")?;
    vm.arity_m("replace", &args, 3, 4)?;
    let old = str_arg(vm, args.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, args.pos[2], "replace() argument 2")?;
    let count = match args.pos.get(3) {
        Some(v) => vm.int_arg(*v, "")?,
        None => -1,
    };
    let r = if count < 0 {
        s.replace(&*old, &new)
    } else {
        s.replacen(&*old, &new, count as usize)
    };
    Ok(vm.new_string(r))
}

/// The character range `[start, end)` of optional slice arguments, as byte offsets.
fn sub_range(vm: &mut Vm, s: &str, args: &Args, first: usize) -> R<(usize, usize)> {
    let nchars = s.chars().count();
    let start = args.pos.get(first).copied().unwrap_or(Value::None);
    let end = args.pos.get(first + 1).copied().unwrap_or(Value::None);
    let sl = vm.slice_indices(start, end, Value::None, nchars)?;
    let (a, b) = (
        sl.start.max(0) as usize,
        (sl.start.max(0) as usize + sl.len).max(sl.start.max(0) as usize),
    );
    let b = if sl.len == 0 {
        a.max(if sl.stop > sl.start {
            sl.stop as usize
        } else {
            a
        })
    } else {
        b
    };
    Ok((
        char_to_byte(s, a.min(nchars)),
        char_to_byte(s, b.min(nchars)),
    ))
}

fn char_to_byte(s: &str, c: usize) -> usize {
    if s.is_ascii() {
        return c.min(s.len());
    }
    s.char_indices().nth(c).map(|(i, _)| i).unwrap_or(s.len())
}

fn byte_to_char(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, rev: bool) -> R<i64> {
    let s = this(vm, args, name)?;
    if args.pos.len() < 2 {
        return vm.fail(
            ExcKind::TypeError,
            format!("{name}() takes at least 1 argument (0 given)"),
        );
    }
    let sub = str_arg(vm, args.pos[1], "must be str, not")?;
    let (a, b) = sub_range(vm, &s, args, 2)?;
    if a > b {
        return Ok(-1);
    }
    let hay = &s[a..b];
    let r = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(match r {
        Some(i) => byte_to_char(&s, a + i) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: Args) -> R<Value> {
    find_impl(vm, &args, "find", false).map(Value::Int)
}

fn rfind(vm: &mut Vm, args: Args) -> R<Value> {
    find_impl(vm, &args, "rfind", true).map(Value::Int)
}

fn index(vm: &mut Vm, args: Args) -> R<Value> {
    let found = find_impl(vm, &args, "index", false)?;
    crate::builtins::index_found(vm, found, "substring not found")
}

fn rindex(vm: &mut Vm, args: Args) -> R<Value> {
    let found = find_impl(vm, &args, "rindex", true)?;
    crate::builtins::index_found(vm, found, "substring not found")
}

fn count(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "count")?;
    if args.pos.len() < 2 {
        return vm.fail(
            ExcKind::TypeError,
            "count() takes at least 1 argument (0 given)",
        );
    }
    let sub = str_arg(vm, args.pos[1], "must be str, not")?;
    let (a, b) = sub_range(vm, &s, &args, 2)?;
    let hay = if a <= b { &s[a..b] } else { "" };
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: Args, name: &str, end: bool) -> R<Value> {
    let s = this(vm, &args, name)?;
    if args.pos.len() < 2 {
        return vm.fail(
            ExcKind::TypeError,
            format!("{name}() takes at least 1 argument (0 given)"),
        );
    }
    let (a, b) = sub_range(vm, &s, &args, 2)?;
    let hay = if a <= b { &s[a..b] } else { "" };
    let pats: Vec<Value> = match args.pos[1] {
        Value::Obj(id) => match vm.heap.get(id) {
            Obj::Tuple(t) => t.clone(),
            _ => vec![args.pos[1]],
        },
        v => vec![v],
    };
    for p in pats {
        let Some(ps) = vm.str_of(p).map(|x| x.s.to_string()) else {
            let t = vm.type_name(p);
            return vm.fail(
                ExcKind::TypeError,
                format!("{name} first arg must be str or a tuple of str, not {t}"),
            );
        };
        if (end && hay.ends_with(&ps)) || (!end && hay.starts_with(&ps)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> R<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> R<Value> {
    affix(vm, args, "endswith", true)
}

fn map_str(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> String) -> R<Value> {
    let s = this(vm, &args, name)?;
    let r = f(&s);
    Ok(vm.new_string(r))
}

fn upper(vm: &mut Vm, args: Args) -> R<Value> {
    map_str(vm, args, "upper", str::to_uppercase)
}

fn lower(vm: &mut Vm, args: Args) -> R<Value> {
    map_str(vm, args, "lower", str::to_lowercase)
}

fn title_of(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn title(vm: &mut Vm, args: Args) -> R<Value> {
    map_str(vm, args, "title", title_of)
}

fn capitalize(vm: &mut Vm, args: Args) -> R<Value> {
    map_str(vm, args, "capitalize", |s| {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
            None => String::new(),
        }
    })
}

fn swapcase(vm: &mut Vm, args: Args) -> R<Value> {
    map_str(vm, args, "swapcase", |s| {
        s.chars()
            .flat_map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<Vec<_>>()
                } else {
                    c.to_uppercase().collect::<Vec<_>>()
                }
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> bool) -> R<Value> {
    let s = this(vm, &args, name)?;
    Ok(Value::Bool(f(&s)))
}

fn isdigit(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isdigit", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c.to_digit(10).is_some_and(|_| c.is_numeric()))
    })
}

fn isnumeric(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isnumeric", |s| {
        !s.is_empty() && s.chars().all(char::is_numeric)
    })
}

fn isalpha(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isalnum", |s| {
        !s.is_empty() && s.chars().all(char::is_alphanumeric)
    })
}

fn isspace(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isspace", |s| {
        !s.is_empty() && s.chars().all(char::is_whitespace)
    })
}

fn isupper(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isupper", |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}

fn islower(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "islower", |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}

fn istitle(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "istitle", |s| {
        s.chars().any(char::is_alphabetic) && title_of(s) == s
    })
}

fn isidentifier(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isidentifier", |s| {
        let mut c = s.chars();
        matches!(c.next(), Some(f) if f == '_' || f.is_alphabetic())
            && c.all(|x| x == '_' || x.is_alphanumeric())
    })
}

fn isascii(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isascii", str::is_ascii)
}

fn zfill(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "zfill")?;
    vm.arity_m("zfill", &args, 2, 2)?;
    let w = vm.int_arg(args.pos[1], "")?.max(0) as usize;
    let n = s.chars().count();
    if n >= w {
        return Ok(args.pos[0]);
    }
    let (sign, rest) = if s.starts_with(['+', '-']) {
        s.split_at(1)
    } else {
        ("", &*s)
    };
    let r = format!("{sign}{}{rest}", "0".repeat(w - n));
    Ok(vm.new_string(r))
}

fn justify(vm: &mut Vm, args: Args, name: &str, align: char) -> R<Value> {
    let s = this(vm, &args, name)?;
    vm.arity_m(name, &args, 2, 3)?;
    let w = vm.int_arg(args.pos[1], "")?.max(0) as usize;
    let fill = match args.pos.get(2) {
        Some(v) => {
            let f = str_arg(vm, *v, "The fill character")?;
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return vm.fail(
                        ExcKind::TypeError,
                        "The fill character must be exactly one character long",
                    )
                }
            }
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= w {
        return Ok(args.pos[0]);
    }
    let pad = w - n;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    let r = match align {
        '<' => format!("{s}{}", fills(pad)),
        '>' => format!("{}{s}", fills(pad)),
        _ => {
            let left = pad / 2 + (pad & w & 1);
            format!("{}{s}{}", fills(left), fills(pad - left))
        }
    };
    Ok(vm.new_string(r))
}

fn center(vm: &mut Vm, args: Args) -> R<Value> {
    justify(vm, args, "center", '^')
}

fn ljust(vm: &mut Vm, args: Args) -> R<Value> {
    justify(vm, args, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: Args) -> R<Value> {
    justify(vm, args, "rjust", '>')
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> R<Value> {
    let s = this(vm, &args, "partition")?;
    vm.arity_m("partition", &args, 2, 2)?;
    let sep = str_arg(vm, args.pos[1], "must be str, not")?;
    if sep.is_empty() {
        return vm.fail(ExcKind::ValueError, "empty separator");
    }
    let found = if rev { s.rfind(&*sep) } else { s.find(&*sep) };
    let parts = match found {
        Some(i) => [
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ],
        None if rev => [String::new(), String::new(), s.to_string()],
        None => [s.to_string(), String::new(), String::new()],
    };
    let items = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: Args) -> R<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args) -> R<Value> {
    partition_impl(vm, args, true)
}

fn splitlines(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "splitlines")?;
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
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                end.push('\n');
            }
            if keep {
                cur.push_str(&end);
            }
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    Ok(list_of_strs(vm, parts))
}

/// One piece of a format string: literal text, then an optional field
/// (name, conversion, spec).
pub(crate) type FormatPiece = (String, Option<(String, Option<char>, String)>);

/// Split a `str.format` template into pieces.
pub(crate) fn parse_format(fmt: &str) -> Result<Vec<FormatPiece>, &'static str> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                lit.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err("expected '}' before end of string");
            }
            let field: String = chars[i + 1..j].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(k) => (field[..k].to_string(), field[k + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(k) => {
                    let conv = head[k + 1..].chars().next();
                    if !matches!(conv, Some('r' | 's' | 'a')) || head[k + 1..].len() != 1 {
                        return Err("invalid conversion specifier");
                    }
                    (head[..k].to_string(), conv)
                }
                None => (head, None),
            };
            out.push((std::mem::take(&mut lit), Some((name, conv, spec))));
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err("Single '}' encountered in format string");
        } else {
            lit.push(c);
            i += 1;
        }
    }
    if !lit.is_empty() {
        out.push((lit, None));
    }
    Ok(out)
}

fn format_parse(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "_format_parse")?;
    let pieces = match parse_format(&s) {
        Ok(p) => p,
        Err(e) => return vm.fail(ExcKind::ValueError, e),
    };
    let mut items = Vec::new();
    for (lit, field) in pieces {
        let lit = vm.new_string(lit);
        let t = match field {
            Some((name, conv, spec)) => {
                let n = vm.new_string(name);
                let c = match conv {
                    Some(c) => vm.new_string(c.to_string()),
                    None => Value::None,
                };
                let sp = vm.new_string(spec);
                vm.new_tuple(vec![lit, n, c, sp])
            }
            None => vm.new_tuple(vec![lit, Value::None, Value::None, Value::None]),
        };
        items.push(t);
    }
    Ok(vm.new_list(items))
}

/// `str.format_map(mapping)`: `format` with fields looked up in `mapping`
/// (any object with `__getitem__`, so a `defaultdict` or a `dict` subclass
/// with `__missing__` works as in CPython).
fn format_map(vm: &mut Vm, args: Args) -> R<Value> {
    this(vm, &args, "format_map")?;
    vm.arity_m("format_map", &args, 2, 2)?;
    let f = vm.prelude_fn("_str_format")?;
    let t = vm.new_tuple(Vec::new());
    Err(Ctl::tail_call(f, vec![args.pos[0], t, args.pos[1]]))
}

fn format(vm: &mut Vm, args: Args) -> R<Value> {
    let fmt = this(vm, &args, "format")?;
    let pos = &args.pos[1..];
    let slow = pos.iter().any(|v| vm.needs_user_format(*v))
        || args.kw.iter().any(|(_, v)| vm.needs_user_format(*v));
    let pieces = match parse_format(&fmt) {
        Ok(p) => p,
        Err(e) => return vm.fail(ExcKind::ValueError, e),
    };
    let complex_field = pieces
        .iter()
        .any(|(_, f)| matches!(f, Some((n, _, s)) if n.contains(['.', '[']) || s.contains('{')));
    if slow || complex_field {
        let f = vm.prelude_fn("_str_format")?;
        let t = vm.new_tuple(pos.to_vec());
        let kw = vm.new_dict();
        for (k, v) in &args.kw {
            let hk = vm.hkey(*k)?;
            if let Obj::Dict(d) = vm.heap.get_mut(kw) {
                d.insert(hk, *k, *v);
            }
        }
        return Err(Ctl::tail_call(f, vec![args.pos[0], t, Value::Obj(kw)]));
    }
    let mut out = String::new();
    let mut auto = 0usize;
    let mut manual = false;
    for (lit, field) in pieces {
        out.push_str(&lit);
        let Some((name, conv, spec)) = field else {
            continue;
        };
        let v = if name.is_empty() {
            if manual {
                return vm.fail(
                    ExcKind::ValueError,
                    "cannot switch from manual field specification to automatic field numbering",
                );
            }
            let v = pos.get(auto).copied();
            auto += 1;
            match v {
                Some(v) => v,
                None => {
                    return vm.fail(
                        ExcKind::IndexError,
                        format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        ),
                    )
                }
            }
        } else if let Ok(i) = name.parse::<usize>() {
            manual = true;
            match pos.get(i) {
                Some(v) => *v,
                None => {
                    return vm.fail(
                        ExcKind::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    )
                }
            }
        } else {
            match vm.kwarg(&args, &name) {
                Some(v) => v,
                None => return Err(vm.key_error_str(&name)),
            }
        };
        let v = match conv {
            Some('r') => {
                let s = vm.repr_native(v)?;
                vm.new_string(s)
            }
            Some('a') => {
                let s = vm.repr_native(v)?;
                vm.new_string(crate::builtins::ascii_escape(&s))
            }
            Some('s') => {
                let s = vm.str_native(v)?;
                vm.new_string(s)
            }
            _ => v,
        };
        out.push_str(&vm.format_native(v, &spec)?);
    }
    Ok(vm.new_string(out))
}

fn dunder_format(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("__format__", &args, 2, 2)?;
    let spec = vm.text(args.pos[1]).to_string();
    let s = vm.format_native(args.pos[0], &spec)?;
    Ok(vm.new_string(s))
}

fn encode(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "encode")?;
    Ok(vm.alloc(Obj::Bytes(s.as_bytes().into())))
}

fn removeprefix(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "removeprefix")?;
    vm.arity_m("removeprefix", &args, 2, 2)?;
    let p = str_arg(vm, args.pos[1], "removeprefix() argument")?;
    let r = s.strip_prefix(&*p).unwrap_or(&s).to_string();
    Ok(vm.new_string(r))
}

fn removesuffix(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "removesuffix")?;
    vm.arity_m("removesuffix", &args, 2, 2)?;
    let p = str_arg(vm, args.pos[1], "removesuffix() argument")?;
    let r = s.strip_suffix(&*p).unwrap_or(&s).to_string();
    Ok(vm.new_string(r))
}

fn expandtabs(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "expandtabs")?;
    let size = match args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "tabsize"))
    {
        Some(v) => vm.int_arg(v, "")?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn bytes_of(vm: &mut Vm, args: &Args) -> R<std::rc::Rc<[u8]>> {
    match args.pos.first() {
        Some(Value::Obj(id)) => match vm.heap.get(*id) {
            Obj::Bytes(b) => Ok(b.clone()),
            _ => vm.fail(ExcKind::TypeError, "expected bytes"),
        },
        _ => vm.fail(ExcKind::TypeError, "expected bytes"),
    }
}

fn decode(vm: &mut Vm, args: Args) -> R<Value> {
    let b = bytes_of(vm, &args)?;
    match std::str::from_utf8(&b) {
        Ok(s) => {
            let s = s.to_string();
            Ok(vm.new_string(s))
        }
        Err(e) => {
            let pos = e.valid_up_to();
            let byte = b.get(pos).copied().unwrap_or(0);
            vm.fail(
                ExcKind::UnicodeDecodeError,
                format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"),
            )
        }
    }
}

fn bytes_hex(vm: &mut Vm, args: Args) -> R<Value> {
    let b = bytes_of(vm, &args)?;
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_string(s))
}

impl Vm {
    /// A `KeyError` whose key is a str.
    pub(crate) fn key_error_str(&mut self, k: &str) -> Ctl {
        let v = self.new_str(k);
        self.key_error(v)
    }
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to replacements.
fn maketrans(vm: &mut Vm, args: Args) -> R<Value> {
    let pos: Vec<Value> = args.pos.clone();
    let d = vm.new_dict();
    let put = |vm: &mut Vm, k: i64, v: Value| -> R<()> {
        let key = Value::Int(k);
        let hk = vm.hkey(key)?;
        if let Obj::Dict(dict) = vm.heap.get_mut(d) {
            dict.insert(hk, key, v);
        }
        Ok(())
    };
    match pos.len() {
        1 => {
            let Some(src) = pos[0].obj().and_then(|id| vm.dict_ref(id).cloned()) else {
                return vm.fail(
                    ExcKind::TypeError,
                    "if you give only one argument to maketrans it must be a dict",
                );
            };
            for (k, v) in src.map.values() {
                let code = match vm.str_of(*k) {
                    Some(s) if s.chars == 1 => s.s.chars().next().map(|c| c as i64).unwrap_or(0),
                    Some(_) => {
                        return vm.fail(
                            ExcKind::ValueError,
                            "string keys in translate table must be of length 1",
                        )
                    }
                    None => vm.int_arg(*k, "")?,
                };
                put(vm, code, *v)?;
            }
        }
        2 | 3 => {
            let x = str_arg(vm, pos[0], "maketrans() argument 1")?;
            let y = str_arg(vm, pos[1], "maketrans() argument 2")?;
            if x.chars().count() != y.chars().count() {
                return vm.fail(
                    ExcKind::ValueError,
                    "the first two maketrans arguments must have equal length",
                );
            }
            for (a, b) in x.chars().zip(y.chars()) {
                put(vm, a as i64, Value::Int(b as i64))?;
            }
            if pos.len() == 3 {
                let z = str_arg(vm, pos[2], "maketrans() argument 3")?;
                for c in z.chars() {
                    put(vm, c as i64, Value::None)?;
                }
            }
        }
        n => {
            return vm.fail(
                ExcKind::TypeError,
                format!("maketrans() takes at most 3 arguments ({n} given)"),
            )
        }
    }
    Ok(Value::Obj(d))
}

/// `s.translate(table)`: map each character through a table indexed by code point.
fn translate(vm: &mut Vm, args: Args) -> R<Value> {
    let s = this(vm, &args, "translate")?;
    vm.arity_m("translate", &args, 2, 2)?;
    let table = args.pos[1];
    let Some(tid) = table.obj().filter(|id| vm.dict_ref(*id).is_some()) else {
        return vm.fail(ExcKind::TypeError, "translate() needs a dict table");
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = crate::objects::dict::HKey::Int(c as i64);
        match vm.dict_ref(tid).and_then(|d| d.get(&key)) {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Int(code)) => match u32::try_from(code).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return vm.fail(
                        ExcKind::ValueError,
                        "character mapping must be in range(0x110000)",
                    )
                }
            },
            Some(v) => match vm.str_of(v) {
                Some(r) => out.push_str(&r.s),
                None => {
                    return vm.fail(
                        ExcKind::TypeError,
                        "character mapping must return integer, None or str",
                    )
                }
            },
        }
    }
    Ok(vm.new_string(out))
}
