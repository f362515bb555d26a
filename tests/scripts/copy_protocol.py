import copy
from collections import Counter, defaultdict, OrderedDict, namedtuple
c = copy.deepcopy(Counter("aab")); print(c, type(c).__name__)
d = copy.deepcopy(defaultdict(list, a=[1])); d["b"].append(2); print(sorted(d.items()), d.default_factory)
NT = namedtuple("NT", "a b")
n = NT(1, [2]); m = copy.copy(n); k = copy.deepcopy(n)
print(m, k, m[1] is n[1], k[1] is n[1])
class L(list):
    pass
l = L([1, [2]]); l.tag = "t"
l2 = copy.deepcopy(l); print(l2, type(l2).__name__, l2.tag, l2[1] is l[1])
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v + 1,))
print(copy.copy(R(1)).v, copy.deepcopy(R(1)).v)
class St:
    def __init__(self): self.a = 1; self.cache = "big"
    def __getstate__(self):
        s = self.__dict__.copy(); del s["cache"]; return s
    def __setstate__(self, s):
        print("setstate", sorted(s)); self.__dict__.update(s); self.cache = None
s2 = copy.deepcopy(St()); print(s2.a, s2.cache)
class Sl:
    __slots__ = ("p", "q")
    def __init__(self): self.p = [1]
s3 = copy.deepcopy(Sl()); print(s3.p, hasattr(s3, "q"))
class Cp:
    def __init__(self): self.x = 1
    def __copy__(self): print("own copy"); return Cp()
    def __deepcopy__(self, memo): print("own deepcopy"); return Cp()
copy.copy(Cp()); copy.deepcopy(Cp())
class Ex:
    def __new__(cls, a, *, b):
        o = object.__new__(cls); o.a, o.b = a, b; return o
    def __getnewargs_ex__(self): return (self.a,), {"b": self.b}
e = copy.deepcopy(Ex(1, b=2)); print(e.a, e.b)
shared = [1]
x = {"p": shared, "q": shared, "t": (shared, 2)}
y = copy.deepcopy(x); print(y["p"] is y["q"], y["t"][0] is y["p"], y["p"] is shared)
cyc = [1]; cyc.append(cyc); z = copy.deepcopy(cyc); print(z[1] is z, z is not cyc)
od = copy.deepcopy(OrderedDict(a=1, b=2)); print(od, type(od).__name__)
class SS(set): pass
ss = copy.deepcopy(SS({1, 2})); print(sorted(ss), type(ss).__name__)
f = copy.deepcopy(frozenset({1})); print(f)
print(copy.deepcopy(len) is len, copy.copy(int) is int, copy.deepcopy((1, 2)))
