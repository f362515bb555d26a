# async for over async generators: break, continue, else clause, driven by a hand-made run().
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def count(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("  count(%d) finally" % n)

async def main():
    acc = []
    async for x in count(4):
        acc.append(x * x)
    print("squares", acc)

    async for x in count(6):
        if x % 2:
            continue
        print("even", x)
    else:
        print("else after full loop")

    g = count(10)
    async for x in g:
        if x == 3:
            print("breaking at", x)
            break
    else:
        print("else not printed")
    print("closing explicitly after break")
    print("aclose result:", await g.aclose())

    async for x in count(0):
        print("never")
    else:
        print("else on empty")

    total = 0
    async for a in count(3):
        async for b in count(2):
            total += a * 10 + b
    print("nested total", total)
    return "main-done"

print(run(main()))
