# Built-in values survive a pickle round trip: numbers, strings, bytes,
# singletons, containers, shared references and cycles.
from helper_pk import roundtrip


def show(label, value):
    back = roundtrip(value)
    print(label, repr(back), type(back).__name__, back == value)


show("small int", 42)
show("negative", -7)
show("big int", 2 ** 200 + 12345)
show("big negative", -(3 ** 90))
show("int64 edge", 2 ** 63 - 1)
show("int64 edge+1", 2 ** 63)
show("min int64", -(2 ** 63))
show("float", 3.14159)
show("tiny float", 5e-324)
show("inf", float("inf"))
show("-inf", float("-inf"))
z = roundtrip(-0.0)
print("negative zero", z, str(z).startswith("-"))
n = roundtrip(float("nan"))
print("nan", n, n != n)
show("bool", True)
show("none", None)
print("singletons", roundtrip(None) is None, roundtrip(True) is True,
      roundtrip(Ellipsis) is Ellipsis, roundtrip(NotImplemented) is NotImplemented)
show("ascii", "hello world")
show("unicode", "żółć ✓ 漢字 \U0001f600")
show("empty str", "")
show("bytes", b"\x00\xffabc")
show("empty tuple", ())
show("nested", [1, (2, 3), {"a": [4, {5, 6}]}, frozenset({7})])
show("dict order", {"z": 1, "a": 2, "m": 3})
show("range", range(3, 20, 4))
show("slice", slice(1, None, -2))
print("range list", list(roundtrip(range(10, 0, -3))))

# shared references stay shared
inner = [1, 2]
outer = [inner, inner, (inner,)]
back = roundtrip(outer)
print("shared", back[0] is back[1], back[2][0] is back[0], back)
back[0].append(3)
print("after append", back)

# cycles
cyc = [1, 2]
cyc.append(cyc)
c2 = roundtrip(cyc)
print("list cycle", c2[2] is c2, c2)
d = {"name": "root"}
d["self"] = d
d2 = roundtrip(d)
print("dict cycle", d2["self"] is d2, d2)

# dict keyed by tuples and frozensets
table = {(1, 2): "a", frozenset({3}): "b", 10 ** 30: "c"}
t2 = roundtrip(table)
print("keys", t2[(1, 2)], t2[frozenset({3})], t2[10 ** 30])
print(sorted(roundtrip({3, 1, 2})))

# one object everywhere
s = "shared string value"
tup = roundtrip((s, [s], {"k": s}))
print(tup[0] == tup[1][0] == tup[2]["k"])
big = [list(range(i)) for i in range(6)]
print(roundtrip(big))
