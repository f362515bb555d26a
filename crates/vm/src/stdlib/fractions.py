"""Rational numbers (brine's `fractions`)."""

from math import gcd as _gcd


class Fraction:
    def __init__(self, numerator=0, denominator=None):
        if denominator is None:
            if isinstance(numerator, Fraction):
                n, d = numerator.numerator, numerator.denominator
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                text = numerator.strip()
                if "/" in text:
                    a, b = text.split("/")
                    n, d = int(a), int(b)
                elif "." in text or "e" in text.lower():
                    n, d = float(text).as_integer_ratio()
                else:
                    n, d = int(text), 1
            else:
                n, d = int(numerator), 1
        else:
            n, d = numerator, denominator
            if isinstance(n, Fraction) or isinstance(d, Fraction):
                f = Fraction(n) / Fraction(d)
                n, d = f.numerator, f.denominator
        if d == 0:
            raise ZeroDivisionError(f"Fraction({n}, 0)")
        g = _gcd(n, d)
        if d < 0:
            g = -g
        self.numerator = n // g
        self.denominator = d // g

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(self, other):
        o = Fraction._coerce(other)
        if o is None:
            return float(self) + other if isinstance(other, float) else NotImplemented
        return Fraction(self.numerator * o.denominator + o.numerator * self.denominator, self.denominator * o.denominator)

    __radd__ = __add__

    def __sub__(self, other):
        o = Fraction._coerce(other)
        if o is None:
            return float(self) - other if isinstance(other, float) else NotImplemented
        return Fraction(self.numerator * o.denominator - o.numerator * self.denominator, self.denominator * o.denominator)

    def __rsub__(self, other):
        return Fraction._coerce(other) - self

    def __mul__(self, other):
        o = Fraction._coerce(other)
        if o is None:
            return float(self) * other if isinstance(other, float) else NotImplemented
        return Fraction(self.numerator * o.numerator, self.denominator * o.denominator)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = Fraction._coerce(other)
        if o is None:
            return float(self) / other if isinstance(other, float) else NotImplemented
        return Fraction(self.numerator * o.denominator, self.denominator * o.numerator)

    def __rtruediv__(self, other):
        return Fraction._coerce(other) / self

    def __floordiv__(self, other):
        o = Fraction._coerce(other)
        return (self.numerator * o.denominator) // (self.denominator * o.numerator)

    def __mod__(self, other):
        o = Fraction._coerce(other)
        return self - o * (self // o)

    def __pow__(self, power):
        if isinstance(power, int):
            if power >= 0:
                return Fraction(self.numerator ** power, self.denominator ** power)
            return Fraction(self.denominator ** -power, self.numerator ** -power)
        return float(self) ** power

    def __neg__(self):
        return Fraction(-self.numerator, self.denominator)

    def __pos__(self):
        return self

    def __abs__(self):
        return Fraction(abs(self.numerator), self.denominator)

    def _cmp(self, other):
        o = Fraction._coerce(other)
        if o is None:
            return float(self) - other
        return self.numerator * o.denominator - o.numerator * self.denominator

    def __eq__(self, other):
        if isinstance(other, float):
            return float(self) == other
        o = Fraction._coerce(other)
        return o is not None and self.numerator == o.numerator and self.denominator == o.denominator

    def __lt__(self, other):
        return self._cmp(other) < 0

    def __le__(self, other):
        return self._cmp(other) <= 0

    def __gt__(self, other):
        return self._cmp(other) > 0

    def __ge__(self, other):
        return self._cmp(other) >= 0

    def __hash__(self):
        if self.denominator == 1:
            return hash(self.numerator)
        return hash((self.numerator, self.denominator))

    def __bool__(self):
        return self.numerator != 0

    def __float__(self):
        return self.numerator / self.denominator

    def __int__(self):
        n = abs(self.numerator) // self.denominator
        return n if self.numerator >= 0 else -n

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(float(self))
        return Fraction(round(float(self) * 10 ** ndigits), 10 ** ndigits)

    def limit_denominator(self, max_denominator=1000000):
        if self.denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self.numerator, self.denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    def as_integer_ratio(self):
        return (self.numerator, self.denominator)

    def __repr__(self):
        return f"Fraction({self.numerator}, {self.denominator})"

    def __str__(self):
        if self.denominator == 1:
            return str(self.numerator)
        return f"{self.numerator}/{self.denominator}"
