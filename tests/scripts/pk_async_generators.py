# Async generators, their asend/athrow awaitables and async comprehensions,
# suspended mid-iteration (inside try/finally, inside an await, inside an
# async for) and round-tripped with the objects that refer to them.
from helper_pk import roundtrip


class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield ("tick", self.n)
        return got


async def counter(limit):
    total = 0
    try:
        for i in range(limit):
            reply = await Tick(i)
            total += reply or 0
            sent = yield (i, total)
            if sent:
                total += sent
    finally:
        print("  counter finally, total", total)


def step(aw, value=None):
    try:
        return ("yielded", aw.send(value))
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("stop", None)


# An asend awaitable suspended inside the generator's await.
ag = counter(3)
a = ag.__anext__()
print(step(a))
ag, a = roundtrip((ag, a))
print(step(a, 5), ag.ag_running)
a = ag.asend(None)
ag, a = roundtrip((ag, a))
print(step(a), ag.ag_running)
print(step(a, 7))
a = ag.asend(10)
print(step(a))
ag, a = roundtrip((ag, a))
print(step(a, 1))
print(step(ag.__anext__()))

def advance(aw, reply=0):
    """Drive an awaitable to its end, answering each tick with `reply`."""
    r = step(aw)
    while r[0] == "yielded":
        r = step(aw, reply)
    return r


# athrow mid-iteration, then aclose.
ag = counter(5)
print(advance(ag.__anext__()), advance(ag.asend(None), 2))
ag = roundtrip(ag)
t = ag.athrow(KeyError("stop"))
ag, t = roundtrip((ag, t))
try:
    print(step(t))
except KeyError as e:
    print("KeyError", e.args)
print(step(ag.__anext__()))
ag = counter(5)
print(advance(ag.__anext__()), advance(ag.asend(3), 4))
c = ag.aclose()
ag, c = roundtrip((ag, c))
print(step(c), ag.ag_running)


async def squares(n):
    try:
        for i in range(n):
            await Tick(-i)
            yield i * i
    finally:
        print("  squares finally")


async def collect():
    got = [x async for x in squares(4) if x % 2 == 0]
    total = 0
    async for v in squares(3):
        total += v
    return got, total


c = collect()
r = step(c)
while r[0] == "yielded":
    print(" ", r[1])
    c = roundtrip(c)
    r = step(c, 1)
print(r)
