# Tasks communicating through a channel-like queue on a hand-written scheduler.
class WaitFor:
    def __init__(self, cond, label):
        self.cond = cond
        self.label = label
    def __await__(self):
        while not self.cond():
            yield self.label

class Channel:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.closed = False
    async def put(self, item):
        await WaitFor(lambda: len(self.items) < self.capacity, "put-wait")
        self.items.append(item)
    async def get(self):
        await WaitFor(lambda: self.items or self.closed, "get-wait")
        if self.items:
            return self.items.pop(0)
        return None

def scheduler(tasks):
    trace = []
    while tasks:
        name, coro = tasks.pop(0)
        try:
            label = coro.send(None)
            trace.append(name[0] + ":" + label)
            tasks.append((name, coro))
        except StopIteration as e:
            print(name, "returned", e.value)
    return trace

async def producer(ch, n):
    for i in range(n):
        await ch.put(i * i)
        print("produced", i * i)
    ch.closed = True
    return "produced %d" % n

async def consumer(ch):
    got = []
    while True:
        item = await ch.get()
        if item is None:
            break
        print("consumed", item)
        got.append(item)
    return got

ch = Channel(2)
trace = scheduler([("consumer", consumer(ch)), ("producer", producer(ch, 5))])
print(" ".join(trace))
