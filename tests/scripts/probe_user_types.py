class P:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return isinstance(o, P) and self.v == o.v

    def __lt__(self, o):
        return self.v < o.v

    def __repr__(self):
        return f"P{self.v}"


ps = [P(3), P(1), P(2)]
print(P(1) in ps, ps.index(P(2)), ps.count(P(3)), sorted(ps), max(ps), min(ps))
ps.remove(P(1))
print(ps, [P(1), P(2)] == [P(1), P(2)], (P(1),) == (P(1),), {"k": P(1)} == {"k": P(1)})
print(P(5) != P(5), P(5) != P(6), sorted(ps, reverse=True), P(1) == 1)


class Flag(int):
    def describe(self):
        return f"flag {int(self)}"


f = Flag(5)
print(f + 1, f * 2, f.describe(), isinstance(f, int), f == 5, str(f), repr(f), hex(f), f"{f:03d}")


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("bob")
print(n.shout(), n + "by", len(n), n == "bob", n.title(), f"<{n}>", isinstance(n, str), "o" in n)


class It:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(zip(It(3), "abc")), list(enumerate(It(2))), dict(zip("xy", It(2))), sum(It(4)), " ".join(str(x) for x in It(3)))
print(list(enumerate(zip([1, 2], "ab"), 1)), *[1, 2, 3], sep="|")
print("a", end="")
print("b")
try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print([[P(1)], {"a": P(2)}, (P(3),)])
print("a b c".split()[1].upper().center(5, "*"), "-".join(reversed("abc")))
counter = 0


def outer():
    def inner():
        global counter
        counter += 10
    inner()
    inner()


outer()
print(counter)
data = {("a", 1): "x", ("b", 2): "y"}
print(sorted(data.items(), key=lambda kv: kv[0][1], reverse=True), data[("a", 1)])
print(isinstance([], (list, tuple)), isinstance((), (list, tuple)), isinstance("", (list, tuple)))
print(list(map(str.upper, ["a", "b"])), list(filter(str.isdigit, ["1", "a", "2"])), sorted(["b", "A", "c"], key=str.lower))
