a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, {10})), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, a >= {1}, {1, 2}.issubset(a), a.issuperset({9}), a.isdisjoint({7, 8}))
a.add(9)
a.discard(1)
a.discard(100)
a.remove(2)
print(sorted(a), len(a), 3 in a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError", e)
fs = frozenset([1, 2, 2, 3])
print(sorted(fs), len(fs), fs == frozenset({3, 2, 1}), {fs: "ok"}[frozenset([1, 2, 3])])
words = ["apple", "banana", "apple", "cherry"]
print(sorted(set(words)), len({w[0] for w in words}))
s = set()
print(s, set([]) == set(), bool(s))
c = {x % 4 for x in range(20)}
print(sorted(c))
u = set("hello")
u |= set("world")
print(sorted(u))
u &= set("lower")
print(sorted(u))
print({1, 2, 3})
