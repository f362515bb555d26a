# Async generator expressions: type, consumption by async for, chaining, manual driving.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def letters():
    for ch in "abcde":
        yield ch

async def main():
    ge = (c.upper() async for c in letters())
    print(type(ge).__name__)
    print(ge.__aiter__() is ge)
    async for v in ge:
        print("got", v)
    evens = (i async for i in (j * 3 async for j in nums()) if i % 2 == 0)
    out = []
    async for v in evens:
        out.append(v)
    print(out)
    pairs = ((i, c) async for i, c in enum(letters()))
    print([p async for p in pairs])
    # drive an async genexpr by hand with __anext__
    g = (x + 1 async for x in nums())
    first = await g.__anext__()
    second = await g.asend(None)
    print("manual:", first, second)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed genexpr exhausted")

async def nums():
    for i in range(6):
        yield i

async def enum(ag):
    i = 0
    async for v in ag:
        yield i, v
        i += 1

run(main())
