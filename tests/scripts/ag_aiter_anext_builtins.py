# The aiter() and anext() builtins, including anext() with a default value.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def two():
    yield "first"
    yield "second"

class Manual:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return "m%d" % self.i

async def main():
    g = two()
    print(aiter(g) is g)
    print(await anext(g))
    print(await anext(g, "dflt"))
    print(await anext(g, "dflt"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration without default")
    m = aiter(Manual())
    print(type(m).__name__)
    print(await anext(m), await anext(m), await anext(m, None))
    try:
        aiter(5)
    except TypeError as e:
        print(type(e).__name__, str(e))
    try:
        anext([1, 2])
    except TypeError as e:
        print(type(e).__name__, str(e))
    # anext with no default returns the __anext__ awaitable itself
    g2 = two()
    print(type(anext(g2)).__name__)
    await g2.aclose()

run(main())
