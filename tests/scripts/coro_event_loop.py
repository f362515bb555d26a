class Future:
    def __init__(self):
        self.done = False
        self.result = None

    def __await__(self):
        while not self.done:
            yield self
        return self.result


class Loop:
    def __init__(self):
        self.ready = []
        self.time = 0
        self.timers = []

    def spawn(self, coro, name):
        self.ready.append((coro, name))

    def sleep(self, delay):
        fut = Future()
        self.timers.append((self.time + delay, len(self.timers), fut))
        return fut

    def run(self):
        results = {}
        while self.ready or self.timers:
            if not self.ready:
                self.timers.sort(key=lambda t: (t[0], t[1]))
                when, _, fut = self.timers.pop(0)
                self.time = when
                fut.done = True
                fut.result = when
                self.ready = [t for t in self.waiting if True]
                self.waiting = []
                continue
            batch, self.ready = self.ready, []
            self.waiting = getattr(self, "waiting", [])
            for coro, name in batch:
                try:
                    coro.send(None)
                    self.waiting.append((coro, name))
                except StopIteration as stop:
                    results[name] = stop.value
                    print(f"t={self.time} {name} finished -> {stop.value}")
        return results


loop = Loop()


async def task(name, delays):
    total = 0
    for d in delays:
        t = await loop.sleep(d)
        total += d
        print(f"t={t} {name} woke after {d}")
    return total


async def main_task():
    x = await loop.sleep(1)
    return f"main saw {x}"


loop.spawn(task("A", [2, 2]), "A")
loop.spawn(task("B", [1, 4]), "B")
loop.spawn(main_task(), "main")
print(sorted(loop.run().items()))


async def add(a, b):
    return a + b


async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y


c = compute()
try:
    c.send(None)
except StopIteration as s:
    print("compute ->", s.value)
print(type(c).__name__)
