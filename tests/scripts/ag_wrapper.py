# An async generator wrapping another one: transforms values, forwards asend, closes inner.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def source(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("  source finally")

async def mapped(agen, fn):
    try:
        async for v in agen:
            yield fn(v)
    finally:
        print("  mapped finally")
        await agen.aclose()

async def batched(agen, size):
    batch = []
    async for v in agen:
        batch.append(v)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

async def accumulate(inner):
    # forwards values sent with asend to the inner generator
    try:
        value = await inner.__anext__()
        while True:
            sent = yield value
            try:
                value = await inner.asend(sent)
            except StopAsyncIteration:
                return
    finally:
        print("  accumulate closing inner")
        await inner.aclose()

async def adder():
    total = 0
    try:
        while True:
            x = yield total
            total += x if x is not None else 0
    finally:
        print("  adder finally, total", total)

async def main():
    print([b async for b in batched(mapped(source(7), lambda x: x * 10), 3)])
    m = mapped(source(100), str)
    async for s in m:
        if s == "2":
            break
    await m.aclose()
    acc = accumulate(adder())
    print(await acc.asend(None))
    for x in (5, 6, 7):
        print("sent", x, "->", await acc.asend(x))
    await acc.aclose()
    print("main done")

run(main())
