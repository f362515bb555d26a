class Channel:
    def __init__(self):
        self.items = []

    def put(self, x):
        self.items.append(x)

    def __await__(self):
        while not self.items:
            yield "wait"
        return self.items.pop(0)


async def producer(ch, n):
    for i in range(n):
        ch.put(i * i)
        await Yield()
    ch.put(None)


class Yield:
    def __await__(self):
        yield "yield"


async def consumer(ch, out):
    while True:
        v = await ch
        if v is None:
            return len(out)
        out.append(v)


def run_all(*coros):
    pending = list(coros)
    results = []
    steps = 0
    while pending:
        steps += 1
        for c in list(pending):
            try:
                c.send(None)
            except StopIteration as e:
                results.append(e.value)
                pending.remove(c)
    return results, steps


ch = Channel()
out = []
print(run_all(producer(ch, 5), consumer(ch, out)))
print(out)


async def failing():
    await Yield()
    raise ValueError("async failure")


async def guarded():
    try:
        await failing()
    except ValueError as e:
        return f"handled {e}"


print(run_all(guarded()))
co = failing()
co.send(None)
try:
    co.send(None)
except ValueError as e:
    print("direct", e)
co2 = guarded()
print(type(co2).__name__, co2.__name__ if hasattr(co2, "__name__") else "")
co2.close()
