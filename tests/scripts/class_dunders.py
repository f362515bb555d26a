class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __neg__(self):
        return Money(-self.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    __rmul__ = __mul__

    def __iadd__(self, other):
        self.cents += other.cents
        return self

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __repr__(self):
        return f"Money({self.cents})"

    def __format__(self, spec):
        return format(str(self), spec)


wallet = [Money(150), Money(275), Money(5)]
total = sum(wallet, Money(0))
print(total, repr(total), sum(wallet) if False else "skip", -total, total * 2, 3 * Money(10))
m = Money(100)
m2 = m
m += Money(50)
print(m, m2, m is m2, m == Money(150), m != Money(1), Money(1) < Money(2), Money(3) <= Money(3))
print(sorted(wallet), min(wallet), max(wallet), bool(Money(0)), bool(Money(1)))
print(f"[{Money(999):>10}]", "{}".format(Money(1)), str(Money(7)), [Money(1)])
print(len({Money(5), Money(5), Money(6)}), Money(5) in [Money(5)], wallet.index(Money(275)))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)


class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = list(coeffs)

    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))

    def __getitem__(self, i):
        return self.coeffs[i]

    def __len__(self):
        return len(self.coeffs)

    def __contains__(self, c):
        return c in self.coeffs

    def __repr__(self):
        return " + ".join(f"{c}x^{i}" for i, c in enumerate(self.coeffs) if c)


p = Polynomial(1, 0, 2)
print(p, p(3), p[2], len(p), 2 in p, 5 in p, list(p), callable(p), callable(5))


class Lazy:
    def __getattr__(self, name):
        return f"computed {name}"


lz = Lazy()
lz.real = "set"
print(lz.anything, lz.real, getattr(lz, "other"))
