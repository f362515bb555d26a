# Event loop that tracks async generators via the firstiter hook and closes them at shutdown.
import sys

class Yield:
    def __await__(self):
        yield "yield"

class Loop:
    def __init__(self):
        self.tasks = []
        self.agens = []
    def firstiter(self, ag):
        print("  loop tracks", ag.__name__)
        self.agens.append(ag)
    def finalizer(self, ag):
        print("  finalizer", ag.__name__)
    def run(self, tasks):
        old = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self.firstiter, finalizer=self.finalizer)
        try:
            self.tasks = list(tasks)
            while self.tasks:
                name, coro = self.tasks.pop(0)
                try:
                    coro.send(None)
                    self.tasks.append((name, coro))
                except StopIteration as e:
                    print(name, "->", e.value)
            self.shutdown_agens()
        finally:
            sys.set_asyncgen_hooks(*old)
    def shutdown_agens(self):
        for ag in self.agens:
            print("  shutting down", ag.__name__, "running:", ag.ag_running)
            closer = ag.aclose()
            try:
                while True:
                    closer.send(None)
            except StopIteration:
                pass
            except Exception as e:
                print("  error closing", ag.__name__, type(e).__name__, e)

async def endless(tag):
    n = 0
    try:
        while True:
            await Yield()
            n += 1
            yield "%s%d" % (tag, n)
    finally:
        await Yield()   # awaiting during aclose is allowed
        print("  %s cleaned up after %d" % (tag, n))

async def take(ag, k):
    out = []
    async for v in ag:
        out.append(v)
        if len(out) == k:
            break
    return out

loop = Loop()
loop.run([("t1", take(endless("a"), 2)), ("t2", take(endless("b"), 3))])
print(sys.get_asyncgen_hooks())
