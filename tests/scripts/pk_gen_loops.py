# Generators suspended inside for loops over every kind of built-in
# iterator, round-tripped mid-way: the loaded copy continues the loop.
from helper_pk import roundtrip


def resume(label, gen, before):
    first = [next(gen) for _ in range(before)]
    copy = roundtrip(gen)
    print(label, first, "->", list(copy))


def over(iterable):
    for x in iterable:
        yield x


resume("list", over([10, 20, 30, 40, 50]), 2)
resume("tuple", over(("a", "b", "c", "d")), 1)
resume("range", over(range(100, 130, 7)), 3)
resume("str", over("pickle"), 4)
d = {"one": 1, "two": 2, "three": 3, "four": 4}
resume("dict", over(d), 1)
resume("keys", over(d.keys()), 2)
resume("values", over(d.values()), 2)
resume("items", over(d.items()), 3)
resume("set", over(sorted({5, 3, 9, 1})), 2)
resume("enumerate", over(enumerate("xyz", start=1)), 1)
resume("zip", over(zip([1, 2, 3, 4], "abcd")), 2)
resume("map", over(map(lambda v: v * v, [1, 2, 3, 4, 5])), 2)
resume("filter", over(filter(lambda v: v % 3 == 0, range(20))), 3)
resume("reversed", over(reversed([1, 2, 3, 4, 5, 6])), 2)
resume("bytes", over(b"\x01\x02\x03\x04"), 1)
resume("iter", over(iter([7, 8, 9])), 1)


def nested():
    for i in range(3):
        for ch in "ab":
            for k in (i, -i):
                yield f"{i}{ch}{k}"


resume("nested", nested(), 5)


def running_totals(values):
    total = 0
    seen = []
    for idx, v in enumerate(values):
        total += v
        seen.append(v)
        yield idx, total, len(seen)
    yield "done", total, seen


resume("locals", running_totals([3, 1, 4, 1, 5, 9, 2, 6]), 4)


def while_loop(n):
    i = 0
    while True:
        i += 1
        if i % 2:
            continue
        if i > n:
            break
        yield i
    yield "end"


resume("while", while_loop(12), 2)


def comprehension_user(words):
    lengths = {w: len(w) for w in words}
    for w in sorted(lengths, key=lengths.get):
        yield w, [c.upper() for c in w if c not in "aeiou"]


resume("comprehension", comprehension_user(["stackless", "brine", "vm", "pickle"]), 2)

# A set iterator directly: the order in the copy matches the original.
s = {"p", "q", "r", "s"}
g1 = over(s)
first = next(g1)
g2 = roundtrip(g1)
rest = list(g2)
print("set iter", len(rest), sorted([first] + rest) == sorted(s))

# a generator that is part of a bigger structure, twice
g = over(range(6))
next(g)
box = roundtrip({"gen": g, "again": [g]})
h = box["gen"]
print(h is box["again"][0], next(h), next(box["again"][0]), list(h))
