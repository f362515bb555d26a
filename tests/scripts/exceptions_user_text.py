class AppError(Exception):
    def __str__(self): return "custom"
e = AppError("x")
print(repr(e)); print([e]); print(f"{e!r}"); print(str(e)); print(e)
class R(Exception):
    def __repr__(self): return "R-repr"
r = R("a", 1)
print(str(r)); print(r); print(repr(r)); print(r.args)
class Both(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
b = Both(3)
print(b, repr(b), b.code)
try:
    raise AppError("boom")
except AppError as ex:
    print("caught", ex, repr(ex))
class P:
    def __repr__(self): return "P!"
class L(list): pass
class D(dict): pass
print(repr(ValueError(P())), [KeyError(P(), 2)], str(ValueError(P(), 1)))
print(repr(L([P(), 1])), repr(D(a=P())), str(L([P()])))
print(repr(Exception()), repr(RuntimeError("x")), repr([OSError()]))
class E(Exception):
    def __str__(self): return "E-str:" + ",".join(map(str, self.args))
print(E(1, 2), repr(E(1, 2)), [E()], f"{E('z')}", "%s" % (E('q'),))
print({1: E(P())})
raise R("tb")
