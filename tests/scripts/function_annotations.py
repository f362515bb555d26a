import pickle
from typing import List, Optional
def f(x: int, y: "s" = 1, *args: str, z: float = 2.0, **kw: bool) -> str:
    return "r"
print(f.__annotations__)
def g(a, b): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
def outer():
    class Local: pass
    def inner(v: Local) -> Optional[List[int]]:
        return None
    return inner
print(sorted(outer().__annotations__), outer().__annotations__["v"].__name__)
class C:
    def m(self, other: "C") -> bool:
        return True
print(C.m.__annotations__)
h = pickle.loads(pickle.dumps(f))
print(h.__annotations__ == f.__annotations__, h(1))
from functools import singledispatch
@singledispatch
def show(x):
    return "obj"
@show.register
def _(x: int):
    return "int"
print(show(3), show("s"))
lam = lambda q: q
print(lam.__annotations__)
