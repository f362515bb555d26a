d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("c", 3) in it)
d["d"] = 4
print(list(k), list(v), list(it))
del d["a"]
print(sorted(k), sum(v), max(it))
for key in d:
    print(key, d[key])
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(reversed(list(d.keys()))), {k2: v2 for k2, v2 in sorted(d.items(), key=lambda kv: kv[1])})
e = {}
print(list(e.keys()), bool(e.items()), e.get(1, "dflt"))
grades = {"ann": [90, 85], "bob": [70], "cy": []}
avg = {name: (sum(s) / len(s) if s else None) for name, s in grades.items()}
print(avg)
print(sorted(grades, key=lambda n: len(grades[n]), reverse=True))
counts = dict.fromkeys("abc", 0)
for ch in "abacab":
    counts[ch] += 1
print(counts, list(counts.items())[0], dict(sorted(counts.items(), key=lambda kv: -kv[1])))
