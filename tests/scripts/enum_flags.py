import enum
from enum import Flag, IntFlag, auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
print(Perm.R, Perm.W.value, Perm.X.value, repr(Perm.R))
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.value, Perm.R in rw, Perm.X in rw, bool(rw), bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(list(rw), len(rw), rw & Perm.R, repr(rw ^ Perm.R), repr(~Perm.R), Perm(3) is rw, Perm(3) == rw)
print(list(Perm), Perm["W"], Perm(4))
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
class Color(Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7
print(repr(Color.WHITE), repr(Color.RED | Color.BLUE), list(Color))
class P(IntFlag):
    R = 4
    W = 2
    X = 1
v = P.R | P.W
print(v, repr(v), v == 6, int(v), v | 8, repr(P.R | 8), P(7), repr(P(0)), f"{P.X:03d}", sorted([P.R, P.X]))
