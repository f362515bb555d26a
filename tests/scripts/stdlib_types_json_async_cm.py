import json, io, types, functools, contextlib
print(json.loads('{"a": {"b": 1.5}, "c": [1, 2]}', object_hook=lambda d: sorted(d)))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
buf = io.StringIO(); json.dump({"x": [1, None]}, buf); print(buf.getvalue()); buf.seek(0); print(json.load(buf))
ns = types.SimpleNamespace(a=1, b="x"); ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns.a)
def g(): yield 1
print(isinstance(g(), types.GeneratorType), isinstance(g, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
class C:
    def __init__(self): self.n = 0
    @functools.cached_property
    def value(self):
        self.n += 1
        return self.n * 10
c = C(); print(c.value, c.value, c.n)
@contextlib.asynccontextmanager
async def res(tag):
    print("open", tag)
    try:
        yield tag.upper()
    finally:
        print("close", tag)
async def main():
    async with res("a") as r:
        print("using", r)
    try:
        async with res("b") as r:
            raise KeyError("boom")
    except KeyError as e:
        print("caught", e)
    return "done"
co = main()
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
