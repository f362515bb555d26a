import math
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.3), math.frexp(5e-324), math.frexp(float("inf")))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(3, 2))
print(math.log1p(1e-10), math.expm1(1e-10), math.tanh(0.5), math.sinh(1), math.cosh(1), math.asinh(1), math.acosh(2), math.atanh(0.5), math.exp2(10))
for f, a in [(math.atanh, 1), (math.acosh, 0.5), (math.log1p, -2)]:
    try:
        f(a)
    except ValueError as e:
        print("ValueError", e)
try:
    math.ldexp(1.0, 5000)
except OverflowError as e:
    print("OverflowError", e)
