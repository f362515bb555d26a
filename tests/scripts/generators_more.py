def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(12, fibs()))


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


print(list(chunks(list(range(10)), 3)))


def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)), sum(Countdown(4)), sorted(Countdown(3)), max(Countdown(6)))


class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = list(kids)

    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k


t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t), 3 in t, [v * 10 for v in t])


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)


e = echo()
next(e)
e.send("a")
e.send("b")
e.close()
gen = (x for x in range(3))
print(next(gen), list(gen), list(gen))


def with_return():
    yield 1
    return 99


try:
    g = with_return()
    next(g)
    next(g)
except StopIteration as s:
    print("stop value", s.value)
print(list(zip(fibs(), "abc")), dict(enumerate(take(3, fibs()))))
