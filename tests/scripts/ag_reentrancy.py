# Using an async generator while it is already running / suspended in an await -> RuntimeError.
class Pause:
    def __await__(self):
        yield "pause"

me = None

async def selfish():
    try:
        me.__anext__().send(None)
    except (RuntimeError, ValueError) as e:
        print("  inner anext:", type(e).__name__, str(e))
    await Pause()
    yield "v"

def try_send(label, aw):
    try:
        r = aw.send(None)
        print(label, "suspended", r)
    except StopIteration as e:
        print(label, "value", e.value)
    except StopAsyncIteration:
        print(label, "StopAsyncIteration")
    except RuntimeError as e:
        print(label, "RuntimeError", str(e))

g = selfish()
me = g
outer = g.__anext__()
try_send("outer", outer)            # suspended at Pause
# while suspended in an await, the generator is "running" for asend/athrow/aclose
try_send("second anext", g.__anext__())
try_send("athrow", g.athrow(ValueError))
try_send("aclose", g.aclose())
try_send("outer resumed", outer)
try_send("after", g.__anext__())
try_send("after2", g.__anext__())

# a plain coroutine awaiting itself
async def self_await():
    await current_coro
current_coro = self_await()
try:
    current_coro.send(None)
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, str(e))
