# StopIteration / StopAsyncIteration raised inside an async generator become RuntimeError.
def drive(aw):
    try:
        r = aw.send(None)
        return ("suspend", r)
    except StopIteration as e:
        return ("yield", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except Exception as e:
        cause = type(e.__cause__).__name__ if e.__cause__ else None
        return ("raised", type(e).__name__, str(e), cause)

async def raises_stopiter():
    yield 1
    raise StopIteration("inner")

async def raises_stopasync():
    yield 1
    raise StopAsyncIteration("inner")

async def next_on_empty():
    it = iter([])
    yield next(it)

for f in (raises_stopiter, raises_stopasync, next_on_empty):
    g = f()
    print(f.__name__)
    print(" ", drive(g.__anext__()))
    print(" ", drive(g.__anext__()))
    print(" ", drive(g.__anext__()))

# StopIteration thrown in via athrow is also converted
async def plain():
    yield "p"
    yield "q"

g = plain()
print(drive(g.__anext__()))
print(drive(g.athrow(StopIteration("thrown"))))
g = plain()
print(drive(g.__anext__()))
print(drive(g.athrow(StopAsyncIteration)))

# a coroutine raising StopIteration becomes RuntimeError too
async def coro():
    raise StopIteration(5)
try:
    coro().send(None)
except RuntimeError as e:
    print("coroutine:", type(e).__name__, str(e))

# but StopAsyncIteration caught inside the generator is fine
async def careful():
    try:
        raise StopAsyncIteration("handled")
    except StopAsyncIteration as e:
        yield "handled " + str(e)
g = careful()
print(drive(g.__anext__()))
print(drive(g.__anext__()))
