# Producer/consumer pipeline of async generators running on a tiny scheduler.
class Tick:
    def __init__(self, who):
        self.who = who
    def __await__(self):
        yield self.who

async def numbers(n):
    for i in range(1, n + 1):
        await Tick("numbers")
        yield i

async def squares(src):
    async for x in src:
        await Tick("squares")
        yield x * x

async def only_odd(src):
    async for x in src:
        if x % 2:
            yield x

async def sink(name, src, out):
    async for v in src:
        out.append(v)
        print("%s received %d" % (name, v))
        await Tick(name)
    return len(out)

def run_all(tasks):
    trace = []
    rounds = 0
    while tasks:
        rounds += 1
        nxt = []
        for name, coro in tasks:
            try:
                who = coro.send(None)
                trace.append(who)
                nxt.append((name, coro))
            except StopIteration as e:
                print("task %s done: %r" % (name, e.value))
        tasks = nxt
    return rounds, trace

out1, out2 = [], []
rounds, trace = run_all([
    ("one", sink("one", only_odd(squares(numbers(5))), out1)),
    ("two", sink("two", numbers(3), out2)),
])
print(out1, out2)
print("rounds:", rounds)
counts = {}
for who in trace:
    counts[who] = counts.get(who, 0) + 1
print(counts)
