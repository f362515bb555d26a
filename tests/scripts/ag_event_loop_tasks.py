# A tiny round-robin event loop stepping several coroutine tasks that yield control.
class Yield:
    def __await__(self):
        yield self

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self

class Loop:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.now = 0
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.now += 1
                still = []
                for wake, name, coro in self.sleeping:
                    if wake <= self.now:
                        self.ready.append((name, coro))
                    else:
                        still.append((wake, name, coro))
                self.sleeping = still
                continue
            name, coro = self.ready.pop(0)
            try:
                req = coro.send(None)
            except StopIteration as e:
                print("t=%d %s finished -> %r" % (self.now, name, e.value))
                self.results[name] = e.value
                continue
            except Exception as e:
                print("t=%d %s crashed: %s %s" % (self.now, name, type(e).__name__, e))
                continue
            if isinstance(req, Sleep):
                self.sleeping.append((self.now + req.ticks, name, coro))
            else:
                self.ready.append((name, coro))

async def chatty(name, n):
    for i in range(n):
        print("%s step %d" % (name, i))
        await Yield()
    return name * n

async def sleeper(name, delays):
    for d in delays:
        print("%s sleeping %d" % (name, d))
        await Sleep(d)
    return sum(delays)

async def crasher():
    await Yield()
    raise ValueError("task failed")

loop = Loop()
loop.spawn("A", chatty("a", 3))
loop.spawn("B", chatty("b", 2))
loop.spawn("S", sleeper("s", [2, 1]))
loop.spawn("C", crasher())
loop.run()
print(sorted(loop.results.items()))
print("final time", loop.now)
