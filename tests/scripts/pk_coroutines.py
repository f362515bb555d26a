# Coroutines (async def / await on custom awaitables) and generators using
# `yield from`, suspended several levels deep and round-tripped.
from helper_pk import roundtrip


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for t in range(self.ticks):
            got = yield ("sleep", t)
        return self.ticks * 10


async def worker(name, jobs):
    done = []
    for j in jobs:
        r = await Sleep(j)
        done.append((j, r))
    return name, done


async def supervisor():
    a = await worker("a", [1, 2])
    b = await worker("b", [3])
    return [a, b]


def drive(coro, steps=None):
    out = []
    try:
        while steps is None or len(out) < steps:
            out.append(coro.send(None))
    except StopIteration as e:
        return out, e.value
    return out, None


c = supervisor()
print(drive(c, 3))
c2 = roundtrip(c)
print(drive(c2))


def inner(n):
    total = 0
    for i in range(n):
        x = yield i
        total += x or 0
    return total


def middle():
    t1 = yield from inner(3)
    t2 = yield from inner(2)
    return t1 + t2


def outer():
    result = yield from middle()
    yield "result %d" % result


g = outer()
print(next(g), g.send(10), g.send(20))
g2 = roundtrip(g)
print(g2.send(30), g2.send(40), g2.send(50))
print(list(g2))


def delegate_to_list():
    yield from ["x", "y", "z"]
    yield from range(3)
    yield from (c for c in "ab")


g = delegate_to_list()
print([next(g) for _ in range(4)])
print(list(roundtrip(g)))


async def adder(x):
    await Sleep(1)
    return x + 1


async def chain():
    v = 0
    for _ in range(3):
        v = await adder(v)
    return v


c = chain()
c.send(None)
c.send(None)
c3 = roundtrip(c)
print(drive(c3))


class Echo:
    def __await__(self):
        received = yield "first"
        received2 = yield f"echo {received}"
        return received + received2


async def conversation():
    r = await Echo()
    return f"total {r}"


c = conversation()
print(c.send(None), c.send(5))
c4 = roundtrip(c)
try:
    c4.send(7)
except StopIteration as e:
    print(e.value)


async def raises_later():
    await Sleep(1)
    raise ValueError("late failure")


c = raises_later()
c.send(None)
c5 = roundtrip(c)
try:
    c5.send(None)
except ValueError as e:
    print("raised", e)
