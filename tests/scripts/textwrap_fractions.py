import textwrap
from fractions import Fraction
text = "The quick brown fox jumps over the lazy dog and keeps running through the forest until nightfall comes."
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.dedent("""
    def f():
        return 1
"""))
print(textwrap.indent("a\nb\n", "> "), textwrap.shorten(text, 40))
a = Fraction(1, 3)
b = Fraction(2, 6)
print(a, b, a == b, a + b, a * 3, a - Fraction(1, 2), a / 2, Fraction(3, 4) ** 2, -a, abs(Fraction(-5, 10)))
print(Fraction("3/4"), Fraction(0.25), Fraction(7), sum([Fraction(1, n) for n in range(1, 5)]), float(Fraction(1, 8)), a < Fraction(1, 2))
print(sorted([Fraction(2, 3), Fraction(1, 2), Fraction(3, 4)]), repr(Fraction(6, 4)), Fraction(355, 113) == Fraction(710, 226), int(Fraction(7, 2)))
print(Fraction(3.141592653589793).limit_denominator(1000), {Fraction(1, 2): "half"}[Fraction(2, 4)], Fraction(5, 1) == 5)
