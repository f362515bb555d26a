vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3, 1e15, 1e16, 1.5e16, 123456789.0, 1e-4, 1e-5, 0.000123, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 3.0e10, 2.5, 1e100]
for v in vals:
    print(repr(v), str(v), v * 2, v / 7)
print(float("1e500"), -float("1e500"), float("nan"))
print(round(0.5), round(1.5), round(-0.5), round(2.345, 2), round(1e20), round(-1.25, 1))
print(int(2.9), int(-2.9), 7 / 2, 7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 2 ** 0.5)
print(1.1 * 3, 0.1 * 3, 1 - 0.9, 100 * 1.1, 3.3 / 1.1)
print(sum([0.1] * 10) == 1.0, abs(-3.5), max(1.5, 2), min(-1, -1.5))
print(float(7), float("  -2.5e3 "), 1.0 == 1, hash(1.0) == hash(1), 0.1 + 0.7)
print((1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio())
import math
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(3.7), math.fabs(-2), math.isnan(float("nan")), math.isinf(1e400))
print(math.hypot(3, 4), math.exp(1), math.log2(1024), math.log10(0.001), math.sin(0), math.cos(math.pi))
print(divmod(7.5, 2), divmod(-7.5, 2), 1e300 * 1e10, -1e300 * 1e10)
