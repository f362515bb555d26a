class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other))
    def __repr__(self):
        return f"Money({int(self)})"
m = Money(5) + 3
print(m, type(m).__name__, Money(2) + Money(3), 10 + Money(1))
print((5).__add__(3), (5).__radd__(3), (5).__sub__(2.5), (7).__floordiv__(2), (2).__pow__(10), (6).__and__(3), (5).__add__("x"))
print((1.5).__mul__(2), (1.5).__rtruediv__(3), int.__add__(1, 2), float.__add__(1.0, 2), (3).__truediv__(0) if False else "skip")
try:
    (3).__truediv__(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
class Meters(float):
    def __sub__(self, o):
        return Meters(float.__sub__(self, o))
print(type(Meters(5) - 2).__name__, Meters(5) - 2)
print(sum([Money(1), Money(2)]), sorted([3, 1, 2]), 1 + 2, 2 ** 3, 7 % 3, True + 1)
