# A ticker async generator cancelled with athrow(Cancelled) from a hand-written driver.
class Cancelled(Exception):
    pass

class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        yield ("sleep", self.n)

async def ticker(interval):
    tick = 0
    try:
        while True:
            await Sleep(interval)
            tick += 1
            yield tick
    except Cancelled as e:
        print("  ticker cancelled:", e.args[0])
        yield "cleanup-done"   # one final value delivered as athrow's result
    finally:
        print("  ticker finally at tick", tick)

def await_value(aw, clock):
    # run an awaitable to completion, advancing the fake clock on sleep requests
    try:
        while True:
            kind, n = aw.send(None)
            clock[0] += n
    except StopIteration as e:
        return e.value

clock = [0]
t = ticker(5)
for _ in range(3):
    v = await_value(t.__anext__(), clock)
    print("tick", v, "at time", clock[0])
res = await_value(t.athrow(Cancelled("deadline")), clock)
print("athrow returned", res, "time", clock[0])
try:
    await_value(t.__anext__(), clock)
except StopAsyncIteration:
    print("ticker exhausted")

# cancel while the ticker is suspended in its await (via throw on the asend awaitable)
t2 = ticker(3)
aw = t2.__anext__()
print("pending:", aw.send(None))
try:
    aw.throw(Cancelled("mid-sleep"))
except StopIteration as e:
    print("got", e.value)
try:
    await_value(t2.aclose(), clock)
    print("closed t2")
except RuntimeError as e:
    print(type(e).__name__, str(e))

# a ticker without a handler: athrow propagates the exception
async def plain_ticker():
    n = 0
    while True:
        n += 1
        yield n
p = plain_ticker()
print(await_value(p.__anext__(), clock), await_value(p.__anext__(), clock))
try:
    await_value(p.athrow(Cancelled("stop")), clock)
except Cancelled as e:
    print("propagated Cancelled", e.args)
