# Awaiting a custom awaitable inside an async generator: markers pass through to the driver.
class Marker:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        reply = yield ("marker", self.tag)
        return "resumed:" + str(reply)

async def agen():
    r = await Marker("m1")
    print("  after await 1:", r)
    got = yield "Y1"
    print("  yield 1 returned:", got)
    r2 = await Marker("m2")
    r3 = await Marker("m3")
    print("  after awaits:", r2, r3)
    yield "Y2"

ag = agen()
aw = ag.asend(None)
print(aw.send(None))
try:
    aw.send("a")
except StopIteration as e:
    print("StopIteration value:", e.value)

aw = ag.asend("sent-in")
print(aw.send(None))
print(aw.send("b"))
try:
    aw.send("c")
except StopIteration as e:
    print("StopIteration value:", e.value)

aw = ag.__anext__()
try:
    aw.send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")

# generic driver that answers markers with a counter
def run_agen(g):
    results = []
    n = 0
    while True:
        aw = g.__anext__()
        reply = None
        try:
            while True:
                m = aw.send(reply)
                n += 1
                results.append(("driver saw", m[1]))
                reply = n
        except StopIteration as e:
            results.append(("value", e.value))
        except StopAsyncIteration:
            return results

for item in run_agen(agen()):
    print(item)
