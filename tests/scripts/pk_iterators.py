# Built-in iterators pickle with their position, as CPython's do: the copy
# continues where the original was, and the two advance independently.
from helper_pk import roundtrip


def check(label, it, skip):
    for _ in range(skip):
        next(it)
    copy = roundtrip(it)
    rest = list(copy)
    print(label, rest, list(it) == rest)


check("list", iter([1, 2, 3, 4, 5]), 2)
check("tuple", iter(("a", "b", "c")), 1)
check("str", iter("hello"), 3)
check("range", iter(range(0, 50, 7)), 4)
check("reversed list", reversed([1, 2, 3, 4]), 1)
check("reversed range", reversed(range(8)), 3)
check("enumerate", enumerate("abcd", 10), 2)
check("zip", zip(range(5), "vwxyz", [True] * 5), 3)
check("map", map(abs, [-1, -2, 3, -4]), 1)
check("filter", filter(None, [0, 1, "", "x", None, 2]), 1)
check("bytes", iter(b"xyz"), 1)
check("dict keys", iter({"k1": 1, "k2": 2, "k3": 3}), 1)
check("dict values", iter({"k1": 1, "k2": 2, "k3": 3}.values()), 2)
check("dict items", iter({"k1": 1, "k2": 2}.items()), 1)
check("exhausted", iter([1]), 1)

# an iterator and its sequence together: the copy iterates the copied list
data = [10, 20, 30, 40]
it = iter(data)
next(it)
data2, it2 = roundtrip((data, it))
data2.append(50)
print("shared sequence", list(it2), data2)

# two iterators over one list
xs = ["p", "q", "r", "s"]
a, b = iter(xs), iter(xs)
next(a)
next(b)
next(b)
xs2, a2, b2 = roundtrip([xs, a, b])
xs2[3] = "S"
print("two iterators", list(a2), list(b2))

# map and zip over iterators, mid-way
m = map(str.upper, iter(["one", "two", "three"]))
next(m)
print("map upper", list(roundtrip(m)))
z = zip(iter("ab"), iter(range(3)))
next(z)
print("zip tail", list(roundtrip(z)))
