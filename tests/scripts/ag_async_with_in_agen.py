# async with inside an async generator: enter/exit ordering relative to yields, aclose, athrow.
log = []

class Conn:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        log.append("open " + self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        log.append("close %s (%s)" % (self.name, et.__name__ if et else "ok"))
        return et is KeyError

async def rows(name, n):
    async with Conn(name) as c:
        for i in range(n):
            log.append("yield %s:%d" % (c.name, i))
            yield i
    log.append("after with " + name)
    yield "tail"

def drive(aw):
    try:
        aw.send(None)
        return "suspended"
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "STOP"
    except BaseException as e:
        return "raised %s" % type(e).__name__

g = rows("db1", 2)
print([drive(g.__anext__()) for _ in range(5)])
print(log); log.clear()

g = rows("db2", 3)
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(log); log.clear()

g = rows("db3", 3)
print(drive(g.__anext__()))
print(drive(g.athrow(KeyError("suppressed by aexit"))))
print(drive(g.__anext__()))
print(log); log.clear()

g = rows("db4", 3)
print(drive(g.__anext__()))
print(drive(g.athrow(ValueError("not suppressed"))))
print(log); log.clear()

async def collect():
    out = []
    async for v in rows("db5", 2):
        out.append(v)
    return out
print(drive(collect()))
print(log)
