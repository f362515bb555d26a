import collections, itertools, functools
from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)
items = [Item(3.5, "tea"), Item(1.25, "bun", ["hot"]), Item(2.0, "jam")]
print(sorted(items))
print(max(items).name, min(items))
c = collections.Counter("mississippi")
print(c.most_common(2), sorted(c.elements())[:5])
dd = collections.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
print(list(itertools.accumulate([1,2,3,4], lambda a,b: a*b)))
print(list(itertools.groupby("aabbbc")) and [(k, len(list(g))) for k, g in itertools.groupby("aabbbc")])
print(functools.reduce(lambda a, b: a + b, range(10), 100))
print("%-5s|%5.2f|%03d|%x|%r" % ("ab", 3.14159, 7, 255, "q"))
print("{:>8}|{:^8}|{:<8}|{:08.3f}|{:,}".format("r", "c", "l", -3.5, 1234567))
s = "  Hello, World  "
print(s.strip().lower().replace("world", "there").split(","), s.partition(","), s.rpartition(" "))
print(int("0x1f", 16), int("  42 "), float("1e-3"), round(2.675, 2), round(0.5), round(1.5), divmod(-7, 2))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
x = [1, 2, 3]
x[1:2] = [9, 9, 9]
print(x, x[::-1], x[-2:], x.index(9), x.count(9))
print(bytes([104, 105]).decode(), "é".encode(), b"abc".hex())
print(any(i > 2 for i in x), all([]), sum([0.1]*10), 10**20, 2**-1, 7//2, -7//2, 7 % -3)
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip("ab", range(2))), list(enumerate("xy", 1)))
print(isinstance(True, int), type(3.0).__name__, str(None), repr("it's"), ascii("é"))
