d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.pop("a"), d.pop("zz", "none"))
print(d.popitem(), d, "b" in d, "q" not in d, len(d))
d.update({"x": 9}, y=10)
d.update([("p", 1)])
print(d)
del d["x"]
print({k: v * 2 for k, v in d.items() if v > 2}, dict(zip("abc", [1, 2, 3])), dict(a=1, b=2))
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged, {1: "a", 1.0: "b", True: "c"})
print(dict.fromkeys(["x", "y"], 0), d.copy() == d, d.copy() is d)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
keys = sorted({"pear": 1, "apple": 2, "fig": 3})
print(keys, max({"a": 5, "b": 7}.items(), key=lambda kv: kv[1]))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {(1, 2): "tuple key"}[(1, 2)], {None: 0}[None])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
d2 = {}
d2.setdefault("list", []).append(1)
d2.setdefault("list", []).append(2)
print(d2, {} == {}, {"a": 1} == {"a": 1.0})
