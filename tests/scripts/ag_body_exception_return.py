# Exceptions in the body propagate through __anext__; bare return ends the generator.
def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("yield", e.value)
    except StopAsyncIteration as e:
        return ("stop", e.args)
    except Exception as e:
        return ("raised", type(e).__name__, str(e))

async def failing(n):
    for i in range(n):
        yield i
    raise ZeroDivisionError("after %d" % n)

g = failing(2)
for _ in range(4):
    print(drive(g.__anext__()))

async def early(flag):
    yield "start"
    if flag:
        return
    yield "middle"
    yield "end"

for flag in (True, False):
    g = early(flag)
    out = []
    while True:
        r = drive(g.__anext__())
        out.append(r)
        if r[0] != "yield":
            break
    print(flag, out)

async def nested_calls():
    def helper(x):
        return 10 // x
    yield helper(5)
    yield helper(0)

g = nested_calls()
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))

# exception inside an awaited coroutine inside the generator
async def inner():
    raise LookupError("deep")
async def outer():
    try:
        await inner()
    except LookupError as e:
        yield "recovered " + str(e)
    await inner()
    yield "unreachable"
g = outer()
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(drive(g.__anext__()))

# the traceback-less exception args survive
g = failing(0)
try:
    g.__anext__().send(None)
except ZeroDivisionError as e:
    print("args", e.args)
