# Nested awaits: values flow through several coroutine layers; await of a used coroutine fails.
class Ask:
    def __init__(self, q):
        self.q = q
    def __await__(self):
        answer = yield ("ask", self.q)
        return answer

async def leaf(name):
    a = await Ask(name + "?")
    return name + "=" + str(a)

async def middle():
    x = await leaf("x")
    y = await leaf("y")
    return [x, y]

async def top():
    parts = await middle()
    parts.append(await leaf("z"))
    return ",".join(parts)

answers = iter([1, 2, 3])
c = top()
req = c.send(None)
try:
    while True:
        print("request", req)
        req = c.send(next(answers))
except StopIteration as e:
    print("result", e.value)

async def compute():
    return 42

async def reuse():
    co = compute()
    print("first await:", await co)
    try:
        await co
    except RuntimeError as e:
        print(type(e).__name__, str(e))
    return "ok"

try:
    reuse().send(None)
except StopIteration as e:
    print(e.value)

# awaiting something that is not awaitable
async def bad():
    await 3
try:
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, str(e))

# __await__ returning a non-iterator
class BadAwait:
    def __await__(self):
        return 5
async def bad2():
    await BadAwait()
try:
    bad2().send(None)
except TypeError as e:
    print(type(e).__name__, str(e))

# __await__ returning an iterator that is not a generator works
class IterAwait:
    def __await__(self):
        return iter(["p", "q"])
async def ok():
    r = await IterAwait()
    return ("finished", r)
c = ok()
print(c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
