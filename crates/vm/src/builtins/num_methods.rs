//! Methods of `int` and `float`.

use crate::builtins::def;
use crate::native::{Args, NativeDef, NativeKind::Method as M, R};
use crate::num::Num;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const NATIVES: &[NativeDef] = &[
    def("int.bit_length", M, bit_length),
    def("int.bit_count", M, bit_count),
    def("int.conjugate", M, conjugate),
    def("int.__index__", M, conjugate),
    def("int.__int__", M, conjugate),
    def("int.__float__", M, to_float),
    def("int.__format__", M, dunder_format),
    def("float.is_integer", M, is_integer),
    def("float.__int__", M, float_int),
    def("float.__float__", M, to_float),
    def("float.conjugate", M, conjugate),
    def("float.__format__", M, dunder_format),
    def("float.as_integer_ratio", M, as_integer_ratio),
    def("int.to_bytes", M, to_bytes),
    def(
        "int.from_bytes",
        crate::native::NativeKind::ClassMethod,
        from_bytes,
    ),
];

fn this(vm: &mut Vm, args: &Args) -> R<Num> {
    match args.pos.first().and_then(|v| vm.num(*v)) {
        Some(n) => Ok(n),
        None => vm.fail(ExcKind::TypeError, "descriptor requires a number"),
    }
}

fn bit_length(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    let b = n.big().unwrap_or_default();
    Ok(Value::Int(b.bits() as i64))
}

fn bit_count(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    let b = n.big().unwrap_or_default();
    Ok(Value::Int(b.magnitude().count_ones() as i64))
}

fn conjugate(vm: &mut Vm, args: Args) -> R<Value> {
    Ok(match this(vm, &args)? {
        Num::I(i) => Value::Int(i),
        Num::B(b) => vm.int_from_big((*b).clone()),
        Num::F(f) => Value::Float(f),
    })
}

fn to_float(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    Ok(Value::Float(vm.num_to_f64(&n)?))
}

fn float_int(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    let f = vm.num_to_f64(&n)?;
    if !f.is_finite() {
        return vm.fail(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    use num_traits::FromPrimitive;
    Ok(vm.int_from_big(num_bigint::BigInt::from_f64(f.trunc()).unwrap_or_default()))
}

fn is_integer(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    let f = vm.num_to_f64(&n)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?;
    let f = vm.num_to_f64(&n)?;
    if !f.is_finite() {
        return vm.fail(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        );
    }
    let mut num = f;
    let mut den = num_bigint::BigInt::from(1);
    while num.fract() != 0.0 {
        num *= 2.0;
        den *= 2;
    }
    use num_traits::FromPrimitive;
    let n = vm.int_from_big(num_bigint::BigInt::from_f64(num).unwrap_or_default());
    let d = vm.int_from_big(den);
    Ok(vm.new_tuple(vec![n, d]))
}

fn dunder_format(vm: &mut Vm, args: Args) -> R<Value> {
    vm.arity_m("__format__", &args, 2, 2)?;
    let spec = vm.text(args.pos[1]).to_string();
    let s = vm.format_native(args.pos[0], &spec)?;
    Ok(vm.new_string(s))
}

fn byteorder(vm: &mut Vm, args: &Args, pos: usize) -> R<bool> {
    let v = args
        .pos
        .get(pos)
        .copied()
        .or_else(|| vm.kwarg(args, "byteorder"));
    match v.map(|v| vm.text(v).to_string()).as_deref() {
        None | Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => vm.fail(
            ExcKind::ValueError,
            "byteorder must be either 'little' or 'big'",
        ),
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: Args) -> R<Value> {
    let n = this(vm, &args)?.big().unwrap_or_default();
    let length = match args
        .pos
        .get(1)
        .copied()
        .or_else(|| vm.kwarg(&args, "length"))
    {
        Some(v) => vm.int_arg(v, "")?.max(0) as usize,
        None => 1,
    };
    let big = byteorder(vm, &args, 2)?;
    let signed = vm
        .kwarg(&args, "signed")
        .is_some_and(|v| v == Value::Bool(true));
    if n.sign() == num_bigint::Sign::Minus && !signed {
        return vm.fail(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        );
    }
    let mut bytes = if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if n == num_bigint::BigInt::from(0) {
        bytes = vec![];
    }
    if bytes.len() > length {
        return vm.fail(ExcKind::OverflowError, "int too big to convert");
    }
    let fill = if signed && n.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    let mut out = vec![fill; length - bytes.len()];
    out.extend(bytes);
    if !big {
        out.reverse();
    }
    Ok(vm.alloc(crate::object::Obj::Bytes(out.into())))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn from_bytes(vm: &mut Vm, args: Args) -> R<Value> {
    let data = match args.pos.get(1) {
        Some(v) => vm.collect_native(*v)?,
        None => {
            return vm.fail(
                ExcKind::TypeError,
                "from_bytes() missing required argument 'bytes'",
            )
        }
    };
    let mut bytes = Vec::with_capacity(data.len());
    for v in data {
        match v {
            Value::Int(b) if (0..256).contains(&b) => bytes.push(b as u8),
            _ => return vm.fail(ExcKind::ValueError, "bytes must be in range(0, 256)"),
        }
    }
    let big = byteorder(vm, &args, 2)?;
    if !big {
        bytes.reverse();
    }
    let signed = vm
        .kwarg(&args, "signed")
        .is_some_and(|v| v == Value::Bool(true));
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_be(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
    };
    Ok(vm.int_from_big(n))
}
