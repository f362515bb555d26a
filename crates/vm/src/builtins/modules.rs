//! The built-in modules `sys`, `gc`, `time` and `math`.

use std::io::Write;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::def;
use crate::heap::ObjId;
use crate::native::{Args, Ctl, NativeDef, NativeKind::Function as F, R};
use crate::num::Num;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("sys.exit", F, sys_exit),
    def("sys.getrecursionlimit", F, getrecursionlimit),
    def("sys.setrecursionlimit", F, setrecursionlimit),
    def("sys.intern", F, sys_intern),
    def("sys.exc_info", F, sys_exc_info),
    def("sys._getframe", F, sys_getframe),
    def("sys._depth", F, sys_depth),
    def("sys._format_traceback", F, sys_format_traceback),
    def("sys._source_line", F, sys_source_line),
    def("gc.collect", F, gc_collect),
    def("time.time", F, time_time),
    def("time.perf_counter", F, time_monotonic),
    def("time.monotonic", F, time_monotonic),
    def("time.process_time", F, time_monotonic),
    def("time.time_ns", F, time_time_ns),
    def("time.perf_counter_ns", F, time_monotonic_ns),
    def("time.sleep", F, time_sleep),
    def("math.sqrt", F, sqrt),
    def("math.floor", F, floor),
    def("math.ceil", F, ceil),
    def("math.trunc", F, trunc),
    def("math.gcd", F, gcd),
    def("math.lcm", F, lcm),
    def("math.isqrt", F, isqrt),
    def("math.factorial", F, factorial),
    def("math.log", F, log),
    def("math.log2", F, log2),
    def("math.log10", F, log10),
    def("math.exp", F, exp),
    def("math.sin", F, sin),
    def("math.cos", F, cos),
    def("math.tan", F, tan),
    def("math.asin", F, asin),
    def("math.acos", F, acos),
    def("math.atan", F, atan),
    def("math.atan2", F, atan2),
    def("math.fabs", F, fabs),
    def("math.isnan", F, isnan),
    def("math.isinf", F, isinf),
    def("math.isfinite", F, isfinite),
    def("math.hypot", F, hypot),
    def("math.pow", F, pow),
    def("math.copysign", F, copysign),
    def("math.degrees", F, degrees),
    def("math.radians", F, radians),
    def("math.fsum", F, fsum),
    def("math.prod", F, prod),
    def("math.comb", F, comb),
    def("math.perm", F, perm),
    def("math.isclose", F, isclose),
    def("math.modf", F, modf),
    def("math.fmod", F, fmod),
];

/// Set a module's constants once its functions are in place.
pub(crate) fn init_module(vm: &mut Vm, name: &str, dict: ObjId) {
    match name {
        "sys" => {
            let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
            let argv = vm.new_list(argv);
            vm.dict_set_str(dict, "argv", argv);
            vm.dict_set_str(dict, "maxsize", Value::Int(i64::MAX));
            vm.dict_set_str(dict, "modules", Value::Obj(vm.modules));
            let p = vm.new_str("brine");
            vm.dict_set_str(dict, "implementation_name", p);
            let bo = vm.new_str("little");
            vm.dict_set_str(dict, "byteorder", bo);
            let vi = vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0)]);
            vm.dict_set_str(dict, "version_info", vi);
            let v = vm.new_str("3.11.0 (brine)");
            vm.dict_set_str(dict, "version", v);
            for stream in ["stdout", "stderr"] {
                if let Some(s) = vm.dict_get_str(vm.prelude, stream) {
                    vm.dict_set_str(dict, stream, s);
                }
            }
        }
        "math" => {
            vm.dict_set_str(dict, "pi", Value::Float(std::f64::consts::PI));
            vm.dict_set_str(dict, "e", Value::Float(std::f64::consts::E));
            vm.dict_set_str(dict, "tau", Value::Float(std::f64::consts::TAU));
            vm.dict_set_str(dict, "inf", Value::Float(f64::INFINITY));
            vm.dict_set_str(dict, "nan", Value::Float(f64::NAN));
        }
        _ => {}
    }
}

fn sys_exit(vm: &mut Vm, args: Args) -> R<Value> {
    let _ = vm.stdout.flush();
    let code = args.pos.first().copied().unwrap_or(Value::None);
    let c = vm.types.exc(ExcKind::SystemExit);
    let a = if code == Value::None {
        vec![]
    } else {
        vec![code]
    };
    Err(Ctl::Raise(vm.new_exc_with_args(c, a)))
}

/// `sys._source_line(filename, lineno)`: that line of a source file, or
/// `""` (what `linecache.getline` gives warnings and tracebacks).
fn sys_source_line(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_source_line", &args, 2, 2)?;
    let file = vm.text(args.pos[0]).to_string();
    let line = match args.pos[1] {
        Value::Int(n) if n > 0 => n as usize,
        _ => return Ok(vm.new_str("")),
    };
    let text = std::fs::read_to_string(&file)
        .ok()
        .and_then(|src| src.lines().nth(line - 1).map(|l| format!("{l}\n")))
        .unwrap_or_default();
    Ok(vm.new_string(text))
}

fn getrecursionlimit(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("setrecursionlimit", &args, 1, 1)?;
    let n = vm.int_arg(args.pos[0], "")?;
    if n < 1 {
        return vm.fail(
            ExcKind::ValueError,
            "recursion limit must be greater or equal than 1",
        );
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

/// `gc.collect()`: the collection runs before the next instruction, where
/// every live value is reachable from a root, and objects it finds
/// unreachable are finalized right after. It returns 0.
fn gc_collect(vm: &mut Vm, _: Args) -> R<Value> {
    vm.heap.request_collection();
    Ok(Value::Int(0))
}

fn time_time(_: &mut Vm, _: Args) -> R<Value> {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_time_ns(_: &mut Vm, _: Args) -> R<Value> {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Int(d.as_nanos() as i64))
}

/// Seconds since the first call in this process: a monotonic clock.
fn monotonic_secs() -> std::time::Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

fn time_monotonic(_: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Float(monotonic_secs().as_secs_f64()))
}

fn time_monotonic_ns(_: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Int(monotonic_secs().as_nanos() as i64))
}

/// `time.sleep(s)`: blocks the host thread (a scheduler may later turn it into a switch).
fn time_sleep(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("sleep", &args, 1, 1)?;
    let secs = match vm.num(args.pos[0]) {
        Some(n) => vm.num_to_f64(&n)?,
        None => return vm.fail(ExcKind::TypeError, "sleep() argument must be a number"),
    };
    if secs < 0.0 {
        return vm.fail(ExcKind::ValueError, "sleep length must be non-negative");
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e6)));
    Ok(Value::None)
}

/// `sys.exc_info()` is answered by the call path, which sees the frames;
/// reached directly (as a value called from a built-in) it has no frame.
fn sys_exc_info(vm: &mut Vm, _: Args) -> R<Value> {
    Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]))
}

/// `sys._getframe()` is answered by the call path, which sees the frames;
/// reached directly it has none to give.
fn sys_getframe(vm: &mut Vm, _: Args) -> R<Value> {
    vm.fail(ExcKind::ValueError, "call stack is not deep enough")
}

/// `sys._depth()`: how many Python frames the caller's state has; answered
/// by the call path, which sees them.
fn sys_depth(_: &mut Vm, _: Args) -> R<Value> {
    Ok(Value::Int(0))
}

/// `sys._format_traceback(exc)`: the `Traceback (most recent call last):`
/// lines of an exception, for the `traceback` module.
fn sys_format_traceback(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("_format_traceback", &args, 1, 1)?;
    let text = vm.format_traceback(args.pos[0]);
    Ok(vm.new_string(text))
}

fn sys_intern(_: &mut Vm, args: Args) -> R<Value> {
    Ok(args.pos.first().copied().unwrap_or(Value::None))
}

pub(crate) fn float_arg(vm: &mut Vm, args: &Args, i: usize) -> R<f64> {
    let v = args.pos.get(i).copied().unwrap_or(Value::None);
    match vm.num(v) {
        Some(n) => vm.num_to_f64(&n),
        None => {
            let t = vm.type_name(v);
            vm.fail(ExcKind::TypeError, format!("must be real number, not {t}"))
        }
    }
}

fn int_big(vm: &mut Vm, v: Value) -> R<BigInt> {
    match vm.num(v) {
        Some(Num::F(_)) | None => {
            let t = vm.type_name(v);
            vm.fail(
                ExcKind::TypeError,
                format!("'{t}' object cannot be interpreted as an integer"),
            )
        }
        Some(n) => Ok(n.big().unwrap_or_default()),
    }
}

pub(crate) fn math1(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> R<Value> {
    vm.arity(name, &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    if r.is_infinite() && x.is_finite() {
        return vm.fail(ExcKind::OverflowError, "math range error");
    }
    Ok(Value::Float(r))
}

fn sqrt(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "sqrt", f64::sqrt)
}

fn exp(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "exp", f64::exp)
}

fn sin(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "sin", f64::sin)
}

fn cos(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "cos", f64::cos)
}

fn tan(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "tan", f64::tan)
}

fn asin(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "asin", f64::asin)
}

fn acos(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "acos", f64::acos)
}

fn atan(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "atan", f64::atan)
}

fn fabs(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "fabs", f64::abs)
}

fn degrees(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "degrees", f64::to_degrees)
}

fn radians(vm: &mut Vm, args: Args) -> R<Value> {
    math1(vm, args, "radians", f64::to_radians)
}

fn log2(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("log2", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x <= 0.0 {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    Ok(Value::Float(x.log2()))
}

fn log10(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("log10", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    if x <= 0.0 {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    Ok(Value::Float(x.log10()))
}

fn log(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("log", &args, 1, 2)?;
    let ln = |vm: &mut Vm, v: Value| -> R<f64> {
        if let Some(Num::B(b)) = vm.num(v) {
            if b.is_positive() {
                let bits = b.bits();
                let shift = bits.saturating_sub(60);
                let top = (&*b >> shift).to_f64().unwrap_or(1.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = match vm.num(v) {
            Some(n) => vm.num_to_f64(&n)?,
            None => {
                let t = vm.type_name(v);
                return vm.fail(ExcKind::TypeError, format!("must be real number, not {t}"));
            }
        };
        if x <= 0.0 {
            return vm.fail(ExcKind::ValueError, "math domain error");
        }
        Ok(x.ln())
    };
    let x = ln(vm, args.pos[0])?;
    match args.pos.get(1) {
        Some(b) => {
            let lb = ln(vm, *b)?;
            if lb == 0.0 {
                return vm.fail(ExcKind::ZeroDivisionError, "float division by zero");
            }
            Ok(Value::Float(x / lb))
        }
        None => Ok(Value::Float(x)),
    }
}

fn round_to_int(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64) -> R<Value> {
    vm.arity(name, &args, 1, 1)?;
    let v = args.pos[0];
    match vm.num(v) {
        Some(Num::I(i)) => Ok(Value::Int(i)),
        Some(Num::B(b)) => Ok(vm.int_from_big((*b).clone())),
        Some(Num::F(x)) => {
            if x.is_nan() {
                return vm.fail(ExcKind::ValueError, "cannot convert float NaN to integer");
            }
            if x.is_infinite() {
                return vm.fail(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                );
            }
            use num_traits::FromPrimitive;
            Ok(vm.int_from_big(BigInt::from_f64(f(x)).unwrap_or_default()))
        }
        None => {
            let dunder = format!("__{name}__");
            if let Some(m) = vm.lookup_special(v, &dunder) {
                return Err(Ctl::tail_call(m, vec![v]));
            }
            let t = vm.type_name(v);
            vm.fail(ExcKind::TypeError, format!("must be real number, not {t}"))
        }
    }
}

fn floor(vm: &mut Vm, args: Args) -> R<Value> {
    round_to_int(vm, args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> R<Value> {
    round_to_int(vm, args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> R<Value> {
    round_to_int(vm, args, "trunc", f64::trunc)
}

fn gcd(vm: &mut Vm, args: Args) -> R<Value> {
    use num_integer::Integer;
    let mut acc = BigInt::zero();
    for a in &args.pos {
        let b = int_big(vm, *a)?;
        acc = acc.gcd(&b);
    }
    Ok(vm.int_from_big(acc))
}

fn lcm(vm: &mut Vm, args: Args) -> R<Value> {
    use num_integer::Integer;
    let mut acc = BigInt::from(1);
    for a in &args.pos {
        let b = int_big(vm, *a)?;
        if b.is_zero() {
            return Ok(Value::Int(0));
        }
        acc = acc.lcm(&b);
    }
    Ok(vm.int_from_big(acc))
}

fn isqrt(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("isqrt", &args, 1, 1)?;
    let b = int_big(vm, args.pos[0])?;
    if b.is_negative() {
        return vm.fail(ExcKind::ValueError, "isqrt() argument must be nonnegative");
    }
    Ok(vm.int_from_big(b.sqrt()))
}

fn factorial(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("factorial", &args, 1, 1)?;
    if let Value::Float(_) = args.pos[0] {
        return vm.fail(
            ExcKind::TypeError,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let n = int_big(vm, args.pos[0])?;
    if n.is_negative() {
        return vm.fail(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        );
    }
    let n = n.to_u64().unwrap_or(0);
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(vm.int_from_big(acc))
}

fn comb(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("comb", &args, 2, 2)?;
    let n = int_big(vm, args.pos[0])?;
    let k = int_big(vm, args.pos[1])?;
    if n.is_negative() || k.is_negative() {
        return vm.fail(ExcKind::ValueError, "n must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k
        .to_u64()
        .unwrap_or(0)
        .min((&n - k.clone()).to_u64().unwrap_or(0))
        .min(k.to_u64().unwrap_or(0));
    let mut acc = BigInt::from(1);
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(vm.int_from_big(acc))
}

fn perm(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("perm", &args, 1, 2)?;
    let n = int_big(vm, args.pos[0])?;
    let k = match args.pos.get(1) {
        Some(v) if *v != Value::None => int_big(vm, *v)?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::from(1);
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(vm.int_from_big(acc))
}

fn two_floats(vm: &mut Vm, args: &Args, name: &str) -> R<(f64, f64)> {
    vm.arity(name, args, 2, 2)?;
    Ok((float_arg(vm, args, 0)?, float_arg(vm, args, 1)?))
}

fn atan2(vm: &mut Vm, args: Args) -> R<Value> {
    let (y, x) = two_floats(vm, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, args: Args) -> R<Value> {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: Args) -> R<Value> {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y == 0.0 {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    Ok(Value::Float(x % y))
}

fn pow(vm: &mut Vm, args: Args) -> R<Value> {
    let (x, y) = two_floats(vm, &args, "pow")?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    if x == 0.0 && y < 0.0 {
        return vm.fail(ExcKind::ValueError, "math domain error");
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return vm.fail(ExcKind::OverflowError, "math range error");
    }
    Ok(Value::Float(r))
}

fn hypot(vm: &mut Vm, args: Args) -> R<Value> {
    let mut acc = 0.0f64;
    for i in 0..args.pos.len() {
        let x = float_arg(vm, &args, i)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn pred(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> bool) -> R<Value> {
    vm.arity(name, &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    Ok(Value::Bool(f(x)))
}

fn isnan(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isnan", f64::is_nan)
}

fn isinf(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isinf", f64::is_infinite)
}

fn isfinite(vm: &mut Vm, args: Args) -> R<Value> {
    pred(vm, args, "isfinite", f64::is_finite)
}

fn fsum(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("fsum", &args, 1, 1)?;
    let items = vm.collect_native(args.pos[0])?;
    // Shewchuk's algorithm, as CPython's fsum.
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let mut x = match vm.num(v) {
            Some(n) => vm.num_to_f64(&n)?,
            None => return vm.fail(ExcKind::TypeError, "must be real number"),
        };
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(vm: &mut Vm, args: Args) -> R<Value> {
    let items = vm.collect_native(args.pos.first().copied().unwrap_or(Value::None))?;
    let mut acc = vm.kwarg(&args, "start").unwrap_or(Value::Int(1));
    for x in items {
        match vm.binary_native(crate::bytecode::BinOp::Mul, acc, x)? {
            Some(v) => acc = v,
            None => return vm.fail(ExcKind::TypeError, "unsupported operand for prod()"),
        }
    }
    Ok(acc)
}

fn isclose(vm: &mut Vm, args: Args) -> R<Value> {
    let (a, b) = two_floats(
        vm,
        &Args::new(args.pos.iter().take(2).copied().collect()),
        "isclose",
    )?;
    let rel = match vm.kwarg(&args, "rel_tol") {
        Some(v) => vm
            .num(v)
            .map(|n| match n {
                Num::F(f) => f,
                Num::I(i) => i as f64,
                Num::B(_) => 0.0,
            })
            .unwrap_or(1e-9),
        None => 1e-9,
    };
    let abs = match vm.kwarg(&args, "abs_tol") {
        Some(v) => vm
            .num(v)
            .map(|n| match n {
                Num::F(f) => f,
                Num::I(i) => i as f64,
                Num::B(_) => 0.0,
            })
            .unwrap_or(0.0),
        None => 0.0,
    };
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(
        d <= (rel * b.abs()).max(rel * a.abs()) || d <= abs,
    ))
}

fn modf(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity("modf", &args, 1, 1)?;
    let x = float_arg(vm, &args, 0)?;
    let i = x.trunc();
    Ok(vm.new_tuple(vec![Value::Float((x - i).copysign(x)), Value::Float(i)]))
}
