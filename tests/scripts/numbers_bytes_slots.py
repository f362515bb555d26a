import math
print((255).bit_length(), "a_b1".isidentifier(), math.gcd(12, 18), math.isqrt(99), (3.0).is_integer(), math.lcm(4, 6))
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"), b"hello"[1:3], b"a" + b"b", list(b"hi"))
t = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(t), sum([[1], [2]], []), min([], default=-1), max(3, 7, 1))
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    @classmethod
    def origin(cls): return cls(0, 0)
    @staticmethod
    def dist(a, b): return math.hypot(a.x - b.x, a.y - b.y)
    @property
    def norm(self): return math.sqrt(self.x ** 2 + self.y ** 2)
p = P(3, 4)
print(P.dist(p, P.origin()), p.norm)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
fs = frozenset([1, 2, 3])
print(fs | {4}, fs & {2, 3, 9}, fs - {1}, fs ^ {3, 4}, fs <= {1, 2, 3, 4}, sorted(fs, reverse=True))
it = iter([1, 2, 3, None, 5].pop, None)
print(list(iter(lambda c=[0]: c.__setitem__(0, c[0] + 1) or c[0] if c[0] < 3 else None, None)))
lst = [("b", 2), ("a", 2), ("c", 1)]
lst.sort(key=lambda t: (t[1], t[0]), reverse=True)
print(lst, list(reversed(range(0, 10, 3))), range(10)[2:8:2], len(range(0, 100, 7)))
print(divmod(7.5, 2), 2 ** 0.5, 10 / 4, 1e300 * 1e10, -(-3) // 1, abs(-2.5), pow(3, 4, 5), pow(2, -1, 7))
print("%s and %s" % ("x", [1, 2]), "%(a)s=%(b)d" % {"a": "k", "b": 3}, "%5.1f%%" % 99.55)
print(repr(1.0), repr(1e16), repr(0.1 + 0.2), str(1/3), 1e-5, 123456789012345678.0, round(3.14159, 3), round(1234, -2))
print(math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, math.isclose(0.1 + 0.2, 0.3), math.factorial(20), math.comb(10, 3))
