# Exceptions inside async for bodies and inside the iterated async generator.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def source(items):
    try:
        for it in items:
            if it == "bad":
                raise ValueError("bad item in source")
            yield it
    finally:
        print("  source finally")

async def main():
    # exception raised by the generator propagates out of async for
    try:
        async for x in source(["a", "b", "bad", "c"]):
            print("got", x)
    except ValueError as e:
        print("caught from generator:", e)

    # exception raised in the loop body; generator must be closed explicitly
    g = source([1, 2, 3])
    try:
        async for x in g:
            print("body", x)
            if x == 2:
                raise KeyError(x)
    except KeyError as e:
        print("caught from body:", repr(e))
    await g.aclose()

    # try/except inside body keeps looping
    async for x in source([1, 0, 4]):
        try:
            print("inverse", 12 // x)
        except ZeroDivisionError as e:
            print("skip:", e)
            continue
        finally:
            print("  body finally for", x)

    # return from inside async for inside a nested coroutine
    async def find(target):
        s = source(range(10))
        try:
            async for x in s:
                if x == target:
                    return "found %d" % x
            return "missing"
        finally:
            await s.aclose()
    print(await find(4))
    print(await find(42))

run(main())
