# Async generator attributes: ag_running, ag_code, __name__, __qualname__, ag_await.
class Pause:
    def __await__(self):
        yield "paused"

current = None

async def watcher():
    print("  running inside:", current.ag_running)
    await Pause()
    print("  running after pause:", current.ag_running)
    yield 1
    print("  running again:", current.ag_running)
    yield 2

class Holder:
    async def method_gen(self):
        yield "m"

ag = watcher()
current = ag
print("name:", ag.__name__, "qualname:", ag.__qualname__)
print("code:", ag.ag_code.co_name)
print("before start running:", ag.ag_running)
print("ag_await before start:", ag.ag_await)
aw = ag.__anext__()
print("driver got:", aw.send(None))
print("running while awaiting Pause (outside):", ag.ag_running)
print("ag_await type while suspended in await:", type(ag.ag_await).__name__)
try:
    aw.send(None)
except StopIteration as e:
    print("yielded", e.value)
print("ag_await at yield:", ag.ag_await)
print("running at yield:", ag.ag_running)
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)

h = Holder().method_gen()
print(h.__name__, h.__qualname__)
h.__name__ = "renamed"
print(h.__name__, h.ag_code.co_name)

def outer():
    async def inner():
        yield 0
    return inner()
i = outer()
print(i.__name__, i.__qualname__)
try:
    i.__name__ = 5
except TypeError as e:
    print(type(e).__name__, str(e))

for g in (ag, h, i):
    try:
        g.aclose().send(None)
    except StopIteration:
        print("closed", g.__name__, "ag_running:", g.ag_running)
