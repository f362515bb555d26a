class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class P3(P):
    __slots__ = "z"
class Loose(P):
    pass
class WithDict:
    __slots__ = ["a", "__dict__"]
class E(Exception):
    __slots__ = ()
p = P(1, 2)
p.x = 10
print(p.x, p.y)
for obj, attr in [(p, "z"), (P3(1, 2), "w"), (P3(1, 2), "z"), (Loose(1, 2), "w"), (WithDict(), "q"), (E(), "note")]:
    try:
        setattr(obj, attr, 5)
        print(type(obj).__name__, attr, "set", getattr(obj, attr))
    except AttributeError as e:
        print(type(obj).__name__, attr, "AttributeError:", e)
try:
    print(P(1, 2).__slots__, P3.__slots__)
    P.__new__(P).x
except AttributeError as e:
    print("AttributeError:", e)
